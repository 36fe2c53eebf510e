#include "affinity/cookieinsertaffinity.h"

#include "affinity/cookies.h"

#include <QCryptographicHash>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

Q_LOGGING_CATEGORY(lcInsertAffinity, "limpet.affinity", QtInfoMsg)

constexpr qsizetype MaskLength = 8;
constexpr qsizetype HashLength = 40; // hex SHA-1
constexpr qsizetype MaxDateLength = 12; // base 36: far beyond any epoch second
/// Dates further ahead than this are not trusted (HAProxy: lets admins fix clock mistakes).
constexpr qint64 FutureToleranceSeconds = 86400;
constexpr char DateSeparator = '|';
constexpr char SignatureSeparator = '.';

bool isLowerHex(QByteArrayView v)
{
    for (char c : v) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

/// What the config loader accepts as a route: letters, digits, '_' and '.'.
bool isRouteText(QByteArrayView v)
{
    if (v.isEmpty())
        return false;
    for (char c : v) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                || c == '.'))
            return false;
    }
    return true;
}

QByteArray base36(qint64 seconds)
{
    return QByteArray::number(seconds, 36);
}

/// Epoch seconds written by base36(), or empty optional (no sign, no upper case accepted).
std::optional<qint64> fromBase36(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > MaxDateLength)
        return std::nullopt;
    for (char c : v) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 n = v.toLongLong(&ok, 36);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

/// Compares without stopping at the first difference, so the time taken says nothing about how
/// much of a forged signature was right.
bool constantTimeEqual(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

bool isSetCookieOf(const HttpHead &head, const HttpHead::Field &f, QByteArrayView cookie)
{
    if (f.removed || head.view(f.name).compare("set-cookie", Qt::CaseInsensitive) != 0)
        return false;
    const QByteArrayView value = head.view(f.value);
    const qsizetype eq = value.indexOf('=');
    return eq > 0 && value.first(eq).trimmed() == cookie;
}

} // namespace

CookieInsertAffinity::CookieInsertAffinity(const StickyConfig &config)
    : m_cookie(config.cookie.toUtf8())
    , m_salt(config.salt.toUtf8())
    , m_indirect(config.indirect)
    , m_nocache(config.nocache)
    , m_preserve(config.preserve)
    , m_maxIdle(config.maxIdle.value_or(0))
    , m_maxLife(config.maxLife.value_or(0))
{
    if (config.value == "hash"_L1)
        m_style = Style::Hash;
    else if (config.value == "route"_L1)
        m_style = Style::Route;
    if (config.sign)
        m_secret = config.secret.toUtf8();

    // The attributes are the same for every Set-Cookie: rendered once.
    if (!config.path.isEmpty())
        m_attributes += "; Path=" + config.path.toUtf8();
    if (!config.domain.isEmpty())
        m_attributes += "; Domain=" + config.domain.toUtf8();
    if (config.maxAge)
        m_attributes += "; Max-Age=" + QByteArray::number(*config.maxAge);
    // Browsers refuse SameSite=None without Secure (the loader forces it too).
    if (config.secure || config.sameSite.compare("None"_L1, Qt::CaseInsensitive) == 0)
        m_attributes += "; Secure";
    if (config.httpOnly)
        m_attributes += "; HttpOnly";
    if (!config.sameSite.isEmpty())
        m_attributes += "; SameSite=" + config.sameSite.toUtf8();
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
    if (value.at(MaskLength) != '-' || value.at(value.size() - MaskLength - 1) != '-'
        || !isLowerHex(head) || !isLowerHex(tail))
        return std::nullopt;
    const QByteArrayView route = value.sliced(MaskLength + 1, value.size() - 2 * MaskLength - 2);
    if (!isRouteText(route))
        return std::nullopt;
    return route.toByteArray();
}

QByteArray CookieInsertAffinity::backendHash(QByteArrayView salt, const Endpoint &address)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(salt);
    sha1.addData(address.toString().toUtf8());
    return sha1.result().toHex();
}

void CookieInsertAffinity::knowBackend(const Backend &backend)
{
    if (m_style != Style::Hash)
        return;
    const QByteArray hash = backendHash(m_salt, backend.address());
    QWriteLocker lock(&m_hashLock);
    m_routeByHash.insert(hash, backend.routeBytes());
}

std::optional<QByteArray> CookieInsertAffinity::routeOf(QByteArrayView value) const
{
    switch (m_style) {
    case Style::Masked:
        return decode(value);
    case Style::Route:
        if (!isRouteText(value))
            return std::nullopt;
        return value.toByteArray();
    case Style::Hash: {
        if (value.size() != HashLength || !isLowerHex(value))
            return std::nullopt;
        const QByteArray hash = value.toByteArray();
        QReadLocker lock(&m_hashLock);
        // A hash of no backend this process knows: returned as is, so the pool reports it as
        // naming an unknown backend (no route can be 40 hex digits of a SHA-1 by chance).
        return m_routeByHash.value(hash, hash);
    }
    }
    return std::nullopt;
}

QByteArray CookieInsertAffinity::signature(QByteArrayView payload) const
{
    return QMessageAuthenticationCode::hash(
        payload.toByteArray(), m_secret, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

CookieInsertAffinity::Parsed CookieInsertAffinity::parse(
    QByteArrayView cookieValue, qint64 nowSeconds) const
{
    Parsed p;
    QByteArrayView payload = cookieValue;
    if (!m_secret.isEmpty()) {
        // base64url has no '.', so the last one starts the signature whatever the route holds.
        const qsizetype dot = cookieValue.lastIndexOf(SignatureSeparator);
        if (dot < 0
            || !constantTimeEqual(cookieValue.sliced(dot + 1), signature(cookieValue.first(dot)))) {
            p.status = Status::InvalidSignature;
            return p;
        }
        payload = cookieValue.first(dot);
    }

    const qsizetype bar = payload.indexOf(DateSeparator);
    if (bar >= 0) {
        // <value>|<last-seen>|<first-seen>
        const QByteArrayView dates = payload.sliced(bar + 1);
        const qsizetype bar2 = dates.indexOf(DateSeparator);
        if (bar2 < 0)
            return p;
        const std::optional<qint64> last = fromBase36(dates.first(bar2));
        const std::optional<qint64> first = fromBase36(dates.sliced(bar2 + 1));
        if (!last || !first)
            return p;
        p.dated = true;
        p.lastSeen = *last;
        p.firstSeen = *first;
        payload = payload.first(bar);
    }
    if (!routeOf(payload))
        return p;
    p.value = payload.toByteArray();

    // Without dates the cookie predates maxidle/maxlife: accepted, and dated in the response.
    if (p.dated && dated()) {
        const bool future = p.lastSeen > nowSeconds + FutureToleranceSeconds
            || p.firstSeen > nowSeconds + FutureToleranceSeconds;
        const bool idle = m_maxIdle && nowSeconds - p.lastSeen > m_maxIdle;
        const bool old = m_maxLife && nowSeconds - p.firstSeen > m_maxLife;
        if (future || idle || old) {
            p.status = Status::Expired;
            return p;
        }
    }
    p.status = Status::Ok;
    return p;
}

AffinityLookup CookieInsertAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    const std::optional<QByteArray> value = Cookies::find(request.head, m_cookie);
    if (!value)
        return result; // CookieAbsent: the reason code says it all
    if (m_indirect)
        Cookies::strip(request.head, m_cookie);
    result.keySeen = *value;
    // Details are for the unusual outcomes only: a hit costs no string formatting.
    const auto cookie = [&] { return QString::fromUtf8(m_cookie); };
    const auto shown = [&] { return QString::fromLatin1(*value); };

    const Parsed p = parse(*value, request.nowMs / 1000);
    switch (p.status) {
    case Status::Ok:
        result.route = routeOf(p.value);
        break;
    case Status::Malformed:
        result.missReason = ReasonCode::CookieMalformed;
        result.detail = u"cookie %1 value %2 was not issued by Limpet"_s.arg(cookie(), shown());
        break;
    case Status::InvalidSignature:
        result.missReason = ReasonCode::CookieInvalidSignature;
        result.detail
            = u"cookie %1 value %2 has a wrong or missing signature"_s.arg(cookie(), shown());
        qCInfo(lcInsertAffinity).noquote()
            << u"client %1: cookie %2 has a wrong or missing signature; treated as absent"_s.arg(
                   request.client.toString(), cookie());
        break;
    case Status::Expired:
        result.missReason = ReasonCode::CookieExpired;
        result.detail = u"cookie %1 value %2 expired"_s.arg(cookie(), shown());
        break;
    }
    return result;
}

QByteArray CookieInsertAffinity::seal(
    const QByteArray &value, qint64 lastSeen, qint64 firstSeen) const
{
    QByteArray out = value;
    if (dated())
        out += DateSeparator + base36(lastSeen) + DateSeparator + base36(firstSeen);
    if (!m_secret.isEmpty())
        out += SignatureSeparator + signature(out);
    return out;
}

QByteArray CookieInsertAffinity::newKey(const Backend &backend, qint64 nowMs) const
{
    QByteArray value;
    switch (m_style) {
    case Style::Masked:
        value = randomHex(MaskLength) + '-' + backend.routeBytes() + '-' + randomHex(MaskLength);
        break;
    case Style::Route:
        value = backend.routeBytes();
        break;
    case Style::Hash: {
        value = backendHash(m_salt, backend.address());
        QWriteLocker lock(&m_hashLock);
        m_routeByHash.insert(value, backend.routeBytes());
        break;
    }
    }
    const qint64 now = nowMs / 1000;
    return seal(value, now, now);
}

QByteArray CookieInsertAffinity::refreshed(const QByteArray &keySeen, qint64 nowSeconds) const
{
    if (!dated())
        return {};
    const Parsed p = parse(keySeen, nowSeconds);
    if (p.status != Status::Ok)
        return {};
    if (!p.dated)
        return seal(p.value, nowSeconds, nowSeconds);
    if (m_maxIdle && 2 * (nowSeconds - p.lastSeen) >= m_maxIdle)
        return seal(p.value, nowSeconds, p.firstSeen);
    return {};
}

QByteArray CookieInsertAffinity::setCookie(const QByteArray &value) const
{
    return m_cookie + '=' + value + m_attributes;
}

QByteArray CookieInsertAffinity::onResponse(AffinityResponse &response)
{
    const Decision &d = response.decision;
    HttpHead &head = response.head;

    // The backend's own cookie of that name: kept with preserve (and ours is not added), else
    // removed so it cannot overwrite the affinity cookie in the browser.
    bool backendSetsIt = false;
    for (HttpHead::Field &f : head.fields) {
        if (!isSetCookieOf(head, f, m_cookie))
            continue;
        if (m_preserve)
            backendSetsIt = true;
        else
            f.removed = true;
    }
    if (backendSetsIt || !d.backend || d.key.isEmpty())
        return {};

    const QByteArray value
        = d.key != d.keySeen ? d.key : refreshed(d.keySeen, response.nowMs / 1000);
    if (value.isEmpty())
        return {};
    const QByteArray cookie = setCookie(value);
    head.addHeader("Set-Cookie", cookie);
    if (m_nocache && !head.header("cache-control"))
        head.addHeader("Cache-Control", "private");
    return cookie;
}

} // namespace Limpet
