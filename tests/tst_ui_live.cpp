// The whole window against a live engine: a TestProxy (pool "web", insert mode, cookie SRV) in
// front of three TestBackends, seen through a real EmbeddedClient, driven by real HTTP requests.
// Every check is on what the user sees (the views' models and widgets), waited for with QTRY:
// the client's updates are periodic and asynchronous.
//
// The test functions run in order on one fixture and build on each other: sessions made in the
// first ones are inspected, traced and filtered later; b2 is drained, then b1 put in maintenance.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include "charts/chartsview.h"
#include "client/embeddedclient.h"
#include "cluster/backendtablemodel.h"
#include "config/configview.h"
#include "inspector/cookietablemodel.h"
#include "log/logtablemodel.h"
#include "mainwindow.h"
#include "sessions/sessiontablemodel.h"
#include "tracing/breakcountmodel.h"
#include "tracing/tracemodel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace LimpetTest;
using Limpet::BackendTableModel;
using Limpet::MainWindow;

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

/// The Cluster table's text in `column` of the backend named `name`; empty when no row has it.
QString cell(QTableView *table, const QString &name, int column)
{
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, BackendTableModel::NameColumn).data().toString() == name)
            return model->index(row, column).data().toString();
    }
    return {};
}

/// Selects the row of backend `name` in the Cluster table, as a click on it would.
bool selectBackend(QTableView *table, const QString &name)
{
    QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, BackendTableModel::NameColumn).data().toString() == name) {
            const QModelIndex index = model->index(row, 0);
            table->selectionModel()->setCurrentIndex(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

/// The row of `model` whose `column` reads `text`, -1 when none does.
int rowWith(const QAbstractItemModel *model, int column, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString() == text)
            return row;
    }
    return -1;
}

/// One request as a browser would make it: a fresh connection, the SRV cookie when given.
HttpResponse get(quint16 port, const QByteArray &cookie = {})
{
    HeaderList headers;
    if (!cookie.isEmpty())
        headers.append({"Cookie", "SRV=" + cookie});
    TestClient client(port);
    return client.request("GET", "/", headers);
}

} // namespace

class TestUiLive final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void clusterFollowsTraffic();
    void drainFromWindowAction();
    void sessionsViewShowsRealSessions();
    void traceFollowsSessionThroughMaintenance();
    void inspectorReadsRealCookie();
    void logShowsStateChanges();
    void chartsShowRequestRates();
    void configWithoutFile();

private:
    /// A request without a cookie: a new session. Records where it went; false (with a
    /// warning) when it failed.
    bool newSession(QByteArray *key = nullptr, QString *backend = nullptr);
    /// A request with the cookie of a session made here; returns the backend that answered.
    /// `reissued`: the new cookie value when Limpet issued one.
    QString again(const QByteArray &key, QByteArray *reissued = nullptr);
    /// A key of a session made here and bound to `backend` (as far as the test knows), the one
    /// with the most requests.
    [[nodiscard]] QByteArray sessionOn(const QString &backend) const;
    [[nodiscard]] int sessionsOn(const QString &backend) const;
    [[nodiscard]] quint16 port() const { return m_proxy->port(); }
    /// The engine's own state of web/`backend` ("ready", "drain", ...).
    [[nodiscard]] QString engineState(const QString &backend) const
    {
        const Limpet::BackendPtr b = m_proxy->engine().backend(u"web"_s, backend);
        return b ? Limpet::toString(b->state()) : QString();
    }
    template <typename T>
    [[nodiscard]] T *child(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }

    QTemporaryDir m_settings;
    std::unique_ptr<TestBackend> m_b1, m_b2, m_b3;
    std::unique_ptr<TestProxy> m_proxy;
    std::unique_ptr<Limpet::EmbeddedClient> m_client;
    std::unique_ptr<MainWindow> m_window;
    QTableView *m_backendTable = nullptr;

    QMap<QByteArray, QString> m_sessions; ///< key (SRV value) → backend it is bound to
    QHash<QByteArray, int> m_requests; ///< key → requests made with it (or that issued it)
    QHash<QString, int> m_served; ///< backend → requests it answered
};

void TestUiLive::initTestCase()
{
    testlibHandler = qInstallMessageHandler(dropOffscreenNoise);
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());

    m_b1 = std::make_unique<TestBackend>(u"b1"_s);
    m_b2 = std::make_unique<TestBackend>(u"b2"_s);
    m_b3 = std::make_unique<TestBackend>(u"b3"_s);
    for (const TestBackend *b : {m_b1.get(), m_b2.get(), m_b3.get()})
        QVERIFY(b->isListening());
    m_proxy = std::make_unique<TestProxy>(
        QList<const TestBackend *>{m_b1.get(), m_b2.get(), m_b3.get()});
    QVERIFY2(m_proxy->isRunning(), qPrintable(m_proxy->error()));

    m_client = std::make_unique<Limpet::EmbeddedClient>(&m_proxy->engine());
    m_window = std::make_unique<MainWindow>(QList<Limpet::ClusterClient *>{m_client.get()});
    m_window->resize(1200, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->currentClient(), m_client.get());
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::ClusterTab));
    m_backendTable = child<QTableView>(u"backendTable"_s);
    QVERIFY(m_backendTable);
}

void TestUiLive::cleanupTestCase()
{
    // The window goes before the client it shows, the client before the engine, the engine
    // before its backends.
    m_window.reset();
    m_client.reset();
    m_proxy.reset();
    m_b1.reset();
    m_b2.reset();
    m_b3.reset();
}

bool TestUiLive::newSession(QByteArray *key, QString *backend)
{
    const HttpResponse r = get(port());
    const QByteArray value = r.setCookieValue("SRV");
    const QString name = QString::fromUtf8(r.header("X-Backend"));
    if (r.status != 200 || value.isEmpty() || name.isEmpty()) {
        qWarning("new session: status %d, Set-Cookie SRV=%s, X-Backend %s", r.status,
            value.constData(), qPrintable(name));
        return false;
    }
    m_sessions.insert(value, name);
    m_requests.insert(value, 1);
    ++m_served[name];
    if (key)
        *key = value;
    if (backend)
        *backend = name;
    return true;
}

QString TestUiLive::again(const QByteArray &key, QByteArray *reissued)
{
    const HttpResponse r = get(port(), key);
    if (r.status != 200)
        return {};
    const QString name = QString::fromUtf8(r.header("X-Backend"));
    ++m_served[name];
    ++m_requests[key];
    // Limpet re-issues the cookie when the session moves: follow it as a browser would.
    const QByteArray value = r.setCookieValue("SRV");
    if (!value.isEmpty() && value != key) {
        m_sessions.remove(key);
        m_sessions.insert(value, name);
        m_requests.insert(value, 1);
    }
    if (reissued)
        *reissued = value;
    return name;
}

QByteArray TestUiLive::sessionOn(const QString &backend) const
{
    QByteArray best;
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        if (it.value() == backend
            && (best.isEmpty() || m_requests.value(it.key()) > m_requests.value(best)))
            best = it.key();
    }
    return best;
}

int TestUiLive::sessionsOn(const QString &backend) const
{
    return int(std::count(m_sessions.cbegin(), m_sessions.cend(), backend));
}

// 1. The Cluster view lists web/b1..b3, ready; requests and sessions follow the traffic.
void TestUiLive::clusterFollowsTraffic()
{
    QTableView *table = m_backendTable;
    QTRY_COMPARE(table->model()->rowCount(), 3);
    for (const QString &name : {u"b1"_s, u"b2"_s, u"b3"_s}) {
        QCOMPARE(cell(table, name, BackendTableModel::PoolColumn), u"web"_s);
        QCOMPARE(cell(table, name, BackendTableModel::StateColumn), u"ready"_s);
        QCOMPARE(cell(table, name, BackendTableModel::RequestsColumn), u"0"_s);
        QCOMPARE(cell(table, name, BackendTableModel::SessionsColumn), u"0"_s);
    }

    // Six new sessions (round robin: two each), and one more request in each of them.
    for (int i = 0; i < 6; ++i)
        QVERIFY(newSession());
    const QList<QByteArray> keys = m_sessions.keys();
    for (const QByteArray &key : keys)
        QCOMPARE(again(key), m_sessions.value(key)); // sticky
    for (const QString &name : {u"b1"_s, u"b2"_s, u"b3"_s}) {
        QVERIFY2(sessionsOn(name) > 0, qPrintable(name));
        QTRY_COMPARE(cell(table, name, BackendTableModel::RequestsColumn),
            QString::number(m_served.value(name)));
        QTRY_COMPARE(cell(table, name, BackendTableModel::SessionsColumn),
            QString::number(sessionsOn(name)));
    }
    // The status bar counts them too.
    const auto statusShows = [this](const QString &text) {
        const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
        return std::any_of(labels.begin(), labels.end(),
            [&](const QLabel *label) { return label->text().contains(text); });
    };
    QTRY_VERIFY(statusShows(u"6 session"_s));
}

// 2. Drain b2 with the window's own action: the engine drains it, the table says so, and no
//    new session goes there while its sessions stay.
void TestUiLive::drainFromWindowAction()
{
    QTableView *table = m_backendTable;
    auto *drain = child<QAction>(u"drainAction"_s);
    QVERIFY(drain);
    // The window's Backend menu holds this very action.
    QMenu *backendMenu = nullptr;
    for (QAction *menu : m_window->menuBar()->actions()) {
        if (menu->text().remove(u'&') == u"Backend"_s)
            backendMenu = menu->menu();
    }
    QVERIFY(backendMenu);
    QVERIFY(backendMenu->actions().contains(drain));

    QVERIFY(selectBackend(table, u"b2"_s));
    QTRY_VERIFY(drain->isEnabled());
    drain->trigger();

    QTRY_COMPARE(engineState(u"b2"_s), u"drain"_s);
    QTRY_VERIFY(cell(table, u"b2"_s, BackendTableModel::StateColumn).startsWith(u"drain"_s));
    QCOMPARE(cell(table, u"b1"_s, BackendTableModel::StateColumn), u"ready"_s);
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"Drain web/b2"_s));
    QTRY_VERIFY(!drain->isEnabled()); // b2, still selected, is drained already

    // New clients never land on b2; its own sessions stay there.
    const int b2Requests = m_b2->requestCount();
    for (int i = 0; i < 6; ++i) {
        QString backend;
        QVERIFY(newSession(nullptr, &backend));
        QVERIFY2(backend != u"b2"_s, "a new session went to the drained backend");
    }
    QCOMPARE(m_b2->requestCount(), b2Requests);
    QCOMPARE(again(sessionOn(u"b2"_s)), u"b2"_s);
    QTRY_COMPARE(cell(table, u"b2"_s, BackendTableModel::RequestsColumn),
        QString::number(m_served.value(u"b2"_s)));
    QTRY_COMPARE(cell(table, u"b1"_s, BackendTableModel::SessionsColumn),
        QString::number(sessionsOn(u"b1"_s)));
    QTRY_COMPARE(cell(table, u"b3"_s, BackendTableModel::SessionsColumn),
        QString::number(sessionsOn(u"b3"_s)));
}

// 3. The Sessions tab shows the engine's sessions: keys = the SRV values the clients got, each
//    on the backend that answered it; the backend filter keeps that backend's only.
void TestUiLive::sessionsViewShowsRealSessions()
{
    m_window->tabs()->setCurrentIndex(MainWindow::SessionsTab);
    auto *table = child<QTableView>(u"sessionTable"_s);
    auto *backendFilter = child<QComboBox>(u"sessionFilterBackend"_s);
    auto *count = child<QLabel>(u"sessionCount"_s);
    QVERIFY(table && backendFilter && count);
    QAbstractItemModel *model = table->model();
    using Column = Limpet::SessionTableModel::Column;

    const int total = int(m_sessions.size());
    QTRY_COMPARE(model->rowCount(), total);
    for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
        const int row = rowWith(model, Column::KeyColumn, QString::fromLatin1(it.key()));
        QVERIFY2(row >= 0, it.key().constData());
        QCOMPARE(model->index(row, Column::PoolColumn).data().toString(), u"web"_s);
        QCOMPARE(model->index(row, Column::BackendColumn).data().toString(), it.value());
        QCOMPARE(model->index(row, Column::ClientColumn).data().toString(), u"127.0.0.1"_s);
    }
    QCOMPARE(count->text(), u"%1 session(s) (showing %1)"_s.arg(total));

    // The filter offers the backends sessions are bound to.
    QTRY_VERIFY(backendFilter->findData(u"b1"_s) > 0);
    QVERIFY(backendFilter->findData(u"b2"_s) > 0);
    QVERIFY(backendFilter->findData(u"b3"_s) > 0);
    backendFilter->setCurrentIndex(backendFilter->findData(u"b1"_s));
    const int onB1 = sessionsOn(u"b1"_s);
    QTRY_COMPARE(model->rowCount(), onB1);
    for (int row = 0; row < model->rowCount(); ++row) {
        QCOMPARE(model->index(row, Column::BackendColumn).data().toString(), u"b1"_s);
        QCOMPARE(
            m_sessions.value(model->index(row, Column::KeyColumn).data().toString().toLatin1()),
            u"b1"_s);
    }
    QCOMPARE(count->text(), u"%1 session(s) (showing %2)"_s.arg(total).arg(onB1));
    backendFilter->setCurrentIndex(0); // all backends
    QTRY_COMPARE(model->rowCount(), total);
}

// 4. Trace a b1 session from the Sessions view; put b1 in maintenance with the window's action;
//    the session's next request shows as a highlighted row on another backend with its cause,
//    and the break counter counts it.
void TestUiLive::traceFollowsSessionThroughMaintenance()
{
    const QByteArray key = sessionOn(u"b1"_s);
    QVERIFY(!key.isEmpty());

    // Trace it as the user does: select its row in the Sessions tab, "Trace this session".
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::SessionsTab));
    auto *sessionTable = child<QTableView>(u"sessionTable"_s);
    QTRY_VERIFY(rowWith(sessionTable->model(), Limpet::SessionTableModel::KeyColumn,
                    QString::fromLatin1(key))
        >= 0);
    sessionTable->selectRow(rowWith(
        sessionTable->model(), Limpet::SessionTableModel::KeyColumn, QString::fromLatin1(key)));
    auto *traceAction = child<QAction>(u"traceSessionAction"_s);
    QVERIFY(traceAction);
    QTRY_VERIFY(traceAction->isEnabled());
    traceAction->trigger();
    QCOMPARE(m_window->tabs()->currentIndex(), int(MainWindow::TracingTab));

    auto *trace = child<QTableView>(u"trace"_s);
    auto *status = child<QLabel>(u"traceStatus"_s);
    auto *breaks = child<QTableView>(u"breaks"_s);
    QVERIFY(trace && status && breaks);
    QAbstractItemModel *model = trace->model();
    using Column = Limpet::TraceModel::Column;
    // The history: the request that opened the session, then those that came back with it.
    const int history = m_requests.value(key);
    QVERIFY(history >= 2);
    QTRY_COMPARE(model->rowCount(), history);
    QTRY_VERIFY(status->text().contains(u"%1 request"_s.arg(history)));
    QCOMPARE(model->index(0, Column::ReasonColumn).data().toString(), u"cookie-absent"_s);
    QCOMPARE(model->index(0, Column::BackendColumn).data().toString(), u"b1"_s);
    for (int row = 1; row < history; ++row) {
        QCOMPARE(model->index(row, Column::ReasonColumn).data().toString(), u"cookie-hit"_s);
        QCOMPARE(
            model->index(row, Column::CookieInColumn).data().toString(), QString::fromLatin1(key));
    }

    // A new request of the session: a new row, live.
    QCOMPARE(again(key), u"b1"_s);
    QTRY_COMPARE(model->rowCount(), history + 1);
    QCOMPARE(model->index(history, Column::BackendColumn).data().toString(), u"b1"_s);
    QCOMPARE(model->index(history, Column::ReasonColumn).data().toString(), u"cookie-hit"_s);
    QVERIFY(!model->index(history, 0).data(Limpet::TraceModel::ChangedRole).toBool());
    QVERIFY(!model->index(history, 0).data(Qt::BackgroundRole).isValid());

    // b1 in maintenance: the Cluster view's action, its confirmation accepted.
    QVERIFY(selectBackend(m_backendTable, u"b1"_s));
    auto *maint = child<QAction>(u"maintAction"_s);
    QVERIFY(maint);
    QTRY_VERIFY(maint->isEnabled());
    QString question;
    answerMessageBox([&question](QMessageBox *box) {
        question = box->text();
        buttonOfRole(box, QMessageBox::AcceptRole)->click();
    });
    maint->trigger();
    QCOMPARE(question, u"Put b1 in maintenance?"_s);
    QTRY_COMPARE(engineState(u"b1"_s), u"maint"_s);
    QTRY_VERIFY(
        cell(m_backendTable, u"b1"_s, BackendTableModel::StateColumn).startsWith(u"maint"_s));

    // The same cookie again: redispatched (b2 drains, so b3 is the only ready one), with a new
    // cookie.
    QByteArray newKey;
    const QString moved = again(key, &newKey);
    QCOMPARE(moved, u"b3"_s);
    QVERIFY(!newKey.isEmpty());
    QVERIFY(newKey != key);
    QTRY_COMPARE(model->rowCount(), history + 2);
    const QModelIndex last = model->index(history + 1, Column::BackendColumn);
    QCOMPARE(last.data().toString(), moved);
    QCOMPARE(model->index(history + 1, Column::CookieInColumn).data().toString(),
        QString::fromLatin1(key));
    QCOMPARE(model->index(history + 1, Column::ReasonColumn).data().toString(),
        u"backend-down-redispatched"_s);
    QVERIFY(last.data(Limpet::TraceModel::ChangedRole).toBool());
    QCOMPARE(last.data(Limpet::TraceModel::CauseRole).toString(), u"backend-down-redispatched"_s);
    QVERIFY(last.data(Qt::BackgroundRole).isValid()); // highlighted
    QCOMPARE(model->index(history + 1, Column::ChangeColumn).data().toString(),
        u"b1 → b3: backend down or in maintenance"_s);
    QVERIFY(model->index(history + 1, Column::SetCookieColumn)
                .data()
                .toString()
                .startsWith(u"SRV="_s + QString::fromLatin1(newKey)));
    QTRY_VERIFY(status->text().contains(u"1 backend change"_s));

    // The break counter of the whole instance: one, for that cause.
    QAbstractItemModel *breakModel = breaks->model();
    QTRY_COMPARE(breakModel->rowCount(), 1);
    QCOMPARE(breakModel->index(0, Limpet::BreakCountModel::CauseColumn).data().toString(),
        u"backend down or in maintenance"_s);
    QCOMPARE(breakModel->index(0, 0).data(Limpet::BreakCountModel::ReasonCodeRole).toString(),
        u"backend-down-redispatched"_s);
    QCOMPARE(breakModel->index(0, Limpet::BreakCountModel::CountColumn).data().toString(), u"1"_s);
    QVERIFY(child<QLabel>(u"breakTotal"_s)->text().startsWith(u"1 break(s) in "_s));

    // The session goes on under its new cookie, and the trace follows it there.
    QCOMPARE(again(newKey), moved);
    QTRY_COMPARE(model->rowCount(), history + 3);
    QCOMPARE(model->index(history + 2, Column::CookieInColumn).data().toString(),
        QString::fromLatin1(newKey));
    QVERIFY(!model->index(history + 2, 0).data(Limpet::TraceModel::ChangedRole).toBool());
}

// 5. Paste a real cookie of b3: the dry run names b3 (cookie-hit), and the cookie table knows it
//    as Limpet's affinity cookie of pool web.
void TestUiLive::inspectorReadsRealCookie()
{
    const QByteArray key = sessionOn(u"b3"_s);
    QVERIFY(!key.isEmpty());
    m_window->tabs()->setCurrentIndex(MainWindow::InspectorTab);
    auto *text = child<QPlainTextEdit>(u"cookieText"_s);
    auto *inspect = child<QPushButton>(u"inspectButton"_s);
    auto *cookies = child<QTableView>(u"cookies"_s);
    QVERIFY(text && inspect && cookies);

    text->setPlainText(u"Cookie: SRV="_s + QString::fromLatin1(key));
    QTest::mouseClick(inspect, Qt::LeftButton);
    QTRY_COMPARE(child<QLabel>(u"dryBackend"_s)->text(), u"b3"_s);
    QCOMPARE(child<QLabel>(u"dryReason"_s)->text(), u"cookie-hit"_s);
    QCOMPARE(child<QLabel>(u"dryPool"_s)->text(), u"web (mode insert)"_s);
    QVERIFY2(child<QLabel>(u"drySummary"_s)->text().contains(u"b3"_s),
        qPrintable(child<QLabel>(u"drySummary"_s)->text()));
    QVERIFY2(child<QLabel>(u"drySession"_s)->text().startsWith(u"on b3, "_s),
        qPrintable(child<QLabel>(u"drySession"_s)->text()));

    QAbstractItemModel *model = cookies->model();
    using Column = Limpet::CookieTableModel::Column;
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, Column::NameColumn).data().toString(), u"SRV"_s);
    QCOMPARE(model->index(0, Column::ValueColumn).data().toString(), QString::fromLatin1(key));
    const QString recognised = model->index(0, Column::RecognisedColumn).data().toString();
    QVERIFY2(recognised.startsWith(u"Limpet insert (masked)"_s), qPrintable(recognised));
    const QString decoded = model->index(0, Column::DecodedColumn).data().toString();
    QVERIFY2(decoded.contains(u"backend b3 (pool web)"_s), qPrintable(decoded));
}

// 6. The Log tab shows the two state changes made above.
void TestUiLive::logShowsStateChanges()
{
    m_window->tabs()->setCurrentIndex(MainWindow::LogTab);
    auto *table = child<QTableView>(u"logTable"_s);
    QVERIFY(table);
    QAbstractItemModel *model = table->model();
    using Column = Limpet::LogTableModel::Column;
    const auto shows = [model](const QString &backend, const QString &change) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, Column::KindColumn).data().toString() == u"state"_s
                && model->index(row, Column::BackendColumn).data().toString() == backend
                && model->index(row, Column::ChangeColumn).data().toString() == change)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY(shows(u"web/b2"_s, u"ready → drain"_s) >= 0);
    QTRY_VERIFY(shows(u"web/b1"_s, u"ready → maint"_s) >= 0);
    QVERIFY(shows(u"web/b2"_s, u"ready → drain"_s) < shows(u"web/b1"_s, u"ready → maint"_s));
}

// 7. The Charts tab: the backends that served requests have a request rate above zero.
void TestUiLive::chartsShowRequestRates()
{
    m_window->tabs()->setCurrentIndex(MainWindow::ChartsTab);
    auto *charts = m_window->findChild<Limpet::ChartsView *>();
    QVERIFY(charts);
    const auto peak = [charts](const QString &backend) {
        double max = 0;
        for (const QPointF &p : charts->points(Limpet::ChartsView::Metric::RequestRate, backend))
            max = std::max(max, p.y());
        return max;
    };
    QTRY_COMPARE(charts->backends(), QStringList({u"web/b1"_s, u"web/b2"_s, u"web/b3"_s}));
    for (const QString &name : {u"b1"_s, u"b2"_s, u"b3"_s}) {
        QVERIFY(m_served.value(name) > 0);
        QTRY_VERIFY2(peak(name) > 0, qPrintable(name));
    }
    // The sessions chart follows the session table: b3 holds some.
    const QList<QPointF> sessions = charts->points(Limpet::ChartsView::Metric::Sessions, u"b3"_s);
    QVERIFY(!sessions.isEmpty());
    QTRY_VERIFY(charts->points(Limpet::ChartsView::Metric::Sessions, u"b3"_s).last().y() > 0);
}

// 8. The Config tab of an engine started from a config built in code: no file to show, no
//    reload offered; asked to reload anyway, it shows the engine's refusal.
void TestUiLive::configWithoutFile()
{
    m_window->tabs()->setCurrentIndex(MainWindow::ConfigTab);
    auto *file = child<QLabel>(u"configFile"_s);
    auto *text = child<QPlainTextEdit>(u"configText"_s);
    auto *reload = child<QPushButton>(u"configReload"_s);
    auto *result = child<QLabel>(u"configResult"_s);
    QVERIFY(file && text && reload && result);
    QTRY_VERIFY2(file->text().startsWith(u"No config file"_s), qPrintable(file->text()));
    QVERIFY(text->toPlainText().isEmpty());
    QVERIFY(!reload->isEnabled());
    QCOMPARE(reload->toolTip(), u"This instance has no config file to reload"_s);

    // The button is off; the view's reload slot still goes to the engine, which refuses.
    auto *view = m_window->findChild<Limpet::ConfigView *>();
    QVERIFY(view);
    view->reload();
    QTRY_VERIFY2(result->text().startsWith(u"Reload refused: "_s), qPrintable(result->text()));
    QVERIFY2(result->text().contains(u"nothing to reload"_s), qPrintable(result->text()));
    QVERIFY(result->isVisible());
    QTRY_VERIFY(m_window->statusBar()->currentMessage().contains(u"refused"_s));
    QVERIFY(m_window->statusBar()->currentMessage().contains(u"nothing to reload"_s));
    // The window's box for refusals says it too (not modal to the app: it does not block).
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) != nullptr);
    QVERIFY(box->text().contains(u"nothing to reload"_s));
    box->close();
    QCOMPARE(m_proxy->engine().isRunning(), true);
}

QTEST_MAIN(TestUiLive)
#include "tst_ui_live.moc"
