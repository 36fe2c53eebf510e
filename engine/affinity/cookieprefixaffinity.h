#pragma once

#include "affinity/affinitymode.h"

namespace Limpet {

/// Mode `prefix` (HAProxy `cookie PHPSESSID prefix [nocache]`): the application's own session
/// cookie carries the route in front of its value, `PHPSESSID=s1~abc`. Limpet adds the prefix to
/// the cookie the backend sets and removes it from requests, so the application only ever sees
/// its own value (`PHPSESSID=abc`) and the client holds a single cookie.
/// Stateless: safe from every worker thread.
class CookiePrefixAffinity final : public AffinityMode
{
public:
    explicit CookiePrefixAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    /// Reads the cookie `cookie`:
    /// - `<route><delimiter><rest>`: route, keySeen = the whole value, reason cookie-hit; the
    ///   request's cookie becomes `<rest>` (other cookies untouched), whatever happens to the
    ///   route;
    /// - no delimiter (the application's value before it was ever prefixed): cookie-malformed,
    ///   keySeen = the value, the request is left as is;
    /// - no cookie: cookie-absent.
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;
    /// Always empty: the affinity key is the application's cookie, set by the backend.
    [[nodiscard]] QByteArray newKey(const Backend &backend, qint64 nowMs) const override;
    /// Prefixes the value of every `Set-Cookie: <cookie>=<value>` of the response with the route of
    /// the backend that sent it (attributes kept; a delete cookie with an empty value is left
    /// alone) and, with nocache, adds `Cache-Control: private` to such a response unless it has a
    /// Cache-Control already. Returns the (first) rewritten Set-Cookie value, empty if none.
    QByteArray onResponse(AffinityResponse &response) override;

    /// Splits a request's cookie value into route and application value; empty optional when it
    /// carries no route. Quotes around the whole value are kept around the application value.
    struct Split
    {
        QByteArray route;
        QByteArray rest;
    };
    [[nodiscard]] std::optional<Split> split(QByteArrayView value) const;

private:
    QByteArray m_cookie;
    char m_delimiter;
    bool m_nocache;
};

} // namespace Limpet
