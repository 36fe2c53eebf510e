#pragma once

#include "balancing/balancer.h"
#include "balancing/randombalancer.h"

#include <QMutex>

#include <memory>
#include <vector>

namespace Limpet {

/// Consistent hashing on a ring with virtual nodes. Each backend owns `pointsPerWeight * weight`
/// points: the first outputs of SplitMix64 seeded with stableHash(name) (affinity/affinitymode.h).
/// They depend on the backend's name only, not on its id, address or place in the list, and on
/// nothing but 64-bit integer arithmetic: every instance, on any platform, and the same instance
/// after a restart, builds the same ring. A key hash (stableHash of the affinity value) is served
/// by the first point at or after it, wrapping round.
///
/// What this promises: the same hash and the same candidates give the same backend; a backend
/// that joins takes its share (weight / sum(weights)) of the keys from the others and no key moves
/// between the others; a backend that leaves gives up only the keys it had. A weight change moves
/// keys only to or from that backend. Without `context.hash` a pick is weighted random.
///
/// A ring is built once per candidate set (the ordered list of names and weights) and reused
/// while that set comes back, so a pick costs a comparison of the list plus a binary search. The
/// last few sets are kept, so a pick that excludes a backend (a retry elsewhere) and the next
/// ordinary pick do not rebuild each other's ring.
class ConsistentBalancer final : public Balancer
{
public:
    /// Virtual nodes per unit of weight. A backend of weight w holding share p of the weights gets
    /// p of the keys give or take about p * sqrt((1 - p) / (200 w)): 25% +- 1.5 points for one of
    /// four equal backends. A ring costs 16 bytes per point, 3.1 KiB per unit of weight.
    static constexpr int pointsPerWeight = 200;
    /// How many candidate sets keep their ring.
    static constexpr int cachedRings = 4;

    [[nodiscard]] QString name() const override;
    /// Thread-safe: takes m_lock only to copy or swap the cache pointer. A new candidate set is
    /// built under m_buildLock (once, while other pickers of a new set wait) outside m_lock.
    /// Without `context.hash` picks weighted random; with it, the backend that owns the hash.
    [[nodiscard]] BackendPtr pick(
        const QList<BackendPtr> &candidates, const BalanceContext &context) override;

private:
    struct Ring;
    /// Rings, most recently built first; immutable once published.
    using RingCache = std::vector<std::shared_ptr<const Ring>>;

    /// The ring for `candidates`, built and cached if none is. Never null.
    /// Expects neither lock held.
    [[nodiscard]] std::shared_ptr<const Ring> ringFor(const QList<BackendPtr> &candidates);
    /// A cached ring for exactly `candidates`, or null. Takes m_lock.
    [[nodiscard]] std::shared_ptr<const Ring> findRing(const QList<BackendPtr> &candidates);

    RandomBalancer m_random; ///< picks without a hash; stateless
    QMutex m_lock;
    std::shared_ptr<const RingCache> m_rings; ///< guarded by m_lock; the vector itself is immutable
    QMutex m_buildLock; ///< serialises rebuilds; taken before m_lock, never after
};

} // namespace Limpet
