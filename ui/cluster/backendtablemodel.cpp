#include "cluster/backendtablemodel.h"

#include <QBrush>
#include <QColor>

namespace Limpet {

BackendTableModel::BackendTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void BackendTableModel::setSnapshot(const EngineSnapshot &snapshot)
{
    QList<BackendSnapshot> rows;
    for (const PoolSnapshot &pool : snapshot.pools)
        rows.append(pool.backends);

    bool sameShape = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameShape && i < rows.size(); ++i)
        sameShape = rows[i].pool == m_rows[i].pool && rows[i].name == m_rows[i].name;
    if (!sameShape) {
        beginResetModel(); // the backend set changed: rare (start, add, remove)
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int BackendTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BackendTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackendTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BackendSnapshot &b = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case PoolColumn:
            return b.pool;
        case NameColumn:
            return b.name;
        case AddressColumn:
            return b.address;
        case RouteColumn:
            return b.route;
        case StateColumn:
            return toString(b.state);
        case HealthColumn:
            return toString(b.health);
        case WeightColumn:
            return b.weight;
        case ActiveColumn:
            return b.active;
        case RequestsColumn:
            return QVariant::fromValue(b.requests);
        case Responses2xxColumn:
            return QVariant::fromValue(b.responses[2]);
        case Responses5xxColumn:
            return QVariant::fromValue(b.responses[5]);
        case FailuresColumn:
            return QVariant::fromValue(b.failures);
        case SessionsColumn:
            return b.sessions;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= WeightColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && index.column() == StateColumn) {
        // Colours of HAProxy's stats page, always together with the state's text.
        if (b.health == Health::Down)
            return QBrush(QColor(0xff, 0x99, 0x99));
        switch (b.state) {
        case BackendState::Ready:
            return QBrush(QColor(0x99, 0xee, 0x99));
        case BackendState::Drain:
            return QBrush(QColor(0xcc, 0xcc, 0xcc));
        case BackendState::Maint:
            return QBrush(QColor(0x99, 0xbb, 0xff));
        case BackendState::Standby:
            return QBrush(QColor(0xee, 0xee, 0x99));
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn)
        return QBrush(Qt::black);
    return {};
}

QVariant BackendTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PoolColumn:
            return tr("Pool");
        case NameColumn:
            return tr("Backend");
        case AddressColumn:
            return tr("Address");
        case RouteColumn:
            return tr("Route");
        case StateColumn:
            return tr("State");
        case HealthColumn:
            return tr("Health");
        case WeightColumn:
            return tr("Weight");
        case ActiveColumn:
            return tr("Active");
        case RequestsColumn:
            return tr("Requests");
        case Responses2xxColumn:
            return tr("2xx");
        case Responses5xxColumn:
            return tr("5xx");
        case FailuresColumn:
            return tr("Failures");
        case SessionsColumn:
            return tr("Sessions");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ActiveColumn:
            return tr("Requests in flight on this backend now");
        case Responses2xxColumn:
            return tr("Responses with a 2xx status");
        case Responses5xxColumn:
            return tr("Responses with a 5xx status sent by the backend");
        case FailuresColumn:
            return tr("Connect failures, timeouts and invalid responses");
        case SessionsColumn:
            return tr("Sessions bound to this backend in the session table");
        default:
            return {};
        }
    }
    return {};
}

} // namespace Limpet
