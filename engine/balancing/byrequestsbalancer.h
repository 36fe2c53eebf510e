#pragma once

#include "balancing/balancer.h"

#include <QHash>
#include <QMutex>

namespace Limpet {

/// Apache mod_proxy_balancer's lbmethod=byrequests: on each pick every candidate's lbstatus
/// grows by its lbfactor (here its weight), the candidate with the highest lbstatus wins (the
/// first listed on a tie) and gives back the sum of the lbfactors. Over any window of
/// sum(weights) picks each backend is chosen exactly `weight` times, interleaved; weights 3,1
/// give a a b a, weights 5,1,1 give a a b a c a a. nginx's smooth round-robin was derived from
/// this algorithm, so with the same candidates both produce the same sequence: this class
/// exists so `balance = "byrequests"` names Apache's behaviour and keeps it if roundrobin changes.
class ByRequestsBalancer final : public Balancer
{
public:
    [[nodiscard]] QString name() const override;
    /// Thread-safe: takes m_lock for the few additions of one pick. Ignores `context`.
    [[nodiscard]] BackendPtr pick(
        const QList<BackendPtr> &candidates, const BalanceContext &context) override;

private:
    QMutex m_lock;
    QHash<quint32, qint64> m_lbstatus; ///< backend id → Apache's lbstatus; guarded by m_lock
};

} // namespace Limpet
