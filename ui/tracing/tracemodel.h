#pragma once

#include "client/clusterclient.h"

#include <QAbstractTableModel>
#include <QJsonArray>

namespace Limpet {

/// The timeline of one traced session or client: one row per decision, oldest first, bounded
/// to the last MaxRows. A row whose backend differs from the previous row's (or that the engine
/// marked as moved) is a break of stickiness: highlighted, with its cause in plain words.
class TraceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TraceModel)

public:
    enum Column {
        TimeColumn,
        MethodColumn,
        PathColumn,
        CookieInColumn,
        ReasonColumn,
        BackendColumn,
        StatusColumn,
        LatencyColumn,
        SetCookieColumn,
        ChangeColumn,
        ColumnCount
    };
    enum Role {
        ChangedRole = Qt::UserRole + 1, ///< bool: this row's backend differs from the previous
        CauseRole, ///< QString: the reason code of the change, empty when none
    };
    static constexpr int MaxRows = 5000;

    struct Row
    {
        TraceRecord record;
        bool changed = false;
        QString previousBackend; ///< when changed
        QString cause; ///< reason code name, when changed
    };

    explicit TraceModel(QObject *parent = nullptr);

    void clear();
    /// Replaces the rows (a new trace's history).
    void setRecords(const QList<TraceRecord> &records);
    /// Appends records (oldest first) in one insertion, dropping the oldest rows past MaxRows.
    void append(const QList<TraceRecord> &records);

    [[nodiscard]] const Row &row(int row) const { return m_rows.at(row); }
    [[nodiscard]] int changes() const;
    /// The rows as the admin API writes decisions, with the view's own change marks.
    [[nodiscard]] QJsonArray toJson() const;

    /// A reason code as the cause of a backend change, in plain words.
    [[nodiscard]] static QString plainCause(const QString &reasonCode);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    /// The row for `record` after a row that went to m_lastBackend.
    [[nodiscard]] Row makeRow(const TraceRecord &record);
    [[nodiscard]] QString text(const Row &row, int column) const;

    QList<Row> m_rows;
    QString m_lastBackend; ///< the backend of the latest row that had one (kept when trimmed)
};

} // namespace Limpet
