// Session tracing: the history of one session or client, then its requests live; rows where
// the backend changed stand out with their cause; breaks counted over the whole instance; JSON
// export.

#include "fakeclient.h"

#include "tracing/breakcountmodel.h"
#include "tracing/tracemodel.h"
#include "tracing/traceview.h"

#include <QCheckBox>
#include <QDateTime>
#include <QFile>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using Limpet::TraceModel;
using Limpet::TraceRecord;

namespace {

constexpr qint64 T0 = 1'780'000'000'000;

TraceRecord record(qint64 ms, const QString &keySeen, const QString &key, const QString &backend,
    const QString &reason, const QString &client = u"192.0.2.7"_s)
{
    TraceRecord r;
    r.timeMs = T0 + ms;
    r.pool = u"web"_s;
    r.client = client;
    r.method = u"GET"_s;
    r.target = u"/page/%1"_s.arg(ms);
    r.mode = u"insert"_s;
    r.keySeen = keySeen;
    r.key = key;
    r.reason = reason;
    r.backend = backend;
    r.status = 200;
    r.durationMs = 12;
    if (key != keySeen)
        r.setCookie = u"SRV=%1; Path=/"_s.arg(key);
    return r;
}

/// A decision the engine marked as moving its session.
TraceRecord moved(qint64 ms, const QString &keySeen, const QString &key, const QString &backend,
    const QString &previous, const QString &cause)
{
    TraceRecord r = record(ms, keySeen, key, backend, cause);
    r.changedBackend = true;
    r.previousBackend = previous;
    r.changeCause = cause;
    return r;
}

} // namespace

class TestUiTracing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionHistoryThenLive();
    void liveDuringHistoryIsNotLostOrDoubled();
    void staleHistoryIsIgnored();
    void traceClient();
    void pauseHoldsRows();
    void breaksCountedAcrossThePool();
    void exportsJson();
    void keepsTheLastRows();
    void plainCauses_data();
    void plainCauses();
};

void TestUiTracing::sessionHistoryThenLive()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    auto *table = view.findChild<QTableView *>(u"trace"_s);
    QVERIFY(table);
    QAbstractItemModel *model = table->model();
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model->index(row, column).data(role);
    };

    view.traceSession("K1");
    QCOMPARE(client.calls, QStringList{u"trace K1 "_s});
    QCOMPARE(model->rowCount(), 0);

    Q_EMIT client.traceReady("K1", QString(),
        {record(0, {}, u"K1"_s, u"app1"_s, u"cookie-absent"_s),
            record(1000, u"K1"_s, u"K1"_s, u"app1"_s, u"cookie-hit"_s)});
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(cell(0, TraceModel::ReasonColumn).toString(), u"cookie-absent"_s);
    QCOMPARE(cell(0, TraceModel::SetCookieColumn).toString(), u"SRV=K1; Path=/"_s);
    QCOMPARE(cell(1, TraceModel::CookieInColumn).toString(), u"K1"_s);
    QCOMPARE(cell(1, TraceModel::PathColumn).toString(), u"/page/1000"_s);
    QCOMPARE(cell(1, TraceModel::MethodColumn).toString(), u"GET"_s);
    QCOMPARE(cell(1, TraceModel::StatusColumn).toString(), u"200"_s);
    QCOMPARE(cell(1, TraceModel::LatencyColumn).toString(), u"12 ms"_s);
    QVERIFY(!cell(1, TraceModel::TimeColumn).toString().isEmpty());
    QVERIFY(!cell(1, 0, TraceModel::ChangedRole).toBool());

    // Live: only this session's requests; the backend goes down, the cookie is re-issued, and
    // the session goes on under its new key.
    Q_EMIT client.decisionsArrived(
        {record(2000, u"OTHER"_s, u"OTHER"_s, u"app2"_s, u"cookie-hit"_s),
            record(2500, u"K1"_s, u"K1"_s, u"app1"_s, u"cookie-hit"_s),
            moved(3000, u"K1"_s, u"K2"_s, u"app2"_s, u"app1"_s, u"backend-down-redispatched"_s)});
    QCOMPARE(model->rowCount(), 4);
    QVERIFY(!cell(2, 0, TraceModel::ChangedRole).toBool());
    QVERIFY(!cell(2, 0, Qt::BackgroundRole).isValid());

    // The moved row: coloured, an icon, and why in plain words.
    QVERIFY(cell(3, 0, TraceModel::ChangedRole).toBool());
    QVERIFY(cell(3, TraceModel::PathColumn, Qt::BackgroundRole).isValid());
    QVERIFY(!cell(3, TraceModel::BackendColumn, Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(cell(3, TraceModel::BackendColumn).toString(), u"app2"_s);
    QCOMPARE(cell(3, TraceModel::ChangeColumn).toString(),
        u"app1 → app2: backend down or in maintenance"_s);
    QVERIFY(cell(3, TraceModel::ReasonColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"backend down or in maintenance"_s));

    Q_EMIT client.decisionsArrived({record(4000, u"K2"_s, u"K2"_s, u"app2"_s, u"cookie-hit"_s),
        record(4500, u"OTHER"_s, u"OTHER"_s, u"app2"_s, u"cookie-hit"_s)});
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(cell(4, TraceModel::CookieInColumn).toString(), u"K2"_s);
    QVERIFY(!cell(4, 0, TraceModel::ChangedRole).toBool());

    // A backend that differs from the previous row's is a break even when the record does not
    // say so: the cause is the decision's own reason.
    Q_EMIT client.decisionsArrived(
        {record(5000, u"K2"_s, u"K2"_s, u"app1"_s, u"session-rebound"_s)});
    QCOMPARE(model->rowCount(), 6);
    QVERIFY(cell(5, 0, TraceModel::ChangedRole).toBool());
    QCOMPARE(
        cell(5, TraceModel::ChangeColumn).toString(), u"app2 → app1: rebound by an operator"_s);

    QVERIFY(view.findChild<QLabel *>(u"traceStatus"_s)->text().contains(u"6 request"_s));

    // Selecting a row shows its decision.
    table->selectRow(3);
    auto *detail = view.findChild<QWidget *>(u"traceDetail"_s);
    QVERIFY(detail);
    QVERIFY(detail->property("plainText").toString().contains(u"Set-Cookie: SRV=K2; Path=/"_s));
}

void TestUiTracing::liveDuringHistoryIsNotLostOrDoubled()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    QAbstractItemModel *model = view.findChild<QTableView *>(u"trace"_s)->model();

    view.traceSession("K1");
    const TraceRecord a = record(0, u"K1"_s, u"K1"_s, u"app1"_s, u"cookie-hit"_s);
    const TraceRecord b = record(1000, u"K1"_s, u"K1"_s, u"app1"_s, u"cookie-hit"_s);
    const TraceRecord c = record(2000, u"K1"_s, u"K1"_s, u"app1"_s, u"cookie-hit"_s);
    // b and c come live while the history (a, b) is on its way.
    Q_EMIT client.decisionsArrived({b, c});
    QCOMPARE(model->rowCount(), 0);
    Q_EMIT client.traceReady("K1", QString(), {a, b});
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(model->index(2, TraceModel::PathColumn).data().toString(), u"/page/2000"_s);
}

void TestUiTracing::staleHistoryIsIgnored()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    QAbstractItemModel *model = view.findChild<QTableView *>(u"trace"_s)->model();

    view.traceSession("A");
    view.traceSession("B");
    QCOMPARE(client.calls, (QStringList{u"trace A "_s, u"trace B "_s}));
    Q_EMIT client.traceReady(
        "A", QString(), {record(0, u"A"_s, u"A"_s, u"app1"_s, u"cookie-hit"_s)});
    QCOMPARE(model->rowCount(), 0);
    Q_EMIT client.traceReady(
        "B", QString(), {record(0, u"B"_s, u"B"_s, u"app2"_s, u"cookie-hit"_s)});
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, TraceModel::BackendColumn).data().toString(), u"app2"_s);
}

void TestUiTracing::traceClient()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    QAbstractItemModel *model = view.findChild<QTableView *>(u"trace"_s)->model();

    view.traceClient(u"198.51.100.4"_s);
    QCOMPARE(client.calls, QStringList{u"trace  198.51.100.4"_s});
    Q_EMIT client.traceReady({}, u"198.51.100.4"_s, {});
    Q_EMIT client.decisionsArrived(
        {record(0, {}, u"X"_s, u"app1"_s, u"cookie-absent"_s, u"198.51.100.4"_s),
            record(10, {}, u"Y"_s, u"app2"_s, u"cookie-absent"_s, u"192.0.2.1"_s),
            record(20, u"X"_s, u"X"_s, u"app1"_s, u"cookie-hit"_s, u"198.51.100.4"_s)});
    QCOMPARE(model->rowCount(), 2);
}

void TestUiTracing::pauseHoldsRows()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    QAbstractItemModel *model = view.findChild<QTableView *>(u"trace"_s)->model();
    auto *pause = view.findChild<QCheckBox *>(u"pause"_s);
    QVERIFY(pause);

    view.traceSession("K1");
    Q_EMIT client.traceReady("K1", QString(), {});
    pause->setChecked(true);
    Q_EMIT client.decisionsArrived({record(0, u"K1"_s, u"K1"_s, u"app1"_s, u"cookie-hit"_s)});
    QCOMPARE(model->rowCount(), 0);
    pause->setChecked(false);
    QCOMPARE(model->rowCount(), 1);
}

namespace {

using Limpet::ReasonCode;

/// A pool of a snapshot with these decision and backend-change counters.
Limpet::PoolSnapshot poolCounts(
    const QString &name, quint64 hits, const QList<std::pair<ReasonCode, quint64>> &changes)
{
    Limpet::PoolSnapshot p;
    p.name = name;
    p.decisions[size_t(ReasonCode::CookieHit)] = hits;
    for (const auto &[cause, n] : changes) {
        p.decisions[size_t(cause)] += n;
        p.backendChangeCauses[size_t(cause)] = n;
        p.backendChanges += n;
    }
    return p;
}

Limpet::EngineSnapshot snapshotOf(const QList<Limpet::PoolSnapshot> &pools)
{
    Limpet::EngineSnapshot s;
    s.pools = pools;
    return s;
}

} // namespace

void TestUiTracing::breaksCountedAcrossThePool()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    view.traceSession("K1");
    auto *breaks = view.findChild<QTableView *>(u"breaks"_s);
    QVERIFY(breaks);
    QAbstractItemModel *model = breaks->model();
    auto *total = view.findChild<QLabel *>(u"breakTotal"_s);
    QCOMPARE(model->rowCount(), 0);
    const auto counts = [model] {
        QHash<QString, quint64> out;
        for (int row = 0; row < model->rowCount(); ++row) {
            out.insert(model->index(row, Limpet::BreakCountModel::CauseColumn).data().toString(),
                model->index(row, Limpet::BreakCountModel::CountColumn).data().toULongLong());
        }
        return out;
    };

    // What happened before the view opened is not counted.
    Q_EMIT client.snapshotUpdated(
        snapshotOf({poolCounts(u"web"_s, 100, {{ReasonCode::BackendDownRedispatched, 5}}),
            poolCounts(u"api"_s, 50, {})}));
    QCOMPARE(model->rowCount(), 0);
    QCOMPARE(total->text(), u"0 break(s) in 0 decision(s) since this view opened"_s);

    // Every pool, every session (not only the traced one), from the engine's counters.
    Q_EMIT client.snapshotUpdated(snapshotOf({poolCounts(u"web"_s, 101,
                                                  {{ReasonCode::BackendDownRedispatched, 7},
                                                      {ReasonCode::DrainDeadlineRedispatched, 1}}),
        poolCounts(u"api"_s, 51, {{ReasonCode::CookieInvalidSignature, 1}})}));
    QCOMPARE(model->rowCount(), 3);
    QCOMPARE(counts().value(u"backend down or in maintenance"_s), 2u);
    QCOMPARE(counts().value(u"drained past deadline"_s), 1u);
    QCOMPARE(counts().value(u"cookie tampered"_s), 1u);
    QCOMPARE(total->text(), u"4 break(s) in 6 decision(s) since this view opened"_s);

    // The live decisions are a sample under load: they do not change the counts.
    Q_EMIT client.decisionsArrived(
        {moved(0, u"S1"_s, u"S1b"_s, u"app2"_s, u"app1"_s, u"backend-down-redispatched"_s)});
    QCOMPARE(counts().value(u"backend down or in maintenance"_s), 2u);

    // A pool added later counts from zero; one whose counters went back (a restart) too.
    Q_EMIT client.snapshotUpdated(snapshotOf({poolCounts(u"web"_s, 1, {}),
        poolCounts(u"api"_s, 52, {{ReasonCode::CookieInvalidSignature, 1}}),
        poolCounts(u"new"_s, 0, {{ReasonCode::BackendDownRedispatched, 1}})}));
    QCOMPARE(counts().value(u"backend down or in maintenance"_s), 1u);
    QCOMPARE(counts().value(u"drained past deadline"_s), 0u);
    QCOMPARE(counts().value(u"cookie tampered"_s), 1u);
    QCOMPARE(total->text(), u"2 break(s) in 5 decision(s) since this view opened"_s);

    // Another instance: from zero again.
    LimpetTest::FakeClient other(u"other"_s);
    view.setClient(&other);
    QCOMPARE(model->rowCount(), 0);
}

void TestUiTracing::exportsJson()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    view.traceSession("K1");
    Q_EMIT client.traceReady("K1", QString(),
        {record(0, {}, u"K1"_s, u"app1"_s, u"cookie-absent"_s),
            moved(1000, u"K1"_s, u"K2"_s, u"app2"_s, u"app1"_s, u"backend-down-redispatched"_s)});

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"trace.json"_s);
    QVERIFY(view.exportJson(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(doc.isArray());
    const QJsonArray rows = doc.array();
    QCOMPARE(rows.size(), 2);

    const QJsonObject first = rows.at(0).toObject();
    // ISO 8601 with milliseconds, as the admin API writes it (Json::time).
    const QString time = first.value(u"time"_s).toString();
    QVERIFY2(time.startsWith(u"2026-05-28T20:26:40.000"_s), qPrintable(time));
    QCOMPARE(QDateTime::fromString(time, Qt::ISODateWithMs).toMSecsSinceEpoch(), T0);
    QCOMPARE(first.value(u"method"_s).toString(), u"GET"_s);
    QCOMPARE(first.value(u"target"_s).toString(), u"/page/0"_s);
    QVERIFY(first.value(u"key_seen"_s).isNull());
    QCOMPARE(first.value(u"reason"_s).toString(), u"cookie-absent"_s);
    QCOMPARE(first.value(u"backend"_s).toString(), u"app1"_s);
    QCOMPARE(first.value(u"status"_s).toInt(), 200);
    QCOMPARE(first.value(u"duration_ms"_s).toInt(), 12);
    QCOMPARE(first.value(u"set_cookie"_s).toString(), u"SRV=K1; Path=/"_s);
    QCOMPARE(first.value(u"changed_backend"_s).toBool(true), false);
    QVERIFY(first.value(u"previous_backend"_s).isNull());
    QVERIFY(first.value(u"change_cause"_s).isNull());

    const QJsonObject second = rows.at(1).toObject();
    QCOMPARE(second.value(u"key_seen"_s).toString(), u"K1"_s);
    QCOMPARE(second.value(u"changed_backend"_s).toBool(), true);
    QCOMPARE(second.value(u"previous_backend"_s).toString(), u"app1"_s);
    QCOMPARE(second.value(u"change_cause"_s).toString(), u"backend-down-redispatched"_s);

    QVERIFY(!view.exportJson(dir.filePath(u"missing/dir/trace.json"_s)));
}

void TestUiTracing::keepsTheLastRows()
{
    LimpetTest::FakeClient client;
    Limpet::TraceView view;
    view.setClient(&client);
    QAbstractItemModel *model = view.findChild<QTableView *>(u"trace"_s)->model();
    view.traceClient(u"192.0.2.7"_s);
    Q_EMIT client.traceReady({}, u"192.0.2.7"_s, {});

    QList<TraceRecord> batch;
    for (int i = 0; i < TraceModel::MaxRows + 100; ++i)
        batch.append(record(i, u"K"_s, u"K"_s, u"app1"_s, u"cookie-hit"_s));
    Q_EMIT client.decisionsArrived(batch.mid(0, 3000));
    Q_EMIT client.decisionsArrived(batch.mid(3000));
    QCOMPARE(model->rowCount(), TraceModel::MaxRows);
    QCOMPARE(model->index(0, TraceModel::PathColumn).data().toString(), u"/page/100"_s);
    QCOMPARE(model->index(TraceModel::MaxRows - 1, TraceModel::PathColumn).data().toString(),
        u"/page/%1"_s.arg(TraceModel::MaxRows + 99));
}

void TestUiTracing::plainCauses_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("cause");
    QTest::newRow("drain") << u"drain-deadline-redispatched"_s << u"drained past deadline"_s;
    QTest::newRow("down") << u"backend-down-redispatched"_s << u"backend down or in maintenance"_s;
    QTest::newRow("absent") << u"cookie-absent"_s << u"cookie missing"_s;
    QTest::newRow("tampered") << u"cookie-invalid-signature"_s << u"cookie tampered"_s;
    QTest::newRow("refused") << u"connect-failed-redispatched"_s
                             << u"backend refused the connection"_s;
    QTest::newRow("rebound") << u"session-rebound"_s << u"rebound by an operator"_s;
    QTest::newRow("unknown") << u"some-new-code"_s << u"some-new-code"_s;
}

void TestUiTracing::plainCauses()
{
    QFETCH(QString, reason);
    QFETCH(QString, cause);
    QCOMPARE(TraceModel::plainCause(reason), cause);
}

QTEST_MAIN(TestUiTracing)
#include "tst_ui_tracing.moc"
