#pragma once

#include "snapshot.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLineEdit;
class QMessageBox;
class QSplitter;
class QTableView;
class QTreeView;

namespace Limpet {

class BackendSortModel;
class BackendTableModel;
class ClusterClient;
class ClusterTreeModel;

/// The Cluster tab: on the left the instances → pools → backends tree, which chooses the
/// instance every other view shows; on the right the selected pool's backends (every pool's when
/// an instance is selected), live, sortable and filterable, with the operations on the selected
/// backends (toolbar, context menu, shortcuts, and the window's Backend menu).
///
/// Operations go to the selected instance, or — when the confirmation's "Apply to all
/// instances" is ticked — to every connected instance that has the same pool and backend.
/// Their results come back as the clients' operationFinished (the window shows them).
class ClusterView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterView)

public:
    explicit ClusterView(QWidget *parent = nullptr);
    ~ClusterView() override;

    /// Shows an instance (not owned; forgotten when it is destroyed). The first one added is
    /// selected.
    void addClient(ClusterClient *client);
    void removeClient(ClusterClient *client);
    [[nodiscard]] QList<ClusterClient *> clients() const;
    /// The selected instance (nullptr when there is none).
    [[nodiscard]] ClusterClient *currentClient() const { return m_client; }
    void setCurrentClient(ClusterClient *client);
    /// The last snapshot of an instance (empty before its first one).
    [[nodiscard]] const EngineSnapshot &snapshot(ClusterClient *client) const;

    /// The backend operations in menu order, separators included.
    [[nodiscard]] QList<QAction *> backendActions() const { return m_backendActions; }
    /// The backends selected in the table (or the backend selected in the tree).
    [[nodiscard]] QList<BackendSnapshot> selectedBackends() const;

Q_SIGNALS:
    /// Another instance was selected (nullptr: none is left).
    void currentClientChanged(Limpet::ClusterClient *client);
    /// Something to tell in the window's status bar.
    void statusMessage(const QString &message);

private:
    QAction *makeAction(const QString &text, const QString &objectName, const QKeySequence &key,
        const QString &toolTip);
    void onSnapshot(ClusterClient *client, EngineSnapshot snapshot);
    void onTreeCurrentChanged(const QModelIndex &current);
    void showCurrentSnapshot();
    void updateActions();
    void copySelection();
    void showHeaderMenu(const QPoint &pos);

    void applyState(BackendState state);
    void setWeight();
    void addBackend();
    void removeBackends();
    /// Adds "Apply to all instances" to `box` when other connected instances have all of
    /// `backends`; returns the checkbox (nullptr when not offered).
    QCheckBox *offerApplyToAll(QMessageBox &box, const QList<BackendSnapshot> &backends);
    /// The instances an operation on `backends` goes to: the selected one, or all that have
    /// them.
    [[nodiscard]] QList<ClusterClient *> targets(
        bool all, const QList<BackendSnapshot> &backends) const;
    [[nodiscard]] static bool hasBackend(
        const EngineSnapshot &snapshot, const QString &pool, const QString &backend);
    [[nodiscard]] static QString names(const QList<BackendSnapshot> &backends);
    [[nodiscard]] QString instanceNames(const QList<ClusterClient *> &clients) const;

    ClusterTreeModel *m_treeModel;
    BackendTableModel *m_tableModel;
    BackendSortModel *m_sortModel;
    QTreeView *m_tree;
    QTableView *m_table;
    QLineEdit *m_filter;
    QSplitter *m_splitter;
    QPointer<ClusterClient> m_client;
    /// Each instance's recent snapshots (a few seconds' worth), oldest first: the rates.
    QHash<ClusterClient *, QList<EngineSnapshot>> m_history;
    bool m_columnsSized = false;

    QAction *m_drainAction;
    QAction *m_readyAction;
    QAction *m_maintAction;
    QAction *m_standbyAction;
    QAction *m_weightAction;
    QAction *m_addAction;
    QAction *m_removeAction;
    QList<QAction *> m_backendActions;
};

} // namespace Limpet
