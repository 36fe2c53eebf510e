#include "session/sessiontable.h"

#include <algorithm>
#include <vector>

namespace Limpet {

namespace {

QByteArray composite(const QString &pool, const QByteArray &key)
{
    QByteArray k = pool.toUtf8();
    k.append('\0').append(key);
    return k;
}

} // namespace

SessionTable::SessionTable(int maxEntries, std::chrono::seconds idle)
    : m_shardCount(maxEntries >= MaxShards * 64 ? MaxShards : 1)
    , m_shards(std::make_unique<Shard[]>(static_cast<size_t>(m_shardCount)))
    , m_maxPerShard(qMax(1, maxEntries / m_shardCount))
    , m_idleMs(std::chrono::duration_cast<std::chrono::milliseconds>(idle).count())
{
    // Grow the tables once, up front (about 1 MB for the default million entries), so a burst
    // of new sessions never waits for a rehash under a shard lock.
    const int reserve = qMin(m_maxPerShard, 1 << 16);
    for (int i = 0; i < m_shardCount; ++i)
        m_shards[i].entries.reserve(reserve);
}

SessionTable::Shard &SessionTable::shardFor(const QByteArray &compositeKey)
{
    return m_shards[qHash(compositeKey) % static_cast<size_t>(m_shardCount)];
}

const SessionTable::Shard &SessionTable::shardFor(const QByteArray &compositeKey) const
{
    return m_shards[qHash(compositeKey) % static_cast<size_t>(m_shardCount)];
}

void SessionTable::unbind(const Entry &entry)
{
    entry.backend->counters.sessions.fetch_sub(1, std::memory_order_relaxed);
}

std::optional<QString> SessionTable::touch(const QString &pool, const QByteArray &key,
    const BackendPtr &backend, const QHostAddress &client, qint64 nowMs)
{
    const QByteArray k = composite(pool, key);
    Shard &shard = shardFor(k);
    QMutexLocker lock(&shard.lock);
    auto it = shard.entries.find(k);
    if (it == shard.entries.end()) {
        if (shard.entries.size() >= m_maxPerShard)
            evictOldest(shard);
        shard.entries.insert(k, Entry{backend, client, nowMs, nowMs, 1});
        backend->counters.sessions.fetch_add(1, std::memory_order_relaxed);
        return std::nullopt;
    }
    std::optional<QString> previous = it->backend->name();
    if (it->backend != backend) {
        unbind(*it);
        backend->counters.sessions.fetch_add(1, std::memory_order_relaxed);
        it->backend = backend;
    }
    it->client = client;
    it->lastSeenMs = nowMs;
    ++it->requests;
    return previous;
}

std::optional<QString> SessionTable::backendOf(const QString &pool, const QByteArray &key) const
{
    const QByteArray k = composite(pool, key);
    const Shard &shard = shardFor(k);
    QMutexLocker lock(&shard.lock);
    auto it = shard.entries.constFind(k);
    if (it == shard.entries.cend())
        return std::nullopt;
    return it->backend->name();
}

void SessionTable::evictOldest(Shard &shard)
{
    std::vector<qint64> seen;
    seen.reserve(static_cast<size_t>(shard.entries.size()));
    for (const Entry &e : std::as_const(shard.entries))
        seen.push_back(e.lastSeenMs);
    const size_t drop = qMax<size_t>(1, seen.size() / 8);
    std::nth_element(
        seen.begin(), seen.begin() + static_cast<std::ptrdiff_t>(drop - 1), seen.end());
    const qint64 cutoff = seen[drop - 1];
    size_t dropped = 0;
    for (auto it = shard.entries.begin(); it != shard.entries.end() && dropped < drop;) {
        if (it->lastSeenMs <= cutoff) {
            unbind(*it);
            it = shard.entries.erase(it);
            ++dropped;
        } else {
            ++it;
        }
    }
}

int SessionTable::expire(qint64 nowMs)
{
    int dropped = 0;
    for (int i = 0; i < m_shardCount; ++i) {
        Shard &shard = m_shards[i];
        QMutexLocker lock(&shard.lock);
        shard.entries.removeIf([&](const auto &it) {
            const bool old = nowMs - it.value().lastSeenMs > m_idleMs;
            if (old)
                unbind(it.value());
            dropped += old;
            return old;
        });
    }
    return dropped;
}

int SessionTable::size() const
{
    int n = 0;
    for (int i = 0; i < m_shardCount; ++i) {
        const Shard &shard = m_shards[i];
        QMutexLocker lock(&shard.lock);
        n += static_cast<int>(shard.entries.size());
    }
    return n;
}

QList<SessionInfo> SessionTable::snapshot() const
{
    QList<SessionInfo> out;
    for (int i = 0; i < m_shardCount; ++i) {
        const Shard &shard = m_shards[i];
        QMutexLocker lock(&shard.lock);
        out.reserve(out.size() + shard.entries.size());
        for (auto it = shard.entries.cbegin(); it != shard.entries.cend(); ++it) {
            const qsizetype zero = it.key().indexOf('\0');
            out.append(SessionInfo{QString::fromUtf8(it.key().first(zero)),
                it.key().sliced(zero + 1), it->backend->name(), it->client, it->firstSeenMs,
                it->lastSeenMs, it->requests});
        }
    }
    return out;
}

} // namespace Limpet
