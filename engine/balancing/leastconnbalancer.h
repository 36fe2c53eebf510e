#pragma once

#include "balancing/balancer.h"

#include <QHash>
#include <QMutex>

namespace Limpet {

/// Least connections: picks the candidate with the fewest requests in flight
/// (Backend::counters.active) relative to its weight, i.e. the lowest active / weight. Candidates
/// that tie take turns by smooth weighted round-robin among themselves (as nginx's least_conn
/// does), so idle backends share the load by weight instead of the first listed taking it all.
class LeastConnBalancer final : public Balancer
{
public:
    [[nodiscard]] QString name() const override;
    /// Thread-safe: reads the counters without a lock; takes m_lock only when several candidates
    /// tie, for the few additions of the tie-break. Ignores `context`. The counters are a
    /// snapshot: concurrent picks may see the same loads and choose the same backend.
    [[nodiscard]] BackendPtr pick(
        const QList<BackendPtr> &candidates, const BalanceContext &context) override;

private:
    QMutex m_lock;
    QHash<quint32, qint64> m_current; ///< backend id → tie-break current weight; guarded by m_lock
};

} // namespace Limpet
