#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `none`: plain balancing, no session is kept.
class NoAffinity final : public AffinityMode
{
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] AffinityLookup lookup(HttpHead &request) const override;
    [[nodiscard]] QByteArray newKey(const Backend &backend) const override;
    [[nodiscard]] QByteArray setCookieFor(const QByteArray &key) const override;
};

} // namespace Limpet
