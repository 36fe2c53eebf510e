// The decision ring as live readers see it: since() hands over what was recorded after a reader's
// last read, a sample of the newest under load, and every decision of what the reader follows.

#include "log/decisionlog.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Limpet::Decision;
using Limpet::DecisionFilter;
using Limpet::DecisionLog;

namespace {

Decision decision(int n, const QByteArray &keySeen, const QByteArray &key, const QString &client)
{
    Decision d;
    d.timeMs = n;
    d.pool = u"web"_s;
    d.keySeen = keySeen;
    d.key = key;
    d.client = QHostAddress(client);
    d.target = "/" + QByteArray::number(n);
    return d;
}

QList<qint64> times(const QList<Decision> &decisions)
{
    QList<qint64> out;
    for (const Decision &d : decisions)
        out.append(d.timeMs);
    return out;
}

} // namespace

class TestDecisionLog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sinceHandsOverTheNewest();
    void filterKeepsFollowedDecisions();
    void filterByClient();
};

void TestDecisionLog::sinceHandsOverTheNewest()
{
    DecisionLog log(100);
    const DecisionLog::RequestFacts facts;
    for (int i = 1; i <= 10; ++i)
        log.record(decision(i, "k" + QByteArray::number(i), {}, u"192.0.2.1"_s), facts);
    auto [all, total] = log.since(0, 100);
    QCOMPARE(total, 10u);
    QCOMPARE(times(all), (QList<qint64>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));

    // More waiting than the limit: the newest, oldest first.
    for (int i = 11; i <= 20; ++i)
        log.record(decision(i, {}, {}, u"192.0.2.1"_s), facts);
    auto [sample, next] = log.since(total, 3);
    QCOMPARE(next, 20u);
    QCOMPARE(times(sample), (QList<qint64>{18, 19, 20}));
    QVERIFY(log.since(next, 3).first.isEmpty());
}

void TestDecisionLog::filterKeepsFollowedDecisions()
{
    DecisionLog log(1000);
    const DecisionLog::RequestFacts facts;
    // 500 decisions; the followed session's are the 100th (by the cookie it sent) and the
    // 300th (by the cookie it was issued).
    for (int i = 1; i <= 500; ++i) {
        QByteArray seen = "other-" + QByteArray::number(i);
        QByteArray key = seen;
        if (i == 100)
            seen = key = "traced";
        if (i == 300)
            key = "traced";
        log.record(decision(i, seen, key, u"192.0.2.1"_s), facts);
    }
    DecisionFilter filter;
    filter.keys = {"traced"};
    auto [out, total] = log.since(0, 5, filter);
    QCOMPARE(total, 500u);
    QCOMPARE(times(out), (QList<qint64>{100, 300, 496, 497, 498, 499, 500}));
    // A followed decision among the newest comes once.
    log.record(decision(501, "traced", "traced", u"192.0.2.1"_s), facts);
    auto [again, after] = log.since(total, 5, filter);
    QCOMPARE(after, 501u);
    QCOMPARE(times(again), (QList<qint64>{501}));
}

void TestDecisionLog::filterByClient()
{
    DecisionLog log(100);
    const DecisionLog::RequestFacts facts;
    for (int i = 1; i <= 50; ++i)
        log.record(decision(i, {}, {}, i == 7 ? u"::ffff:198.51.100.7"_s : u"192.0.2.1"_s), facts);
    DecisionFilter filter;
    filter.client = QHostAddress(u"198.51.100.7"_s); // as the user types it: IPv4
    QCOMPARE(times(log.since(0, 2, filter).first), (QList<qint64>{7, 49, 50}));
    QCOMPARE(times(log.since(0, 2).first), (QList<qint64>{49, 50}));
}

QTEST_GUILESS_MAIN(TestDecisionLog)
#include "tst_decisionlog.moc"
