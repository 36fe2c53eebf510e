#include "affinity/affinitymode.h"

#include "affinity/cookieinsertaffinity.h"
#include "affinity/noaffinity.h"

using namespace Qt::StringLiterals;

namespace Limpet {

std::unique_ptr<AffinityMode> makeAffinityMode(const StickyConfig &sticky)
{
    if (sticky.mode == "none"_L1)
        return std::make_unique<NoAffinity>();
    return std::make_unique<CookieInsertAffinity>(sticky);
}

} // namespace Limpet
