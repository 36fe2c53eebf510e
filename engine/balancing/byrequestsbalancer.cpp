#include "balancing/byrequestsbalancer.h"

#include "balancing/smoothweightedpick.h"

using namespace Qt::StringLiterals;

namespace Limpet {

QString ByRequestsBalancer::name() const
{
    return u"byrequests"_s;
}

BackendPtr ByRequestsBalancer::pick(const QList<BackendPtr> &candidates, const BalanceContext &)
{
    if (candidates.isEmpty())
        return nullptr;
    if (candidates.size() == 1)
        return candidates.first();
    QMutexLocker lock(&m_lock);
    // Apache's lbstatus/lbfactor arithmetic is exactly the smooth weighted step.
    return candidates.at(smoothWeightedPick(m_lbstatus, candidates.size(), [&](qsizetype i) {
        return std::pair<quint32, qint64>(
            candidates.at(i)->id(), candidates.at(i)->balanceWeight());
    }));
}

} // namespace Limpet
