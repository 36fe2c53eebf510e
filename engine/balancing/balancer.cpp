#include "balancing/balancer.h"

#include "balancing/byrequestsbalancer.h"
#include "balancing/consistentbalancer.h"
#include "balancing/leastconnbalancer.h"
#include "balancing/randombalancer.h"
#include "balancing/roundrobinbalancer.h"

using namespace Qt::StringLiterals;

namespace Limpet {

std::unique_ptr<Balancer> makeBalancer(const QString &name)
{
    if (name == "roundrobin"_L1)
        return std::make_unique<RoundRobinBalancer>();
    if (name == "random"_L1)
        return std::make_unique<RandomBalancer>();
    if (name == "leastconn"_L1)
        return std::make_unique<LeastConnBalancer>();
    if (name == "byrequests"_L1)
        return std::make_unique<ByRequestsBalancer>();
    if (name == "consistent"_L1)
        return std::make_unique<ConsistentBalancer>();
    return nullptr;
}

} // namespace Limpet
