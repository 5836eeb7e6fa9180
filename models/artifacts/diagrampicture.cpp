#include "diagrampicture.h"

#include <QBuffer>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

DiagramPicture::DiagramPicture(QSizeF size)
    : m_size(size)
{ }

const DiagramItem *DiagramPicture::find(const QString &key) const
{
    for (const DiagramItem &item : m_items) {
        if (item.key == key)
            return &item;
    }
    return nullptr;
}

QFont DiagramPicture::font(double points, bool bold)
{
    QFont font(u"DejaVu Sans"_s);
    // Pixel sizes keep layout independent of the device: the painter's transform maps units to
    // points, whether the device is a 300 dpi PDF page, an SVG or a 2x PNG.
    font.setPixelSize(std::max(1, int(std::lround(points))));
    font.setBold(bold);
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setStyleStrategy(QFont::PreferAntialias);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.05); // no ligatures: PDF text stays searchable
    return font;
}

void DiagramPicture::paint(QPainter &painter, const QRectF &target, const DiagramInks &inks) const
{
    if (m_size.isEmpty())
        return;
    const double scale = std::min(target.width() / m_size.width(), target.height() / m_size.height());
    painter.save();
    painter.translate(target.topLeft());
    painter.scale(scale, scale);
    paint(painter, inks);
    painter.restore();
}

void DiagramPicture::paint(QPainter &painter, const DiagramInks &inks) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    for (const DiagramItem &item : m_items)
        paintItem(painter, item, inks);
    painter.restore();
}

namespace {

QPen pen(const QColor &color, double width, bool dashed)
{
    QPen pen(color, width);
    pen.setCapStyle(Qt::FlatCap);
    if (dashed)
        pen.setDashPattern({4.0 / width, 3.0 / width});
    return pen;
}

void paintHead(QPainter &painter, const QLineF &line, DiagramItem::Head head, const QColor &color)
{
    if (head == DiagramItem::Head::None || line.length() <= 0)
        return;
    const QPointF tip = line.p2();
    const QLineF unit = QLineF(line.p2(), line.p1()).unitVector();
    const QPointF back(unit.dx(), unit.dy());
    const QPointF normal(-back.y(), back.x());
    const double length = 7;
    const double half = 3.5;
    painter.save();
    painter.setPen(pen(color, 1, false));
    if (head == DiagramItem::Head::Filled) {
        painter.setBrush(color);
        painter.drawPolygon(
            QPolygonF{tip, tip + back * length + normal * half, tip + back * length - normal * half});
    } else if (head == DiagramItem::Head::Open) {
        painter.drawLine(tip, tip + back * length + normal * half);
        painter.drawLine(tip, tip + back * length - normal * half);
    } else {
        const QPointF centre = tip + back * 5;
        const double arm = 3.5;
        painter.setPen(pen(color, 1.4, false));
        painter.drawLine(centre + QPointF(-arm, -arm), centre + QPointF(arm, arm));
        painter.drawLine(centre + QPointF(-arm, arm), centre + QPointF(arm, -arm));
    }
    painter.restore();
}

} // namespace

void DiagramPicture::paintItem(QPainter &painter, const DiagramItem &item, const DiagramInks &inks)
{
    using Kind = DiagramItem::Kind;
    const QColor strokeColor = inks.stroke(item.tone);
    painter.setFont(font(item.fontSize, item.bold));
    switch (item.kind) {
    case Kind::Box: {
        painter.setPen(pen(strokeColor, 0.8, item.dashed));
        painter.setBrush(inks.fill(item.tone));
        painter.drawRoundedRect(item.rect, 3, 3);
        if (!item.text.isEmpty()) {
            painter.setPen(inks.text(item.tone));
            painter.drawText(item.rect.adjusted(4, 2, -4, -2),
                item.align | Qt::TextWordWrap | Qt::TextDontClip, item.text);
        }
        break;
    }
    case Kind::Line:
        painter.setPen(pen(strokeColor, item.bold ? 1.6 : 0.7, item.dashed));
        painter.drawLine(item.line);
        break;
    case Kind::Arrow: {
        painter.setPen(pen(strokeColor, 0.9, item.dashed));
        // stop the shaft where the head starts, so a dashed line never pokes through a head
        QLineF shaft = item.line;
        if (item.head == DiagramItem::Head::Filled && shaft.length() > 7)
            shaft.setLength(shaft.length() - 6);
        painter.drawLine(shaft);
        paintHead(painter, item.line, item.head, strokeColor);
        break;
    }
    case Kind::Text:
        painter.setPen(inks.text(item.tone));
        painter.drawText(item.rect, item.align | Qt::TextWordWrap | Qt::TextDontClip, item.text);
        break;
    case Kind::Frame: {
        painter.setPen(pen(strokeColor, 0.8, false));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(item.rect);
        const QString label = item.text.section(u'|', 0, 0);
        const QString condition = item.text.section(u'|', 1);
        const QFontMetricsF metrics(font(item.fontSize, true));
        const double tabWidth = metrics.horizontalAdvance(label) + 12;
        const double tabHeight = metrics.height() + 4;
        const QPointF origin = item.rect.topLeft();
        QPainterPath tab;
        tab.moveTo(origin);
        tab.lineTo(origin + QPointF(tabWidth + 6, 0));
        tab.lineTo(origin + QPointF(tabWidth + 6, tabHeight - 5));
        tab.lineTo(origin + QPointF(tabWidth, tabHeight));
        tab.lineTo(origin + QPointF(0, tabHeight));
        tab.closeSubpath();
        painter.setBrush(inks.fill(item.tone));
        painter.drawPath(tab);
        painter.setPen(inks.text(DiagramItem::Tone::Ink));
        painter.setFont(font(item.fontSize, true));
        painter.drawText(QRectF(origin, QSizeF(tabWidth, tabHeight)), Qt::AlignCenter, label);
        if (!condition.isEmpty()) {
            painter.setFont(font(item.fontSize, false));
            painter.setPen(inks.text(DiagramItem::Tone::Muted));
            painter.drawText(QRectF(origin + QPointF(tabWidth + 12, 0),
                                 QSizeF(item.rect.width() - tabWidth - 16, tabHeight)),
                Qt::AlignLeft | Qt::AlignVCenter, u'[' + condition + u']');
        }
        break;
    }
    case Kind::Note: {
        const QRectF r = item.rect;
        const double fold = 6;
        QPainterPath path;
        path.moveTo(r.topLeft());
        path.lineTo(r.right() - fold, r.top());
        path.lineTo(r.right(), r.top() + fold);
        path.lineTo(r.bottomRight());
        path.lineTo(r.bottomLeft());
        path.closeSubpath();
        painter.setPen(pen(strokeColor, 0.8, false));
        painter.setBrush(inks.fill(item.tone));
        painter.drawPath(path);
        painter.drawLine(QPointF(r.right() - fold, r.top()), QPointF(r.right() - fold, r.top() + fold));
        painter.drawLine(QPointF(r.right() - fold, r.top() + fold), QPointF(r.right(), r.top() + fold));
        painter.setPen(inks.text(item.tone));
        painter.drawText(
            r.adjusted(5, 3, -5, -3), item.align | Qt::TextWordWrap | Qt::TextDontClip, item.text);
        break;
    }
    }
}

QRectF DiagramPicture::bounds(const DiagramItem &item)
{
    if (item.kind == DiagramItem::Kind::Line || item.kind == DiagramItem::Kind::Arrow)
        return QRectF(item.line.p1(), item.line.p2()).normalized().adjusted(-5, -5, 5, 5);
    return item.rect.adjusted(-1, -1, 1, 1);
}

QByteArray DiagramPicture::toSvg(const QString &title) const
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator generator;
    generator.setOutputDevice(&buffer);
    generator.setSize(m_size.toSize());
    generator.setViewBox(QRectF(QPointF(0, 0), m_size));
    generator.setTitle(title);
    generator.setDescription(u"Generated by JourneyBench"_s);
    // one unit per point: 72 dpi keeps the font sizes QSvgGenerator writes equal to ours
    generator.setResolution(72);
    QPainter painter(&generator);
    painter.fillRect(QRectF(QPointF(0, 0), m_size), DiagramInks::print().background());
    paint(painter);
    painter.end();
    return bytes;
}

QImage DiagramPicture::toImage(double scale) const
{
    const QSize pixels(int(std::ceil(m_size.width() * scale)), int(std::ceil(m_size.height() * scale)));
    QImage image(pixels.expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    image.fill(DiagramInks::print().background());
    QPainter painter(&image);
    painter.scale(scale, scale);
    paint(painter);
    painter.end();
    return image;
}

void DiagramPicture::redact(const QStringList &values, const QString &replacement)
{
    for (DiagramItem &item : m_items) {
        for (const QString &value : values)
            item.text.replace(value, replacement);
    }
}

} // namespace jb
