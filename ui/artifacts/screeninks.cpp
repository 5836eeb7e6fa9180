#include "screeninks.h"

#include "themecolors.h"

namespace jb {

DiagramInks ScreenInks::forPalette(const QPalette &palette)
{
    const DiagramInks &print = DiagramInks::print();
    if (!ThemeColors::isDark(palette))
        return print;
    const QColor page = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    DiagramInks inks;
    inks.setBackground(page);
    for (int i = 0; i < DiagramInks::toneCount; ++i) {
        const auto tone = DiagramItem::Tone(i);
        QColor fill = print.fill(tone);
        // a pale print fill becomes a dark tint of the tone's hue; a strong one (a bar that carries
        // white text) keeps its colour
        if (ThemeColors::luminance(fill) > 0.5)
            fill = ThemeColors::blend(page, print.stroke(tone), 0.3);
        QColor stroke = ThemeColors::readable(print.stroke(tone), page, 3.0);
        if (tone == DiagramItem::Tone::Grid) {
            // grid lines and bands stay quiet: a little of the text colour over the page
            stroke = ThemeColors::blend(page, text, 0.18);
            fill = ThemeColors::blend(page, text, 0.05);
        }
        const QColor ink = ThemeColors::readableOnAll(print.text(tone), {fill, page}, 4.5);
        inks.set(tone, stroke, fill, ink);
    }
    return inks;
}

} // namespace jb
