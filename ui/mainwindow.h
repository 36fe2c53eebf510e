#pragma once

#include "snapshot.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMainWindow>
#include <QPointer>
#include <QUrl>

class QActionGroup;
class QLabel;
class QMessageBox;
class QTabWidget;

namespace Limpet {

class ChartsView;
class ClusterClient;
class ClusterView;
class ConfigView;
class InspectorView;
class LogView;
class SessionsView;
class TokenStore;
class TraceView;

/// The main window: one tab per view (Cluster, Charts, Sessions, Cookie inspector, Tracing,
/// Log, Config). The instance selected in the Cluster tab's tree is the one every view shows;
/// the status bar shows its listener, totals and connection. Operations' results from every
/// instance come to the status bar, refusals in a message box. The window never touches a
/// socket: it sees the instances through ClusterClient only.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Tab {
        ClusterTab,
        ChartsTab,
        SessionsTab,
        InspectorTab,
        TracingTab,
        LogTab,
        ConfigTab,
        TabCount
    };

    /// `clients`: the instances to manage, not owned (they must outlive the window); the window
    /// starts them. The first one is selected.
    explicit MainWindow(QList<ClusterClient *> clients, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Manages one more instance (not owned) and starts it.
    void addClient(ClusterClient *client);
    /// Manages a remote instance through its admin API at `url`, as File → Connect does (the
    /// window owns the client). With an empty `token`, the one remembered for url (TokenStore:
    /// keychain, or settings file) if there is one, else none: the instance then appears once the
    /// store has answered, never before one added earlier by this function (the command line's
    /// order stays).
    void addRemoteInstance(const QUrl &url, const QByteArray &token = {});
    /// Where the window remembers admin tokens.
    [[nodiscard]] TokenStore *tokenStore() const { return m_tokens; }
    /// The instance every view shows (nullptr when there is none).
    [[nodiscard]] ClusterClient *currentClient() const { return m_client; }
    [[nodiscard]] ClusterView *clusterView() const { return m_cluster; }
    [[nodiscard]] QTabWidget *tabs() const { return m_tabs; }

    /// Limpet's icon (the SVG, and PNG renderings for when no SVG plugin is installed).
    [[nodiscard]] static QIcon applicationIcon();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void setCurrentClient(ClusterClient *client);
    /// The selected instance's status from its last snapshot.
    void updateStatus();
    void showStatus(const EngineSnapshot &snapshot);
    void onOperationFinished(ClusterClient *client, const QString &what, const QString &error);
    void connectToInstance();
    /// Adds the queued remote instances whose token is known, in order.
    void addPendingRemotes();
    void about();

    QTabWidget *m_tabs;
    ClusterView *m_cluster;
    ChartsView *m_charts;
    SessionsView *m_sessions;
    InspectorView *m_inspector;
    TraceView *m_trace;
    LogView *m_log;
    ConfigView *m_config;
    QActionGroup *m_tabActions = nullptr;

    QLabel *m_listen;
    QLabel *m_connections;
    QLabel *m_sessionCount;
    QLabel *m_connection;

    QPointer<ClusterClient> m_client;
    /// Each instance's connection: true when connected, else the reason (empty: connecting).
    struct Connection
    {
        bool connected = false;
        QString error;
    };
    QHash<ClusterClient *, Connection> m_connectionStates;
    QPointer<QMessageBox> m_errorBox;

    TokenStore *m_tokens;
    /// addRemoteInstance()'s instances not added yet: the first ones wait for the store.
    struct PendingRemote
    {
        QUrl url;
        QByteArray token;
        bool waiting = false; ///< for the store's answer
    };
    QList<PendingRemote> m_pendingRemotes;
};

} // namespace Limpet
