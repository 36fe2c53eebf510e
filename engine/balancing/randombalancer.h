#pragma once

#include "balancing/balancer.h"

namespace Limpet {

/// Weighted random (the Apache RewriteMap `rnd:` recipe, where a heavier server is listed more
/// often): each pick chooses a backend with probability weight / sum(weights), independently of
/// every other pick. Keeps no state, so it needs no lock.
class RandomBalancer final : public Balancer
{
public:
    [[nodiscard]] QString name() const override;
    /// Thread-safe without a lock: QRandomGenerator::global() is thread-safe. Ignores `context`.
    /// Reads each weight once; should every weight have dropped to 0 meanwhile, picks uniformly.
    [[nodiscard]] BackendPtr pick(
        const QList<BackendPtr> &candidates, const BalanceContext &context) override;
};

} // namespace Limpet
