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
    case ReasonCode::CookieInvalidSignature:
        return u"cookie-invalid-signature"_s;
    case ReasonCode::CookieExpired:
        return u"cookie-expired"_s;
    case ReasonCode::CookieUnknownBackend:
        return u"cookie-unknown-backend"_s;
    case ReasonCode::RouteHit:
        return u"route-hit"_s;
    case ReasonCode::RouteAbsent:
        return u"route-absent"_s;
    case ReasonCode::LearnedHit:
        return u"learned-hit"_s;
    case ReasonCode::LearnedAbsent:
        return u"learned-absent"_s;
    case ReasonCode::Hash:
        return u"hash"_s;
    case ReasonCode::HashKeyAbsent:
        return u"hash-key-absent"_s;
    case ReasonCode::NewSession:
        return u"new-session"_s;
    case ReasonCode::BackendDrainingKept:
        return u"backend-draining-kept"_s;
    case ReasonCode::BackendDownRedispatched:
        return u"backend-down-redispatched"_s;
    case ReasonCode::DrainDeadlineRedispatched:
        return u"drain-deadline-redispatched"_s;
    case ReasonCode::StandbyReturned:
        return u"standby-returned"_s;
    case ReasonCode::StandbyUsed:
        return u"standby-used"_s;
    case ReasonCode::FailoverRefused:
        return u"failover-refused"_s;
    case ReasonCode::NoAffinity:
        return u"no-affinity"_s;
    case ReasonCode::NoBackend:
        return u"no-backend"_s;
    case ReasonCode::Excluded:
        return u"excluded"_s;
    case ReasonCode::NoPool:
        return u"no-pool"_s;
    case ReasonCode::SessionPinned:
        return u"session-pinned"_s;
    case ReasonCode::SessionRebound:
        return u"session-rebound"_s;
    case ReasonCode::ConnectFailedRedispatched:
        return u"connect-failed-redispatched"_s;
    case ReasonCode::QueueTimeout:
        return u"queue-timeout"_s;
    }
    return {};
}

} // namespace Limpet
