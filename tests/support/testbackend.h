#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>

#include <memory>
#include <utility>

namespace LimpetTest {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

/// What a TestBackend saw of one request. Appended when the head arrives, completed when the
/// body has (see `complete`).
struct ReceivedRequest
{
    int connectionId = 0; ///< 1, 2, ... in the order the backend accepted its connections
    QByteArray method;
    QByteArray target;
    int versionMinor = 1;
    QByteArray rawHead; ///< the head bytes exactly as received, request line to blank line
    HeaderList headers; ///< in received order, names as received
    QByteArray body; ///< decoded body (de-chunked); empty when bodies are only counted
    QByteArray rawBody; ///< body bytes as received (chunk framing, trailers); same caveat
    qint64 bodyLength = 0; ///< decoded body bytes, always counted
    quint64 bodyHash = 0; ///< StreamHash of the decoded body, always computed
    bool complete = false; ///< the whole message (body included) arrived
    QByteArray parseError; ///< why the backend's parser refused what followed, if it did

    /// First value of a header (case-insensitive), or a null QByteArray.
    [[nodiscard]] QByteArray header(QByteArrayView name) const;
    [[nodiscard]] QList<QByteArray> headerValues(QByteArrayView name) const;
    [[nodiscard]] bool hasHeader(QByteArrayView name) const;
};

/// How a TestBackend answers the requests it completes.
struct Behaviour
{
    enum class Mode {
        Normal, ///< status/headers/body below, Content-Length framing
        Chunked, ///< same body, chunked in `chunkSize` pieces, then `trailers`
        CloseDelimited, ///< no Content-Length: the body ends when the backend closes
        Huge, ///< `hugeBytes` of patternBytes(), generated as the socket drains
        NeverAnswer, ///< reads the request and keeps the connection open, silent
        Malformed, ///< sends `malformedResponse` as is; keeps the connection unless
                   ///< closeAfterResponse (then: a raw response, e.g. a truncated one)
        CloseWithoutAnswer, ///< reads the request, then closes without a byte
        WebSocketEcho, ///< 101 Switching Protocols to an Upgrade, then echoes every byte
        Redirect, ///< 302 with Location: http://127.0.0.1:<port>/x
    };
    Mode mode = Mode::Normal;
    int status = 200;
    QByteArray reason = "OK";
    HeaderList headers; ///< extra response headers
    bool hasBody = false; ///< use `body`; otherwise the body is the backend's name
    QByteArray body;
    bool echoTarget = false; ///< body = "<name> <target>" (tells pipelined responses apart)
    HeaderList trailers; ///< Chunked: trailer fields after the last chunk
    int chunkSize = 4; ///< Chunked: bytes per chunk
    qint64 hugeBytes = 0; ///< Huge: response body length
    int delayMs = 0; ///< wait this long after the request completed before answering
    /// Interim responses (raw, e.g. "HTTP/1.1 100 Continue\r\n\r\n") sent as soon as a head
    /// has arrived, before the body is read.
    QList<QByteArray> interim;
    QByteArray malformedResponse = "HTTQ/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    bool closeAfterResponse = false; ///< add Connection: close and close after each response
    /// Close after each response without saying so (as a server whose keep-alive timeout
    /// expired): the proxy's idle connection to it goes stale.
    bool closeSilentlyAfterResponse = false;
    bool storeBody = true; ///< false: bodies are only counted and hashed (big uploads)
    /// Slow reader: when > 0, read at most this many bytes every `slowReadIntervalMs`.
    qint64 slowReadBytes = 0;
    int slowReadIntervalMs = 10;
};

namespace Detail {
class BackendServer;
}

/// A small HTTP/1.1 server on 127.0.0.1:<ephemeral> that runs in its own thread, so a test can
/// use blocking client sockets in its own thread while it answers. It records every request
/// (thread-safe) and answers according to its Behaviour (Normal: 200, body = its name, header
/// `X-Backend: <name>`).
class TestBackend final
{
public:
    explicit TestBackend(QString name, Behaviour behaviour = Behaviour());
    ~TestBackend();
    Q_DISABLE_COPY_MOVE(TestBackend)

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] bool isListening() const { return m_port != 0; }

    /// Applies to requests whose head arrives afterwards. Any thread.
    void setBehaviour(const Behaviour &behaviour);
    [[nodiscard]] Behaviour behaviour() const;

    [[nodiscard]] QList<ReceivedRequest> requests() const;
    [[nodiscard]] int requestCount() const;
    /// Requests whose whole body arrived.
    [[nodiscard]] int completeRequestCount() const;
    /// Connections accepted so far.
    [[nodiscard]] int connectionCount() const;
    /// Connections currently open.
    [[nodiscard]] int openConnectionCount() const;
    void clearRequests();

    /// Stops/resumes reading from every connection (the kernel buffers fill and TCP pushes back
    /// on the sender). Applies at once. Any thread.
    void setReadingPaused(bool paused);

    /// Huge responses: body bytes the socket accepted so far (all responses together).
    [[nodiscard]] qint64 streamedBytes() const;
    /// Milliseconds since a Huge response last made progress (bytes accepted by the socket).
    [[nodiscard]] qint64 msSinceStreamProgress() const;
    /// Bytes waiting in the backend's own write buffer of its streaming connection.
    [[nodiscard]] qint64 streamPendingBytes() const;
    /// Huge responses sent completely / cut short by the peer closing.
    [[nodiscard]] int streamsCompleted() const;
    [[nodiscard]] int streamsAborted() const;
    /// StreamHash of the last Huge response's bytes sent so far.
    [[nodiscard]] quint64 streamHash() const;

    /// Shared with the server thread.
    struct State
    {
        mutable QMutex lock;
        Behaviour behaviour;
        QList<ReceivedRequest> requests;
        int connections = 0;
        int openConnections = 0;
        bool paused = false;
        qint64 streamed = 0;
        qint64 lastStreamProgressMs = 0;
        qint64 streamPending = 0;
        int streamsCompleted = 0;
        int streamsAborted = 0;
        quint64 streamHash = 0;
    };

private:
    QString m_name;
    quint16 m_port = 0;
    std::shared_ptr<State> m_state;
    std::unique_ptr<QThread> m_thread;
    Detail::BackendServer *m_server = nullptr; ///< lives in m_thread
};

} // namespace LimpetTest
