#include "proxy/clientconnection.h"

#include "http/httperror.h"
#include "pool/pool.h"
#include "proxy/proxysocket.h"
#include "proxy/worker.h"
#include "routing/router.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

using namespace std::chrono_literals;
using Wake = Limpet::ProxySocket::Wake;
using Condition = Limpet::ProxySocket::Condition;

Q_LOGGING_CATEGORY(lcProxy, "limpet.proxy")

namespace Limpet {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::chrono::milliseconds remainingUntil(qint64 deadlineMs)
{
    return std::chrono::milliseconds(qMax<qint64>(0, deadlineMs - nowMs()));
}

HttpParser::Limits parserLimits(const Limits &l)
{
    return {l.maxUri, l.maxHeaderBytes, l.maxHeaders};
}

/// Counts a request in flight on a backend, and holds its max_conn slot, for as long as it
/// lives (or until it moves to another backend).
class ActiveGuard
{
public:
    ActiveGuard() = default;
    ~ActiveGuard() { reset(); }
    Q_DISABLE_COPY_MOVE(ActiveGuard)

    /// Starts counting on `b`; `slot`: a max_conn slot of b is held and released with it.
    void set(const BackendPtr &b, bool slot)
    {
        reset();
        m_backend = b;
        m_slot = slot;
        m_backend->counters.active.fetch_add(1, std::memory_order_relaxed);
    }
    void reset()
    {
        if (!m_backend)
            return;
        m_backend->counters.active.fetch_sub(1, std::memory_order_relaxed);
        if (m_slot)
            m_backend->releaseSlot();
        m_backend.reset();
    }

private:
    BackendPtr m_backend;
    bool m_slot = false;
};

/// co_await SlotWait(...): waits for one of a backend's max_conn slots, up to a timeout.
/// Resumes in the worker's thread: a slot released in another worker's thread is handed over
/// with a queued invocation (the waiter may live in another thread than the releaser).
class SlotWait
{
public:
    SlotWait(BackendPtr backend, SlotWaiterPtr waiter, QObject *context,
        std::chrono::milliseconds timeout)
        : m_state(std::make_shared<State>())
    {
        m_state->backend = std::move(backend);
        m_state->waiter = std::move(waiter);
        m_state->context = context;
        m_state->timeout = timeout;
    }
    bool await_ready() const { return false; }
    void await_suspend(std::coroutine_handle<> handle)
    {
        m_state->handle = handle;
        const std::weak_ptr<State> weak = m_state;
        m_state->waiter->grant = [weak] {
            const std::shared_ptr<State> state = weak.lock();
            if (!state)
                return;
            // Queued: the releasing thread may be another worker's.
            QMetaObject::invokeMethod(
                state->context, [state] { state->finish(true); }, Qt::QueuedConnection);
        };
        QTimer::singleShot(m_state->timeout, m_state->context, [state = m_state] {
            if (!state->done && state->backend->cancelWait(state->waiter))
                state->finish(false);
            // else: a slot was granted meanwhile and its resumption is already queued
        });
    }
    /// Whether a slot was granted (false: timed out).
    bool await_resume() const { return m_state->granted; }

private:
    struct State
    {
        BackendPtr backend;
        SlotWaiterPtr waiter;
        QObject *context = nullptr;
        std::chrono::milliseconds timeout{0};
        std::coroutine_handle<> handle;
        bool done = false;
        bool granted = false;
        void finish(bool slot)
        {
            if (done)
                return;
            done = true;
            granted = slot;
            handle.resume();
        }
    };
    std::shared_ptr<State> m_state;
};

/// Methods a proxy may send again after a failure (RFC 9110 9.2.2).
bool idempotent(QByteArrayView method)
{
    return method == "GET" || method == "HEAD" || method == "OPTIONS" || method == "PUT"
        || method == "DELETE" || method == "TRACE";
}

DecisionLog::RequestFacts requestFacts(const HttpHead &request, bool wanted)
{
    DecisionLog::RequestFacts facts;
    if (!wanted)
        return facts;
    facts.requestLine = request.method + ' ' + request.targetView().toByteArray() + " HTTP/"
        + QByteArray::number(request.versionMajor) + '.' + QByteArray::number(request.versionMinor);
    facts.referer = request.header("referer").value_or(QByteArrayView()).toByteArray();
    facts.userAgent = request.header("user-agent").value_or(QByteArrayView()).toByteArray();
    return facts;
}

/// A Location the backend built for itself, made right for the client: `http://<backend
/// address>/x` → `http://<host the client used>/x`, and a path under add_prefix goes back under
/// strip_prefix. Returns an empty optional when nothing needs to change.
std::optional<QByteArray> rewriteLocation(
    QByteArrayView value, const Backend &backend, QByteArrayView clientHost, const PoolConfig &pool)
{
    if (value.startsWith('/'))
        return Router::restorePath(pool, value);
    if (clientHost.isEmpty() || !value.startsWith("http://"))
        return std::nullopt;
    const QByteArrayView rest = value.sliced(7);
    const QByteArray full = backend.address().toString().toLatin1();
    QList<QByteArray> authorities{full};
    if (backend.address().port == 80)
        authorities.append(backend.address().host.toString().toLatin1());
    for (const QByteArray &authority : authorities) {
        if (rest.startsWith(authority)
            && (rest.size() == authority.size() || rest.at(authority.size()) == '/'
                || rest.at(authority.size()) == '?' || rest.at(authority.size()) == '#')) {
            QByteArrayView path = rest.sliced(authority.size());
            QByteArray restored;
            if (path.startsWith('/')) {
                if (std::optional<QByteArray> r = Router::restorePath(pool, path)) {
                    restored = *r;
                    path = restored;
                }
            }
            QByteArray out = "http://";
            out.append(clientHost).append(path);
            return out;
        }
    }
    return std::nullopt;
}

} // namespace

ClientConnection::ClientConnection(Worker *worker, qintptr descriptor)
    : m_worker(worker)
    , m_socket(new ProxySocket(worker->sweeper()))
    , m_parser(HttpParser::Kind::Request, parserLimits(worker->routing()->config.limits))
{
    m_socket->setSocketDescriptor(descriptor);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peer = m_socket->peerAddress();
    m_peerText = m_peer.toString().toLatin1();
}

ClientConnection::~ClientConnection()
{
    m_socket->deleteLater();
}

void ClientConnection::start()
{
    run(); // fire and forget: the task frees itself when run() ends
}

void ClientConnection::closeIfIdle()
{
    if (m_idle)
        m_socket->abort(); // wakes run() with Closed
}

void ClientConnection::abortSocket()
{
    // Aborting the backend side may run this connection's coroutine to its end, which deletes
    // this object; the sockets themselves are only deleteLater()'d, so keep them in locals.
    ProxySocket *client = m_socket;
    ProxySocket *server = m_server;
    if (server)
        server->abort();
    client->abort();
}

QCoro::Task<> ClientConnection::run()
{
    try {
        while (true) {
            const Timeouts timeouts
                = m_worker->routing()->config.timeouts; // a reload may change them
            m_idle = true;
            if (m_inPos >= m_in.size()) {
                m_in = QByteArray(); // hold no buffer while idle
                m_inPos = 0;
                if (m_worker->stopping())
                    break;
                const Wake wake = co_await m_socket->waitFor(
                    Condition::Readable, m_first ? timeouts.client : timeouts.keepalive);
                if (wake != Wake::Ready)
                    break; // idle timeout or client gone: nothing to answer
                m_in = m_socket->takeAll();
            }
            m_idle = false;
            m_first = false;
            const Next next = co_await serveOne();
            if (next == Next::Close)
                break;
        }
        co_await closeGracefully();
    } catch (const std::exception &e) {
        qCWarning(lcProxy) << "connection from" << m_peer.toString() << "failed:" << e.what();
        m_socket->abort();
    }
    Worker *worker = m_worker;
    worker->connectionClosed(this);
    delete this;
}

QCoro::Task<> ClientConnection::closeGracefully()
{
    if (m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesToWrite() > 0) {
        m_socket->flush();
        const std::chrono::milliseconds timeout = m_worker->routing()->config.timeouts.client;
        co_await m_socket->waitFor(Condition::Flushed, timeout);
    }
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
}

bool ClientConnection::push(ProxySocket *socket, QByteArrayView data)
{
    if (socket->state() != QAbstractSocket::ConnectedState)
        return false;
    socket->send(data);
    return socket->state() == QAbstractSocket::ConnectedState;
}

QCoro::Task<bool> ClientConnection::writeTo(
    ProxySocket *socket, QByteArrayView data, std::chrono::milliseconds timeout)
{
    if (!push(socket, data))
        co_return false;
    if (socket->bytesToWrite() > ProxySocket::WriteHighWater) {
        const Wake wake = co_await socket->waitFor(Condition::Writable, timeout);
        co_return wake == Wake::Ready;
    }
    co_return socket->state() == QAbstractSocket::ConnectedState;
}

QCoro::Task<> ClientConnection::sendError(int status, QByteArray detail)
{
    if (m_decision)
        m_decision->status = status;
    qCInfo(lcProxy).noquote() << m_peer.toString() << status << detail;
    const QByteArray response = errorResponse(status, detail);
    const std::chrono::milliseconds timeout = m_worker->routing()->config.timeouts.client;
    co_await writeTo(m_socket, response, timeout);
}

QCoro::Task<ClientConnection::Next> ClientConnection::serveOne()
{
    const Next next = co_await exchange();
    m_server = nullptr; // given back to the pool or scheduled for deletion by exchange()
    co_return next;
}

QCoro::Task<ClientConnection::Next> ClientConnection::exchange()
{
    Runtime &rt = m_worker->runtime();
    // A reload swaps the routing; this request finishes with the one it started with.
    const RoutingPtr routing = m_worker->routing();
    const Timeouts &timeouts = routing->config.timeouts;

    // 1. The request head, which must arrive within the client timeout (slowloris).
    const qint64 headDeadline = nowMs() + timeouts.client.count();
    while (true) {
        qsizetype consumed = 0;
        const HttpParser::Event ev = m_parser.feed(m_in, m_inPos, consumed);
        m_inPos += consumed;
        if (ev == HttpParser::Event::HeadComplete)
            break;
        if (ev == HttpParser::Event::Error) {
            QByteArray reason = m_parser.errorReason();
            co_await sendError(statusForRequestError(m_parser.error()), std::move(reason));
            co_return Next::Close;
        }
        const Wake wake
            = co_await m_socket->waitFor(Condition::Readable, remainingUntil(headDeadline));
        if (wake == Wake::Timeout) {
            co_await sendError(408, "request head not received in time");
            co_return Next::Close;
        }
        if (wake == Wake::Closed)
            co_return Next::Close;
        m_in.append(m_socket->takeAll());
    }

    // 2. Where it goes: the pool by host and path, then the pool's decision.
    HttpHead &request = m_parser.head();
    const qint64 startMs = nowMs();
    const QByteArray clientHost = request.header("host").value_or(QByteArrayView()).toByteArray();
    const Router::Result routed = routing->router.select(clientHost, request.targetView());
    if (!routed.pool) {
        Decision refused;
        refused.timeMs = startMs;
        refused.client = m_peer;
        refused.reason = routed.reason;
        refused.status = 404;
        rt.decisions.record(refused, requestFacts(request, rt.decisions.hasAccessLog()));
        QByteArray detail = routed.reason == ReasonCode::Excluded
            ? QByteArray("this path is not proxied")
            : QByteArray("no pool serves this host and path");
        co_await sendError(404, std::move(detail));
        co_return Next::Close;
    }
    Pool &pool = *routed.pool;
    AffinityRequest affinityRequest{request, m_peer, startMs};
    Decision decision = pool.decide(affinityRequest, rt.sessions);
    decision.method = request.method;
    decision.target = request.targetView().toByteArray();
    const DecisionLog::RequestFacts facts = requestFacts(request, rt.decisions.hasAccessLog());
    if (!decision.backend) {
        decision.status = 503;
        pool.count(decision);
        rt.decisions.record(decision, facts);
        QByteArray detail;
        if (decision.reason == ReasonCode::FailoverRefused)
            detail = "the session's backend " + decision.previousBackend.toUtf8()
                + " is unavailable and pool " + pool.name().toUtf8() + " does not fail over";
        else
            detail = "no backend available in pool " + pool.name().toUtf8();
        co_await sendError(503, std::move(detail));
        co_return Next::Close;
    }
    // The backend serving it (decision.backend owns it; changes when a retry goes elsewhere).
    Backend *backend = decision.backend.get();
    const PoolConfig &poolConfig = pool.config();
    QElapsedTimer elapsed;
    elapsed.start();
    ActiveGuard active;
    // Records the decision with how the response went, whichever way this function returns.
    struct Recorder
    {
        DecisionLog &log;
        Pool &pool;
        Decision &decision;
        const DecisionLog::RequestFacts &facts;
        qint64 startMs;
        ClientConnection *connection;
        ~Recorder()
        {
            decision.durationMs = nowMs() - startMs;
            pool.count(decision);
            log.record(std::move(decision), facts);
            connection->m_decision = nullptr;
        }
    } recorder{rt.decisions, pool, decision, facts, startMs, this};
    m_decision = &decision;

    // 3. The head the backend gets.
    const bool upgrade = request.upgrade;
    const bool headRequest = request.method == "HEAD";
    const int clientMinor = request.versionMinor;
    const bool clientKeepAlive = request.keepAlive;
    const bool hasBody = request.chunked || request.contentLength.value_or(0) > 0;
    const bool expectContinue = request.headerHasToken("expect", "100-continue");
    if (expectContinue)
        request.removeHeader("expect"); // Limpet answers 100 Continue itself, below
    request.removeHopByHop(upgrade);
    if (upgrade)
        request.addHeader("Connection", "Upgrade");
    {
        // Every X-Forwarded-For line the client sent, in order, then this hop (RFC 7239 style
        // list semantics: repeated headers are one comma-separated list).
        QByteArray forwarded;
        for (const HttpHead::Field &f : std::as_const(request.fields)) {
            if (f.removed
                || request.view(f.name).compare("x-forwarded-for", Qt::CaseInsensitive) != 0)
                continue;
            forwarded.append(request.view(f.value)).append(", ");
        }
        forwarded.append(m_peerText);
        request.removeHeaders({"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"});
        request.addHeader("X-Forwarded-For", forwarded);
        request.addHeader("X-Forwarded-Proto", "http");
        if (!clientHost.isEmpty())
            request.addHeader("X-Forwarded-Host", clientHost);
        else
            request.addHeader("Host", backend->address().toString().toLatin1());
    }
    if (!poolConfig.stripPrefix.isEmpty() || !poolConfig.addPrefix.isEmpty())
        request.overrideTarget(Router::rewriteTarget(poolConfig, request.targetView()));
    const QByteArray requestHead = request.serializeRequest();
    m_parser.releaseHead();

    // 4. A backend connection: an idle one of this worker, or a new one. A reused connection
    //    that turns out closed before answering is replaced once, when no body was sent.
    ProxySocket *server = nullptr;
    HttpParser response(HttpParser::Kind::Response);
    QByteArray bin; // bytes from the backend not yet forwarded
    qsizetype bpos = 0;
    bool bodySent = false;
    bool requestDone = false;
    response.setRequestWasHead(headRequest);
    // A request that is not idempotent never goes on an idle pooled connection: if that turned
    // out closed after the request was sent, it could not be sent again.
    const bool mayReuse = idempotent(decision.method);
    const HealthConfig &health = poolConfig.health;
    QList<quint32> tried; // backends that refused the connection
    bool needSlot = true;
    for (int attempt = 0;; ++attempt) {
        if (needSlot) {
            // max_conn: wait for a slot of this backend (bounded queue, queue_timeout).
            needSlot = false;
            backend->counters.requests.fetch_add(1, std::memory_order_relaxed);
            const SlotWaiterPtr waiter = std::make_shared<SlotWaiter>();
            const Backend::Slot slot = backend->acquireSlot(waiter, poolConfig.maxQueue);
            bool granted = slot != Backend::Slot::QueueFull;
            if (slot == Backend::Slot::Queued) {
                SlotWait wait(decision.backend, waiter, m_worker, poolConfig.queueTimeout);
                granted = co_await wait;
            }
            if (!granted) {
                backend->counters.queueTimeouts.fetch_add(1, std::memory_order_relaxed);
                backend->counters.responses[0].fetch_add(1, std::memory_order_relaxed);
                decision.reason = ReasonCode::QueueTimeout;
                QByteArray detail = "backend " + backend->name().toUtf8() + " is at max_conn "
                    + QByteArray::number(backend->maxConn())
                    + (slot == Backend::Slot::QueueFull
                            ? " and its queue is full"
                            : " and no slot freed within queue_timeout");
                co_await sendError(503, std::move(detail));
                co_return Next::Close;
            }
            active.set(decision.backend, slot != Backend::Slot::Unlimited);
        }
        bool reused = false;
        server = attempt == 0 && mayReuse ? m_worker->backendPool().take(*backend) : nullptr;
        if (server) {
            reused = true;
        } else {
            server = new ProxySocket(m_worker->sweeper());
            m_server = server;
            server->connectToHost(backend->address().host, backend->address().port);
            const Wake wake = co_await server->waitFor(Condition::Connected, timeouts.connect);
            if (wake != Wake::Ready) {
                backend->counters.failures.fetch_add(1, std::memory_order_relaxed);
                server->abort();
                server->deleteLater();
                m_server = nullptr;
                if (backend->reportFailure(health.maxFails, health.failWindow, nowMs()))
                    rt.events.add({0, 0, QStringLiteral("health"), pool.name(), backend->name(),
                        QStringLiteral("up"), QStringLiteral("down"),
                        QStringLiteral("passive: %1 connect failures or 5xx responses in a row")
                            .arg(health.maxFails)});
                // Nothing was sent: another backend may take it (option redispatch), unless
                // the session is bound here and the pool does not fail over.
                const bool bound = followsBinding(decision.reason);
                tried.append(backend->id());
                if ((!bound || poolConfig.failover) && tried.size() <= poolConfig.retries
                    && pool.redispatch(decision, rt.sessions, tried, nowMs())) {
                    backend->counters.retries.fetch_add(1, std::memory_order_relaxed);
                    qCInfo(lcProxy).noquote()
                        << "backend" << backend->name() << "refused the connection; retrying on"
                        << decision.backend->name();
                    backend = decision.backend.get();
                    needSlot = true;
                    attempt = -1; // the next backend's idle connections may be used
                    continue;
                }
                backend->counters.responses[0].fetch_add(1, std::memory_order_relaxed);
                int status = wake == Wake::Timeout ? 504 : 502;
                QByteArray detail = "backend " + backend->name().toUtf8()
                    + (wake == Wake::Timeout ? " did not accept the connection in time"
                                             : " refused the connection");
                // A session bound to this backend in a pool without failover: Apache's
                // nofailover answers that the session's server is unavailable (503).
                if (bound && !poolConfig.failover) {
                    decision.reason = ReasonCode::FailoverRefused;
                    decision.previousBackend = backend->name();
                    status = 503;
                    detail += "; the pool does not fail over";
                }
                co_await sendError(status, std::move(detail));
                co_return Next::Close;
            }
            server->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        }
        m_server = server;
        backend->counters.bytesOut.fetch_add(
            static_cast<quint64>(requestHead.size()), std::memory_order_relaxed);
        // Hot path: send without a coroutine frame; only wait when the peer is behind.
        bool ok = push(server, requestHead);
        if (ok && server->bytesToWrite() > ProxySocket::WriteHighWater)
            ok = co_await writeTo(server, {}, timeouts.server);

        // 5. The body, streamed as it arrives (no body: the parser just completes).
        if (ok && expectContinue && hasBody && clientMinor >= 1) {
            static const QByteArray continueResponse = "HTTP/1.1 100 Continue\r\n\r\n";
            co_await writeTo(m_socket, continueResponse, timeouts.client);
        }
        while (ok && !requestDone) {
            qsizetype consumed = 0;
            const HttpParser::Event ev = m_parser.feed(m_in, m_inPos, consumed);
            if (consumed > 0) {
                bodySent = true;
                backend->counters.bytesOut.fetch_add(
                    static_cast<quint64>(consumed), std::memory_order_relaxed);
                const QByteArrayView chunk = QByteArrayView(m_in).sliced(m_inPos, consumed);
                ok = co_await writeTo(server, chunk, timeouts.server);
                m_inPos += consumed;
            }
            if (ev == HttpParser::Event::MessageComplete || ev == HttpParser::Event::Upgrade) {
                requestDone = true;
                break;
            }
            if (ev == HttpParser::Event::Error) {
                server->abort();
                server->deleteLater();
                QByteArray reason = m_parser.errorReason();
                co_await sendError(statusForRequestError(m_parser.error()), std::move(reason));
                co_return Next::Close;
            }
            if (!ok)
                break;
            m_in = QByteArray();
            m_inPos = 0;
            const Wake wake = co_await m_socket->waitFor(Condition::Readable, timeouts.client);
            if (wake != Wake::Ready) {
                server->abort();
                server->deleteLater();
                if (wake == Wake::Timeout)
                    co_await sendError(408, "request body not received in time");
                co_return Next::Close;
            }
            m_in = m_socket->takeAll();
        }

        // 6. The response head, skipping interim 1xx responses.
        bool headDone = false;
        bool closedEarly = false;
        while (ok) {
            qsizetype consumed = 0;
            HttpParser::Event ev = response.feed(bin, bpos, consumed);
            bpos += consumed;
            if (ev == HttpParser::Event::HeadComplete) {
                const int status = response.head().status;
                if (status >= 100 && status < 200 && status != 101) {
                    // Interim: 100 is answered by Limpet already; others go to 1.1 clients.
                    if (status != 100 && clientMinor >= 1) {
                        const QByteArray interim = response.head().serializeResponse();
                        co_await writeTo(m_socket, interim, timeouts.client);
                    }
                    response.releaseHead();
                    ev = response.feed(bin, bpos, consumed);
                    bpos += consumed;
                    response.startNextMessage();
                    continue;
                }
                headDone = true;
                break;
            }
            if (ev == HttpParser::Event::Error)
                break;
            // No compaction here: the head's fields are offsets into bin.
            const Wake wake = co_await server->waitFor(Condition::Readable, timeouts.server);
            if (wake == Wake::Timeout) {
                backend->counters.failures.fetch_add(1, std::memory_order_relaxed);
                backend->counters.responses[0].fetch_add(1, std::memory_order_relaxed);
                server->abort();
                server->deleteLater();
                QByteArray detail
                    = "backend " + backend->name().toUtf8() + " did not answer in time";
                co_await sendError(504, std::move(detail));
                co_return Next::Close;
            }
            if (wake == Wake::Closed) {
                closedEarly = true;
                break;
            }
            bin.append(server->takeAll());
        }
        if (headDone)
            break;
        server->abort();
        server->deleteLater();
        server = nullptr;
        if (reused && closedEarly && bin.isEmpty() && !bodySent && attempt == 0 && mayReuse)
            continue; // the idle connection had been closed by the backend: one fresh try
        backend->counters.failures.fetch_add(1, std::memory_order_relaxed);
        backend->counters.responses[0].fetch_add(1, std::memory_order_relaxed);
        QByteArray detail = "backend " + backend->name().toUtf8();
        if (closedEarly)
            detail += " closed the connection without a response";
        else
            detail += " sent an invalid response: " + response.errorReason();
        co_await sendError(502, std::move(detail));
        co_return Next::Close;
    }

    // 7. The head the client gets.
    HttpHead &head = response.head();
    const int status = head.status;
    const bool switching = status == 101 && upgrade;
    head.removeHopByHop(switching);
    {
        AffinityResponse affinityResponse{head, decision, nowMs()};
        decision.setCookie = pool.affinity().onResponse(affinityResponse);
    }
    for (const char *name : {"location", "content-location"}) {
        if (const std::optional<QByteArrayView> v = head.header(name)) {
            if (std::optional<QByteArray> rewritten
                = rewriteLocation(*v, *backend, clientHost, poolConfig)) {
                const QByteArray headerName = name[0] == 'l' ? "Location" : "Content-Location";
                head.removeHeader(name);
                head.addHeader(headerName, *rewritten);
            }
        }
    }
    const bool bodyless = headRequest || status == 204 || status == 304;
    const bool closeDelimited = !bodyless && !switching && response.messageNeedsEof();
    const bool dechunk = head.chunked && clientMinor == 0 && !bodyless;
    const bool clientKeep = clientKeepAlive && !closeDelimited && !dechunk && !switching
        && !m_worker->stopping() && !upgrade;
    const bool backendKeep = head.keepAlive && !closeDelimited && !switching;
    if (dechunk) {
        head.removeHeader("transfer-encoding");
        response.setCollectBody(true);
    }
    if (switching)
        head.addHeader("Connection", "Upgrade");
    else if (!clientKeep)
        head.addHeader("Connection", "close");
    else if (clientMinor == 0)
        head.addHeader("Connection", "keep-alive");
    backend->recordResponse(status, elapsed.nsecsElapsed() / 1000);
    if (status >= 500) {
        if (backend->reportFailure(health.maxFails, health.failWindow, nowMs()))
            rt.events.add({0, 0, QStringLiteral("health"), pool.name(), backend->name(),
                QStringLiteral("up"), QStringLiteral("down"),
                QStringLiteral("passive: %1 connect failures or 5xx responses in a row")
                    .arg(health.maxFails)});
    } else {
        backend->reportSuccess();
    }
    decision.status = status;
    // The head leaves with the first body bytes (one send for a small response); it is sent
    // alone before any wait for more of the body.
    QByteArray pending = head.serializeResponse();
    response.releaseHead();
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        server->abort();
        server->deleteLater();
        co_return Next::Close;
    }

    if (switching) {
        push(m_socket, pending);
        QByteArray leftover = bin.sliced(bpos);
        co_await tunnel(server, std::move(leftover));
        co_return Next::Close;
    }

    // 8. The body, streamed with back-pressure both ways.
    bool complete = false;
    while (true) {
        qsizetype consumed = 0;
        const HttpParser::Event ev = response.feed(bin, bpos, consumed);
        if (consumed > 0) {
            backend->counters.bytesIn.fetch_add(
                static_cast<quint64>(consumed), std::memory_order_relaxed);
            // Named values, no temporaries or ?: around co_await (GCC 12 coroutine bugs).
            const QByteArray decoded = dechunk ? response.takeBody() : QByteArray();
            const QByteArrayView chunk
                = dechunk ? QByteArrayView(decoded) : QByteArrayView(bin).sliced(bpos, consumed);
            decision.bytesSent += static_cast<quint64>(chunk.size());
            bool written;
            if (!pending.isEmpty()) {
                pending.append(chunk);
                written = push(m_socket, pending);
                pending = QByteArray();
            } else {
                written = push(m_socket, chunk);
            }
            if (written && m_socket->bytesToWrite() > ProxySocket::WriteHighWater)
                written = co_await writeTo(m_socket, {}, timeouts.client);
            bpos += consumed;
            if (!written)
                break;
        }
        if (ev == HttpParser::Event::MessageComplete || ev == HttpParser::Event::Upgrade) {
            complete = true;
            break;
        }
        if (ev == HttpParser::Event::Error) {
            qCInfo(lcProxy).noquote() << "backend" << backend->name()
                                      << "response body invalid:" << response.errorReason();
            break;
        }
        bin = QByteArray();
        bpos = 0;
        if (!pending.isEmpty()) {
            const bool written = push(m_socket, pending);
            pending = QByteArray();
            if (!written)
                break;
        }
        const Wake wake = co_await server->waitFor(Condition::Readable, timeouts.server);
        if (wake == Wake::Ready) {
            bin = server->takeAll();
            continue;
        }
        if (wake == Wake::Closed && closeDelimited) {
            complete = response.finish() == HttpParser::Event::MessageComplete;
            if (dechunk) {
                const QByteArray decoded = response.takeBody();
                co_await writeTo(m_socket, decoded, timeouts.client);
            }
        }
        break;
    }

    if (!pending.isEmpty()) // a response without body bytes: its head alone
        complete = push(m_socket, pending) && complete;
    if (complete && backendKeep && bpos >= bin.size()) {
        m_worker->backendPool().giveBack(*backend, server, nowMs());
    } else {
        server->abort();
        server->deleteLater();
    }
    if (!complete) {
        backend->counters.failures.fetch_add(1, std::memory_order_relaxed);
        m_socket->abort(); // a truncated body must not look complete to the client
        co_return Next::Close;
    }
    m_parser.startNextMessage();
    co_return clientKeep ? Next::KeepAlive : Next::Close;
}

QCoro::Task<> ClientConnection::pump(ProxySocket *from, ProxySocket *to, bool *done)
{
    const std::chrono::milliseconds idle = m_worker->routing()->config.timeouts.tunnel;
    while (!*done) {
        const Wake wake = co_await from->waitFor(Condition::Readable, idle);
        if (wake != Wake::Ready)
            break;
        const QByteArray data = from->takeAll();
        const bool written = co_await writeTo(to, data, idle);
        if (!written)
            break;
    }
    *done = true;
    // Let the other direction finish what it has, then end both.
    to->flush();
    to->disconnectFromHost();
    from->disconnectFromHost();
}

QCoro::Task<> ClientConnection::tunnel(ProxySocket *backend, QByteArray backendLeftover)
{
    const std::chrono::milliseconds idle = m_worker->routing()->config.timeouts.tunnel;
    bool ok = co_await writeTo(m_socket, backendLeftover, idle);
    if (ok && m_inPos < m_in.size()) {
        const QByteArrayView pending = QByteArrayView(m_in).sliced(m_inPos);
        ok = co_await writeTo(backend, pending, idle);
    }
    m_in = QByteArray();
    m_inPos = 0;
    if (ok) {
        bool done = false;
        QCoro::Task<> up = pump(m_socket, backend, &done);
        QCoro::Task<> down = pump(backend, m_socket, &done);
        co_await up;
        co_await down;
    }
    backend->abort();
    backend->deleteLater();
}

} // namespace Limpet
