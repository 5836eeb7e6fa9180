#include "diagraminks.h"

namespace jb {

namespace {

// The print colours: dark ink and pale fills on white paper, as every exported file shows them.
QColor printStroke(DiagramItem::Tone tone)
{
    using Tone = DiagramItem::Tone;
    switch (tone) {
    case Tone::Ink:
        return QColor(0x1f, 0x29, 0x33);
    case Tone::Muted:
        return QColor(0x5f, 0x6b, 0x7a); // 5:1 on the grid's band
    case Tone::Participant:
        return QColor(0x47, 0x55, 0x69);
    case Tone::Pipe:
        return QColor(0x1d, 0x4e, 0xd8);
    case Tone::ErrorPipe:
    case Tone::Error:
    case Tone::Late:
        return QColor(0xb9, 0x1c, 0x1c);
    case Tone::Trigger:
        return QColor(0x6b, 0x72, 0x80);
    case Tone::Note:
        return QColor(0xca, 0x8a, 0x04);
    case Tone::Frame:
        return QColor(0x94, 0xa3, 0xb8);
    case Tone::Grid:
        return QColor(0xe2, 0xe8, 0xf0);
    case Tone::Planned:
        return QColor(0x64, 0x74, 0x8b);
    case Tone::PlannedLate:
        return QColor(0xdc, 0x26, 0x26);
    case Tone::Actual:
        return QColor(0x1d, 0x4e, 0xd8);
    case Tone::Today:
        return QColor(0xc2, 0x41, 0x0c); // its label reads on white
    }
    return Qt::black;
}

QColor printFill(DiagramItem::Tone tone)
{
    using Tone = DiagramItem::Tone;
    switch (tone) {
    case Tone::Participant:
        return QColor(0xf1, 0xf5, 0xf9);
    case Tone::Pipe:
        return QColor(0xdb, 0xea, 0xfe);
    case Tone::ErrorPipe:
        return QColor(0xfe, 0xe2, 0xe2);
    case Tone::Trigger:
        return QColor(0xf3, 0xf4, 0xf6);
    case Tone::Note:
        return QColor(0xfe, 0xf9, 0xc3);
    case Tone::Frame:
        return QColor(0xe2, 0xe8, 0xf0);
    case Tone::Planned:
        return QColor(0xcb, 0xd5, 0xe1);
    case Tone::PlannedLate:
        return QColor(0xfe, 0xca, 0xca);
    case Tone::Actual:
        return QColor(0x25, 0x63, 0xeb);
    case Tone::Late:
        return QColor(0xdc, 0x26, 0x26);
    case Tone::Grid:
        return QColor(0xf8, 0xfa, 0xfc);
    default:
        return Qt::white;
    }
}

QColor printText(DiagramItem::Tone tone)
{
    using Tone = DiagramItem::Tone;
    switch (tone) {
    case Tone::Actual:
    case Tone::Late:
        return Qt::white;
    case Tone::Muted:
    case Tone::Grid:
        return printStroke(Tone::Muted);
    case Tone::Error:
    case Tone::Today:
        return printStroke(tone);
    default:
        return printStroke(Tone::Ink);
    }
}

DiagramInks makePrint()
{
    DiagramInks inks;
    inks.setBackground(Qt::white);
    for (int i = 0; i < DiagramInks::toneCount; ++i) {
        const auto tone = DiagramItem::Tone(i);
        inks.set(tone, printStroke(tone), printFill(tone), printText(tone));
    }
    return inks;
}

} // namespace

const DiagramInks &DiagramInks::print()
{
    static const DiagramInks inks = makePrint();
    return inks;
}

void DiagramInks::set(DiagramItem::Tone tone, const QColor &stroke, const QColor &fill, const QColor &text)
{
    const auto i = std::size_t(tone);
    m_stroke[i] = stroke;
    m_fill[i] = fill;
    m_text[i] = text;
}

} // namespace jb
