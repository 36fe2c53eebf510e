#include "http/httphead.h"

namespace Limpet {

namespace {

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

/// Calls fn(item) for each trimmed item of a comma-separated header value (RFC 9110 5.6.1).
template <typename Fn>
void forEachListItem(QByteArrayView value, Fn &&fn)
{
    while (!value.isEmpty()) {
        const qsizetype comma = value.indexOf(',');
        fn((comma < 0 ? value : value.first(comma)).trimmed());
        value = comma < 0 ? QByteArrayView() : value.sliced(comma + 1);
    }
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
        bool found = false;
        forEachListItem(view(f.value),
            [&](QByteArrayView item) { found = found || equalsIgnoreCase(item, token); });
        if (found)
            return true;
    }
    return false;
}

qsizetype HttpHead::removeHeader(QByteArrayView name)
{
    return removeHeaders({name});
}

qsizetype HttpHead::removeHeaders(std::initializer_list<QByteArrayView> names)
{
    qsizetype n = 0;
    for (Field &f : fields) {
        if (f.removed)
            continue;
        const QByteArrayView fieldName = view(f.name);
        for (QByteArrayView name : names) {
            if (equalsIgnoreCase(fieldName, name)) {
                f.removed = true;
                ++n;
                break;
            }
        }
    }
    return n;
}

void HttpHead::addHeader(QByteArrayView name, QByteArrayView value)
{
    if (added.isEmpty())
        added.reserve(256);
    added.append(name).append(": ").append(value).append("\r\n");
}

void HttpHead::removeHopByHop(bool keepUpgrade)
{
    // Headers named by Connection are hop-by-hop too.
    QList<QByteArray> named;
    for (const Field &f : fields) {
        if (f.removed || !equalsIgnoreCase(view(f.name), "connection"))
            continue;
        forEachListItem(view(f.value), [&](QByteArrayView item) {
            if (!item.isEmpty() && !equalsIgnoreCase(item, "close")
                && !equalsIgnoreCase(item, "keep-alive") && !equalsIgnoreCase(item, "upgrade"))
                named.append(item.toByteArray());
        });
    }
    for (const QByteArray &n : named) {
        if (!equalsIgnoreCase(n, "transfer-encoding") && !equalsIgnoreCase(n, "content-length"))
            removeHeader(n);
    }
    if (keepUpgrade)
        removeHeaders({"connection", "keep-alive", "proxy-connection", "te", "trailer"});
    else
        removeHeaders({"connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade"});
}

namespace {

/// Appends bytes to a buffer sized in advance: no capacity checks per piece.
class Writer
{
public:
    explicit Writer(char *at)
        : m_at(at)
    { }
    Writer &put(QByteArrayView v)
    {
        if (!v.isEmpty())
            memcpy(m_at, v.data(), static_cast<size_t>(v.size()));
        m_at += v.size();
        return *this;
    }
    [[nodiscard]] char *position() const { return m_at; }

private:
    char *m_at;
};

} // namespace

qsizetype HttpHead::fieldsSize() const
{
    qsizetype n = 2; // final CRLF
    for (const Field &f : fields) {
        if (!f.removed)
            n += f.name.length + f.value.length + 4;
    }
    n += added.size();
    return n;
}

char *HttpHead::writeFields(char *at) const
{
    Writer w(at);
    for (const Field &f : fields) {
        if (!f.removed)
            w.put(view(f.name)).put(": ").put(view(f.value)).put("\r\n");
    }
    w.put(added);
    w.put("\r\n");
    return w.position();
}

QByteArray HttpHead::serializeRequest() const
{
    const QByteArrayView t = targetView();
    const qsizetype size = method.size() + 1 + t.size() + 11 + fieldsSize();
    QByteArray out(size, Qt::Uninitialized);
    Writer w(out.data());
    w.put(method).put(" ").put(t).put(" HTTP/1.1\r\n");
    const char *end = writeFields(w.position());
    Q_ASSERT(end == out.constData() + size);
    Q_UNUSED(end);
    return out;
}

QByteArray HttpHead::serializeResponse() const
{
    char code[12];
    const int codeLength = qsnprintf(code, sizeof code, "%d", status);
    const QByteArrayView r = view(reason);
    const qsizetype size = 9 + codeLength + 1 + r.size() + 2 + fieldsSize();
    QByteArray out(size, Qt::Uninitialized);
    Writer w(out.data());
    w.put("HTTP/1.1 ").put(QByteArrayView(code, codeLength)).put(" ").put(r).put("\r\n");
    const char *end = writeFields(w.position());
    Q_ASSERT(end == out.constData() + size);
    Q_UNUSED(end);
    return out;
}

} // namespace Limpet
