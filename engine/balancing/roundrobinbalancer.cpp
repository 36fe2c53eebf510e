#include "balancing/roundrobinbalancer.h"

#include "balancing/smoothweightedpick.h"

using namespace Qt::StringLiterals;

namespace Limpet {

QString RoundRobinBalancer::name() const
{
    return u"roundrobin"_s;
}

BackendPtr RoundRobinBalancer::pick(const QList<BackendPtr> &candidates, const BalanceContext &)
{
    if (candidates.isEmpty())
        return nullptr;
    if (candidates.size() == 1)
        return candidates.first();
    QMutexLocker lock(&m_lock);
    return candidates.at(smoothWeightedPick(m_current, candidates.size(), [&](qsizetype i) {
        return std::pair<quint32, qint64>(
            candidates.at(i)->id(), candidates.at(i)->balanceWeight());
    }));
}

} // namespace Limpet
