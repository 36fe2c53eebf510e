// Tests of the shared session table (engine/session/sessiontable.h).

#include "session/sessiontable.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Limpet::SessionInfo;
using Limpet::SessionTable;

namespace {

const QHostAddress client1(u"192.0.2.1"_s);
const QHostAddress client2(u"192.0.2.2"_s);

/// The backends of one test, made on first use by name.
class Backends
{
public:
    Limpet::BackendPtr operator()(const QString &name)
    {
        Limpet::BackendPtr &b = m_byName[name];
        if (!b) {
            Limpet::BackendConfig config;
            config.name = name;
            config.address = Limpet::Endpoint{QHostAddress::LocalHost, 9000};
            b = std::make_shared<Limpet::Backend>(config, quint32(m_byName.size()));
        }
        return b;
    }
    int sessions(const QString &name) { return (*this)(name)->counters.sessions.load(); }

private:
    QHash<QString, Limpet::BackendPtr> m_byName;
};

QByteArray keyNumber(int i)
{
    return "key-" + QByteArray::number(i);
}

std::optional<SessionInfo> find(
    const QList<SessionInfo> &all, const QString &pool, const QByteArray &key)
{
    for (const SessionInfo &s : all) {
        if (s.pool == pool && s.key == key)
            return s;
    }
    return std::nullopt;
}

} // namespace

class TestSessionTable final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void touchReturnsPreviousBackend();
    void touchCountsAndTimes();
    void poolsAreSeparate();
    void expireDropsIdleEntriesOnly();
    void boundedByMaxEntries_data();
    void boundedByMaxEntries();
    void recentlySeenSurviveEviction();
    void snapshotContents();
    void sessionCountersPerBackend();
    void concurrentTouches();
    void changesSinceLastRead_data();
    void changesSinceLastRead();
    void changesForSeveralReaders();
    void changesFollowConcurrentWriters();
};

void TestSessionTable::touchReturnsPreviousBackend()
{
    SessionTable table(1000, 60s);
    Backends bk;
    QCOMPARE(table.backendOf(u"web"_s, "k1"), std::nullopt);
    QCOMPARE(table.touch(u"web"_s, "k1", bk(u"app1"_s), client1, 1000), std::nullopt);
    QCOMPARE(table.backendOf(u"web"_s, "k1"), std::optional<QString>(u"app1"_s));
    QCOMPARE(table.touch(u"web"_s, "k1", bk(u"app1"_s), client1, 2000),
        std::optional<QString>(u"app1"_s));
    // Rebinding (after a redispatch) reports where the session was before, then the new binding.
    QCOMPARE(table.touch(u"web"_s, "k1", bk(u"app2"_s), client1, 3000),
        std::optional<QString>(u"app1"_s));
    QCOMPARE(table.touch(u"web"_s, "k1", bk(u"app2"_s), client1, 4000),
        std::optional<QString>(u"app2"_s));
    QCOMPARE(table.backendOf(u"web"_s, "k1"), std::optional<QString>(u"app2"_s));
    QCOMPARE(table.size(), 1);
    QCOMPARE(bk.sessions(u"app1"_s), 0);
    QCOMPARE(bk.sessions(u"app2"_s), 1);
}

void TestSessionTable::touchCountsAndTimes()
{
    SessionTable table(1000, 60s);
    Backends bk;
    table.touch(u"web"_s, "k1", bk(u"app1"_s), client1, 1000);
    table.touch(u"web"_s, "k2", bk(u"app2"_s), client1, 1500);
    table.touch(u"web"_s, "k1", bk(u"app1"_s), client2, 2000);
    table.touch(u"web"_s, "k1", bk(u"app1"_s), client2, 2500);
    QCOMPARE(table.size(), 2);
    QCOMPARE(bk.sessions(u"app1"_s), 1);
    QCOMPARE(bk.sessions(u"app2"_s), 1);

    const QList<SessionInfo> all = table.snapshot();
    QCOMPARE(all.size(), 2);
    const std::optional<SessionInfo> k1 = find(all, u"web"_s, "k1");
    QVERIFY(k1);
    QCOMPARE(k1->backend, u"app1"_s);
    QCOMPARE(k1->requests, quint64(3));
    QCOMPARE(k1->firstSeenMs, qint64(1000));
    QCOMPARE(k1->lastSeenMs, qint64(2500));
    QCOMPARE(k1->client, client2); // the latest request's address
    const std::optional<SessionInfo> k2 = find(all, u"web"_s, "k2");
    QVERIFY(k2);
    QCOMPARE(k2->requests, quint64(1));
    QCOMPARE(k2->firstSeenMs, qint64(1500));
    QCOMPARE(k2->lastSeenMs, qint64(1500));
    QCOMPARE(k2->client, client1);
}

void TestSessionTable::poolsAreSeparate()
{
    SessionTable table(1000, 60s);
    Backends bk;
    QCOMPARE(table.touch(u"web"_s, "same", bk(u"app1"_s), client1, 1), std::nullopt);
    QCOMPARE(table.touch(u"api"_s, "same", bk(u"api1"_s), client1, 2), std::nullopt);
    QCOMPARE(table.size(), 2);
    QCOMPARE(table.backendOf(u"web"_s, "same"), std::optional<QString>(u"app1"_s));
    QCOMPARE(table.backendOf(u"api"_s, "same"), std::optional<QString>(u"api1"_s));
    QCOMPARE(table.backendOf(u"other"_s, "same"), std::nullopt);
    // A pool name that is a prefix of another, or a key holding the separator, stays apart.
    QCOMPARE(table.touch(u"we"_s, "b", bk(u"x"_s), client1, 3), std::nullopt);
    QCOMPARE(table.touch(u"web"_s, "", bk(u"y"_s), client1, 4), std::nullopt);
    QCOMPARE(table.size(), 4);
}

void TestSessionTable::expireDropsIdleEntriesOnly()
{
    SessionTable table(1000, 60s);
    Backends bk;
    table.touch(u"web"_s, "old", bk(u"app1"_s), client1, 0);
    table.touch(u"web"_s, "edge", bk(u"app1"_s), client1, 10000);
    table.touch(u"web"_s, "fresh", bk(u"app2"_s), client1, 50000);
    table.touch(u"web"_s, "revived", bk(u"app2"_s), client1, 1000);
    table.touch(u"web"_s, "revived", bk(u"app2"_s), client1, 60000); // seen again: not idle

    QCOMPARE(table.expire(70000), 1); // only "old" has been idle for more than 60 s
    QCOMPARE(table.size(), 3);
    QCOMPARE(table.backendOf(u"web"_s, "old"), std::nullopt);
    QVERIFY(table.backendOf(u"web"_s, "edge")); // idle exactly 60 s: kept
    QVERIFY(table.backendOf(u"web"_s, "fresh"));
    QVERIFY(table.backendOf(u"web"_s, "revived"));

    QCOMPARE(table.expire(70000), 0);
    QCOMPARE(table.expire(70001), 1); // now "edge" is over the limit
    QCOMPARE(table.expire(200000), 2);
    QCOMPARE(table.size(), 0);
    QVERIFY(table.snapshot().isEmpty());

    // A forgotten session starts over.
    QCOMPARE(table.touch(u"web"_s, "old", bk(u"app3"_s), client1, 200001), std::nullopt);
}

void TestSessionTable::boundedByMaxEntries_data()
{
    QTest::addColumn<int>("maxEntries");
    QTest::newRow("max-1") << 1;
    QTest::newRow("max-10") << 10;
    QTest::newRow("max-100") << 100;
    QTest::newRow("max-1000") << 1000;
    QTest::newRow("max-5000") << 5000;
}

void TestSessionTable::boundedByMaxEntries()
{
    QFETCH(int, maxEntries);
    SessionTable table(maxEntries, 3600s);
    Backends bk;
    const int inserted = maxEntries * 10;
    for (int i = 0; i < inserted; ++i) {
        table.touch(u"web"_s, keyNumber(i), bk(u"app1"_s), client1, i);
        QVERIFY2(table.size() <= maxEntries,
            qPrintable(u"%1 entries after %2 inserts"_s.arg(table.size()).arg(i + 1)));
    }
    // The table is bounded, not emptied: at least the latest session is there.
    QVERIFY(table.size() >= 1);
    QCOMPARE(bk.sessions(u"app1"_s), table.size()); // evictions unbind
    QVERIFY(table.backendOf(u"web"_s, keyNumber(inserted - 1)));
    if (maxEntries >= 100) {
        // Least recently seen go first: whatever survived is among the most recent sessions.
        for (const SessionInfo &s : table.snapshot())
            QVERIFY2(s.lastSeenMs >= inserted - 4 * maxEntries, s.key.constData());
    }
    if (maxEntries >= 1000) {
        // ... and the most recent half of the bound is all there.
        for (int i = inserted - maxEntries / 2; i < inserted; ++i)
            QVERIFY2(table.backendOf(u"web"_s, keyNumber(i)), keyNumber(i).constData());
        QVERIFY2(table.size() >= maxEntries / 2, qPrintable(QString::number(table.size())));
    }
}

void TestSessionTable::recentlySeenSurviveEviction()
{
    const int maxEntries = 1000;
    SessionTable table(maxEntries, 3600s);
    Backends bk;
    table.touch(u"web"_s, "regular", bk(u"app1"_s), client1, 0);
    qint64 now = 1;
    for (int i = 0; i < maxEntries * 10; ++i) {
        table.touch(u"web"_s, keyNumber(i), bk(u"app2"_s), client1, now++);
        if (i % 100 == 0) // a client that keeps coming back
            table.touch(u"web"_s, "regular", bk(u"app1"_s), client1, now++);
    }
    QCOMPARE(table.backendOf(u"web"_s, "regular"), std::optional<QString>(u"app1"_s));
    // The oldest sessions, never seen again, are gone.
    QCOMPARE(table.backendOf(u"web"_s, keyNumber(0)), std::nullopt);
    QCOMPARE(table.backendOf(u"web"_s, keyNumber(1)), std::nullopt);
}

void TestSessionTable::snapshotContents()
{
    SessionTable table(1000, 60s);
    Backends bk;
    QVERIFY(table.snapshot().isEmpty());
    QSet<QByteArray> keys;
    for (int i = 0; i < 50; ++i) {
        const QByteArray key = keyNumber(i);
        keys.insert(key);
        table.touch(i % 2 ? u"web"_s : u"api"_s, key, bk(u"b%1"_s.arg(i % 3)), client1, 100 + i);
    }
    const QList<SessionInfo> all = table.snapshot();
    QCOMPARE(all.size(), 50);
    QSet<QByteArray> seen;
    for (const SessionInfo &s : all) {
        const int i = s.key.sliced(4).toInt();
        QVERIFY(keys.contains(s.key));
        seen.insert(s.key);
        QCOMPARE(s.pool, i % 2 ? u"web"_s : u"api"_s);
        QCOMPARE(s.backend, u"b%1"_s.arg(i % 3));
        QCOMPARE(s.firstSeenMs, qint64(100 + i));
        QCOMPARE(s.lastSeenMs, qint64(100 + i));
        QCOMPARE(s.requests, quint64(1));
        QCOMPARE(s.client, client1);
    }
    QCOMPARE(seen, keys);
}

void TestSessionTable::sessionCountersPerBackend()
{
    SessionTable table(1000, 60s);
    Backends bk;
    table.touch(u"web"_s, "a", bk(u"app1"_s), client1, 1);
    table.touch(u"web"_s, "b", bk(u"app1"_s), client1, 2);
    table.touch(u"web"_s, "c", bk(u"app2"_s), client1, 3);
    table.touch(u"web"_s, "a", bk(u"app1"_s), client1, 4); // a second request, not a second session
    table.touch(u"api"_s, "a", bk(u"api1"_s), client1, 5);
    table.touch(u"web"_s, "d", bk(u"app2"_s), client1, 6);
    table.touch(u"web"_s, "d", bk(u"app3"_s), client1, 7); // moved: counted where it is now
    QCOMPARE(bk.sessions(u"app1"_s), 2);
    QCOMPARE(bk.sessions(u"app2"_s), 1);
    QCOMPARE(bk.sessions(u"app3"_s), 1);
    QCOMPARE(bk.sessions(u"api1"_s), 1);

    // Idle means over 60 s: at 60002 nothing is (web/b, seen at 2, is idle exactly 60 s).
    QCOMPARE(table.expire(60002), 0);
    QCOMPARE(bk.sessions(u"app1"_s), 2);
    QCOMPARE(table.expire(60005), 3); // web/b (2), web/c (3), web/a (4)
    QCOMPARE(bk.sessions(u"app1"_s), 0);
    QCOMPARE(bk.sessions(u"app2"_s), 0);
    QCOMPARE(bk.sessions(u"app3"_s), 1);
    QCOMPARE(bk.sessions(u"api1"_s), 1);
    QCOMPARE(table.expire(100000), 2);
    QCOMPARE(bk.sessions(u"app3"_s), 0);
    QCOMPARE(bk.sessions(u"api1"_s), 0);
}

void TestSessionTable::concurrentTouches()
{
    constexpr int Threads = 4;
    constexpr int TouchesPerThread = 20000;
    constexpr int Keys = 500; // shared by all threads, so they contend on the same entries
    SessionTable table(100000, 3600s);
    Backends bk;
    const QList<Limpet::BackendPtr> backends = {bk(u"app0"_s), bk(u"app1"_s), bk(u"app2"_s)};

    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([&table, &backends, t] {
            for (int i = 0; i < TouchesPerThread; ++i) {
                const int k = (i * 7 + t * 13) % Keys;
                // Threads disagree on the backend now and then: sessions move concurrently.
                const int b = (k + (i % 50 == 0 ? t : 0)) % 3;
                table.touch(
                    u"web"_s, keyNumber(k), backends.at(b), client1, qint64(i) * Threads + t);
                if (i % 1000 == 0) { // readers run alongside the writers
                    (void)table.size();
                    (void)table.snapshot();
                    (void)table.backendOf(u"web"_s, keyNumber(k));
                }
            }
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(120000)));

    QCOMPARE(table.size(), Keys);
    const QList<SessionInfo> all = table.snapshot();
    QCOMPARE(all.size(), Keys);
    quint64 requests = 0;
    QHash<QString, int> bound;
    QSet<QByteArray> keys;
    for (const SessionInfo &s : all) {
        requests += s.requests;
        ++bound[s.backend];
        keys.insert(s.key);
        QCOMPARE(table.backendOf(u"web"_s, s.key), std::optional<QString>(s.backend));
    }
    QCOMPARE(keys.size(), Keys);
    QCOMPARE(requests, quint64(Threads) * TouchesPerThread);
    // Each backend's session counter matches the entries bound to it.
    int sessions = 0;
    for (const Limpet::BackendPtr &b : backends) {
        QCOMPARE(b->counters.sessions.load(), bound.value(b->name()));
        sessions += b->counters.sessions.load();
    }
    QCOMPARE(sessions, Keys);
}

/// Applies `c` to `table` (key → session) as a reader would.
void apply(QHash<QByteArray, SessionInfo> &table, const Limpet::SessionChanges &c)
{
    if (c.full)
        table.clear();
    for (const Limpet::SessionKey &k : c.removed)
        table.remove(k.pool.toUtf8() + '\0' + k.key);
    for (const SessionInfo &s : c.sessions)
        table.insert(s.pool.toUtf8() + '\0' + s.key, s);
}

void TestSessionTable::changesSinceLastRead_data()
{
    QTest::addColumn<int>("maxEntries");
    QTest::newRow("one shard") << 100;
    QTest::newRow("sixteen shards") << 100000;
}

void TestSessionTable::changesSinceLastRead()
{
    QFETCH(int, maxEntries);
    SessionTable table(maxEntries, 60s);
    Backends bk;
    for (int i = 0; i < 10; ++i)
        table.touch(u"web"_s, keyNumber(i), bk(u"app1"_s), client1, 1000);

    // The first read is the whole table.
    Limpet::SessionCursor cursor;
    Limpet::SessionChanges c = table.changes(cursor);
    QVERIFY(c.full);
    QCOMPARE(c.sessions.size(), 10);
    QVERIFY(c.removed.isEmpty());

    // Nothing moved: nothing to read.
    c = table.changes(cursor);
    QVERIFY(c.isEmpty());

    // One request, one new session, one forgotten, one pinned: exactly those.
    table.touch(u"web"_s, keyNumber(3), bk(u"app2"_s), client2, 2000);
    table.touch(u"api"_s, keyNumber(3), bk(u"app1"_s), client1, 2000);
    QVERIFY(table.forget(u"web"_s, keyNumber(5)));
    table.pin(u"web"_s, keyNumber(7), Limpet::SessionPin{bk(u"app2"_s), 0}, client1, 2000);
    c = table.changes(cursor);
    QVERIFY(!c.full);
    QCOMPARE(c.sessions.size(), 3);
    const auto web3 = find(c.sessions, u"web"_s, keyNumber(3));
    QVERIFY(web3);
    QCOMPARE(web3->backend, u"app2"_s);
    QCOMPARE(web3->requests, 2u);
    QCOMPARE(web3->client, client2);
    QVERIFY(find(c.sessions, u"api"_s, keyNumber(3)));
    QCOMPARE(find(c.sessions, u"web"_s, keyNumber(7))->pinnedBackend, u"app2"_s);
    QCOMPARE(c.removed.size(), 1);
    QCOMPARE(c.removed.first().pool, u"web"_s);
    QCOMPARE(c.removed.first().key, keyNumber(5));

    // Expiry and a removed backend are removals too.
    table.touch(u"web"_s, keyNumber(0), bk(u"app1"_s), client1, 50000);
    QCOMPARE(table.expire(62000), 7); // all but web/0 (seen at 50 s) and web/3, api/3 (2 s)...
    c = table.changes(cursor);
    QVERIFY(!c.full);
    QCOMPARE(c.removed.size(), 7);
    QCOMPARE(c.sessions.size(), 1); // web/0's request
    QCOMPARE(table.forgetBackend(bk(u"app2"_s).get()), 1); // web/3
    c = table.changes(cursor);
    QCOMPARE(c.removed.size(), 1);
    QCOMPARE(c.removed.first().key, keyNumber(3));

    // What a reader rebuilds from the changes is the table.
    QHash<QByteArray, SessionInfo> mirror;
    Limpet::SessionCursor fresh;
    apply(mirror, table.changes(fresh));
    QCOMPARE(mirror.size(), table.size());

    // Another table: the cursor starts over with a full read.
    SessionTable other(maxEntries, 60s);
    other.touch(u"web"_s, "x", bk(u"app1"_s), client1, 1000);
    c = other.changes(cursor);
    QVERIFY(c.full);
    QCOMPARE(c.sessions.size(), 1);
}

void TestSessionTable::changesForSeveralReaders()
{
    SessionTable table(100000, 60s);
    Backends bk;
    for (int i = 0; i < 10; ++i)
        table.touch(u"web"_s, keyNumber(i), bk(u"app1"_s), client1, 1000);
    Limpet::SessionCursor a;
    Limpet::SessionCursor b;
    QVERIFY(table.changes(a).full);
    QVERIFY(table.changes(b).full);

    // Each reader gets what changed since its own last read, whoever read in between.
    table.touch(u"web"_s, keyNumber(1), bk(u"app2"_s), client1, 2000);
    Limpet::SessionChanges c = table.changes(a);
    QVERIFY(!c.full);
    QCOMPARE(c.sessions.size(), 1);
    QCOMPARE(c.sessions.first().key, keyNumber(1));
    table.touch(u"web"_s, keyNumber(1), bk(u"app2"_s), client1, 3000);
    table.touch(u"web"_s, keyNumber(2), bk(u"app2"_s), client1, 3000);
    QVERIFY(table.forget(u"web"_s, keyNumber(3)));
    c = table.changes(b); // web/1 twice since b's read: once, as it is now
    QVERIFY(!c.full);
    QCOMPARE(c.sessions.size(), 2);
    QCOMPARE(find(c.sessions, u"web"_s, keyNumber(1))->requests, 3u);
    QVERIFY(find(c.sessions, u"web"_s, keyNumber(2)));
    QCOMPARE(c.removed.size(), 1);
    QCOMPARE(c.removed.first().key, keyNumber(3));
    c = table.changes(a); // a read web/1 already, but it changed again since
    QVERIFY(!c.full);
    QCOMPARE(c.sessions.size(), 2);
    QCOMPARE(find(c.sessions, u"web"_s, keyNumber(1))->requests, 3u);
    QCOMPARE(c.removed.size(), 1);
    QVERIFY(table.changes(a).isEmpty());
    QVERIFY(table.changes(b).isEmpty());

    // A copy of a cursor that was used already no longer matches its reader: a whole table.
    Limpet::SessionCursor replay = a;
    table.touch(u"web"_s, keyNumber(4), bk(u"app1"_s), client1, 4000);
    QCOMPARE(table.changes(a).sessions.size(), 1);
    c = table.changes(replay);
    QVERIFY(c.full);
    QCOMPARE(c.sessions.size(), 9);
}

void TestSessionTable::changesFollowConcurrentWriters()
{
    // Writers touch, forget and pin while a reader follows the changes: at the end the
    // reader's copy is the table, value for value.
    constexpr int Threads = 3;
    constexpr int Ops = 20000;
    constexpr int Keys = 2000;
    SessionTable table(100000, 3600s);
    Backends bk;
    const QList<Limpet::BackendPtr> backends = {bk(u"app0"_s), bk(u"app1"_s), bk(u"app2"_s)};
    std::atomic<bool> done{false};
    // Two readers, each with its own copy, at their own pace.
    QHash<QByteArray, SessionInfo> mirrors[2];
    Limpet::SessionCursor cursors[2];
    int reads[2] = {0, 0};
    std::unique_ptr<QThread> readers[2];
    for (int r = 0; r < 2; ++r) {
        readers[r].reset(QThread::create([&, r] {
            while (!done.load()) {
                apply(mirrors[r], table.changes(cursors[r]));
                ++reads[r];
                if (r == 1)
                    QThread::yieldCurrentThread(); // the second one reads less often
            }
        }));
        readers[r]->start();
    }
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back(QThread::create([&table, &backends, t] {
            for (int i = 0; i < Ops; ++i) {
                const int k = (i * 31 + t * 7) % Keys;
                if (i % 7 == 0)
                    table.forget(u"web"_s, keyNumber(k));
                else if (i % 101 == 0)
                    table.pin(
                        u"web"_s, keyNumber(k), Limpet::SessionPin{backends.at(t), 0}, client2, i);
                else
                    table.touch(u"web"_s, keyNumber(k), backends.at((k + t) % 3), client1, i);
            }
        }));
    }
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(120000)));
    done = true;
    const QList<SessionInfo> all = table.snapshot();
    for (int r = 0; r < 2; ++r) {
        QVERIFY(readers[r]->wait(QDeadlineTimer(120000)));
        QVERIFY(reads[r] > 1);
        const Limpet::SessionChanges last = table.changes(cursors[r]);
        QVERIFY(!last.full); // each followed the table all along
        apply(mirrors[r], last); // what came after the reader's last read
        const QHash<QByteArray, SessionInfo> &mirror = mirrors[r];
        QCOMPARE(mirror.size(), all.size());
        for (const SessionInfo &s : all) {
            const auto it = mirror.constFind(s.pool.toUtf8() + '\0' + s.key);
            QVERIFY2(it != mirror.cend(), s.key.constData());
            QCOMPARE(it->backend, s.backend);
            QCOMPARE(it->requests, s.requests);
            QCOMPARE(it->lastSeenMs, s.lastSeenMs);
            QCOMPARE(it->pinnedBackend, s.pinnedBackend);
        }
    }
}

QTEST_GUILESS_MAIN(TestSessionTable)
#include "tst_sessiontable.moc"
