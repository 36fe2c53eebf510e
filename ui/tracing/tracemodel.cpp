#include "tracing/tracemodel.h"

#include "admin/json.h"

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QJsonObject>
#include <QStyle>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

/// Translucent, so that the palette's base shows through: readable on light and dark themes
/// with the palette's own text colour.
QColor changedBackground()
{
    return QColor(255, 140, 0, 70);
}

} // namespace

TraceModel::TraceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QString TraceModel::plainCause(const QString &reason)
{
    static const QHash<QString, const char *> causes{
        {u"drain-deadline-redispatched"_s, QT_TR_NOOP("drained past deadline")},
        {u"backend-down-redispatched"_s, QT_TR_NOOP("backend down or in maintenance")},
        {u"cookie-absent"_s, QT_TR_NOOP("cookie missing")},
        {u"cookie-invalid-signature"_s, QT_TR_NOOP("cookie tampered")},
        {u"cookie-expired"_s, QT_TR_NOOP("cookie expired")},
        {u"cookie-malformed"_s, QT_TR_NOOP("cookie unreadable")},
        {u"cookie-unknown-backend"_s, QT_TR_NOOP("cookie names a backend that is gone")},
        {u"connect-failed-redispatched"_s, QT_TR_NOOP("backend refused the connection")},
        {u"standby-returned"_s, QT_TR_NOOP("back from standby to a ready backend")},
        {u"standby-used"_s, QT_TR_NOOP("no ready backend: a standby one took it")},
        {u"session-rebound"_s, QT_TR_NOOP("rebound by an operator")},
        {u"session-pinned"_s, QT_TR_NOOP("pinned by an operator")},
        {u"route-absent"_s, QT_TR_NOOP("route missing")},
        {u"learned-absent"_s, QT_TR_NOOP("application cookie not learnt")},
        {u"hash"_s, QT_TR_NOOP("hashed elsewhere: the backends changed")},
        {u"hash-key-absent"_s, QT_TR_NOOP("hash key missing")},
    };
    const char *cause = causes.value(reason);
    return cause ? tr(cause) : reason;
}

TraceModel::Row TraceModel::makeRow(const TraceRecord &record)
{
    Row row;
    row.record = record;
    const bool differs
        = !m_lastBackend.isEmpty() && !record.backend.isEmpty() && record.backend != m_lastBackend;
    row.changed = differs || record.changedBackend;
    if (row.changed) {
        row.previousBackend
            = record.previousBackend.isEmpty() ? m_lastBackend : record.previousBackend;
        row.cause = record.changedBackend && !record.changeCause.isEmpty() ? record.changeCause
                                                                           : record.reason;
    }
    if (!record.backend.isEmpty())
        m_lastBackend = record.backend;
    return row;
}

void TraceModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_lastBackend.clear();
    endResetModel();
}

void TraceModel::setRecords(const QList<TraceRecord> &records)
{
    beginResetModel();
    m_rows.clear();
    m_lastBackend.clear();
    const qsizetype first = qMax<qsizetype>(0, records.size() - MaxRows);
    m_rows.reserve(records.size() - first);
    for (qsizetype i = first; i < records.size(); ++i)
        m_rows.append(makeRow(records.at(i)));
    endResetModel();
}

void TraceModel::append(const QList<TraceRecord> &records)
{
    if (records.isEmpty())
        return;
    const qsizetype first = qMax<qsizetype>(0, records.size() - MaxRows);
    const int count = static_cast<int>(records.size() - first);
    const int start = rowCount();
    beginInsertRows({}, start, start + count - 1);
    for (qsizetype i = first; i < records.size(); ++i)
        m_rows.append(makeRow(records.at(i)));
    endInsertRows();
    const int excess = rowCount() - MaxRows;
    if (excess > 0) {
        beginRemoveRows({}, 0, excess - 1);
        m_rows.remove(0, excess);
        endRemoveRows();
    }
}

int TraceModel::changes() const
{
    return static_cast<int>(
        std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return r.changed; }));
}

QJsonArray TraceModel::toJson() const
{
    QJsonArray out;
    for (const Row &row : m_rows) {
        const TraceRecord &d = row.record;
        out.append(QJsonObject{{u"time"_s, Json::time(d.timeMs)}, {u"pool"_s, orNull(d.pool)},
            {u"client"_s, orNull(d.client)}, {u"method"_s, d.method}, {u"target"_s, d.target},
            {u"mode"_s, orNull(d.mode)}, {u"key_seen"_s, orNull(d.keySeen)},
            {u"key"_s, orNull(d.key)}, {u"decoded"_s, orNull(d.decoded)},
            {u"detail"_s, orNull(d.detail)}, {u"reason"_s, d.reason},
            {u"backend"_s, orNull(d.backend)}, {u"algorithm"_s, orNull(d.algorithm)},
            {u"set_cookie"_s, orNull(d.setCookie)}, {u"changed_backend"_s, row.changed},
            {u"previous_backend"_s, row.changed ? orNull(row.previousBackend) : QJsonValue()},
            {u"change_cause"_s, row.changed ? orNull(row.cause) : QJsonValue()},
            {u"status"_s, d.status}, {u"duration_ms"_s, double(d.durationMs)},
            {u"bytes_sent"_s, double(d.bytesSent)}, {u"retries"_s, d.retries}});
    }
    return out;
}

int TraceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TraceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TraceModel::text(const Row &row, int column) const
{
    const TraceRecord &d = row.record;
    switch (column) {
    case TimeColumn:
        return QDateTime::fromMSecsSinceEpoch(d.timeMs).toString(u"HH:mm:ss.zzz"_s);
    case MethodColumn:
        return d.method;
    case PathColumn:
        return d.target;
    case CookieInColumn:
        return d.keySeen;
    case ReasonColumn:
        return d.reason;
    case BackendColumn:
        return d.backend.isEmpty() ? tr("none") : d.backend;
    case StatusColumn:
        return d.status ? QString::number(d.status) : tr("—");
    case LatencyColumn:
        return tr("%1 ms").arg(d.durationMs);
    case SetCookieColumn:
        return d.setCookie;
    case ChangeColumn:
        if (!row.changed)
            return {};
        return tr("%1 → %2: %3")
            .arg(row.previousBackend.isEmpty() ? tr("none") : row.previousBackend,
                d.backend.isEmpty() ? tr("none") : d.backend, plainCause(row.cause));
    default:
        return {};
    }
}

QVariant TraceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(row, index.column());
    case Qt::ToolTipRole:
        if (row.changed)
            return tr("The session moved from %1 to %2: %3 (%4).")
                .arg(row.previousBackend.isEmpty() ? tr("none") : row.previousBackend,
                    row.record.backend.isEmpty() ? tr("none") : row.record.backend,
                    plainCause(row.cause), row.cause);
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(row.record.timeMs).toString(Qt::ISODateWithMs);
        return text(row, index.column());
    case Qt::BackgroundRole:
        return row.changed ? QVariant(changedBackground()) : QVariant();
    case Qt::DecorationRole:
        if (row.changed && index.column() == BackendColumn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn || index.column() == LatencyColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case ChangedRole:
        return row.changed;
    case CauseRole:
        return row.cause;
    default:
        return {};
    }
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case CookieInColumn:
            return tr("The affinity value the client sent (key_seen)");
        case ReasonColumn:
            return tr("The reason code of the decision (engine/README.md)");
        case LatencyColumn:
            return tr("Time to the end of the response");
        case SetCookieColumn:
            return tr("The Set-Cookie Limpet added to the response");
        case ChangeColumn:
            return tr("Where the session was before, and why it moved");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MethodColumn:
        return tr("Method");
    case PathColumn:
        return tr("Path");
    case CookieInColumn:
        return tr("Cookie in");
    case ReasonColumn:
        return tr("Reason");
    case BackendColumn:
        return tr("Backend");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency");
    case SetCookieColumn:
        return tr("Set-Cookie out");
    case ChangeColumn:
        return tr("Backend change");
    default:
        return {};
    }
}

} // namespace Limpet
