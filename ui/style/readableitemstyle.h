#pragma once

#include <QProxyStyle>

namespace jb {

// The application's style with one correction: an item view's text is drawn at a readable contrast
// with the cell behind it. Models give status colours (a red error, a green "ok", a grey n/a) chosen
// for a light page; on a dark base, or on a tinted cell, such a colour is moved towards white or
// black until it reads, keeping its hue. Selected cells use the palette's HighlightedText as always.
class ReadableItemStyle final : public QProxyStyle
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReadableItemStyle)

public:
    // Takes ownership of `base` (as QProxyStyle does).
    explicit ReadableItemStyle(QStyle *base);

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
        const QWidget *widget = nullptr) const override;

    // The contrast a cell's text keeps with its background (WCAG AA for normal text).
    static constexpr double minimumContrast = 4.5;
};

} // namespace jb
