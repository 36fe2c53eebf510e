#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `source` (HAProxy `balance source`, nginx `ip_hash`): the client's address is the
/// affinity key, hashed onto the ready backends. When the TCP peer is one of `trusted_proxies`
/// the client is the right-most X-Forwarded-For address that is not itself a trusted proxy
/// (every header of that name, in order, read as one list); from any other peer the header is
/// ignored, since a client could write anything in it. IPv4-mapped IPv6 addresses count as IPv4.
/// No cookie is set; the request is not edited. Stateless: any thread.
class SourceAffinity final : public AffinityMode
{
public:
    explicit SourceAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    /// hashKey: the client address as text ("198.51.100.7", "2001:db8::1"); none (reason
    /// hash-key-absent) when the request has no usable address.
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;

    /// The client a request comes from: `peer`, or what trusted proxies say in X-Forwarded-For.
    [[nodiscard]] QHostAddress clientOf(const HttpHead &head, const QHostAddress &peer) const;

private:
    [[nodiscard]] bool isTrusted(const QHostAddress &address) const;

    QList<Cidr> m_trustedProxies;
};

} // namespace Limpet
