#include "sessions/sessionfiltermodel.h"

#include "sessions/sessiontablemodel.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <type_traits>

namespace Limpet {

namespace {

bool isAscii(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; });
}

/// Rows 0..rows-1 ordered by key(row), ties in their current order.
template <typename Key>
std::vector<int> orderBy(int rows, Qt::SortOrder order, Key key)
{
    using K = std::invoke_result_t<Key, int>;
    // Keys first, in one array: sorting then reads no row twice.
    std::vector<std::pair<K, int>> keyed;
    keyed.reserve(std::size_t(rows));
    for (int row = 0; row < rows; ++row)
        keyed.emplace_back(key(row), row);
    if (order == Qt::AscendingOrder) {
        std::stable_sort(keyed.begin(), keyed.end(),
            [](const auto &a, const auto &b) { return a.first < b.first; });
    } else {
        std::stable_sort(keyed.begin(), keyed.end(),
            [](const auto &a, const auto &b) { return b.first < a.first; });
    }
    std::vector<int> result;
    result.reserve(keyed.size());
    for (const auto &entry : keyed)
        result.push_back(entry.second);
    return result;
}

/// Addresses in numeric order (10.0.0.9 before 10.0.0.10), IPv4 as IPv4-mapped IPv6.
std::array<quint8, 16> addressKey(const QHostAddress &address)
{
    std::array<quint8, 16> key{};
    if (address.isNull())
        return key;
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    std::copy(std::begin(v6.c), std::end(v6.c), key.begin());
    return key;
}

} // namespace

SessionFilterModel::SessionFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(false);
}

void SessionFilterModel::setSessionModel(SessionTableModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void SessionFilterModel::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_textLatin1 = isAscii(text) ? text.toLatin1() : QByteArray();
    filterChanged();
}

void SessionFilterModel::setBackend(const QString &backend)
{
    if (backend == m_backend)
        return;
    m_backend = backend;
    filterChanged();
}

void SessionFilterModel::setMaxAge(std::chrono::milliseconds age)
{
    if (age == m_maxAge)
        return;
    m_maxAge = age;
    filterChanged();
}

bool SessionFilterModel::isFiltering() const
{
    return !m_text.isEmpty() || !m_backend.isEmpty() || m_maxAge.count() > 0;
}

void SessionFilterModel::filterChanged()
{
    refilter();
}

void SessionFilterModel::refilter()
{
    m_oldestMs = QDateTime::currentMSecsSinceEpoch() - m_maxAge.count();
    // One layout change and one pass over the rows, however many rows come and go; removing
    // them one range at a time would cost a pass each.
    invalidate();
}

bool SessionFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return false;
    const SessionInfo &s = m_model->session(sourceRow);
    if (!m_backend.isEmpty() && s.backend != m_backend)
        return false;
    if (m_maxAge.count() > 0 && s.lastSeenMs < m_oldestMs)
        return false;
    if (m_text.isEmpty())
        return true;
    const bool keyMatches = m_textLatin1.isEmpty()
        ? QString::fromUtf8(s.key).contains(m_text, Qt::CaseInsensitive)
        : QLatin1String(s.key).contains(QLatin1String(m_textLatin1), Qt::CaseInsensitive);
    return keyMatches || m_model->clientText(sourceRow).contains(m_text, Qt::CaseInsensitive);
}

void SessionFilterModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_model && column >= 0 && column < SessionTableModel::ColumnCount)
        m_model->reorder(sortedRows(column, order));
}

std::vector<int> SessionFilterModel::sortedRows(int column, Qt::SortOrder order) const
{
    const SessionTableModel *m = m_model;
    const int rows = m->rowCount();
    switch (column) {
    case SessionTableModel::KeyColumn:
        return orderBy(rows, order, [m](int row) { return m->session(row).key; });
    case SessionTableModel::PoolColumn:
        return orderBy(rows, order, [m](int row) { return m->session(row).pool; });
    case SessionTableModel::BackendColumn:
        return orderBy(rows, order, [m](int row) { return m->session(row).backend; });
    case SessionTableModel::ClientColumn:
        return orderBy(rows, order, [m](int row) { return addressKey(m->session(row).client); });
    case SessionTableModel::FirstSeenColumn:
        return orderBy(rows, order, [m](int row) { return m->session(row).firstSeenMs; });
    case SessionTableModel::LastSeenColumn:
        return orderBy(rows, order, [m](int row) { return m->session(row).lastSeenMs; });
    case SessionTableModel::RequestsColumn:
        return orderBy(rows, order, [m](int row) { return m->session(row).requests; });
    case SessionTableModel::PinColumn:
        return orderBy(rows, order, [m](int row) {
            const SessionInfo &s = m->session(row);
            return std::pair(s.pinnedBackend, s.pinUntilMs);
        });
    default:
        return {};
    }
}

} // namespace Limpet
