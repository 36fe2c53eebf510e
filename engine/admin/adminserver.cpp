#include "admin/adminserver.h"

#include "background.h"
#include "http/httperror.h"
#include "http/httpparser.h"
#include "proxy/proxysocket.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QTcpServer>

#include <qcoro/qcorotask.h>

#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Wake = Limpet::ProxySocket::Wake;
using Condition = Limpet::ProxySocket::Condition;

namespace Limpet {

namespace {

Q_LOGGING_CATEGORY(lcAdmin, "limpet.admin")

/// A connection's first request head, and every later head from its first byte on.
constexpr std::chrono::milliseconds HeadTimeout = 10s;
/// Between two requests of a keep-alive connection.
constexpr std::chrono::milliseconds IdleTimeout = 60s;
/// Between two reads of a request body.
constexpr std::chrono::milliseconds BodyTimeout = 10s;
/// For the client to take what it was sent (a full write buffer, or the last response).
constexpr std::chrono::milliseconds WriteTimeout = 10s;
/// After an answer the server closes on: how long it reads and drops what the client still
/// sends, so the kernel does not reset the connection before the client read the answer.
constexpr std::chrono::milliseconds LingerTime = 2s;
constexpr qint64 MaxLingerBytes = 8 * 1024 * 1024;
/// An event stream with nothing to say sends a comment this often (proxies close silent ones).
constexpr std::chrono::milliseconds StreamKeepAlive = 15s;
constexpr std::chrono::milliseconds MinStreamInterval = 10ms;
/// How often a connection waiting for an answer built in the pool looks whether it is ready.
constexpr std::chrono::milliseconds BuildPoll = 10ms;
constexpr qint64 MaxBodyBytes = 1024 * 1024;
/// Failed authentications from one address within FailureWindow that block it for BlockTime.
constexpr int MaxAuthFailures = 10;
constexpr std::chrono::milliseconds FailureWindow = 60s;
constexpr std::chrono::milliseconds BlockTime = 60s;
/// Addresses whose failures are remembered before stale ones are forgotten.
constexpr qsizetype MaxTrackedAddresses = 4096;
/// Connections served at once; more are closed at accept (the admin API has few clients).
constexpr qsizetype MaxConnections = 256;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::chrono::milliseconds remainingUntil(qint64 deadlineMs)
{
    return std::chrono::milliseconds(qMax<qint64>(0, deadlineMs - nowMs()));
}

/// IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d: one key per client either way.
QHostAddress normalized(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    return ok ? QHostAddress(v4) : address;
}

bool knownMethod(QByteArrayView method)
{
    for (const char *m : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
        if (method == m)
            return true;
    }
    return false;
}

/// The token of an `Authorization: Bearer <token>` value, or an empty optional for any other
/// scheme.
std::optional<QByteArrayView> bearerToken(QByteArrayView value)
{
    constexpr QByteArrayView scheme("Bearer");
    value = value.trimmed();
    if (value.size() <= scheme.size()
        || value.first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0
        || (value.at(scheme.size()) != ' ' && value.at(scheme.size()) != '\t'))
        return std::nullopt;
    return value.sliced(scheme.size()).trimmed();
}

/// Fills the path, segments and query of `request` from an origin-form (or absolute-form)
/// target: the percent-decoded path, its segments decoded one by one (so `%2F` stays inside its
/// segment), and the query (`+` read as a space, as HTML forms and URLSearchParams send it).
void parseTarget(QByteArrayView target, AdminRequest &request)
{
    if (target.startsWith("http://") || target.startsWith("https://")) {
        target = target.sliced(target.indexOf("://") + 3); // authority, then path and query
        qsizetype pathStart = 0;
        while (
            pathStart < target.size() && target.at(pathStart) != '/' && target.at(pathStart) != '?')
            ++pathStart;
        target = target.sliced(pathStart);
    }
    const qsizetype hash = target.indexOf('#');
    if (hash >= 0)
        target = target.first(hash);
    const qsizetype question = target.indexOf('?');
    QByteArrayView rawPath = question >= 0 ? target.first(question) : target;
    const QByteArrayView rawQuery = question >= 0 ? target.sliced(question + 1) : QByteArrayView();
    if (rawPath.isEmpty())
        rawPath = QByteArrayView("/");

    request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath.toByteArray()));
    request.segments.clear();
    qsizetype start = 0;
    while (start <= rawPath.size()) {
        qsizetype end = rawPath.indexOf('/', start);
        if (end < 0)
            end = rawPath.size();
        if (end > start) {
            const QByteArray piece = rawPath.sliced(start, end - start).toByteArray();
            request.segments.append(QString::fromUtf8(QByteArray::fromPercentEncoding(piece)));
        }
        start = end + 1;
    }
    QByteArray query = rawQuery.toByteArray();
    query.replace('+', "%20");
    request.query = QUrlQuery(QString::fromUtf8(query));
}

bool hasLineBreak(QByteArrayView text)
{
    return text.contains('\r') || text.contains('\n');
}

/// The handler's extra headers, as "Name: value" lines.
void appendHeaders(QByteArray &out, const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    for (const auto &[name, value] : headers) {
        if (name.isEmpty() || hasLineBreak(name) || hasLineBreak(value))
            continue; // never let a handler's value split the head
        out.append(name).append(": ").append(value).append("\r\n");
    }
}

/// The bytes of a plain (not streamed) response. `keepAlive` false adds `Connection: close`;
/// an HTTP/1.0 client kept alive gets `Connection: keep-alive`. `headOnly`: no body (HEAD).
QByteArray serialize(const AdminResponse &response, bool keepAlive, int clientMinor, bool headOnly)
{
    const int status = response.status;
    const bool bodyAllowed = status >= 200 && status != 204 && status != 304;
    QByteArray out;
    out.reserve(256 + response.body.size());
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(reasonPhrase(status))
        .append("\r\n");
    if (bodyAllowed && !response.contentType.isEmpty())
        out.append("Content-Type: ").append(response.contentType).append("\r\n");
    if (bodyAllowed)
        out.append("Content-Length: ")
            .append(QByteArray::number(response.body.size()))
            .append("\r\n");
    out.append("Cache-Control: no-store\r\n");
    if (!keepAlive)
        out.append("Connection: close\r\n");
    else if (clientMinor == 0)
        out.append("Connection: keep-alive\r\n");
    appendHeaders(out, response.headers);
    out.append("\r\n");
    if (bodyAllowed && !headOnly)
        out.append(response.body);
    return out;
}

/// The head of an event stream: no length, the body ends when the connection does.
QByteArray streamHead(const AdminResponse &response)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + reasonPhrase(response.status)
        + "\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
          "Connection: close\r\n";
    appendHeaders(out, response.headers);
    out.append("\r\n");
    return out;
}

/// What the server keeps of a request head: copied out, so the head (and its share of the
/// receive buffer) is released before the body is read.
struct Incoming
{
    AdminRequest request; ///< all but the body, which comes later
    bool headRequest = false; ///< answered as a GET (request.method says "GET"), without body
    int clientMinor = 1;
    bool keepAlive = true;
    bool hasBody = false;
    qint64 contentLength = 0; ///< 0 when absent (chunked or no body)
    bool expectContinue = false;
    std::optional<QByteArray> authorization; ///< the first Authorization header's value
};

Incoming readHead(const HttpHead &head, const QHostAddress &client)
{
    Incoming in;
    in.headRequest = head.method == "HEAD";
    in.request.method = in.headRequest ? QByteArray("GET") : head.method;
    parseTarget(head.targetView(), in.request);
    in.request.client = client;
    in.clientMinor = head.versionMinor;
    in.keepAlive = head.keepAlive;
    in.contentLength = head.contentLength.value_or(0);
    in.hasBody = head.chunked || in.contentLength > 0;
    in.expectContinue = head.headerHasToken("expect", "100-continue");
    if (const std::optional<QByteArrayView> value = head.header("authorization"))
        in.authorization = value->toByteArray();
    return in;
}

/// Hands accepted descriptors to the admin server, which creates its ProxySockets itself.
class AdminTcpServer final : public QTcpServer
{
public:
    explicit AdminTcpServer(std::function<void(qintptr)> onIncoming, QObject *parent)
        : QTcpServer(parent)
        , m_onIncoming(std::move(onIncoming))
    { }

protected:
    void incomingConnection(qintptr descriptor) override { m_onIncoming(descriptor); }

private:
    std::function<void(qintptr)> m_onIncoming;
};

} // namespace

class AdminServer::Private
{
public:
    Private(AdminServer *owner, QByteArray token, AdminHandler handler);

    /// Outcome of the bearer-token check of one request.
    enum class Auth {
        Allowed,
        Missing, ///< no Authorization: Bearer header → 401
        Invalid, ///< a token that does not match → 401
        Blocked ///< the address failed too often recently → 429
    };

    /// All in the server's thread.
    void accept(qintptr descriptor);
    QCoro::Task<> serve(ProxySocket *socket);
    void abortAll();
    /// Checks the Authorization header of a request from `client` (absent: empty optional),
    /// counting, logging and reporting a failure. `retryAfterS` is set when Blocked.
    Auth authenticate(const QHostAddress &client, const std::optional<QByteArray> &authorization,
        qint64 &retryAfterS);
    [[nodiscard]] bool tokenMatches(QByteArrayView given) const;
    void recordFailure(const QHostAddress &client, qint64 now);
    void forgetStaleFailures(qint64 now);
    /// The answer a request gets before its body is read, if any: 429 (blocked address),
    /// 401 (missing or wrong token: logged, counted, reported), 413 (announced body over
    /// 1 MiB), 501 (a method no route has). Empty optional: read the body, ask the handler.
    std::optional<AdminResponse> answerFromHead(const Incoming &incoming);
    /// Answers a request the server cannot take (a protocol error: 400, 408, 413, 414, 431)
    /// with its JSON error and `Connection: close`, logging it once with the client's address.
    static void refuse(
        ProxySocket *socket, const QHostAddress &client, int status, const QString &message);
    /// The handler's answer, or a 500 when it throws.
    AdminResponse handle(const AdminRequest &request);

    struct Failures
    {
        QList<qint64> times; ///< ms of the failures within the window, oldest first
        qint64 blockedUntil = 0; ///< ms; 0 = not blocked
    };

    AdminServer *q;
    const bool authRequired;
    const QByteArray tokenDigest; ///< SHA-256 of the token; compared, never the token itself
    AdminHandler handler;
    std::function<void(const QHostAddress &)> authFailureHook;
    DeadlineSweeper *sweeper;
    AdminTcpServer *server;
    QSet<ProxySocket *> connections; ///< open connections, each with its serve() coroutine
    QHash<QHostAddress, Failures> failures;
};

AdminServer::Private::Private(AdminServer *owner, QByteArray token, AdminHandler h)
    : q(owner)
    , authRequired(!token.isEmpty())
    , tokenDigest(QCryptographicHash::hash(token, QCryptographicHash::Sha256))
    , handler(std::move(h))
    , sweeper(new DeadlineSweeper(owner))
    , server(new AdminTcpServer([this](qintptr d) { accept(d); }, owner))
{ }

void AdminServer::Private::accept(qintptr descriptor)
{
    if (connections.size() >= MaxConnections) {
        qCWarning(lcAdmin).noquote() << "admin: too many connections; refusing a new one";
        ::close(static_cast<int>(descriptor));
        return;
    }
    // A child of the server, so a socket whose deleteLater() is still pending when the server
    // goes is deleted with it.
    auto *socket = new ProxySocket(sweeper, q);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(static_cast<int>(descriptor));
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connections.insert(socket);
    serve(socket); // fire and forget: the task frees itself when serve() ends
}

void AdminServer::Private::abortAll()
{
    // Each abort wakes that connection's coroutine with Closed; it runs to its end at once
    // (every later wait finds the socket closed) and removes itself from the set.
    const QList<ProxySocket *> open = connections.values();
    for (ProxySocket *socket : open) {
        if (connections.contains(socket))
            socket->abort();
    }
}

bool AdminServer::Private::tokenMatches(QByteArrayView given) const
{
    // Digests of equal length, compared without an early exit: the time taken says nothing
    // about the token's length or how much of it matched.
    const QByteArray digest = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    if (digest.size() != tokenDigest.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < digest.size(); ++i)
        difference |= static_cast<unsigned char>(digest.at(i) ^ tokenDigest.at(i));
    return difference == 0;
}

void AdminServer::Private::forgetStaleFailures(qint64 now)
{
    const qint64 windowStart = now - FailureWindow.count();
    for (auto it = failures.begin(); it != failures.end();) {
        const bool blocked = it->blockedUntil > now;
        const bool recent = !it->times.isEmpty() && it->times.last() > windowStart;
        if (blocked || recent)
            ++it;
        else
            it = failures.erase(it);
    }
    // Still too many (failures from very many addresses): forget the ones not blocked.
    for (auto it = failures.begin();
         failures.size() > MaxTrackedAddresses && it != failures.end();) {
        if (it->blockedUntil > now)
            ++it;
        else
            it = failures.erase(it);
    }
}

void AdminServer::Private::recordFailure(const QHostAddress &client, qint64 now)
{
    if (failures.size() >= MaxTrackedAddresses && !failures.contains(client))
        forgetStaleFailures(now);
    Failures &f = failures[client];
    const qint64 windowStart = now - FailureWindow.count();
    f.times.removeIf([windowStart](qint64 t) { return t <= windowStart; });
    f.times.append(now);
    if (f.times.size() >= MaxAuthFailures) {
        f.times.clear();
        f.blockedUntil = now + BlockTime.count();
        qCWarning(lcAdmin).noquote()
            << u"admin: blocking %1 for %2 s after %3 failed authentication attempts"_s.arg(
                   client.toString(), QString::number(BlockTime.count() / 1000),
                   QString::number(MaxAuthFailures));
    }
}

AdminServer::Private::Auth AdminServer::Private::authenticate(
    const QHostAddress &client, const std::optional<QByteArray> &authorization, qint64 &retryAfterS)
{
    if (!authRequired)
        return Auth::Allowed;
    const qint64 now = nowMs();
    if (const auto it = failures.constFind(client);
        it != failures.cend() && it->blockedUntil > now) {
        retryAfterS = (it->blockedUntil - now + 999) / 1000;
        return Auth::Blocked;
    }
    const std::optional<QByteArrayView> token
        = authorization ? bearerToken(*authorization) : std::nullopt;
    Auth outcome = Auth::Allowed;
    if (!token || token->isEmpty())
        outcome = Auth::Missing;
    else if (!tokenMatches(*token))
        outcome = Auth::Invalid;
    if (outcome == Auth::Allowed)
        return outcome;
    qCWarning(lcAdmin).noquote() << u"admin: authentication failed from %1: %2"_s.arg(
        client.toString(),
        outcome == Auth::Missing ? u"no bearer token"_s : u"wrong bearer token"_s);
    recordFailure(client, now);
    if (authFailureHook)
        authFailureHook(client);
    return outcome;
}

std::optional<AdminResponse> AdminServer::Private::answerFromHead(const Incoming &incoming)
{
    qint64 retryAfterS = 0;
    const Auth auth = authenticate(incoming.request.client, incoming.authorization, retryAfterS);
    if (auth == Auth::Blocked) {
        AdminResponse r = AdminServer::error(429, u"too many failed attempts; retry later"_s);
        r.headers.emplaceBack("Retry-After", QByteArray::number(retryAfterS));
        return r;
    }
    if (auth == Auth::Missing || auth == Auth::Invalid) {
        AdminResponse r = AdminServer::error(401,
            auth == Auth::Missing ? u"authentication required: Authorization: Bearer <token>"_s
                                  : u"invalid bearer token"_s);
        r.headers.emplaceBack("WWW-Authenticate", "Bearer");
        return r;
    }
    if (incoming.contentLength > MaxBodyBytes) {
        qCInfo(lcAdmin).noquote() << u"admin: %1 413: announced body of %2 bytes"_s.arg(
            incoming.request.client.toString(), QString::number(incoming.contentLength));
        return AdminServer::error(413, u"request body over 1 MiB"_s);
    }
    if (!knownMethod(incoming.request.method))
        return AdminServer::error(501, u"method not implemented"_s);
    return std::nullopt;
}

void AdminServer::Private::refuse(
    ProxySocket *socket, const QHostAddress &client, int status, const QString &message)
{
    qCInfo(lcAdmin).noquote() << u"admin: %1 %2: %3"_s.arg(
        client.toString(), QString::number(status), message);
    socket->send(serialize(AdminServer::error(status, message), false, 1, false));
}

AdminResponse AdminServer::Private::handle(const AdminRequest &request)
{
    try {
        return handler(request);
    } catch (const std::exception &e) {
        qCWarning(lcAdmin).noquote() << u"admin: %1 %2 failed: %3"_s.arg(
            QString::fromLatin1(request.method), request.path, QString::fromLocal8Bit(e.what()));
        return AdminServer::error(500, u"internal error"_s);
    }
}

QCoro::Task<> AdminServer::Private::serve(ProxySocket *socket)
{
    // Runs in the server's thread. close() and the destructor abort the socket, which ends this
    // coroutine before the Private it uses goes away.
    const QHostAddress client = normalized(socket->peerAddress());
    HttpParser parser(HttpParser::Kind::Request);
    QByteArray in; // received bytes; `pos` is where the next unparsed one is
    qsizetype pos = 0;
    qint64 headDeadline = nowMs() + HeadTimeout.count();
    bool first = true;
    try {
        while (true) {
            if (pos >= in.size()) {
                in = QByteArray(); // hold no buffer while idle
                pos = 0;
                const std::chrono::milliseconds idle = first ? HeadTimeout : IdleTimeout;
                const Wake wake = co_await socket->waitFor(Condition::Readable, idle);
                if (wake != Wake::Ready)
                    break; // silent client or gone: nothing to answer
                in = socket->takeAll();
                if (!first)
                    headDeadline = nowMs() + HeadTimeout.count();
            } else if (!first) {
                headDeadline = nowMs() + HeadTimeout.count(); // a pipelined request
            }
            first = false;

            // 1. The head, within HeadTimeout.
            HttpParser::Event ev = HttpParser::Event::NeedMore;
            bool timedOut = false;
            bool gone = false;
            while (true) {
                qsizetype consumed = 0;
                ev = parser.feed(in, pos, consumed);
                pos += consumed;
                if (ev != HttpParser::Event::NeedMore)
                    break;
                const std::chrono::milliseconds left = remainingUntil(headDeadline);
                const Wake wake = co_await socket->waitFor(Condition::Readable, left);
                if (wake == Wake::Timeout) {
                    timedOut = true;
                    break;
                }
                if (wake == Wake::Closed) {
                    gone = true;
                    break;
                }
                in.append(socket->takeAll());
            }
            if (gone)
                break;
            if (timedOut || ev == HttpParser::Event::Error) {
                if (timedOut)
                    refuse(socket, client, 408, u"request head not received in time"_s);
                else
                    refuse(socket, client, statusForRequestError(parser.error()),
                        QString::fromLatin1(parser.errorReason()));
                break;
            }

            // 2. What the head says, and the answers that need no body.
            Incoming incoming = readHead(parser.head(), client);
            parser.releaseHead();
            parser.setCollectBody(true);
            AdminRequest &request = incoming.request;
            const bool headRequest = incoming.headRequest;
            const int clientMinor = incoming.clientMinor;
            bool keepAlive = incoming.keepAlive;
            const bool hasBody = incoming.hasBody;
            std::optional<AdminResponse> early = answerFromHead(incoming);
            if (early && hasBody) {
                // Not worth reading a body that will be refused: answer and close.
                const QByteArray out = serialize(*early, false, clientMinor, headRequest);
                socket->send(out);
                break;
            }
            if (!early && hasBody && incoming.expectContinue && clientMinor >= 1
                && pos >= in.size()) {
                static const QByteArray continueResponse = "HTTP/1.1 100 Continue\r\n\r\n";
                socket->send(continueResponse);
            }

            // 3. The body, decoded (Content-Length or chunked), up to MaxBodyBytes.
            bool refused = false;
            while (true) {
                qsizetype consumed = 0;
                ev = parser.feed(in, pos, consumed);
                pos += consumed;
                request.body.append(parser.takeBody());
                if (request.body.size() > MaxBodyBytes) {
                    refuse(socket, client, 413, u"request body over 1 MiB"_s);
                    refused = true;
                    break;
                }
                if (ev == HttpParser::Event::MessageComplete || ev == HttpParser::Event::Upgrade)
                    break;
                if (ev == HttpParser::Event::Error) {
                    refuse(socket, client, 400, QString::fromLatin1(parser.errorReason()));
                    refused = true;
                    break;
                }
                if (pos >= in.size()) {
                    in = QByteArray();
                    pos = 0;
                }
                const Wake wake = co_await socket->waitFor(Condition::Readable, BodyTimeout);
                if (wake == Wake::Timeout) {
                    refuse(socket, client, 408, u"request body not received in time"_s);
                    refused = true;
                    break;
                }
                if (wake == Wake::Closed) {
                    refused = true;
                    break;
                }
                in.append(socket->takeAll());
            }
            if (refused)
                break;
            if (ev == HttpParser::Event::Upgrade)
                keepAlive = false; // no protocol switch here; the bytes after it are not HTTP
            parser.startNextMessage();

            // 4. The answer.
            AdminResponse response;
            if (early)
                response = std::move(*early);
            else
                response = handle(request);
            if (response.build) {
                // Built in a pool thread: this connection waits, the server's thread does not.
                // The wait is on the socket, in short steps, so that close() and the destructor
                // (which abort it) still end this coroutine at once. Bounded work (a few
                // seconds for the biggest answer), so no other timeout.
                QFuture<QByteArray> built = runInBackground(std::exchange(response.build, {}));
                bool gone = false;
                while (!built.isFinished()) {
                    const Wake wake = co_await socket->waitFor(Condition::Readable, BuildPoll);
                    if (wake == Wake::Closed) {
                        gone = true;
                        break;
                    }
                    if (wake == Wake::Ready)
                        in.append(socket->takeAll()); // a pipelined request, for later
                }
                if (gone)
                    break;
                response.body = built.result();
            }
            if (response.stream && !early) {
                const QByteArray out = streamHead(response);
                socket->send(out);
                if (headRequest)
                    break;
                // Events until the client goes. Waiting for Readable (not a timer) means a
                // close from the client wakes this at once; what it sends is dropped.
                const std::chrono::milliseconds interval
                    = qMax(response.streamInterval, MinStreamInterval);
                qint64 nextTick = nowMs();
                qint64 lastSent = nowMs();
                while (socket->state() == QAbstractSocket::ConnectedState) {
                    qint64 now = nowMs();
                    if (now >= nextTick) {
                        const QByteArray events = response.stream();
                        nextTick = now + interval.count();
                        if (!events.isEmpty()) {
                            socket->send(events);
                            lastSent = now;
                        }
                    }
                    if (now - lastSent >= StreamKeepAlive.count()) {
                        static const QByteArray comment = ": keep-alive\n\n";
                        socket->send(comment);
                        lastSent = now;
                    }
                    if (socket->bytesToWrite() > ProxySocket::WriteHighWater) {
                        // A client that stops reading is dropped, not buffered for.
                        const Wake wake
                            = co_await socket->waitFor(Condition::Writable, WriteTimeout);
                        if (wake != Wake::Ready)
                            break;
                        continue;
                    }
                    now = nowMs();
                    const qint64 wakeAt = qMin(nextTick, lastSent + StreamKeepAlive.count());
                    const std::chrono::milliseconds wait(qMax<qint64>(0, wakeAt - now));
                    const Wake wake = co_await socket->waitFor(Condition::Readable, wait);
                    if (wake == Wake::Closed)
                        break;
                    if (wake == Wake::Ready)
                        static_cast<void>(socket->takeAll()); // a stream reads nothing
                }
                break;
            }
            const QByteArray out = serialize(response, keepAlive, clientMinor, headRequest);
            socket->send(out);
            if (!keepAlive || socket->state() != QAbstractSocket::ConnectedState)
                break;
            if (socket->bytesToWrite() > ProxySocket::WriteHighWater) {
                const Wake wake = co_await socket->waitFor(Condition::Writable, WriteTimeout);
                if (wake != Wake::Ready)
                    break;
            }
        }

        // Closing: let the last answer leave, then half-close and drop what the client still
        // sends (a refused body) until it closes too, so the answer is not lost to a reset.
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() > 0)
            co_await socket->waitFor(Condition::Flushed, WriteTimeout);
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() == 0) {
            ::shutdown(static_cast<int>(socket->socketDescriptor()), SHUT_WR);
            const qint64 lingerDeadline = nowMs() + LingerTime.count();
            qint64 dropped = 0;
            while (dropped < MaxLingerBytes) {
                const std::chrono::milliseconds left = remainingUntil(lingerDeadline);
                const Wake wake = co_await socket->waitFor(Condition::Readable, left);
                if (wake != Wake::Ready)
                    break;
                dropped += socket->takeAll().size();
            }
        }
    } catch (const std::exception &e) {
        qCWarning(lcAdmin).noquote() << u"admin: connection from %1 failed: %2"_s.arg(
            client.toString(), QString::fromLocal8Bit(e.what()));
    }
    socket->abort();
    connections.remove(socket);
    socket->deleteLater();
}

AdminServer::AdminServer(QByteArray token, AdminHandler handler, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(token), std::move(handler)))
{ }

AdminServer::~AdminServer()
{
    close();
}

void AdminServer::setAuthFailureHook(std::function<void(const QHostAddress &)> hook)
{
    d->authFailureHook = std::move(hook);
}

std::optional<QString> AdminServer::listen(const Endpoint &bind)
{
    if (d->server->isListening())
        return u"the admin API is already listening on %1"_s.arg(address().toString());
    if (!d->server->listen(bind.host, bind.port))
        return u"cannot listen on %1: %2"_s.arg(bind.toString(), d->server->errorString());
    return std::nullopt;
}

void AdminServer::close()
{
    d->server->close();
    d->abortAll();
}

Endpoint AdminServer::address() const
{
    if (!d->server->isListening())
        return {};
    return Endpoint{d->server->serverAddress(), d->server->serverPort()};
}

AdminResponse AdminServer::error(int status, const QString &message)
{
    AdminResponse response;
    response.status = status;
    response.body
        = QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
    return response;
}

} // namespace Limpet
