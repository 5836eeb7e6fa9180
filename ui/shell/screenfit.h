#pragma once

#include <QMargins>
#include <QRect>

class QWidget;

namespace jb {

// Keeps a top-level window on its screen: a default size or a geometry restored from another
// (larger, or differently scaled) screen must not open larger than the available area or
// partly off it.
class ScreenFit final
{
public:
    // The client geometry for a window now at `geometry` whose frame adds `frame`, such that the
    // frame lies inside `available`: shrunk to fit (never below `minimum`), then moved inside.
    static QRect fit(
        const QRect &geometry, const QMargins &frame, const QRect &available, const QSize &minimum = {});
    // Applies fit() to `window` on its screen, with its frame's margins once it has a native
    // window (an estimate of a title bar and borders before).
    static void apply(QWidget *window);
};

} // namespace jb
