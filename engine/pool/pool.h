#pragma once

#include "affinity/affinitymode.h"
#include "balancing/balancer.h"
#include "config/config.h"
#include "pool/decision.h"

#include <QList>
#include <QMutex>

#include <functional>
#include <memory>

namespace Limpet {

class SessionTable;

/// A named group of backends with one affinity mode and one balancing algorithm.
/// Shared by all workers; the backend list is replaced whole (copy-on-write) so readers take a
/// reference under a short lock and never see a list being edited.
class Pool final
{
public:
    explicit Pool(const PoolConfig &config);
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
    [[nodiscard]] Decision decide(AffinityRequest &request, SessionTable &sessions);

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
    mutable QMutex m_lock;
    QList<BackendPtr> m_backends; ///< guarded by m_lock (replaced, never edited in place)
};

using PoolPtr = std::shared_ptr<Pool>;

} // namespace Limpet
