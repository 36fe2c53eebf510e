#pragma once

#include "config/config.h"
#include "pool/backend.h"
#include "pool/pool.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <qcoro/qcorotask.h>

#include <functional>

class QTimer;

namespace Limpet {

class DeadlineSweeper;
class ProxySocket;

/// Active health checks: every backend of every pool with a `[pool.health]` table is checked
/// every `interval` (whatever its state: an operator wants to see a backend in maintenance come
/// back), and its health follows the results:
/// - up → down after `fall` failures in a row;
/// - down → up after `rise` passes in a row, or after the first pass when passive health took
///   it down (Backend::downPassively(): "down until the next successful check").
/// Every result is recorded in the backend (Backend::setLastCheck); every change of health goes
/// to the event sink and to the log (category `limpet.health`).
///
/// A check is one coroutine: connect, and for `http` send `GET <path>` and read the response
/// head; the whole of it is bounded by `timeout`. At most one check per backend is in flight.
/// Nothing blocks the thread: waits are ProxySocket waits with deadlines, and one single-shot
/// timer starts the checks that are due.
///
/// The pools are asked for again a few times a second (they change on reload, add, remove):
/// a new backend gets its first check soon (first checks of backends found together are
/// spread over the interval, at most one second), a backend no pool holds any more is forgotten
/// (its check in flight, if any, is abandoned and its result dropped).
///
/// Lives in, and is only used from, one thread (the engine's control thread).
class HealthMonitor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HealthMonitor)

public:
    /// The current pools. Called in the monitor's thread; must be cheap (a copy of a list).
    using PoolsProvider = std::function<QList<PoolPtr>()>;
    /// A change of health, with why (e.g. "3 checks failed: connection refused"). Called in the
    /// monitor's thread, after the backend's health was changed.
    using EventSink = std::function<void(const QString &pool, const QString &backend, Health from,
        Health to, const QString &message)>;

    HealthMonitor(PoolsProvider pools, EventSink events, QObject *parent = nullptr);
    /// Stops first: checks in flight are abandoned.
    ~HealthMonitor() override;

    /// Starts checking. Call in the thread the monitor lives in. Does nothing when started.
    void start();
    /// Stops checking: checks in flight are abandoned (their results dropped) and the count of
    /// passes and failures in a row is forgotten. start() may follow.
    void stop();
    [[nodiscard]] bool isRunning() const { return m_running; }

private:
    /// What the monitor knows of one backend, keyed by Backend::id().
    struct Tracked
    {
        BackendPtr backend;
        QString pool;
        HealthConfig config; ///< of the pool that holds it now
        quint64 generation = 0; ///< tells a check's result from one of a forgotten entry
        quint64 seenInScan = 0;
        qint64 dueMs = 0; ///< when the next check starts (ms since the epoch)
        qint64 startedMs = 0; ///< when the check in flight (or the last one) started
        QPointer<ProxySocket> inFlight; ///< the check in flight; null when none
        int passes = 0; ///< in a row
        int fails = 0; ///< in a row
        Health observed = Health::Up; ///< health after the last result (tells external changes)
    };

    /// Timer: refreshes the backends from the pools, starts the checks that are due, arms the
    /// timer for the next one.
    void onTimer();
    /// Follows the pools: tracks new backends (first checks spread), forgets gone ones.
    void refresh(qint64 nowMs);
    /// The timer fires at `atMs` (ms since the epoch; at once when past).
    void armTimer(qint64 nowMs, qint64 atMs);
    /// Ends the checks in flight on these sockets now; their results are dropped.
    void abandon(const QList<QPointer<ProxySocket>> &sockets);
    /// One check of one backend, from connect to the result being applied.
    QCoro::Task<> check(
        BackendPtr backend, HealthConfig config, quint64 generation, ProxySocket *socket);
    /// Connects (and for http, asks and reads the response head) within config.timeout.
    /// Returns the result; never throws for network trouble (it is a failed result).
    QCoro::Task<CheckResult> probe(ProxySocket *socket, Endpoint address, HealthConfig config);
    /// Records `result` and applies `rise`/`fall` (drops results of forgotten entries).
    void finish(quint32 id, quint64 generation, const CheckResult &result);

    PoolsProvider m_pools;
    EventSink m_events;
    DeadlineSweeper *m_sweeper; ///< child: deadlines of the checks' sockets
    QTimer *m_timer; ///< child, single-shot
    QHash<quint32, Tracked> m_tracked;
    quint64 m_nextGeneration = 1;
    quint64 m_scan = 0;
    qint64 m_lastRefreshMs = 0;
    qint64 m_timerDueMs = 0; ///< when m_timer fires, while it is active
    bool m_running = false;
};

} // namespace Limpet
