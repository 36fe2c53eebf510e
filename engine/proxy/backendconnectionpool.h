#pragma once

#include <QHash>
#include <QList>

#include <chrono>

namespace Limpet {

class Backend;
class ProxySocket;

/// Idle keep-alive connections to backends, one pool per worker thread, shared by all the
/// client connections of that worker: a client connection borrows a backend connection for one
/// request and gives it back, so it owns no backend socket while idle.
/// Only touched from its worker's thread.
class BackendConnectionPool final
{
public:
    explicit BackendConnectionPool(std::chrono::milliseconds idleTimeout);
    ~BackendConnectionPool();
    Q_DISABLE_COPY_MOVE(BackendConnectionPool)

    /// An idle connection to `backend` that still looks alive (connected, nothing unread), or
    /// nullptr. The caller owns it until giveBack() or deleteLater().
    [[nodiscard]] ProxySocket *take(const Backend &backend);
    /// Keeps a connection whose last response ended cleanly for the next request.
    void giveBack(const Backend &backend, ProxySocket *socket, qint64 nowMs);
    /// Closes connections idle for longer than the keep-alive timeout.
    void expire(qint64 nowMs);
    void closeAll();
    [[nodiscard]] int idleCount() const;

private:
    struct Idle
    {
        ProxySocket *socket = nullptr;
        qint64 sinceMs = 0;
    };
    QHash<quint32, QList<Idle>> m_idle; ///< backend id → most recently used last
    qint64 m_idleTimeoutMs;
};

} // namespace Limpet
