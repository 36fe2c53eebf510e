// The Sessions view: the session table of an instance, live, sortable and filterable, with the
// operations on one session, fast enough for 100,000 sessions.

#include "client/jsonvalues.h"
#include "client/pendingsessionchanges.h"
#include "fakeclient.h"

#include "sessions/pindialog.h"
#include "sessions/sessionsview.h"
#include "sessions/sessiontablemodel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <functional>

using namespace Qt::StringLiterals;
using namespace LimpetTest;
using Limpet::SessionChanges;
using Limpet::SessionInfo;
using Limpet::SessionKey;
using Limpet::SessionTableModel;

namespace {

constexpr qint64 Minute = 60'000;

SessionInfo session(const QByteArray &key, const QString &backend, const QString &client,
    qint64 lastSeenMs, quint64 requests, const QString &pool = u"web"_s)
{
    SessionInfo s;
    s.pool = pool;
    s.key = key;
    s.backend = backend;
    s.client = QHostAddress(client);
    s.firstSeenMs = lastSeenMs - 10 * Minute;
    s.lastSeenMs = lastSeenMs;
    s.requests = requests;
    return s;
}

/// Runs `act` on the modal dialog of type T as soon as one is up (a dialog's exec() blocks the
/// test until it closes).
template <typename T>
void whenModal(std::function<void(T *)> act)
{
    QTimer::singleShot(0, [act] {
        if (auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget()))
            act(dialog);
        else
            whenModal<T>(act);
    });
}

/// The sessions view of a FakeClient, shown, and what the tests look at.
struct Fixture
{
    FakeClient client;
    Limpet::SessionsView view;
    QTableView *table = nullptr;
    QAbstractItemModel *model = nullptr;

    Fixture()
    {
        view.setClient(&client);
        view.resize(1000, 500);
        view.show();
        table = view.findChild<QTableView *>(u"sessionTable"_s);
        model = table->model();
    }
    void push(const QList<SessionInfo> &sessions)
    {
        Q_EMIT client.sessionsChanged(SessionChanges{true, sessions, {}});
    }
    void pushChanges(const QList<SessionInfo> &changed, const QList<SessionKey> &removed)
    {
        Q_EMIT client.sessionsChanged(SessionChanges{false, changed, removed});
    }
    [[nodiscard]] QString cell(int row, int column) const
    {
        return model->index(row, column).data().toString();
    }
    [[nodiscard]] int rowOf(const QByteArray &key) const
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (cell(row, SessionTableModel::KeyColumn) == QString::fromUtf8(key))
                return row;
        }
        return -1;
    }
    void select(const QByteArray &key) const
    {
        table->selectRow(rowOf(key));
        QCOMPARE(selectedKey(), QString::fromUtf8(key));
    }
    [[nodiscard]] QString selectedKey() const
    {
        const QModelIndexList rows = table->selectionModel()->selectedRows();
        return rows.size() == 1 ? rows.first().data().toString() : QString();
    }
    [[nodiscard]] QString countText() const
    {
        return view.findChild<QLabel *>(u"sessionCount"_s)->text();
    }
};

} // namespace

class TestUiSessions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsRowsAndColumns();
    void saysWhatARemoteTableLeftOut();
    void wantsSessionsOnlyWhileVisible();
    void filtersByText();
    void filtersByBackend();
    void filtersByAge();
    void sortsByRequests();
    void updatesWithoutReset();
    void appliesChanges();
    void changesMatchWholeTables();
    void hundredThousandSessions();
    void contextMenu();
    void traceAction();
    void forgetAction();
    void pinAction();

private:
    QList<SessionInfo> sample() const;
    qint64 m_now = 0;
};

void TestUiSessions::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_now = QDateTime::currentMSecsSinceEpoch();
}

QList<SessionInfo> TestUiSessions::sample() const
{
    QList<SessionInfo> list{
        session("aaa-b1-0001", u"b1"_s, u"10.0.0.1"_s, m_now - Minute / 2, 12),
        session("bbb-b2-0002", u"b2"_s, u"10.0.0.2"_s, m_now - 3 * Minute, 5),
        session("ccc-b1-0003", u"b1"_s, u"192.168.7.9"_s, m_now - 30 * Minute, 40),
        session("ddd-b3-0004", u"b3"_s, u"10.0.0.4"_s, m_now - 120 * Minute, 1),
        session("eee-b2-0005", u"b2"_s, u"2001:db8::5"_s, m_now - Minute / 4, 7),
        session("fff-b1-0006", u"b1"_s, u"10.0.0.6"_s, m_now - 2 * Minute, 3),
    };
    list[1].pinnedBackend = u"b1"_s;
    list[1].pinUntilMs
        = QDateTime::fromString(u"2031-05-04T12:30:00"_s, Qt::ISODate).toMSecsSinceEpoch();
    list[3].pinnedBackend = u"b2"_s;
    list[3].pinUntilMs = 0;
    return list;
}

void TestUiSessions::showsRowsAndColumns()
{
    Fixture f;
    f.push(sample());
    QCOMPARE(f.model->rowCount(), 6);
    QCOMPARE(f.model->columnCount(), int(SessionTableModel::ColumnCount));
    QCOMPARE(f.model->headerData(SessionTableModel::KeyColumn, Qt::Horizontal).toString(),
        u"Affinity key"_s);
    QCOMPARE(
        f.model->headerData(SessionTableModel::PinColumn, Qt::Horizontal).toString(), u"Pin"_s);

    const int a = f.rowOf("aaa-b1-0001");
    QVERIFY(a >= 0);
    QCOMPARE(f.cell(a, SessionTableModel::PoolColumn), u"web"_s);
    QCOMPARE(f.cell(a, SessionTableModel::BackendColumn), u"b1"_s);
    QCOMPARE(f.cell(a, SessionTableModel::ClientColumn), u"10.0.0.1"_s);
    QCOMPARE(f.cell(a, SessionTableModel::RequestsColumn), u"12"_s);
    QCOMPARE(f.cell(a, SessionTableModel::LastSeenColumn),
        QDateTime::fromMSecsSinceEpoch(m_now - Minute / 2).toString(u"HH:mm:ss"_s));
    QCOMPARE(f.cell(a, SessionTableModel::FirstSeenColumn),
        QDateTime::fromMSecsSinceEpoch(m_now - Minute / 2 - 10 * Minute).toString(u"HH:mm:ss"_s));
    QCOMPARE(f.cell(a, SessionTableModel::PinColumn), QString());
    QCOMPARE(f.cell(f.rowOf("bbb-b2-0002"), SessionTableModel::PinColumn), u"b1 until 12:30"_s);
    QCOMPARE(f.cell(f.rowOf("ddd-b3-0004"), SessionTableModel::PinColumn), u"b2 (rebound)"_s);
    QCOMPARE(f.cell(f.rowOf("eee-b2-0005"), SessionTableModel::ClientColumn), u"2001:db8::5"_s);
    QCOMPARE(f.countText(), u"6 session(s) (showing 6)"_s);
}

void TestUiSessions::saysWhatARemoteTableLeftOut()
{
    Fixture f;
    // A whole table cut short (a remote instance sends at most 200,000 at once).
    SessionChanges cut{true, sample(), {}};
    cut.notSent = 250'000;
    Q_EMIT f.client.sessionsChanged(cut);
    QCOMPARE(f.model->rowCount(), 6);
    QCOMPARE(f.countText(),
        u"6 session(s) (showing 6) — %1 more not sent by the instance"_s.arg(
            QLocale().toString(250'000)));
    QVERIFY(!f.view.findChild<QLabel *>(u"sessionCount"_s)->toolTip().isEmpty());
    // What a remote instance's cut-short answer says reaches the view as such, also through
    // changes kept while the view was hidden.
    const QJsonObject answer{{u"full"_s, true}, {u"truncated"_s, true}, {u"total"_s, 7},
        {u"sessions"_s,
            QJsonArray{QJsonObject{{u"pool"_s, u"web"_s}, {u"key"_s, u"k1"_s}},
                QJsonObject{{u"pool"_s, u"web"_s}, {u"key"_s, u"k2"_s}}}}};
    SessionChanges parsed = Limpet::sessionChangesFromJson(answer);
    QCOMPARE(parsed.sessions.size(), 2);
    QCOMPARE(parsed.notSent, 5);
    Limpet::PendingSessionChanges pending;
    QVERIFY(!pending.pass(std::move(parsed), Limpet::SessionFeed::Paused).send);
    const auto resumed = pending.pass({}, Limpet::SessionFeed::On);
    QVERIFY(resumed.send);
    QVERIFY(resumed.send->full);
    QCOMPARE(resumed.send->notSent, 5);

    // Changes keep it said; the next whole table that is complete clears it.
    f.pushChanges({}, {SessionKey{u"web"_s, "aaa-b1-0001"}});
    QCOMPARE(f.model->rowCount(), 5);
    QVERIFY(f.countText().contains(u"not sent"_s));
    f.push(sample());
    QCOMPARE(f.countText(), u"6 session(s) (showing 6)"_s);
    QVERIFY(f.view.findChild<QLabel *>(u"sessionCount"_s)->toolTip().isEmpty());
}

void TestUiSessions::wantsSessionsOnlyWhileVisible()
{
    FakeClient client;
    Limpet::SessionsView view;
    view.setClient(&client);
    QVERIFY(!client.sessionsWanted); // not shown yet
    QVERIFY(client.calls.isEmpty());
    view.show();
    QVERIFY(client.sessionsWanted);
    view.hide();
    QVERIFY(!client.sessionsWanted);
    view.show();
    QVERIFY(client.sessionsWanted);
    // Hidden, the view keeps its table: paused, not off, so it resumes with what changed.
    QCOMPARE(client.calls, QStringList({u"sessions on"_s, u"sessions paused"_s, u"sessions on"_s}));

    // Another instance: the first one stops sending its table, the new one starts.
    FakeClient other(u"other"_s);
    view.setClient(&other);
    QVERIFY(!client.sessionsWanted);
    QCOMPARE(client.calls.last(), u"sessions off"_s);
    QVERIFY(other.sessionsWanted);
    view.setClient(nullptr);
    QVERIFY(!other.sessionsWanted);
}

void TestUiSessions::filtersByText()
{
    Fixture f;
    f.push(sample());
    auto *text = f.view.findChild<QLineEdit *>(u"sessionFilterText"_s);
    QVERIFY(text);
    QTest::keyClicks(text, u"B2-00"_s); // part of keys, any case
    QTRY_COMPARE(f.model->rowCount(), 2);
    QCOMPARE(f.countText(), u"6 session(s) (showing 2)"_s);
    text->setText(u"192.168"_s); // part of a client address
    QTRY_COMPARE(f.model->rowCount(), 1);
    QCOMPARE(f.cell(0, SessionTableModel::KeyColumn), u"ccc-b1-0003"_s);
    text->setText(u"db8"_s); // IPv6 too
    QTRY_COMPARE(f.cell(0, SessionTableModel::KeyColumn), u"eee-b2-0005"_s);
    QCOMPARE(f.model->rowCount(), 1);
    text->setText(u"nothing-like-this"_s);
    QTRY_COMPARE(f.model->rowCount(), 0);
    QCOMPARE(f.countText(), u"6 session(s) (showing 0)"_s);
    text->clear();
    QTRY_COMPARE(f.model->rowCount(), 6);
}

void TestUiSessions::filtersByBackend()
{
    Fixture f;
    f.push(sample());
    auto *backend = f.view.findChild<QComboBox *>(u"sessionFilterBackend"_s);
    QVERIFY(backend);
    // Filled from the data: every backend that has sessions, after "all".
    QCOMPARE(backend->count(), 4);
    QCOMPARE(backend->itemText(1), u"b1"_s);
    QCOMPARE(backend->itemText(3), u"b3"_s);
    backend->setCurrentIndex(backend->findText(u"b1"_s));
    QCOMPARE(f.model->rowCount(), 3);
    for (int row = 0; row < 3; ++row)
        QCOMPARE(f.cell(row, SessionTableModel::BackendColumn), u"b1"_s);

    // A live update moves a session off b1: the filter follows.
    QList<SessionInfo> next = sample();
    next[0].backend = u"b2"_s;
    f.push(next);
    QCOMPARE(f.model->rowCount(), 2);
    QCOMPARE(f.countText(), u"6 session(s) (showing 2)"_s);

    backend->setCurrentIndex(0);
    QCOMPARE(f.model->rowCount(), 6);
}

void TestUiSessions::filtersByAge()
{
    Fixture f;
    f.push(sample());
    auto *age = f.view.findChild<QComboBox *>(u"sessionFilterAge"_s);
    QVERIFY(age);
    QCOMPARE(age->count(), 4);
    age->setCurrentIndex(1); // last minute
    QCOMPARE(f.model->rowCount(), 2);
    age->setCurrentIndex(2); // last 5 minutes
    QCOMPARE(f.model->rowCount(), 4);
    age->setCurrentIndex(3); // last hour
    QCOMPARE(f.model->rowCount(), 5);
    age->setCurrentIndex(0); // any
    QCOMPARE(f.model->rowCount(), 6);
}

void TestUiSessions::sortsByRequests()
{
    Fixture f;
    f.push(sample());
    QHeaderView *header = f.table->horizontalHeader();
    const auto click = [&] {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(SessionTableModel::RequestsColumn) + 10,
                header->height() / 2));
    };
    const auto requests = [&] {
        QList<int> values;
        for (int row = 0; row < f.model->rowCount(); ++row)
            values.append(f.cell(row, SessionTableModel::RequestsColumn).toInt());
        return values;
    };
    click();
    QCOMPARE(header->sortIndicatorSection(), int(SessionTableModel::RequestsColumn));
    const Qt::SortOrder first = header->sortIndicatorOrder();
    const QList<int> ascending{1, 3, 5, 7, 12, 40};
    QList<int> descending = ascending;
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(requests(), first == Qt::AscendingOrder ? ascending : descending);
    click();
    QVERIFY(header->sortIndicatorOrder() != first);
    QCOMPARE(requests(), first == Qt::AscendingOrder ? descending : ascending);
}

void TestUiSessions::updatesWithoutReset()
{
    Fixture f;
    auto *source = f.view.findChild<SessionTableModel *>();
    QVERIFY(source);
    QSignalSpy sourceResets(source, &QAbstractItemModel::modelReset);
    QSignalSpy viewResets(f.model, &QAbstractItemModel::modelReset);
    f.push(sample());
    QCOMPARE(f.model->rowCount(), 6);
    f.select("ccc-b1-0003");
    sourceResets.clear();
    viewResets.clear();

    // ccc moves to b2 and is seen again; bbb and fff are gone; two new sessions.
    QList<SessionInfo> next = sample();
    next[2].backend = u"b2"_s;
    next[2].requests = 41;
    next.removeAt(5);
    next.removeAt(1);
    next.append(session("ggg-b3-0007", u"b3"_s, u"10.0.0.7"_s, m_now, 1));
    next.append(session("hhh-b1-0008", u"b1"_s, u"10.0.0.8"_s, m_now, 1));
    f.push(next);

    QCOMPARE(sourceResets.size(), 0);
    QCOMPARE(viewResets.size(), 0);
    QCOMPARE(f.model->rowCount(), 6);
    QCOMPARE(f.rowOf("bbb-b2-0002"), -1);
    QCOMPARE(f.rowOf("fff-b1-0006"), -1);
    QVERIFY(f.rowOf("ggg-b3-0007") >= 0);
    QVERIFY(f.rowOf("hhh-b1-0008") >= 0);
    QCOMPARE(f.selectedKey(), u"ccc-b1-0003"_s);
    const int c = f.rowOf("ccc-b1-0003");
    QCOMPARE(f.cell(c, SessionTableModel::BackendColumn), u"b2"_s);
    QCOMPARE(f.cell(c, SessionTableModel::RequestsColumn), u"41"_s);

    // Even when every other session goes away.
    f.push({next[1]});
    QCOMPARE(sourceResets.size(), 0);
    QCOMPARE(f.model->rowCount(), 1);
    QCOMPARE(f.selectedKey(), u"ccc-b1-0003"_s);
}

void TestUiSessions::appliesChanges()
{
    Fixture f;
    auto *source = f.view.findChild<SessionTableModel *>();
    QVERIFY(source);
    auto *backend = f.view.findChild<QComboBox *>(u"sessionFilterBackend"_s);
    QVERIFY(backend);
    QSignalSpy resets(source, &QAbstractItemModel::modelReset);
    f.push(sample());
    f.select("ccc-b1-0003");
    QCOMPARE(backend->findText(u"b4"_s), -1);

    // ccc moves to b2 and is seen again; bbb and fff are gone (and a key never seen); a new
    // session on a new backend, b4.
    QList<SessionInfo> changed{sample().at(2)};
    changed[0].backend = u"b2"_s;
    changed[0].requests = 41;
    changed.append(session("ggg-b4-0007", u"b4"_s, u"10.0.0.7"_s, m_now, 1));
    f.pushChanges(changed,
        {SessionKey{u"web"_s, "bbb-b2-0002"}, SessionKey{u"web"_s, "fff-b1-0006"},
            SessionKey{u"web"_s, "never-seen"}, SessionKey{u"other"_s, "aaa-b1-0001"}});
    QCOMPARE(resets.size(), 0);
    QCOMPARE(f.model->rowCount(), 5);
    QCOMPARE(f.rowOf("bbb-b2-0002"), -1);
    QCOMPARE(f.rowOf("fff-b1-0006"), -1);
    QVERIFY(f.rowOf("aaa-b1-0001") >= 0); // same key, other pool: not this one
    const int g = f.rowOf("ggg-b4-0007");
    QVERIFY(g >= 0);
    QCOMPARE(f.cell(g, SessionTableModel::ClientColumn), u"10.0.0.7"_s);
    QCOMPARE(f.selectedKey(), u"ccc-b1-0003"_s);
    const int c = f.rowOf("ccc-b1-0003");
    QCOMPARE(f.cell(c, SessionTableModel::BackendColumn), u"b2"_s);
    QCOMPARE(f.cell(c, SessionTableModel::RequestsColumn), u"41"_s);
    QCOMPARE(f.countText(), u"5 session(s) (showing 5)"_s);
    QVERIFY(backend->findText(u"b4"_s) > 0); // the backend filter offers the new backend

    // The last session of b3 goes: b3 leaves the backend filter; a removed key comes back.
    f.pushChanges({session("bbb-b2-0002", u"b1"_s, u"10.0.0.22"_s, m_now, 1)},
        {SessionKey{u"web"_s, "ddd-b3-0004"}});
    QCOMPARE(backend->findText(u"b3"_s), -1);
    QCOMPARE(f.cell(f.rowOf("bbb-b2-0002"), SessionTableModel::ClientColumn), u"10.0.0.22"_s);
    QCOMPARE(f.model->rowCount(), 5);

    // While filtered by backend, a change that moves a session to it shows it.
    backend->setCurrentIndex(backend->findText(u"b4"_s));
    QCOMPARE(f.model->rowCount(), 1);
    QList<SessionInfo> moved{sample().at(0)};
    moved[0].backend = u"b4"_s;
    f.pushChanges(moved, {});
    QCOMPARE(f.model->rowCount(), 2);
    QCOMPARE(f.countText(), u"5 session(s) (showing 2)"_s);
    QCOMPARE(resets.size(), 0);
}

void TestUiSessions::changesMatchWholeTables()
{
    // Random changes, now and then a whole table: the model always holds exactly the table
    // the changes describe, with each session's latest values.
    Fixture f;
    auto *source = f.view.findChild<SessionTableModel *>();
    QVERIFY(source);
    f.table->sortByColumn(SessionTableModel::RequestsColumn, Qt::DescendingOrder);
    QRandomGenerator random(20261206);
    QHash<QByteArray, SessionInfo> truth;
    const QStringList backends{u"b1"_s, u"b2"_s, u"b3"_s};
    const auto randomSession = [&](const QByteArray &key) {
        return session(key, backends.at(random.bounded(3)),
            u"10.0.%1.%2"_s.arg(random.bounded(4)).arg(random.bounded(250)), m_now,
            random.bounded(1000u));
    };
    for (int round = 0; round < 200; ++round) {
        if (round % 50 == 0) {
            QList<SessionInfo> whole;
            for (int i = 0; i < 300; ++i) {
                if (random.bounded(2)) {
                    const QByteArray key = "k" + QByteArray::number(random.bounded(600));
                    whole.append(randomSession(key));
                }
            }
            truth.clear();
            for (const SessionInfo &s : std::as_const(whole))
                truth.insert(s.key, s);
            whole = truth.values(); // once each
            f.push(whole);
        } else {
            QList<SessionKey> removed;
            QList<SessionInfo> changed;
            QSet<QByteArray> inRound;
            for (int i = 0; i < 40; ++i) {
                const QByteArray key = "k" + QByteArray::number(random.bounded(600));
                if (random.bounded(3) == 0) {
                    removed.append(SessionKey{u"web"_s, key});
                    truth.remove(key);
                } else if (!inRound.contains(key)) {
                    inRound.insert(key);
                    const SessionInfo s = randomSession(key);
                    truth.insert(key, s);
                    changed.append(s);
                }
            }
            // Removals apply before changes: a key in both ends up present.
            for (const SessionInfo &s : std::as_const(changed))
                truth.insert(s.key, s);
            f.pushChanges(changed, removed);
        }
        QCOMPARE(source->rowCount(), truth.size());
        QCOMPARE(f.model->rowCount(), truth.size());
        for (int row = 0; row < source->rowCount(); ++row) {
            const SessionInfo &s = source->session(row);
            const auto it = truth.constFind(s.key);
            QVERIFY2(it != truth.cend(), s.key.constData());
            QCOMPARE(s.backend, it->backend);
            QCOMPARE(s.requests, it->requests);
            QCOMPARE(s.client, it->client);
            QCOMPARE(source->rowOf(u"web"_s, s.key), row);
            QCOMPARE(source->clientText(row), it->client.toString());
        }
        QStringList expected;
        for (const SessionInfo &s : std::as_const(truth))
            expected.append(s.backend);
        expected.sort();
        expected.removeDuplicates();
        QCOMPARE(source->backends(), expected);
    }
}

void TestUiSessions::hundredThousandSessions()
{
    constexpr int Count = 100'000;
    constexpr int Runs = 3;
    const QStringList backends{u"b1"_s, u"b2"_s, u"b3"_s, u"b4"_s};
    QList<SessionInfo> first;
    first.reserve(Count);
    for (int i = 0; i < Count; ++i) {
        first.append(
            session(QByteArray::number(0x10000000 + i * 7919, 16) + "-app-" + QByteArray::number(i),
                backends[i % 4], u"10.%1.%2.%3"_s.arg(i >> 16).arg((i >> 8) & 255).arg(i & 255),
                m_now - (i % 3600) * 1000, quint64(i % 500)));
    }
    // The next table: 1% changed (a third of them to another backend, and the selected
    // session too), 300 gone here and there, 300 new at the end.
    constexpr int Selected = 54'321;
    QList<SessionInfo> second = first;
    for (int i = 0; i < Count; i += 100) {
        second[i].requests += 1;
        second[i].lastSeenMs = m_now + 1000;
        if (i % 300 == 0)
            second[i].backend = backends[(i / 100 + 1) % 4];
    }
    second[Selected].backend = u"b4"_s;
    second[Selected].requests += 1;
    for (int n = 0; n < 300; ++n)
        second.removeAt(300 + n * 320);
    for (int n = 0; n < 300; ++n) {
        second.append(session(
            "new-" + QByteArray::number(n), backends[n % 4], u"10.9.9.9"_s, m_now + 1000, 1));
    }
    const QByteArray selected = first.at(Selected).key;

    Fixture f;
    auto *source = f.view.findChild<SessionTableModel *>();
    QVERIFY(source);
    const auto timed = [&f](const QList<SessionInfo> &table) {
        QElapsedTimer timer;
        timer.start();
        f.push(table);
        QCoreApplication::processEvents();
        return timer.elapsed();
    };
    // Each figure is the best of three runs: it measures this code, not the other processes
    // of a busy machine. All runs are printed.
    const auto best
        = [](const QList<qint64> &runs) { return *std::min_element(runs.begin(), runs.end()); };
    const auto list = [](const QList<qint64> &runs) {
        QStringList texts;
        for (qint64 ms : runs)
            texts.append(QString::number(ms));
        return texts.join(u", "_s);
    };

    // First loads: another instance each time, so the model starts empty.
    QList<qint64> loads;
    for (int run = 0; run < Runs; ++run) {
        f.view.setClient(nullptr);
        f.view.setClient(&f.client);
        QCOMPARE(f.model->rowCount(), 0);
        loads.append(timed(first));
        QCOMPARE(f.model->rowCount(), Count);
    }
    QCOMPARE(f.countText(), u"100,000 session(s) (showing 100,000)"_s);
    f.table->selectRow(source->rowOf(u"web"_s, selected));
    QCOMPARE(f.selectedKey(), QString::fromUtf8(selected));

    // Updates, back and forth between the two tables: each way 1% changed, 300 gone, 300 new.
    QSignalSpy resets(source, &QAbstractItemModel::modelReset);
    QSignalSpy viewResets(f.model, &QAbstractItemModel::modelReset);
    QList<qint64> updates;
    for (int run = 0; run < Runs; ++run) {
        updates.append(timed(second));
        QCOMPARE(source->rowCount(), Count);
        QCOMPARE(source->session(source->rowOf(u"web"_s, selected)).backend, u"b4"_s);
        QCOMPARE(f.selectedKey(), QString::fromUtf8(selected));
        if (run + 1 < Runs) {
            timed(first);
            QCOMPARE(f.selectedKey(), QString::fromUtf8(selected));
        }
    }
    QVERIFY(source->rowOf(u"web"_s, "new-299") >= 0);
    QCOMPARE(source->rowOf(u"web"_s, first.at(300).key), -1);

    // The same as changes (the embedded engine's way): 1% changed, 300 gone, 300 new.
    QList<SessionInfo> changedRows;
    for (int i = 0; i < Count - 300; i += 100) {
        SessionInfo s = second.at(i);
        s.requests += 2;
        s.lastSeenMs = m_now + 2000;
        changedRows.append(s);
    }
    QList<qint64> deltas;
    for (int run = 0; run < Runs; ++run) {
        QList<SessionKey> gone;
        QList<SessionInfo> changes = changedRows;
        for (int n = 0; n < 300; ++n) {
            gone.append(SessionKey{u"web"_s,
                run == 0 ? QByteArray("new-" + QByteArray::number(n))
                         : QByteArray("delta-" + QByteArray::number(run - 1) + "-"
                             + QByteArray::number(n))});
            changes.append(session("delta-" + QByteArray::number(run) + "-" + QByteArray::number(n),
                backends[n % 4], u"10.9.9.8"_s, m_now + 2000, 1));
        }
        QElapsedTimer timer;
        timer.start();
        f.pushChanges(changes, gone);
        QCoreApplication::processEvents();
        deltas.append(timer.elapsed());
        QCOMPARE(f.selectedKey(), QString::fromUtf8(selected));
    }
    QCOMPARE(source->rowCount(), Count);
    QVERIFY(source->rowOf(u"web"_s, "delta-2-299") >= 0);
    QCOMPARE(source->rowOf(u"web"_s, "delta-1-0"), -1);
    QCOMPARE(source->rowOf(u"web"_s, "new-0"), -1);
    QCOMPARE(source->session(source->rowOf(u"web"_s, second.at(100).key)).requests,
        second.at(100).requests + 2);
    timed(second);
    QCOMPARE(source->rowCount(), Count);

    // The same while filtered by backend (every update re-checks every row) and while sorted
    // by requests (updates keep the order; the sort itself is a click, printed only).
    auto *backend = f.view.findChild<QComboBox *>(u"sessionFilterBackend"_s);
    backend->setCurrentIndex(backend->findText(u"b4"_s));
    QList<qint64> filtered;
    for (int run = 0; run < Runs; ++run) {
        filtered.append(timed(run % 2 ? second : first));
        QVERIFY(f.model->rowCount() > Count / 5);
    }
    backend->setCurrentIndex(0);
    f.select(selected); // it was filtered out while on b2
    QElapsedTimer sortTimer;
    sortTimer.start();
    f.table->sortByColumn(SessionTableModel::RequestsColumn, Qt::DescendingOrder);
    QCoreApplication::processEvents();
    const qint64 sortMs = sortTimer.elapsed();
    QCOMPARE(f.cell(0, SessionTableModel::RequestsColumn), u"499"_s);
    QList<qint64> sorted;
    for (int run = 0; run < Runs; ++run)
        sorted.append(timed(run % 2 ? first : second));
    QCOMPARE(f.selectedKey(), QString::fromUtf8(selected));

    qInfo("100,000 sessions, ms (best of %d: all runs): first load %lld (%s); update with 1%% "
          "changed, 300 removed, 300 added %lld (%s); same, filtered by backend %lld (%s); "
          "same, sorted by requests %lld (%s); sorting them %lld; the same update as changes %lld "
          "(%s)",
        Runs, best(loads), qPrintable(list(loads)), best(updates), qPrintable(list(updates)),
        best(filtered), qPrintable(list(filtered)), best(sorted), qPrintable(list(sorted)), sortMs,
        best(deltas), qPrintable(list(deltas)));
    QCOMPARE(resets.size(), 0);
    QCOMPARE(viewResets.size(), 0);
    QVERIFY2(best(loads) < 50, qPrintable(u"first load: "_s + list(loads)));
    QVERIFY2(best(updates) < 50, qPrintable(u"update: "_s + list(updates)));
    QVERIFY2(best(filtered) < 50, qPrintable(u"filtered update: "_s + list(filtered)));
    QVERIFY2(best(sorted) < 50, qPrintable(u"sorted update: "_s + list(sorted)));
    // Changes cost what changed, not the table.
    QVERIFY2(best(deltas) < 20, qPrintable(u"changes: "_s + list(deltas)));
}

void TestUiSessions::contextMenu()
{
    Fixture f;
    f.push(sample());
    const int row = f.rowOf("ccc-b1-0003");
    const QRect cell = f.table->visualRect(f.model->index(row, SessionTableModel::KeyColumn));
    QStringList offered;
    QTimer poll; // the menu's exec() blocks until it closes
    poll.setInterval(0);
    connect(&poll, &QTimer::timeout, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        poll.stop();
        for (QAction *action : menu->actions()) {
            if (!action->isSeparator())
                offered.append(action->text());
        }
        menu->close();
    });
    poll.start();
    Q_EMIT f.table->customContextMenuRequested(cell.center());
    QCOMPARE(
        offered, QStringList({u"&Trace this session"_s, u"&Pin to backend…"_s, u"&Forget…"_s}));
    // The row under the pointer is the one the actions apply to.
    QCOMPARE(f.selectedKey(), u"ccc-b1-0003"_s);
}

void TestUiSessions::traceAction()
{
    Fixture f;
    f.push(sample());
    auto *trace = f.view.findChild<QAction *>(u"traceSessionAction"_s);
    QVERIFY(trace);
    QVERIFY(!trace->isEnabled()); // nothing selected
    f.select("eee-b2-0005");
    QVERIFY(trace->isEnabled());
    QSignalSpy traced(&f.view, &Limpet::SessionsView::traceRequested);
    trace->trigger();
    QCOMPARE(traced.size(), 1);
    QCOMPARE(traced.first().first().toByteArray(), QByteArray("eee-b2-0005"));
}

void TestUiSessions::forgetAction()
{
    Fixture f;
    f.push(sample());
    f.select("aaa-b1-0001");
    auto *forget = f.view.findChild<QAction *>(u"forgetSessionAction"_s);
    QVERIFY(forget);
    f.client.calls.clear();

    // Cancelled: nothing happens.
    QString question;
    whenModal<QMessageBox>([&question](QMessageBox *box) {
        question = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    forget->trigger();
    QCOMPARE(question, u"Forget session aaa-b1-0001 of pool web?"_s);
    QVERIFY(f.client.calls.isEmpty());

    whenModal<QMessageBox>([](QMessageBox *box) { box->button(QMessageBox::Yes)->click(); });
    forget->trigger();
    QCOMPARE(f.client.calls, QStringList{u"forget web aaa-b1-0001"_s});
}

void TestUiSessions::pinAction()
{
    Fixture f;
    f.push(sample());
    f.select("aaa-b1-0001");
    auto *pin = f.view.findChild<QAction *>(u"pinSessionAction"_s);
    QVERIFY(pin);
    f.client.calls.clear();

    QStringList offered;
    whenModal<Limpet::PinDialog>([&offered](Limpet::PinDialog *dialog) {
        auto *backend = dialog->findChild<QComboBox *>(u"pinBackend"_s);
        for (int i = 0; i < backend->count(); ++i)
            offered.append(backend->itemText(i));
        backend->setCurrentIndex(backend->findText(u"b2"_s));
        dialog->findChild<QSpinBox *>(u"pinMinutes"_s)->setValue(10);
        dialog->accept();
    });
    pin->trigger();
    // The backends of the session's pool seen in the data.
    QCOMPARE(offered, QStringList({u"b1"_s, u"b2"_s, u"b3"_s}));
    QCOMPARE(f.client.calls, QStringList{u"pin web aaa-b1-0001 b2 600"_s});

    // For good: a rebind, no TTL.
    whenModal<Limpet::PinDialog>([](Limpet::PinDialog *dialog) {
        dialog->findChild<QComboBox *>(u"pinBackend"_s)->setCurrentText(u"b3"_s);
        dialog->findChild<QCheckBox *>(u"pinForGood"_s)->setChecked(true);
        dialog->accept();
    });
    pin->trigger();
    QCOMPARE(f.client.calls.last(), u"pin web aaa-b1-0001 b3 -"_s);

    // Cancelled: nothing.
    whenModal<Limpet::PinDialog>([](Limpet::PinDialog *dialog) { dialog->reject(); });
    pin->trigger();
    QCOMPARE(f.client.calls.size(), 2);
}

QTEST_MAIN(TestUiSessions)
#include "tst_ui_sessions.moc"
