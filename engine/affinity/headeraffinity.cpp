#include "affinity/headeraffinity.h"

using namespace Qt::StringLiterals;

namespace Limpet {

HeaderAffinity::HeaderAffinity(const StickyConfig &config)
    : m_header(config.header.toLatin1())
{ }

QString HeaderAffinity::name() const
{
    return u"header"_s;
}

AffinityLookup HeaderAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    result.missReason = ReasonCode::HashKeyAbsent;
    result.hitReason = ReasonCode::Hash;
    const QString header = QString::fromLatin1(m_header);
    const std::optional<QByteArrayView> value = request.head.header(m_header);
    const QByteArrayView key = value ? value->trimmed() : QByteArrayView();
    if (key.isEmpty()) {
        result.detail = u"no header %1"_s.arg(header);
        return result;
    }
    result.keySeen = key.toByteArray();
    result.hashKey = result.keySeen;
    result.detail = u"found value %1 for header %2"_s.arg(QString::fromLatin1(key), header);
    return result;
}

} // namespace Limpet
