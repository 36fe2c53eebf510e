#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `none`: plain balancing, no session is kept.
class NoAffinity final : public AffinityMode
{
public:
    [[nodiscard]] QString name() const override;
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;
    [[nodiscard]] QByteArray newKey(const Backend &backend, qint64 nowMs) const override;
    QByteArray onResponse(AffinityResponse &response) override;
};

} // namespace Limpet
