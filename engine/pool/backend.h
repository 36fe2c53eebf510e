#pragma once

#include "config/config.h"

#include <QDateTime>
#include <QString>

#include <atomic>
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
};

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
    [[nodiscard]] BackendState state() const { return m_state.load(std::memory_order_relaxed); }
    /// Sets the state and, when it changes, when it did (drain_deadline counts from there).
    void setState(BackendState s, qint64 nowMs = QDateTime::currentMSecsSinceEpoch());
    /// ms since the epoch when the state last changed (0: since start).
    [[nodiscard]] qint64 stateSinceMs() const
    {
        return m_stateSince.load(std::memory_order_relaxed);
    }
    [[nodiscard]] Health health() const { return m_health.load(std::memory_order_relaxed); }
    void setHealth(Health h) { m_health.store(h, std::memory_order_relaxed); }

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
};

using BackendPtr = std::shared_ptr<Backend>;

} // namespace Limpet
