#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `param`: the value of one query parameter (`param = "session"`: `/cart?session=abc`)
/// is the affinity key, hashed onto the ready backends. The name is matched exactly and the
/// value taken as it is in the URL (not percent-decoded); the first occurrence counts. No cookie
/// is set; the request is not edited. Stateless.
class ParamAffinity final : public AffinityMode
{
public:
    explicit ParamAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    /// hashKey: the parameter's raw value; none (reason hash-key-absent) when the query has no
    /// such parameter or its value is empty.
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;

    /// The raw value of parameter `name` in the query of `target`, or empty optional.
    [[nodiscard]] static std::optional<QByteArray> queryValue(
        QByteArrayView target, QByteArrayView name);

private:
    QByteArray m_param;
};

} // namespace Limpet
