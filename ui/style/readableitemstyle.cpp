#include "readableitemstyle.h"

#include "themecolors.h"

#include <QStyleOptionViewItem>

namespace jb {

namespace {

// What the cell's text lands on: its own background brush (blended over the base when
// translucent), else the base or, on alternate rows, the alternate base.
QColor cellBackground(const QStyleOptionViewItem &item)
{
    const QPalette::ColorGroup group
        = item.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor base = item.palette.color(
        group, item.features & QStyleOptionViewItem::Alternate ? QPalette::AlternateBase : QPalette::Base);
    if (item.backgroundBrush.style() == Qt::NoBrush)
        return base;
    const QColor tint = item.backgroundBrush.color();
    return ThemeColors::blend(base, QColor(tint.red(), tint.green(), tint.blue()), tint.alphaF());
}

} // namespace

ReadableItemStyle::ReadableItemStyle(QStyle *base)
    : QProxyStyle(base)
{ }

void ReadableItemStyle::drawControl(
    ControlElement element, const QStyleOption *option, QPainter *painter, const QWidget *widget) const
{
    const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option);
    if (element != CE_ItemViewItem || !item || (item->state & State_Selected)
        || !(item->state & State_Enabled)) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    // the delegate put the model's foreground into every colour group; the style draws with the
    // group of the window's state (inactive when another window has the focus)
    const QColor text = item->palette.color(QPalette::Text);
    const QColor behind = cellBackground(*item);
    if (ThemeColors::contrast(text, behind) >= minimumContrast) {
        QProxyStyle::drawControl(element, option, painter, widget);
        return;
    }
    QStyleOptionViewItem readable(*item);
    readable.palette.setColor(QPalette::Text, ThemeColors::readable(text, behind, minimumContrast));
    QProxyStyle::drawControl(element, &readable, painter, widget);
}

} // namespace jb
