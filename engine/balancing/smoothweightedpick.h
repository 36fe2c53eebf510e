#pragma once

#include <QHash>

#include <utility>

namespace Limpet {

/// One step of smooth weighted round-robin (nginx; Apache's byrequests is the same arithmetic):
/// every candidate's running value grows by its weight, the highest wins (the first listed on a
/// tie) and gives back the sum of the weights. Over any window of sum(weights) steps each
/// candidate wins exactly `weight` times, interleaved.
/// `at(i)` returns candidate i's {backend id, weight}; `current` maps backend id → running
/// value and must be guarded by the caller's lock. Returns the winner's index, -1 when count is 0.
template <typename IdAndWeight>
qsizetype smoothWeightedPick(QHash<quint32, qint64> &current, qsizetype count, IdAndWeight &&at)
{
    qint64 total = 0;
    qsizetype chosen = -1;
    qint64 chosenValue = 0;
    for (qsizetype i = 0; i < count; ++i) {
        const auto [id, weight] = at(i);
        total += weight;
        qint64 &value = current[id];
        value += weight;
        if (chosen < 0 || value > chosenValue) {
            chosen = i;
            chosenValue = value;
        }
    }
    if (chosen >= 0)
        current[at(chosen).first] -= total;
    return chosen;
}

} // namespace Limpet
