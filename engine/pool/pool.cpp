#include "pool/pool.h"

#include "pool/backend.h"
#include "session/sessiontable.h"

#include <functional>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {
quint32 nextBackendId()
{
    static std::atomic<quint32> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}
} // namespace

Pool::Pool(const PoolConfig &config, const QList<BackendPtr> &reuse, const Pool *previous)
    : m_config(config)
    , m_affinity(makeAffinityMode(config.sticky))
    , m_balancer(makeBalancer(config.balance))
    , m_ring(makeBalancer(u"consistent"_s))
{
    for (const BackendConfig &b : config.backends) {
        BackendPtr kept;
        for (const BackendPtr &old : reuse) {
            if (old->name() == b.name && old->address() == b.address
                && old->route() == (b.route.isEmpty() ? b.name : b.route))
                kept = old;
        }
        BackendPtr backend = kept ? kept : std::make_shared<Backend>(b, nextBackendId());
        adopt(*backend, b);
        m_backends.append(backend);
    }
    for (const BackendPtr &b : std::as_const(m_backends))
        m_affinity->knowBackend(*b);
    if (previous)
        m_affinity->carryOver(*previous->m_affinity);
}

void Pool::adopt(Backend &b, const BackendConfig &config) const
{
    b.setMaxConn(config.maxConn.value_or(m_config.maxConn));
    b.setSlowStart(m_config.slowStart);
}

std::variant<BackendPtr, QString> Pool::addBackend(const BackendConfig &config)
{
    QMutexLocker lock(&m_lock);
    const QString route = config.route.isEmpty() ? config.name : config.route;
    for (const BackendPtr &b : std::as_const(m_backends)) {
        if (b->name() == config.name)
            return u"pool %1 already has a backend named %2"_s.arg(m_config.name, config.name);
        if (b->route() == route)
            return u"backend %1 of pool %2 already uses route %3"_s.arg(
                b->name(), m_config.name, route);
    }
    auto backend = std::make_shared<Backend>(config, nextBackendId());
    adopt(*backend, config);
    m_affinity->knowBackend(*backend);
    QList<BackendPtr> next = m_backends;
    next.append(backend);
    m_backends = next;
    return backend;
}

BackendPtr Pool::removeBackend(const QString &name)
{
    QMutexLocker lock(&m_lock);
    QList<BackendPtr> next = m_backends;
    for (qsizetype i = 0; i < next.size(); ++i) {
        if (next.at(i)->name() == name) {
            BackendPtr removed = next.takeAt(i);
            m_backends = next;
            return removed;
        }
    }
    return nullptr;
}

void Pool::count(const Decision &d)
{
    m_decisions[static_cast<size_t>(d.reason)].fetch_add(1, std::memory_order_relaxed);
    if (d.changedBackend)
        m_changeCauses[static_cast<size_t>(d.changeCause)].fetch_add(1, std::memory_order_relaxed);
}

namespace {

std::array<quint64, ReasonCodeCount> loadAll(
    const std::array<std::atomic<quint64>, ReasonCodeCount> &counters)
{
    std::array<quint64, ReasonCodeCount> out{};
    for (size_t i = 0; i < out.size(); ++i)
        out[i] = counters[i].load(std::memory_order_relaxed);
    return out;
}

} // namespace

std::array<quint64, ReasonCodeCount> Pool::backendChangeCauses() const
{
    return loadAll(m_changeCauses);
}

quint64 Pool::backendChanges() const
{
    const std::array<quint64, ReasonCodeCount> causes = backendChangeCauses();
    return std::accumulate(causes.cbegin(), causes.cend(), quint64(0));
}

std::array<quint64, ReasonCodeCount> Pool::decisionCounts() const
{
    return loadAll(m_decisions);
}

bool Pool::redispatch(
    Decision &d, SessionTable &sessions, const QList<quint32> &tried, qint64 nowMs)
{
    QList<BackendPtr> others = candidates(backends()).backends;
    others.removeIf([&](const BackendPtr &b) { return tried.contains(b->id()); });
    const BackendPtr failed = d.backend;
    const BackendPtr next = m_balancer->pick(others, {});
    if (!next)
        return false;
    // A hashed client has no binding to keep (it is retried without failover) but did land
    // on its hash's backend: moving it is a backend change all the same.
    const bool wasBound = followsBinding(d.reason) || d.reason == ReasonCode::Hash;
    d.backend = next;
    d.algorithm = m_balancer->name();
    d.reason = ReasonCode::ConnectFailedRedispatched;
    ++d.retries;
    if (wasBound && failed) {
        d.changedBackend = true;
        d.previousBackend = failed->name();
        d.changeCause = ReasonCode::ConnectFailedRedispatched;
    }
    if (m_affinity->issuesKeys() || d.key.isEmpty()) {
        const QByteArray fresh = m_affinity->newKey(*next, nowMs);
        if (!fresh.isEmpty())
            d.key = fresh;
    }
    if (!d.key.isEmpty())
        sessions.touch(m_config.name, d.key, next, d.client, nowMs);
    return true;
}

QList<BackendPtr> Pool::backends() const
{
    QMutexLocker lock(&m_lock);
    return m_backends;
}

BackendPtr Pool::backendByRoute(QByteArrayView route) const
{
    QMutexLocker lock(&m_lock);
    for (const BackendPtr &b : m_backends) {
        if (b->routeBytes() == route)
            return b;
    }
    return nullptr;
}

BackendPtr Pool::backendByName(const QString &name) const
{
    QMutexLocker lock(&m_lock);
    for (const BackendPtr &b : m_backends) {
        if (b->name() == name)
            return b;
    }
    return nullptr;
}

Pool::Candidates Pool::candidates(const QList<BackendPtr> &all) const
{
    Candidates ready;
    Candidates standby{{}, true};
    for (const BackendPtr &b : all) {
        if (b->health() != Health::Up || b->weight() <= 0)
            continue;
        if (b->state() == BackendState::Ready)
            ready.backends.append(b);
        else if (b->state() == BackendState::Standby)
            standby.backends.append(b);
    }
    return ready.backends.isEmpty() ? standby : ready;
}

std::optional<ReasonCode> Pool::leaveReason(
    const Backend &bound, const std::function<bool()> &readyExists, qint64 nowMs) const
{
    if (bound.health() == Health::Down || bound.state() == BackendState::Maint)
        return ReasonCode::BackendDownRedispatched;
    if (bound.state() == BackendState::Drain && m_config.drainDeadlineSeconds
        && nowMs - bound.stateSinceMs() > *m_config.drainDeadlineSeconds * 1000)
        return ReasonCode::DrainDeadlineRedispatched;
    if (bound.state() == BackendState::Standby && !m_config.stickyStandby && readyExists())
        return ReasonCode::StandbyReturned;
    return std::nullopt;
}

Decision Pool::decide(AffinityRequest &request, SessionTable &sessions, bool dryRun)
{
    const qint64 nowMs = request.nowMs;
    Decision d;
    d.timeMs = nowMs;
    d.pool = m_config.name;
    d.client = request.client;
    d.mode = m_affinity->name();

    const AffinityLookup seen = m_affinity->lookup(request);
    d.keySeen = seen.keySeen;
    d.reason = seen.missReason;
    d.detail = seen.detail;
    // The candidate list is only needed when a session may move or is new: built on demand.
    std::optional<Candidates> freshCache;
    const auto fresh = [&]() -> const Candidates & {
        if (!freshCache)
            freshCache = candidates(backends());
        return *freshCache;
    };
    const auto readyExists = [&] { return !fresh().standby && !fresh().backends.isEmpty(); };

    // An operator's pin or rebind comes first (a scoped force-persist: it holds on draining and
    // maintenance backends too, only a backend that is down or gone lets the session go).
    const QByteArray pinKey = seen.hashKey ? *seen.hashKey : seen.keySeen;
    if (!pinKey.isEmpty()) {
        if (const std::optional<SessionPin> pin = sessions.pinOf(m_config.name, pinKey, nowMs)) {
            if (pin->backend->health() == Health::Up && backendByName(pin->backend->name())) {
                d.backend = pin->backend;
                d.decoded = seen.route ? QString::fromUtf8(*seen.route) : QString();
                d.key = pinKey;
                d.reason
                    = pin->untilMs != 0 ? ReasonCode::SessionPinned : ReasonCode::SessionRebound;
                // A rebind in a mode that issues keys: the client gets a key of its new
                // backend, so the binding no longer depends on the pin.
                if (pin->untilMs == 0 && m_affinity->issuesKeys() && !dryRun) {
                    const QByteArray fresh = m_affinity->newKey(*d.backend, nowMs);
                    if (!fresh.isEmpty())
                        d.key = fresh;
                }
            }
        }
    }

    // Where the session was before, and whether it may stay there.
    BackendPtr bound;
    if (d.backend) {
        // pinned above
    } else if (seen.route) {
        d.decoded = QString::fromUtf8(*seen.route);
        bound = backendByRoute(*seen.route);
        if (!bound) {
            d.reason = ReasonCode::CookieUnknownBackend;
        } else if (const std::optional<ReasonCode> leave
            = leaveReason(*bound, readyExists, nowMs)) {
            d.reason = *leave;
            d.changedBackend = true;
            d.previousBackend = bound->name();
            d.changeCause = *leave;
        } else {
            d.backend = bound;
            d.key = seen.keySeen;
            d.reason = bound->state() == BackendState::Drain ? ReasonCode::BackendDrainingKept
                                                             : seen.hitReason;
        }
        // Modes whose key is the application's (prefix, route with set = backend, learn) keep
        // the key after a redispatch; the session table remembers where it went, so the next
        // requests with the same stale route stay together instead of being spread again.
        if (!d.backend && m_config.failover && !seen.keySeen.isEmpty()) {
            if (const std::optional<QString> was
                = sessions.backendOf(m_config.name, seen.keySeen)) {
                const BackendPtr moved = backendByName(*was);
                // Only for modes that issue no key of their own (insert re-issues instead).
                if (moved && moved != bound && moved->usableForExistingSession()
                    && !leaveReason(*moved, readyExists, nowMs) && !m_affinity->issuesKeys()) {
                    d.backend = moved;
                    d.key = seen.keySeen;
                }
            }
        }
        if (!d.backend && !m_config.failover) {
            if (d.previousBackend.isEmpty())
                d.previousBackend = d.decoded;
            d.reason = ReasonCode::FailoverRefused;
            return d;
        }
    } else if (seen.hashKey) {
        d.key = *seen.hashKey;
        // A session of a draining backend stays there (drain semantics apply to hash modes too).
        if (const std::optional<QString> was = sessions.backendOf(m_config.name, d.key)) {
            const BackendPtr previous = backendByName(*was);
            if (previous && previous->state() == BackendState::Drain
                && !leaveReason(*previous, readyExists, nowMs)) {
                d.backend = previous;
                d.reason = ReasonCode::BackendDrainingKept;
            }
        }
        if (!d.backend && dryRun) {
            d.reason = fresh().standby ? ReasonCode::StandbyUsed : ReasonCode::Hash;
            d.algorithm = m_ring->name();
            // The ring pick is a pure function of the candidates: safe in a dry run.
        }
        if (!d.backend) {
            d.backend = m_ring->pick(fresh().backends, {stableHash(d.key)});
            d.reason = fresh().standby ? ReasonCode::StandbyUsed : ReasonCode::Hash;
            d.algorithm = m_ring->name();
        }
    }

    if (!d.backend && !seen.hashKey && dryRun) {
        d.algorithm = m_balancer->name();
        for (const BackendPtr &b : fresh().backends)
            d.candidates.append(b->name());
        if (fresh().standby && !fresh().backends.isEmpty() && !d.changedBackend)
            d.reason = ReasonCode::StandbyUsed;
        if (fresh().backends.isEmpty())
            d.reason = ReasonCode::NoBackend;
        return d;
    }
    if (!d.backend && !seen.hashKey) {
        BalanceContext context;
        if (m_balancer->name() == "consistent"_L1)
            context.hash = stableHash(request.client.toString().toLatin1());
        d.backend = m_balancer->pick(fresh().backends, context);
        d.algorithm = m_balancer->name();
        if (d.backend) {
            if (fresh().standby && !d.changedBackend)
                d.reason = ReasonCode::StandbyUsed;
            d.key = m_affinity->newKey(*d.backend, nowMs);
            if (d.key.isEmpty() && !seen.keySeen.isEmpty())
                d.key = seen.keySeen; // the application's cookie is the session key
        }
    }
    if (!d.backend) {
        d.reason = ReasonCode::NoBackend;
        return d;
    }

    if (dryRun) {
        if (const std::optional<QString> previous = sessions.backendOf(m_config.name, d.key);
            previous && *previous != d.backend->name() && !d.changedBackend) {
            d.changedBackend = true;
            d.previousBackend = *previous;
            d.changeCause = d.reason;
        }
        return d;
    }
    if (!d.key.isEmpty()) {
        const std::optional<QString> previous
            = sessions.touch(m_config.name, d.key, d.backend, request.client, nowMs);
        if (previous && *previous != d.backend->name() && !d.changedBackend) {
            d.changedBackend = true;
            d.previousBackend = *previous;
            d.changeCause = d.reason;
        }
    }
    return d;
}

} // namespace Limpet
