#pragma once

#include <QFont>
#include <QImage>
#include <QLineF>
#include <QList>
#include <QRectF>
#include <QString>

class QPainter;

namespace jb {

// One mark of a drawn diagram, in points (1/72 inch) from the picture's top-left corner.
struct DiagramItem
{
    enum class Kind
    {
        Box, // rounded rectangle with centred text (a participant, a bar)
        Line, // a plain line (lifeline, grid line, else separator)
        Arrow, // a message: line plus head at line.p2()
        Text, // text in rect with `align`
        Frame, // an alt/opt frame: outline plus a label tab holding `text`
        Note, // folded-corner note holding `text`
    };
    // Roles rather than colours: the painter and the GUI views map them to one palette.
    enum class Tone
    {
        Ink,
        Muted,
        Participant,
        Pipe,
        ErrorPipe,
        Trigger,
        Error,
        Note,
        Frame,
        Grid,
        Planned,
        PlannedLate,
        Actual,
        Late,
        Today,
    };
    enum class Head
    {
        None,
        Filled, // a call
        Open, // an asynchronous event
        Cross, // an error answer
    };

    Kind kind = Kind::Text;
    Tone tone = Tone::Ink;
    QRectF rect;
    QLineF line;
    QString text;
    double fontSize = 9; // points
    bool bold = false;
    bool dashed = false;
    Head head = Head::None;
    int align = 0x0084; // Qt::AlignCenter
    QString key; // names the mark for views ("planned:servers"); empty for decoration
};

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
    void paint(QPainter &painter, const QRectF &target) const;
    // Draws it at its own size, in points, at the painter's origin.
    void paint(QPainter &painter) const;
    QByteArray toSvg(const QString &title) const;
    QImage toImage(double scale) const;
    // Replaces every occurrence of each value in the marks' text.
    void redact(const QStringList &values, const QString &replacement);

    // The font marks are measured and drawn with: pixel sized, so one unit is one point.
    static QFont font(double points, bool bold = false);
    static QColor stroke(DiagramItem::Tone tone);
    static QColor fill(DiagramItem::Tone tone);
    static QColor textColor(DiagramItem::Tone tone);
    // Draws one mark, in points at the painter's origin (GUI views draw marks one item each).
    static void paintItem(QPainter &painter, const DiagramItem &item);
    // The area a mark covers, for hit tests and graphics items.
    static QRectF bounds(const DiagramItem &item);

private:
    QSizeF m_size;
    QList<DiagramItem> m_items;
};

} // namespace jb
