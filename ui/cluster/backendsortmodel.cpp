#include "cluster/backendsortmodel.h"

#include "cluster/backendtablemodel.h"

namespace Limpet {

BackendSortModel::BackendSortModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(BackendTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void BackendSortModel::setPool(const QString &pool)
{
    if (pool == m_pool)
        return;
    m_pool = pool;
    invalidateRowsFilter();
}

void BackendSortModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool BackendSortModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const auto text = [&](int column) {
        return model->index(sourceRow, column, sourceParent).data().toString();
    };
    if (!m_pool.isEmpty() && text(BackendTableModel::PoolColumn) != m_pool)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : {BackendTableModel::NameColumn, BackendTableModel::AddressColumn,
             BackendTableModel::RouteColumn, BackendTableModel::StateColumn}) {
        if (text(column).contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace Limpet
