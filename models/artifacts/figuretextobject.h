#pragma once

#include "diagrampicture.h"

#include <QObject>
#include <QTextObjectInterface>

namespace jb {

// Draws DiagramPictures inside a QTextDocument as vectors: in the PDF they stay sharp at any zoom,
// in a QTextBrowser they follow the view. Owned by the document it is registered with; holds the
// pictures, and each figure's character format names one by index.
class FigureTextObject final : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)
    Q_DISABLE_COPY_MOVE(FigureTextObject)

public:
    static constexpr int objectType = QTextFormat::UserObject + 61;
    static constexpr int pictureProperty = QTextFormat::UserProperty + 61;
    // A QColor set as this dynamic property on the document is filled behind each figure: the
    // diagrams are drawn for paper and stay readable on a dark preview that way.
    static constexpr const char *paperProperty = "jbFigurePaper";

    // Registers a new handler with `document`'s layout, parented to the document.
    static FigureTextObject *install(QTextDocument *document);
    // Adds a picture and returns the format of the character that shows it.
    QTextCharFormat add(const DiagramPicture &picture);

    QSizeF intrinsicSize(QTextDocument *document, int position, const QTextFormat &format) override;
    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *document, int position,
        const QTextFormat &format) override;

private:
    explicit FigureTextObject(QObject *parent);
    const DiagramPicture *picture(const QTextFormat &format) const;

    QList<DiagramPicture> m_pictures;
};

} // namespace jb
