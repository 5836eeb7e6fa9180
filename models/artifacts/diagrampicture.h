#pragma once

#include "diagraminks.h"
#include "diagramitem.h"

#include <QFont>
#include <QImage>
#include <QList>
#include <QString>

class QPainter;

namespace jb {

// A diagram as a list of marks, built once (by SequenceLayout, TimelineChart) and drawn the same way
// everywhere: into PDF pages, SVG, PNG and the GUI views. Values only, so workers can build them.
class DiagramPicture final
{
public:
    DiagramPicture() = default;
    explicit DiagramPicture(QSizeF size);

    QSizeF size() const { return m_size; }
    void setSize(QSizeF size) { m_size = size; }
    const QList<DiagramItem> &items() const { return m_items; }
    void add(DiagramItem item) { m_items.append(std::move(item)); }
    bool isEmpty() const { return m_items.isEmpty(); }
    const DiagramItem *find(const QString &key) const;

    // Draws the picture scaled (keeping its proportions) into `target`.
    // In `inks` (a screen palette's); files are always drawn in the print inks, on white.
    void paint(QPainter &painter, const QRectF &target, const DiagramInks &inks = DiagramInks::print()) const;
    // Draws it at its own size, in points, at the painter's origin.
    void paint(QPainter &painter, const DiagramInks &inks = DiagramInks::print()) const;
    QByteArray toSvg(const QString &title) const;
    QImage toImage(double scale) const;
    // Replaces every occurrence of each value in the marks' text.
    void redact(const QStringList &values, const QString &replacement);

    // The font marks are measured and drawn with: pixel sized, so one unit is one point.
    static QFont font(double points, bool bold = false);
    // Draws one mark, in points at the painter's origin (GUI views draw marks one item each).
    static void paintItem(
        QPainter &painter, const DiagramItem &item, const DiagramInks &inks = DiagramInks::print());
    // The area a mark covers, for hit tests and graphics items.
    static QRectF bounds(const DiagramItem &item);

private:
    QSizeF m_size;
    QList<DiagramItem> m_items;
};

} // namespace jb
