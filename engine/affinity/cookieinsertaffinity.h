#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `insert` (HAProxy `cookie insert indirect`, Perlbal SessionAffinity): Limpet sets its
/// own cookie naming the backend's route, masked between two random parts so each session has
/// its own key and no address is revealed: `SRV=3f9a0c1d-app1-77b2e410`. The cookie is removed
/// from requests before they reach the backend.
class CookieInsertAffinity final : public AffinityMode
{
public:
    explicit CookieInsertAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] AffinityLookup lookup(HttpHead &request) const override;
    [[nodiscard]] QByteArray newKey(const Backend &backend) const override;
    [[nodiscard]] QByteArray setCookieFor(const QByteArray &key) const override;

    /// The route inside a value this mode issued, or empty optional when it is not one.
    [[nodiscard]] static std::optional<QByteArray> decode(QByteArrayView value);

private:
    QByteArray m_cookie;
};

} // namespace Limpet
