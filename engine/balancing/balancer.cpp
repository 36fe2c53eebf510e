#include "balancing/balancer.h"

#include "balancing/roundrobinbalancer.h"

using namespace Qt::StringLiterals;

namespace Limpet {

std::unique_ptr<Balancer> makeBalancer(const QString &name)
{
    if (name == "roundrobin"_L1)
        return std::make_unique<RoundRobinBalancer>();
    return nullptr;
}

} // namespace Limpet
