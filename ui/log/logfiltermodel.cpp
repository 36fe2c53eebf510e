#include "log/logfiltermodel.h"

#include "log/logtablemodel.h"

using namespace Qt::StringLiterals;

namespace Limpet {

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void LogFilterModel::setKinds(Kinds kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    invalidateRowsFilter();
}

void LogFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    const QModelIndex first = model->index(sourceRow, 0, sourceParent);
    switch (m_kinds) {
    case Kinds::All:
        break;
    case Kinds::StateChanges:
        if (first.data(LogTableModel::KindRole).toString() != u"state"_s)
            return false;
        break;
    case Kinds::Health:
        if (first.data(LogTableModel::KindRole).toString() != u"health"_s)
            return false;
        break;
    case Kinds::Errors:
        if (!first.data(LogTableModel::ErrorRole).toBool())
            return false;
        break;
    }
    if (m_text.isEmpty())
        return true;
    for (int column = LogTableModel::KindColumn; column < LogTableModel::ColumnCount; ++column) {
        if (model->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace Limpet
