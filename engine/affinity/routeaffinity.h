#pragma once

#include "affinity/affinitymode.h"

#include <QList>

namespace Limpet {

/// Mode `route` (Apache mod_proxy_balancer `stickysession`, Tomcat `jvmRoute`): the route is the
/// part after the last separator of a session value the application (set = backend) or Limpet
/// (set = balancer) puts in a cookie or the URL: `JSESSIONID=A1B2C3.www1`,
/// `/cart;jsessionid=A1B2C3.www1`, `?jsessionid=A1B2C3.www1`, Zope's `STICKY_ROUTE="route.node2"`.
/// The request is forwarded unchanged: the application needs its session value.
/// Stateless: safe from every worker thread.
class RouteAffinity final : public AffinityMode
{
public:
    explicit RouteAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    /// Looks for each of `names` in order: the cookie of that name, then the path parameter
    /// `;name=value` of the request target, then the query parameter `name=value`. The first value
    /// carrying a route wins: route = what follows its last separator, keySeen = the value
    /// (without quotes), reason route-hit. No value at all, or values without a route (no
    /// separator, or nothing after it): route-absent, keySeen = the first value seen (if any).
    /// `detail` reads like mod_proxy_balancer's debug log ("found value balancer.www1 for
    /// stickysession BALANCEID; found route www1").
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;
    /// set = balancer: `<16 random hex><separator><route>`; set = backend: empty (the
    /// application sets the value).
    [[nodiscard]] QByteArray newKey(const Backend &backend, qint64 nowMs) const override;
    [[nodiscard]] bool issuesKeys() const override { return m_balancerSets; }
    /// set = balancer, when the decision's key is new (not the one the client sent): adds
    /// `Set-Cookie: <first name>=<key>; Path=...[; Domain][; Secure][; HttpOnly][; SameSite]
    /// [; Max-Age]` and returns it. Otherwise changes nothing and returns empty.
    QByteArray onResponse(AffinityResponse &response) override;

private:
    QList<QByteArray> m_names;
    char m_separator;
    bool m_balancerSets;
    QByteArray m_attributes; ///< "; Path=/..." for the cookie Limpet sets
};

} // namespace Limpet
