#pragma once

#include "http/httphead.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace Limpet::Cookies {

/// Value of the first cookie called `name` in the request's Cookie headers
/// (RFC 6265 `name=value; name2=value2`), or empty optional when there is none.
[[nodiscard]] std::optional<QByteArray> find(const HttpHead &request, QByteArrayView name);
/// Removes every cookie called `name` from the request; a Cookie header left empty is dropped.
/// Returns whether anything was removed.
bool strip(HttpHead &request, QByteArrayView name);

/// Edits one cookie value: returns the replacement, or an empty optional to keep it as it is.
using ValueEdit = std::function<std::optional<QByteArray>(QByteArrayView value)>;

/// Rewrites the value of every cookie called `name` in the request's Cookie headers with `edit`;
/// the other cookies of those headers are kept as received (a rewritten header moves to the end
/// of the head). Returns whether any value was replaced.
bool rewrite(HttpHead &request, QByteArrayView name, const ValueEdit &edit);

/// `value` without the double quotes around it (RFC 6265 allows `name="value"`; Zope sets them),
/// or `value` itself when it is not quoted.
[[nodiscard]] QByteArrayView unquoted(QByteArrayView value);

/// One Set-Cookie header value split up (views into that value): `name=value` and the
/// attributes after it, from their leading ';' (empty when there are none).
struct SetCookie
{
    QByteArrayView name;
    QByteArrayView value;
    QByteArrayView attributes;
};

/// Splits a Set-Cookie value; an empty optional when it has no `name=` (RFC 6265 5.2: ignored).
[[nodiscard]] std::optional<SetCookie> parseSetCookie(QByteArrayView header);
/// The values of the Set-Cookie headers called `name` the response carries, in order (an empty
/// value is a delete cookie, `name=; Expires=...`). Headers added by Limpet are not included.
[[nodiscard]] QList<QByteArray> setCookieValues(const HttpHead &response, QByteArrayView name);
/// Rewrites the value of every Set-Cookie called `name` the response carries with `edit`,
/// keeping its attributes as the backend sent them (a rewritten header moves to the end of the
/// head). Returns the rewritten header values, in order.
QList<QByteArray> rewriteSetCookies(HttpHead &response, QByteArrayView name, const ValueEdit &edit);

} // namespace Limpet::Cookies
