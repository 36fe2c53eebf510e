#include "affinity/noaffinity.h"

using namespace Qt::StringLiterals;

namespace Limpet {

QString NoAffinity::name() const
{
    return u"none"_s;
}

AffinityLookup NoAffinity::lookup(AffinityRequest &) const
{
    AffinityLookup result;
    result.missReason = ReasonCode::NoAffinity;
    return result;
}

} // namespace Limpet
