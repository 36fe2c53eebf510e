#pragma once

#include "pool/backend.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>

namespace Limpet {

/// Why a request went where it went. The documented list is in engine/README.md;
/// the text form (reasonCodeName) is what logs, the API and the UI show.
enum class ReasonCode {
    CookieHit, ///< the affinity cookie named a usable backend
    CookieAbsent, ///< no affinity cookie: balanced as a new session
    CookieMalformed, ///< a cookie of that name Limpet cannot read: re-balanced
    CookieInvalidSignature, ///< signed cookie with a wrong signature (tampered/forged)
    CookieExpired, ///< maxidle / maxlife passed
    CookieUnknownBackend, ///< names no backend of the pool: re-balanced, re-issued
    RouteHit, ///< route mode: the route named a usable backend
    RouteAbsent, ///< route mode: no route in cookie or URL
    LearnedHit, ///< learn mode: the learnt binding named a usable backend
    LearnedAbsent, ///< learn mode: no known application cookie
    Hash, ///< hash modes: the key hashed onto this backend
    HashKeyAbsent, ///< hash modes: no key in the request (balanced)
    NewSession, ///< (reserved) a new session was opened
    BackendDrainingKept, ///< bound to a draining backend: kept there
    BackendDownRedispatched, ///< bound backend down or in maintenance: re-balanced, re-issued
    DrainDeadlineRedispatched, ///< bound to a backend draining past drain_deadline: moved
    StandbyReturned, ///< bound to a standby backend while a ready one is back: moved
    StandbyUsed, ///< no ready backend: a standby one took it
    FailoverRefused, ///< bound backend unusable and failover = false: 503
    NoAffinity, ///< the pool's mode is "none"
    NoBackend, ///< nothing could take the request: 503
    Excluded, ///< the path is excluded from proxying: 404
    NoPool, ///< no pool serves this host/path: 404
    SessionPinned, ///< an operator pinned the session to this backend (with a TTL)
    SessionRebound, ///< an operator moved the session to this backend
    ConnectFailedRedispatched, ///< the chosen backend refused the connection: retried here
    QueueTimeout, ///< every slot of the backend (max_conn) stayed busy past queue_timeout: 503
};
/// Number of reason codes (for per-reason counters).
inline constexpr int ReasonCodeCount = static_cast<int>(ReasonCode::QueueTimeout) + 1;

[[nodiscard]] QString reasonCodeName(ReasonCode reason);

/// The request went where its session is bound (a cookie, a route, a learnt key, an operator's
/// pin or rebind, a draining backend keeping its sessions): sending it elsewhere breaks the
/// session's stickiness, so a failed connection is retried elsewhere only with `failover`.
[[nodiscard]] constexpr bool followsBinding(ReasonCode reason)
{
    return reason == ReasonCode::CookieHit || reason == ReasonCode::RouteHit
        || reason == ReasonCode::LearnedHit || reason == ReasonCode::BackendDrainingKept
        || reason == ReasonCode::SessionPinned || reason == ReasonCode::SessionRebound;
}

/// The record of one routing decision, made before the request is forwarded and completed with
/// the response's status when it is known.
struct Decision
{
    qint64 timeMs = 0; ///< ms since the epoch
    QString pool;
    QHostAddress client;
    QByteArray method;
    QByteArray target;
    QString mode; ///< the pool's affinity mode
    QByteArray keySeen; ///< affinity value as the client sent it (empty: none)
    QByteArray key; ///< affinity key in force after the decision (seen or new)
    QString decoded; ///< what the key decoded to (a route, a learnt backend), empty if nothing
    QString detail; ///< the affinity mode's own words on what it found (debug log)
    ReasonCode reason = ReasonCode::NoBackend;
    BackendPtr backend; ///< null when nothing could take it
    QString algorithm; ///< balancing algorithm used, empty when the affinity decided
    QByteArray setCookie; ///< Set-Cookie value added to the response, empty if none
    bool changedBackend = false; ///< the session's previous request went elsewhere
    QString previousBackend; ///< where it went before, when changedBackend
    ReasonCode changeCause = ReasonCode::NoBackend; ///< why it changed, when changedBackend
    QStringList candidates; ///< dry runs (inspect): backends a new session would be balanced on
    int retries = 0; ///< backends that refused the connection before this one took it
    int status = 0; ///< response status (0: none was sent)
    qint64 durationMs = 0; ///< time to the end of the response
    quint64 bytesSent = 0; ///< response bytes sent to the client
};

} // namespace Limpet
