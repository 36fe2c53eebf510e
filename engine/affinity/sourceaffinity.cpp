#include "affinity/sourceaffinity.h"

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// IPv4-mapped IPv6 (::ffff:a.b.c.d, what a dual-stack socket reports) as plain IPv4.
QHostAddress normalized(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool isV4 = false;
        const quint32 v4 = address.toIPv4Address(&isV4);
        if (isV4)
            return QHostAddress(v4);
    }
    return address;
}

/// One X-Forwarded-For entry: "a.b.c.d", "a.b.c.d:port", "v6", "[v6]", "[v6]:port".
/// A null address when it is none of these ("unknown", obfuscated identifiers...).
QHostAddress parseEntry(QByteArrayView entry)
{
    QByteArrayView text = entry.trimmed();
    if (text.startsWith('[')) {
        const qsizetype close = text.indexOf(']');
        if (close < 0)
            return {};
        text = text.sliced(1, close - 1);
    } else if (text.count(':') == 1) {
        text = text.first(text.indexOf(':'));
    }
    QHostAddress address;
    if (text.isEmpty() || !address.setAddress(QString::fromLatin1(text)))
        return {};
    return normalized(address);
}

} // namespace

SourceAffinity::SourceAffinity(const StickyConfig &config)
    : m_trustedProxies(config.trustedProxies)
{ }

QString SourceAffinity::name() const
{
    return u"source"_s;
}

bool SourceAffinity::isTrusted(const QHostAddress &address) const
{
    for (const Cidr &cidr : m_trustedProxies) {
        if (cidr.contains(address))
            return true;
    }
    return false;
}

QHostAddress SourceAffinity::clientOf(const HttpHead &head, const QHostAddress &peer) const
{
    QHostAddress client = normalized(peer);
    if (client.isNull() || !isTrusted(client))
        return client;

    QList<QByteArrayView> entries;
    for (const HttpHead::Field &f : head.fields) {
        if (f.removed || head.view(f.name).compare("x-forwarded-for", Qt::CaseInsensitive) != 0)
            continue;
        QByteArrayView rest = head.view(f.value);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            entries.append(comma < 0 ? rest : rest.first(comma));
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
        }
    }
    // From the right: each trusted hop vouches for the address to its left. The first address
    // that is not a trusted proxy is the client; an entry that is no address ends the walk at
    // the last hop that could be read.
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const QHostAddress hop = parseEntry(entries.at(i));
        if (hop.isNull())
            break;
        client = hop;
        if (!isTrusted(hop))
            break;
    }
    return client;
}

AffinityLookup SourceAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    result.missReason = ReasonCode::HashKeyAbsent;
    result.hitReason = ReasonCode::Hash;
    const QHostAddress client = clientOf(request.head, request.client);
    if (client.isNull()) {
        result.detail = u"no client address"_s;
        return result;
    }
    result.keySeen = client.toString().toLatin1();
    result.hashKey = result.keySeen;
    result.detail = u"client address %1"_s.arg(client.toString());
    return result;
}

} // namespace Limpet
