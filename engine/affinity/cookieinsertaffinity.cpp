#include "affinity/cookieinsertaffinity.h"

#include "affinity/cookies.h"
#include "affinity/noaffinity.h"

#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr qsizetype MaskLength = 8;

bool isHex(QByteArrayView v)
{
    for (char c : v) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

QByteArray randomHex()
{
    const quint32 r = QRandomGenerator::global()->generate();
    return QByteArray::number(r, 16).rightJustified(MaskLength, '0');
}

} // namespace

CookieInsertAffinity::CookieInsertAffinity(const StickyConfig &config)
    : m_cookie(config.cookie.toUtf8())
{
}

QString CookieInsertAffinity::name() const
{
    return u"insert"_s;
}

std::optional<QByteArray> CookieInsertAffinity::decode(QByteArrayView value)
{
    // <8 hex>-<route>-<8 hex>; routes never contain '-'.
    if (value.size() < 2 * MaskLength + 3)
        return std::nullopt;
    const QByteArrayView head = value.first(MaskLength);
    const QByteArrayView tail = value.last(MaskLength);
    if (value.at(MaskLength) != '-' || value.at(value.size() - MaskLength - 1) != '-' || !isHex(head)
        || !isHex(tail))
        return std::nullopt;
    const QByteArrayView route = value.sliced(MaskLength + 1, value.size() - 2 * MaskLength - 2);
    if (route.contains('-'))
        return std::nullopt;
    return route.toByteArray();
}

AffinityLookup CookieInsertAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    const std::optional<QByteArray> value = Cookies::find(request.head, m_cookie);
    if (!value)
        return result; // CookieAbsent
    Cookies::strip(request.head, m_cookie);
    result.keySeen = *value;
    result.route = decode(*value);
    if (!result.route)
        result.missReason = ReasonCode::CookieMalformed;
    return result;
}

QByteArray CookieInsertAffinity::newKey(const Backend &backend, qint64) const
{
    return randomHex() + '-' + backend.routeBytes() + '-' + randomHex();
}

QByteArray CookieInsertAffinity::onResponse(AffinityResponse &response)
{
    const Decision &d = response.decision;
    if (d.key.isEmpty() || d.key == d.keySeen)
        return {};
    QByteArray cookie = m_cookie + '=' + d.key + "; Path=/; HttpOnly";
    response.head.addHeader("Set-Cookie", cookie);
    return cookie;
}

} // namespace Limpet
