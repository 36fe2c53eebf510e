#include "http/httphead.h"

namespace Limpet {

namespace {

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && (v.front() == ' ' || v.front() == '\t'))
        v = v.sliced(1);
    while (!v.isEmpty() && (v.back() == ' ' || v.back() == '\t'))
        v.chop(1);
    return v;
}

} // namespace

std::optional<QByteArrayView> HttpHead::header(QByteArrayView name) const
{
    for (const Field &f : fields) {
        if (!f.removed && equalsIgnoreCase(view(f.name), name))
            return view(f.value);
    }
    return std::nullopt;
}

bool HttpHead::headerHasToken(QByteArrayView name, QByteArrayView token) const
{
    for (const Field &f : fields) {
        if (f.removed || !equalsIgnoreCase(view(f.name), name))
            continue;
        QByteArrayView rest = view(f.value);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            const QByteArrayView item = comma < 0 ? rest : rest.first(comma);
            if (equalsIgnoreCase(trimmed(item), token))
                return true;
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
        }
    }
    return false;
}

qsizetype HttpHead::removeHeader(QByteArrayView name)
{
    qsizetype n = 0;
    for (Field &f : fields) {
        if (!f.removed && equalsIgnoreCase(view(f.name), name)) {
            f.removed = true;
            ++n;
        }
    }
    return n;
}

void HttpHead::addHeader(QByteArrayView name, QByteArrayView value)
{
    QByteArray line;
    line.reserve(name.size() + value.size() + 2);
    line.append(name).append(": ").append(value);
    added.append(line);
}

void HttpHead::removeHopByHop(bool keepUpgrade)
{
    // Headers named by Connection are hop-by-hop too.
    QList<QByteArray> named;
    for (const Field &f : fields) {
        if (f.removed || !equalsIgnoreCase(view(f.name), "connection"))
            continue;
        QByteArrayView rest = view(f.value);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            const QByteArrayView item = trimmed(comma < 0 ? rest : rest.first(comma));
            if (!item.isEmpty() && !equalsIgnoreCase(item, "close")
                && !equalsIgnoreCase(item, "keep-alive") && !equalsIgnoreCase(item, "upgrade"))
                named.append(item.toByteArray());
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
        }
    }
    for (const QByteArray &n : named) {
        if (!equalsIgnoreCase(n, "transfer-encoding") && !equalsIgnoreCase(n, "content-length"))
            removeHeader(n);
    }
    removeHeader("connection");
    removeHeader("keep-alive");
    removeHeader("proxy-connection");
    removeHeader("te");
    removeHeader("trailer");
    if (!keepUpgrade)
        removeHeader("upgrade");
}

void HttpHead::appendFields(QByteArray &out) const
{
    for (const Field &f : fields) {
        if (f.removed)
            continue;
        out.append(view(f.name)).append(": ").append(view(f.value)).append("\r\n");
    }
    for (const QByteArray &line : added)
        out.append(line).append("\r\n");
    out.append("\r\n");
}

QByteArray HttpHead::serializeRequest() const
{
    QByteArray out;
    out.reserve(raw.size() + 256);
    out.append(method).append(' ').append(targetView()).append(" HTTP/1.1\r\n");
    appendFields(out);
    return out;
}

QByteArray HttpHead::serializeResponse() const
{
    QByteArray out;
    out.reserve(raw.size() + 256);
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(view(reason))
        .append("\r\n");
    appendFields(out);
    return out;
}

} // namespace Limpet
