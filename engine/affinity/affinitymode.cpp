#include "affinity/affinitymode.h"

#include "affinity/cookieinsertaffinity.h"
#include "affinity/noaffinity.h"

#include <QCryptographicHash>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Limpet {

std::unique_ptr<AffinityMode> makeAffinityMode(const StickyConfig &sticky)
{
    if (sticky.mode == "none"_L1)
        return std::make_unique<NoAffinity>();
    return std::make_unique<CookieInsertAffinity>(sticky);
}

quint64 stableHash(QByteArrayView value)
{
    const QByteArray digest = QCryptographicHash::hash(value, QCryptographicHash::Sha1);
    return qFromBigEndian<quint64>(digest.constData());
}

} // namespace Limpet
