#pragma once

#include "pool/backend.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace Limpet {

/// One session binding as the UI and API see it (a value, safe to pass between threads).
struct SessionInfo
{
    QString pool;
    QByteArray key; ///< affinity key
    QString backend; ///< backend name
    QHostAddress client; ///< address of its latest request
    qint64 firstSeenMs = 0;
    qint64 lastSeenMs = 0;
    quint64 requests = 0;
    QString pinnedBackend; ///< an operator's pin or rebind; empty: none
    qint64 pinUntilMs = 0; ///< when the pin ends (0: a rebind, permanent)
};

} // namespace Limpet

// Plain handles and numbers: lists of sessions grow and shrink by moving bytes.
Q_DECLARE_TYPEINFO(Limpet::SessionInfo, Q_RELOCATABLE_TYPE);

namespace Limpet {

/// A page of sessions (GET /api/v1/sessions).
struct SessionPage
{
    int total = 0; ///< entries matching the filter
    QList<SessionInfo> sessions; ///< newest last_seen first
};

/// A session's identity: its pool and affinity key.
struct SessionKey
{
    QString pool;
    QByteArray key;
};

} // namespace Limpet

Q_DECLARE_TYPEINFO(Limpet::SessionKey, Q_RELOCATABLE_TYPE);

namespace Limpet {

/// What changed in a session table since a reader last asked (SessionTable::changes()).
struct SessionChanges
{
    /// `sessions` is the whole table: the reader drops what it held before. Its first read, and
    /// whenever the removals it missed are no longer known, are full.
    bool full = false;
    QList<SessionInfo> sessions; ///< new or changed since the last read (full: every one)
    QList<SessionKey> removed; ///< gone since the last read (never when full)
    /// A full read cut short: how many sessions of the table it leaves out (a remote instance
    /// sends at most 200,000 at once). Those that change later come as changes.
    qsizetype notSent = 0;

    [[nodiscard]] bool isEmpty() const { return !full && sessions.isEmpty() && removed.isEmpty(); }
};

/// Where a reader of SessionTable::changes() stands. Starts empty (the first read is full).
struct SessionCursor
{
    quint64 table = 0; ///< the table it read (each SessionTable has its own id)
    quint64 reader = 0; ///< this reader's id (given at its first read)
    std::vector<quint64> positions; ///< per shard: how far it has read the shard's change log
};

/// What an operator set for one session: go to `backend` until `untilMs` (0: for good).
struct SessionPin
{
    BackendPtr backend;
    qint64 untilMs = 0;
};

/// Session table: affinity key → backend, with first/last seen and request count, shared by
/// all workers. Bounded by `maxEntries` (the least recently seen go first) and by `idle`
/// (entries not seen for that long are dropped by expire()).
/// Thread-safe: sharded, each shard behind its own mutex held only for one hash operation,
/// so workers seldom contend and a snapshot never stops the hot path for long.
class SessionTable final
{
public:
    SessionTable(int maxEntries, std::chrono::seconds idle);
    Q_DISABLE_COPY_MOVE(SessionTable)

    /// Records a request of session `key` in `pool` served by `backend`.
    /// Returns the backend the session used before (empty optional for a new session).
    /// Keeps each backend's `counters.sessions` equal to the entries bound to it.
    std::optional<QString> touch(const QString &pool, const QByteArray &key,
        const BackendPtr &backend, const QHostAddress &client, qint64 nowMs);
    /// The backend a session is bound to, if it is known.
    [[nodiscard]] std::optional<QString> backendOf(
        const QString &pool, const QByteArray &key) const;
    /// Drops entries idle for longer than the idle limit. Returns how many were dropped.
    int expire(qint64 nowMs);
    [[nodiscard]] int size() const;
    /// A copy of every entry (for the UI and API).
    [[nodiscard]] QList<SessionInfo> snapshot() const;
    /// Entries matching every given filter (empty = any; `text` matches part of the key or
    /// the client address), newest first, `limit` of them from `offset`.
    [[nodiscard]] SessionPage query(const QString &pool, const QString &backend,
        const QString &text, int limit, int offset) const;
    [[nodiscard]] std::optional<SessionInfo> find(const QString &pool, const QByteArray &key) const;

    /// Drops one entry. Returns false when it is not known.
    bool forget(const QString &pool, const QByteArray &key);
    /// Drops every entry bound to `backend` (it was removed). Returns how many.
    int forgetBackend(const Backend *backend);
    /// Sends session `key` to `pin.backend` from its next request on, until pin.untilMs (0: for
    /// good: a rebind). Creates the entry when the session is not known yet.
    SessionInfo pin(const QString &pool, const QByteArray &key, const SessionPin &pin,
        const QHostAddress &client, qint64 nowMs);
    /// The pin of a session still in force at `nowMs`, if any. Cheap when no session has one.
    [[nodiscard]] std::optional<SessionPin> pinOf(
        const QString &pool, const QByteArray &key, qint64 nowMs) const;
    /// What changed since `cursor` (which it then moves on): the sessions added or changed and
    /// the keys removed, or the whole table when the cursor is new, belongs to another table, or
    /// the reader missed something. While someone reads, each shard keeps a log of the keys
    /// that changed or went (a key at most once until some reader reads past it), so a read
    /// costs what moved, not the table. Several readers follow one table, each at its own pace;
    /// the log keeps what the slowest has not read. A table nobody reads logs nothing, and a
    /// reader that has not read for a few seconds is forgotten (its next read is whole).
    [[nodiscard]] SessionChanges changes(SessionCursor &cursor);
    /// Puts back an entry saved in a state file.
    void restore(const SessionInfo &info, const BackendPtr &backend, const BackendPtr &pinned);

private:
    struct Entry
    {
        BackendPtr backend;
        QHostAddress client;
        qint64 firstSeenMs = 0;
        qint64 lastSeenMs = 0;
        quint64 requests = 0;
        BackendPtr pinned; ///< an operator's pin or rebind
        qint64 pinUntilMs = 0; ///< 0: permanent
        quint64 logged = 0; ///< 1 + the index of its latest record in its shard's log; 0: none
        quint32 readMark = 0; ///< the read that listed it last (a read lists it once)
    };
    /// A shard's change log: keys in order, numbered from 0 for the life of the table. Appends
    /// at the end, drops from the front: a vector whose start moves, compacted once half of it
    /// is dropped (with one reader, each read empties it).
    class ChangeLog
    {
    public:
        [[nodiscard]] quint64 begin() const { return m_base; } ///< the first index kept
        [[nodiscard]] quint64 end() const { return m_base + (m_keys.size() - m_start); }
        /// The key at `index`, in [begin(), end()).
        [[nodiscard]] const QByteArray &at(quint64 index) const
        {
            return m_keys[m_start + static_cast<std::size_t>(index - m_base)];
        }
        void append(const QByteArray &key) { m_keys.push_back(key); }
        /// Drops the keys before `index`.
        void dropBefore(quint64 index);
        /// Drops every key (indexes go on from end()) and frees the memory.
        void reset();

    private:
        std::vector<QByteArray> m_keys; ///< m_keys[m_start..] are kept
        std::size_t m_start = 0;
        quint64 m_base = 0; ///< the index of m_keys[m_start]
    };
    struct Shard
    {
        mutable QMutex lock;
        QHash<QByteArray, Entry> entries; ///< key = pool + '\0' + affinity key; guarded by lock
        // Guarded by lock, for changes(): the change log, kept while someone follows.
        ChangeLog log; ///< keys changed or removed, oldest first
        quint64 readUpTo = 0; ///< the furthest index a reader has read to
        struct Reader
        {
            quint64 position = 0; ///< how far it has read
            qint64 lastReadMs = 0; ///< steady clock
        };
        QHash<quint64, Reader> readers; ///< by reader id: those following this shard
    };
    /// 16 shards, or 1 for small tables so the bound is exact (each shard holds at most
    /// maxEntries / shards, so the total never exceeds maxEntries).
    static constexpr int MaxShards = 16;

    Shard &shardFor(const QByteArray &compositeKey);
    const Shard &shardFor(const QByteArray &compositeKey) const;
    /// Drops the least recently seen eighth of a full shard. Shard lock must be held.
    void evictOldest(Shard &shard);
    static void unbind(const Entry &entry);
    /// Splits composite keys into pool name and affinity key. The pool name is decoded once per
    /// run of keys of one pool, so copies of a table share their pool strings, and the key
    /// shares the composite key's bytes: no allocation per session.
    class KeySplitter
    {
    public:
        [[nodiscard]] SessionKey split(const QByteArray &compositeKey);

    private:
        QByteArray m_poolBytes; ///< the last pool's name followed by its '\0'
        QString m_pool;
    };
    [[nodiscard]] static SessionInfo info(
        const QByteArray &compositeKey, const Entry &e, KeySplitter &keys);
    [[nodiscard]] static SessionInfo info(const QByteArray &compositeKey, const Entry &e);
    void dropPin(Entry &e) const;
    /// Logs the change of an entry, if someone follows and no unread record covers it already
    /// (every reader is at or before readUpTo, so all of them will read that one). Shard lock
    /// must be held.
    void changed(Shard &shard, Entry &e, const QByteArray &compositeKey) const
    {
        if (e.logged > shard.readUpTo)
            return; // logged and not read yet: nothing to do on the hot path
        log(shard, &e, compositeKey);
    }
    /// Logs the removal of `compositeKey`, if someone follows. Shard lock must be held.
    void removed(Shard &shard, const QByteArray &compositeKey) const
    {
        log(shard, nullptr, compositeKey);
    }
    /// Appends `compositeKey` to the shard's log while readers follow it (and forgets them and
    /// the log once none has read for a while). `e`: its entry, when it still exists. Shard lock
    /// must be held.
    void log(Shard &shard, Entry *e, const QByteArray &compositeKey) const;

    const int m_shardCount;
    std::unique_ptr<Shard[]> m_shards;
    const int m_maxPerShard;
    const qint64 m_idleMs;
    mutable std::atomic<int> m_pins{0}; ///< entries with a pin: the hot path skips the lookup at 0
    const quint64 m_id; ///< tells tables apart in a SessionCursor
    /// Steady-clock ms until which changes are logged (changes() extends it); 0: never read.
    std::atomic<qint64> m_followedUntilMs{0};
    QMutex m_readLock; ///< one changes() at a time
    quint32 m_readSerial = 0; ///< the latest read's number (Entry::readMark); guarded by m_readLock
};

} // namespace Limpet
