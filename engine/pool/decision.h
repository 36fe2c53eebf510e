#pragma once

#include "pool/backend.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

namespace Limpet {

/// Why a request went where it went. The documented list is in engine/README.md;
/// the text form (reasonCodeName) is what logs, the API and the UI show.
enum class ReasonCode {
    CookieHit,               ///< the affinity cookie named a usable backend
    CookieAbsent,            ///< no affinity cookie: balanced as a new session
    CookieMalformed,         ///< a cookie of that name that Limpet did not issue: re-balanced
    CookieUnknownBackend,    ///< the cookie names no backend of the pool: re-balanced, re-issued
    BackendDrainingKept,     ///< bound to a draining backend: kept there
    BackendDownRedispatched, ///< bound backend down or in maintenance: re-balanced, re-issued
    NoAffinity,              ///< the pool has no affinity (mode "none")
    NoBackend,               ///< nothing could take the request: 503
};

[[nodiscard]] QString reasonCodeName(ReasonCode reason);

/// The record of one routing decision, made before the request is forwarded.
struct Decision
{
    qint64 timeMs = 0; ///< ms since the epoch
    QString pool;
    QHostAddress client;
    QByteArray keySeen;  ///< affinity value as the client sent it (empty: none)
    QByteArray key;      ///< affinity key in force after the decision (seen or new)
    QString decoded;     ///< what the key decoded to (a route), empty if nothing
    ReasonCode reason = ReasonCode::NoBackend;
    BackendPtr backend;  ///< null only for NoBackend
    QString algorithm;   ///< balancing algorithm used, empty when the affinity decided
    QByteArray setCookie; ///< Set-Cookie value added to the response, empty if none
    bool changedBackend = false; ///< the session's previous request went elsewhere
};

} // namespace Limpet
