#include "cluster/statebadgedelegate.h"

#include "cluster/backendstatus.h"

#include <QApplication>
#include <QPainter>

namespace Limpet {

namespace {

constexpr int Margin = 3; ///< around the badge, inside the cell
constexpr int Padding = 6; ///< between the badge's edge and its text
constexpr int Slack = 2; ///< so a text that fits exactly is not elided by rounding

} // namespace

StateBadgeDelegate::StateBadgeDelegate(int colorRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_colorRole(colorRole)
{ }

void StateBadgeDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant color = index.data(m_colorRole);
    if (!color.canConvert<QColor>() || !color.value<QColor>().isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell's background and selection as the style draws them, without the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QColor background = color.value<QColor>();
    const QFontMetrics metrics(opt.font);
    const int width = std::min(
        metrics.horizontalAdvance(text) + 2 * Padding + Slack, opt.rect.width() - 2 * Margin);
    const QRect badge(
        opt.rect.left() + Margin, opt.rect.top() + Margin, width, opt.rect.height() - 2 * Margin);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(background);
    const qreal radius = badge.height() / 2.0;
    painter->drawRoundedRect(badge, radius, radius);
    painter->setPen(BackendStatus::textColorOn(background));
    painter->setFont(opt.font);
    painter->drawText(badge.adjusted(Padding, 0, -Padding, 0), Qt::AlignCenter,
        metrics.elidedText(text, Qt::ElideRight, badge.width() - 2 * Padding));
    painter->restore();
}

QSize StateBadgeDelegate::sizeHint(
    const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (index.data(m_colorRole).isValid())
        size += QSize(2 * (Margin + Padding) + Slack, 2 * Margin);
    return size;
}

} // namespace Limpet
