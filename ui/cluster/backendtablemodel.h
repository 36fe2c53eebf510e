#pragma once

#include "snapshot.h"

#include <QAbstractTableModel>

namespace Limpet {

/// The backends of one instance, one row each, refreshed from its snapshots.
/// Rows are matched by pool and name, so a refresh only emits dataChanged (selection and scroll
/// position survive); a backend added or removed inserts or removes just its row.
/// Rates (requests per second, error rate) come from the difference between the snapshot shown
/// and an earlier one of the same instance.
class BackendTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendTableModel)

public:
    enum Column {
        PoolColumn,
        NameColumn,
        AddressColumn,
        RouteColumn,
        StateColumn,
        HealthColumn,
        WeightColumn,
        ActiveColumn,
        RequestRateColumn,
        RequestsColumn,
        SessionsColumn,
        ErrorRateColumn,
        ColumnCount
    };
    enum Role {
        /// A value to sort by (numbers as numbers; "no value yet" sorts first).
        SortRole = Qt::UserRole + 1,
        /// StateColumn: the state badge's QColor.
        BadgeColorRole,
    };

    explicit BackendTableModel(QObject *parent = nullptr);

    /// Shows `current`; `previous` (an earlier snapshot of the same instance, timeMs set) gives
    /// the rates; without one they read "—".
    void setSnapshot(const EngineSnapshot &current, const EngineSnapshot &previous = {});
    /// Empties the table (another instance is about to be shown).
    void clear();

    [[nodiscard]] const BackendSnapshot &backend(int row) const { return m_rows.at(row).now; }
    /// The row of pool/name, or -1.
    [[nodiscard]] int rowOf(const QString &pool, const QString &name) const;
    /// Requests per second over the last interval, when known.
    [[nodiscard]] std::optional<double> requestRate(int row) const;
    /// The share (0..1) of the last interval's responses that were 5xx or none, when known.
    [[nodiscard]] std::optional<double> errorRate(int row) const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        BackendSnapshot now;
        std::optional<double> requestRate;
        std::optional<double> errorRate;
    };
    [[nodiscard]] QVariant display(const Row &row, int column) const;
    [[nodiscard]] QVariant sortValue(const Row &row, int column) const;
    [[nodiscard]] QVariant toolTip(const Row &row, int column) const;
    static Row makeRow(const BackendSnapshot &now, const BackendSnapshot *before, double seconds);

    QList<Row> m_rows;
};

} // namespace Limpet
