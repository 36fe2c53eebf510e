#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `header`: the value of one request header (`header = "X-User-Id"`, the first one when
/// it is repeated) is the affinity key, hashed onto the ready backends. No cookie is set; the
/// request is not edited. Stateless.
class HeaderAffinity final : public AffinityMode
{
public:
    explicit HeaderAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    /// hashKey: the header's value; none (reason hash-key-absent) when the header is missing
    /// or empty.
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;

private:
    QByteArray m_header;
};

} // namespace Limpet
