#pragma once

#include "diagrampicture.h"

#include <QGraphicsItem>

namespace jb {

// One mark of a DiagramPicture as a graphics item, drawn by the same code as the PDF and SVG, so
// the view shows exactly what the documents print, in the view's inks (which outlive the item: the
// view owns both). Its tooltip repeats the mark's text.
class DiagramMarkItem final : public QGraphicsItem
{
public:
    DiagramMarkItem(DiagramItem mark, const DiagramInks *inks, QGraphicsItem *parent = nullptr);

    const DiagramItem &mark() const { return m_mark; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    DiagramItem m_mark;
    const DiagramInks *m_inks;
};

} // namespace jb
