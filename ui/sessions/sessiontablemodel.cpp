#include "sessions/sessiontablemodel.h"

#include <QDateTime>
#include <QHashSeed>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// Changed rows closer than this are announced in one dataChanged range (repainting a few
/// unchanged rows costs less than one more signal through the proxy and the view).
constexpr int MergeGap = 8;
/// Beyond this many ranges one dataChanged covers them all.
constexpr std::size_t MaxChangedRanges = 64;
/// Gone rows in more ranges than this are gathered at the end first: each removal costs the
/// proxy and the view a pass over every row, the gathering a few passes in all.
constexpr std::size_t MaxRemovedRanges = 4;

bool sameValues(const SessionInfo &a, const SessionInfo &b)
{
    return a.lastSeenMs == b.lastSeenMs && a.requests == b.requests && a.backend == b.backend
        && a.client == b.client && a.firstSeenMs == b.firstSeenMs
        && a.pinnedBackend == b.pinnedBackend && a.pinUntilMs == b.pinUntilMs;
}

QString timeText(qint64 ms)
{
    if (ms <= 0)
        return {};
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms);
    return time.date() == QDate::currentDate() ? time.toString(u"HH:mm:ss"_s)
                                               : time.toString(u"yyyy-MM-dd HH:mm:ss"_s);
}

QString fullTimeText(qint64 ms)
{
    return ms <= 0 ? QString() : QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs);
}

/// `v` in `order` (order[i]: the element that goes to i). `scratch` keeps its memory for the
/// next call.
template <typename T>
void permute(std::vector<T> &v, const std::vector<int> &order, std::vector<T> &scratch)
{
    if (v.empty())
        return;
    scratch.clear();
    scratch.reserve(order.size());
    for (int from : order)
        scratch.push_back(std::move(v[std::size_t(from)]));
    v.swap(scratch);
}

template <typename T>
void eraseRows(std::vector<T> &v, int first, int last)
{
    if (!v.empty())
        v.erase(v.begin() + first, v.begin() + last + 1);
}

} // namespace

SessionTableModel::SessionTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_seed(QHashSeed::globalSeed())
{ }

SessionTableModel::~SessionTableModel() = default;

void SessionTableModel::setSessions(const QList<SessionInfo> &sessions)
{
    // Match every session of the new table with its row, without touching the model yet.
    const std::size_t oldRows = m_rowItem.size();
    m_nextRowItem.assign(oldRows, -1);
    m_changed.assign(oldRows, 0);
    std::vector<int> addedItems;
    std::vector<size_t> addedHashes;
    if (oldRows == 0) {
        addedItems.reserve(std::size_t(sessions.size()));
        addedHashes.reserve(std::size_t(sessions.size()));
    }
    // The table usually comes in the order of the previous one: the session that followed the
    // previous match is tried before the index.
    qsizetype next = 0;
    for (qsizetype j = 0; j < sessions.size(); ++j) {
        const SessionInfo &s = sessions.at(j);
        int row = -1;
        if (next < m_items.size() && m_itemRow[std::size_t(next)] >= 0) {
            const SessionInfo &o = m_items.at(next);
            if (o.key == s.key && o.pool == s.pool)
                row = m_itemRow[std::size_t(next)];
        }
        if (row < 0) {
            const size_t hash = hashOf(s.pool, s.key);
            row = find(hash, [&](int r) {
                const SessionInfo &o = session(r);
                return o.key == s.key && o.pool == s.pool;
            });
            if (row < 0) {
                addedItems.push_back(int(j));
                addedHashes.push_back(hash);
                continue;
            }
        }
        next = m_rowItem[std::size_t(row)] + 1;
        if (m_nextRowItem[std::size_t(row)] >= 0)
            continue; // listed twice
        m_nextRowItem[std::size_t(row)] = int(j);
        const SessionInfo &o = session(row);
        if (!sameValues(o, s)) {
            m_changed[std::size_t(row)] = 1;
            if (!m_clientText.empty() && o.client != s.client)
                m_clientText[std::size_t(row)].clear();
        }
    }

    // Gone rows go while every row still reads the previous table.
    if (std::find(m_nextRowItem.cbegin(), m_nextRowItem.cend(), -1) != m_nextRowItem.cend())
        removeGone();

    // The rows left switch to the new table at once; those whose values differ say so.
    m_items = sessions;
    m_freeItems.clear();
    m_rowItem.swap(m_nextRowItem);
    emitChanged();
    m_itemRow.assign(std::size_t(m_items.size()), -1);
    appendRows(addedItems, addedHashes);
    for (std::size_t row = 0; row < m_rowItem.size(); ++row)
        m_itemRow[std::size_t(m_rowItem[row])] = int(row);

    std::fill(m_backendRows.begin(), m_backendRows.end(), 0);
    for (std::size_t row = 0; row < m_rowItem.size(); ++row)
        countBackend(session(int(row)), 1);
    updateBackends();
}

void SessionTableModel::applyChanges(const SessionChanges &changes)
{
    if (changes.full) {
        setSessions(changes.sessions);
        return;
    }
    const std::size_t oldRows = m_rowItem.size();
    bool gone = false;
    if (!changes.removed.isEmpty()) {
        m_nextRowItem = m_rowItem;
        m_changed.assign(oldRows, 0);
        for (const SessionKey &k : changes.removed) {
            const int row = rowOf(k.pool, k.key);
            if (row < 0 || m_nextRowItem[std::size_t(row)] < 0)
                continue;
            m_nextRowItem[std::size_t(row)] = -1;
            gone = true;
        }
    }
    if (gone) {
        // The rows' items stay readable until the rows are gone; then they are free.
        std::vector<int> freed;
        for (std::size_t row = 0; row < oldRows; ++row) {
            if (m_nextRowItem[row] < 0)
                freed.push_back(m_rowItem[row]);
        }
        removeGone(); // also takes the rows out of m_rowItem (it moves with m_nextRowItem)
        for (int item : freed) {
            countBackend(m_items.at(item), -1);
            m_items[item] = SessionInfo();
            m_itemRow[std::size_t(item)] = -1;
            m_freeItems.push_back(item);
        }
        for (std::size_t row = 0; row < m_rowItem.size(); ++row)
            m_itemRow[std::size_t(m_rowItem[row])] = int(row);
    }

    m_changed.assign(m_rowItem.size(), 0);
    bool anyChanged = false;
    std::vector<int> addedItems;
    std::vector<size_t> addedHashes;
    for (const SessionInfo &s : changes.sessions) {
        const size_t hash = hashOf(s.pool, s.key);
        const int row = find(hash, [&](int r) {
            const SessionInfo &o = session(r);
            return o.key == s.key && o.pool == s.pool;
        });
        if (row < 0) {
            addedItems.push_back(newItem(s));
            addedHashes.push_back(hash);
            countBackend(s, 1);
            continue;
        }
        SessionInfo &o = m_items[m_rowItem[std::size_t(row)]];
        if (sameValues(o, s))
            continue;
        if (!m_clientText.empty() && o.client != s.client)
            m_clientText[std::size_t(row)].clear();
        if (o.backend != s.backend || o.pool != s.pool) {
            countBackend(o, -1);
            countBackend(s, 1);
        }
        o = s;
        m_changed[std::size_t(row)] = 1;
        anyChanged = true;
    }
    if (anyChanged)
        emitChanged();
    appendRows(addedItems, addedHashes);
    updateBackends();
}

int SessionTableModel::newItem(const SessionInfo &s)
{
    if (m_freeItems.empty()) {
        m_items.append(s);
        m_itemRow.push_back(-1);
        return static_cast<int>(m_items.size()) - 1;
    }
    const int item = m_freeItems.back();
    m_freeItems.pop_back();
    m_items[item] = s;
    return item;
}

void SessionTableModel::appendRows(const std::vector<int> &items, const std::vector<size_t> &hashes)
{
    if (items.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
    const std::size_t rows = m_rowItem.size() + items.size();
    m_rowItem.reserve(rows);
    m_rowSlot.reserve(rows);
    m_slotHash.reserve(rows);
    m_slotRow.reserve(rows);
    reserveIndex(rows);
    for (std::size_t k = 0; k < items.size(); ++k) {
        m_rowItem.push_back(items[k]);
        m_itemRow[std::size_t(items[k])] = static_cast<int>(m_rowItem.size()) - 1;
        indexRow(static_cast<int>(m_rowItem.size()) - 1, hashes[k]);
    }
    if (!m_clientText.empty())
        m_clientText.resize(m_rowItem.size());
    endInsertRows();
}

void SessionTableModel::removeGone()
{
    const int rows = rowCount();
    std::vector<std::pair<int, int>> ranges;
    for (int row = 0; row < rows; ++row) {
        if (m_nextRowItem[std::size_t(row)] >= 0)
            continue;
        if (!ranges.empty() && ranges.back().second == row - 1)
            ranges.back().second = row;
        else
            ranges.emplace_back(row, row);
    }
    if (ranges.size() > MaxRemovedRanges) {
        std::vector<int> &order = m_order;
        order.clear();
        order.reserve(std::size_t(rows));
        for (int row = 0; row < rows; ++row) {
            if (m_nextRowItem[std::size_t(row)] >= 0)
                order.push_back(row);
        }
        const int kept = static_cast<int>(order.size());
        for (int row = 0; row < rows; ++row) {
            if (m_nextRowItem[std::size_t(row)] < 0)
                order.push_back(row);
        }
        applyOrder(order, QAbstractItemModel::NoLayoutChangeHint);
        permute(m_nextRowItem, order, m_intScratch);
        permute(m_changed, order, m_charScratch);
        ranges = {{kept, rows - 1}};
    }
    // Backwards, so the ranges still to come keep their row numbers.
    for (auto it = ranges.crbegin(); it != ranges.crend(); ++it) {
        const auto [first, last] = *it;
        beginRemoveRows({}, first, last);
        unindexRows(first, last);
        eraseRows(m_rowItem, first, last);
        eraseRows(m_rowSlot, first, last);
        eraseRows(m_clientText, first, last);
        eraseRows(m_nextRowItem, first, last);
        eraseRows(m_changed, first, last);
        endRemoveRows();
    }
    renumberSlots(ranges.front().first);
}

void SessionTableModel::emitChanged()
{
    std::vector<std::pair<int, int>> ranges;
    for (int row = 0; row < static_cast<int>(m_changed.size()); ++row) {
        if (!m_changed[std::size_t(row)])
            continue;
        if (!ranges.empty() && row - ranges.back().second <= MergeGap)
            ranges.back().second = row;
        else
            ranges.emplace_back(row, row);
    }
    if (ranges.size() > MaxChangedRanges)
        ranges = {{ranges.front().first, ranges.back().second}};
    for (const auto &[first, last] : ranges)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void SessionTableModel::reorder(const std::vector<int> &order)
{
    if (order.size() != m_rowItem.size() || order.empty())
        return;
    applyOrder(order, QAbstractItemModel::VerticalSortHint);
}

void SessionTableModel::applyOrder(const std::vector<int> &order, LayoutChangeHint hint)
{
    Q_EMIT layoutAboutToBeChanged({}, hint);
    std::vector<int> &newRow = m_newRow;
    newRow.resize(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        newRow[std::size_t(order[i])] = int(i);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.append(this->index(newRow[std::size_t(index.row())], index.column()));

    permute(m_rowItem, order, m_intScratch);
    permute(m_rowSlot, order, m_intScratch);
    std::vector<QString> texts;
    permute(m_clientText, order, texts);
    renumberSlots(0);
    for (std::size_t row = 0; row < m_rowItem.size(); ++row)
        m_itemRow[std::size_t(m_rowItem[row])] = int(row);

    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, hint);
}

void SessionTableModel::clear()
{
    beginResetModel();
    m_items.clear();
    m_freeItems.clear();
    m_rowItem.clear();
    m_itemRow.clear();
    m_clientText.clear();
    m_table.clear();
    m_slotHash.clear();
    m_slotRow.clear();
    m_freeSlots.clear();
    m_rowSlot.clear();
    endResetModel();
    m_backendPairs.clear();
    m_backendRows.clear();
    updateBackends();
}

size_t SessionTableModel::hashOf(const QString &pool, const QByteArray &key) const
{
    // The sessions of one update share their pool string: its hash is computed once per run.
    if (pool.constData() != m_hashedPool.constData() || pool.size() != m_hashedPool.size()) {
        m_hashedPool = pool;
        m_poolHash = qHash(pool, m_seed);
    }
    return qHash(key, m_poolHash);
}

template <typename Same>
int SessionTableModel::find(size_t hash, Same same) const
{
    if (m_table.empty())
        return -1;
    const size_t mask = m_table.size() - 1;
    for (size_t i = hash & mask; m_table[i] >= 0; i = (i + 1) & mask) {
        const int slot = m_table[i];
        if (m_slotHash[std::size_t(slot)] == hash && same(m_slotRow[std::size_t(slot)]))
            return m_slotRow[std::size_t(slot)];
    }
    return -1;
}

void SessionTableModel::reserveIndex(std::size_t count)
{
    // At most half full, so probe sequences stay short.
    if (2 * count <= m_table.size())
        return;
    std::size_t capacity = 64;
    while (capacity < 2 * count)
        capacity *= 2;
    m_table.assign(capacity, -1);
    for (int slot : std::as_const(m_rowSlot))
        insertSlot(slot);
}

void SessionTableModel::indexRow(int row, size_t hash)
{
    int slot = 0;
    if (m_freeSlots.empty()) {
        slot = static_cast<int>(m_slotHash.size());
        m_slotHash.push_back(hash);
        m_slotRow.push_back(row);
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_slotHash[std::size_t(slot)] = hash;
        m_slotRow[std::size_t(slot)] = row;
    }
    m_rowSlot.push_back(slot);
    if (2 * m_rowSlot.size() > m_table.size())
        reserveIndex(m_rowSlot.size()); // indexes the new slot with the others
    else
        insertSlot(slot);
}

void SessionTableModel::unindexRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        const int slot = m_rowSlot[std::size_t(row)];
        eraseSlot(slot);
        m_slotRow[std::size_t(slot)] = -1;
        m_freeSlots.push_back(slot);
    }
}

void SessionTableModel::insertSlot(int slot)
{
    const size_t mask = m_table.size() - 1;
    size_t i = m_slotHash[std::size_t(slot)] & mask;
    while (m_table[i] >= 0)
        i = (i + 1) & mask;
    m_table[i] = slot;
}

void SessionTableModel::eraseSlot(int slot)
{
    const size_t mask = m_table.size() - 1;
    size_t hole = m_slotHash[std::size_t(slot)] & mask;
    while (m_table[hole] != slot)
        hole = (hole + 1) & mask;
    // Backward shift: later entries of the probe run move into the hole unless their home
    // lies after it, so lookups never stop at a hole before their entry.
    for (size_t j = (hole + 1) & mask; m_table[j] >= 0; j = (j + 1) & mask) {
        const size_t home = m_slotHash[std::size_t(m_table[j])] & mask;
        const bool homeAfterHole
            = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
        if (!homeAfterHole) {
            m_table[hole] = m_table[j];
            hole = j;
        }
    }
    m_table[hole] = -1;
}

void SessionTableModel::renumberSlots(int first)
{
    for (std::size_t row = std::size_t(first); row < m_rowSlot.size(); ++row)
        m_slotRow[std::size_t(m_rowSlot[row])] = int(row);
}

int SessionTableModel::backendIndex(const SessionInfo &s)
{
    if (s.backend.isEmpty())
        return -1;
    // Strings of one table usually share their data: comparing data pointers settles most.
    const auto count = static_cast<int>(m_backendPairs.size());
    for (int i = 0; i < count; ++i) {
        const auto &[pool, backend] = m_backendPairs.at(i);
        if (backend.constData() == s.backend.constData() && pool.constData() == s.pool.constData())
            return i;
    }
    for (int i = 0; i < count; ++i) {
        auto &[pool, backend] = m_backendPairs[i];
        if (backend == s.backend && pool == s.pool) {
            // Keep the newest strings: the rest of this update then compares pointers only.
            pool = s.pool;
            backend = s.backend;
            return i;
        }
    }
    m_backendPairs.append({s.pool, s.backend});
    m_backendRows.push_back(0);
    return count;
}

void SessionTableModel::countBackend(const SessionInfo &s, int delta)
{
    const int i = backendIndex(s);
    if (i >= 0)
        m_backendRows[std::size_t(i)] += delta;
}

void SessionTableModel::updateBackends()
{
    Backends backends;
    for (std::size_t i = 0; i < m_backendRows.size(); ++i) {
        if (m_backendRows[i] > 0)
            backends.append(m_backendPairs.at(qsizetype(i)));
    }
    std::sort(backends.begin(), backends.end());
    if (backends == m_backends)
        return;
    m_backends = std::move(backends);
    Q_EMIT backendsChanged();
}

const QString &SessionTableModel::clientText(int row) const
{
    if (m_clientText.empty())
        m_clientText.resize(m_rowItem.size());
    QString &text = m_clientText[std::size_t(row)];
    const QHostAddress &client = session(row).client;
    if (text.isEmpty() && !client.isNull()) {
        bool mapped = false;
        const quint32 v4 = client.toIPv4Address(&mapped);
        text = mapped ? QHostAddress(v4).toString() : client.toString();
    }
    return text;
}

int SessionTableModel::rowOf(const QString &pool, const QByteArray &key) const
{
    return find(hashOf(pool, key), [&](int row) {
        const SessionInfo &s = session(row);
        return s.key == key && s.pool == pool;
    });
}

QStringList SessionTableModel::backends(const QString &pool) const
{
    QStringList names;
    for (const auto &[p, backend] : m_backends) {
        if (pool.isEmpty() || p == pool)
            names.append(backend);
    }
    names.sort();
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

QString SessionTableModel::pinText(const SessionInfo &session)
{
    if (session.pinnedBackend.isEmpty())
        return {};
    if (session.pinUntilMs == 0)
        return tr("%1 (rebound)").arg(session.pinnedBackend);
    return tr("%1 until %2")
        .arg(session.pinnedBackend,
            QDateTime::fromMSecsSinceEpoch(session.pinUntilMs).toString(u"HH:mm"_s));
}

int SessionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rowItem.size());
}

int SessionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SessionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SessionInfo &s = session(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case KeyColumn:
            return QString::fromUtf8(s.key);
        case PoolColumn:
            return s.pool;
        case BackendColumn:
            return s.backend;
        case ClientColumn:
            return clientText(index.row());
        case FirstSeenColumn:
            return timeText(s.firstSeenMs);
        case LastSeenColumn:
            return timeText(s.lastSeenMs);
        case RequestsColumn:
            return QVariant::fromValue(s.requests);
        case PinColumn:
            return pinText(s);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case FirstSeenColumn:
            return fullTimeText(s.firstSeenMs);
        case LastSeenColumn:
            return fullTimeText(s.lastSeenMs);
        case PinColumn:
            if (s.pinnedBackend.isEmpty())
                return {};
            if (s.pinUntilMs == 0)
                return tr("Moved to %1 for good by an operator").arg(s.pinnedBackend);
            return tr("Pinned to %1 by an operator until %2")
                .arg(s.pinnedBackend, fullTimeText(s.pinUntilMs));
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == RequestsColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SessionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case KeyColumn:
            return tr("Affinity key");
        case PoolColumn:
            return tr("Pool");
        case BackendColumn:
            return tr("Backend");
        case ClientColumn:
            return tr("Client");
        case FirstSeenColumn:
            return tr("First seen");
        case LastSeenColumn:
            return tr("Last seen");
        case RequestsColumn:
            return tr("Requests");
        case PinColumn:
            return tr("Pin");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case KeyColumn:
            return tr("The value that binds the session to its backend");
        case ClientColumn:
            return tr("Address of the session's latest request");
        case FirstSeenColumn:
            return tr("When the session's first request arrived");
        case LastSeenColumn:
            return tr("When the session's latest request arrived");
        case RequestsColumn:
            return tr("Requests of the session so far");
        case PinColumn:
            return tr("An operator's pin (until a time) or rebind (for good)");
        default:
            return {};
        }
    }
    return {};
}

} // namespace Limpet
