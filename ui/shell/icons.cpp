#include "icons.h"

#include <QAction>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QToolButton>

namespace jb {

namespace {

// Draws a glyph in a 16×16 design grid, scaled to whatever size is asked for.
void drawGlyph(QPainter &p, Icons::Glyph glyph, const QColor &ink)
{
    QPen pen(ink, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    switch (glyph) {
    case Icons::Glyph::Add:
        p.setPen(QPen(QColor(0x2e, 0x9d, 0x5b), 2.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 3), QPointF(8, 13));
        p.drawLine(QPointF(3, 8), QPointF(13, 8));
        break;
    case Icons::Glyph::Remove:
        p.setPen(QPen(QColor(0xd6, 0x45, 0x45), 2.0, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(3, 8), QPointF(13, 8));
        break;
    case Icons::Glyph::Duplicate:
        p.drawRoundedRect(QRectF(2.5, 2.5, 8, 8), 1.5, 1.5);
        p.drawRoundedRect(QRectF(5.5, 5.5, 8, 8), 1.5, 1.5);
        break;
    case Icons::Glyph::Up:
        p.drawPolyline(QPolygonF({QPointF(4, 10), QPointF(8, 5.5), QPointF(12, 10)}));
        break;
    case Icons::Glyph::Down:
        p.drawPolyline(QPolygonF({QPointF(4, 6), QPointF(8, 10.5), QPointF(12, 6)}));
        break;
    case Icons::Glyph::Search:
        p.drawEllipse(QRectF(2.5, 2.5, 8, 8));
        p.drawLine(QPointF(9.5, 9.5), QPointF(13.5, 13.5));
        break;
    case Icons::Glyph::Signoff:
        p.setPen(QPen(QColor(0x2e, 0x9d, 0x5b), 2.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(QPolygonF({QPointF(3, 8.5), QPointF(6.5, 12), QPointF(13, 4.5)}));
        break;
    case Icons::Glyph::Folder: {
        QPainterPath path;
        path.moveTo(2, 4);
        path.lineTo(6.5, 4);
        path.lineTo(8, 5.5);
        path.lineTo(14, 5.5);
        path.lineTo(14, 13);
        path.lineTo(2, 13);
        path.closeSubpath();
        p.drawPath(path);
        break;
    }
    case Icons::Glyph::Save:
        p.drawRoundedRect(QRectF(2.5, 2.5, 11, 11), 1.5, 1.5);
        p.drawRect(QRectF(5, 2.5, 6, 3.5));
        p.drawRect(QRectF(5, 9, 6, 4.5));
        break;
    case Icons::Glyph::Undo:
    case Icons::Glyph::Redo: {
        p.save();
        if (glyph == Icons::Glyph::Redo) {
            p.translate(16, 0);
            p.scale(-1, 1);
        }
        QPainterPath path;
        path.moveTo(4, 7);
        path.lineTo(10, 7);
        path.cubicTo(14, 7, 14, 13, 10, 13);
        path.lineTo(7, 13);
        p.drawPath(path);
        p.drawPolyline(QPolygonF({QPointF(6.5, 4), QPointF(3.5, 7), QPointF(6.5, 10)}));
        p.restore();
        break;
    }
    }
}

class GlyphEngine final : public QIconEngine
{
public:
    explicit GlyphEngine(Icons::Glyph glyph)
        : m_glyph(glyph)
    { }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state)
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->translate(rect.topLeft());
        painter->scale(rect.width() / 16.0, rect.height() / 16.0);
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.35);
        drawGlyph(*painter, m_glyph, QColor(0x6b, 0x77, 0x85));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new GlyphEngine(m_glyph); }

private:
    Icons::Glyph m_glyph;
};

} // namespace

QIcon Icons::icon(Glyph glyph)
{
    return QIcon(new GlyphEngine(glyph));
}

QToolButton *Icons::toolButton(QAction *action, bool withText)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::NoFocus);
    button->setIconSize(QSize(16, 16));
    button->setToolButtonStyle(withText ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
    return button;
}

} // namespace jb
