// The main window: it lists every backend of the running engine and follows its counters live;
// the instance selected in the Cluster tree is the one every view and the status bar show.

#include "fakeclient.h"
#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include "client/embeddedclient.h"
#include "cluster/backendtablemodel.h"
#include "cluster/clusterview.h"
#include "mainwindow.h"
#include "sessions/sessionsview.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace LimpetTest;

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

/// The table's text in `column` of the backend named `name`; empty when no row has it.
QString cell(QTableView *table, const QString &name, int column)
{
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, Limpet::BackendTableModel::NameColumn).data().toString() == name)
            return model->index(row, column).data().toString();
    }
    return {};
}

bool statusBarShows(QMainWindow &window, const QString &text)
{
    const QList<QLabel *> labels = window.statusBar()->findChildren<QLabel *>();
    return std::any_of(labels.begin(), labels.end(),
        [&](const QLabel *label) { return label->text().contains(text); });
}

Limpet::EngineSnapshot oneBackend(const QString &listen, const QString &name)
{
    Limpet::EngineSnapshot s;
    s.timeMs = 1000;
    s.listen = listen;
    s.sessions = 3;
    Limpet::PoolSnapshot pool;
    pool.name = u"web"_s;
    Limpet::BackendSnapshot b;
    b.pool = u"web"_s;
    b.name = name;
    pool.backends = {b};
    s.pools = {pool};
    return s;
}

} // namespace

class TestUiMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsBackendsLive();
    void selectedInstanceScopesEveryView();
    void tabsAndMenus();
    void traceRequestOpensTracing();

private:
    QTemporaryDir m_settings;
};

void TestUiMainWindow::initTestCase()
{
    testlibHandler = qInstallMessageHandler(dropOffscreenNoise);
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestUiMainWindow::listsBackendsLive()
{
    TestBackend a(u"a"_s), b(u"b"_s);
    TestProxy proxy({&a, &b});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    Limpet::EmbeddedClient client(&proxy.engine());
    Limpet::MainWindow window({&client});
    window.show();
    auto *view = window.findChild<QTableView *>(u"backendTable"_s);
    QVERIFY(view);
    QTRY_COMPARE(view->model()->rowCount(), 2);
    using Column = Limpet::BackendTableModel::Column;
    QCOMPARE(cell(view, u"a"_s, Column::PoolColumn), u"web"_s);
    QCOMPARE(cell(view, u"a"_s, Column::StateColumn), u"ready"_s);
    QCOMPARE(cell(view, u"b"_s, Column::StateColumn), u"ready"_s);
    QCOMPARE(cell(view, u"a"_s, Column::RequestsColumn), u"0"_s);
    QTRY_VERIFY(statusBarShows(window, proxy.engine().listenAddress().toString()));

    TestClient http(proxy.port());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(http.request("GET", "/").status, 200);
    // New sessions alternate: two each, and the window catches up on its own.
    QTRY_COMPARE(cell(view, u"a"_s, Column::RequestsColumn), u"2"_s);
    QTRY_COMPARE(cell(view, u"b"_s, Column::RequestsColumn), u"2"_s);
    QTRY_COMPARE(cell(view, u"a"_s, Column::SessionsColumn), u"2"_s);
    QTRY_VERIFY(statusBarShows(window, u"4 session"_s));

    proxy.engine().backend(u"web"_s, u"b"_s)->setState(Limpet::BackendState::Drain);
    QTRY_VERIFY(cell(view, u"b"_s, Column::StateColumn).startsWith(u"drain"_s));
}

void TestUiMainWindow::selectedInstanceScopesEveryView()
{
    FakeClient one(u"one"_s), two(u"two"_s);
    Limpet::MainWindow window({&one, &two});
    QVERIFY(one.started);
    QVERIFY(two.started);
    QCOMPARE(window.currentClient(), &one);
    Q_EMIT one.snapshotUpdated(oneBackend(u"127.0.0.1:8081"_s, u"first"_s));
    Q_EMIT two.snapshotUpdated(oneBackend(u"127.0.0.1:8082"_s, u"second"_s));
    QVERIFY(statusBarShows(window, u"127.0.0.1:8081"_s));
    QVERIFY(one.calls.contains(u"config"_s)); // the Config view asked the selected instance
    QVERIFY(!two.calls.contains(u"config"_s));

    auto *tree = window.findChild<QTreeView *>(u"clusterTree"_s);
    auto *table = window.findChild<QTableView *>(u"backendTable"_s);
    QCOMPARE(tree->model()->rowCount(), 2);
    QCOMPARE(cell(table, u"first"_s, Limpet::BackendTableModel::NameColumn), u"first"_s);
    tree->setCurrentIndex(tree->model()->index(1, 0));
    QCOMPARE(window.currentClient(), &two);
    QVERIFY(window.windowTitle().contains(u"two"_s));
    QVERIFY(statusBarShows(window, u"127.0.0.1:8082"_s));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(cell(table, u"second"_s, Limpet::BackendTableModel::NameColumn), u"second"_s);
    QVERIFY(two.calls.contains(u"config"_s));

    // Refusals come back to the status bar.
    Q_EMIT two.operationFinished(u"state web/second drain"_s, {});
    QVERIFY(window.statusBar()->currentMessage().contains(u"state web/second drain"_s));

    // A lost instance says so.
    Q_EMIT two.connectionChanged(false, u"connection refused"_s);
    QVERIFY(statusBarShows(window, u"Disconnected"_s));
}

void TestUiMainWindow::tabsAndMenus()
{
    FakeClient client;
    Limpet::MainWindow window({&client});
    QTabWidget *tabs = window.tabs();
    QCOMPARE(tabs->count(), int(Limpet::MainWindow::TabCount));
    const QStringList expected{u"Cluster"_s, u"Charts"_s, u"Sessions"_s, u"Cookie inspector"_s,
        u"Tracing"_s, u"Log"_s, u"Config"_s};
    for (int i = 0; i < tabs->count(); ++i)
        QCOMPARE(tabs->tabText(i), expected.at(i));

    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text().remove(u'&'));
    QCOMPARE(menus, QStringList({u"File"_s, u"View"_s, u"Backend"_s, u"Help"_s}));

    // View → Log (Ctrl+6).
    QMenu *view = window.menuBar()->actions().at(1)->menu();
    QAction *log = view->actions().at(Limpet::MainWindow::LogTab);
    QCOMPARE(log->shortcut(), QKeySequence(u"Ctrl+6"_s));
    log->trigger();
    QCOMPARE(tabs->currentIndex(), int(Limpet::MainWindow::LogTab));

    // The Backend menu holds the Cluster view's operations.
    QMenu *backend = window.menuBar()->actions().at(2)->menu();
    QVERIFY(backend->actions().contains(window.findChild<QAction *>(u"drainAction"_s)));
    QVERIFY(!window.windowIcon().isNull());
}

void TestUiMainWindow::traceRequestOpensTracing()
{
    FakeClient client;
    Limpet::MainWindow window({&client});
    window.tabs()->setCurrentIndex(Limpet::MainWindow::SessionsTab);
    auto *sessions = window.findChild<Limpet::SessionsView *>();
    QVERIFY(sessions);
    Q_EMIT sessions->traceRequested("3f9a0c1d-b1-77b2e410");
    QCOMPARE(window.tabs()->currentIndex(), int(Limpet::MainWindow::TracingTab));
}

QTEST_MAIN(TestUiMainWindow)
#include "tst_ui_mainwindow.moc"
