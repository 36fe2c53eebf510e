#include "inspector/cookieformats.h"

#include "affinity/cookieinsertaffinity.h"
#include "config/config.h"

#include <QCryptographicHash>
#include <QHostAddress>
#include <QNetworkCookie>
#include <QRegularExpression>
#include <QStringList>
#include <QTimeZone>
#include <QUrl>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr qsizetype Sha1HexLength = 40;
constexpr qsizetype Md5HexLength = 32;
constexpr qsizetype SignatureLength = 43; // base64url of a 32-byte HMAC-SHA256, unpadded
constexpr qsizetype MaxDateLength = 12;
constexpr qsizetype MaxServerNameLength = 24; // longer tokens are session ids, not server names
constexpr qint64 FutureToleranceSeconds = 86400; // as CookieInsertAffinity
constexpr auto LimpetDefaultCookie = "SRV"_L1; // StickyConfig's default name

bool isHex(QStringView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
}

bool isLowerHex(QStringView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

/// What Limpet's config accepts as a route: letters, digits, '_' and '.'.
bool isRouteText(QStringView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'.';
    });
}

/// A server name as other balancers allow it (HAProxy `cookie s1`, Apache `route=www1`).
bool isServerToken(QStringView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'.' || c == u'-';
    });
}

bool isBase64Url(QStringView v)
{
    return !v.isEmpty() && std::all_of(v.begin(), v.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
            || c == u'_' || c == u'-';
    });
}

QString unquoted(const QString &value)
{
    if (value.size() >= 2 && value.front() == u'"' && value.back() == u'"')
        return value.mid(1, value.size() - 2);
    return value;
}

bool oneOf(const QString &name, std::initializer_list<QLatin1StringView> names)
{
    return std::any_of(names.begin(), names.end(),
        [&](QLatin1StringView n) { return name.compare(n, Qt::CaseInsensitive) == 0; });
}

/// Cookie names applications use for their own session (where HAProxy prefix and Apache
/// routes live), as opposed to a balancer's own cookie.
bool isApplicationSessionName(const QString &name)
{
    return oneOf(name,
               {"JSESSIONID"_L1, "PHPSESSID"_L1, "ASP.NET_SessionId"_L1, "SESSIONID"_L1,
                   "SESSION"_L1, "sid"_L1, "connect.sid"_L1, "CFID"_L1, "_session_id"_L1})
        || name.startsWith("ASPSESSIONID"_L1, Qt::CaseInsensitive);
}

bool isTraefikName(const QString &name)
{
    static const QRegularExpression hashedName(u"^_[0-9a-f]{5,6}$"_s);
    return name == "_TRAEFIK_BACKEND"_L1 || hashedName.match(name).hasMatch();
}

// ---- addresses ----------------------------------------------------------------------------

/// The host of "ip:port", "[v6]:port", "host:port", a bare IP, or empty when `text` is none of
/// these.
QString addressHost(const QString &text)
{
    static const QRegularExpression v4(u"^(\\d{1,3}(?:\\.\\d{1,3}){3})(?::\\d{1,5})?$"_s);
    static const QRegularExpression v6(u"^\\[([0-9A-Fa-f:.]+)\\](?::\\d{1,5})?$"_s);
    static const QRegularExpression hostPort(
        u"^([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)*):\\d{1,5}$"_s);
    if (const auto m = v4.match(text); m.hasMatch())
        return QHostAddress(m.captured(1)).isNull() ? QString() : m.captured(1);
    if (const auto m = v6.match(text); m.hasMatch())
        return QHostAddress(m.captured(1)).isNull() ? QString() : m.captured(1);
    if (text.count(u':') >= 2 && !QHostAddress(text).isNull())
        return text; // bare IPv6
    if (const auto m = hostPort.match(text); m.hasMatch())
        return m.captured(1);
    return {};
}

/// Private, shared, loopback and link-local addresses: those of the network behind a balancer.
bool isInternal(const QHostAddress &a)
{
    if (a.isNull())
        return false;
    if (a.isLoopback() || a.isLinkLocal() || a.isUniqueLocalUnicast() || a.isSiteLocal())
        return true;
    static const QList<std::pair<QHostAddress, int>> ranges{{QHostAddress(u"10.0.0.0"_s), 8},
        {QHostAddress(u"172.16.0.0"_s), 12}, {QHostAddress(u"192.168.0.0"_s), 16},
        {QHostAddress(u"100.64.0.0"_s), 10}};
    return std::any_of(ranges.begin(), ranges.end(),
        [&](const auto &r) { return a.isInSubnet(r.first, r.second); });
}

/// An internal IPv4 address written anywhere in `text`, dotted (`10.0.0.5`) or dashed the way
/// route names are made from addresses (Zope's `route.192-168-1-10`); empty when none.
QString internalAddressIn(const QString &text)
{
    static const QRegularExpression ip(
        u"(?<![\\d])(\\d{1,3})[.-](\\d{1,3})[.-](\\d{1,3})[.-](\\d{1,3})(?![\\d])"_s);
    auto it = ip.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString dotted
            = QStringList{m.captured(1), m.captured(2), m.captured(3), m.captured(4)}.join(u'.');
        if (isInternal(QHostAddress(dotted)))
            return dotted;
    }
    return {};
}

// ---- hashes of backend addresses ------------------------------------------------------------

QString hexHash(QCryptographicHash::Algorithm algorithm, const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, algorithm).toHex());
}

/// The peer address as nginx holds it (struct sockaddr_in / sockaddr_in6 on little-endian
/// Linux): nginx-sticky-module-ng hashes these bytes, not the text.
QByteArray sockaddrBytes(const Endpoint &e)
{
    QByteArray out;
    const auto append16 = [&](quint16 v, bool big) {
        char b[2];
        if (big)
            qToBigEndian(v, b);
        else
            qToLittleEndian(v, b);
        out.append(b, 2);
    };
    if (e.host.protocol() == QAbstractSocket::IPv4Protocol) {
        append16(2, false); // AF_INET
        append16(e.port, true);
        char a[4];
        qToBigEndian(e.host.toIPv4Address(), a);
        out.append(a, 4);
        out.append(8, '\0');
    } else {
        append16(10, false); // AF_INET6
        append16(e.port, true);
        out.append(4, '\0'); // flow info
        const Q_IPV6ADDR a = e.host.toIPv6Address();
        out.append(reinterpret_cast<const char *>(a.c), 16);
        out.append(4, '\0'); // scope id
    }
    return out;
}

quint64 fnv1a64(const QByteArray &data)
{
    quint64 h = 14695981039346656037ULL;
    for (char c : data) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ULL;
    }
    return h;
}

/// The backend whose address hashes to `hex` under one of the ways balancers hash addresses;
/// null when none does.
const BackendHint *backendByHash(
    const QString &hex, const QList<BackendHint> &backends, QCryptographicHash::Algorithm algorithm)
{
    const QString wanted = hex.toLower();
    for (const BackendHint &b : backends) {
        const QByteArray text = b.address.toUtf8();
        if (hexHash(algorithm, text) == wanted)
            return &b; // Limpet (empty salt), Perlbal: "ip:port"
        const std::optional<Endpoint> e = Endpoint::parse(b.address, true);
        if (!e)
            continue;
        if (hexHash(algorithm, e->host.toString().toUtf8() + QByteArray::number(e->port)) == wanted)
            return &b; // Perlbal without salt: ip . port
        if (hexHash(algorithm, sockaddrBytes(*e)) == wanted)
            return &b; // nginx sticky module
    }
    return nullptr;
}

const BackendHint *backendByTraefikHash(const QString &hex, const QList<BackendHint> &backends)
{
    for (const BackendHint &b : backends) {
        for (const auto scheme : {"http://"_L1, "https://"_L1}) {
            const QByteArray url = QString(scheme + b.address).toUtf8();
            if (QString::number(fnv1a64(url), 16) == hex.toLower())
                return &b;
        }
    }
    return nullptr;
}

const BackendHint *backendByAddress(const QString &address, const QList<BackendHint> &backends)
{
    for (const BackendHint &b : backends) {
        if (b.address == address)
            return &b;
    }
    return nullptr;
}

const BackendHint *backendByRoute(
    const QString &route, const QString &pool, const QList<BackendHint> &backends)
{
    const BackendHint *other = nullptr;
    for (const BackendHint &b : backends) {
        if (b.route != route && b.name != route)
            continue;
        if (pool.isEmpty() || b.pool == pool)
            return &b;
        other = other ? other : &b;
    }
    return other;
}

// ---- Limpet's insert cookie -----------------------------------------------------------------

/// A value taken apart as CookieInsertAffinity writes it:
/// `<value>[|<last-seen>|<first-seen>][.<signature>]`. The signature cannot be checked here.
struct LimpetValue
{
    enum class Style {
        None,
        Masked,
        Route,
        Hash
    };
    Style style = Style::None;
    QString route; ///< masked, route
    QString hash; ///< hash
    bool signedValue = false;
    std::optional<qint64> lastSeen;
    std::optional<qint64> firstSeen;
};

std::optional<qint64> fromBase36(QStringView v)
{
    if (v.isEmpty() || v.size() > MaxDateLength)
        return std::nullopt;
    for (QChar c : v) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z')))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 n = v.toLongLong(&ok, 36);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

LimpetValue parseLimpet(const QString &value)
{
    LimpetValue v;
    QString payload = value;
    // base64url has no '.', so a last '.' followed by 43 such characters starts a signature.
    const qsizetype dot = payload.lastIndexOf(u'.');
    if (dot >= 0 && payload.size() - dot - 1 == SignatureLength
        && isBase64Url(QStringView(payload).sliced(dot + 1))) {
        v.signedValue = true;
        payload.truncate(dot);
    }
    const qsizetype bar = payload.indexOf(u'|');
    if (bar >= 0) {
        const QStringView dates = QStringView(payload).sliced(bar + 1);
        const qsizetype bar2 = dates.indexOf(u'|');
        if (bar2 < 0)
            return {};
        v.lastSeen = fromBase36(dates.first(bar2));
        v.firstSeen = fromBase36(dates.sliced(bar2 + 1));
        if (!v.lastSeen || !v.firstSeen)
            return {};
        payload.truncate(bar);
    }
    if (const std::optional<QByteArray> route = CookieInsertAffinity::decode(payload.toLatin1())) {
        v.style = LimpetValue::Style::Masked;
        v.route = QString::fromLatin1(*route);
    } else if (payload.size() == Sha1HexLength && isLowerHex(payload)) {
        v.style = LimpetValue::Style::Hash;
        v.hash = payload;
    } else if (isRouteText(payload)) {
        v.style = LimpetValue::Style::Route;
        v.route = payload;
    }
    return v;
}

bool isLimpetInsert(CookieFormat f)
{
    return f == CookieFormat::LimpetMasked || f == CookieFormat::LimpetRoute
        || f == CookieFormat::LimpetHash || f == CookieFormat::LimpetMalformed;
}

/// The readings of a value as Limpet's insert cookie (empty when it is not one).
QList<CookieReading> limpetReadings(
    const LimpetValue &v, const QString &pool, bool byName, const CookieFormats::Context &context)
{
    CookieReading r;
    r.pool = pool;
    r.byName = byName;
    switch (v.style) {
    case LimpetValue::Style::None:
        return {};
    case LimpetValue::Style::Masked:
        r.format = CookieFormat::LimpetMasked;
        r.route = v.route;
        r.decoded = CookieFormats::tr("route %1 between random hex").arg(v.route);
        break;
    case LimpetValue::Style::Route:
        r.format = CookieFormat::LimpetRoute;
        r.route = v.route;
        r.decoded = CookieFormats::tr("route %1").arg(v.route);
        break;
    case LimpetValue::Style::Hash: {
        r.format = CookieFormat::LimpetHash;
        if (const BackendHint *b
            = backendByHash(v.hash, context.backends, QCryptographicHash::Sha1)) {
            r.backend = b->name;
            r.route = b->route;
            r.decoded = CookieFormats::tr("SHA-1 of %1").arg(b->address);
        } else {
            r.decoded = CookieFormats::tr(
                "SHA-1 of the salt and a backend's address: the instance knows which");
        }
        break;
    }
    }
    if (r.backend.isEmpty() && !r.route.isEmpty()) {
        if (const BackendHint *b = backendByRoute(r.route, pool, context.backends))
            r.backend = b->name;
    }
    return {r};
}

// ---- Set-Cookie and raw HTTP ----------------------------------------------------------------

InspectedCookie parseSetCookie(const QString &line)
{
    InspectedCookie c;
    c.fromSetCookie = true;
    const QStringList parts = line.split(u';');
    const QString pair = parts.value(0).trimmed();
    const qsizetype eq = pair.indexOf(u'=');
    c.name = (eq < 0 ? pair : pair.left(eq)).trimmed();
    c.value = eq < 0 ? QString() : pair.mid(eq + 1).trimmed();
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString attribute = parts.at(i).trimmed();
        const qsizetype aeq = attribute.indexOf(u'=');
        const QString key = (aeq < 0 ? attribute : attribute.left(aeq)).trimmed().toLower();
        const QString value = aeq < 0 ? QString() : attribute.mid(aeq + 1).trimmed();
        if (key == "path"_L1) {
            c.path = value.isNull() ? u""_s : value;
        } else if (key == "domain"_L1) {
            c.domain = value.isNull() ? u""_s : value;
        } else if (key == "samesite"_L1) {
            c.sameSite = value.isNull() ? u""_s : value;
        } else if (key == "secure"_L1) {
            c.secure = true;
        } else if (key == "httponly"_L1) {
            c.httpOnly = true;
        } else if (key == "max-age"_L1) {
            bool ok = false;
            const qint64 seconds = value.toLongLong(&ok);
            if (ok)
                c.maxAge = seconds;
        } else if (key == "expires"_L1) {
            // QNetworkCookie reads every date form browsers accept (RFC 1123, RFC 850, asctime).
            const QList<QNetworkCookie> parsed
                = QNetworkCookie::parseCookies(QByteArray("x=y; expires=" + value.toLatin1()));
            if (!parsed.isEmpty() && parsed.first().expirationDate().isValid())
                c.expires = parsed.first().expirationDate().toUTC();
        }
    }
    return c;
}

QList<InspectedCookie> parseCookiePairs(const QString &header)
{
    QList<InspectedCookie> cookies;
    for (const QString &part : header.split(u';')) {
        const QString pair = part.trimmed();
        const qsizetype eq = pair.indexOf(u'=');
        if (eq <= 0)
            continue;
        InspectedCookie c;
        c.name = pair.left(eq).trimmed();
        c.value = pair.mid(eq + 1).trimmed();
        cookies.append(c);
    }
    return cookies;
}

/// A pasted line without "Cookie:" or "Set-Cookie:": a Set-Cookie value when attributes follow
/// the first pair.
bool looksLikeSetCookie(const QString &line)
{
    const QStringList parts = line.split(u';');
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const QString key = parts.at(i).section(u'=', 0, 0).trimmed();
        if (oneOf(key,
                {"Path"_L1, "Domain"_L1, "Expires"_L1, "Max-Age"_L1, "Secure"_L1, "HttpOnly"_L1,
                    "SameSite"_L1, "Partitioned"_L1, "Priority"_L1}))
            return true;
    }
    return false;
}

/// "name: value" → {name, value}; empty name when the line is no header.
std::pair<QString, QString> headerLine(const QString &line)
{
    static const QRegularExpression header(u"^([A-Za-z0-9!#$%&'*+.^_`|~-]+):\\s*(.*)$"_s);
    const QRegularExpressionMatch m = header.match(line);
    if (!m.hasMatch())
        return {};
    return {m.captured(1), m.captured(2).trimmed()};
}

/// A request target in origin form (`/path?query`): an absolute-form target (`http://host/path`)
/// loses its scheme and authority, which go to `host`.
QString originForm(const QString &target, QString *host)
{
    if (!target.startsWith("http://"_L1, Qt::CaseInsensitive)
        && !target.startsWith("https://"_L1, Qt::CaseInsensitive))
        return target;
    const QUrl url(target);
    if (!url.isValid())
        return target;
    *host = url.port() > 0 ? u"%1:%2"_s.arg(url.host()).arg(url.port()) : url.host();
    QString origin = url.path(QUrl::FullyEncoded);
    if (origin.isEmpty())
        origin = u"/"_s;
    if (url.hasQuery())
        origin += u"?"_s + url.query(QUrl::FullyEncoded);
    return origin;
}

/// The path of an origin-form target: without query or fragment.
QString pathOf(const QString &target)
{
    static const QRegularExpression queryOrFragment(u"[?#]"_s);
    const qsizetype end = target.indexOf(queryOrFragment);
    return end < 0 ? target : target.left(end);
}

bool pathMatches(const QString &requestPath, const QString &cookiePath)
{
    // RFC 6265 5.1.4
    if (requestPath == cookiePath)
        return true;
    if (!requestPath.startsWith(cookiePath))
        return false;
    return cookiePath.endsWith(u'/') || requestPath.at(cookiePath.size()) == u'/';
}

QString hostWithoutPort(const QString &host)
{
    QString h = host.trimmed().toLower();
    if (h.startsWith(u'[')) {
        const qsizetype end = h.indexOf(u']');
        return end < 0 ? h : h.mid(1, end - 1);
    }
    if (h.count(u':') == 1)
        h.truncate(h.indexOf(u':'));
    return h;
}

} // namespace

// ---- recognition ----------------------------------------------------------------------------

QList<CookieReading> CookieFormats::recognise(
    const QString &name, const QString &value, const Context &context)
{
    QList<CookieReading> out;
    const QString v = unquoted(value);
    const bool quoted = v.size() != value.size();
    if (v.isEmpty())
        return out;
    const auto add = [&](CookieReading r) {
        if (r.backend.isEmpty() && !r.route.isEmpty()) {
            if (const BackendHint *b = backendByRoute(r.route, r.pool, context.backends))
                r.backend = b->name;
        }
        if (r.backend.isEmpty() && !r.address.isEmpty()) {
            if (const BackendHint *b = backendByAddress(r.address, context.backends))
                r.backend = b->name;
        }
        out.append(r);
    };

    // The pools whose cookie this is: the mode says how to read it.
    bool limpetInsertRead = false;
    bool limpetOtherRead = false;
    for (const PoolHint &hint : context.pools) {
        if (hint.cookieName.isEmpty() || hint.cookieName != name)
            continue;
        if (hint.mode == "insert"_L1) {
            const QList<CookieReading> readings
                = limpetReadings(parseLimpet(v), hint.pool, true, context);
            if (readings.isEmpty()) {
                CookieReading r;
                r.format = CookieFormat::LimpetMalformed;
                r.pool = hint.pool;
                r.byName = true;
                r.decoded = tr("not a value Limpet issues: treated as absent (cookie-malformed)");
                add(r);
            }
            for (const CookieReading &r : readings)
                add(r);
            limpetInsertRead = true;
        } else if (hint.mode == "prefix"_L1) {
            CookieReading r;
            r.format = CookieFormat::LimpetPrefix;
            r.pool = hint.pool;
            r.byName = true;
            const qsizetype tilde = v.indexOf(u'~');
            if (tilde > 0) {
                r.route = v.left(tilde);
                r.decoded = tr("route %1, application value %2").arg(r.route, v.mid(tilde + 1));
            } else {
                r.decoded = tr("no route prefix yet: the backend's own value (cookie-malformed)");
            }
            add(r);
            limpetOtherRead = true;
        } else if (hint.mode == "route"_L1) {
            CookieReading r;
            r.format = CookieFormat::LimpetRouteMode;
            r.pool = hint.pool;
            r.byName = true;
            const qsizetype dot = v.lastIndexOf(u'.');
            if (dot >= 0 && dot < v.size() - 1) {
                r.route = v.mid(dot + 1);
                r.decoded = tr("route %1, session value %2").arg(r.route, v.left(dot));
            } else {
                r.decoded = tr("no route after the separator (route-absent)");
            }
            add(r);
            limpetOtherRead = true;
        } else if (hint.mode == "learn"_L1) {
            CookieReading r;
            r.format = CookieFormat::LimpetLearned;
            r.pool = hint.pool;
            r.byName = true;
            r.decoded = tr("the application's session: pool %1 learnt its backend from the "
                           "response that set it")
                            .arg(hint.pool);
            add(r);
            limpetOtherRead = true;
        }
    }

    // Limpet's insert cookie by its shape: the masked and dated/signed forms are distinctive; a
    // bare route is only Limpet's under Limpet's default name.
    const LimpetValue limpet = parseLimpet(v);
    if (!limpetInsertRead && limpet.style != LimpetValue::Style::None) {
        const bool distinctive = limpet.style == LimpetValue::Style::Masked || limpet.signedValue
            || limpet.lastSeen.has_value();
        const bool defaultName = name == LimpetDefaultCookie;
        if (limpet.style != LimpetValue::Style::Hash && (distinctive || defaultName)) {
            for (const CookieReading &r : limpetReadings(limpet, {}, defaultName, context))
                add(r);
        }
    }
    const bool limpetShaped = limpet.signedValue || limpet.lastSeen.has_value()
        || limpet.style == LimpetValue::Style::Masked;

    // An address in clear, as a URL (Traefik), or base64 (Envoy).
    if (!addressHost(v).isEmpty()) {
        CookieReading r;
        r.format = CookieFormat::PlainAddress;
        r.address = v;
        r.decoded = tr("a backend's address in clear");
        add(r);
    }
    static const QRegularExpression url(u"^(?:https?|h2c)://([^/?#]+)/?$"_s);
    if (const QRegularExpressionMatch m = url.match(v); m.hasMatch()) {
        CookieReading r;
        r.format = CookieFormat::TraefikUrl;
        r.address = m.captured(1);
        r.byName = isTraefikName(name);
        r.decoded = tr("server URL %1").arg(v);
        add(r);
    }
    static const QRegularExpression base64(u"^[A-Za-z0-9+/]{4,}={0,2}$"_s);
    if (v.size() % 4 == 0 && base64.match(v).hasMatch() && !isHex(v)) {
        const QByteArray decoded = QByteArray::fromBase64(v.toLatin1());
        const QString text = QString::fromLatin1(decoded);
        const bool printable = std::all_of(
            decoded.begin(), decoded.end(), [](char c) { return c > 0x20 && c < 0x7f; });
        if (printable && !addressHost(text).isEmpty()) {
            CookieReading r;
            r.format = CookieFormat::EnvoyBase64;
            r.address = text;
            r.byName = quoted;
            r.decoded = tr("base64 of %1").arg(text);
            add(r);
        }
    }

    // Hashes of a backend's address: 32 hex (nginx MD5), 40 hex (Perlbal, Limpet hash).
    if (v.size() == Md5HexLength && isHex(v) && !isApplicationSessionName(name)) {
        CookieReading r;
        r.format = CookieFormat::NginxSticky;
        r.byName = name == "route"_L1;
        if (const BackendHint *b = backendByHash(v, context.backends, QCryptographicHash::Md5)) {
            r.backend = b->name;
            r.decoded = tr("MD5 of %1").arg(b->address);
        } else {
            r.decoded = tr("MD5 of a backend's address: matches none known here");
        }
        add(r);
    }
    if (v.size() == Sha1HexLength && isHex(v)) {
        const BackendHint *b = backendByHash(v, context.backends, QCryptographicHash::Sha1);
        if (!limpetInsertRead && isLowerHex(v)) {
            for (CookieReading r : limpetReadings(limpet, {}, name == LimpetDefaultCookie, context))
                add(r);
        }
        CookieReading r;
        r.format = CookieFormat::PerlbalSha1;
        r.byName = name.compare("X-SERVERID"_L1, Qt::CaseInsensitive) == 0;
        if (b) {
            r.backend = b->name;
            r.decoded = tr("SHA-1 of %1").arg(b->address);
        } else {
            r.decoded = tr("SHA-1 of a salt and a backend's address: matches none known here");
        }
        add(r);
    }
    if (isTraefikName(name) && v.size() <= 16 && isLowerHex(v)) {
        CookieReading r;
        r.format = CookieFormat::TraefikHash;
        r.byName = true;
        if (const BackendHint *b = backendByTraefikHash(v, context.backends)) {
            r.backend = b->name;
            r.decoded = tr("hash of the server URL http://%1").arg(b->address);
        } else {
            r.decoded = tr("hash of the server URL: matches none known here");
        }
        add(r);
    }

    // Most likely first: those whose name fits too.
    const auto finish = [&] {
        std::stable_sort(out.begin(), out.end(),
            [](const CookieReading &a, const CookieReading &b) { return a.byName && !b.byName; });
        return out;
    };
    const bool addressLike = std::any_of(
        out.begin(), out.end(), [](const CookieReading &r) { return !r.address.isEmpty(); });
    if (limpetShaped || addressLike || limpetOtherRead)
        return finish();

    // Server names in clear or inside the application's session value: HAProxy insert and
    // prefix, Apache routes. Short tokens are everywhere (`lang=fr`), so these weak shapes
    // count only under a name such balancers use, or when they name a backend known here.
    const auto addWeak = [&](CookieReading r) {
        if (r.byName || backendByRoute(r.route, {}, context.backends))
            add(r);
    };
    const qsizetype tilde = v.indexOf(u'~');
    if (tilde > 0 && tilde < v.size() - 1 && isServerToken(v.left(tilde))
        && v.left(tilde).size() <= MaxServerNameLength) {
        CookieReading r;
        r.format = CookieFormat::HAProxyPrefix;
        r.route = v.left(tilde);
        r.byName = isApplicationSessionName(name);
        r.decoded = tr("server %1, application value %2").arg(r.route, v.mid(tilde + 1));
        addWeak(r);
    }
    const qsizetype dot = v.lastIndexOf(u'.');
    const QString afterDot = dot >= 0 ? v.mid(dot + 1) : QString();
    if (dot >= 0 && isServerToken(afterDot) && !v.left(dot).contains(u'/')
        && !v.left(dot).contains(u':')) {
        CookieReading r;
        r.format = CookieFormat::ApacheRoute;
        r.route = afterDot;
        r.byName = isApplicationSessionName(name)
            || oneOf(name, {"BALANCEID"_L1, "ROUTEID"_L1, "STICKY_ROUTE"_L1, "route"_L1});
        r.decoded = tr("route %1 after the last '.'").arg(afterDot);
        if (quoted) {
            r.decoded += u" "_s
                + tr("(quoted: mod_proxy_balancer reads the route as %1\" with the closing quote)")
                      .arg(afterDot);
        }
        addWeak(r);
    }
    if (tilde < 0 && v.size() <= MaxServerNameLength && isServerToken(v)
        && !isApplicationSessionName(name)) {
        CookieReading r;
        r.format = CookieFormat::HAProxyInsert;
        r.route = v;
        r.byName = oneOf(name,
            {"SERVERID"_L1, "BACKENDID"_L1, "SERVER_ID"_L1, "SRVID"_L1, "SERVER"_L1, "BACKEND"_L1,
                "SRV"_L1});
        r.decoded = tr("server %1").arg(v);
        addWeak(r);
    }

    return finish();
}

// ---- warnings -------------------------------------------------------------------------------

QList<CookieWarning> CookieFormats::warnings(const InspectedCookie &c, const Context &context)
{
    QList<CookieWarning> out;
    const auto warn = [&](CookieWarning::Kind kind, const QString &text) {
        out.append(CookieWarning{kind, c.name, text});
    };

    if (c.fromSetCookie && c.sameSite.compare("None"_L1, Qt::CaseInsensitive) == 0 && !c.secure) {
        warn(CookieWarning::Kind::SameSiteNoneWithoutSecure,
            tr("%1: SameSite=None without Secure. Browsers reject such a cookie, so every request "
               "comes without it and is balanced as a new session.")
                .arg(c.name));
    }

    if (c.fromSetCookie && c.path.startsWith(u'/')) {
        QString reference = context.appPath.isEmpty() ? u"/"_s : context.appPath;
        if (!reference.startsWith(u'/'))
            reference.prepend(u'/');
        if (!pathMatches(reference, c.path)) {
            warn(CookieWarning::Kind::NarrowPath,
                tr("%1: Path=%2 is narrower than %3. The browser sends the cookie back only under "
                   "%2, so requests elsewhere in %3 lose their backend.")
                    .arg(c.name, c.path, reference));
        }
    }

    if (c.fromSetCookie && !c.domain.isEmpty() && !context.host.isEmpty()) {
        const QString host = hostWithoutPort(context.host);
        QString domain = c.domain.trimmed().toLower();
        while (domain.startsWith(u'.'))
            domain.remove(0, 1);
        const bool hostIsIp = !QHostAddress(host).isNull();
        const bool matches = host == domain
            || (!hostIsIp && host.size() > domain.size() && host.endsWith(domain)
                && host.at(host.size() - domain.size() - 1) == u'.');
        if (!matches) {
            warn(CookieWarning::Kind::DomainMismatch,
                tr("%1: Domain=%2 does not match the host %3. The browser rejects the cookie, so "
                   "no session is ever kept.")
                    .arg(c.name, c.domain, host));
        }
    }

    QString address;
    for (const CookieReading &r : c.readings) {
        if (!r.address.isEmpty()) {
            address = r.address;
            break;
        }
    }
    if (address.isEmpty())
        address = internalAddressIn(unquoted(c.value));
    if (!address.isEmpty()) {
        warn(CookieWarning::Kind::InternalAddress,
            tr("%1: the value shows the internal address %2. Every client learns it, and the "
               "session breaks as soon as that backend's address changes.")
                .arg(c.name, address));
    }
    return out;
}

// ---- the whole text -------------------------------------------------------------------------

CookieReport CookieFormats::inspect(const QString &text, const Context &given)
{
    CookieReport report;
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        if (line.endsWith(u'\r'))
            line.chop(1);
    }
    while (!lines.isEmpty() && lines.first().trimmed().isEmpty())
        lines.removeFirst();
    if (lines.isEmpty())
        return report;

    static const QRegularExpression requestLine(u"^([A-Z]+)\\s+(\\S+)\\s+HTTP/\\d(?:\\.\\d)?$"_s);
    static const QRegularExpression statusLine(u"^HTTP/\\d(?:\\.\\d)?\\s+\\d{3}"_s);
    const QString first = lines.first().trimmed();
    bool sawCookie = false;
    bool sawSetCookie = false;

    if (const QRegularExpressionMatch m = requestLine.match(first); m.hasMatch()) {
        report.input = CookieReport::Input::Request;
        report.method = m.captured(1);
        report.target = originForm(m.captured(2), &report.host);
        report.path = pathOf(report.target);
        for (qsizetype i = 1; i < lines.size() && !lines.at(i).trimmed().isEmpty(); ++i) {
            const auto [name, value] = headerLine(lines.at(i));
            if (name.compare("cookie"_L1, Qt::CaseInsensitive) == 0)
                report.cookies.append(parseCookiePairs(value));
            else if (name.compare("host"_L1, Qt::CaseInsensitive) == 0 && report.host.isEmpty())
                report.host = value;
        }
    } else {
        const bool response = statusLine.match(first).hasMatch();
        for (const QString &raw : std::as_const(lines)) {
            const QString line = raw.trimmed();
            if (line.isEmpty()) {
                if (response)
                    break; // the body follows
                continue;
            }
            const auto [name, value] = headerLine(line);
            if (name.compare("set-cookie"_L1, Qt::CaseInsensitive) == 0) {
                report.cookies.append(parseSetCookie(value));
                sawSetCookie = true;
            } else if (name.compare("cookie"_L1, Qt::CaseInsensitive) == 0) {
                report.cookies.append(parseCookiePairs(value));
                sawCookie = true;
            } else if (name.compare("host"_L1, Qt::CaseInsensitive) == 0) {
                report.host = value;
            } else if (name.isEmpty() && !response) {
                if (looksLikeSetCookie(line)) {
                    report.cookies.append(parseSetCookie(line));
                    sawSetCookie = true;
                } else {
                    report.cookies.append(parseCookiePairs(line));
                    sawCookie = true;
                }
            }
        }
        if (sawCookie)
            report.input = CookieReport::Input::CookieHeader;
        else if (sawSetCookie)
            report.input = CookieReport::Input::SetCookie;
    }
    report.cookies.removeIf([](const InspectedCookie &c) { return c.name.isEmpty(); });
    if (report.cookies.isEmpty() && report.input != CookieReport::Input::Request)
        report.input = CookieReport::Input::Empty;

    // The user's fields win; a raw request fills what they left empty.
    Context context = given;
    if (context.host.isEmpty())
        context.host = report.host;
    if (context.appPath.isEmpty() && report.input == CookieReport::Input::Request)
        context.appPath = report.path;

    QStringList pairs;
    for (InspectedCookie &c : report.cookies) {
        c.readings = recognise(c.name, c.value, context);
        const bool limpet = std::any_of(c.readings.begin(), c.readings.end(),
            [](const CookieReading &r) { return isLimpetInsert(r.format); });
        if (limpet) {
            const LimpetValue v = parseLimpet(unquoted(c.value));
            c.signedValue = v.signedValue;
            if (v.lastSeen && v.firstSeen) {
                c.lastSeen = QDateTime::fromSecsSinceEpoch(*v.lastSeen, QTimeZone::utc());
                c.firstSeen = QDateTime::fromSecsSinceEpoch(*v.firstSeen, QTimeZone::utc());
            }
        }
        report.warnings.append(warnings(c, context));
        pairs.append(c.name + "="_L1 + c.value);
    }
    report.cookieHeader = pairs.join("; "_L1).toUtf8();
    return report;
}

// ---- for people -----------------------------------------------------------------------------

QString CookieFormats::formatName(CookieFormat format)
{
    switch (format) {
    case CookieFormat::LimpetMasked:
        return tr("Limpet insert (masked)");
    case CookieFormat::LimpetRoute:
        return tr("Limpet insert (route)");
    case CookieFormat::LimpetHash:
        return tr("Limpet insert (hash)");
    case CookieFormat::LimpetMalformed:
        return tr("Limpet insert (not readable)");
    case CookieFormat::LimpetPrefix:
        return tr("Limpet prefix");
    case CookieFormat::LimpetRouteMode:
        return tr("Limpet route");
    case CookieFormat::LimpetLearned:
        return tr("Limpet learn (application cookie)");
    case CookieFormat::HAProxyInsert:
        return tr("HAProxy insert");
    case CookieFormat::HAProxyPrefix:
        return tr("HAProxy prefix");
    case CookieFormat::ApacheRoute:
        return tr("Apache mod_proxy_balancer route");
    case CookieFormat::NginxSticky:
        return tr("nginx sticky module (MD5)");
    case CookieFormat::TraefikUrl:
        return tr("Traefik (server URL)");
    case CookieFormat::TraefikHash:
        return tr("Traefik (hashed server URL)");
    case CookieFormat::EnvoyBase64:
        return tr("Envoy stateful session (base64 address)");
    case CookieFormat::PerlbalSha1:
        return tr("Perlbal SessionAffinity (SHA-1)");
    case CookieFormat::PlainAddress:
        return tr("Backend address");
    }
    return {};
}

QString CookieFormats::signatureText(const InspectedCookie &cookie)
{
    // Only when the most likely reading is Limpet's: a Perlbal SHA-1 is never signed.
    if (cookie.readings.isEmpty() || !isLimpetInsert(cookie.readings.first().format))
        return {};
    return cookie.signedValue ? tr("signed — checked by the instance (dry run below)")
                              : tr("not signed");
}

QString CookieFormats::durationText(qint64 seconds)
{
    seconds = qAbs(seconds);
    if (seconds < 120)
        return tr("%1 s").arg(seconds);
    if (seconds < 120 * 60)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 48 * 3600)
        return tr("%1 h").arg(seconds / 3600);
    return tr("%n day(s)", nullptr, int(seconds / 86400));
}

QString CookieFormats::ageText(const InspectedCookie &c, const QDateTime &now)
{
    QStringList parts;
    const qint64 nowS = now.toSecsSinceEpoch();
    if (c.firstSeen && c.lastSeen) {
        const qint64 first = c.firstSeen->toSecsSinceEpoch();
        const qint64 last = c.lastSeen->toSecsSinceEpoch();
        if (first > nowS + FutureToleranceSeconds || last > nowS + FutureToleranceSeconds) {
            parts.append(tr("dated %1 ahead: the instance treats it as expired")
                             .arg(durationText(qMax(first, last) - nowS)));
        } else {
            parts.append(tr("issued %1 ago, last used %2 ago (maxidle/maxlife dates)")
                             .arg(durationText(nowS - first), durationText(nowS - last)));
        }
    }
    if (c.fromSetCookie) {
        if (c.maxAge) {
            if (*c.maxAge <= 0)
                parts.append(tr("deletes the cookie (Max-Age=%1)").arg(*c.maxAge));
            else
                parts.append(
                    tr("expires in %1 (Max-Age=%2)").arg(durationText(*c.maxAge)).arg(*c.maxAge));
        } else if (c.expires) {
            const qint64 left = c.expires->toSecsSinceEpoch() - nowS;
            const QString when = c.expires->toString(Qt::ISODate);
            if (left <= 0)
                parts.append(
                    tr("expired %1 ago (%2): deletes the cookie").arg(durationText(left), when));
            else
                parts.append(tr("expires in %1 (%2)").arg(durationText(left), when));
        } else {
            parts.append(tr("session cookie: until the browser closes"));
        }
    }
    return parts.join("; "_L1);
}

} // namespace Limpet
