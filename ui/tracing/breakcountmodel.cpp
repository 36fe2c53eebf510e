#include "tracing/breakcountmodel.h"

#include "tracing/tracemodel.h"

#include <algorithm>
#include <numeric>

namespace Limpet {

BreakCountModel::BreakCountModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void BreakCountModel::clear()
{
    beginResetModel();
    m_started = false;
    m_baseline.clear();
    m_counts.clear();
    m_total = 0;
    m_seen = 0;
    endResetModel();
}

void BreakCountModel::update(const EngineSnapshot &snapshot)
{
    ReasonCounts causes{};
    quint64 decisions = 0;
    for (const PoolSnapshot &p : snapshot.pools) {
        const PoolCounts now{p.backendChangeCauses,
            std::accumulate(p.decisions.cbegin(), p.decisions.cend(), quint64(0))};
        auto base = m_baseline.find(p.name);
        if (base == m_baseline.end())
            base = m_baseline.insert(p.name, m_started ? PoolCounts{} : now);
        if (now.decisions < base->decisions)
            *base = PoolCounts{}; // its instance restarted: count from there
        decisions += now.decisions - base->decisions;
        for (std::size_t i = 0; i < causes.size(); ++i)
            causes[i] += now.causes[i] >= base->causes[i] ? now.causes[i] - base->causes[i] : 0;
    }
    m_started = true;
    m_seen = decisions;
    m_total = 0;
    for (std::size_t i = 0; i < causes.size(); ++i) {
        m_total += causes[i];
        setCount(reasonCodeName(static_cast<ReasonCode>(i)), causes[i]);
    }
}

void BreakCountModel::setCount(const QString &cause, quint64 n)
{
    const auto it = std::find_if(
        m_counts.begin(), m_counts.end(), [&](const auto &c) { return c.first == cause; });
    if (it == m_counts.end()) {
        if (n == 0)
            return; // a cause gets its row once it happened
        const int row = rowCount();
        beginInsertRows({}, row, row);
        m_counts.append({cause, n});
        endInsertRows();
        return;
    }
    if (it->second == n)
        return;
    it->second = n;
    const int row = static_cast<int>(it - m_counts.begin());
    Q_EMIT dataChanged(index(row, CountColumn), index(row, CountColumn));
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
