// The Charts view: request rate, response time, error rate and sessions per backend over the
// last five minutes, computed from the counters of successive snapshots.

#include "fakeclient.h"

#include "charts/chartsview.h"

#include <QAbstractSeries>
#include <QChart>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace LimpetTest;
using Limpet::BackendSnapshot;
using Limpet::EngineSnapshot;
using Metric = Limpet::ChartsView::Metric;

namespace {

/// Snapshot times: fixed, so nothing depends on this computer's clock.
constexpr qint64 T0 = 1'700'000'000'000;

struct Counters
{
    quint64 requests = 0;
    quint64 ok = 0; ///< 2xx responses
    quint64 serverErrors = 0; ///< 5xx responses
    quint64 noResponse = 0;
    int sessions = 0;
    std::array<quint64, Limpet::LatencyBucketsMs.size() + 1> latency{};
};

BackendSnapshot backend(const QString &name, const Counters &c)
{
    BackendSnapshot b;
    b.pool = u"web"_s;
    b.name = name;
    b.requests = c.requests;
    b.responses[0] = c.noResponse;
    b.responses[2] = c.ok;
    b.responses[5] = c.serverErrors;
    b.sessions = c.sessions;
    b.latencyBuckets = c.latency;
    return b;
}

EngineSnapshot snapshot(qint64 timeMs, const QList<BackendSnapshot> &backends)
{
    EngineSnapshot s;
    s.timeMs = timeMs;
    Limpet::PoolSnapshot pool;
    pool.name = u"web"_s;
    pool.backends = backends;
    s.pools.append(pool);
    return s;
}

QList<double> ys(const QList<QPointF> &points)
{
    QList<double> values;
    for (const QPointF &p : points)
        values.append(p.y());
    return values;
}

struct Fixture
{
    FakeClient client;
    Limpet::ChartsView view;

    Fixture()
    {
        view.setClient(&client);
        view.resize(900, 600);
        view.show();
    }
    void push(qint64 timeMs, const QList<BackendSnapshot> &backends)
    {
        Q_EMIT client.snapshotUpdated(snapshot(timeMs, backends));
    }
    [[nodiscard]] QList<QPointF> points(Metric metric, const QString &backend) const
    {
        return view.points(metric, backend);
    }
};

} // namespace

class TestUiCharts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestRates();
    void responseTimePercentiles();
    void errorRate();
    void sessions();
    void pauseAndResume();
    void keepsFiveMinutes();
    void backendsComeAndGo();
    void switchingClients();
};

void TestUiCharts::requestRates()
{
    Fixture f;
    Counters b1, b2;
    f.push(T0, {backend(u"b1"_s, b1), backend(u"b2"_s, b2)});
    b1.requests = 100; // 100 requests in 0.5 s: 200 req/s
    b2.requests = 50;
    f.push(T0 + 500, {backend(u"b1"_s, b1), backend(u"b2"_s, b2)});
    b1.requests = 300; // 200 in 0.5 s: 400 req/s
    f.push(T0 + 1000, {backend(u"b1"_s, b1), backend(u"b2"_s, b2)});
    b1.requests = 400; // 100 in 2 s: 50 req/s
    b2.requests = 150;
    f.push(T0 + 3000, {backend(u"b1"_s, b1), backend(u"b2"_s, b2)});

    QTRY_COMPARE(f.points(Metric::RequestRate, u"b1"_s).size(), 3);
    QCOMPARE(ys(f.points(Metric::RequestRate, u"b1"_s)), QList<double>({200, 400, 50}));
    QCOMPARE(ys(f.points(Metric::RequestRate, u"web/b2"_s)), QList<double>({100, 0, 50}));
    QCOMPARE(f.points(Metric::RequestRate, u"b1"_s).last().x(), double(T0 + 3000));

    // The chart stacks them: one area per backend, b2's on top of b1's.
    QChart *chart = f.view.chart(Limpet::ChartsView::Chart::Requests);
    QCOMPARE(chart->series().size(), 2);
    QCOMPARE(chart->series().at(0)->name(), u"b1"_s);
    QCOMPARE(chart->series().at(1)->name(), u"b2"_s);
}

void TestUiCharts::responseTimePercentiles()
{
    Fixture f;
    Counters b1;
    b1.latency[1] = 500; // earlier responses, before the first snapshot: not in any delta
    f.push(T0, {backend(u"b1"_s, b1)});
    // 100 responses in (5, 10] ms and 2 in (100, 250] ms: p50 in the first, p99 in the second.
    b1.latency[3] += 100;
    b1.latency[7] += 2;
    f.push(T0 + 500, {backend(u"b1"_s, b1)});
    // Then 1000 in (0, 1] ms: both in there.
    b1.latency[0] += 1000;
    f.push(T0 + 1000, {backend(u"b1"_s, b1)});
    // Then nothing: no point.
    f.push(T0 + 1500, {backend(u"b1"_s, b1)});

    QTRY_COMPARE(f.points(Metric::Sessions, u"b1"_s).size(), 4);
    const QList<QPointF> p50 = f.points(Metric::ResponseTimeP50, u"b1"_s);
    const QList<QPointF> p99 = f.points(Metric::ResponseTimeP99, u"b1"_s);
    QCOMPARE(p50.size(), 2);
    QCOMPARE(p99.size(), 2);
    QCOMPARE(p50[0].x(), double(T0 + 500));
    QVERIFY2(p50[0].y() > 5 && p50[0].y() <= 10, qPrintable(QString::number(p50[0].y())));
    QVERIFY2(p99[0].y() > 100 && p99[0].y() <= 250, qPrintable(QString::number(p99[0].y())));
    QVERIFY2(p50[1].y() > 0 && p50[1].y() <= 1, qPrintable(QString::number(p50[1].y())));
    QVERIFY2(p99[1].y() > 0 && p99[1].y() <= 1, qPrintable(QString::number(p99[1].y())));
    // Interpolated: the 51st of 102 is past half of the 100 in (5, 10].
    QCOMPARE(p50[0].y(), 5 + 5 * 51.0 / 100);
}

void TestUiCharts::errorRate()
{
    Fixture f;
    Counters b1;
    b1.ok = 1000;
    b1.serverErrors = 1000; // before the first snapshot: not counted
    f.push(T0, {backend(u"b1"_s, b1)});
    b1.ok += 90;
    b1.serverErrors += 5;
    b1.noResponse += 5; // 10 errors of 100 responses
    f.push(T0 + 500, {backend(u"b1"_s, b1)});
    b1.ok += 40;
    f.push(T0 + 1000, {backend(u"b1"_s, b1)});
    b1.serverErrors += 1;
    b1.ok += 3;
    f.push(T0 + 1500, {backend(u"b1"_s, b1)});
    QTRY_COMPARE(f.points(Metric::ErrorRate, u"b1"_s).size(), 3);
    QCOMPARE(ys(f.points(Metric::ErrorRate, u"b1"_s)), QList<double>({10, 0, 25}));
}

void TestUiCharts::sessions()
{
    Fixture f;
    Counters b1, b2;
    for (int i = 0; i < 3; ++i) {
        b1.sessions = 10 * (i + 1);
        b2.sessions = 7 - i;
        f.push(T0 + i * 500, {backend(u"b1"_s, b1), backend(u"b2"_s, b2)});
    }
    QTRY_COMPARE(f.points(Metric::Sessions, u"b2"_s).size(), 3);
    QCOMPARE(ys(f.points(Metric::Sessions, u"b1"_s)), QList<double>({10, 20, 30}));
    QCOMPARE(ys(f.points(Metric::Sessions, u"b2"_s)), QList<double>({7, 6, 5}));
}

void TestUiCharts::pauseAndResume()
{
    Fixture f;
    Counters b1;
    qint64 t = T0;
    const auto tick = [&] {
        b1.requests += 10;
        ++b1.sessions;
        f.push(t, {backend(u"b1"_s, b1)});
        t += 500;
    };
    for (int i = 0; i < 3; ++i)
        tick();
    QTRY_COMPARE(f.points(Metric::Sessions, u"b1"_s).size(), 3);

    auto *pause = f.view.findChild<QPushButton *>(u"chartsPause"_s);
    QVERIFY(pause);
    pause->click();
    QVERIFY(f.view.isPaused());
    QCOMPARE(pause->text(), u"Resume"_s);
    const QList<QPointF> frozen = f.points(Metric::Sessions, u"b1"_s);
    const QList<QPointF> frozenRates = f.points(Metric::RequestRate, u"b1"_s);
    for (int i = 0; i < 4; ++i)
        tick();
    QCoreApplication::processEvents();
    // Nothing is waiting to be drawn either: the charts stay as they are.
    QVERIFY(!f.view.findChild<QTimer *>(u"chartsRedraw"_s)->isActive());
    QCOMPARE(f.points(Metric::Sessions, u"b1"_s), frozen);
    QCOMPARE(f.points(Metric::RequestRate, u"b1"_s), frozenRates);

    // Space resumes, with the samples collected meanwhile.
    f.view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.view));
    QTest::keyClick(&f.view, Qt::Key_Space);
    QVERIFY(!f.view.isPaused());
    QCOMPARE(pause->text(), u"Pause"_s);
    QVERIFY(!pause->isChecked());
    QCOMPARE(f.points(Metric::Sessions, u"b1"_s).size(), 7);
    QCOMPARE(ys(f.points(Metric::Sessions, u"b1"_s)).last(), 7.0);
    QCOMPARE(f.points(Metric::RequestRate, u"b1"_s).size(), 6);

    // And Space pauses again.
    QTest::keyClick(&f.view, Qt::Key_Space);
    QVERIFY(f.view.isPaused());
    QVERIFY(pause->isChecked());
}

void TestUiCharts::keepsFiveMinutes()
{
    Fixture f;
    Counters b1;
    // A snapshot every 10 s for 6 minutes.
    for (int i = 0; i <= 36; ++i) {
        b1.requests += 50;
        b1.sessions = i;
        f.push(T0 + i * 10'000, {backend(u"b1"_s, b1)});
    }
    const qint64 newest = T0 + 360'000;
    QTRY_VERIFY(!f.points(Metric::Sessions, u"b1"_s).isEmpty()
        && f.points(Metric::Sessions, u"b1"_s).last().x() == double(newest));
    const QList<QPointF> sessions = f.points(Metric::Sessions, u"b1"_s);
    QCOMPARE(sessions.first().x(), double(newest - 300'000));
    QCOMPARE(sessions.size(), 31);
    const QList<QPointF> rates = f.points(Metric::RequestRate, u"b1"_s);
    QCOMPARE(rates.size(), 31);
    QCOMPARE(rates.first().x(), double(newest - 300'000));
    QCOMPARE(rates.first().y(), 5.0); // 50 requests in 10 s
}

void TestUiCharts::backendsComeAndGo()
{
    Fixture f;
    Counters c;
    f.push(T0, {backend(u"b1"_s, c), backend(u"b2"_s, c)});
    QTRY_COMPARE(f.view.backends(), QStringList({u"web/b1"_s, u"web/b2"_s}));
    c.sessions = 4;
    f.push(T0 + 500, {backend(u"b1"_s, c), backend(u"b3"_s, c)});
    QTRY_COMPARE(f.view.backends(), QStringList({u"web/b1"_s, u"web/b3"_s}));
    QVERIFY(f.points(Metric::Sessions, u"b2"_s).isEmpty());
    QCOMPARE(ys(f.points(Metric::Sessions, u"b3"_s)), QList<double>({4}));
    QCOMPARE(ys(f.points(Metric::Sessions, u"b1"_s)), QList<double>({0, 4}));
    for (const auto which : {Limpet::ChartsView::Chart::Requests, Limpet::ChartsView::Chart::Errors,
             Limpet::ChartsView::Chart::Sessions})
        QCOMPARE(f.view.chart(which)->series().size(), 2);
    QCOMPARE(f.view.chart(Limpet::ChartsView::Chart::ResponseTime)->series().size(), 4);
}

void TestUiCharts::switchingClients()
{
    Fixture f;
    Counters c;
    c.sessions = 3;
    f.push(T0, {backend(u"b1"_s, c)});
    QTRY_COMPARE(f.points(Metric::Sessions, u"b1"_s).size(), 1);

    FakeClient other(u"other"_s);
    f.view.setClient(&other);
    QVERIFY(f.view.backends().isEmpty());
    QVERIFY(f.points(Metric::Sessions, u"b1"_s).isEmpty());
    f.push(T0 + 500, {backend(u"b1"_s, c)}); // the old client: ignored
    Q_EMIT other.snapshotUpdated(snapshot(T0 + 500, {backend(u"x1"_s, c)}));
    QTRY_COMPARE(f.view.backends(), QStringList{u"web/x1"_s});
    QVERIFY(f.points(Metric::Sessions, u"b1"_s).isEmpty());

    f.view.setClient(nullptr);
    QVERIFY(f.view.backends().isEmpty());
}

QTEST_MAIN(TestUiCharts)
#include "tst_ui_charts.moc"
