#pragma once

#include "config/config.h"
#include "http/httphead.h"
#include "pool/decision.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace Limpet {

/// What an affinity mode read from a request.
struct AffinityLookup
{
    QByteArray keySeen;                ///< the affinity value as received; empty: none
    std::optional<QByteArray> route;   ///< the route it names, when it could be decoded
    ReasonCode missReason = ReasonCode::CookieAbsent; ///< reason when no route was found
};

/// An affinity mode: how a session is kept on its backend. One class per mode
/// (affinity/*.cpp), chosen once when the pool is built. Implementations are immutable after
/// construction and called from every worker thread.
class AffinityMode
{
public:
    virtual ~AffinityMode() = default;
    /// The mode's config name ("insert", ...).
    [[nodiscard]] virtual QString name() const = 0;
    /// Reads the request's affinity and removes from the request what the backend must not see.
    [[nodiscard]] virtual AffinityLookup lookup(HttpHead &request) const = 0;
    /// A fresh affinity key for a new session on `backend`; empty when the mode keeps none.
    [[nodiscard]] virtual QByteArray newKey(const Backend &backend) const = 0;
    /// The Set-Cookie value that hands `key` to the client; empty when the mode sets none.
    [[nodiscard]] virtual QByteArray setCookieFor(const QByteArray &key) const = 0;
};

/// Builds the affinity mode `sticky.mode` names (the config loader has refused unknown ones).
[[nodiscard]] std::unique_ptr<AffinityMode> makeAffinityMode(const StickyConfig &sticky);

} // namespace Limpet
