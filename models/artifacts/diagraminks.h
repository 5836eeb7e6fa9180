#pragma once

#include "diagramitem.h"

#include <QColor>

#include <array>
#include <cstddef>

namespace jb {

// The colours a diagram's tones are drawn in: a stroke, a fill and a text colour per tone, and the
// background behind them all. print() is the set on white that every exported file (PDF, SVG, PNG)
// uses; a screen view derives its own from its palette, so a dark theme draws the same marks,
// with the same meaning, in colours that read on a dark page.
class DiagramInks final
{
public:
    static constexpr int toneCount = int(DiagramItem::Tone::Today) + 1;

    static const DiagramInks &print();

    QColor background() const { return m_background; }
    QColor stroke(DiagramItem::Tone tone) const { return m_stroke[std::size_t(tone)]; }
    QColor fill(DiagramItem::Tone tone) const { return m_fill[std::size_t(tone)]; }
    QColor text(DiagramItem::Tone tone) const { return m_text[std::size_t(tone)]; }

    void setBackground(const QColor &color) { m_background = color; }
    void set(DiagramItem::Tone tone, const QColor &stroke, const QColor &fill, const QColor &text);

private:
    QColor m_background = Qt::white;
    std::array<QColor, toneCount> m_stroke{};
    std::array<QColor, toneCount> m_fill{};
    std::array<QColor, toneCount> m_text{};
};

} // namespace jb
