#pragma once

#include "affinity/affinitymode.h"
#include "balancing/balancer.h"
#include "config/config.h"
#include "pool/decision.h"

#include <QList>
#include <QMutex>

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

    [[nodiscard]] const QString &name() const { return m_name; }
    [[nodiscard]] const AffinityMode &affinity() const { return *m_affinity; }
    [[nodiscard]] const Balancer &balancer() const { return *m_balancer; }
    /// The current backends. Any thread.
    [[nodiscard]] QList<BackendPtr> backends() const;
    [[nodiscard]] BackendPtr backendByRoute(QByteArrayView route) const;
    [[nodiscard]] BackendPtr backendByName(const QString &name) const;

    /// Decides where `request` goes: reads its affinity (stripping what the backend must not
    /// see), keeps it on its bound backend when that backend can take it, else balances it as a
    /// new session. Records the session in `sessions`. Any thread.
    /// Returns a Decision whose backend is null (reason NoBackend) when no backend is usable.
    [[nodiscard]] Decision decide(HttpHead &request, const QHostAddress &client,
                                  SessionTable &sessions, qint64 nowMs);

private:
    /// Backends that may take a new session: ready ones, or standby ones when no ready one is up.
    [[nodiscard]] QList<BackendPtr> candidates(const QList<BackendPtr> &all) const;

    const QString m_name;
    std::unique_ptr<AffinityMode> m_affinity;
    std::unique_ptr<Balancer> m_balancer;
    mutable QMutex m_lock;
    QList<BackendPtr> m_backends; ///< guarded by m_lock (replaced, never edited in place)
};

using PoolPtr = std::shared_ptr<Pool>;

} // namespace Limpet
