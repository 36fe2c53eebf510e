#pragma once

#include "http/httpparser.h"
#include "pool/decision.h"

#include <QByteArray>
#include <QHostAddress>

#include <qcoro/qcorotask.h>

namespace Limpet {

class ProxySocket;
class Worker;

/// One client connection: reads its requests in order, routes each to a backend through its
/// pool, and streams the response back. Written top to bottom as one coroutine per connection.
///
/// Memory: while idle between requests it holds the socket, the request parser and this object;
/// no backend socket (borrowed per request from the worker's pool) and no buffer.
/// Created, run and destroyed in its worker's thread; it deletes itself when the connection ends.
class ClientConnection final
{
public:
    ClientConnection(Worker *worker, qintptr descriptor);
    ~ClientConnection();
    Q_DISABLE_COPY_MOVE(ClientConnection)

    /// Starts serving; returns at the first suspension.
    void start();
    /// Shutdown: closes the connection now if it is between requests.
    void closeIfIdle();
    void abortSocket();

private:
    enum class Next {
        KeepAlive,
        Close
    };

    QCoro::Task<> run();
    /// Serves the request whose first bytes are in m_in. Returns whether to read another.
    QCoro::Task<Next> serveOne();
    QCoro::Task<Next> exchange();
    QCoro::Task<> tunnel(ProxySocket *backend, QByteArray backendLeftover);
    QCoro::Task<> pump(ProxySocket *from, ProxySocket *to, bool *done);
    /// Sends an error response Limpet made itself; the connection then closes.
    QCoro::Task<> sendError(int status, QByteArray detail);
    /// `data` is copied into the socket before the first suspension, so a view is safe here.
    /// Writes and applies back-pressure: waits while the peer's buffer is over the high-water
    /// mark. Returns false when the peer is gone or did not drain within `timeout`.
    QCoro::Task<bool> writeTo(
        ProxySocket *socket, QByteArrayView data, std::chrono::milliseconds timeout);
    QCoro::Task<> closeGracefully();
    /// Sends now (no waiting); false when the peer is gone. Callers wait with writeTo(socket,
    /// {}, timeout) when bytesToWrite() is over the high-water mark.
    bool push(ProxySocket *socket, QByteArrayView data);

    Worker *m_worker;
    ProxySocket *m_socket;
    ProxySocket *m_server = nullptr; ///< the backend connection borrowed for the current request
    HttpParser m_parser;
    QByteArray m_in; ///< bytes from the client not yet consumed
    qsizetype m_inPos = 0;
    QHostAddress m_peer;
    QByteArray m_peerText; ///< for X-Forwarded-For
    Decision *m_decision = nullptr; ///< the current request's record (exchange() owns it)
    bool m_idle = true;
    bool m_first = true;
};

} // namespace Limpet
