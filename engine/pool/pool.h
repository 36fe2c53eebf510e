#pragma once

#include "affinity/affinitymode.h"
#include "balancing/balancer.h"
#include "config/config.h"
#include "pool/decision.h"

#include <QList>
#include <QMutex>

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <variant>

namespace Limpet {

class SessionTable;

/// A named group of backends with one affinity mode and one balancing algorithm.
/// Shared by all workers; the backend list is replaced whole (copy-on-write) so readers take a
/// reference under a short lock and never see a list being edited.
class Pool final
{
public:
    /// `reuse`: backends of the pool this one replaces (a reload); one whose name, address and
    /// route are unchanged is kept as is (state, health, counters, sessions), others are new.
    /// `previous`: that pool, whose affinity mode hands over what it learnt
    /// (AffinityMode::carryOver()).
    explicit Pool(const PoolConfig &config, const QList<BackendPtr> &reuse = {},
        const Pool *previous = nullptr);
    Q_DISABLE_COPY_MOVE(Pool)

    [[nodiscard]] const QString &name() const { return m_config.name; }
    [[nodiscard]] const PoolConfig &config() const { return m_config; }
    [[nodiscard]] AffinityMode &affinity() const { return *m_affinity; }
    [[nodiscard]] const Balancer &balancer() const { return *m_balancer; }
    /// The current backends. Any thread.
    [[nodiscard]] QList<BackendPtr> backends() const;
    [[nodiscard]] BackendPtr backendByRoute(QByteArrayView route) const;
    [[nodiscard]] BackendPtr backendByName(const QString &name) const;

    /// Decides where `request` goes, and why (README "What a sticky request does"):
    /// - the affinity mode reads the request (and strips what the backend must not see);
    /// - a route naming a usable backend keeps the session there (draining backends keep their
    ///   sessions until drain_deadline; standby ones until a ready backend is back, unless
    ///   sticky_standby); a route naming an unknown, maintenance or down backend is redispatched,
    ///   or refused (503) when failover = false;
    /// - a hash key goes to the backend it hashes onto among the ready ones (consistently);
    /// - anything else is balanced as a new session, on ready backends, else standby ones.
    /// Records the session in `sessions`. Any thread.
    /// Returns a Decision whose backend is null when nothing may take the request (reasons
    /// NoBackend, FailoverRefused).
    /// `dryRun` (inspect): nothing is recorded and no balancing state moves; a new session gets
    /// no backend but the list of `candidates` it would be balanced on.
    [[nodiscard]] Decision decide(
        AffinityRequest &request, SessionTable &sessions, bool dryRun = false);
    /// The backend of `d` refused the connection before any byte was sent: picks another one
    /// (none of `tried`), re-binds the session there with a new key when the mode issues keys
    /// (HAProxy `option redispatch`). Returns false when no other backend may take it.
    bool redispatch(Decision &d, SessionTable &sessions, const QList<quint32> &tried, qint64 nowMs);

    /// Adds a backend (POST /api/v1/pools/{pool}/backends). Returns it, or why it cannot be
    /// added (name or route taken). Any thread.
    [[nodiscard]] std::variant<BackendPtr, QString> addBackend(const BackendConfig &config);
    /// Takes a backend out of the list (requests in flight on it complete: they hold a
    /// reference). Returns it, or nullptr when there is none of that name. Any thread.
    BackendPtr removeBackend(const QString &name);

    /// Counts a decision under its reason code (metrics, GET /api/v1/cluster). Any thread.
    void count(const Decision &d);
    [[nodiscard]] std::array<quint64, ReasonCodeCount> decisionCounts() const;
    [[nodiscard]] quint64 backendChanges() const;
    /// The backend changes by their cause (Decision::changeCause).
    [[nodiscard]] std::array<quint64, ReasonCodeCount> backendChangeCauses() const;

private:
    struct Candidates
    {
        QList<BackendPtr> backends;
        bool standby = false; ///< no ready backend: these are standby ones
    };
    /// Backends that may take a new session: ready ones, or standby ones when no ready one is up.
    [[nodiscard]] Candidates candidates(const QList<BackendPtr> &all) const;
    /// Why the session bound to `bound` may not stay there, or empty optional when it may.
    [[nodiscard]] std::optional<ReasonCode> leaveReason(
        const Backend &bound, const std::function<bool()> &readyExists, qint64 nowMs) const;

    const PoolConfig m_config;
    std::unique_ptr<AffinityMode> m_affinity;
    std::unique_ptr<Balancer> m_balancer;
    std::unique_ptr<Balancer> m_ring; ///< consistent hashing for the hash modes
    /// Applies the pool-wide settings (max_conn default, slow_start) to a backend of it.
    void adopt(Backend &b, const BackendConfig &config) const;

    mutable QMutex m_lock;
    QList<BackendPtr> m_backends; ///< guarded by m_lock (replaced, never edited in place)
    std::array<std::atomic<quint64>, ReasonCodeCount> m_decisions{};
    std::array<std::atomic<quint64>, ReasonCodeCount> m_changeCauses{};
};

using PoolPtr = std::shared_ptr<Pool>;

} // namespace Limpet
