#include "affinity/domainaffinity.h"

using namespace Qt::StringLiterals;

namespace Limpet {

QString DomainAffinity::name() const
{
    return u"domain"_s;
}

QByteArray DomainAffinity::hostName(QByteArrayView host)
{
    QByteArrayView name = host.trimmed();
    if (name.startsWith('[')) {
        const qsizetype close = name.indexOf(']');
        name = close < 0 ? name : name.first(close + 1);
    } else if (const qsizetype colon = name.indexOf(':'); colon >= 0) {
        name = name.first(colon);
    }
    while (name.endsWith('.'))
        name.chop(1);
    return name.toByteArray().toLower();
}

AffinityLookup DomainAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    result.missReason = ReasonCode::HashKeyAbsent;
    result.hitReason = ReasonCode::Hash;
    const std::optional<QByteArrayView> host = request.head.header("host");
    const QByteArray key = host ? hostName(*host) : QByteArray();
    if (key.isEmpty()) {
        result.detail = u"no Host header"_s;
        return result;
    }
    result.keySeen = key;
    result.hashKey = key;
    result.detail = u"host %1"_s.arg(QString::fromLatin1(key));
    return result;
}

} // namespace Limpet
