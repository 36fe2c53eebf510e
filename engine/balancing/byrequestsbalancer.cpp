#include "balancing/byrequestsbalancer.h"

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
    qint64 totalFactor = 0;
    BackendPtr candidate;
    qint64 candidateStatus = 0;
    for (const BackendPtr &worker : candidates) {
        const int lbfactor = worker->weight();
        totalFactor += lbfactor;
        qint64 &lbstatus = m_lbstatus[worker->id()];
        lbstatus += lbfactor;
        // Strictly greater, as in Apache: on a tie the first listed wins.
        if (!candidate || lbstatus > candidateStatus) {
            candidate = worker;
            candidateStatus = lbstatus;
        }
    }
    m_lbstatus[candidate->id()] -= totalFactor;
    return candidate;
}

} // namespace Limpet
