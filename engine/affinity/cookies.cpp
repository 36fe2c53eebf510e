#include "affinity/cookies.h"

namespace Limpet::Cookies {

namespace {

bool isCookieHeader(const HttpHead &h, const HttpHead::Field &f)
{
    return !f.removed && h.view(f.name).compare("cookie", Qt::CaseInsensitive) == 0;
}

bool isSetCookieHeader(const HttpHead &h, const HttpHead::Field &f)
{
    return !f.removed && h.view(f.name).compare("set-cookie", Qt::CaseInsensitive) == 0;
}

/// Calls fn(name, value, pair) for each `name=value` pair of a Cookie header value.
template <typename Fn>
void forEachPair(QByteArrayView header, Fn &&fn)
{
    while (!header.isEmpty()) {
        const qsizetype semi = header.indexOf(';');
        const QByteArrayView pair = semi < 0 ? header : header.first(semi);
        const QByteArrayView t = pair.trimmed();
        const qsizetype eq = t.indexOf('=');
        if (eq > 0)
            fn(t.first(eq).trimmed(), t.sliced(eq + 1).trimmed(), t);
        else if (!t.isEmpty())
            fn(t, QByteArrayView(), t);
        header = semi < 0 ? QByteArrayView() : header.sliced(semi + 1);
    }
}

} // namespace

std::optional<QByteArray> find(const HttpHead &request, QByteArrayView name)
{
    for (const HttpHead::Field &f : request.fields) {
        if (!isCookieHeader(request, f))
            continue;
        std::optional<QByteArray> found;
        forEachPair(request.view(f.value), [&](QByteArrayView n, QByteArrayView v, QByteArrayView) {
            if (!found && n == name)
                found = v.toByteArray();
        });
        if (found)
            return found;
    }
    return std::nullopt;
}

bool strip(HttpHead &request, QByteArrayView name)
{
    bool removedAny = false;
    const qsizetype count = request.fields.size();
    for (qsizetype i = 0; i < count; ++i) {
        HttpHead::Field &f = request.fields[i];
        if (!isCookieHeader(request, f))
            continue;
        bool has = false;
        forEachPair(request.view(f.value),
            [&](QByteArrayView n, QByteArrayView, QByteArrayView) { has = has || n == name; });
        if (!has)
            continue;
        QByteArray rest;
        forEachPair(
            request.view(f.value), [&](QByteArrayView n, QByteArrayView, QByteArrayView pair) {
                if (n == name)
                    return;
                if (!rest.isEmpty())
                    rest.append("; ");
                rest.append(pair);
            });
        request.fields[i].removed = true;
        if (!rest.isEmpty())
            request.addHeader("Cookie", rest);
        removedAny = true;
    }
    return removedAny;
}

bool rewrite(HttpHead &request, QByteArrayView name, const ValueEdit &edit)
{
    bool rewroteAny = false;
    const qsizetype count = request.fields.size();
    for (qsizetype i = 0; i < count; ++i) {
        const HttpHead::Field &f = request.fields.at(i);
        if (!isCookieHeader(request, f))
            continue;
        bool changed = false;
        QByteArray rebuilt;
        forEachPair(
            request.view(f.value), [&](QByteArrayView n, QByteArrayView v, QByteArrayView pair) {
                if (!rebuilt.isEmpty())
                    rebuilt.append("; ");
                std::optional<QByteArray> replacement;
                if (n == name)
                    replacement = edit(v);
                if (replacement) {
                    rebuilt.append(n).append('=').append(*replacement);
                    changed = true;
                } else {
                    rebuilt.append(pair);
                }
            });
        if (!changed)
            continue;
        request.fields[i].removed = true;
        request.addHeader("Cookie", rebuilt);
        rewroteAny = true;
    }
    return rewroteAny;
}

QByteArrayView unquoted(QByteArrayView value)
{
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
        return value.sliced(1, value.size() - 2);
    return value;
}

std::optional<SetCookie> parseSetCookie(QByteArrayView header)
{
    const qsizetype semi = header.indexOf(';');
    const QByteArrayView pair = semi < 0 ? header : header.first(semi);
    const qsizetype eq = pair.indexOf('=');
    if (eq < 0)
        return std::nullopt;
    SetCookie cookie;
    cookie.name = pair.first(eq).trimmed();
    if (cookie.name.isEmpty())
        return std::nullopt;
    cookie.value = pair.sliced(eq + 1).trimmed();
    cookie.attributes = semi < 0 ? QByteArrayView() : header.sliced(semi);
    return cookie;
}

QList<QByteArray> setCookieValues(const HttpHead &response, QByteArrayView name)
{
    QList<QByteArray> values;
    for (const HttpHead::Field &f : response.fields) {
        if (!isSetCookieHeader(response, f))
            continue;
        const std::optional<SetCookie> cookie = parseSetCookie(response.view(f.value));
        if (cookie && cookie->name == name)
            values.append(cookie->value.toByteArray());
    }
    return values;
}

QList<QByteArray> rewriteSetCookies(HttpHead &response, QByteArrayView name, const ValueEdit &edit)
{
    QList<QByteArray> rewritten;
    const qsizetype count = response.fields.size();
    for (qsizetype i = 0; i < count; ++i) {
        const HttpHead::Field &f = response.fields.at(i);
        if (!isSetCookieHeader(response, f))
            continue;
        const std::optional<SetCookie> cookie = parseSetCookie(response.view(f.value));
        if (!cookie || cookie->name != name)
            continue;
        const std::optional<QByteArray> replacement = edit(cookie->value);
        if (!replacement)
            continue;
        QByteArray header;
        header.append(cookie->name).append('=').append(*replacement).append(cookie->attributes);
        response.fields[i].removed = true;
        response.addHeader("Set-Cookie", header);
        rewritten.append(header);
    }
    return rewritten;
}

} // namespace Limpet::Cookies
