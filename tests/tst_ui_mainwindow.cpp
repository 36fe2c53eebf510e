// The minimal main window: it lists every backend of the running engine and follows its
// counters live.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include "cluster/backendtablemodel.h"
#include "mainwindow.h"

#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace LimpetTest;

class TestUiMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsBackendsLive();
};

void TestUiMainWindow::listsBackendsLive()
{
    TestBackend a(u"a"_s), b(u"b"_s);
    TestProxy proxy({&a, &b});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    Limpet::MainWindow window(&proxy.engine());
    window.show();
    auto *view = window.findChild<QTableView *>();
    QVERIFY(view);
    QAbstractItemModel *model = view->model();
    QCOMPARE(model->rowCount(), 2);
    const auto cell
        = [&](int row, int column) { return model->index(row, column).data().toString(); };
    QCOMPARE(cell(0, Limpet::BackendTableModel::PoolColumn), u"web"_s);
    QCOMPARE(cell(0, Limpet::BackendTableModel::NameColumn), u"a"_s);
    QCOMPARE(cell(1, Limpet::BackendTableModel::NameColumn), u"b"_s);
    QCOMPARE(cell(0, Limpet::BackendTableModel::StateColumn), u"ready"_s);
    QCOMPARE(cell(0, Limpet::BackendTableModel::RequestsColumn), u"0"_s);

    TestClient client(proxy.port());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(client.request("GET", "/").status, 200);
    // New sessions alternate: two each, and the window catches up on its own.
    QTRY_COMPARE(cell(0, Limpet::BackendTableModel::RequestsColumn), u"2"_s);
    QTRY_COMPARE(cell(1, Limpet::BackendTableModel::RequestsColumn), u"2"_s);
    QTRY_COMPARE(cell(0, Limpet::BackendTableModel::SessionsColumn), u"2"_s);

    proxy.engine().backend(u"web"_s, u"b"_s)->setState(Limpet::BackendState::Drain);
    QTRY_COMPARE(cell(1, Limpet::BackendTableModel::StateColumn), u"drain"_s);
}

QTEST_MAIN(TestUiMainWindow)
#include "tst_ui_mainwindow.moc"
