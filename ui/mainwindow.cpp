#include "mainwindow.h"

#include "charts/chartsview.h"
#include "client/clusterclient.h"
#include "client/remoteclient.h"
#include "cluster/clusterview.h"
#include "config/configview.h"
#include "connectdialog.h"
#include "inspector/inspectorview.h"
#include "log/logview.h"
#include "sessions/sessionsview.h"
#include "tokenstore.h"
#include "tracing/traceview.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QImageReader>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

const QString GeometryKey = u"mainWindow/geometry"_s;
const QString StateKey = u"mainWindow/state"_s;
const QString TabKey = u"mainWindow/tab"_s;
constexpr int StatusMessageMs = 10000;

} // namespace

MainWindow::MainWindow(QList<ClusterClient *> clients, QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget(this))
    , m_cluster(new ClusterView(m_tabs))
    , m_charts(new ChartsView(m_tabs))
    , m_sessions(new SessionsView(m_tabs))
    , m_inspector(new InspectorView(m_tabs))
    , m_trace(new TraceView(m_tabs))
    , m_log(new LogView(m_tabs))
    , m_config(new ConfigView(m_tabs))
    , m_listen(new QLabel(this))
    , m_connections(new QLabel(this))
    , m_sessionCount(new QLabel(this))
    , m_connection(new QLabel(this))
    , m_tokens(new TokenStore(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Limpet"));
    setWindowIcon(applicationIcon());
    m_tabs->setObjectName(u"tabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_cluster, tr("Cluster"));
    m_tabs->addTab(m_charts, tr("Charts"));
    m_tabs->addTab(m_sessions, tr("Sessions"));
    m_tabs->addTab(m_inspector, tr("Cookie inspector"));
    m_tabs->addTab(m_trace, tr("Tracing"));
    m_tabs->addTab(m_log, tr("Log"));
    m_tabs->addTab(m_config, tr("Config"));
    setCentralWidget(m_tabs);

    m_listen->setToolTip(tr("Where the selected instance's listener takes client connections"));
    m_connections->setToolTip(tr("Client connections open now"));
    m_sessionCount->setToolTip(tr("Sessions in the session table"));
    m_connection->setToolTip(tr("The connection to the selected instance"));
    for (QLabel *label : {m_listen, m_connections, m_sessionCount, m_connection})
        statusBar()->addPermanentWidget(label);

    createMenus();
    connect(m_cluster, &ClusterView::currentClientChanged, this, &MainWindow::setCurrentClient);
    connect(m_cluster, &ClusterView::statusMessage, this,
        [this](const QString &message) { statusBar()->showMessage(message, StatusMessageMs); });
    connect(m_sessions, &SessionsView::traceRequested, this, [this](const QByteArray &key) {
        m_tabs->setCurrentIndex(TracingTab);
        m_trace->traceSession(key);
    });

    connect(m_tokens, &TokenStore::loaded, this, [this](const QUrl &url, const QByteArray &token) {
        for (PendingRemote &pending : m_pendingRemotes) {
            if (pending.waiting && pending.url == url) {
                pending.token = token;
                pending.waiting = false;
                break;
            }
        }
        addPendingRemotes();
    });
    connect(m_tokens, &TokenStore::saved, this,
        [this](const QUrl &url, TokenStore::Place place, const QString &problem) {
            const QString where = TokenStore::keyFor(url);
            QString text;
            switch (place) {
            case TokenStore::Place::Keychain:
                text = tr("The token for %1 is kept in the keychain.").arg(where);
                break;
            case TokenStore::Place::SettingsFile:
                text = tr("No keychain (%1): the token for %2 is kept in the settings file, as "
                          "plain text.")
                           .arg(problem, where);
                break;
            case TokenStore::Place::Nowhere:
                text = tr("No keychain (%1): the token for %2 is not kept.").arg(problem, where);
                break;
            }
            statusBar()->showMessage(text, StatusMessageMs);
        });
    connect(m_tokens, &TokenStore::removed, this, [this](const QUrl &url, const QString &problem) {
        if (!problem.isEmpty()) {
            statusBar()->showMessage(tr("The keychain may still hold the token for %1: %2")
                                         .arg(TokenStore::keyFor(url), problem),
                StatusMessageMs);
        }
    });

    const QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1200, 700);
    restoreState(settings.value(StateKey).toByteArray());
    m_tabs->setCurrentIndex(std::clamp(settings.value(TabKey, 0).toInt(), 0, TabCount - 1));

    for (ClusterClient *client : std::as_const(clients))
        addClient(client);
    updateStatus();
}

MainWindow::~MainWindow()
{
    // The remote clients the window owns (File → Connect, addRemoteInstance) go with its children,
    // after this body and the members it reads: they must not call back into it then.
    for (RemoteClient *client : findChildren<RemoteClient *>(Qt::FindDirectChildrenOnly))
        disconnect(client, nullptr, this, nullptr);
}

QIcon MainWindow::applicationIcon()
{
    QIcon icon;
    if (QImageReader::supportedImageFormats().contains("svg"))
        icon.addFile(u":/icons/limpet.svg"_s);
    for (int size : {16, 32, 48, 64, 128, 256})
        icon.addFile(u":/icons/limpet-%1.png"_s.arg(size), QSize(size, size));
    return icon;
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction
        = file->addAction(tr("&Connect to instance…"), this, &MainWindow::connectToInstance);
    connectAction->setObjectName(u"connectAction"_s);
    connectAction->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_tabActions = new QActionGroup(this);
    for (int tab = 0; tab < TabCount; ++tab) {
        QAction *action = view->addAction(m_tabs->tabText(tab));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(tr("Ctrl+%1").arg(tab + 1)));
        action->setData(tab);
        m_tabActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, tab] { m_tabs->setCurrentIndex(tab); });
    }
    const auto checkTab = [this](int tab) {
        if (QAction *action = m_tabActions->actions().value(tab))
            action->setChecked(true);
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, checkTab);
    checkTab(m_tabs->currentIndex());

    QMenu *backend = menuBar()->addMenu(tr("&Backend"));
    backend->addActions(m_cluster->backendActions());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = help->addAction(tr("&About Limpet"), this, &MainWindow::about);
    aboutAction->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::addClient(ClusterClient *client)
{
    if (!client || m_connectionStates.contains(client))
        return;
    m_connectionStates.insert(client, Connection{!client->isRemote(), {}});
    connect(client, &ClusterClient::connectionChanged, this,
        [this, client](bool connected, const QString &error) {
            m_connectionStates[client] = Connection{connected, error};
            if (client == m_client)
                updateStatus();
            if (!connected && !error.isEmpty())
                statusBar()->showMessage(tr("%1: %2").arg(client->name(), error), StatusMessageMs);
        });
    connect(client, &ClusterClient::snapshotUpdated, this,
        [this, client](const EngineSnapshot &snapshot) {
            m_connectionStates[client].connected = true;
            if (client == m_client)
                showStatus(snapshot);
        });
    connect(client, &ClusterClient::operationFinished, this,
        [this, client](const QString &what, const QString &error) {
            onOperationFinished(client, what, error);
        });
    connect(
        client, &QObject::destroyed, this, [this, client] { m_connectionStates.remove(client); });
    m_log->watchClient(client);
    m_cluster->addClient(client); // selects it when it is the first
    client->start();
}

void MainWindow::setCurrentClient(ClusterClient *client)
{
    m_client = client;
    m_charts->setClient(client);
    m_sessions->setClient(client);
    m_inspector->setClient(client);
    m_trace->setClient(client);
    m_log->setClient(client);
    m_config->setClient(client);
    setWindowTitle(client ? tr("Limpet — %1").arg(client->name()) : tr("Limpet"));
    updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_client) {
        m_listen->setText(tr("No instance"));
        for (QLabel *label : {m_connections, m_sessionCount, m_connection})
            label->clear();
        return;
    }
    showStatus(m_cluster->snapshot(m_client));
}

void MainWindow::showStatus(const EngineSnapshot &s)
{
    m_listen->setText(
        s.listen.isEmpty() ? tr("Listener unknown") : tr("Listening on %1").arg(s.listen));
    m_connections->setText(tr("%n open connection(s)", nullptr, s.connectionsOpen));
    m_sessionCount->setText(tr("%n session(s)", nullptr, s.sessions));
    const Connection state = m_connectionStates.value(m_client);
    if (state.connected)
        m_connection->setText(m_client->isRemote() ? tr("Connected") : tr("Embedded engine"));
    else if (state.error.isEmpty())
        m_connection->setText(tr("Connecting…"));
    else
        m_connection->setText(tr("Disconnected"));
    m_connection->setToolTip(state.error.isEmpty() ? tr("The connection to the selected instance")
                                                   : tr("Disconnected: %1").arg(state.error));
}

void MainWindow::onOperationFinished(
    ClusterClient *client, const QString &what, const QString &error)
{
    if (error.isEmpty()) {
        statusBar()->showMessage(tr("%1 on %2: done").arg(what, client->name()), StatusMessageMs);
        return;
    }
    statusBar()->showMessage(
        tr("%1 on %2 refused: %3").arg(what, client->name(), error.section(u'\n', 0, 0)),
        StatusMessageMs);
    const QString line = tr("%1 on %2: %3").arg(what, client->name(), error);
    // One box for a burst of refusals (an operation applied to several instances).
    if (m_errorBox) {
        m_errorBox->setText(m_errorBox->text() + u"\n\n"_s + line);
        return;
    }
    m_errorBox = new QMessageBox(
        QMessageBox::Warning, tr("Operation refused"), line, QMessageBox::Ok, this);
    m_errorBox->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox->setTextFormat(Qt::PlainText);
    m_errorBox->open(); // not exec(): live updates go on behind it
}

void MainWindow::connectToInstance()
{
    ConnectDialog dialog(m_tokens, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QUrl url = dialog.url();
    ConnectDialog::rememberUrl(url);
    if (dialog.rememberToken())
        m_tokens->save(url, dialog.token(), dialog.plainTextAllowed());
    else
        m_tokens->remove(url);
    auto *client = new RemoteClient(url, dialog.token(), this); // owned by the window
    addClient(client);
    m_cluster->setCurrentClient(client);
}

void MainWindow::addRemoteInstance(const QUrl &url, const QByteArray &token)
{
    m_pendingRemotes.append(PendingRemote{url, token, token.isEmpty()});
    if (token.isEmpty())
        m_tokens->load(url);
    addPendingRemotes();
}

void MainWindow::addPendingRemotes()
{
    while (!m_pendingRemotes.isEmpty() && !m_pendingRemotes.first().waiting) {
        const PendingRemote next = m_pendingRemotes.takeFirst();
        addClient(new RemoteClient(next.url, next.token, this)); // owned by the window
    }
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Limpet"),
        tr("<h3>Limpet %1</h3>"
           "<p>A cluster manager with an embedded sticky-session HTTP load balancer.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QCoreApplication::applicationVersion().toHtmlEscaped(),
                QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(TabKey, m_tabs->currentIndex());
    event->accept();
}

} // namespace Limpet
