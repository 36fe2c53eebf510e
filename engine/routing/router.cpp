#include "routing/router.h"

namespace Limpet {

Router::Router(QList<PoolPtr> pools)
{
    for (const PoolPtr &pool : pools) {
        Entry e{pool, {}, {}, {}};
        for (const QString &h : pool->config().hosts)
            e.hosts.append(h.toLower().toUtf8());
        for (const QString &p : pool->config().paths)
            e.paths.append(p.toUtf8());
        for (const QString &x : pool->config().exclude)
            e.exclude.append(x.toUtf8());
        m_entries.append(e);
    }
}

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

    const Entry *best = nullptr;
    qsizetype bestLength = -1;
    for (const Entry &e : m_entries) {
        if (!e.hosts.isEmpty()) {
            bool hostMatch = false;
            for (const QByteArray &h : e.hosts)
                hostMatch = hostMatch || hostName.compare(h, Qt::CaseInsensitive) == 0;
            if (!hostMatch)
                continue;
        }
        for (const QByteArray &p : e.paths) {
            if (!prefixMatches(p, target))
                continue;
            // Longest prefix wins; at equal length a pool naming the host beats a catch-all.
            if (p.size() > bestLength
                || (p.size() == bestLength && !e.hosts.isEmpty() && best->hosts.isEmpty())) {
                best = &e;
                bestLength = p.size();
            }
        }
    }
    if (!best)
        return Result{};
    for (const QByteArray &excluded : best->exclude) {
        if (prefixMatches(excluded, target))
            return Result{nullptr, ReasonCode::Excluded};
    }
    return Result{best->pool, ReasonCode::NoPool};
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
