#include "control/controller.h"

#include "config/configloader.h"
#include "http/httpparser.h"
#include "pool/pool.h"
#include "proxy/runtime.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

OpError notFound(const QString &message)
{
    return {OpError::Kind::NotFound, message, {}};
}

OpError invalid(const QString &message)
{
    return {OpError::Kind::Invalid, message, {}};
}

} // namespace

Controller::Controller(std::shared_ptr<Runtime> runtime)
    : m_runtime(std::move(runtime))
{ }

BackendSnapshot Controller::snapshotOf(const QString &pool, const Backend &b)
{
    BackendSnapshot bs;
    bs.pool = pool;
    bs.name = b.name();
    bs.address = b.address().toString();
    bs.route = b.route();
    bs.state = b.state();
    bs.stateSinceMs = b.stateSinceMs();
    bs.health = b.health();
    bs.weight = b.weight();
    bs.effectiveWeight = b.balanceWeight() / 16;
    bs.maxConn = b.maxConn();
    bs.requests = b.counters.requests.load();
    for (size_t i = 0; i < bs.responses.size(); ++i)
        bs.responses[i] = b.counters.responses[i].load();
    bs.active = b.counters.active.load();
    bs.queued = b.queued();
    bs.bytesIn = b.counters.bytesIn.load();
    bs.bytesOut = b.counters.bytesOut.load();
    bs.failures = b.counters.failures.load();
    bs.retries = b.counters.retries.load();
    bs.queueTimeouts = b.counters.queueTimeouts.load();
    bs.sessions = b.counters.sessions.load();
    bs.sessionsLeaveRate = b.sessionsLeaveRate();
    bs.removing = b.removing();
    for (size_t i = 0; i < bs.latencyBuckets.size(); ++i)
        bs.latencyBuckets[i] = b.counters.latency[i].load();
    bs.latencySumMs = static_cast<double>(b.counters.latencySumUs.load()) / 1000.0;
    if (const std::optional<CheckResult> check = b.lastCheck()) {
        bs.check.lastCheckMs = check->timeMs;
        bs.check.lastPassed = check->passed;
        bs.check.lastStatus = check->status;
        bs.check.lastLatencyMs = check->latencyMs;
        bs.check.lastError = check->error;
    }
    return bs;
}

OpResult<Controller::Found> Controller::find(const QString &pool, const QString &backend) const
{
    const PoolPtr p = m_runtime->routing()->pool(pool);
    if (!p)
        return notFound(u"no pool named '%1'"_s.arg(pool));
    BackendPtr b = p->backendByName(backend);
    if (!b)
        return notFound(u"pool '%1' has no backend named '%2'"_s.arg(pool, backend));
    return Found{p, b};
}

void Controller::event(const QString &kind, const QString &pool, const QString &backend,
    const QString &from, const QString &to, const QString &message) const
{
    m_runtime->events.add({0, 0, kind, pool, backend, from, to, message});
}

OpResult<BackendSnapshot> Controller::setState(
    const QString &pool, const QString &backend, BackendState state)
{
    QMutexLocker lock(&m_lock);
    OpResult<Found> f = find(pool, backend);
    if (auto *e = std::get_if<OpError>(&f))
        return *e;
    Backend &b = *std::get<Found>(f).backend;
    const BackendState was = b.state();
    if (b.removing() && state != BackendState::Drain && state != BackendState::Maint) {
        // An operator bringing a backend back cancels its pending removal.
        b.setRemoving(false);
        event(
            u"backend-removing"_s, pool, backend, u"removing"_s, u"kept"_s, u"removal cancelled"_s);
    }
    b.setState(state, now());
    if (was != state)
        event(u"state"_s, pool, backend, toString(was), toString(state));
    return snapshotOf(pool, b);
}

OpResult<BackendSnapshot> Controller::setWeight(
    const QString &pool, const QString &backend, int weight)
{
    if (weight < 0 || weight > 1000)
        return invalid(u"weight must be from 0 to 1000"_s);
    QMutexLocker lock(&m_lock);
    OpResult<Found> f = find(pool, backend);
    if (auto *e = std::get_if<OpError>(&f))
        return *e;
    Backend &b = *std::get<Found>(f).backend;
    const int was = b.weight();
    b.setWeight(weight);
    if (was != weight)
        event(u"weight"_s, pool, backend, QString::number(was), QString::number(weight));
    return snapshotOf(pool, b);
}

OpResult<BackendSnapshot> Controller::setMaxConn(
    const QString &pool, const QString &backend, int maxConn)
{
    if (maxConn < 0 || maxConn > 1000000)
        return invalid(u"max_conn must be from 0 (unlimited) to 1000000"_s);
    QMutexLocker lock(&m_lock);
    OpResult<Found> f = find(pool, backend);
    if (auto *e = std::get_if<OpError>(&f))
        return *e;
    Backend &b = *std::get<Found>(f).backend;
    const int was = b.maxConn();
    b.setMaxConn(maxConn);
    if (was != maxConn)
        event(u"max-conn"_s, pool, backend, QString::number(was), QString::number(maxConn));
    return snapshotOf(pool, b);
}

OpResult<BackendSnapshot> Controller::addBackend(const QString &pool, const BackendConfig &config)
{
    if (config.name.isEmpty())
        return invalid(u"a backend needs a name"_s);
    const QString route = config.route.isEmpty() ? config.name : config.route;
    if (!isValidRoute(route))
        return invalid(u"route \"%1\" may only use letters, digits, '_' and '.' (it travels in "
                       "cookies); give the backend a route"_s.arg(route));
    if (config.address.port == 0 || config.address.host.isNull())
        return invalid(u"a backend needs an address IP:PORT (port 1-65535)"_s);
    if (config.weight < 0 || config.weight > 1000)
        return invalid(u"weight must be from 0 to 1000"_s);
    if (!backendStateFromString(config.state))
        return invalid(u"state must be ready, drain, maint or standby"_s);
    QMutexLocker lock(&m_lock);
    const PoolPtr p = m_runtime->routing()->pool(pool);
    if (!p)
        return notFound(u"no pool named '%1'"_s.arg(pool));
    std::variant<BackendPtr, QString> added = p->addBackend(config);
    if (const QString *why = std::get_if<QString>(&added))
        return OpError{OpError::Kind::Conflict, *why, {}};
    const BackendPtr &b = std::get<BackendPtr>(added);
    event(u"backend-added"_s, pool, config.name, {}, toString(b->state()),
        u"%1, weight %2"_s.arg(b->address().toString()).arg(b->weight()));
    return snapshotOf(pool, *b);
}

OpResult<bool> Controller::removeBackend(const QString &pool, const QString &backend, bool force)
{
    QMutexLocker lock(&m_lock);
    OpResult<Found> f = find(pool, backend);
    if (auto *e = std::get_if<OpError>(&f))
        return *e;
    const Found found = std::get<Found>(f);
    Backend &b = *found.backend;
    if (!force && (b.counters.sessions.load() > 0 || b.counters.active.load() > 0)) {
        if (!b.removing()) {
            b.setRemoving(true);
            const BackendState was = b.state();
            if (was == BackendState::Ready || was == BackendState::Standby) {
                b.setState(BackendState::Drain, now());
                event(u"state"_s, pool, backend, toString(was), toString(BackendState::Drain));
            }
            event(u"backend-removing"_s, pool, backend, {}, {},
                u"leaves when its %1 bound sessions and %2 requests in flight are gone"_s
                    .arg(b.counters.sessions.load())
                    .arg(b.counters.active.load()));
        }
        return false;
    }
    found.pool->removeBackend(backend);
    const int dropped = m_runtime->sessions.forgetBackend(&b);
    event(u"backend-removed"_s, pool, backend, {}, {},
        force ? u"forced; %1 session bindings dropped"_s.arg(dropped) : u"drained"_s);
    return true;
}

OpResult<bool> Controller::forgetSession(const QString &pool, const QByteArray &key)
{
    if (!m_runtime->routing()->pool(pool))
        return notFound(u"no pool named '%1'"_s.arg(pool));
    if (!m_runtime->sessions.forget(pool, key))
        return notFound(u"pool '%1' has no session '%2'"_s.arg(pool, QString::fromUtf8(key)));
    event(u"session-forgotten"_s, pool, {}, QString::fromUtf8(key), {});
    return true;
}

OpResult<SessionInfo> Controller::pinSession(const QString &pool, const QByteArray &key,
    const QString &backend, std::optional<qint64> ttlSeconds)
{
    if (key.isEmpty())
        return invalid(u"a session key must not be empty"_s);
    if (ttlSeconds && (*ttlSeconds < 1 || *ttlSeconds > 365LL * 86400))
        return invalid(u"ttl must be from 1 to 31536000 seconds"_s);
    OpResult<Found> f = find(pool, backend);
    if (auto *e = std::get_if<OpError>(&f))
        return *e;
    const qint64 t = now();
    const std::optional<SessionInfo> before = m_runtime->sessions.find(pool, key);
    const SessionPin pin{std::get<Found>(f).backend, ttlSeconds ? t + *ttlSeconds * 1000 : 0};
    const QHostAddress client = before ? before->client : QHostAddress();
    SessionInfo info = m_runtime->sessions.pin(pool, key, pin, client, t);
    event(ttlSeconds ? u"session-pinned"_s : u"session-rebound"_s, pool, backend,
        before ? before->backend : QString(), backend,
        ttlSeconds ? u"session %1 for %2 s"_s.arg(QString::fromUtf8(key)).arg(*ttlSeconds)
                   : u"session %1"_s.arg(QString::fromUtf8(key)));
    return info;
}

OpResult<InspectResult> Controller::inspect(const InspectRequest &in) const
{
    if (!in.path.startsWith('/'))
        return invalid(u"path must start with '/'"_s);
    for (char c : in.method) {
        if (c < 'A' || c > 'Z')
            return invalid(u"method must be upper-case letters"_s);
    }
    // The request as a client would send it, parsed by the proxy's own parser.
    QByteArray raw = in.method + ' ' + in.path + " HTTP/1.1\r\n";
    raw += "Host: " + (in.host.isEmpty() ? QByteArray("localhost") : in.host) + "\r\n";
    if (!in.cookie.isEmpty())
        raw += "Cookie: " + in.cookie + "\r\n";
    for (const auto &[name, value] : in.headers)
        raw += name + ": " + value + "\r\n";
    raw += "\r\n";
    HttpParser parser(HttpParser::Kind::Request);
    qsizetype consumed = 0;
    if (parser.feed(raw, 0, consumed) != HttpParser::Event::HeadComplete)
        return invalid(u"not a valid request: %1"_s.arg(QString::fromUtf8(parser.errorReason())));

    const RoutingPtr routing = m_runtime->routing();
    HttpHead &head = parser.head();
    const Router::Result routed = routing->router.select(in.host, head.targetView());
    InspectResult r;
    r.decision.client = in.client;
    r.decision.method = in.method;
    r.decision.target = in.path;
    if (!routed.pool) {
        r.decision.reason = routed.reason;
        r.summary = routed.reason == ReasonCode::Excluded
            ? u"The path is excluded from proxying: Limpet answers 404."_s
            : u"No pool serves this host and path: Limpet answers 404."_s;
        return r;
    }
    AffinityRequest request{head, in.client, now()};
    r.decision = routed.pool->decide(request, m_runtime->sessions, true);
    r.decision.method = in.method;
    r.decision.target = in.path;
    const Decision &d = r.decision;
    if (!d.key.isEmpty())
        r.session = m_runtime->sessions.find(d.pool, d.key);
    else if (!d.keySeen.isEmpty())
        r.session = m_runtime->sessions.find(d.pool, d.keySeen);
    const QString why = reasonCodeName(d.reason);
    if (d.backend) {
        r.summary = u"Pool %1 would send it to %2 (%3)."_s.arg(d.pool, d.backend->name(), why);
        if (d.changedBackend)
            r.summary += u" The session moves: it was on %1."_s.arg(d.previousBackend);
    } else if (!d.candidates.isEmpty()) {
        r.summary = u"Pool %1 would balance it as a new session (%2, %3) on one of: %4."_s.arg(
            d.pool, why, d.algorithm, d.candidates.join(u", "_s));
    } else if (d.reason == ReasonCode::FailoverRefused) {
        r.summary = u"Pool %1 would refuse it (503): its backend %2 is unavailable and the pool "
                    "does not fail over."_s.arg(d.pool, d.previousBackend);
    } else {
        r.summary = u"Pool %1 has no backend to take it: Limpet answers 503."_s.arg(d.pool);
    }
    return r;
}

void Controller::tick(qint64 nowMs)
{
    Q_UNUSED(nowMs);
    QMutexLocker lock(&m_lock);
    const RoutingPtr routing = m_runtime->routing();
    QHash<quint32, int> seen;
    QList<std::pair<PoolPtr, BackendPtr>> leaving;
    for (const PoolPtr &p : routing->pools) {
        for (const BackendPtr &b : p->backends()) {
            const int sessions = b->counters.sessions.load();
            seen.insert(b->id(), sessions);
            if (b->state() == BackendState::Drain || b->removing()) {
                // Sessions leaving per second, averaged over the last several seconds.
                const int before = m_lastSessions.value(b->id(), sessions);
                const double left = qMax(0, before - sessions);
                b->setSessionsLeaveRate(0.7 * b->sessionsLeaveRate() + 0.3 * left);
            } else if (b->sessionsLeaveRate() != 0) {
                b->setSessionsLeaveRate(0);
            }
            if (b->removing() && sessions == 0 && b->counters.active.load() == 0)
                leaving.append({p, b});
        }
    }
    m_lastSessions = seen;
    for (const auto &[p, b] : leaving) {
        p->removeBackend(b->name());
        m_runtime->sessions.forgetBackend(b.get());
        event(u"backend-removed"_s, p->name(), b->name(), {}, {},
            u"drained: no session bound, no request in flight"_s);
    }
}

} // namespace Limpet
