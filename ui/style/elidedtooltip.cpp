#include "elidedtooltip.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace jb {

ElidedToolTip::ElidedToolTip(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{ }

void ElidedToolTip::install(QAbstractItemView *view)
{
    if (view->findChild<ElidedToolTip *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    view->viewport()->installEventFilter(new ElidedToolTip(view));
}

bool ElidedToolTip::isElided(const QAbstractItemView *view, const QModelIndex &index)
{
    const QString text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return false;
    // the style's text margins on both sides, as the item delegate lays the text out
    constexpr int margins = 8;
    // a model's font sets what it changes (bold, a family): the rest comes from the view's, as the
    // delegate resolves it when it paints
    const QVariant fontData = index.data(Qt::FontRole);
    const QFont font
        = fontData.canConvert<QFont>() ? fontData.value<QFont>().resolve(view->font()) : view->font();
    return QFontMetrics(font).horizontalAdvance(text) + margins > view->visualRect(index).width()
        || text.contains(u'\n');
}

bool ElidedToolTip::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ToolTip || watched != m_view->viewport())
        return false;
    const auto *help = static_cast<QHelpEvent *>(event);
    const QModelIndex index = m_view->indexAt(help->pos());
    if (!index.isValid() || !index.data(Qt::ToolTipRole).toString().isEmpty())
        return false; // the model's own tooltip says more
    if (!isElided(m_view, index)) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(help->globalPos(), index.data(Qt::DisplayRole).toString(), m_view->viewport(),
        m_view->visualRect(index));
    return true;
}

} // namespace jb
