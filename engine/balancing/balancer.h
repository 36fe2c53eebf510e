#pragma once

#include "pool/backend.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace Limpet {

/// What a balancer may use besides the candidates.
struct BalanceContext
{
    std::optional<quint64> hash; ///< the request's key hash (hash modes, consistent); else none
};

/// A balancing algorithm: picks the backend for a request that no affinity binds, or the backend
/// a key hashes onto. One class per algorithm (balancing/*balancer.cpp), chosen once when the
/// pool is built. Implementations are called from every worker thread and guard their own state.
class Balancer
{
public:
    virtual ~Balancer() = default;
    /// The algorithm's config name ("roundrobin", ...).
    [[nodiscard]] virtual QString name() const = 0;
    /// Picks one of `candidates` (all usable, all with weight > 0) honouring their weights.
    /// Returns nullptr only for an empty list.
    [[nodiscard]] virtual BackendPtr pick(
        const QList<BackendPtr> &candidates, const BalanceContext &context)
        = 0;
};

/// Builds the balancer a pool's `balance` names (roundrobin, random, leastconn, byrequests,
/// consistent), or nullptr for an unknown name (the config loader has refused those).
[[nodiscard]] std::unique_ptr<Balancer> makeBalancer(const QString &name);

} // namespace Limpet
