#pragma once

#include <QSortFilterProxyModel>

namespace Limpet {

/// Keeps the Log tab's rows of one kind of event and containing a text; the order stays the
/// log's (oldest first).
class LogFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogFilterModel)

public:
    enum class Kinds {
        All,
        StateChanges, ///< state
        Health, ///< health
        Errors, ///< health down, reload-failed, auth-failed
    };

    explicit LogFilterModel(QObject *parent = nullptr);

    void setKinds(Kinds kinds);
    [[nodiscard]] Kinds kinds() const { return m_kinds; }
    /// Only events whose kind, pool, backend, states or message contain `text` (any case).
    void setText(const QString &text);

protected:
    [[nodiscard]] bool filterAcceptsRow(
        int sourceRow, const QModelIndex &sourceParent) const override;

private:
    Kinds m_kinds = Kinds::All;
    QString m_text;
};

} // namespace Limpet
