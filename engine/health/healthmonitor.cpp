#include "health/healthmonitor.h"

#include "http/httpparser.h"
#include "proxy/proxysocket.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Wake = Limpet::ProxySocket::Wake;
using Condition = Limpet::ProxySocket::Condition;

Q_LOGGING_CATEGORY(lcHealth, "limpet.health")

namespace Limpet {

namespace {

/// How often the pools are asked for again (new backends get checked, gone ones forgotten).
constexpr qint64 RefreshIntervalMs = 250;
/// First checks of backends found together are spread over their interval, at most this long.
constexpr qint64 MaxSpreadMs = 1000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

std::chrono::milliseconds remainingUntil(qint64 deadlineMs)
{
    return std::chrono::milliseconds(qMax<qint64>(0, deadlineMs - nowMs()));
}

double elapsedMs(const QElapsedTimer &clock)
{
    return static_cast<double>(clock.nsecsElapsed()) / 1e6;
}

qint64 intervalMs(const HealthConfig &config)
{
    return qMax<qint64>(1, config.interval.count());
}

bool isTcp(const HealthConfig &config)
{
    return config.type == u"tcp"_s;
}

/// "GET <path> HTTP/1.1" with Host (the configured one, else the backend's address), a
/// User-Agent backends can filter their logs on, and Connection: close (one request).
QByteArray checkRequest(const Endpoint &address, const HealthConfig &config)
{
    const QString path = config.path.isEmpty() ? u"/"_s : config.path;
    const QString host = config.host.isEmpty() ? address.toString() : config.host;
    return "GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + host.toUtf8()
        + "\r\nUser-Agent: Limpet-health-check\r\nConnection: close\r\n\r\n";
}

QString expectedRange(const HealthConfig &config)
{
    if (config.expectMin == config.expectMax)
        return QString::number(config.expectMin);
    return u"%1-%2"_s.arg(config.expectMin).arg(config.expectMax);
}

/// Why a connect failed, for lastCheck and the events ("connection refused").
QString connectError(const ProxySocket &socket)
{
    switch (socket.error()) {
    case QAbstractSocket::ConnectionRefusedError:
        return u"connection refused"_s;
    case QAbstractSocket::RemoteHostClosedError:
        return u"connection closed"_s;
    case QAbstractSocket::HostNotFoundError:
        return u"host not found"_s;
    case QAbstractSocket::NetworkError:
        return u"network unreachable"_s;
    default:
        return u"connect failed: "_s + socket.errorString();
    }
}

/// "200 in 1.3 ms" (http) / "connected in 0.4 ms" (tcp).
QString passDetail(const CheckResult &result)
{
    const QString latency = QString::number(result.latencyMs, 'f', 1);
    if (result.status == 0)
        return u"connected in %1 ms"_s.arg(latency);
    return u"%1 in %2 ms"_s.arg(result.status).arg(latency);
}

QString checksWord(int count, const QString &what)
{
    if (count <= 1)
        return u"check "_s + what;
    return u"%1 checks %2"_s.arg(count).arg(what);
}

} // namespace

HealthMonitor::HealthMonitor(PoolsProvider pools, EventSink events, QObject *parent)
    : QObject(parent)
    , m_pools(std::move(pools))
    , m_events(std::move(events))
    , m_sweeper(new DeadlineSweeper(this))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &HealthMonitor::onTimer);
}

HealthMonitor::~HealthMonitor()
{
    // Ends the checks in flight while their sockets (children) still exist.
    stop();
}

// Monitor's thread.
void HealthMonitor::start()
{
    if (m_running)
        return;
    m_running = true;
    m_lastRefreshMs = 0;
    m_timerDueMs = 0;
    // From the event loop: start() returns before any check runs.
    m_timer->start(0ms);
}

// Monitor's thread.
void HealthMonitor::stop()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer->stop();
    QList<QPointer<ProxySocket>> abandoned;
    for (const Tracked &t : std::as_const(m_tracked)) {
        if (t.inFlight)
            abandoned.append(t.inFlight);
    }
    m_tracked.clear();
    abandon(abandoned);
}

// Monitor's thread.
void HealthMonitor::abandon(const QList<QPointer<ProxySocket>> &sockets)
{
    // Their coroutines run to their end now (finish() drops their results): abort() wakes a
    // connected socket's wait; a wait for a connection abort() does not end, so its deadline
    // is expired by hand.
    for (const QPointer<ProxySocket> &socket : sockets) {
        if (socket && socket->state() != QAbstractSocket::UnconnectedState)
            socket->abort();
        if (socket)
            socket->expireDeadlines(std::numeric_limits<qint64>::max());
    }
}

// Monitor's thread (timer).
void HealthMonitor::onTimer()
{
    if (!m_running)
        return;
    qint64 now = nowMs();
    if (now - m_lastRefreshMs >= RefreshIntervalMs)
        refresh(now);

    // Ids first: a check may end at once (and call the event sink) while they start.
    QList<quint32> due;
    for (auto it = m_tracked.cbegin(); it != m_tracked.cend(); ++it) {
        if (!it->inFlight && it->dueMs <= now)
            due.append(it.key());
    }
    for (const quint32 id : std::as_const(due)) {
        if (!m_running)
            return; // the event sink stopped the monitor
        const auto it = m_tracked.find(id);
        if (it == m_tracked.end() || it->inFlight)
            continue;
        auto *socket = new ProxySocket(m_sweeper, this);
        it->inFlight = socket;
        it->startedMs = now;
        check(it->backend, it->config, it->generation, socket);
    }
    if (!m_running)
        return;

    now = nowMs();
    qint64 next = m_lastRefreshMs + RefreshIntervalMs;
    for (const Tracked &t : std::as_const(m_tracked)) {
        if (!t.inFlight)
            next = qMin(next, t.dueMs);
    }
    armTimer(now, next);
}

// Monitor's thread.
void HealthMonitor::armTimer(qint64 nowMs, qint64 atMs)
{
    m_timerDueMs = atMs;
    m_timer->start(std::chrono::milliseconds(qMax<qint64>(0, atMs - nowMs)));
}

// Monitor's thread.
void HealthMonitor::refresh(qint64 now)
{
    m_lastRefreshMs = now;
    const quint64 scan = ++m_scan;
    const QList<PoolPtr> pools = m_pools ? m_pools() : QList<PoolPtr>();
    QList<quint32> fresh;
    for (const PoolPtr &pool : pools) {
        if (!pool || !pool->config().health.enabled)
            continue;
        const QList<BackendPtr> backends = pool->backends();
        for (const BackendPtr &backend : backends) {
            auto it = m_tracked.find(backend->id());
            if (it == m_tracked.end() || it->backend != backend) {
                Tracked t;
                t.backend = backend;
                t.generation = m_nextGeneration++;
                t.observed = backend->health();
                it = m_tracked.insert(backend->id(), t);
                fresh.append(backend->id());
            }
            it->pool = pool->name();
            it->config = pool->config().health;
            it->seenInScan = scan;
        }
    }

    // Backends no pool with checks holds any more.
    QList<QPointer<ProxySocket>> abandoned;
    for (auto it = m_tracked.begin(); it != m_tracked.end();) {
        if (it->seenInScan == scan) {
            ++it;
            continue;
        }
        if (it->inFlight)
            abandoned.append(it->inFlight);
        it = m_tracked.erase(it);
    }

    // New ones: first checks soon, spread so they do not all start in the same millisecond.
    const qsizetype count = fresh.size();
    for (qsizetype i = 0; i < count; ++i) {
        Tracked &t = m_tracked[fresh.at(i)];
        const qint64 window = qMin(intervalMs(t.config), MaxSpreadMs);
        t.dueMs = now + window * i / count;
    }

    abandon(abandoned);
}

// Monitor's thread. Parameters by value: the coroutine outlives the caller's frame.
QCoro::Task<> HealthMonitor::check(
    BackendPtr backend, HealthConfig config, quint64 generation, ProxySocket *socket)
{
    const QPointer<HealthMonitor> self(this);
    const quint32 id = backend->id();
    const Endpoint address = backend->address();
    CheckResult result;
    try {
        result = co_await probe(socket, address, config);
    } catch (const std::exception &e) {
        result = CheckResult();
        result.error = u"check failed: "_s + QString::fromLocal8Bit(e.what());
    }
    result.timeMs = nowMs();
    // The monitor (and with it the socket, its child) ends its checks before it goes; this
    // only guards against a check woken after that.
    if (!self)
        co_return;
    if (socket->state() != QAbstractSocket::UnconnectedState)
        socket->abort(); // a check is one connection: no need to read the rest
    socket->deleteLater(); // deleteLater: this may run inside the socket's own signal
    self->finish(id, generation, result);
}

// Monitor's thread.
QCoro::Task<CheckResult> HealthMonitor::probe(
    ProxySocket *socket, Endpoint address, HealthConfig config)
{
    CheckResult result;
    const qint64 deadline = nowMs() + config.timeout.count();
    const QString timedOut = u"timed out after %1 ms"_s.arg(config.timeout.count());
    QElapsedTimer clock;
    clock.start();

    socket->connectToHost(address.host, address.port);
    const std::chrono::milliseconds connectWait = remainingUntil(deadline);
    const Wake connected = co_await socket->waitFor(Condition::Connected, connectWait);
    if (connected != Wake::Ready) {
        result.latencyMs = elapsedMs(clock);
        result.error = connected == Wake::Timeout ? timedOut : connectError(*socket);
        co_return result;
    }
    if (isTcp(config)) {
        result.latencyMs = elapsedMs(clock);
        result.passed = true;
        co_return result;
    }

    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QByteArray request = checkRequest(address, config);
    socket->send(request);

    // Only the head matters: the status decides.
    HttpParser parser(HttpParser::Kind::Response);
    QByteArray in; // one buffer for the whole head: the parser keeps offsets into it
    qsizetype pos = 0;
    while (true) {
        qsizetype consumed = 0;
        HttpParser::Event ev = parser.feed(in, pos, consumed);
        pos += consumed;
        if (ev == HttpParser::Event::HeadComplete) {
            const int status = parser.head().status;
            if (status >= 100 && status < 200 && status != 101) {
                // Interim (100 Continue, 103 Early Hints): the final response follows.
                parser.releaseHead();
                ev = parser.feed(in, pos, consumed);
                pos += consumed;
                parser.startNextMessage();
                continue;
            }
            result.latencyMs = elapsedMs(clock);
            result.status = status;
            result.passed = status >= config.expectMin && status <= config.expectMax;
            if (!result.passed)
                result.error = u"status %1 (expected %2)"_s.arg(status).arg(expectedRange(config));
            co_return result;
        }
        if (ev == HttpParser::Event::Error) {
            result.latencyMs = elapsedMs(clock);
            result.error = u"invalid response: "_s + QString::fromLatin1(parser.errorReason());
            co_return result;
        }
        const std::chrono::milliseconds readWait = remainingUntil(deadline);
        const Wake wake = co_await socket->waitFor(Condition::Readable, readWait);
        if (wake != Wake::Ready) {
            result.latencyMs = elapsedMs(clock);
            if (wake == Wake::Timeout)
                result.error = timedOut;
            else if (in.isEmpty())
                result.error = u"connection closed without a response"_s;
            else
                result.error = u"connection closed in the response head"_s;
            co_return result;
        }
        in.append(socket->takeAll());
    }
}

// Monitor's thread.
void HealthMonitor::finish(quint32 id, quint64 generation, const CheckResult &result)
{
    if (!m_running)
        return;
    const auto it = m_tracked.find(id);
    if (it == m_tracked.end() || it->generation != generation)
        return; // forgotten meanwhile: the backend left its pool
    Tracked &t = *it;
    t.inFlight = nullptr;
    Backend &backend = *t.backend;
    backend.setLastCheck(result);

    const Health before = backend.health();
    if (before != t.observed) {
        // Changed by something else (passive health, an operator): a new count starts.
        t.passes = 0;
        t.fails = 0;
    }
    if (result.passed) {
        ++t.passes;
        t.fails = 0;
    } else {
        ++t.fails;
        t.passes = 0;
    }
    qCDebug(lcHealth).noquote() << t.pool << backend.name()
                                << (result.passed ? passDetail(result) : result.error);

    QString message;
    if (before == Health::Up && !result.passed && t.fails >= qMax(1, t.config.fall)) {
        if (backend.setHealth(Health::Down, result.timeMs))
            message = checksWord(t.fails, u"failed: "_s + result.error);
    } else if (before == Health::Down && result.passed) {
        const bool passive = backend.downPassively();
        if ((passive || t.passes >= qMax(1, t.config.rise))
            && backend.setHealth(Health::Up, result.timeMs))
            message = checksWord(passive ? 1 : t.passes, u"passed (%1)"_s.arg(passDetail(result)));
    }
    const Health after = backend.health();
    t.observed = after;

    // Next check: `interval` after this one started (slots a slow check overran are skipped).
    const qint64 now = nowMs();
    const qint64 interval = intervalMs(t.config);
    const qint64 late = qMax<qint64>(0, now - t.startedMs);
    t.dueMs = t.startedMs + interval * (late / interval + 1);
    if (!m_timer->isActive() || t.dueMs < m_timerDueMs)
        armTimer(now, t.dueMs);

    if (message.isEmpty())
        return;
    // Copies: the sink may stop the monitor, which forgets `t`.
    const QString pool = t.pool;
    const QString name = backend.name();
    qCInfo(lcHealth).noquote() << u"%1/%2: %3 → %4: %5"_s.arg(
        pool, name, toString(before), toString(after), message);
    if (m_events)
        m_events(pool, name, before, after, message);
}

} // namespace Limpet
