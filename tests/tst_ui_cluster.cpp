// The Cluster, Log and Config views, driven by FakeClients: what an operator sees of the
// snapshots, and what the instances receive when they act.

#include "fakeclient.h"

#include "cluster/backendtablemodel.h"
#include "cluster/clustertreemodel.h"
#include "cluster/clusterview.h"
#include "config/configview.h"
#include "log/logview.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <functional>

using namespace Qt::StringLiterals;
using namespace LimpetTest;
using Limpet::BackendSnapshot;
using Limpet::BackendState;
using Limpet::BackendTableModel;
using Limpet::EngineEvent;
using Limpet::EngineSnapshot;

namespace {

QtMessageHandler testlibHandler = nullptr;

/// The offscreen platform warns each time a window's size constraints change (every message
/// box does it); that says nothing about Limpet, and every other message still goes through.
void dropOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == u"This plugin does not support propagateSizeHints()"_s)
        return;
    testlibHandler(type, context, message);
}

BackendSnapshot backend(const QString &name, BackendState state = BackendState::Ready,
    int sessions = 0, quint64 requests = 0)
{
    BackendSnapshot b;
    b.pool = u"web"_s;
    b.name = name;
    b.route = name;
    b.address = u"127.0.0.1:91%1"_s.arg(name.right(1).toInt(), 2, 10, QChar(u'0'));
    b.state = state;
    b.sessions = sessions;
    b.requests = requests;
    b.responses[2] = requests;
    return b;
}

EngineSnapshot snapshot(qint64 timeMs, const QList<BackendSnapshot> &backends)
{
    EngineSnapshot s;
    s.timeMs = timeMs;
    s.listen = u"127.0.0.1:8080"_s;
    Limpet::PoolSnapshot pool;
    pool.name = u"web"_s;
    pool.affinityMode = u"insert"_s;
    pool.balancing = u"roundrobin"_s;
    pool.backends = backends;
    s.pools.append(pool);
    for (const BackendSnapshot &b : backends)
        s.sessions += b.sessions;
    return s;
}

EngineSnapshot threeBackends(qint64 timeMs = 1000)
{
    return snapshot(timeMs,
        {backend(u"b1"_s, BackendState::Ready, 5, 100), backend(u"b2"_s, BackendState::Ready, 7),
            backend(u"b3"_s, BackendState::Standby)});
}

EngineEvent makeEvent(const QString &kind, const QString &backend, const QString &from,
    const QString &to, const QString &message = {})
{
    static quint64 id = 0;
    EngineEvent e;
    e.id = ++id;
    e.timeMs = 1'700'000'000'000 + qint64(id) * 1000;
    e.kind = kind;
    e.pool = backend.isEmpty() ? QString() : u"web"_s;
    e.backend = backend;
    e.from = from;
    e.to = to;
    e.message = message;
    return e;
}

/// Answers the next modal message box (once it is up) with `answer`.
void answerMessageBox(std::function<void(QMessageBox *)> answer)
{
    QTimer::singleShot(0, qApp, [answer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerMessageBox(answer); // not up yet: look again at the next turn
            return;
        }
        answer(box);
    });
}

QAbstractButton *buttonOfRole(QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == role)
            return button;
    }
    return nullptr;
}

/// The table's text in `column` of the backend named `name`; empty when no row has it.
QString cell(QTableView *table, const QString &name, int column)
{
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, BackendTableModel::NameColumn).data().toString() == name)
            return model->index(row, column).data().toString();
    }
    return {};
}

void selectBackends(QTableView *table, const QStringList &names)
{
    QAbstractItemModel *model = table->model();
    table->clearSelection();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (names.contains(model->index(row, BackendTableModel::NameColumn).data().toString()))
            table->selectionModel()->select(
                model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

} // namespace

class TestUiCluster final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void treeListsInstancesPoolsAndBackends();
    void tableShowsSnapshotValues();
    void requestRateFromTwoSnapshots();
    void treeSelectionScopesTable();
    void drainActionSendsState();
    void actionsFollowSelection();
    void maintenanceAsksFirst();
    void maintenanceCancelledSendsNothing();
    void applyToAllInstances();
    void removeAtOnce();
    void drainingShowsEstimate();

    void logShowsEventsFilteredByTextAndKind();
    void logIsBounded();
    void logFollowsUnlessScrolledUp();

    void configShowsTextAndReloads();

private:
    QTemporaryDir m_settings;
};

void TestUiCluster::initTestCase()
{
    testlibHandler = qInstallMessageHandler(dropOffscreenNoise);
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestUiCluster::treeListsInstancesPoolsAndBackends()
{
    FakeClient client(u"alpha"_s);
    Limpet::ClusterView view;
    view.addClient(&client);
    Q_EMIT client.snapshotUpdated(threeBackends());

    auto *tree = view.findChild<QTreeView *>(u"clusterTree"_s);
    QVERIFY(tree);
    QAbstractItemModel *model = tree->model();
    QCOMPARE(model->rowCount(), 1);
    const QModelIndex instance = model->index(0, 0);
    QCOMPARE(instance.data().toString(), u"alpha"_s);
    QCOMPARE(model->rowCount(instance), 1);
    const QModelIndex pool = model->index(0, 0, instance);
    QCOMPARE(pool.data().toString(), u"web"_s);
    QCOMPARE(model->rowCount(pool), 3);
    QCOMPARE(model->index(0, 0, pool).data().toString(), u"b1"_s);
    QCOMPARE(model->index(1, 0, pool).data().toString(), u"b2"_s);
    QCOMPARE(model->index(2, 0, pool).data().toString(), u"b3"_s);
    QCOMPARE(model->index(2, Limpet::ClusterTreeModel::StatusColumn, pool).data().toString(),
        u"standby"_s);
    QCOMPARE(view.currentClient(), &client);

    // A backend added and one removed: the tree follows without losing the others.
    EngineSnapshot next = threeBackends(2000);
    next.pools[0].backends.removeAt(1);
    next.pools[0].backends.append(backend(u"b4"_s));
    Q_EMIT client.snapshotUpdated(next);
    QCOMPARE(model->rowCount(pool), 3);
    QCOMPARE(model->index(0, 0, pool).data().toString(), u"b1"_s);
    QCOMPARE(model->index(1, 0, pool).data().toString(), u"b3"_s);
    QCOMPARE(model->index(2, 0, pool).data().toString(), u"b4"_s);
}

void TestUiCluster::tableShowsSnapshotValues()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    EngineSnapshot s = threeBackends();
    BackendSnapshot &b1 = s.pools[0].backends[0];
    b1.weight = 3;
    b1.effectiveWeight = 3;
    b1.active = 2;
    b1.check.enabled = true;
    b1.check.type = u"http"_s;
    b1.check.lastCheckMs = 1000;
    b1.check.lastPassed = true;
    b1.check.lastStatus = 200;
    b1.check.lastLatencyMs = 1.2;
    BackendSnapshot &b2 = s.pools[0].backends[1];
    b2.health = Limpet::Health::Down;
    b2.check.enabled = true;
    b2.check.lastCheckMs = 1000;
    b2.check.lastError = u"connection refused"_s;
    Q_EMIT client.snapshotUpdated(s);

    auto *table = view.findChild<QTableView *>(u"backendTable"_s);
    QVERIFY(table);
    QCOMPARE(table->model()->rowCount(), 3);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::AddressColumn), u"127.0.0.1:9101"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::RouteColumn), u"b1"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::StateColumn), u"ready"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::HealthColumn), u"up · 200 in 1.2 ms"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::WeightColumn), u"3"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::ActiveColumn), u"2"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::SessionsColumn), u"5"_s);
    QCOMPARE(cell(table, u"b2"_s, BackendTableModel::StateColumn), u"ready · down"_s);
    QCOMPARE(cell(table, u"b2"_s, BackendTableModel::HealthColumn), u"down · connection refused"_s);
    QCOMPARE(cell(table, u"b3"_s, BackendTableModel::StateColumn), u"standby"_s);
    QCOMPARE(cell(table, u"b3"_s, BackendTableModel::HealthColumn), u"up · no checks"_s);
    // State in colour as well as in words: the badge colours differ.
    const QModelIndex b1State = table->model()->index(0, BackendTableModel::StateColumn);
    const QModelIndex b2State = table->model()->index(1, BackendTableModel::StateColumn);
    QVERIFY(b1State.data(BackendTableModel::BadgeColorRole).value<QColor>().isValid());
    QVERIFY(b1State.data(BackendTableModel::BadgeColorRole)
        != b2State.data(BackendTableModel::BadgeColorRole));

    // Sorting by sessions, descending: b2 (7), b1 (5), b3 (0).
    table->sortByColumn(BackendTableModel::SessionsColumn, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, BackendTableModel::NameColumn).data().toString(), u"b2"_s);
    QCOMPARE(table->model()->index(2, BackendTableModel::NameColumn).data().toString(), u"b3"_s);
}

void TestUiCluster::requestRateFromTwoSnapshots()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    auto *table = view.findChild<QTableView *>(u"backendTable"_s);
    QVERIFY(table);

    Q_EMIT client.snapshotUpdated(threeBackends(1000));
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::RequestRateColumn), u"—"_s);

    // Two seconds later, 20 more requests on b1, 4 of them 5xx.
    EngineSnapshot later = threeBackends(3000);
    later.pools[0].backends[0].requests = 120;
    later.pools[0].backends[0].responses[2] = 116;
    later.pools[0].backends[0].responses[5] = 4;
    Q_EMIT client.snapshotUpdated(later);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::RequestRateColumn), u"10.0"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::ErrorRateColumn), u"20.0 %"_s);
    QCOMPARE(cell(table, u"b2"_s, BackendTableModel::RequestRateColumn), u"0.0"_s);
    QCOMPARE(cell(table, u"b2"_s, BackendTableModel::ErrorRateColumn), u"—"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::RequestsColumn), u"120"_s);
}

void TestUiCluster::treeSelectionScopesTable()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    EngineSnapshot s = threeBackends();
    Limpet::PoolSnapshot api;
    api.name = u"api"_s;
    BackendSnapshot a1 = backend(u"a1"_s);
    a1.pool = u"api"_s;
    api.backends = {a1};
    s.pools.append(api);
    Q_EMIT client.snapshotUpdated(s);

    auto *tree = view.findChild<QTreeView *>(u"clusterTree"_s);
    auto *table = view.findChild<QTableView *>(u"backendTable"_s);
    QCOMPARE(table->model()->rowCount(), 4); // the instance: every pool
    const QModelIndex instance = tree->model()->index(0, 0);
    tree->setCurrentIndex(tree->model()->index(1, 0, instance)); // pool api
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cell(table, u"a1"_s, BackendTableModel::PoolColumn), u"api"_s);

    // A backend in the tree selects its row.
    const QModelIndex web = tree->model()->index(0, 0, instance);
    tree->setCurrentIndex(tree->model()->index(1, 0, web)); // b2
    QCOMPARE(table->model()->rowCount(), 3);
    const QList<BackendSnapshot> selected = view.selectedBackends();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().name, u"b2"_s);
}

void TestUiCluster::drainActionSendsState()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    Q_EMIT client.snapshotUpdated(threeBackends());
    auto *table = view.findChild<QTableView *>(u"backendTable"_s);
    selectBackends(table, {u"b1"_s});

    auto *drain = view.findChild<QAction *>(u"drainAction"_s);
    QVERIFY(drain);
    QVERIFY(drain->isEnabled());
    drain->trigger();
    QCOMPARE(client.calls.last(), u"state web/b1 drain"_s);

    // Several rows: one request each.
    selectBackends(table, {u"b1"_s, u"b2"_s});
    client.calls.clear();
    view.findChild<QAction *>(u"readyAction"_s)->trigger(); // b1 and b2 are ready already
    QVERIFY(client.calls.isEmpty());
    view.findChild<QAction *>(u"standbyAction"_s)->trigger();
    QCOMPARE(client.calls, QStringList({u"state web/b1 standby"_s, u"state web/b2 standby"_s}));
}

void TestUiCluster::actionsFollowSelection()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    Q_EMIT client.snapshotUpdated(threeBackends());
    auto *drain = view.findChild<QAction *>(u"drainAction"_s);
    auto *ready = view.findChild<QAction *>(u"readyAction"_s);
    auto *add = view.findChild<QAction *>(u"addAction"_s);
    auto *remove = view.findChild<QAction *>(u"removeAction"_s);
    auto *table = view.findChild<QTableView *>(u"backendTable"_s);
    table->clearSelection();
    QVERIFY(!drain->isEnabled());
    QVERIFY(!remove->isEnabled());
    QVERIFY(add->isEnabled()); // adding needs a pool, not a selected backend
    selectBackends(table, {u"b1"_s});
    QVERIFY(drain->isEnabled());
    QVERIFY(!ready->isEnabled()); // b1 is ready already
    QVERIFY(remove->isEnabled());

    // A lost instance takes no operation.
    Q_EMIT client.connectionChanged(false, u"connection refused"_s);
    QVERIFY(!drain->isEnabled());
    QVERIFY(!add->isEnabled());
}

void TestUiCluster::maintenanceAsksFirst()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    Q_EMIT client.snapshotUpdated(threeBackends());
    selectBackends(view.findChild<QTableView *>(u"backendTable"_s), {u"b1"_s});

    QString question;
    bool offeredAll = true;
    answerMessageBox([&](QMessageBox *box) {
        question = box->text() + u' ' + box->informativeText();
        offeredAll = box->checkBox() != nullptr;
        buttonOfRole(box, QMessageBox::AcceptRole)->click();
    });
    view.findChild<QAction *>(u"maintAction"_s)->trigger();
    QVERIFY2(question.contains(u"5 session"_s), qPrintable(question));
    QVERIFY(question.contains(u"b1"_s));
    QVERIFY(!offeredAll); // one instance: nothing else to apply it to
    QCOMPARE(client.calls, QStringList({u"state web/b1 maint"_s}));
}

void TestUiCluster::maintenanceCancelledSendsNothing()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    Q_EMIT client.snapshotUpdated(threeBackends());
    selectBackends(view.findChild<QTableView *>(u"backendTable"_s), {u"b1"_s});
    answerMessageBox([](QMessageBox *box) { box->button(QMessageBox::Cancel)->click(); });
    view.findChild<QAction *>(u"maintAction"_s)->trigger();
    QVERIFY(client.calls.isEmpty());
}

void TestUiCluster::applyToAllInstances()
{
    FakeClient a(u"alpha"_s), b(u"beta"_s), c(u"gamma"_s);
    Limpet::ClusterView view;
    view.addClient(&a);
    view.addClient(&b);
    view.addClient(&c);
    Q_EMIT a.snapshotUpdated(threeBackends());
    Q_EMIT b.snapshotUpdated(threeBackends());
    // gamma has no b1: it is left out.
    Q_EMIT c.snapshotUpdated(snapshot(1000, {backend(u"b2"_s)}));
    QCOMPARE(view.currentClient(), &a);
    selectBackends(view.findChild<QTableView *>(u"backendTable"_s), {u"b1"_s});

    QString offer;
    answerMessageBox([&](QMessageBox *box) {
        QVERIFY(box->checkBox());
        offer = box->checkBox()->text();
        box->checkBox()->setChecked(true);
        buttonOfRole(box, QMessageBox::AcceptRole)->click();
    });
    view.findChild<QAction *>(u"maintAction"_s)->trigger();
    QVERIFY2(offer.contains(u'2'), qPrintable(offer));
    QCOMPARE(a.calls, QStringList({u"state web/b1 maint"_s}));
    QCOMPARE(b.calls, QStringList({u"state web/b1 maint"_s}));
    QVERIFY(c.calls.isEmpty());

    // Not ticked: the selected instance only.
    answerMessageBox([](QMessageBox *box) {
        QVERIFY(box->checkBox());
        buttonOfRole(box, QMessageBox::AcceptRole)->click();
    });
    view.findChild<QAction *>(u"maintAction"_s)->trigger();
    QCOMPARE(a.calls.size(), 2);
    QCOMPARE(b.calls.size(), 1);
}

void TestUiCluster::removeAtOnce()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    Q_EMIT client.snapshotUpdated(threeBackends());
    auto *table = view.findChild<QTableView *>(u"backendTable"_s);
    selectBackends(table, {u"b2"_s});
    answerMessageBox([](QMessageBox *box) {
        buttonOfRole(box, QMessageBox::DestructiveRole)->click(); // Remove at once (force)
    });
    view.findChild<QAction *>(u"removeAction"_s)->trigger();
    QCOMPARE(client.calls, QStringList({u"remove web/b2 force"_s}));

    answerMessageBox([](QMessageBox *box) {
        buttonOfRole(box, QMessageBox::AcceptRole)->click(); // when drained
    });
    view.findChild<QAction *>(u"removeAction"_s)->trigger();
    QCOMPARE(client.calls.last(), u"remove web/b2"_s);
}

void TestUiCluster::drainingShowsEstimate()
{
    FakeClient client;
    Limpet::ClusterView view;
    view.addClient(&client);
    EngineSnapshot s = threeBackends();
    BackendSnapshot &b2 = s.pools[0].backends[1];
    b2.state = BackendState::Drain;
    b2.sessions = 120;
    b2.sessionsLeaveRate = 1.0; // 120 s to go
    Q_EMIT client.snapshotUpdated(s);

    auto *table = view.findChild<QTableView *>(u"backendTable"_s);
    QCOMPARE(cell(table, u"b2"_s, BackendTableModel::StateColumn), u"drain"_s);
    QCOMPARE(cell(table, u"b2"_s, BackendTableModel::SessionsColumn), u"120 · drained in ~2 min"_s);
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::SessionsColumn), u"5"_s);

    // Sessions falling: the estimate follows.
    s.pools[0].backends[1].sessions = 30;
    s.timeMs += 1000;
    Q_EMIT client.snapshotUpdated(s);
    QCOMPARE(cell(table, u"b2"_s, BackendTableModel::SessionsColumn), u"30 · drained in ~30 s"_s);
    auto *tree = view.findChild<QTreeView *>(u"clusterTree"_s);
    const QModelIndex pool = tree->model()->index(0, 0, tree->model()->index(0, 0));
    QCOMPARE(
        tree->model()->index(1, Limpet::ClusterTreeModel::StatusColumn, pool).data().toString(),
        u"drain · drained in ~30 s"_s);
}

void TestUiCluster::logShowsEventsFilteredByTextAndKind()
{
    FakeClient client;
    Limpet::LogView view;
    view.setClient(&client);
    Q_EMIT client.eventsArrived({makeEvent(u"state"_s, u"b1"_s, u"ready"_s, u"drain"_s),
        makeEvent(u"health"_s, u"b2"_s, u"up"_s, u"down"_s, u"connection refused"_s),
        makeEvent(u"weight"_s, u"b1"_s, u"1"_s, u"3"_s),
        makeEvent(u"reload-failed"_s, {}, {}, {}, u"limpet.toml:3:1: unknown key"_s),
        makeEvent(u"health"_s, u"b2"_s, u"down"_s, u"up"_s)});

    auto *table = view.findChild<QTableView *>(u"logTable"_s);
    auto *text = view.findChild<QLineEdit *>(u"logFilter"_s);
    auto *kinds = view.findChild<QComboBox *>(u"logKinds"_s);
    QVERIFY(table && text && kinds);
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 5);
    QCOMPARE(model->index(0, 1).data().toString(), u"state"_s);
    QCOMPARE(model->index(0, 2).data().toString(), u"web/b1"_s);
    QCOMPARE(model->index(0, 3).data().toString(), u"ready → drain"_s);
    QCOMPARE(model->index(4, 3).data().toString(), u"down → up"_s); // newest at the bottom

    text->setText(u"B2"_s);
    QCOMPARE(model->rowCount(), 2);
    text->setText(u"refused"_s);
    QCOMPARE(model->rowCount(), 1);
    text->clear();

    const auto choose = [&](const QString &label) {
        const int index = kinds->findText(label);
        QVERIFY(index >= 0);
        kinds->setCurrentIndex(index);
    };
    choose(u"State changes"_s);
    QCOMPARE(model->rowCount(), 1);
    choose(u"Health"_s);
    QCOMPARE(model->rowCount(), 2);
    choose(u"Errors"_s); // the health check going down and the refused reload
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, 1).data().toString(), u"health"_s);
    QCOMPARE(model->index(1, 1).data().toString(), u"reload-failed"_s);
    text->setText(u"toml"_s); // both filters at once
    QCOMPARE(model->rowCount(), 1);
    choose(u"All events"_s);
    text->clear();
    QCOMPARE(model->rowCount(), 5);

    // Events keep arriving under a filter.
    choose(u"Errors"_s);
    Q_EMIT client.eventsArrived({makeEvent(u"auth-failed"_s, {}, {}, {}, u"bad token"_s)});
    QCOMPARE(model->rowCount(), 3);
}

void TestUiCluster::logIsBounded()
{
    FakeClient client;
    Limpet::LogView view;
    view.setClient(&client);
    QList<EngineEvent> events;
    for (int i = 0; i < 10'005; ++i)
        events.append(makeEvent(u"weight"_s, u"b1"_s, QString::number(i), QString::number(i + 1)));
    Q_EMIT client.eventsArrived(events.mid(0, 6000));
    Q_EMIT client.eventsArrived(events.mid(6000));
    QAbstractItemModel *model = view.findChild<QTableView *>(u"logTable"_s)->model();
    QCOMPARE(model->rowCount(), 10'000);
    QCOMPARE(model->index(0, 3).data().toString(), u"5 → 6"_s); // the oldest five went
    QCOMPARE(model->index(9'999, 3).data().toString(), u"10004 → 10005"_s);
}

void TestUiCluster::logFollowsUnlessScrolledUp()
{
    FakeClient client;
    Limpet::LogView view;
    view.resize(600, 300);
    view.setClient(&client);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *table = view.findChild<QTableView *>(u"logTable"_s);
    QScrollBar *scroll = table->verticalScrollBar();
    const auto batch = [](int n) {
        QList<EngineEvent> events;
        for (int i = 0; i < n; ++i)
            events.append(makeEvent(u"state"_s, u"b1"_s, u"ready"_s, u"drain"_s));
        return events;
    };
    Q_EMIT client.eventsArrived(batch(100));
    QTRY_VERIFY(scroll->maximum() > 0);
    QTRY_COMPARE(scroll->value(), scroll->maximum());

    Q_EMIT client.eventsArrived(batch(20)); // following: still at the bottom
    QTRY_COMPARE(scroll->value(), scroll->maximum());

    scroll->setValue(0); // the user scrolls up to read
    const int maximum = scroll->maximum();
    Q_EMIT client.eventsArrived(batch(20));
    QTRY_VERIFY(scroll->maximum() > maximum);
    QCOMPARE(scroll->value(), 0);

    scroll->setValue(scroll->maximum()); // back at the bottom: following again
    Q_EMIT client.eventsArrived(batch(20));
    QTRY_COMPARE(scroll->value(), scroll->maximum());
}

void TestUiCluster::configShowsTextAndReloads()
{
    FakeClient client;
    Limpet::ConfigView view;
    view.setClient(&client);
    QVERIFY(client.calls.contains(u"config"_s));

    const QString text = u"[listener]\nbind = \"127.0.0.1:8080\"\n"_s;
    Q_EMIT client.configReady(u"/etc/limpet/limpet.toml"_s, text);
    auto *editor = view.findChild<QPlainTextEdit *>(u"configText"_s);
    QVERIFY(editor);
    QCOMPARE(editor->toPlainText(), text);
    QVERIFY(editor->isReadOnly());
    QVERIFY(
        view.findChild<QLabel *>(u"configFile"_s)->text().contains(u"/etc/limpet/limpet.toml"_s));

    auto *reload = view.findChild<QPushButton *>(u"configReload"_s);
    QVERIFY(reload->isEnabled());
    client.calls.clear();
    reload->click();
    QCOMPARE(client.calls, QStringList({u"reload"_s}));
    QVERIFY(!reload->isEnabled()); // one reload at a time

    auto *result = view.findChild<QLabel *>(u"configResult"_s);
    Q_EMIT client.operationFinished(
        u"reload"_s, u"invalid config\n/etc/limpet/limpet.toml:3:1: unknown key 'bnd'"_s);
    QVERIFY2(result->text().contains(u"invalid config"_s), qPrintable(result->text()));
    auto *errors = view.findChild<QListWidget *>(u"configErrors"_s);
    QCOMPARE(errors->count(), 1);
    QCOMPARE(errors->item(0)->text(), u"/etc/limpet/limpet.toml:3:1: unknown key 'bnd'"_s);
    QVERIFY(reload->isEnabled());

    reload->click();
    client.calls.clear();
    Q_EMIT client.operationFinished(u"reload"_s, {});
    QCOMPARE(result->text(), u"Reloaded."_s);
    QCOMPARE(errors->count(), 0);
    QCOMPARE(client.calls, QStringList({u"config"_s})); // shows the new config

    // Refresh asks again.
    client.calls.clear();
    view.findChild<QPushButton *>(u"configRefresh"_s)->click();
    QCOMPARE(client.calls, QStringList({u"config"_s}));

    // The demo has no file: nothing to reload.
    Q_EMIT client.configReady({}, {});
    QVERIFY(!reload->isEnabled());
}

QTEST_MAIN(TestUiCluster)
#include "tst_ui_cluster.moc"
