#include "affinity/cookies.h"

namespace Limpet::Cookies {

namespace {

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

bool isCookieHeader(const HttpHead &h, const HttpHead::Field &f)
{
    return !f.removed && h.view(f.name).compare("cookie", Qt::CaseInsensitive) == 0;
}

/// Calls fn(name, value, pair) for each `name=value` pair of a Cookie header value.
template<typename Fn>
void forEachPair(QByteArrayView header, Fn &&fn)
{
    while (!header.isEmpty()) {
        const qsizetype semi = header.indexOf(';');
        const QByteArrayView pair = semi < 0 ? header : header.first(semi);
        const QByteArrayView t = trimmed(pair);
        const qsizetype eq = t.indexOf('=');
        if (eq > 0)
            fn(trimmed(t.first(eq)), trimmed(t.sliced(eq + 1)), t);
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
        forEachPair(request.view(f.value), [&](QByteArrayView n, QByteArrayView, QByteArrayView pair) {
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

} // namespace Limpet::Cookies
