#pragma once

#include <QByteArray>
#include <QSortFilterProxyModel>
#include <QString>

#include <chrono>
#include <vector>

namespace Limpet {

class SessionTableModel;

/// Sorts and filters a SessionTableModel for the Sessions view, built for 100,000 rows updated
/// every second.
///
/// Sorting is on demand (sort(): a header click, or the view now and then): the order is
/// computed here on typed values and handed to the source model, which takes it as its row
/// order (SessionTableModel::reorder()). The proxy itself never sorts: Qt's sorting proxy
/// compares through QModelIndex and re-sorts on every structural change, which for 100,000
/// rows costs more than a whole update may. Rows added later are appended, and changed rows
/// stay where they are until the next sort.
///
/// Filtering is not dynamic either: a filter change (setText, setBackend, setMaxAge) and
/// refilter(), called after each update while a filter is on, re-check every row in one pass.
/// Filters read the source model's values directly, never through QVariant.
class SessionFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionFilterModel)

public:
    explicit SessionFilterModel(QObject *parent = nullptr);

    void setSessionModel(SessionTableModel *model);
    [[nodiscard]] SessionTableModel *sessionModel() const { return m_model; }

    /// Keeps sessions whose affinity key or client address contains `text` (any case);
    /// empty: all.
    void setText(const QString &text);
    /// Keeps sessions bound to that backend; empty: all.
    void setBackend(const QString &backend);
    /// Keeps sessions seen in the last `age` (by this computer's clock); zero: all.
    void setMaxAge(std::chrono::milliseconds age);

    [[nodiscard]] QString text() const { return m_text; }
    [[nodiscard]] QString backend() const { return m_backend; }
    [[nodiscard]] std::chrono::milliseconds maxAge() const { return m_maxAge; }
    /// True when some filter is on.
    [[nodiscard]] bool isFiltering() const;

    /// Re-applies the filters to every row after the data changed.
    void refilter();

    /// Orders the rows by `column` (-1: leave them as they are). Ties keep their order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    /// The column and order of the last sort(); -1: none.
    [[nodiscard]] int sortedColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortedOrder() const { return m_sortOrder; }

protected:
    [[nodiscard]] bool filterAcceptsRow(
        int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void filterChanged();
    [[nodiscard]] std::vector<int> sortedRows(int column, Qt::SortOrder order) const;

    SessionTableModel *m_model = nullptr;
    QString m_text;
    QByteArray m_textLatin1; ///< m_text for matching keys; empty when m_text is not ASCII
    QString m_backend;
    std::chrono::milliseconds m_maxAge{0};
    qint64 m_oldestMs = 0; ///< rows last seen before this are filtered out (m_maxAge)
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace Limpet
