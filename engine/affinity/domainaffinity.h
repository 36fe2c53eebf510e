#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `domain` (Perlbal SessionAffinity `affinity_use_domain`): the requested host name is the
/// affinity key, so each site stays on one backend and its cache is not fragmented. The key is
/// the Host header lower-cased, without its port and trailing dot ("Shop.Example:8080" and
/// "shop.example" are one key). No cookie is set; the request is not edited. Stateless.
class DomainAffinity final : public AffinityMode
{
public:
    [[nodiscard]] QString name() const override;
    /// hashKey: the host name; none (reason hash-key-absent) without a Host header.
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;

    /// "Host: [::1]:80" → "[::1]", "WWW.Example.COM.:8080" → "www.example.com".
    [[nodiscard]] static QByteArray hostName(QByteArrayView host);
};

} // namespace Limpet
