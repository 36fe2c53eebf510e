#pragma once

#include "config/config.h"
#include "http/httphead.h"
#include "pool/decision.h"

#include <QByteArray>
#include <QHostAddress>
#include <QString>

#include <memory>
#include <optional>

namespace Limpet {

/// The request as an affinity mode sees it.
struct AffinityRequest
{
    HttpHead &head; ///< may be edited: a mode strips what the backend must not see
    QHostAddress client; ///< the TCP peer
    qint64 nowMs = 0; ///< ms since the epoch
};

/// What an affinity mode read from a request. Exactly one of `route` / `hashKey` is set when
/// the request carries usable affinity; neither when it does not (then `missReason` says why).
struct AffinityLookup
{
    QByteArray keySeen; ///< the affinity value as received; empty: none
    std::optional<QByteArray> route; ///< cookie/route/learn modes: the route it names
    std::optional<QByteArray> hashKey; ///< hash modes: the value to hash onto a backend
    ReasonCode hitReason = ReasonCode::CookieHit; ///< reason when `route` names a usable backend
    ReasonCode missReason = ReasonCode::CookieAbsent; ///< reason when nothing usable was found
    QString detail; ///< mod_proxy_balancer-style debug text ("found value x for stickysession Y")
};

/// The response as an affinity mode sees it, once the pool has decided.
struct AffinityResponse
{
    HttpHead &head; ///< the backend's response head, editable
    const Decision &decision; ///< where the request went and why
    qint64 nowMs = 0;
};

/// An affinity mode: how a session is kept on its backend. One class per mode
/// (affinity/*affinity.cpp), chosen once when the pool is built (makeAffinityMode).
/// Implementations are called from every worker thread: const methods touch no shared state;
/// a mode with state (learn) guards it itself.
class AffinityMode
{
public:
    virtual ~AffinityMode() = default;
    /// The mode's config name ("insert", ...).
    [[nodiscard]] virtual QString name() const = 0;
    /// Reads the request's affinity and removes from the request what the backend must not see.
    [[nodiscard]] virtual AffinityLookup lookup(AffinityRequest &request) const = 0;
    /// A fresh affinity key for a new session on `backend`; empty (the default) when the client
    /// gets none (hash modes, learn, prefix, route with set = backend).
    [[nodiscard]] virtual QByteArray newKey(const Backend &backend, qint64 nowMs) const
    {
        Q_UNUSED(backend);
        Q_UNUSED(nowMs);
        return {};
    }
    /// Whether newKey() ever returns a key: the mode hands the client its own affinity value.
    [[nodiscard]] virtual bool issuesKeys() const { return false; }
    /// Edits the backend's response: hands a new key to the client (Set-Cookie), prefixes the
    /// application's cookie, learns a binding... Returns the Set-Cookie value it added, if any.
    /// The default changes nothing.
    virtual QByteArray onResponse(AffinityResponse &response)
    {
        Q_UNUSED(response);
        return {};
    }
    /// Tells the mode about a backend of its pool (at start, and when one is added), for modes
    /// that map values they did not issue in this process back to a backend (insert value=hash).
    virtual void knowBackend(const Backend &backend) { Q_UNUSED(backend); }
    /// Takes over what `previous` learnt, when a reload rebuilds the pool with new settings
    /// (learn mode keeps its bindings if the cookie is the same). Called before the pool is in
    /// use; `previous` may still be serving requests. The default keeps nothing: the other
    /// modes carry their state in what the client sends.
    virtual void carryOver(const AffinityMode &previous) { Q_UNUSED(previous); }
};

/// Builds the affinity mode `sticky.mode` names (the config loader has refused unknown ones).
/// `backends` are the pool's backends at build time (modes that precompute per-backend values).
[[nodiscard]] std::unique_ptr<AffinityMode> makeAffinityMode(const StickyConfig &sticky);

/// Stable 64-bit hash of an affinity value, the same in every process and across restarts
/// (first 8 bytes of its SHA-1): used by the hash modes and the consistent balancer.
[[nodiscard]] quint64 stableHash(QByteArrayView value);

/// `digits` random lower-case hex digits (at most 16), for the random parts of affinity values.
[[nodiscard]] QByteArray randomHex(int digits);

} // namespace Limpet
