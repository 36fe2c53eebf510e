#include "affinity/routeaffinity.h"

#include "affinity/cookies.h"

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr int RandomHexLength = 16;

/// The value of path parameter `;name=value` in the path part of `target`.
std::optional<QByteArrayView> pathParameter(QByteArrayView target, QByteArrayView name)
{
    qsizetype end = target.indexOf('?');
    if (const qsizetype hash = target.indexOf('#'); hash >= 0 && (end < 0 || hash < end))
        end = hash;
    const QByteArrayView path = end < 0 ? target : target.first(end);
    qsizetype from = 0;
    while (true) {
        const qsizetype semi = path.indexOf(';', from);
        if (semi < 0)
            return std::nullopt;
        const QByteArrayView rest = path.sliced(semi + 1);
        if (rest.startsWith(name) && rest.size() > name.size() && rest.at(name.size()) == '=') {
            QByteArrayView value = rest.sliced(name.size() + 1);
            for (qsizetype i = 0; i < value.size(); ++i) {
                if (value.at(i) == ';' || value.at(i) == '/') {
                    value.truncate(i);
                    break;
                }
            }
            return value;
        }
        from = semi + 1;
    }
}

/// The value of query parameter `name=value` of `target`.
std::optional<QByteArrayView> queryParameter(QByteArrayView target, QByteArrayView name)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return std::nullopt;
    QByteArrayView query = target.sliced(question + 1);
    if (const qsizetype hash = query.indexOf('#'); hash >= 0)
        query.truncate(hash);
    while (!query.isEmpty()) {
        const qsizetype amp = query.indexOf('&');
        const QByteArrayView item = amp < 0 ? query : query.first(amp);
        const qsizetype eq = item.indexOf('=');
        if (eq >= 0 && item.first(eq) == name)
            return item.sliced(eq + 1);
        query = amp < 0 ? QByteArrayView() : query.sliced(amp + 1);
    }
    return std::nullopt;
}

} // namespace

RouteAffinity::RouteAffinity(const StickyConfig &config)
    : m_separator(config.separator.isEmpty() ? '.' : config.separator.at(0).toLatin1())
    , m_balancerSets(config.set == "balancer"_L1)
{
    for (const QString &n : config.names)
        m_names.append(n.toUtf8());
    m_attributes = "; Path=" + (config.path.isEmpty() ? QByteArray("/") : config.path.toUtf8());
    if (!config.domain.isEmpty())
        m_attributes += "; Domain=" + config.domain.toUtf8();
    if (config.secure)
        m_attributes += "; Secure";
    if (config.httpOnly)
        m_attributes += "; HttpOnly";
    if (!config.sameSite.isEmpty())
        m_attributes += "; SameSite=" + config.sameSite.toUtf8();
    if (config.maxAge)
        m_attributes += "; Max-Age=" + QByteArray::number(*config.maxAge);
}

QString RouteAffinity::name() const
{
    return u"route"_s;
}

AffinityLookup RouteAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    result.hitReason = ReasonCode::RouteHit;
    result.missReason = ReasonCode::RouteAbsent;
    const QByteArrayView target = request.head.targetView();

    // The first value without a route, reported when no value carries one.
    QByteArray firstValue;
    for (const QByteArray &name : m_names) {
        struct Candidate
        {
            std::optional<QByteArray> value;
            QString where;
        };
        const std::optional<QByteArray> cookie = Cookies::find(request.head, name);
        const std::optional<QByteArrayView> path = pathParameter(target, name);
        const std::optional<QByteArrayView> query = queryParameter(target, name);
        const Candidate candidates[] = {
            {cookie ? std::optional(Cookies::unquoted(*cookie).toByteArray()) : std::nullopt, {}},
            {path ? std::optional(path->toByteArray()) : std::nullopt, u" (URL path)"_s},
            {query ? std::optional(query->toByteArray()) : std::nullopt, u" (URL query)"_s},
        };
        for (const Candidate &c : candidates) {
            if (!c.value || c.value->isEmpty())
                continue;
            const QByteArray &value = *c.value;
            const qsizetype at = value.lastIndexOf(m_separator);
            if (at < 0 || at == value.size() - 1) {
                if (firstValue.isEmpty()) {
                    firstValue = value;
                    result.detail
                        = u"found value %1 for stickysession %2%3; no route in it (no "
                          "'%4' followed by a route)"_s.arg(QString::fromUtf8(value),
                              QString::fromUtf8(name), c.where, QString(QLatin1Char(m_separator)));
                }
                continue;
            }
            result.keySeen = value;
            result.route = value.sliced(at + 1);
            result.detail = u"found value %1 for stickysession %2%3; found route %4"_s.arg(
                QString::fromUtf8(value), QString::fromUtf8(name), c.where,
                QString::fromUtf8(*result.route));
            return result;
        }
    }
    if (firstValue.isEmpty()) {
        result.detail = u"found value (null) for stickysession %1"_s.arg(
            QString::fromUtf8(m_names.join('|')));
    }
    result.keySeen = firstValue;
    return result;
}

QByteArray RouteAffinity::newKey(const Backend &backend, qint64) const
{
    if (!m_balancerSets)
        return {};
    return randomHex(RandomHexLength) + m_separator + backend.routeBytes();
}

QByteArray RouteAffinity::onResponse(AffinityResponse &response)
{
    const Decision &d = response.decision;
    if (!m_balancerSets || m_names.isEmpty() || d.key.isEmpty() || d.key == d.keySeen)
        return {};
    const QByteArray cookie = m_names.first() + '=' + d.key + m_attributes;
    response.head.addHeader("Set-Cookie", cookie);
    return cookie;
}

} // namespace Limpet
