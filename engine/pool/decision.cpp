#include "pool/decision.h"

using namespace Qt::StringLiterals;

namespace Limpet {

QString reasonCodeName(ReasonCode reason)
{
    switch (reason) {
    case ReasonCode::CookieHit:
        return u"cookie-hit"_s;
    case ReasonCode::CookieAbsent:
        return u"cookie-absent"_s;
    case ReasonCode::CookieMalformed:
        return u"cookie-malformed"_s;
    case ReasonCode::CookieUnknownBackend:
        return u"cookie-unknown-backend"_s;
    case ReasonCode::BackendDrainingKept:
        return u"backend-draining-kept"_s;
    case ReasonCode::BackendDownRedispatched:
        return u"backend-down-redispatched"_s;
    case ReasonCode::NoAffinity:
        return u"no-affinity"_s;
    case ReasonCode::NoBackend:
        return u"no-backend"_s;
    }
    return {};
}

} // namespace Limpet
