#pragma once

#include "pool/backend.h"

#include <QList>
#include <QString>

#include <memory>

namespace Limpet {

/// A balancing algorithm: picks the backend for a request that no affinity binds.
/// One class per algorithm (balancing/*.cpp), chosen once when the pool is built.
/// Implementations are called from every worker thread and guard their own state.
class Balancer
{
public:
    virtual ~Balancer() = default;
    /// The algorithm's config name ("roundrobin", ...).
    [[nodiscard]] virtual QString name() const = 0;
    /// Picks one of `candidates` (all usable, weight > 0, non-empty) by weight.
    /// Returns nullptr only when `candidates` is empty.
    [[nodiscard]] virtual BackendPtr pick(const QList<BackendPtr> &candidates) = 0;
};

/// Builds the balancer a pool's `balance` names, or nullptr for an unknown name
/// (the config loader has already refused those).
[[nodiscard]] std::unique_ptr<Balancer> makeBalancer(const QString &name);

} // namespace Limpet
