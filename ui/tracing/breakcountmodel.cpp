#include "tracing/breakcountmodel.h"

#include "tracing/tracemodel.h"

#include <algorithm>

namespace Limpet {

BreakCountModel::BreakCountModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void BreakCountModel::clear()
{
    beginResetModel();
    m_counts.clear();
    m_total = 0;
    m_seen = 0;
    endResetModel();
}

void BreakCountModel::count(const QList<TraceRecord> &decisions)
{
    m_seen += decisions.size();
    int firstChanged = -1;
    int lastChanged = -1;
    for (const TraceRecord &d : decisions) {
        if (!d.changedBackend)
            continue;
        const QString cause = d.changeCause.isEmpty() ? d.reason : d.changeCause;
        ++m_total;
        auto it = std::find_if(
            m_counts.begin(), m_counts.end(), [&](const auto &c) { return c.first == cause; });
        if (it != m_counts.end()) {
            ++it->second;
            const int row = static_cast<int>(it - m_counts.begin());
            firstChanged = firstChanged < 0 ? row : qMin(firstChanged, row);
            lastChanged = qMax(lastChanged, row);
            continue;
        }
        const int row = rowCount();
        beginInsertRows({}, row, row);
        m_counts.append({cause, 1});
        endInsertRows();
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, CountColumn), index(lastChanged, CountColumn));
}

quint64 BreakCountModel::breaks(const QString &reasonCode) const
{
    for (const auto &[cause, n] : m_counts) {
        if (cause == reasonCode)
            return n;
    }
    return 0;
}

int BreakCountModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_counts.size());
}

int BreakCountModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakCountModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &[cause, n] = m_counts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == CauseColumn)
            return TraceModel::plainCause(cause);
        if (index.column() == CountColumn)
            return QVariant::fromValue(n);
        return {};
    case Qt::ToolTipRole:
        return tr("Reason code %1").arg(cause);
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ReasonCodeRole:
        return cause;
    default:
        return {};
    }
}

QVariant BreakCountModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CauseColumn:
        return tr("Cause");
    case CountColumn:
        return tr("Breaks");
    default:
        return {};
    }
}

} // namespace Limpet
