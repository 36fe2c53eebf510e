#include "affinity/affinitymode.h"

#include "affinity/cookieinsertaffinity.h"
#include "affinity/cookieprefixaffinity.h"
#include "affinity/domainaffinity.h"
#include "affinity/headeraffinity.h"
#include "affinity/learnaffinity.h"
#include "affinity/noaffinity.h"
#include "affinity/paramaffinity.h"
#include "affinity/routeaffinity.h"
#include "affinity/sourceaffinity.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace Limpet {

std::unique_ptr<AffinityMode> makeAffinityMode(const StickyConfig &sticky)
{
    if (sticky.mode == "none"_L1)
        return std::make_unique<NoAffinity>();
    if (sticky.mode == "prefix"_L1)
        return std::make_unique<CookiePrefixAffinity>(sticky);
    if (sticky.mode == "route"_L1)
        return std::make_unique<RouteAffinity>(sticky);
    if (sticky.mode == "learn"_L1)
        return std::make_unique<LearnAffinity>(sticky);
    if (sticky.mode == "source"_L1)
        return std::make_unique<SourceAffinity>(sticky);
    if (sticky.mode == "domain"_L1)
        return std::make_unique<DomainAffinity>();
    if (sticky.mode == "header"_L1)
        return std::make_unique<HeaderAffinity>(sticky);
    if (sticky.mode == "param"_L1)
        return std::make_unique<ParamAffinity>(sticky);
    return std::make_unique<CookieInsertAffinity>(sticky);
}

QByteArray randomHex(int digits)
{
    const quint64 r = QRandomGenerator::global()->generate64();
    return QByteArray::number(r, 16).rightJustified(16, '0').right(digits);
}

quint64 stableHash(QByteArrayView value)
{
    const QByteArray digest = QCryptographicHash::hash(value, QCryptographicHash::Sha1);
    return qFromBigEndian<quint64>(digest.constData());
}

} // namespace Limpet
