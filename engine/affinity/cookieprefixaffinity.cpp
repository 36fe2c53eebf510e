#include "affinity/cookieprefixaffinity.h"

#include "affinity/cookies.h"

using namespace Qt::StringLiterals;

namespace Limpet {

CookiePrefixAffinity::CookiePrefixAffinity(const StickyConfig &config)
    : m_cookie(config.cookie.toUtf8())
    , m_delimiter(config.delimiter.isEmpty() ? '~' : config.delimiter.at(0).toLatin1())
    , m_nocache(config.nocache)
{ }

QString CookiePrefixAffinity::name() const
{
    return u"prefix"_s;
}

std::optional<CookiePrefixAffinity::Split> CookiePrefixAffinity::split(QByteArrayView value) const
{
    const QByteArrayView inner = Cookies::unquoted(value);
    const bool quoted = inner.size() != value.size();
    // The route is everything before the first delimiter, as HAProxy reads it: routes never
    // contain it, application values may.
    const qsizetype at = inner.indexOf(m_delimiter);
    if (at <= 0)
        return std::nullopt;
    Split s;
    s.route = inner.first(at).toByteArray();
    s.rest = inner.sliced(at + 1).toByteArray();
    if (quoted)
        s.rest = QByteArray().append('"').append(s.rest).append('"');
    return s;
}

AffinityLookup CookiePrefixAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    const std::optional<QByteArray> value = Cookies::find(request.head, m_cookie);
    if (!value)
        return result; // CookieAbsent
    result.keySeen = *value;
    const std::optional<Split> parts = split(*value);
    if (!parts) {
        result.missReason = ReasonCode::CookieMalformed;
        result.detail = u"cookie %1 has no route prefix (no '%2')"_s.arg(
            QString::fromUtf8(m_cookie), QString(QLatin1Char(m_delimiter)));
        return result;
    }
    result.route = parts->route;
    result.hitReason = ReasonCode::CookieHit;
    result.detail = u"found route %1 in cookie %2"_s.arg(
        QString::fromUtf8(parts->route), QString::fromUtf8(m_cookie));
    // Every prefixed occurrence loses its prefix: the application must never see one.
    Cookies::rewrite(request.head, m_cookie, [this](QByteArrayView v) -> std::optional<QByteArray> {
        if (std::optional<Split> s = split(v))
            return std::move(s->rest);
        return std::nullopt;
    });
    return result;
}

QByteArray CookiePrefixAffinity::newKey(const Backend &, qint64) const
{
    return {};
}

QByteArray CookiePrefixAffinity::onResponse(AffinityResponse &response)
{
    const BackendPtr &backend = response.decision.backend;
    if (!backend)
        return {};
    const QByteArray prefix = QByteArray(backend->routeBytes()).append(m_delimiter);
    const QList<QByteArray> rewritten = Cookies::rewriteSetCookies(
        response.head, m_cookie, [&prefix](QByteArrayView value) -> std::optional<QByteArray> {
            const QByteArrayView inner = Cookies::unquoted(value);
            if (inner.isEmpty())
                return std::nullopt; // a delete cookie: nothing to route
            QByteArray prefixed = prefix;
            prefixed.append(inner);
            if (inner.size() != value.size())
                return QByteArray().append('"').append(prefixed).append('"');
            return prefixed;
        });
    if (rewritten.isEmpty())
        return {};
    // A shared cache must not hand one client's session cookie to another.
    if (m_nocache && !response.head.header("cache-control"))
        response.head.addHeader("Cache-Control", "private");
    return rewritten.first();
}

} // namespace Limpet
