#include "affinity/noaffinity.h"

using namespace Qt::StringLiterals;

namespace Limpet {

QString NoAffinity::name() const
{
    return u"none"_s;
}

AffinityLookup NoAffinity::lookup(HttpHead &) const
{
    AffinityLookup result;
    result.missReason = ReasonCode::NoAffinity;
    return result;
}

QByteArray NoAffinity::newKey(const Backend &) const
{
    return {};
}

QByteArray NoAffinity::setCookieFor(const QByteArray &) const
{
    return {};
}

} // namespace Limpet
