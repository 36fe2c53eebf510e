#include "balancing/leastconnbalancer.h"

#include "balancing/smoothweightedpick.h"

#include <QVarLengthArray>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// One candidate's load as read once at the start of a pick.
struct Load
{
    qint64 active = 0;
    qint64 weight = 0;
};

/// Whether a carries less load per unit of weight than b: a.active / a.weight < b.active /
/// b.weight, cross-multiplied to stay in integers (active and weight are ints: no overflow).
/// A weight set to 0 since the candidates were chosen counts as infinitely loaded.
bool lighter(const Load &a, const Load &b)
{
    if (a.weight == 0 || b.weight == 0)
        return a.weight > b.weight;
    return a.active * b.weight < b.active * a.weight;
}

} // namespace

QString LeastConnBalancer::name() const
{
    return u"leastconn"_s;
}

BackendPtr LeastConnBalancer::pick(const QList<BackendPtr> &candidates, const BalanceContext &)
{
    if (candidates.isEmpty())
        return nullptr;
    if (candidates.size() == 1)
        return candidates.first();
    // One snapshot of the atomics, so the search and the tie test below agree.
    QVarLengthArray<Load, 16> loads;
    qsizetype best = 0;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const Backend &b = *candidates.at(i);
        loads.append(
            Load{qMax(b.counters.active.load(std::memory_order_relaxed), 0), b.balanceWeight()});
        if (lighter(loads.at(i), loads.at(best)))
            best = i;
    }
    QVarLengthArray<qsizetype, 16> tied;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        if (!lighter(loads.at(best), loads.at(i)))
            tied.append(i);
    }
    if (tied.size() == 1)
        return candidates.at(best);

    QMutexLocker lock(&m_lock);
    const qsizetype chosen = smoothWeightedPick(m_current, tied.size(), [&](qsizetype t) {
        return std::pair<quint32, qint64>(
            candidates.at(tied.at(t))->id(), loads.at(tied.at(t)).weight);
    });
    return candidates.at(tied.at(chosen));
}

} // namespace Limpet
