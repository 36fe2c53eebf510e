#include "pool/pool.h"

#include "session/sessiontable.h"

namespace Limpet {

namespace {
quint32 nextBackendId()
{
    static std::atomic<quint32> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}
} // namespace

Pool::Pool(const PoolConfig &config)
    : m_name(config.name)
    , m_affinity(makeAffinityMode(config.sticky))
    , m_balancer(makeBalancer(config.balance))
{
    for (const BackendConfig &b : config.backends)
        m_backends.append(std::make_shared<Backend>(b, nextBackendId()));
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

QList<BackendPtr> Pool::candidates(const QList<BackendPtr> &all) const
{
    QList<BackendPtr> ready;
    QList<BackendPtr> standby;
    for (const BackendPtr &b : all) {
        if (b->health() != Health::Up || b->weight() <= 0)
            continue;
        if (b->state() == BackendState::Ready)
            ready.append(b);
        else if (b->state() == BackendState::Standby)
            standby.append(b);
    }
    return ready.isEmpty() ? standby : ready;
}

Decision Pool::decide(HttpHead &request, const QHostAddress &client, SessionTable &sessions,
                      qint64 nowMs)
{
    Decision d;
    d.timeMs = nowMs;
    d.pool = m_name;
    d.client = client;

    const AffinityLookup seen = m_affinity->lookup(request);
    d.keySeen = seen.keySeen;
    d.reason = seen.missReason;
    if (seen.route) {
        d.decoded = QString::fromUtf8(*seen.route);
        const BackendPtr bound = backendByRoute(*seen.route);
        if (!bound) {
            d.reason = ReasonCode::CookieUnknownBackend;
        } else if (!bound->usableForExistingSession()) {
            d.reason = ReasonCode::BackendDownRedispatched;
            d.changedBackend = true; // the session leaves its backend: it gets a new key below
        } else {
            d.backend = bound;
            d.key = seen.keySeen;
            d.reason = bound->state() == BackendState::Drain ? ReasonCode::BackendDrainingKept
                                                             : ReasonCode::CookieHit;
        }
    }

    if (!d.backend) {
        d.backend = m_balancer->pick(candidates(backends()));
        if (!d.backend) {
            d.reason = ReasonCode::NoBackend;
            return d;
        }
        d.algorithm = m_balancer->name();
        d.key = m_affinity->newKey(*d.backend);
        if (!d.key.isEmpty())
            d.setCookie = m_affinity->setCookieFor(d.key);
    }

    if (!d.key.isEmpty()) {
        const std::optional<QString> previous =
            sessions.touch(m_name, d.key, d.backend, client, nowMs);
        d.changedBackend = d.changedBackend || (previous && *previous != d.backend->name());
    }
    return d;
}

} // namespace Limpet
