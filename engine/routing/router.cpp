#include "routing/router.h"

namespace Limpet {

Router::Router(QList<PoolPtr> pools)
    : m_pools(std::move(pools))
{ }

bool Router::prefixMatches(QByteArrayView pattern, QByteArrayView path)
{
    if (pattern.isEmpty() || pattern == "/")
        return true;
    QByteArrayView p = pattern;
    if (p.endsWith('/'))
        p.chop(1);
    if (!path.startsWith(p))
        return false;
    if (path.size() == p.size())
        return true;
    const char next = path.at(p.size());
    return next == '/' || next == '?' || next == ';' || next == '#';
}

Router::Result Router::select(QByteArrayView host, QByteArrayView target) const
{
    QByteArrayView hostName = host;
    if (const qsizetype colon = hostName.lastIndexOf(':'); colon >= 0 && !hostName.endsWith(']'))
        hostName = hostName.first(colon);
    const QString hostText = QString::fromLatin1(hostName).toLower();

    Result best;
    qsizetype bestLength = -1;
    bool bestHasHost = false;
    for (const PoolPtr &pool : m_pools) {
        const PoolConfig &c = pool->config();
        const bool hostMatch = c.hosts.isEmpty() || c.hosts.contains(hostText);
        if (!hostMatch)
            continue;
        for (const QString &prefix : c.paths) {
            const QByteArray p = prefix.toUtf8();
            if (!prefixMatches(p, target))
                continue;
            // Longest prefix wins; at equal length a pool naming the host beats a catch-all.
            const bool better = p.size() > bestLength
                || (p.size() == bestLength && !c.hosts.isEmpty() && !bestHasHost);
            if (better) {
                best.pool = pool;
                bestLength = p.size();
                bestHasHost = !c.hosts.isEmpty();
            }
        }
    }
    if (!best.pool)
        return best;
    for (const QString &excluded : best.pool->config().exclude) {
        if (prefixMatches(excluded.toUtf8(), target))
            return Result{nullptr, ReasonCode::Excluded};
    }
    return best;
}

QByteArray Router::rewriteTarget(const PoolConfig &pool, QByteArrayView target)
{
    QByteArrayView rest = target;
    const QByteArray strip = pool.stripPrefix.toUtf8();
    if (!strip.isEmpty() && prefixMatches(strip, rest)) {
        QByteArrayView s = strip;
        if (s.endsWith('/'))
            s.chop(1);
        rest = rest.sliced(s.size());
    }
    QByteArray out = pool.addPrefix.toUtf8();
    if (out.endsWith('/') && rest.startsWith('/'))
        out.chop(1);
    out.append(rest);
    if (out.isEmpty() || !(out.startsWith('/') || out.startsWith('*')))
        out.prepend('/');
    return out;
}

std::optional<QByteArray> Router::restorePath(const PoolConfig &pool, QByteArrayView path)
{
    const QByteArray add = pool.addPrefix.toUtf8();
    if (add.isEmpty() && pool.stripPrefix.isEmpty())
        return std::nullopt;
    if (!add.isEmpty() && !prefixMatches(add, path))
        return std::nullopt;
    QByteArrayView rest = path.sliced(add.endsWith('/') ? add.size() - 1 : add.size());
    QByteArray out = pool.stripPrefix.toUtf8();
    if (out.endsWith('/') && rest.startsWith('/'))
        out.chop(1);
    out.append(rest);
    if (out.isEmpty())
        out = "/";
    return out;
}

} // namespace Limpet
