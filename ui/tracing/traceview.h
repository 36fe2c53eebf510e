#pragma once

#include "client/clusterclient.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace Limpet {

class BreakCountModel;
class TraceModel;

/// Session tracing, Wireshark-shaped: pick a session key or a client address, see its recorded
/// history (requestTrace) and then follow it live (decisionsArrived), one row per request, rows
/// where the backend changed highlighted with their cause; the selected row's decision in
/// detail below. Beside it, how often stickiness broke per cause over the whole instance since
/// the view was attached. Bounded to the last TraceModel::MaxRows rows.
class TraceView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceView)

public:
    explicit TraceView(QWidget *parent = nullptr);
    ~TraceView() override;

    /// The instance to trace; null detaches. The view does not own it. Break counts start
    /// again from zero.
    void setClient(ClusterClient *client);

    /// Writes the rows as a JSON array of decision objects (the admin API's field names).
    /// Returns false, with `error` set when given, when the file cannot be written.
    bool exportJson(const QString &path, QString *error = nullptr) const;

public Q_SLOTS:
    /// Traces one session: its history, then its requests as they come, following the key when
    /// the session is re-issued a new cookie.
    void traceSession(const QByteArray &key);
    /// Traces every request of one client address.
    void traceClient(const QString &client);

private:
    void traceFromFields();
    void start();
    void onTraceReady(
        const QByteArray &key, const QString &client, const QList<TraceRecord> &records);
    void onDecisions(const QList<TraceRecord> &decisions);
    [[nodiscard]] bool follows(const TraceRecord &record) const;
    void appendRows(const QList<TraceRecord> &records);
    void setPaused(bool paused);
    void exportWithDialog();
    void showDetail();
    void updateStatus();
    void updateBreaks();

    QPointer<ClusterClient> m_client;
    QList<QMetaObject::Connection> m_connections;

    QComboBox *m_kind;
    QLineEdit *m_target;
    QPushButton *m_traceButton;
    QCheckBox *m_pause;
    QPushButton *m_exportButton;
    QLabel *m_status;
    TraceModel *m_model;
    QTableView *m_table;
    QPlainTextEdit *m_detail;
    BreakCountModel *m_breaks;
    QTableView *m_breakTable;
    QLabel *m_breakTotal;

    QByteArray m_key; ///< the session traced (empty: a client is)
    QString m_clientAddress; ///< the client traced (empty: a session is)
    QSet<QString> m_keys; ///< the session's keys: the first, and those re-issued since
    bool m_waitingHistory = false; ///< requestTrace sent, traceReady not come yet
    QList<TraceRecord> m_held; ///< live rows held while waiting for the history or paused
};

} // namespace Limpet
