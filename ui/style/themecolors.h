#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

#include <initializer_list>

namespace jb {

// Colours that follow the palette, light or dark: what delegates, rich-text labels and charts use
// instead of fixed RGB values, so that View > Theme > Dark never leaves dark ink on a dark base.
// Status colours are hues that read as "good", "warning", "bad"; each is darkened or lightened
// until it meets the WCAG contrast asked for against the background it is drawn on.
class ThemeColors final
{
public:
    enum class Status
    {
        Ok,
        Warning,
        Error,
        Info,
        Muted,
    };

    // WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1 .. 21) of `a` drawn
    // on `b` (a translucent `a` is blended onto `b` first).
    static double luminance(const QColor &color);
    static double contrast(const QColor &a, const QColor &b);

    static bool isDark(const QPalette &palette);
    // `a` mixed with `b`: t = 0 gives `a`, t = 1 gives `b`.
    static QColor blend(const QColor &a, const QColor &b, double t);
    // `color` moved towards black or white (away from `background`) until its contrast with
    // `background` is at least `ratio`; unchanged when it already is (a translucent colour that
    // must move is made opaque first).
    static QColor readable(const QColor &color, const QColor &background, double ratio = 4.5);
    // `color` made readable on each of `backgrounds` (text that crosses fills): the hardest decides.
    static QColor readableOnAll(QColor color, std::initializer_list<QColor> backgrounds, double ratio = 4.5);

    // A status colour for text drawn on `palette`'s Base (or `background`, when given).
    static QColor status(Status status, const QPalette &palette, const QColor &background = {});
    // A status colour to fill a badge, dot or bar with: the hue itself, text on it is white.
    static QColor statusFill(Status status, const QPalette &palette);
    // The fill of a selected card that keeps the palette's Text readable on it (a tint of the
    // highlight over Base, not the highlight itself).
    static QColor selectedCardFill(const QPalette &palette);

    // "#rrggbb", for rich text and style sheets.
    static QString css(const QColor &color);
    // `<span style="color:…">text</span>` in `status`'s colour for `palette`'s Window background.
    static QString span(Status status, const QPalette &palette, const QString &html);
};

} // namespace jb
