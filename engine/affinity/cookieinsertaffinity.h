#pragma once

#include "affinity/affinitymode.h"

#include <QHash>
#include <QReadWriteLock>

namespace Limpet {

/// Mode `insert` (HAProxy `cookie insert`, Perlbal SessionAffinity, the Apache `_bes` recipe):
/// Limpet sets its own cookie naming the backend, and removes it from requests before they reach
/// the backend (`indirect`, the default).
///
/// The cookie value is `<value>[|<last-seen>|<first-seen>][.<signature>]`:
/// - `<value>` by `value`: `masked` (default) `3f9a0c1d-app1-77b2e410`, random hex around the
///   route, so each session has its own key and no address is revealed; `route` the backend's
///   route as is (HAProxy `cookie s1`); `hash` the hex SHA-1 of salt + "ip:port" (Perlbal), the
///   same across restarts when the salt is fixed;
/// - dates, when `maxidle` or `maxlife` is set: epoch seconds in base 36 (HAProxy style). A
///   cookie idle longer than maxidle, older than maxlife, or dated more than a day ahead is
///   expired; a valid one is refreshed in the response once half of maxidle has passed; a cookie
///   without dates (issued before they were configured) is accepted and gets dates;
/// - signature, when `sign`: base64url HMAC-SHA256(secret, everything before the '.').
///
/// A request cookie that is not such a value is `cookie-malformed`, a wrong or missing signature
/// `cookie-invalid-signature`, a date past its limit `cookie-expired`: all three are treated as
/// absent and re-issued. A value that decodes to a route naming no backend returns that route
/// (the pool reports `cookie-unknown-backend`).
///
/// In responses the cookie is set when the pool chose a new key or a refresh is due, with
/// `Path`, `Domain`, `Max-Age`, `Secure`, `HttpOnly`, `SameSite`; `nocache` adds
/// `Cache-Control: private` when the backend sent none. A Set-Cookie of the same name from the
/// backend is removed (HAProxy), unless `preserve`: then it is kept and Limpet adds none.
///
/// Thread safety: lookup/newKey/onResponse are called from every worker; the only shared state is
/// the hash → route table of `value = hash`, guarded by m_hashLock.
class CookieInsertAffinity final : public AffinityMode
{
public:
    explicit CookieInsertAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;
    [[nodiscard]] QByteArray newKey(const Backend &backend, qint64 nowMs) const override;
    [[nodiscard]] bool issuesKeys() const override { return true; }
    QByteArray onResponse(AffinityResponse &response) override;

    /// Tells the mode a backend of its pool exists, so that a `value = hash` cookie naming it
    /// (issued by an earlier process, or by another Limpet with the same salt) is recognised
    /// before this process has issued one itself. Pool calls it for each backend when it is
    /// built and when a backend is added. A no-op for the other value styles. Any thread.
    void knowBackend(const Backend &backend) override;

    /// The route inside a `value = masked` value (`<8 hex>-<route>-<8 hex>`), or empty optional
    /// when it is not one.
    [[nodiscard]] static std::optional<QByteArray> decode(QByteArrayView value);
    /// Hex SHA-1 of salt + address ("ip:port", "[v6]:port"): the `value = hash` of a backend.
    [[nodiscard]] static QByteArray backendHash(QByteArrayView salt, const Endpoint &address);

private:
    enum class Style {
        Masked,
        Route,
        Hash
    };
    enum class Status {
        Ok,
        Malformed,
        InvalidSignature,
        Expired
    };
    /// A request cookie taken apart. `value` is the part naming the backend; dates are 0 when the
    /// cookie carries none.
    struct Parsed
    {
        Status status = Status::Malformed;
        QByteArray value;
        qint64 lastSeen = 0;
        qint64 firstSeen = 0;
        bool dated = false;
    };

    [[nodiscard]] bool dated() const { return m_maxIdle || m_maxLife; }
    /// Checks signature, dates and form of a cookie value at `nowSeconds`.
    [[nodiscard]] Parsed parse(QByteArrayView cookieValue, qint64 nowSeconds) const;
    /// The route a well-formed `value` names, empty optional when it has not the form of `m_style`.
    [[nodiscard]] std::optional<QByteArray> routeOf(QByteArrayView value) const;
    /// `value` with dates (when configured) and signature (when signing) appended.
    [[nodiscard]] QByteArray seal(const QByteArray &value, qint64 lastSeen, qint64 firstSeen) const;
    [[nodiscard]] QByteArray signature(QByteArrayView payload) const;
    /// The Set-Cookie value for a cookie value, with the configured attributes.
    [[nodiscard]] QByteArray setCookie(const QByteArray &value) const;
    /// The cookie value to send again for a kept session, or empty when no refresh is due.
    [[nodiscard]] QByteArray refreshed(const QByteArray &keySeen, qint64 nowSeconds) const;

    QByteArray m_cookie;
    Style m_style = Style::Masked;
    QByteArray m_salt;
    QByteArray m_secret; ///< empty: cookies are not signed
    QByteArray m_attributes; ///< "; Path=/; HttpOnly..." appended to every Set-Cookie
    bool m_indirect = true;
    bool m_nocache = false;
    bool m_preserve = false;
    qint64 m_maxIdle = 0; ///< seconds; 0: not checked
    qint64 m_maxLife = 0; ///< seconds; 0: not checked

    mutable QReadWriteLock m_hashLock;
    mutable QHash<QByteArray, QByteArray> m_routeByHash; ///< value = hash; guarded by m_hashLock
};

} // namespace Limpet
