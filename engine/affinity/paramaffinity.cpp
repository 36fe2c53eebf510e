#include "affinity/paramaffinity.h"

using namespace Qt::StringLiterals;

namespace Limpet {

ParamAffinity::ParamAffinity(const StickyConfig &config)
    : m_param(config.param.toUtf8())
{ }

QString ParamAffinity::name() const
{
    return u"param"_s;
}

std::optional<QByteArray> ParamAffinity::queryValue(QByteArrayView target, QByteArrayView name)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return std::nullopt;
    QByteArrayView query = target.sliced(question + 1);
    if (const qsizetype hash = query.indexOf('#'); hash >= 0)
        query = query.first(hash);
    while (!query.isEmpty()) {
        const qsizetype amp = query.indexOf('&');
        const QByteArrayView pair = amp < 0 ? query : query.first(amp);
        const qsizetype eq = pair.indexOf('=');
        if (eq >= 0 && pair.first(eq) == name)
            return pair.sliced(eq + 1).toByteArray();
        query = amp < 0 ? QByteArrayView() : query.sliced(amp + 1);
    }
    return std::nullopt;
}

AffinityLookup ParamAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    result.missReason = ReasonCode::HashKeyAbsent;
    result.hitReason = ReasonCode::Hash;
    const QString param = QString::fromUtf8(m_param);
    const std::optional<QByteArray> value = queryValue(request.head.targetView(), m_param);
    if (!value || value->isEmpty()) {
        result.detail = u"no query parameter %1"_s.arg(param);
        return result;
    }
    result.keySeen = *value;
    result.hashKey = *value;
    result.detail
        = u"found value %1 for query parameter %2"_s.arg(QString::fromLatin1(*value), param);
    return result;
}

} // namespace Limpet
