#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace Limpet {

class ClusterClient;
class LogFilterModel;
class LogTableModel;

/// The Log tab: the selected instance's events (state, weight, health, backends, sessions,
/// reloads), newest at the bottom, filtered by text and by kind. It follows new events unless
/// the user scrolled up to read; each instance keeps its own log (at most 10,000 events) from the
/// moment the view first watches it.
class LogView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogView)

public:
    explicit LogView(QWidget *parent = nullptr);

    /// Shows `client`'s events (nullptr: none), and keeps watching it.
    void setClient(ClusterClient *client);
    /// Keeps `client`'s events from now on, shown or not (the window calls it for every
    /// instance, so switching instances shows what happened meanwhile).
    void watchClient(ClusterClient *client);

private:
    /// The log kept for `client`, started (and its events followed) on first use.
    LogTableModel *modelOf(ClusterClient *client);
    void updateCount();

    QHash<ClusterClient *, LogTableModel *> m_models;
    QPointer<ClusterClient> m_client;
    LogFilterModel *m_filter;
    QLineEdit *m_text;
    QComboBox *m_kinds;
    QLabel *m_count;
    QTableView *m_table;
    bool m_follow = true; ///< the table sticks to its newest row
};

} // namespace Limpet
