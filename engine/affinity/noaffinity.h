#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `none`: plain balancing, no session is kept.
class NoAffinity final : public AffinityMode
{
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;
};

} // namespace Limpet
