#pragma once

#include "snapshot.h"

#include <QAbstractTableModel>

namespace Limpet {

/// Every backend of every pool, one row each, refreshed from engine snapshots.
/// Rows are matched by pool and name so a refresh only emits dataChanged (selection and scroll
/// position survive); rows are inserted or removed only when the set of backends changes.
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
        RequestsColumn,
        Responses2xxColumn,
        Responses5xxColumn,
        FailuresColumn,
        SessionsColumn,
        ColumnCount
    };

    explicit BackendTableModel(QObject *parent = nullptr);

    void setSnapshot(const EngineSnapshot &snapshot);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    QList<BackendSnapshot> m_rows;
};

} // namespace Limpet
