#pragma once

#include "pool/backend.h"
#include "pool/decision.h"

#include <QList>
#include <QString>

#include <array>

namespace Limpet {

/// Value snapshots of a running engine, for the UI and the API. Safe to copy across threads;
/// they hold no pointer into the engine.

/// The last active health check of a backend.
struct HealthCheckSnapshot
{
    bool enabled = false; ///< the pool has [pool.health]
    QString type; ///< "http" or "tcp"
    qint64 lastCheckMs = 0; ///< ms since the epoch, 0 = not checked yet
    int lastStatus = 0; ///< HTTP status of the last check (0: tcp, or no response)
    double lastLatencyMs = 0; ///< duration of the last check
    QString lastError; ///< why the last check failed, empty when it passed
    bool lastPassed = false;
};

struct BackendSnapshot
{
    QString pool;
    QString name;
    QString address;
    QString route;
    BackendState state = BackendState::Ready;
    qint64 stateSinceMs = 0; ///< when the state last changed (0: since start)
    Health health = Health::Up;
    int weight = 1;
    int effectiveWeight = 1; ///< weight during slow_start ramp (= weight otherwise)
    int maxConn = 0; ///< 0 = unlimited
    quint64 requests = 0;
    std::array<quint64, 6> responses{}; ///< [0] = no response (errors), [1..5] = 1xx..5xx
    int active = 0; ///< requests in flight
    int queued = 0; ///< requests waiting for a max_conn slot
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 failures = 0;
    quint64 retries = 0; ///< requests that failed to connect here and were retried elsewhere
    quint64 queueTimeouts = 0; ///< requests refused (503) by max_conn: queue full or queue_timeout
    int sessions = 0; ///< bound sessions in the session table
    double sessionsLeaveRate = 0; ///< bound sessions leaving per second (averaged), when draining
    bool removing = false; ///< removal requested: removed when its sessions and requests are gone
    HealthCheckSnapshot check;
    /// Response-time histogram: latencyBuckets[i] counts responses that took <=
    /// LatencyBucketsMs[i] ms (not cumulative); the last one counts the slower rest.
    std::array<quint64, LatencyBucketsMs.size() + 1> latencyBuckets{};
    double latencySumMs = 0;
};

/// Counters per reason code, indexed by static_cast<int>(ReasonCode).
using ReasonCounts = std::array<quint64, ReasonCodeCount>;

struct PoolSnapshot
{
    QString name;
    QString affinityMode;
    QString balancing;
    QList<BackendSnapshot> backends;
    ReasonCounts decisions{}; ///< decisions made, by reason code
    quint64 backendChanges = 0; ///< requests whose session changed backend (broken stickiness)
    ReasonCounts backendChangeCauses{}; ///< backendChanges by their cause (a reason code)
};

struct EngineSnapshot
{
    qint64 timeMs = 0;
    qint64 startedMs = 0;
    QString version;
    QString listen;
    QString admin; ///< admin API address, empty when it is off
    QString configFile; ///< empty for the embedded demo
    qint64 configLoadedMs = 0; ///< when the config in force was loaded (start or last reload)
    quint64 reloads = 0;
    int workers = 0;
    quint64 connectionsAccepted = 0;
    int connectionsOpen = 0;
    int sessions = 0;
    quint64 events = 0; ///< events so far (state, health, backend and reload changes)
    QList<PoolSnapshot> pools;
};

} // namespace Limpet
