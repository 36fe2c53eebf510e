#include "cluster/backendtablemodel.h"

#include "cluster/backendstatus.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

QString keyOf(const BackendSnapshot &b)
{
    return b.pool + u'/' + b.name;
}

quint64 errorsOf(const BackendSnapshot &b)
{
    return b.responses[0] + b.responses[5];
}

quint64 responsesOf(const BackendSnapshot &b)
{
    quint64 total = 0;
    for (quint64 n : b.responses)
        total += n;
    return total;
}

} // namespace

BackendTableModel::BackendTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

BackendTableModel::Row BackendTableModel::makeRow(
    const BackendSnapshot &now, const BackendSnapshot *before, double seconds)
{
    Row row{now, std::nullopt, std::nullopt};
    // Counters only grow; a smaller one means the backend was removed and added again.
    if (!before || seconds <= 0 || now.requests < before->requests)
        return row;
    row.requestRate = double(now.requests - before->requests) / seconds;
    const quint64 responses = responsesOf(now) - std::min(responsesOf(now), responsesOf(*before));
    if (responses > 0) {
        const quint64 errors = errorsOf(now) - std::min(errorsOf(now), errorsOf(*before));
        row.errorRate = double(errors) / double(responses);
    }
    return row;
}

void BackendTableModel::setSnapshot(const EngineSnapshot &current, const EngineSnapshot &previous)
{
    const double seconds = previous.timeMs > 0 && current.timeMs > previous.timeMs
        ? (current.timeMs - previous.timeMs) / 1000.0
        : 0.0;
    QHash<QString, const BackendSnapshot *> before;
    if (seconds > 0) {
        for (const PoolSnapshot &pool : previous.pools) {
            for (const BackendSnapshot &b : pool.backends)
                before.insert(keyOf(b), &b);
        }
    }
    QList<Row> next;
    QHash<QString, int> nextRows;
    for (const PoolSnapshot &pool : current.pools) {
        for (const BackendSnapshot &b : pool.backends) {
            nextRows.insert(keyOf(b), int(next.size()));
            next.append(makeRow(b, before.value(keyOf(b)), seconds));
        }
    }

    // Backends gone: remove their rows (from the end, so the rows before keep their numbers).
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (!nextRows.contains(keyOf(m_rows[row].now))) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Backends still there: update in place, in the order the table already has.
    QSet<QString> kept;
    for (Row &row : m_rows) {
        const QString key = keyOf(row.now);
        row = next.at(nextRows.value(key));
        kept.insert(key);
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    // New backends: appended (the view sorts).
    QList<Row> added;
    for (const Row &row : std::as_const(next)) {
        if (!kept.contains(keyOf(row.now)))
            added.append(row);
    }
    if (!added.isEmpty()) {
        beginInsertRows({}, rowCount(), rowCount() + int(added.size()) - 1);
        m_rows.append(added);
        endInsertRows();
    }
}

void BackendTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int BackendTableModel::rowOf(const QString &pool, const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].now.pool == pool && m_rows[row].now.name == name)
            return row;
    }
    return -1;
}

std::optional<double> BackendTableModel::requestRate(int row) const
{
    return m_rows.at(row).requestRate;
}

std::optional<double> BackendTableModel::errorRate(int row) const
{
    return m_rows.at(row).errorRate;
}

int BackendTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BackendTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BackendTableModel::display(const Row &row, int column) const
{
    const BackendSnapshot &b = row.now;
    const QLocale locale;
    switch (column) {
    case PoolColumn:
        return b.pool;
    case NameColumn:
        return b.name;
    case AddressColumn:
        return b.address;
    case RouteColumn:
        return b.route;
    case StateColumn:
        return BackendStatus::stateText(b);
    case HealthColumn:
        return BackendStatus::healthText(b);
    case WeightColumn:
        if (b.effectiveWeight != b.weight)
            return tr("%1 (slow start: %2)").arg(b.weight).arg(b.effectiveWeight);
        return QString::number(b.weight);
    case ActiveColumn:
        if (b.queued > 0)
            return tr("%1 + %2 queued").arg(b.active).arg(b.queued);
        return QString::number(b.active);
    case RequestRateColumn:
        return row.requestRate ? locale.toString(*row.requestRate, 'f', 1) : tr("—");
    case RequestsColumn:
        return locale.toString(b.requests);
    case SessionsColumn: {
        const QString drain = BackendStatus::drainText(b);
        if (drain.isEmpty())
            return locale.toString(b.sessions);
        return tr("%1 · %2").arg(locale.toString(b.sessions), drain);
    }
    case ErrorRateColumn:
        return row.errorRate ? tr("%1 %").arg(locale.toString(*row.errorRate * 100, 'f', 1))
                             : tr("—");
    default:
        return {};
    }
}

QVariant BackendTableModel::sortValue(const Row &row, int column) const
{
    const BackendSnapshot &b = row.now;
    switch (column) {
    case StateColumn:
        // Worst first when sorted descending: maintenance and down sink together.
        return int(b.state) * 2 + (b.health == Health::Down ? 1 : 0);
    case HealthColumn:
        return int(b.health) * 100000.0 + b.check.lastLatencyMs;
    case WeightColumn:
        return b.weight;
    case ActiveColumn:
        return b.active + b.queued;
    case RequestRateColumn:
        return row.requestRate.value_or(-1);
    case RequestsColumn:
        return b.requests;
    case SessionsColumn:
        return b.sessions;
    case ErrorRateColumn:
        return row.errorRate.value_or(-1);
    default:
        return display(row, column);
    }
}

QVariant BackendTableModel::toolTip(const Row &row, int column) const
{
    const BackendSnapshot &b = row.now;
    switch (column) {
    case StateColumn:
        if (b.stateSinceMs > 0) {
            return tr("%1 since %2")
                .arg(BackendStatus::stateText(b),
                    QLocale().toString(
                        QDateTime::fromMSecsSinceEpoch(b.stateSinceMs), QLocale::ShortFormat));
        }
        return BackendStatus::stateText(b);
    case HealthColumn:
        if (b.check.enabled && b.check.lastCheckMs > 0) {
            return tr("Last %1 check at %2")
                .arg(b.check.type,
                    QLocale().toString(QDateTime::fromMSecsSinceEpoch(b.check.lastCheckMs).time(),
                        QLocale::LongFormat));
        }
        return {};
    case SessionsColumn:
        if (const std::optional<double> left = BackendStatus::drainSecondsLeft(b)) {
            return tr("Sessions leave at %1 per second; none will be left in %2")
                .arg(QLocale().toString(b.sessionsLeaveRate, 'f', 2),
                    BackendStatus::roughDuration(*left));
        }
        return {};
    default:
        return {};
    }
}

QVariant BackendTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case SortRole:
        return sortValue(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case BadgeColorRole:
        if (index.column() == StateColumn)
            return BackendStatus::stateColor(row.now);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= WeightColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
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
        case RequestRateColumn:
            return tr("Req/s");
        case RequestsColumn:
            return tr("Requests");
        case SessionsColumn:
            return tr("Sessions");
        case ErrorRateColumn:
            return tr("Errors");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RouteColumn:
            return tr("The name that identifies this backend inside an affinity key");
        case StateColumn:
            return tr("What an operator decided: ready, drain (existing sessions only), maint "
                      "(nothing), standby (only when no ready backend is left)");
        case HealthColumn:
            return tr("What health checks observed, and the last check's result and latency");
        case WeightColumn:
            return tr("Share of new sessions balanced to this backend (0–1000)");
        case ActiveColumn:
            return tr("Requests in flight on this backend now (and waiting for a max_conn slot)");
        case RequestRateColumn:
            return tr("Requests per second over the last few seconds");
        case RequestsColumn:
            return tr("Requests sent to this backend since start");
        case SessionsColumn:
            return tr("Sessions bound to this backend in the session table; while draining, when "
                      "none will be left at the current leave rate");
        case ErrorRateColumn:
            return tr("Share of the last few seconds' responses that were 5xx or never came");
        default:
            return {};
        }
    }
    return {};
}

} // namespace Limpet
