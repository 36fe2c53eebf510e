#include "session/sessiontable.h"

#include <QDeadlineTimer>
#include <QSet>

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

/// Removed keys are remembered this long after a reader's latest changes() call: a reader
/// polling every second or two never misses one, and a table nobody follows keeps none.
constexpr qint64 FollowMs = 5000;

std::atomic<quint64> nextTableId{1};

qint64 steadyNowMs()
{
    return QDeadlineTimer::current().deadline();
}

} // namespace

SessionTable::SessionTable(int maxEntries, std::chrono::seconds idle)
    : m_shardCount(maxEntries >= MaxShards * 64 ? MaxShards : 1)
    , m_shards(std::make_unique<Shard[]>(static_cast<size_t>(m_shardCount)))
    , m_maxPerShard(qMax(1, maxEntries / m_shardCount))
    , m_idleMs(std::chrono::duration_cast<std::chrono::milliseconds>(idle).count())
    , m_id(nextTableId.fetch_add(1, std::memory_order_relaxed))
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

void SessionTable::dropPin(Entry &e) const
{
    if (e.pinned) {
        e.pinned.reset();
        e.pinUntilMs = 0;
        m_pins.fetch_sub(1, std::memory_order_relaxed);
    }
}

void SessionTable::log(Shard &shard, Entry *e, const QByteArray &compositeKey) const
{
    if (shard.readers.isEmpty())
        return; // nobody follows this shard: a reader that comes reads it whole
    const qint64 until = m_followedUntilMs.load(std::memory_order_relaxed);
    if (steadyNowMs() >= until) {
        // Every reader went away: they read whole when they come back, so the log can go.
        shard.readers.clear();
        shard.log.reset();
        shard.readUpTo = shard.log.end();
        return;
    }
    const quint64 index = shard.log.end();
    shard.log.append(compositeKey);
    if (e)
        e->logged = index + 1;
}

void SessionTable::ChangeLog::dropBefore(quint64 index)
{
    const auto kept = m_keys.size() - m_start;
    const auto drop
        = static_cast<std::size_t>(std::min<quint64>(index - std::min(index, m_base), kept));
    if (drop == kept) {
        m_keys.clear(); // keeps its memory for the next run of changes
        m_start = 0;
        m_base += drop;
        return;
    }
    for (std::size_t k = m_start; k < m_start + drop; ++k)
        m_keys[k] = QByteArray();
    m_start += drop;
    m_base += drop;
    if (m_start > m_keys.size() / 2) {
        m_keys.erase(m_keys.begin(), m_keys.begin() + static_cast<std::ptrdiff_t>(m_start));
        m_start = 0;
    }
}

void SessionTable::ChangeLog::reset()
{
    m_base = end();
    m_keys = {};
    m_start = 0;
}

SessionKey SessionTable::KeySplitter::split(const QByteArray &compositeKey)
{
    // Most keys in a row belong to the pool of the one before: a prefix compare, no search.
    if (m_poolBytes.isEmpty() || !compositeKey.startsWith(m_poolBytes)) {
        const qsizetype zero = compositeKey.indexOf('\0');
        m_poolBytes = compositeKey.first(zero + 1);
        m_pool = QString::fromUtf8(compositeKey.constData(), zero);
    }
    // The key is the composite key's tail: shared, not copied (a tail keeps the terminating NUL
    // a QByteArray promises). Raw data, which the array does not own, is copied.
    QByteArray key = compositeKey;
    QByteArray::DataPointer &d = key.data_ptr();
    if (!d.isMutable())
        return SessionKey{m_pool, compositeKey.sliced(m_poolBytes.size())};
    d.ptr += m_poolBytes.size();
    d.size -= m_poolBytes.size();
    return SessionKey{m_pool, std::move(key)};
}

SessionInfo SessionTable::info(const QByteArray &compositeKey, const Entry &e, KeySplitter &keys)
{
    SessionKey key = keys.split(compositeKey);
    // Built whole: a default QHostAddress would allocate only to be overwritten.
    return SessionInfo{std::move(key.pool), std::move(key.key), e.backend->name(), e.client,
        e.firstSeenMs, e.lastSeenMs, e.requests, e.pinned ? e.pinned->name() : QString(),
        e.pinUntilMs};
}

SessionInfo SessionTable::info(const QByteArray &compositeKey, const Entry &e)
{
    KeySplitter keys;
    return info(compositeKey, e, keys);
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
        Entry &e = *shard.entries.insert(k, Entry{backend, client, nowMs, nowMs, 1});
        changed(shard, e, k);
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
    changed(shard, *it, it.key());
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
            dropPin(*it);
            removed(shard, it.key());
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
            Entry &e = it.value();
            // A pin that ended is dropped here too (pinOf() ignores it meanwhile).
            if (e.pinned && e.pinUntilMs != 0 && e.pinUntilMs <= nowMs) {
                dropPin(e);
                changed(shard, e, it.key());
            }
            const bool old = nowMs - e.lastSeenMs > m_idleMs;
            if (old) {
                unbind(e);
                dropPin(e);
                removed(shard, it.key());
            }
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
    out.reserve(size());
    KeySplitter keys;
    for (int i = 0; i < m_shardCount; ++i) {
        const Shard &shard = m_shards[i];
        QMutexLocker lock(&shard.lock);
        for (auto it = shard.entries.cbegin(); it != shard.entries.cend(); ++it)
            out.append(info(it.key(), it.value(), keys));
    }
    return out;
}

SessionPage SessionTable::query(
    const QString &pool, const QString &backend, const QString &text, int limit, int offset) const
{
    const QByteArray poolPrefix = pool.isEmpty() ? QByteArray() : pool.toUtf8() + '\0';
    const QByteArray textBytes = text.toUtf8();
    struct Match
    {
        qint64 lastSeenMs;
        SessionInfo info;
    };
    std::vector<Match> matches;
    for (int i = 0; i < m_shardCount; ++i) {
        const Shard &shard = m_shards[i];
        QMutexLocker lock(&shard.lock);
        for (auto it = shard.entries.cbegin(); it != shard.entries.cend(); ++it) {
            if (!poolPrefix.isEmpty() && !it.key().startsWith(poolPrefix))
                continue;
            if (!backend.isEmpty() && it->backend->name() != backend)
                continue;
            if (!textBytes.isEmpty()) {
                const qsizetype zero = it.key().indexOf('\0');
                if (!it.key().sliced(zero + 1).contains(textBytes)
                    && !it->client.toString().contains(text))
                    continue;
            }
            matches.push_back(Match{it->lastSeenMs, info(it.key(), it.value())});
        }
    }
    std::sort(matches.begin(), matches.end(),
        [](const Match &a, const Match &b) { return a.lastSeenMs > b.lastSeenMs; });
    SessionPage page;
    page.total = static_cast<int>(matches.size());
    for (size_t i = static_cast<size_t>(qMax(offset, 0));
         i < matches.size() && page.sessions.size() < limit; ++i)
        page.sessions.append(std::move(matches[i].info));
    return page;
}

std::optional<SessionInfo> SessionTable::find(const QString &pool, const QByteArray &key) const
{
    const QByteArray k = composite(pool, key);
    const Shard &shard = shardFor(k);
    QMutexLocker lock(&shard.lock);
    auto it = shard.entries.constFind(k);
    if (it == shard.entries.cend())
        return std::nullopt;
    return info(it.key(), it.value());
}

bool SessionTable::forget(const QString &pool, const QByteArray &key)
{
    const QByteArray k = composite(pool, key);
    Shard &shard = shardFor(k);
    QMutexLocker lock(&shard.lock);
    auto it = shard.entries.find(k);
    if (it == shard.entries.end())
        return false;
    unbind(*it);
    dropPin(*it);
    removed(shard, it.key());
    shard.entries.erase(it);
    return true;
}

int SessionTable::forgetBackend(const Backend *backend)
{
    int dropped = 0;
    for (int i = 0; i < m_shardCount; ++i) {
        Shard &shard = m_shards[i];
        QMutexLocker lock(&shard.lock);
        shard.entries.removeIf([&](const auto &it) {
            Entry &e = it.value();
            if (e.pinned.get() == backend) {
                dropPin(e);
                changed(shard, e, it.key());
            }
            const bool bound = e.backend.get() == backend;
            if (bound) {
                unbind(e);
                dropPin(e);
                removed(shard, it.key());
            }
            dropped += bound;
            return bound;
        });
    }
    return dropped;
}

SessionInfo SessionTable::pin(const QString &pool, const QByteArray &key, const SessionPin &pin,
    const QHostAddress &client, qint64 nowMs)
{
    const QByteArray k = composite(pool, key);
    Shard &shard = shardFor(k);
    QMutexLocker lock(&shard.lock);
    auto it = shard.entries.find(k);
    if (it == shard.entries.end()) {
        if (shard.entries.size() >= m_maxPerShard)
            evictOldest(shard);
        it = shard.entries.insert(k, Entry{pin.backend, client, nowMs, nowMs, 0});
        pin.backend->counters.sessions.fetch_add(1, std::memory_order_relaxed);
    } else if (it->backend != pin.backend) {
        unbind(*it);
        pin.backend->counters.sessions.fetch_add(1, std::memory_order_relaxed);
        it->backend = pin.backend;
    }
    if (!it->pinned)
        m_pins.fetch_add(1, std::memory_order_relaxed);
    it->pinned = pin.backend;
    it->pinUntilMs = pin.untilMs;
    changed(shard, *it, it.key());
    return info(it.key(), it.value());
}

std::optional<SessionPin> SessionTable::pinOf(
    const QString &pool, const QByteArray &key, qint64 nowMs) const
{
    if (m_pins.load(std::memory_order_relaxed) == 0)
        return std::nullopt;
    const QByteArray k = composite(pool, key);
    const Shard &shard = shardFor(k);
    QMutexLocker lock(&shard.lock);
    auto it = shard.entries.constFind(k);
    if (it == shard.entries.cend() || !it->pinned
        || (it->pinUntilMs != 0 && it->pinUntilMs <= nowMs))
        return std::nullopt;
    return SessionPin{it->pinned, it->pinUntilMs};
}

void SessionTable::restore(
    const SessionInfo &saved, const BackendPtr &backend, const BackendPtr &pinned)
{
    const QByteArray k = composite(saved.pool, saved.key);
    Shard &shard = shardFor(k);
    QMutexLocker lock(&shard.lock);
    if (shard.entries.contains(k))
        return;
    if (shard.entries.size() >= m_maxPerShard)
        evictOldest(shard);
    Entry e{backend, saved.client, saved.firstSeenMs, saved.lastSeenMs, saved.requests};
    if (pinned) {
        e.pinned = pinned;
        e.pinUntilMs = saved.pinUntilMs;
        m_pins.fetch_add(1, std::memory_order_relaxed);
    }
    const auto it = shard.entries.insert(k, e);
    changed(shard, *it, it.key());
    backend->counters.sessions.fetch_add(1, std::memory_order_relaxed);
}

SessionChanges SessionTable::changes(SessionCursor &cursor)
{
    static std::atomic<quint64> nextReader{1};
    QMutexLocker reading(&m_readLock);
    if (cursor.reader == 0)
        cursor.reader = nextReader.fetch_add(1, std::memory_order_relaxed);
    // From now on changes are logged for the readers each shard knows, so none goes unseen.
    const qint64 now = steadyNowMs();
    m_followedUntilMs.store(now + FollowMs, std::memory_order_relaxed);
    const quint32 serial = ++m_readSerial;
    const auto shards = static_cast<std::size_t>(m_shardCount);
    SessionChanges out;
    KeySplitter keys;
    out.full = cursor.table != m_id || cursor.positions.size() != shards;
    qsizetype expected = 0; // sessions listed (a size to reserve: more may come meanwhile)
    for (std::size_t i = 0; !out.full && i < shards; ++i) {
        const Shard &shard = m_shards[static_cast<int>(i)];
        QMutexLocker lock(&shard.lock);
        // A reader the shard does not know (new, forgotten, or replaying an old cursor) has
        // missed changes: it reads everything.
        const auto r = shard.readers.constFind(cursor.reader);
        out.full = r == shard.readers.cend() || r->position != cursor.positions[i]
            || cursor.positions[i] < shard.log.begin();
        if (!out.full)
            expected += static_cast<qsizetype>(shard.log.end() - cursor.positions[i]);
    }
    if (out.full) {
        cursor.table = m_id;
        cursor.positions.assign(shards, 0);
        expected = size();
    }
    out.sessions.reserve(expected);
    QSet<QByteArray> gone; // keys listed as removed in this read (a key may be logged twice)
    for (std::size_t i = 0; i < shards; ++i) {
        Shard &shard = m_shards[static_cast<int>(i)];
        QMutexLocker lock(&shard.lock);
        const quint64 end = shard.log.end();
        if (out.full) {
            for (auto it = shard.entries.cbegin(); it != shard.entries.cend(); ++it)
                out.sessions.append(info(it.key(), it.value(), keys));
        } else {
            for (quint64 at = cursor.positions[i]; at < end; ++at) {
                const QByteArray &key = shard.log.at(at);
                auto it = shard.entries.find(key);
                if (it == shard.entries.end()) {
                    if (!gone.contains(key)) {
                        gone.insert(key);
                        out.removed.append(keys.split(key));
                    }
                    continue;
                }
                if (it->readMark == serial)
                    continue; // logged twice since this reader's last read: listed already
                it->readMark = serial;
                out.sessions.append(info(it.key(), it.value(), keys));
            }
        }
        cursor.positions[i] = end;
        shard.readUpTo = std::max(shard.readUpTo, end);
        shard.readers.insert(cursor.reader, Shard::Reader{end, now});
        // Readers silent for too long are forgotten; the log keeps what the others still need.
        quint64 needed = end;
        for (auto r = shard.readers.begin(); r != shard.readers.end();) {
            if (now - r->lastReadMs > FollowMs) {
                r = shard.readers.erase(r);
                continue;
            }
            needed = std::min(needed, r->position);
            ++r;
        }
        shard.log.dropBefore(needed);
    }
    return out;
}

} // namespace Limpet
