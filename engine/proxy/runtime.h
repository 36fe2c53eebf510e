#pragma once

#include "config/config.h"
#include "log/decisionlog.h"
#include "log/eventlog.h"
#include "pool/pool.h"
#include "routing/router.h"
#include "session/sessiontable.h"

#include <QDateTime>
#include <QList>
#include <QMutex>

#include <atomic>
#include <memory>

namespace Limpet {

/// What routes requests: the config in force, its pools and the router over them. Immutable;
/// a reload builds a new one and swaps it in, while requests that started under the old one
/// finish with it (they hold a reference).
struct Routing
{
    Routing(Config c, QList<PoolPtr> p)
        : config(std::move(c))
        , pools(std::move(p))
        , router(pools)
    { }

    [[nodiscard]] PoolPtr pool(const QString &name) const
    {
        for (const PoolPtr &p : pools) {
            if (p->name() == name)
                return p;
        }
        return nullptr;
    }

    const Config config;
    const QList<PoolPtr> pools;
    const Router router;
    /// When this config came into force (start or reload), ms since the epoch.
    const qint64 loadedMs = QDateTime::currentMSecsSinceEpoch();
};
using RoutingPtr = std::shared_ptr<const Routing>;

/// What every worker shares while the engine runs: the routing in force, the session table,
/// the decision and event logs and the global counters. Built once by Engine::start().
struct Runtime
{
    explicit Runtime(const Config &c)
        : sessions(c.sessions.maxEntries, c.sessions.idle)
        , decisions(c.log.decisions)
        , m_routing(std::make_shared<const Routing>(c, makePools(c)))
    { }

    static QList<PoolPtr> makePools(const Config &c)
    {
        QList<PoolPtr> out;
        for (const PoolConfig &p : c.pools)
            out.append(std::make_shared<Pool>(p));
        return out;
    }

    /// The routing in force. Any thread (workers cache it: see generation).
    [[nodiscard]] RoutingPtr routing() const
    {
        QMutexLocker lock(&m_lock);
        return m_routing;
    }
    /// Swaps in a new routing (a reload). Any thread.
    void setRouting(RoutingPtr routing)
    {
        QMutexLocker lock(&m_lock);
        m_routing = std::move(routing);
        generation.fetch_add(1, std::memory_order_release);
    }

    SessionTable sessions;
    DecisionLog decisions;
    EventLog events;
    std::atomic<bool> stopping{false};
    std::atomic<quint64> connectionsAccepted{0};
    std::atomic<int> connectionsOpen{0};
    /// Bumped by every setRouting(): a worker compares it with its cached copy's.
    std::atomic<quint64> generation{0};

private:
    mutable QMutex m_lock;
    RoutingPtr m_routing; ///< guarded by m_lock
};

} // namespace Limpet
