#pragma once

#include "config/config.h"
#include "pool/pool.h"
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
        , sessions(c.sessions.maxEntries, c.sessions.idle)
    {
        for (const PoolConfig &p : c.pools)
            pools.append(std::make_shared<Pool>(p));
    }

    const Config config;
    QList<PoolPtr> pools;
    SessionTable sessions;
    std::atomic<bool> stopping{false};
    std::atomic<quint64> connectionsAccepted{0};
    std::atomic<int> connectionsOpen{0};
};

} // namespace Limpet
