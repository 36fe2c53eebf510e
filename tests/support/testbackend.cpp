#include "testbackend.h"

#include "teststream.h"

#include "http/httpparser.h"

#include <QDateTime>
#include <QMutexLocker>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;

namespace LimpetTest {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

constexpr qint64 StreamChunk = 256 * 1024;
constexpr qint64 StreamHighWater = 1024 * 1024;

} // namespace

QByteArray ReceivedRequest::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (sameName(n, name))
            return v;
    }
    return QByteArray();
}

QList<QByteArray> ReceivedRequest::headerValues(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const auto &[n, v] : headers) {
        if (sameName(n, name))
            out.append(v);
    }
    return out;
}

bool ReceivedRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (sameName(n, name))
            return true;
    }
    return false;
}

namespace Detail {

class BackendConnection;

/// The listening socket of a TestBackend; lives in the backend's thread.
class BackendServer final : public QTcpServer
{
public:
    BackendServer(QString name, std::shared_ptr<TestBackend::State> state)
        : m_name(std::move(name))
        , m_state(std::move(state))
    { }
    ~BackendServer() override;

    const QString &name() const { return m_name; }
    TestBackend::State &state() { return *m_state; }
    void forget(BackendConnection *c) { m_connections.remove(c); }
    void resumeReading();

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QString m_name;
    std::shared_ptr<TestBackend::State> m_state;
    QSet<BackendConnection *> m_connections;
    int m_nextId = 1;
};

/// One accepted connection: parses requests, records them, answers per the Behaviour.
class BackendConnection final : public QObject
{
public:
    BackendConnection(BackendServer *server, qintptr descriptor, int id)
        : m_server(server)
        , m_state(server->state())
        , m_socket(new QTcpSocket)
        , m_parser(std::make_unique<Limpet::HttpParser>(
              Limpet::HttpParser::Kind::Request, Limpet::HttpLimits{1 << 20, 1 << 24, 10000}))
        , m_id(id)
    {
        m_socket->setSocketDescriptor(descriptor);
        m_socket->setReadBufferSize(256 * 1024);
        connect(m_socket, &QIODevice::readyRead, this, &BackendConnection::onReadyRead);
        connect(m_socket, &QIODevice::bytesWritten, this, &BackendConnection::onBytesWritten);
        connect(m_socket, &QAbstractSocket::disconnected, this, &BackendConnection::onDisconnected);
        QMutexLocker lock(&m_state.lock);
        ++m_state.connections;
        ++m_state.openConnections;
    }

    ~BackendConnection() override
    {
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        delete m_socket;
        m_server->forget(this);
        QMutexLocker lock(&m_state.lock);
        --m_state.openConnections;
    }

    void readSome();

private:
    enum class St {
        Reading, ///< parsing requests
        Waiting, ///< a response is being prepared or streamed
        Echo, ///< after 101: every byte goes back
        Silent, ///< never answers again
        Closed
    };

    void onReadyRead();
    void onBytesWritten(qint64 n);
    void onDisconnected();
    void process();
    void onHead();
    void consumeBody(QByteArrayView raw);
    void onComplete(bool upgrade);
    void respond();
    void pumpStream();
    void finishResponse(bool close);
    void publish(const std::function<void(ReceivedRequest &)> &edit);
    QByteArray responseBody() const;

    BackendServer *m_server;
    TestBackend::State &m_state;
    QTcpSocket *m_socket;
    std::unique_ptr<Limpet::HttpParser> m_parser;
    const int m_id;
    St m_st = St::Reading;

    QByteArray m_in;
    qsizetype m_pos = 0;
    qsizetype m_headStart = 0;
    bool m_headConsumed = false;
    bool m_slowReadPending = false;

    // The request being received / answered.
    int m_reqIndex = -1;
    Behaviour m_beh;
    QByteArray m_method;
    QByteArray m_target;
    bool m_keepAlive = true;
    bool m_isHead = false;
    QByteArray m_body;
    QByteArray m_rawBody;
    StreamHash m_bodyHash;

    // A Huge response being streamed.
    bool m_streaming = false;
    qint64 m_streamOffset = 0;
    qint64 m_streamRemaining = 0;
    qint64 m_streamHeadLeft = 0;
    StreamHash m_streamHash;
};

BackendServer::~BackendServer()
{
    const QSet<BackendConnection *> all = m_connections;
    for (BackendConnection *c : all)
        delete c;
}

void BackendServer::incomingConnection(qintptr descriptor)
{
    auto *c = new BackendConnection(this, descriptor, m_nextId++);
    m_connections.insert(c);
}

void BackendServer::resumeReading()
{
    const QSet<BackendConnection *> all = m_connections;
    for (BackendConnection *c : all) {
        if (m_connections.contains(c))
            c->readSome();
    }
}

void BackendConnection::publish(const std::function<void(ReceivedRequest &)> &edit)
{
    QMutexLocker lock(&m_state.lock);
    if (m_reqIndex >= 0 && m_reqIndex < m_state.requests.size())
        edit(m_state.requests[m_reqIndex]);
}

void BackendConnection::onReadyRead()
{
    if (m_slowReadPending)
        return; // the slow reader's timer reads next
    readSome();
}

void BackendConnection::readSome()
{
    if (m_st == St::Closed)
        return;
    if (m_st == St::Echo) {
        const QByteArray data = m_socket->readAll();
        if (!data.isEmpty())
            m_socket->write(data);
        return;
    }
    qint64 slow = 0;
    int interval = 0;
    {
        QMutexLocker lock(&m_state.lock);
        if (m_state.paused)
            return; // leave the bytes in the socket: its buffer fills, then TCP pushes back
        slow = m_state.behaviour.slowReadBytes;
        interval = m_state.behaviour.slowReadIntervalMs;
    }
    if (m_socket->bytesAvailable() == 0)
        return;
    if (slow > 0) {
        m_in.append(m_socket->read(slow));
        if (m_socket->bytesAvailable() > 0 && !m_slowReadPending) {
            m_slowReadPending = true;
            QTimer::singleShot(interval, this, [this] {
                m_slowReadPending = false;
                readSome();
            });
        }
    } else {
        m_in.append(m_socket->readAll());
    }
    if (m_st == St::Reading)
        process();
}

void BackendConnection::process()
{
    using Event = Limpet::HttpParser::Event;
    while (m_st == St::Reading) {
        qsizetype consumed = 0;
        const bool inBody = !m_parser->inHead();
        const Event ev = m_parser->feed(m_in, m_pos, consumed);
        if (consumed > 0) {
            if (inBody)
                consumeBody(QByteArrayView(m_in).sliced(m_pos, consumed));
            else
                m_headConsumed = true;
        }
        m_pos += consumed;
        switch (ev) {
        case Event::HeadComplete:
            onHead();
            break;
        case Event::MessageComplete:
            onComplete(false);
            break;
        case Event::Upgrade:
            onComplete(true);
            break;
        case Event::Error: {
            const QByteArray reason = m_parser->errorReason();
            if (m_parser->inHead()) {
                // A head the backend cannot parse: record it as a request that never completed.
                ReceivedRequest r;
                r.connectionId = m_id;
                r.rawHead = m_in.mid(m_headStart);
                r.parseError = reason.isEmpty() ? QByteArray("parse error") : reason;
                QMutexLocker lock(&m_state.lock);
                m_state.requests.append(r);
            } else {
                const QByteArray body = m_body;
                const QByteArray rawBody = m_rawBody;
                const StreamHash hash = m_bodyHash;
                publish([&](ReceivedRequest &r) {
                    r.parseError = reason.isEmpty() ? QByteArray("parse error") : reason;
                    r.body = body;
                    r.rawBody = rawBody;
                    r.bodyLength = hash.count();
                    r.bodyHash = hash.value();
                });
            }
            m_st = St::Closed;
            m_socket->disconnectFromHost();
            return;
        }
        case Event::NeedMore:
            if (m_pos >= m_in.size() && (!m_parser->inHead() || !m_headConsumed)) {
                m_in = QByteArray();
                m_pos = 0;
                m_headStart = 0;
            }
            return;
        }
    }
}

void BackendConnection::onHead()
{
    Limpet::HttpHead &h = m_parser->head();
    ReceivedRequest r;
    r.connectionId = m_id;
    r.method = h.method;
    r.target = h.targetView().toByteArray();
    r.versionMinor = h.versionMinor;
    r.rawHead = m_in.mid(m_headStart, m_pos - m_headStart);
    for (const Limpet::HttpHead::Field &f : std::as_const(h.fields)) {
        if (!f.removed)
            r.headers.append({h.view(f.name).toByteArray(), h.view(f.value).toByteArray()});
    }
    m_method = r.method;
    m_target = r.target;
    m_keepAlive = h.keepAlive;
    m_isHead = h.method == "HEAD";
    m_body.clear();
    m_rawBody.clear();
    m_bodyHash = StreamHash();
    m_parser->releaseHead();
    m_parser->setCollectBody(true);
    {
        QMutexLocker lock(&m_state.lock);
        m_beh = m_state.behaviour;
        m_reqIndex = static_cast<int>(m_state.requests.size());
        m_state.requests.append(r);
    }
    for (const QByteArray &interim : std::as_const(m_beh.interim))
        m_socket->write(interim);
}

void BackendConnection::consumeBody(QByteArrayView raw)
{
    const QByteArray decoded = m_parser->takeBody();
    m_bodyHash.add(decoded);
    if (m_beh.storeBody) {
        m_rawBody.append(raw);
        m_body.append(decoded);
    }
}

void BackendConnection::onComplete(bool upgrade)
{
    const QByteArray body = m_body;
    const QByteArray rawBody = m_rawBody;
    const StreamHash hash = m_bodyHash;
    publish([&](ReceivedRequest &r) {
        r.complete = true;
        r.body = body;
        r.rawBody = rawBody;
        r.bodyLength = hash.count();
        r.bodyHash = hash.value();
    });
    m_body.clear();
    m_rawBody.clear();
    m_parser->startNextMessage();
    m_headStart = m_pos;
    m_headConsumed = false;

    if (upgrade && m_beh.mode == Behaviour::Mode::WebSocketEcho) {
        m_socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                        "Connection: Upgrade\r\nX-Backend: "
            + m_server->name().toUtf8() + "\r\n\r\n");
        m_st = St::Echo;
        if (m_pos < m_in.size())
            m_socket->write(m_in.sliced(m_pos));
        m_in = QByteArray();
        m_pos = 0;
        readSome();
        return;
    }
    if (upgrade)
        m_keepAlive = false; // the parser cannot go on after an upgrade it did not take
    m_st = St::Waiting;
    if (m_beh.delayMs > 0)
        QTimer::singleShot(m_beh.delayMs, this, [this] { respond(); });
    else
        respond();
}

QByteArray BackendConnection::responseBody() const
{
    if (m_beh.hasBody)
        return m_beh.body;
    if (m_beh.echoTarget)
        return m_server->name().toUtf8() + ' ' + m_target;
    return m_server->name().toUtf8();
}

void BackendConnection::respond()
{
    using Mode = Behaviour::Mode;
    const Behaviour &b = m_beh;
    switch (b.mode) {
    case Mode::NeverAnswer:
        m_st = St::Silent;
        return;
    case Mode::Malformed:
        m_socket->write(b.malformedResponse);
        m_st = St::Silent;
        if (b.closeAfterResponse) {
            m_st = St::Closed;
            m_socket->disconnectFromHost();
        }
        return;
    case Mode::CloseWithoutAnswer:
        m_st = St::Closed;
        m_socket->disconnectFromHost();
        return;
    default:
        break;
    }

    const bool close = b.closeAfterResponse || !m_keepAlive || b.mode == Mode::CloseDelimited;
    int status = b.status;
    QByteArray reason = b.reason;
    QByteArray body = responseBody();
    if (b.mode == Mode::Redirect) {
        status = 302;
        reason = "Found";
        body = "moved\n";
    }
    const bool noBody = m_isHead || status == 204 || status == 304 || status < 200;

    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    out += "X-Backend: " + m_server->name().toUtf8() + "\r\n";
    if (b.mode == Mode::Redirect)
        out += "Location: http://127.0.0.1:" + QByteArray::number(m_server->serverPort())
            + "/x\r\n";
    for (const auto &[n, v] : b.headers)
        out += n + ": " + v + "\r\n";
    if (b.mode == Mode::Chunked) {
        out += "Transfer-Encoding: chunked\r\n";
        if (!b.trailers.isEmpty()) {
            QByteArrayList names;
            for (const auto &[n, v] : b.trailers)
                names.append(n);
            out += "Trailer: " + names.join(", ") + "\r\n";
        }
    } else if (b.mode == Mode::Huge) {
        out += "Content-Length: " + QByteArray::number(b.hugeBytes) + "\r\n";
    } else if (b.mode != Mode::CloseDelimited && status != 204 && status >= 200) {
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";

    if (b.mode == Mode::Huge && !noBody) {
        m_streaming = true;
        m_streamOffset = 0;
        m_streamRemaining = b.hugeBytes;
        m_streamHeadLeft = out.size();
        m_streamHash = StreamHash();
        {
            QMutexLocker lock(&m_state.lock);
            m_state.lastStreamProgressMs = nowMs();
            m_state.streamHash = m_streamHash.value();
        }
        m_socket->write(out);
        pumpStream();
        return;
    }

    if (!noBody) {
        if (b.mode == Mode::Chunked) {
            const int size = qMax(1, b.chunkSize);
            for (qsizetype at = 0; at < body.size(); at += size) {
                const QByteArray piece = body.mid(at, size);
                out += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
            }
            out += "0\r\n";
            for (const auto &[n, v] : b.trailers)
                out += n + ": " + v + "\r\n";
            out += "\r\n";
        } else {
            out += body;
        }
    }
    m_socket->write(out);
    finishResponse(close || b.closeSilentlyAfterResponse);
}

void BackendConnection::pumpStream()
{
    while (m_streamRemaining > 0 && m_socket->bytesToWrite() < StreamHighWater
        && m_socket->state() == QAbstractSocket::ConnectedState) {
        const qint64 n = qMin(StreamChunk, m_streamRemaining);
        const QByteArray data = patternBytes(m_streamOffset, n);
        m_streamHash.add(data);
        m_socket->write(data);
        m_streamOffset += n;
        m_streamRemaining -= n;
    }
    {
        QMutexLocker lock(&m_state.lock);
        m_state.streamPending = m_socket->bytesToWrite();
        m_state.streamHash = m_streamHash.value();
    }
    if (m_streamRemaining == 0 && m_socket->bytesToWrite() == 0) {
        m_streaming = false;
        {
            QMutexLocker lock(&m_state.lock);
            ++m_state.streamsCompleted;
        }
        finishResponse(
            !m_keepAlive || m_beh.closeAfterResponse || m_beh.closeSilentlyAfterResponse);
    }
}

void BackendConnection::onBytesWritten(qint64 n)
{
    if (!m_streaming)
        return;
    const qint64 headPart = qMin(n, m_streamHeadLeft);
    m_streamHeadLeft -= headPart;
    {
        QMutexLocker lock(&m_state.lock);
        m_state.streamed += n - headPart;
        m_state.lastStreamProgressMs = nowMs();
    }
    pumpStream();
}

void BackendConnection::finishResponse(bool close)
{
    if (close) {
        m_st = St::Closed;
        m_socket->disconnectFromHost();
        return;
    }
    m_st = St::Reading;
    // Pipelined requests may be waiting in m_in: go on from the event loop, not recursively.
    QMetaObject::invokeMethod(
        this,
        [this] {
            process();
            readSome();
        },
        Qt::QueuedConnection);
}

void BackendConnection::onDisconnected()
{
    if (m_streaming && (m_streamRemaining > 0 || m_socket->bytesToWrite() > 0)) {
        m_streaming = false;
        QMutexLocker lock(&m_state.lock);
        ++m_state.streamsAborted;
    }
    if (m_st == St::Reading && !m_parser->inHead()) {
        // Cut short in the middle of a body: keep what arrived.
        const QByteArray body = m_body;
        const QByteArray rawBody = m_rawBody;
        const StreamHash hash = m_bodyHash;
        publish([&](ReceivedRequest &r) {
            r.body = body;
            r.rawBody = rawBody;
            r.bodyLength = hash.count();
            r.bodyHash = hash.value();
        });
    }
    m_st = St::Closed;
    deleteLater();
}

} // namespace Detail

TestBackend::TestBackend(QString name, Behaviour behaviour)
    : m_name(std::move(name))
    , m_state(std::make_shared<State>())
    , m_thread(std::make_unique<QThread>())
{
    m_state->behaviour = std::move(behaviour);
    m_thread->setObjectName(u"backend-"_s + m_name);
    m_thread->start();
    auto *server = new Detail::BackendServer(m_name, m_state);
    server->moveToThread(m_thread.get());
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [server, &port] {
            if (server->listen(QHostAddress::LocalHost, 0))
                port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    m_server = server;
    m_port = port;
}

TestBackend::~TestBackend()
{
    Detail::BackendServer *server = m_server;
    QMetaObject::invokeMethod(
        server, [server] { delete server; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void TestBackend::setBehaviour(const Behaviour &behaviour)
{
    QMutexLocker lock(&m_state->lock);
    m_state->behaviour = behaviour;
}

Behaviour TestBackend::behaviour() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->behaviour;
}

QList<ReceivedRequest> TestBackend::requests() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->requests;
}

int TestBackend::requestCount() const
{
    QMutexLocker lock(&m_state->lock);
    return static_cast<int>(m_state->requests.size());
}

int TestBackend::completeRequestCount() const
{
    QMutexLocker lock(&m_state->lock);
    int n = 0;
    for (const ReceivedRequest &r : std::as_const(m_state->requests))
        n += r.complete;
    return n;
}

int TestBackend::connectionCount() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->connections;
}

int TestBackend::openConnectionCount() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->openConnections;
}

void TestBackend::clearRequests()
{
    QMutexLocker lock(&m_state->lock);
    m_state->requests.clear();
}

void TestBackend::setReadingPaused(bool paused)
{
    {
        QMutexLocker lock(&m_state->lock);
        m_state->paused = paused;
    }
    if (!paused) {
        Detail::BackendServer *server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { server->resumeReading(); }, Qt::QueuedConnection);
    }
}

qint64 TestBackend::streamedBytes() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->streamed;
}

qint64 TestBackend::msSinceStreamProgress() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->lastStreamProgressMs ? nowMs() - m_state->lastStreamProgressMs : 0;
}

qint64 TestBackend::streamPendingBytes() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->streamPending;
}

int TestBackend::streamsCompleted() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->streamsCompleted;
}

int TestBackend::streamsAborted() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->streamsAborted;
}

quint64 TestBackend::streamHash() const
{
    QMutexLocker lock(&m_state->lock);
    return m_state->streamHash;
}

} // namespace LimpetTest
