#include "log/logtablemodel.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Limpet {

LogTableModel::LogTableModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{ }

void LogTableModel::append(const QList<EngineEvent> &events)
{
    if (events.isEmpty())
        return;
    // Only the newest `capacity` of a huge batch would survive anyway.
    const qsizetype skip = std::max<qsizetype>(0, events.size() - m_capacity);
    const int incoming = int(events.size() - skip);
    const int overflow = int(m_events.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_events.erase(m_events.begin(), m_events.begin() + overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_events.size()), int(m_events.size()) + incoming - 1);
    m_events.insert(m_events.end(), events.begin() + skip, events.end());
    endInsertRows();
}

void LogTableModel::clear()
{
    if (m_events.empty())
        return;
    beginResetModel();
    m_events.clear();
    endResetModel();
}

bool LogTableModel::isError(const EngineEvent &event)
{
    return (event.kind == u"health"_s && event.to == u"down"_s) || event.kind == u"reload-failed"_s
        || event.kind == u"auth-failed"_s;
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EngineEvent &e = m_events.at(size_t(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(u"HH:mm:ss.zzz"_s);
        case KindColumn:
            return e.kind;
        case BackendColumn:
            if (e.backend.isEmpty())
                return e.pool;
            return e.pool.isEmpty() ? e.backend : e.pool + u'/' + e.backend;
        case ChangeColumn:
            if (e.from.isEmpty() && e.to.isEmpty())
                return QString();
            return tr("%1 → %2").arg(e.from, e.to);
        case MessageColumn:
            return e.message;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(e.timeMs), QLocale::LongFormat);
        if (index.column() == MessageColumn && !e.message.isEmpty())
            return e.message;
        return {};
    case Qt::BackgroundRole:
        // Translucent, so the row reads on light and dark palettes; the kind says it in text.
        if (isError(e))
            return QColor(0xc8, 0x37, 0x37, 0x50);
        return {};
    case KindRole:
        return e.kind;
    case ErrorRole:
        return isError(e);
    default:
        return {};
    }
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case TimeColumn:
            return tr("Time");
        case KindColumn:
            return tr("Kind");
        case BackendColumn:
            return tr("Pool/backend");
        case ChangeColumn:
            return tr("From → to");
        case MessageColumn:
            return tr("Message");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && section == KindColumn)
        return tr("state, weight, health, backend-added, backend-removing, backend-removed, "
                  "session-forgotten, session-pinned, session-rebound, reload, reload-failed, "
                  "auth-failed");
    return {};
}

} // namespace Limpet
