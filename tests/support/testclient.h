#pragma once

#include "testbackend.h"

#include <QByteArray>
#include <QTcpSocket>

#include <functional>

namespace LimpetTest {

/// One response as a client received it.
struct HttpResponse
{
    int status = 0; ///< 0 when no complete head arrived
    QByteArray reason;
    int versionMinor = 1;
    QByteArray rawHead; ///< the final response's head as received
    HeaderList headers;
    QByteArray body; ///< decoded (de-chunked) body
    QByteArray rawBody; ///< body bytes as received (chunk framing and trailers)
    QList<QByteArray> interim; ///< raw heads of 1xx responses received before this one
    bool complete = false; ///< head and whole body arrived
    bool closed = false; ///< the server closed the connection while or after reading it
    bool timedOut = false; ///< the timeout passed before it was complete
    QByteArray error; ///< parse error, if the bytes were not HTTP

    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] QList<QByteArray> headerValues(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
    /// The value of cookie `name` set by a Set-Cookie header, or a null QByteArray.
    [[nodiscard]] QByteArray setCookieValue(QByteArrayView name) const;
};

/// A blocking HTTP/1.x client for the test thread: QTcpSocket with bounded waits, responses read
/// with Limpet::HttpParser. Keeps the bytes that follow a response (pipelining, tunnels).
class TestClient final
{
public:
    TestClient();
    /// Connects at once; check isConnected().
    explicit TestClient(quint16 port, int timeoutMs = 5000);
    ~TestClient();
    Q_DISABLE_COPY_MOVE(TestClient)

    bool connectTo(quint16 port, int timeoutMs = 5000);
    [[nodiscard]] bool isConnected() const;
    [[nodiscard]] QTcpSocket &socket() { return m_socket; }

    /// Writes raw bytes and waits until the socket has handed them to the kernel. Returns false
    /// if the connection failed before they were written.
    bool send(const QByteArray &data, int timeoutMs = 10000);

    struct ReadOptions
    {
        bool requestWasHead = false;
        /// Called with decoded body bytes as they arrive instead of collecting them in `body`.
        std::function<void(QByteArrayView)> onBody;
    };
    /// Reads one response (after any 1xx interim responses). A 101 ends the response at its
    /// head; what follows is left for readRaw().
    HttpResponse readResponse(int timeoutMs = 10000);
    HttpResponse readResponse(int timeoutMs, const ReadOptions &options);

    /// GET-like convenience: sends `method target HTTP/1.1` with Host and `headers`, then reads.
    HttpResponse request(const QByteArray &method, const QByteArray &target,
        const HeaderList &headers = {}, const QByteArray &body = {}, int timeoutMs = 10000);

    /// Reads raw bytes until `count` bytes are in, the peer closed, or the timeout passed.
    QByteArray readRaw(qsizetype count, int timeoutMs = 10000);
    /// Reads (and keeps, see leftover()) whatever arrives until the peer closes. Returns true
    /// when it closed within the timeout.
    bool waitForClosed(int timeoutMs = 10000);
    /// True when the peer has closed the connection (as far as this socket has noticed).
    [[nodiscard]] bool peerClosed() const;
    /// Bytes received but not consumed by a response.
    [[nodiscard]] const QByteArray &leftover() const { return m_buffer; }
    void close();

private:
    /// Moves what the socket has into m_buffer; waits up to `timeoutMs` for more when it has
    /// nothing. Returns false when the peer closed (and nothing came) or the timeout passed.
    bool fill(int timeoutMs);

    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

/// A GET through a fresh connection, for quick checks.
HttpResponse httpGet(quint16 port, const QByteArray &target, const HeaderList &headers = {});

/// A port on 127.0.0.1 with nothing listening (bound, then closed).
[[nodiscard]] quint16 unusedPort();

} // namespace LimpetTest
