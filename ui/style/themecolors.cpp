#include "themecolors.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

double channel(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// The hue of each status, as it was drawn on a light base; dark themes get a lighter shade of it.
QColor baseHue(ThemeColors::Status status)
{
    switch (status) {
    case ThemeColors::Status::Ok:
        return QColor(0x2e, 0x7d, 0x32);
    case ThemeColors::Status::Warning:
        return QColor(0xa6, 0x52, 0x00);
    case ThemeColors::Status::Error:
        return QColor(0xc6, 0x28, 0x28);
    case ThemeColors::Status::Info:
        return QColor(0x1f, 0x5f, 0xb4);
    case ThemeColors::Status::Muted:
        break;
    }
    return QColor(0x6b, 0x72, 0x80);
}

QColor darkHue(ThemeColors::Status status)
{
    switch (status) {
    case ThemeColors::Status::Ok:
        return QColor(0x6c, 0xd0, 0x96);
    case ThemeColors::Status::Warning:
        return QColor(0xf2, 0xb4, 0x4c);
    case ThemeColors::Status::Error:
        return QColor(0xff, 0x8a, 0x80);
    case ThemeColors::Status::Info:
        return QColor(0x7c, 0xb8, 0xff);
    case ThemeColors::Status::Muted:
        break;
    }
    return QColor(0xa0, 0xa7, 0xb1);
}

} // namespace

double ThemeColors::luminance(const QColor &color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
}

double ThemeColors::contrast(const QColor &a, const QColor &b)
{
    // a translucent colour (Qt's default placeholder text is) is seen as it lands on `b`
    const QColor seen = a.alphaF() < 1.0 ? blend(b, QColor(a.red(), a.green(), a.blue()), a.alphaF()) : a;
    const double la = luminance(seen);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

bool ThemeColors::isDark(const QPalette &palette)
{
    return luminance(palette.color(QPalette::Base)) < 0.2;
}

QColor ThemeColors::blend(const QColor &a, const QColor &b, double t)
{
    const auto mix = [t](double x, double y) { return static_cast<float>(x * (1 - t) + y * t); };
    return QColor::fromRgbF(mix(a.redF(), b.redF()), mix(a.greenF(), b.greenF()), mix(a.blueF(), b.blueF()),
        mix(a.alphaF(), b.alphaF()));
}

QColor ThemeColors::readable(const QColor &color, const QColor &background, double ratio)
{
    if (contrast(color, background) >= ratio)
        return color;
    const QColor opaque = color.alphaF() < 1.0
        ? blend(background, QColor(color.red(), color.green(), color.blue()), color.alphaF())
        : color;
    // towards whichever end gives the background more contrast
    const QColor end = luminance(background) < 0.18 ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 1; step <= 20; ++step) {
        const QColor moved = blend(opaque, end, step / 20.0);
        if (contrast(moved, background) >= ratio)
            return moved;
    }
    return end;
}

QColor ThemeColors::readableOnAll(QColor color, std::initializer_list<QColor> backgrounds, double ratio)
{
    // a second pass: moving for one background may have cost another some contrast
    for (int pass = 0; pass < 2; ++pass) {
        for (const QColor &background : backgrounds)
            color = readable(color, background, ratio);
    }
    return color;
}

QColor ThemeColors::status(Status status, const QPalette &palette, const QColor &background)
{
    const QColor behind = background.isValid() ? background : palette.color(QPalette::Base);
    const QColor hue = luminance(behind) < 0.2 ? darkHue(status) : baseHue(status);
    return readable(hue, behind);
}

QColor ThemeColors::statusFill(Status status, const QPalette &palette)
{
    // white text sits on the fill: the light theme's darker hue works on either base
    Q_UNUSED(palette)
    return readable(baseHue(status), Qt::white, 4.5);
}

QColor ThemeColors::selectedCardFill(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor fill = blend(base, palette.color(QPalette::Highlight), isDark(palette) ? 0.35 : 0.2);
    return fill;
}

QString ThemeColors::css(const QColor &color)
{
    return color.name(QColor::HexRgb);
}

QString ThemeColors::span(Status status, const QPalette &palette, const QString &html)
{
    return u"<span style=\"color:%1\">%2</span>"_s.arg(
        css(ThemeColors::status(status, palette, palette.color(QPalette::Window))), html);
}

} // namespace jb
