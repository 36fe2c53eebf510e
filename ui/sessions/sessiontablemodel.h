#pragma once

#include "session/sessiontable.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace Limpet {

/// The session table of one instance, one row per session (pool + affinity key), built to
/// follow a table of 100,000 sessions, sent whole every second (a remote instance) or as what
/// changed (the embedded engine: applyChanges()).
///
/// setSessions() applies a table incrementally: rows are matched by pool and key (in the
/// previous table's order first, then through a hash index), a changed row emits dataChanged,
/// new rows are appended with one insertion, and gone rows are removed in contiguous ranges;
/// when they are scattered over many ranges they are first gathered at the end by one layout
/// change (persistent indexes follow their sessions), because each removal costs the proxy and
/// the view a pass over every row. The model is never reset once
/// it holds rows (only clear() resets it), so selections survive updates.
///
/// The rows keep the order reorder() gave them (the proxy's sort); rows added later are
/// appended. The model keeps the table it was given (implicitly shared, not copied) and, per
/// row, only its index in that table and its slot in the hash index: no session is copied.
/// GUI thread only.
class SessionTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionTableModel)

public:
    enum Column {
        KeyColumn,
        PoolColumn,
        BackendColumn,
        ClientColumn,
        FirstSeenColumn,
        LastSeenColumn,
        RequestsColumn,
        PinColumn,
        ColumnCount
    };

    explicit SessionTableModel(QObject *parent = nullptr);
    ~SessionTableModel() override;

    /// Makes the model show `sessions`, the whole table (a key appears once per pool).
    void setSessions(const QList<SessionInfo> &sessions);
    /// Applies what changed (ClusterClient::sessionsChanged): a full table through
    /// setSessions(), otherwise the removals, then the changed sessions (a key the model does
    /// not hold is added; each key at most once per call, as SessionTable::changes() gives
    /// them). Costs the changes, not the table: no pass over unchanged rows but one renumbering
    /// when rows go.
    void applyChanges(const SessionChanges &changes);
    /// Drops every row (a model reset): another instance's table follows.
    void clear();
    /// Puts the rows in a new order: `order[i]` is the row that becomes row i. `order` must be a
    /// permutation of every row (a list of another length is ignored). One layout change;
    /// persistent indexes follow their sessions.
    void reorder(const std::vector<int> &order);

    /// The session of a row; `row` must be in [0, rowCount()).
    [[nodiscard]] const SessionInfo &session(int row) const
    {
        return m_items.at(m_rowItem[std::size_t(row)]);
    }
    /// The client address of a row as text (cached: formatting 100,000 addresses is slow).
    [[nodiscard]] const QString &clientText(int row) const;
    /// The row of a session, -1 when the model does not hold it.
    [[nodiscard]] int rowOf(const QString &pool, const QByteArray &key) const;
    /// The backend names sessions are bound to, sorted: of one pool, or of all when `pool` is
    /// empty.
    [[nodiscard]] QStringList backends(const QString &pool = {}) const;

    /// "b2 until 12:30", "b2 (rebound)", or empty when the session has no pin.
    [[nodiscard]] static QString pinText(const SessionInfo &session);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

Q_SIGNALS:
    /// The set of (pool, backend) pairs that sessions are bound to changed.
    void backendsChanged();

private:
    using Backends = QList<std::pair<QString, QString>>; ///< (pool, backend), sorted

    [[nodiscard]] size_t hashOf(const QString &pool, const QByteArray &key) const;
    /// The row whose key hashes to `hash` and for which `same(row)` holds, or -1.
    template <typename Same>
    [[nodiscard]] int find(size_t hash, Same same) const;
    /// Makes room in the index for `count` rows without growing it row by row.
    void reserveIndex(std::size_t count);
    /// Indexes `row`, the new last row, whose key hashes to `hash`.
    void indexRow(int row, size_t hash);
    /// Drops the rows [first, last] from the index (before they are erased).
    void unindexRows(int first, int last);
    void insertSlot(int slot);
    void eraseSlot(int slot);
    /// m_slotRow for the rows from `first` on, after rows moved.
    void renumberSlots(int first);
    /// Removes the rows setSessions() did not find (m_nextRowItem -1).
    void removeGone();
    void emitChanged();
    /// Puts the rows in `order` (a permutation of every row) within one layout change.
    void applyOrder(const std::vector<int> &order, LayoutChangeHint hint);
    /// Publishes the (pool, backend) pairs that have rows (m_backendRows).
    void updateBackends();
    /// The index of the (pool, backend) of `s` in m_backendPairs (added when new); -1 when it
    /// has no backend.
    int backendIndex(const SessionInfo &s);
    void countBackend(const SessionInfo &s, int delta);
    /// Appends rows for the items `items` (indexes in m_items), whose keys hash to `hashes`.
    void appendRows(const std::vector<int> &items, const std::vector<size_t> &hashes);
    /// An index in m_items for a new session: a free one, or a new one at the end.
    int newItem(const SessionInfo &s);

    /// The latest table, as received, then changed in place by applyChanges(); the items of
    /// removed rows are free (m_freeItems) until a new session takes them.
    QList<SessionInfo> m_items;
    std::vector<int> m_freeItems;
    std::vector<int> m_rowItem; ///< row → index in m_items
    std::vector<int> m_itemRow; ///< index in m_items → row
    mutable std::vector<QString> m_clientText; ///< row → client as text; empty until needed

    // The index, affinity key → slot → row. A session keeps its slot while rows move, so
    // moving rows renumbers m_slotRow and leaves the hash table alone.
    std::vector<int> m_table; ///< open addressing, linear probing: slots (-1: free)
    std::vector<size_t> m_slotHash; ///< slot → hash of its key
    std::vector<int> m_slotRow; ///< slot → row (-1: free slot)
    std::vector<int> m_freeSlots;
    std::vector<int> m_rowSlot; ///< row → slot
    size_t m_seed;
    mutable QString m_hashedPool; ///< the pool whose hash hashOf() computed last
    mutable size_t m_poolHash = 0;

    Backends m_backends; ///< the pairs with rows, sorted
    Backends m_backendPairs; ///< every pair seen since the last full table
    std::vector<int> m_backendRows; ///< rows per pair of m_backendPairs

    // Scratch space of setSessions() and applyOrder(), kept between calls: fresh memory of this
    // size costs page faults every time.
    std::vector<int> m_nextRowItem; ///< row → index in the new table (-1: gone)
    std::vector<char> m_changed; ///< row → its values changed
    std::vector<int> m_order;
    std::vector<int> m_newRow;
    std::vector<int> m_intScratch;
    std::vector<char> m_charScratch;
};

} // namespace Limpet
