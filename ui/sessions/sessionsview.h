#pragma once

#include "session/sessiontable.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace Limpet {

class ClusterClient;
class SessionFilterModel;
class SessionTableModel;

/// The session table of one instance: every binding of an affinity key to a backend, live,
/// sortable and filterable (text in the key or client address, backend, age), with the
/// operations on one session (trace, pin, forget) in its context menu.
///
/// It asks its client for the session table only while it is visible. Updates are applied
/// incrementally: the selection and the scroll position survive them, and rows are not
/// re-sorted under the reader (only on a header click, or every few seconds when the table is
/// small); new sessions are appended.
class SessionsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsView)

public:
    explicit SessionsView(QWidget *parent = nullptr);
    ~SessionsView() override;

    /// Shows the sessions of `client` (nullptr: none). The previous client's rows are dropped
    /// and it is no longer asked for its session table.
    void setClient(ClusterClient *client);

Q_SIGNALS:
    /// The user asked to trace a session's decisions.
    void traceRequested(const QByteArray &key);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applySessions(const SessionChanges &changes);
    void setShown(bool shown);
    void updateWanted();
    void updateCount();
    void updateBackendFilter();
    void updateActions();
    void showContextMenu(const QPoint &position);
    [[nodiscard]] std::optional<SessionInfo> selectedSession() const;
    void traceSelected();
    void pinSelected();
    void forgetSelected();

    QPointer<ClusterClient> m_client;
    bool m_shown = false;
    bool m_wanted = false; ///< what m_client was last told: On (true) or Paused (false)
    qsizetype m_notSent = 0; ///< sessions the latest whole table left out (SessionChanges)
    SessionTableModel *m_model;
    SessionFilterModel *m_proxy;
    QLineEdit *m_text;
    QComboBox *m_backend;
    QComboBox *m_age;
    QLabel *m_count;
    QTableView *m_table;
    QTimer *m_textDelay;
    QAction *m_trace;
    QAction *m_pin;
    QAction *m_forget;
    QElapsedTimer m_sinceSort;
};

} // namespace Limpet
