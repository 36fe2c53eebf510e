#pragma once

#include "client/clusterclient.h"
#include "inspector/cookieformats.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Limpet {

class CookieTableModel;

/// The cookie inspector: paste a Cookie or Set-Cookie header, or a whole request, and see what
/// each cookie is (Limpet's own, or another balancer's a user migrates from), what in it breaks
/// stickiness, and what the instance would do with it now (a dry run: nothing is sent, recorded
/// or counted). The recent requests of the instance can be picked instead of pasting.
class InspectorView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorView)

public:
    explicit InspectorView(QWidget *parent = nullptr);
    ~InspectorView() override;

    /// The instance to ask and to learn pools, cookie names and recent requests from; null
    /// detaches. The view does not own it.
    void setClient(ClusterClient *client);

public Q_SLOTS:
    /// Reads the pasted text into the tables and sends the dry run (Ctrl+Return).
    void inspect();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onSnapshot(const EngineSnapshot &snapshot);
    void onDecisions(const QList<TraceRecord> &decisions);
    /// Puts the newest requests of `decisions` (oldest first) in the recent requests list.
    void addRecent(const QList<TraceRecord> &decisions);
    void onInspectReady(const InspectAnswer &answer);
    void pickRecent(int index);
    void showDryRunMessage(const QString &message);
    [[nodiscard]] CookieFormats::Context context() const;

    QPointer<ClusterClient> m_client;
    QList<QMetaObject::Connection> m_connections;

    QPlainTextEdit *m_text;
    QLineEdit *m_host;
    QLineEdit *m_path;
    QComboBox *m_recent;
    QPushButton *m_inspectButton;
    CookieTableModel *m_cookies;
    QTableView *m_cookieView;
    QListWidget *m_warnings;
    QLabel *m_noWarnings;
    QLabel *m_summary;
    QLabel *m_pool;
    QLabel *m_reason;
    QLabel *m_backend;
    QLabel *m_candidates;
    QLabel *m_session;
    QLabel *m_detail;

    QHash<QString, PoolHint> m_pools; ///< by pool name: mode from snapshots, cookie from decisions
    QList<BackendHint> m_backends;
    QStringList m_recentIds; ///< pool, key and path of each recent request, newest first
    /// The newest decisions that came while the view was hidden (the list is filled when it
    /// shows: a hidden tab costs the GUI thread nothing but the pool hints).
    QList<TraceRecord> m_hiddenRecent;
    bool m_waiting = false; ///< a dry run was sent and its answer has not come
};

} // namespace Limpet
