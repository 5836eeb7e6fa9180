#include "figuretextobject.h"

#include <QAbstractTextDocumentLayout>
#include <QPainter>
#include <QTextDocument>

namespace jb {

FigureTextObject::FigureTextObject(QObject *parent)
    : QObject(parent)
{ }

FigureTextObject *FigureTextObject::install(QTextDocument *document)
{
    auto *handler = new FigureTextObject(document);
    document->documentLayout()->registerHandler(objectType, handler);
    return handler;
}

QTextCharFormat FigureTextObject::add(const DiagramPicture &picture)
{
    m_pictures.append(picture);
    QTextCharFormat format;
    format.setObjectType(objectType);
    format.setProperty(pictureProperty, int(m_pictures.size() - 1));
    return format;
}

const DiagramPicture *FigureTextObject::picture(const QTextFormat &format) const
{
    const int index = format.property(pictureProperty).toInt();
    return index >= 0 && index < m_pictures.size() ? &m_pictures.at(index) : nullptr;
}

QSizeF FigureTextObject::intrinsicSize(QTextDocument *document, int, const QTextFormat &format)
{
    const DiagramPicture *figure = picture(format);
    if (!figure || figure->size().isEmpty())
        return {};
    // pictures are in points; the layout counts in its paint device's pixels (96 dpi on screen)
    const QPaintDevice *device = document->documentLayout()->paintDevice();
    const double dpi = device ? device->logicalDpiY() : 96.0;
    QSizeF size = figure->size() * (dpi / 72.0);
    // shrink a wide diagram to the text width, keeping its proportions
    const double available
        = (document->pageSize().width() > 0 ? document->pageSize().width() : document->textWidth())
        - 2 * document->documentMargin() - 4;
    if (available > 0 && size.width() > available)
        size *= available / size.width();
    return size;
}

void FigureTextObject::drawObject(
    QPainter *painter, const QRectF &rect, QTextDocument *document, int, const QTextFormat &format)
{
    const DiagramPicture *figure = picture(format);
    if (!figure)
        return;
    const QVariant paper = document ? document->property(paperProperty) : QVariant();
    if (paper.isValid())
        painter->fillRect(rect.adjusted(-6, -6, 6, 6), paper.value<QColor>());
    figure->paint(*painter, rect);
}

} // namespace jb
