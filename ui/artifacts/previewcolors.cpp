#include "previewcolors.h"

#include "themecolors.h"

namespace jb {

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
    colors.ink = ThemeColors::readableOnAll(text, fills, 7.0);
    colors.heading = ThemeColors::readableOnAll(
        ThemeColors::blend(palette.color(QPalette::Link), text, 0.4), fills, 7.0);
    colors.muted = ThemeColors::readableOnAll(ThemeColors::blend(text, base, 0.3), fills, 4.5);
    // the diagrams keep their paper colours: a light card under each
    colors.figurePaper = DocumentColors::print().stripe;
    return colors;
}

} // namespace jb
