#include "balancing/randombalancer.h"

#include <QRandomGenerator>
#include <QVarLengthArray>

using namespace Qt::StringLiterals;

namespace Limpet {

QString RandomBalancer::name() const
{
    return u"random"_s;
}

BackendPtr RandomBalancer::pick(const QList<BackendPtr> &candidates, const BalanceContext &)
{
    if (candidates.isEmpty())
        return nullptr;
    if (candidates.size() == 1)
        return candidates.first();
    // Weights are atomics another thread may change: one snapshot keeps the draw and the walk
    // below consistent with each other.
    QVarLengthArray<quint64, 16> weights;
    quint64 total = 0;
    for (const BackendPtr &b : candidates) {
        const quint64 w = quint64(b->balanceWeight());
        weights.append(w);
        total += w;
    }
    QRandomGenerator *random = QRandomGenerator::global();
    if (total == 0)
        return candidates.at(qsizetype(random->bounded(quint64(candidates.size()))));
    quint64 point = random->bounded(total);
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (point < weights.at(i))
            return candidates.at(i);
        point -= weights.at(i);
    }
    return candidates.last(); // not reached: point < total = sum(weights)
}

} // namespace Limpet
