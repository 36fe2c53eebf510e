#include "balancing/roundrobinbalancer.h"

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
    qint64 total = 0;
    BackendPtr best;
    qint64 bestWeight = 0;
    for (const BackendPtr &b : candidates) {
        const int w = b->weight();
        total += w;
        qint64 &current = m_current[b->id()];
        current += w;
        if (!best || current > bestWeight) {
            best = b;
            bestWeight = current;
        }
    }
    m_current[best->id()] -= total;
    return best;
}

} // namespace Limpet
