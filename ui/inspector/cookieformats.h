#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Limpet {

/// What the inspector knows of one pool's affinity. The engine snapshot names the pool and its
/// mode but not its cookie: the view fills cookieName from the Set-Cookie headers it saw in
/// decisions (empty when it has seen none).
struct PoolHint
{
    QString pool;
    QString mode; ///< insert, prefix, route, learn, ... (engine/README.md)
    QString cookieName; ///< insert: Limpet's cookie; prefix, route, learn: the application's
};

/// One backend the inspector knows, so that hashed values (Limpet `value = hash`, Perlbal,
/// nginx sticky, Traefik) can be matched to it.
struct BackendHint
{
    QString pool;
    QString name;
    QString route;
    QString address; ///< "10.0.0.1:80" or "[::1]:80"
};

/// The formats a balancer cookie can have: Limpet's own, and those of the balancers a user
/// migrates from (their values may still be in browsers on the day of the switch).
enum class CookieFormat {
    LimpetMasked, ///< insert, value = masked: `3f9a0c1d-app1-77b2e410`
    LimpetRoute, ///< insert, value = route: `app1`
    LimpetHash, ///< insert, value = hash: hex SHA-1 of salt + "ip:port"
    LimpetMalformed, ///< the name of a Limpet insert cookie, but no value Limpet issues
    LimpetPrefix, ///< mode prefix: `app1~<application value>`
    LimpetRouteMode, ///< mode route: `<application value>.app1`
    LimpetLearned, ///< mode learn: the application's own cookie, its backend learnt
    HAProxyInsert, ///< `SERVERID=s1`: the server's cookie name, in clear
    HAProxyPrefix, ///< `JSESSIONID=s1~abc`
    ApacheRoute, ///< mod_proxy_balancer: `JSESSIONID=abc.node1`, `BALANCEID=balancer.www1`
    NginxSticky, ///< nginx sticky module: hex MD5 of the server's address
    TraefikUrl, ///< Traefik: the server's URL, `http://10.0.0.1:80`
    TraefikHash, ///< newer Traefik: a hex hash of the server's URL
    EnvoyBase64, ///< Envoy stateful session: base64 of "ip:port", quoted
    PerlbalSha1, ///< Perlbal SessionAffinity `X-SERVERID`: hex SHA-1 of salt + ip:port
    PlainAddress, ///< a backend address in clear: `10.0.0.1:8080`
};

/// One thing a cookie value may be.
struct CookieReading
{
    CookieFormat format = CookieFormat::PlainAddress;
    QString pool; ///< the Limpet pool whose hint matched the cookie's name, if any
    QString route; ///< the route or server name it names; empty when it cannot be told
    QString backend; ///< a known backend it names (route, address or hash matched)
    QString address; ///< an address the value reveals ("10.0.0.1:80"), empty if none
    QString decoded; ///< for people: what the value says
    bool byName = false; ///< the cookie's name fits too (a pool hint, the balancer's default)
};

/// One cookie of the pasted text, with its Set-Cookie attributes when it came from one.
struct InspectedCookie
{
    QString name;
    QString value; ///< as pasted, quotes kept
    bool fromSetCookie = false;
    QList<CookieReading> readings; ///< most likely first; empty: no balancer format fits
    bool signedValue = false; ///< a Limpet insert value carrying an HMAC signature
    std::optional<QDateTime> lastSeen; ///< Limpet dates (maxidle / maxlife), UTC
    std::optional<QDateTime> firstSeen;

    // Set-Cookie attributes; a null QString: the attribute is absent.
    QString domain;
    QString path;
    QString sameSite;
    bool secure = false;
    bool httpOnly = false;
    std::optional<qint64> maxAge; ///< seconds
    std::optional<QDateTime> expires;
};

/// Something in a cookie that breaks stickiness, in one line.
struct CookieWarning
{
    enum class Kind {
        SameSiteNoneWithoutSecure,
        NarrowPath,
        DomainMismatch,
        InternalAddress,
    };
    Kind kind = Kind::NarrowPath;
    QString cookie; ///< the cookie's name
    QString text;
};

/// What the inspector found in a pasted text.
struct CookieReport
{
    enum class Input {
        Empty, ///< nothing that looks like a cookie
        CookieHeader, ///< `Cookie: a=b; c=d`, or just `a=b; c=d`
        SetCookie, ///< one or more `Set-Cookie:` lines (or a raw response)
        Request, ///< a whole raw HTTP request
    };
    Input input = Input::Empty;
    QString method; ///< from a raw request, else empty
    QString host; ///< from a raw request (its Host), else empty
    QString target; ///< from a raw request (its target in origin form), else empty
    QString path; ///< from a raw request (its target without query), else empty
    QList<InspectedCookie> cookies;
    QList<CookieWarning> warnings;
    /// The Cookie header a browser holding these cookies would send (for the dry run).
    QByteArray cookieHeader;
};

/// Reads pasted cookie text and tells what each cookie is: pure functions, no widgets, no
/// network; the signature of a signed Limpet cookie is left to the instance (it alone knows the
/// secret).
class CookieFormats final
{
    Q_DECLARE_TR_FUNCTIONS(Limpet::CookieFormats)

public:
    /// What the text is read against: the host and application path the user gave (empty:
    /// unknown; a raw request's own Host and path fill them when empty), what the view knows of
    /// the pools and backends, and the time to compute ages at.
    struct Context
    {
        QString host;
        QString appPath;
        QList<PoolHint> pools;
        QList<BackendHint> backends;
        QDateTime now = QDateTime::currentDateTimeUtc();
    };

    /// Reads `text`: a `Cookie:` header (with or without its name), `Set-Cookie:` lines (with or
    /// without their name; attributes tell them apart), a raw HTTP request (its Cookie headers,
    /// Host and path) or a raw response (its Set-Cookie headers). Never fails: text it cannot
    /// read gives an Empty report.
    [[nodiscard]] static CookieReport inspect(const QString &text, const Context &context);

    /// What a cookie `name=value` may be, most likely first; empty when no format fits.
    [[nodiscard]] static QList<CookieReading> recognise(
        const QString &name, const QString &value, const Context &context);

    /// The warnings of one cookie, for the host and path of `context`.
    [[nodiscard]] static QList<CookieWarning> warnings(
        const InspectedCookie &cookie, const Context &context);

    /// For people: "HAProxy insert", "Limpet insert (masked)", ...
    [[nodiscard]] static QString formatName(CookieFormat format);
    /// For the Signature column: signed (checked by the instance), not signed, or empty for a
    /// cookie that is not Limpet's.
    [[nodiscard]] static QString signatureText(const InspectedCookie &cookie);
    /// For the Age / expiry column: the Limpet dates and the Set-Cookie lifetime, at `now`.
    [[nodiscard]] static QString ageText(const InspectedCookie &cookie, const QDateTime &now);
    /// "45 s", "3 min", "2 h", "4 days".
    [[nodiscard]] static QString durationText(qint64 seconds);
};

} // namespace Limpet
