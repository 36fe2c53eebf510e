#pragma once

#include <QStyledItemDelegate>

namespace Limpet {

/// Paints a cell as a coloured badge with its text when the model gives the cell a colour
/// (BackendTableModel::BadgeColorRole); other cells as usual.
/// The badge's text is black or white for its colour, so it reads on light and dark palettes.
class StateBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateBadgeDelegate)

public:
    /// `colorRole`: the model's role holding the badge's QColor.
    explicit StateBadgeDelegate(int colorRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    [[nodiscard]] QSize sizeHint(
        const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_colorRole;
};

} // namespace Limpet
