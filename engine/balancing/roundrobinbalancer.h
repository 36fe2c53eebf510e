#pragma once

#include "balancing/balancer.h"

#include <QHash>
#include <QMutex>

namespace Limpet {

/// Smooth weighted round-robin (the nginx algorithm): over any window of sum(weights) picks,
/// each backend is chosen exactly `weight` times, interleaved rather than in bursts.
class RoundRobinBalancer final : public Balancer
{
public:
    [[nodiscard]] QString name() const override;
    /// Thread-safe: takes m_lock for the few additions of one pick.
    [[nodiscard]] BackendPtr pick(
        const QList<BackendPtr> &candidates, const BalanceContext &context) override;

private:
    QMutex m_lock;
    QHash<quint32, qint64> m_current; ///< backend id → current weight; guarded by m_lock
};

} // namespace Limpet
