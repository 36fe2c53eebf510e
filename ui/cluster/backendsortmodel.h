#pragma once

#include <QSortFilterProxyModel>

namespace Limpet {

/// Sorts the backend table by value (BackendTableModel::SortRole) and keeps the rows of one
/// pool and matching a text.
class BackendSortModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackendSortModel)

public:
    explicit BackendSortModel(QObject *parent = nullptr);

    /// Only this pool's backends; empty: every pool's.
    void setPool(const QString &pool);
    [[nodiscard]] const QString &pool() const { return m_pool; }
    /// Only backends whose name, address, route or state contains `text` (any case).
    void setText(const QString &text);

protected:
    [[nodiscard]] bool filterAcceptsRow(
        int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_pool;
    QString m_text;
};

} // namespace Limpet
