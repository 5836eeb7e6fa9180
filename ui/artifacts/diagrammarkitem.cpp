#include "diagrammarkitem.h"

#include <QPainter>

namespace jb {

DiagramMarkItem::DiagramMarkItem(DiagramItem mark, const DiagramInks *inks, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_mark(std::move(mark))
    , m_inks(inks)
{
    if (!m_mark.text.isEmpty())
        setToolTip(m_mark.text);
}

QRectF DiagramMarkItem::boundingRect() const
{
    return DiagramPicture::bounds(m_mark);
}

void DiagramMarkItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    DiagramPicture::paintItem(*painter, m_mark, *m_inks);
    painter->restore();
}

} // namespace jb
