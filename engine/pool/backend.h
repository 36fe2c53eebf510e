#pragma once

#include "config/config.h"

#include <QDateTime>
#include <QString>

#include <QMutex>

#include <array>
#include <atomic>
#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace Limpet {

/// What an operator decided for a backend (see engine/README.md).
enum class BackendState {
    Ready,
    Drain,
    Maint,
    Standby
};
/// What health checks observed.
enum class Health {
    Up,
    Down
};

[[nodiscard]] QString toString(BackendState state);
[[nodiscard]] QString toString(Health health);
/// "ready", "drain", "maint", "standby" → the state; anything else → empty optional.
[[nodiscard]] std::optional<BackendState> backendStateFromString(QStringView text);

/// Upper bounds (ms) of the response-time histogram buckets (Prometheus `le`).
inline constexpr std::array<double, 12> LatencyBucketsMs{
    1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000};

/// Counters updated by every worker without locks; read by snapshots.
struct BackendCounters
{
    std::atomic<quint64> requests{0};
    std::atomic<quint64> responses[6]{}; ///< index = status / 100 (0 = no response: errors)
    std::atomic<quint64> bytesIn{0}; ///< from the backend
    std::atomic<quint64> bytesOut{0}; ///< to the backend
    std::atomic<int> active{0}; ///< requests in flight on it
    std::atomic<quint64> failures{0}; ///< connect failures, timeouts, bad responses
    std::atomic<int> sessions{0}; ///< entries bound to it in the session table
    std::atomic<quint64> retries{0}; ///< connections refused here, request retried elsewhere
    std::atomic<quint64> queueTimeouts{
        0}; ///< refused (503) by max_conn: queue full or queue_timeout
    /// Response times: latency[i] counts responses that took <= LatencyBucketsMs[i] ms; the
    /// last one counts the slower rest. latencySumUs: their total, in microseconds.
    std::atomic<quint64> latency[LatencyBucketsMs.size() + 1]{};
    std::atomic<quint64> latencySumUs{0};
};

/// The outcome of one active health check.
struct CheckResult
{
    qint64 timeMs = 0; ///< when it ended, ms since the epoch
    bool passed = false;
    int status = 0; ///< http checks: the status received (0: none)
    double latencyMs = 0;
    QString error; ///< why it failed; empty when it passed
};

/// A request waiting for one of a backend's max_conn slots (see Backend::acquireSlot).
/// `grant` is called once a slot is handed to it (or never, when it gave up first).
struct SlotWaiter
{
    std::function<void()> grant; ///< called under no lock, in the releasing thread
};
using SlotWaiterPtr = std::shared_ptr<SlotWaiter>;

/// One server of a pool. Identity (name, address, route) is fixed; state, health and weight
/// may change at run time from any thread (atomics); counters are lock-free.
class Backend final
{
public:
    Backend(const BackendConfig &config, quint32 id);
    Q_DISABLE_COPY_MOVE(Backend)

    [[nodiscard]] quint32 id() const { return m_id; }
    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const Endpoint &address() const { return m_address; }
    [[nodiscard]] const QString &route() const { return m_route; }
    [[nodiscard]] const QByteArray &routeBytes() const { return m_routeBytes; }

    [[nodiscard]] int weight() const { return m_weight.load(std::memory_order_relaxed); }
    void setWeight(int w) { m_weight.store(w, std::memory_order_relaxed); }
    /// The weight balancing algorithms use: weight × 16, ramped up from 1/16 of it over
    /// slow_start after the backend came back (health up, or out of maintenance).
    [[nodiscard]] int balanceWeight(qint64 nowMs) const;
    [[nodiscard]] int balanceWeight() const;
    void setSlowStart(std::chrono::milliseconds d) { m_slowStartMs.store(d.count()); }
    /// ms since the epoch when it last came back (0: never went away).
    [[nodiscard]] qint64 upSinceMs() const { return m_upSince.load(std::memory_order_relaxed); }
    [[nodiscard]] BackendState state() const { return m_state.load(std::memory_order_relaxed); }
    /// Sets the state and, when it changes, when it did (drain_deadline counts from there).
    void setState(BackendState s, qint64 nowMs = QDateTime::currentMSecsSinceEpoch());
    /// ms since the epoch when the state last changed (0: since start).
    [[nodiscard]] qint64 stateSinceMs() const
    {
        return m_stateSince.load(std::memory_order_relaxed);
    }
    [[nodiscard]] Health health() const { return m_health.load(std::memory_order_relaxed); }
    /// Sets the health; returns whether it changed. Coming up starts the slow_start ramp and
    /// clears the passive failure streak.
    bool setHealth(Health h, qint64 nowMs = QDateTime::currentMSecsSinceEpoch());

    /// Active checks: the last result (any thread).
    void setLastCheck(const CheckResult &result);
    [[nodiscard]] std::optional<CheckResult> lastCheck() const;

    /// Passive health: a connect failure or 5xx response. Returns true when this failure
    /// takes the backend down (`maxFails` in a row within `window`; maxFails 0 = never).
    bool reportFailure(int maxFails, std::chrono::milliseconds window, qint64 nowMs);
    /// Down because reportFailure() took it down, not checks: it stays down only until the
    /// next passing check (active checks then skip `rise`). Cleared by setHealth(Health::Up).
    [[nodiscard]] bool downPassively() const
    {
        return m_downPassively.load(std::memory_order_relaxed);
    }
    /// Passive health: a response below 500 ends a failure streak.
    void reportSuccess()
    {
        if (m_failStreak.load(std::memory_order_relaxed) != 0)
            m_failStreak.store(0, std::memory_order_relaxed);
    }

    /// max_conn: requests in flight at once (0 = unlimited). Any thread.
    [[nodiscard]] int maxConn() const { return m_maxConn.load(std::memory_order_relaxed); }
    void setMaxConn(int n) { m_maxConn.store(n, std::memory_order_relaxed); }
    enum class Slot {
        Unlimited, ///< no max_conn: go ahead, nothing to release
        Acquired, ///< go ahead; call releaseSlot() when done
        Queued, ///< `waiter` will be granted a slot later (or must cancelWait() on timeout)
        QueueFull ///< refuse the request
    };
    /// Takes a slot, or queues `waiter` (at most `maxQueue` wait). Unlimited: always Acquired.
    Slot acquireSlot(const SlotWaiterPtr &waiter, int maxQueue);
    /// Gives a slot back: hands it to the oldest waiter if there is one.
    void releaseSlot();
    /// A waiter that gave up. Returns false when a slot was granted to it meanwhile (it then
    /// owns the slot and must release it).
    bool cancelWait(const SlotWaiterPtr &waiter);
    [[nodiscard]] int queued() const;

    /// Removal requested (DELETE without force): it drains and goes when it is idle.
    [[nodiscard]] bool removing() const { return m_removing.load(std::memory_order_relaxed); }
    void setRemoving(bool r) { m_removing.store(r, std::memory_order_relaxed); }
    /// Bound sessions leaving per second (the control thread's moving average).
    [[nodiscard]] double sessionsLeaveRate() const { return m_leaveRate.load(); }
    void setSessionsLeaveRate(double r) { m_leaveRate.store(r); }

    /// Counts a finished response: status class, time taken, passive health.
    void recordResponse(int status, qint64 durationUs);

    /// May serve a session already bound to it: up and not in maintenance (ready, drain and
    /// standby keep their sessions).
    [[nodiscard]] bool usableForExistingSession() const
    {
        const BackendState s = state();
        return health() == Health::Up && s != BackendState::Maint;
    }

    BackendCounters counters;

private:
    const quint32 m_id;
    const QString m_name;
    const Endpoint m_address;
    const QString m_route;
    const QByteArray m_routeBytes;
    std::atomic<int> m_weight;
    std::atomic<BackendState> m_state{BackendState::Ready};
    std::atomic<qint64> m_stateSince{0};
    std::atomic<Health> m_health{Health::Up};
    std::atomic<bool> m_downPassively{false};
    std::atomic<qint64> m_upSince{0};
    std::atomic<qint64> m_slowStartMs{0};
    std::atomic<int> m_failStreak{0};
    std::atomic<qint64> m_failStreakStart{0};
    std::atomic<int> m_maxConn{0};
    std::atomic<bool> m_removing{false};
    std::atomic<double> m_leaveRate{0};
    mutable QMutex m_lock; ///< guards m_lastCheck, m_inUse, m_waiters
    std::optional<CheckResult> m_lastCheck;
    int m_inUse = 0;
    std::deque<SlotWaiterPtr> m_waiters;
};

using BackendPtr = std::shared_ptr<Backend>;

} // namespace Limpet
