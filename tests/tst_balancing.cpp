// Tests of the balancing algorithms (engine/balancing/): which backend each one picks, how its
// picks follow the weights, and, for the consistent hash, which keys move when backends come and
// go.

#include "affinity/affinitymode.h"
#include "balancing/balancer.h"

#include <QHash>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using Limpet::BackendPtr;
using Limpet::BalanceContext;
using Limpet::Balancer;

namespace {

constexpr int keyCount = 10000;

BackendPtr makeBackend(const QString &name, int weight, quint32 id)
{
    Limpet::BackendConfig config;
    config.name = name;
    config.address = Limpet::Endpoint{QHostAddress::LocalHost, quint16(9000 + id)};
    config.weight = weight;
    return std::make_shared<Limpet::Backend>(config, id);
}

/// Backends b0, b1, ... with these weights and ids 0, 1, ...
QList<BackendPtr> makeBackends(const QList<int> &weights)
{
    QList<BackendPtr> out;
    for (qsizetype i = 0; i < weights.size(); ++i)
        out.append(makeBackend(u"b%1"_s.arg(i), weights.at(i), quint32(i)));
    return out;
}

/// Backends with these names, weight 1, ids from `firstId`.
QList<BackendPtr> namedBackends(const QStringList &names, quint32 firstId = 0)
{
    QList<BackendPtr> out;
    for (const QString &name : names)
        out.append(makeBackend(name, 1, firstId + quint32(out.size())));
    return out;
}

std::unique_ptr<Balancer> balancer(const QString &name)
{
    std::unique_ptr<Balancer> b = Limpet::makeBalancer(name);
    if (!b)
        qFatal("no balancer named %s", qPrintable(name));
    return b;
}

/// How many of `picks` picks went to each backend, by name.
QHash<QString, int> countPicks(Balancer &balancer, const QList<BackendPtr> &candidates, int picks,
    const BalanceContext &context = {})
{
    QHash<QString, int> counts;
    for (int i = 0; i < picks; ++i)
        ++counts[balancer.pick(candidates, context)->name()];
    return counts;
}

/// The hash of test key i, made as the hash affinity modes make theirs.
quint64 keyHash(int i)
{
    return Limpet::stableHash(QByteArray("key-" + QByteArray::number(i)));
}

/// The backend (name) each of the test keys maps to.
QStringList mapKeys(Balancer &balancer, const QList<BackendPtr> &candidates)
{
    QStringList out;
    out.reserve(keyCount);
    for (int i = 0; i < keyCount; ++i)
        out.append(balancer.pick(candidates, BalanceContext{keyHash(i)})->name());
    return out;
}

QList<BackendPtr> without(QList<BackendPtr> list, const QString &name)
{
    list.removeIf([&name](const BackendPtr &b) { return b->name() == name; });
    return list;
}

/// One row per algorithm, for the tests every algorithm must pass.
void addAlgorithmRows()
{
    QTest::addColumn<QString>("algorithm");
    for (const QString &name :
        {u"roundrobin"_s, u"random"_s, u"leastconn"_s, u"byrequests"_s, u"consistent"_s})
        QTest::newRow(qPrintable(name)) << name;
}

} // namespace

class TestBalancing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void makeBalancerNames_data();
    void makeBalancerNames();
    void unknownName();
    void emptyAndSingle_data();
    void emptyAndSingle();

    void exactShares_data();
    void exactShares();
    void byRequestsSequence_data();
    void byRequestsSequence();
    void randomShares_data();
    void randomShares();

    void leastConnPrefersLighter_data();
    void leastConnPrefersLighter();
    void leastConnTiesTakeTurns_data();
    void leastConnTiesTakeTurns();
    void leastConnFollowsLoad();

    void consistentSameHashSameBackend();
    void consistentAddBackend_data();
    void consistentAddBackend();
    void consistentRemoveBackend_data();
    void consistentRemoveBackend();
    void consistentWeightsShiftShare_data();
    void consistentWeightsShiftShare();
    void consistentWeightChange();

    void concurrentRoundRobinExact();
    void concurrentPicks_data();
    void concurrentPicks();
};

void TestBalancing::makeBalancerNames_data()
{
    addAlgorithmRows();
}

void TestBalancing::makeBalancerNames()
{
    QFETCH(QString, algorithm);
    const std::unique_ptr<Balancer> b = Limpet::makeBalancer(algorithm);
    QVERIFY(b);
    QCOMPARE(b->name(), algorithm);
}

void TestBalancing::unknownName()
{
    QVERIFY(!Limpet::makeBalancer(u"weighted"_s));
    QVERIFY(!Limpet::makeBalancer(u""_s));
}

void TestBalancing::emptyAndSingle_data()
{
    addAlgorithmRows();
}

void TestBalancing::emptyAndSingle()
{
    QFETCH(QString, algorithm);
    const auto b = balancer(algorithm);
    QVERIFY(!b->pick({}, {}));
    QVERIFY(!b->pick({}, BalanceContext{42}));
    const QList<BackendPtr> one = makeBackends({3});
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(b->pick(one, {}).get(), one.first().get());
        QCOMPARE(b->pick(one, BalanceContext{keyHash(i)}).get(), one.first().get());
    }
}

void TestBalancing::exactShares_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<int>("picks");
    QTest::addColumn<QList<int>>("expected");

    // Idle backends all tie for leastconn: the weighted tie-break makes it exact too.
    for (const QString &name : {u"roundrobin"_s, u"byrequests"_s, u"leastconn"_s}) {
        QTest::addRow("%s 1,1,1", qPrintable(name))
            << name << QList<int>{1, 1, 1} << 300 << QList<int>{100, 100, 100};
        QTest::addRow("%s 3,1", qPrintable(name))
            << name << QList<int>{3, 1} << 100 << QList<int>{75, 25};
        QTest::addRow("%s 5,2,1", qPrintable(name))
            << name << QList<int>{5, 2, 1} << 800 << QList<int>{500, 200, 100};
        QTest::addRow("%s 1,9", qPrintable(name))
            << name << QList<int>{1, 9} << 1000 << QList<int>{100, 900};
    }
}

void TestBalancing::exactShares()
{
    QFETCH(QString, algorithm);
    QFETCH(QList<int>, weights);
    QFETCH(int, picks);
    QFETCH(QList<int>, expected);

    const auto b = balancer(algorithm);
    const QList<BackendPtr> candidates = makeBackends(weights);
    const QHash<QString, int> counts = countPicks(*b, candidates, picks);
    for (qsizetype i = 0; i < candidates.size(); ++i)
        QCOMPARE(counts.value(candidates.at(i)->name()), expected.at(i));
}

void TestBalancing::byRequestsSequence_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QString>("sequence");

    // Worked by hand from mod_lbmethod_byrequests: lbstatus += lbfactor for all, the highest
    // (first on a tie) wins and loses the total.
    QTest::newRow("3,1") << QList<int>{3, 1} << u"b0 b0 b1 b0 b0 b0 b1 b0"_s;
    QTest::newRow("5,1,1") << QList<int>{5, 1, 1} << u"b0 b0 b1 b0 b2 b0 b0 b0 b0 b1"_s;
    QTest::newRow("2,3") << QList<int>{2, 3} << u"b1 b0 b1 b0 b1 b1 b0"_s;
    QTest::newRow("1,1,1") << QList<int>{1, 1, 1} << u"b0 b1 b2 b0 b1 b2"_s;
}

void TestBalancing::byRequestsSequence()
{
    QFETCH(QList<int>, weights);
    QFETCH(QString, sequence);

    const auto b = balancer(u"byrequests"_s);
    const QList<BackendPtr> candidates = makeBackends(weights);
    QStringList picked;
    for (qsizetype i = 0; i < sequence.split(u' ').size(); ++i)
        picked.append(b->pick(candidates, {})->name());
    QCOMPARE(picked.join(u' '), sequence);
}

void TestBalancing::randomShares_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QList<int>>("weights");

    // consistent without a hash is weighted random as well.
    for (const QString &name : {u"random"_s, u"consistent"_s}) {
        QTest::addRow("%s 1,1,1", qPrintable(name)) << name << QList<int>{1, 1, 1};
        QTest::addRow("%s 3,1", qPrintable(name)) << name << QList<int>{3, 1};
        QTest::addRow("%s 5,2,1", qPrintable(name)) << name << QList<int>{5, 2, 1};
        QTest::addRow("%s 1,9", qPrintable(name)) << name << QList<int>{1, 9};
    }
}

void TestBalancing::randomShares()
{
    QFETCH(QString, algorithm);
    QFETCH(QList<int>, weights);

    constexpr int picks = 30000;
    // The standard deviation of a share over 30,000 picks is at most 0.3 percentage points:
    // 2 points is wide enough never to fail by chance, narrow enough to catch ignored weights.
    constexpr double tolerance = 0.02;
    const auto b = balancer(algorithm);
    const QList<BackendPtr> candidates = makeBackends(weights);
    const QHash<QString, int> counts = countPicks(*b, candidates, picks);
    int total = 0;
    for (int w : weights)
        total += w;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const double share = double(counts.value(candidates.at(i)->name())) / picks;
        const double expected = double(weights.at(i)) / total;
        QVERIFY2(qAbs(share - expected) <= tolerance,
            qPrintable(u"%1: share %2, expected %3"_s.arg(candidates.at(i)->name())
                           .arg(share)
                           .arg(expected)));
    }
}

void TestBalancing::leastConnPrefersLighter_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QList<int>>("active");
    QTest::addColumn<QString>("expected");

    QTest::newRow("fewest-active") << QList<int>{1, 1, 1} << QList<int>{3, 1, 2} << u"b1"_s;
    QTest::newRow("fewest-active-last") << QList<int>{1, 1, 1} << QList<int>{2, 2, 0} << u"b2"_s;
    QTest::newRow("idle-beats-busy") << QList<int>{1, 5} << QList<int>{0, 1} << u"b0"_s;
    // 3/2 = 1.5 < 2/1: the heavier backend takes more requests in flight.
    QTest::newRow("weight-offsets-load") << QList<int>{2, 1} << QList<int>{3, 2} << u"b0"_s;
    // 6/4 = 1.5 > 1/1: but not without limit.
    QTest::newRow("weight-not-enough") << QList<int>{4, 1} << QList<int>{6, 1} << u"b1"_s;
    QTest::newRow("heavier-with-more") << QList<int>{1, 3} << QList<int>{1, 2} << u"b1"_s;
}

void TestBalancing::leastConnPrefersLighter()
{
    QFETCH(QList<int>, weights);
    QFETCH(QList<int>, active);
    QFETCH(QString, expected);

    const auto b = balancer(u"leastconn"_s);
    const QList<BackendPtr> candidates = makeBackends(weights);
    for (qsizetype i = 0; i < candidates.size(); ++i)
        candidates.at(i)->counters.active = active.at(i);
    const QHash<QString, int> counts = countPicks(*b, candidates, 20);
    QCOMPARE(counts.value(expected), 20);
}

void TestBalancing::leastConnTiesTakeTurns_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<QList<int>>("active");
    QTest::addColumn<QList<int>>("expected"); ///< of 90 picks

    QTest::newRow("two-tie") << QList<int>{1, 1, 1} << QList<int>{1, 1, 5} << QList<int>{45, 45, 0};
    QTest::newRow("two-tie-not-first")
        << QList<int>{1, 1, 1} << QList<int>{5, 1, 1} << QList<int>{0, 45, 45};
    // 2/2 = 1/1: the tie is shared 2:1 by weight.
    QTest::newRow("weighted-tie") << QList<int>{2, 1, 1} << QList<int>{2, 1, 9}
                                  << QList<int>{60, 30, 0};
}

void TestBalancing::leastConnTiesTakeTurns()
{
    QFETCH(QList<int>, weights);
    QFETCH(QList<int>, active);
    QFETCH(QList<int>, expected);

    const auto b = balancer(u"leastconn"_s);
    const QList<BackendPtr> candidates = makeBackends(weights);
    for (qsizetype i = 0; i < candidates.size(); ++i)
        candidates.at(i)->counters.active = active.at(i);
    const QHash<QString, int> counts = countPicks(*b, candidates, 90);
    for (qsizetype i = 0; i < candidates.size(); ++i)
        QCOMPARE(counts.value(candidates.at(i)->name()), expected.at(i));
}

void TestBalancing::leastConnFollowsLoad()
{
    // Requests that never finish: each pick adds one in flight on the chosen backend, so the
    // requests in flight end up in proportion to the weights.
    const auto b = balancer(u"leastconn"_s);
    const QList<BackendPtr> candidates = makeBackends({3, 1});
    for (int i = 0; i < 400; ++i)
        ++b->pick(candidates, {})->counters.active;
    QCOMPARE(candidates.at(0)->counters.active.load(), 300);
    QCOMPARE(candidates.at(1)->counters.active.load(), 100);

    // b0's requests finish: it takes every new one until it is as loaded as b1 again.
    candidates.at(0)->counters.active = 0;
    for (int i = 0; i < 300; ++i)
        QCOMPARE(b->pick(candidates, {}).get(), candidates.at(0).get());
}

void TestBalancing::consistentSameHashSameBackend()
{
    const QStringList names{u"app-1"_s, u"app-2"_s, u"app-3"_s, u"app-4"_s};
    const QList<BackendPtr> candidates = namedBackends(names);
    const auto b = balancer(u"consistent"_s);
    const QStringList first = mapKeys(*b, candidates);
    QCOMPARE(mapKeys(*b, candidates), first);

    // Another instance, or this one after a restart: other ids, addresses and list order, the
    // same names. The ring depends on the names only.
    QList<BackendPtr> elsewhere = namedBackends(names, 100);
    std::reverse(elsewhere.begin(), elsewhere.end());
    const auto other = balancer(u"consistent"_s);
    QCOMPARE(mapKeys(*other, elsewhere), first);

    // Every backend gets some keys.
    for (const QString &name : names)
        QVERIFY2(first.count(name) > keyCount / 8, qPrintable(name));
}

void TestBalancing::consistentAddBackend_data()
{
    QTest::addColumn<QStringList>("names"); ///< the last one joins

    QTest::newRow("app") << QStringList{u"app-1"_s, u"app-2"_s, u"app-3"_s, u"app-4"_s};
    QTest::newRow("addresses") << QStringList{
        u"10.0.0.11:8080"_s, u"10.0.0.12:8080"_s, u"10.0.0.13:8080"_s, u"10.0.0.14:8080"_s};
    QTest::newRow("greek") << QStringList{u"alpha"_s, u"beta"_s, u"gamma"_s, u"delta"_s};
}

void TestBalancing::consistentAddBackend()
{
    QFETCH(QStringList, names);

    const QList<BackendPtr> four = namedBackends(names);
    const QList<BackendPtr> three = four.mid(0, 3);
    const QString joined = names.last();
    const auto b = balancer(u"consistent"_s);
    const QStringList before = mapKeys(*b, three);
    const QStringList after = mapKeys(*b, four);

    int moved = 0;
    int movedBetweenOld = 0;
    for (int i = 0; i < keyCount; ++i) {
        if (before.at(i) == after.at(i))
            continue;
        ++moved;
        if (after.at(i) != joined)
            ++movedBetweenOld;
    }
    const double fraction = double(moved) / keyCount;
    qInfo("3 -> 4 backends (%s joins): %d of %d keys moved (%.2f%%), all onto the new backend: "
          "%d moved between the other three",
        qPrintable(joined), moved, keyCount, fraction * 100, movedBetweenOld);
    QCOMPARE(movedBetweenOld, 0);
    QVERIFY2(fraction >= 0.20 && fraction <= 0.30, qPrintable(QString::number(fraction)));
}

void TestBalancing::consistentRemoveBackend_data()
{
    QTest::addColumn<QString>("removed");

    for (const QString &name : {u"app-1"_s, u"app-2"_s, u"app-3"_s, u"app-4"_s})
        QTest::newRow(qPrintable(name)) << name;
}

void TestBalancing::consistentRemoveBackend()
{
    QFETCH(QString, removed);

    const QList<BackendPtr> four = namedBackends({u"app-1"_s, u"app-2"_s, u"app-3"_s, u"app-4"_s});
    const auto b = balancer(u"consistent"_s);
    const QStringList before = mapKeys(*b, four);
    const QStringList after = mapKeys(*b, without(four, removed));

    int moved = 0;
    int movedNotOnRemoved = 0;
    QHash<QString, int> heirs; ///< where the removed backend's keys went
    for (int i = 0; i < keyCount; ++i) {
        if (before.at(i) == after.at(i))
            continue;
        ++moved;
        if (before.at(i) != removed)
            ++movedNotOnRemoved;
        else
            ++heirs[after.at(i)];
    }
    QStringList spread;
    for (auto it = heirs.cbegin(); it != heirs.cend(); ++it)
        spread.append(u"%1: %2"_s.arg(it.key()).arg(it.value()));
    spread.sort();
    qInfo("4 -> 3 backends (%s leaves): %d of %d keys moved (%.2f%%), %d of them were not on it; "
          "its keys went to %s",
        qPrintable(removed), moved, keyCount, double(moved) * 100 / keyCount, movedNotOnRemoved,
        qPrintable(spread.join(u", "_s)));
    QCOMPARE(movedNotOnRemoved, 0);
    QCOMPARE(moved, int(before.count(removed)));
    // Its keys are shared out among the survivors, not dumped on one neighbour.
    QCOMPARE(heirs.size(), 3);
}

void TestBalancing::consistentWeightsShiftShare_data()
{
    QTest::addColumn<QList<int>>("weights");

    QTest::newRow("1,1") << QList<int>{1, 1};
    QTest::newRow("2,1") << QList<int>{2, 1};
    QTest::newRow("2,1,1") << QList<int>{2, 1, 1};
    QTest::newRow("3,1") << QList<int>{3, 1};
    QTest::newRow("1,1,1,5") << QList<int>{1, 1, 1, 5};
}

void TestBalancing::consistentWeightsShiftShare()
{
    QFETCH(QList<int>, weights);

    const QList<BackendPtr> candidates = makeBackends(weights);
    const auto b = balancer(u"consistent"_s);
    const QStringList map = mapKeys(*b, candidates);
    int total = 0;
    for (int w : weights)
        total += w;
    QStringList shares;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const double share = double(map.count(candidates.at(i)->name())) / keyCount;
        const double expected = double(weights.at(i)) / total;
        shares.append(u"%1 %2% (weight %3%)"_s.arg(candidates.at(i)->name())
                          .arg(share * 100, 0, 'f', 1)
                          .arg(expected * 100, 0, 'f', 1));
        // Virtual nodes even out the ring to within a few points of the weights' shares.
        QVERIFY2(qAbs(share - expected) <= 0.05, qPrintable(shares.last()));
    }
    qInfo("key shares: %s", qPrintable(shares.join(u", "_s)));
}

void TestBalancing::consistentWeightChange()
{
    // A weight change rebuilds the ring; keys move only onto the backend that got heavier.
    const QList<BackendPtr> candidates = makeBackends({1, 1, 1});
    const auto b = balancer(u"consistent"_s);
    const QStringList before = mapKeys(*b, candidates);
    candidates.at(2)->setWeight(2);
    const QStringList after = mapKeys(*b, candidates);
    int moved = 0;
    for (int i = 0; i < keyCount; ++i) {
        if (before.at(i) != after.at(i)) {
            ++moved;
            QCOMPARE(after.at(i), u"b2"_s);
        }
    }
    const double fraction = double(moved) / keyCount;
    qInfo("b2 weight 1 -> 2 of 1,1,1: %d keys moved (%.2f%%; 1/2 - 1/3 = 16.7%% expected)", moved,
        fraction * 100);
    QVERIFY(fraction > 0.12 && fraction < 0.22);

    // And back: the same ring as before.
    candidates.at(2)->setWeight(1);
    QCOMPARE(mapKeys(*b, candidates), before);
}

void TestBalancing::concurrentRoundRobinExact()
{
    constexpr int threadCount = 4;
    constexpr int picksPerThread = 3000;
    const auto b = balancer(u"roundrobin"_s);
    const QList<BackendPtr> candidates = makeBackends({1, 1, 1});
    std::vector<QHash<QString, int>> counts(threadCount);
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            for (int i = 0; i < picksPerThread; ++i)
                ++counts[size_t(t)][b->pick(candidates, {})->name()];
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(60000)));
    QHash<QString, int> total;
    for (const auto &c : counts) {
        for (auto it = c.cbegin(); it != c.cend(); ++it)
            total[it.key()] += it.value();
    }
    for (const BackendPtr &backend : candidates)
        QCOMPARE(total.value(backend->name()), threadCount * picksPerThread / 3);
}

void TestBalancing::concurrentPicks_data()
{
    addAlgorithmRows();
}

void TestBalancing::concurrentPicks()
{
    QFETCH(QString, algorithm);

    // Four threads pick from six candidate sets in turn (backends leaving and coming back, as
    // with health flapping; more sets than the consistent balancer caches), with and without a
    // hash. Every pick must be a candidate of its set and, with a hash, the backend a lone picker
    // would choose for that set.
    constexpr int threadCount = 4;
    constexpr int picksPerThread = 5000;
    const auto b = balancer(algorithm);
    const QList<BackendPtr> all = makeBackends({1, 2, 1, 3});
    QList<QList<BackendPtr>> sets{all, all.mid(0, 2)};
    for (const BackendPtr &gone : all)
        sets.append(without(all, gone->name()));
    const auto reference = balancer(algorithm);
    QList<QStringList> expected;
    for (const QList<BackendPtr> &set : sets)
        expected.append(mapKeys(*reference, set));

    std::atomic<int> picks{0};
    std::atomic<int> wrong{0};
    std::vector<std::unique_ptr<QThread>> threads;
    for (int t = 0; t < threadCount; ++t) {
        threads.emplace_back(QThread::create([&, t] {
            for (int i = 0; i < picksPerThread; ++i) {
                const qsizetype s = (i / 50 + t) % sets.size();
                const QList<BackendPtr> &set = sets.at(s);
                const int key = (i * 31 + t) % keyCount;
                const bool hashed = i % 2 == 0;
                const BackendPtr picked
                    = b->pick(set, hashed ? BalanceContext{keyHash(key)} : BalanceContext{});
                ++picked->counters.active; // a request in flight while the others pick
                if (!set.contains(picked))
                    ++wrong;
                else if (hashed && algorithm == "consistent"_L1
                    && picked->name() != expected.at(s).at(key))
                    ++wrong;
                ++picks;
                --picked->counters.active;
            }
        }));
        threads.back()->start();
    }
    for (const auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(60000)));
    QCOMPARE(picks.load(), threadCount * picksPerThread);
    QCOMPARE(wrong.load(), 0);
    for (const BackendPtr &backend : all)
        QCOMPARE(backend->counters.active.load(), 0);
}

QTEST_GUILESS_MAIN(TestBalancing)
#include "tst_balancing.moc"
