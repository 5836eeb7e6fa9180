#include "previewcolors.h"

#include "themecolors.h"

#include <algorithm>
#include <initializer_list>

namespace jb {

namespace {

// Readable on each of `backgrounds`: the hardest one decides.
QColor readableOnAll(QColor color, std::initializer_list<QColor> backgrounds, double ratio)
{
    for (int pass = 0; pass < 2; ++pass) {
        for (const QColor &background : backgrounds)
            color = ThemeColors::readable(color, background, ratio);
    }
    return color;
}

} // namespace

DocumentColors PreviewColors::forPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    if (!ThemeColors::isDark(palette)) {
        DocumentColors colors = DocumentColors::print();
        colors.stripe = palette.color(QPalette::AlternateBase);
        return colors;
    }
    const QColor text = palette.color(QPalette::Text);
    DocumentColors colors;
    colors.headerFill = ThemeColors::blend(base, text, 0.12);
    colors.stripe = palette.color(QPalette::AlternateBase) != base ? palette.color(QPalette::AlternateBase)
                                                                   : ThemeColors::blend(base, text, 0.05);
    colors.rule = ThemeColors::blend(base, text, 0.28);
    const auto fills = {base, colors.headerFill, colors.stripe};
    colors.ink = readableOnAll(text, fills, 7.0);
    colors.heading = readableOnAll(ThemeColors::blend(palette.color(QPalette::Link), text, 0.4), fills, 7.0);
    colors.muted = readableOnAll(ThemeColors::blend(text, base, 0.3), fills, 4.5);
    // the diagrams keep their paper colours: a light card under each
    colors.figurePaper = DocumentColors::print().stripe;
    return colors;
}

} // namespace jb
