#include "balancing/consistentbalancer.h"

#include "affinity/affinitymode.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// SplitMix64 (Steele, Lea, Flood 2014): advances `state` and returns its next output. Cheap, so
/// even a large ring builds in a few milliseconds; well mixed, so the points spread evenly.
quint64 splitMix64(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace

/// An immutable ring, shared by every picker until the candidate set changes.
struct ConsistentBalancer::Ring
{
    struct Member
    {
        QString name;
        int weight = 0;
    };
    struct Point
    {
        quint64 hash = 0;
        quint32 member = 0; ///< index into members, which is also the index into the candidates
    };

    QList<Member> members; ///< the candidate set the ring was built for, in candidate order
    std::vector<Point> points; ///< sorted by hash, then by member name

    /// Whether the ring was built for exactly these candidates, in this order, with these weights.
    [[nodiscard]] bool matches(const QList<BackendPtr> &candidates) const
    {
        if (candidates.size() != members.size())
            return false;
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const Backend &b = *candidates.at(i);
            if (b.weight() != members.at(i).weight || b.name() != members.at(i).name)
                return false;
        }
        return true;
    }

    /// The index of the member that serves `hash`; the ring must have points.
    [[nodiscard]] quint32 lookup(quint64 hash) const
    {
        auto it = std::lower_bound(points.cbegin(), points.cend(), hash,
            [](const Point &p, quint64 h) { return p.hash < h; });
        if (it == points.cend())
            it = points.cbegin();
        return it->member;
    }

    /// Builds the ring of `candidates` from one snapshot of their names and weights.
    [[nodiscard]] static std::shared_ptr<const Ring> build(const QList<BackendPtr> &candidates)
    {
        auto ring = std::make_shared<Ring>();
        ring->members.reserve(candidates.size());
        qsizetype total = 0;
        for (const BackendPtr &b : candidates) {
            const int weight = b->weight();
            ring->members.append(Member{b->name(), weight});
            total += qsizetype(qMax(weight, 0)) * pointsPerWeight;
        }
        ring->points.reserve(size_t(total));
        for (qsizetype m = 0; m < ring->members.size(); ++m) {
            const Member &member = ring->members.at(m);
            // Point i stays put when the weight changes: a heavier backend adds points, a
            // lighter one loses its last ones, and no other backend's keys move.
            quint64 state = stableHash(member.name.toUtf8());
            for (qsizetype i = 0; i < qsizetype(qMax(member.weight, 0)) * pointsPerWeight; ++i)
                ring->points.push_back(Point{splitMix64(state), quint32(m)});
        }
        // Ordering equal hashes by name keeps the ring independent of the candidate order.
        const QList<Member> &members = ring->members;
        std::sort(
            ring->points.begin(), ring->points.end(), [&members](const Point &a, const Point &b) {
                if (a.hash != b.hash)
                    return a.hash < b.hash;
                return members.at(a.member).name < members.at(b.member).name;
            });
        return ring;
    }
};

QString ConsistentBalancer::name() const
{
    return u"consistent"_s;
}

std::shared_ptr<const ConsistentBalancer::Ring> ConsistentBalancer::findRing(
    const QList<BackendPtr> &candidates)
{
    std::shared_ptr<const RingCache> rings;
    {
        QMutexLocker lock(&m_lock);
        rings = m_rings;
    }
    if (rings) {
        for (const std::shared_ptr<const Ring> &ring : *rings) {
            if (ring->matches(candidates))
                return ring;
        }
    }
    return nullptr;
}

std::shared_ptr<const ConsistentBalancer::Ring> ConsistentBalancer::ringFor(
    const QList<BackendPtr> &candidates)
{
    if (std::shared_ptr<const Ring> ring = findRing(candidates))
        return ring;

    QMutexLocker build(&m_buildLock);
    // Another picker may have built this set while we waited for m_buildLock.
    if (std::shared_ptr<const Ring> ring = findRing(candidates))
        return ring;
    std::shared_ptr<const Ring> ring = Ring::build(candidates);
    // Only holders of m_buildLock replace m_rings, so this copy stays current until the swap.
    std::shared_ptr<const RingCache> previous;
    {
        QMutexLocker lock(&m_lock);
        previous = m_rings;
    }
    auto rings = std::make_shared<RingCache>();
    rings->push_back(ring);
    if (previous) {
        for (const std::shared_ptr<const Ring> &old : *previous) {
            if (rings->size() < size_t(cachedRings))
                rings->push_back(old);
        }
    }
    QMutexLocker lock(&m_lock);
    m_rings = std::move(rings);
    return ring;
}

BackendPtr ConsistentBalancer::pick(
    const QList<BackendPtr> &candidates, const BalanceContext &context)
{
    if (candidates.isEmpty())
        return nullptr;
    if (!context.hash)
        return m_random.pick(candidates, context);
    if (candidates.size() == 1)
        return candidates.first();
    const std::shared_ptr<const Ring> ring = ringFor(candidates);
    if (ring->points.empty()) // every weight dropped to 0 since the candidates were chosen
        return candidates.at(qsizetype(*context.hash % quint64(candidates.size())));
    return candidates.at(ring->lookup(*context.hash));
}

} // namespace Limpet
