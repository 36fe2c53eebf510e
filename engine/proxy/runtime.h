#pragma once

#include "config/config.h"
#include "log/decisionlog.h"
#include "pool/pool.h"
#include "routing/router.h"
#include "session/sessiontable.h"

#include <QList>

#include <atomic>
#include <memory>

namespace Limpet {

/// What every worker shares while the engine runs: the config, the pools and the session
/// table. Built once by Engine::start(); the pointers never change while workers run.
struct Runtime
{
    explicit Runtime(const Config &c)
        : config(c)
        , pools(makePools(c))
        , router(pools)
        , sessions(c.sessions.maxEntries, c.sessions.idle)
        , decisions(c.log.decisions)
    { }

    static QList<PoolPtr> makePools(const Config &c)
    {
        QList<PoolPtr> out;
        for (const PoolConfig &p : c.pools)
            out.append(std::make_shared<Pool>(p));
        return out;
    }

    const Config config;
    const QList<PoolPtr> pools;
    const Router router;
    SessionTable sessions;
    DecisionLog decisions;
    std::atomic<bool> stopping{false};
    std::atomic<quint64> connectionsAccepted{0};
    std::atomic<int> connectionsOpen{0};
};

} // namespace Limpet
