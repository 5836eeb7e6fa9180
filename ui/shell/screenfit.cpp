#include "screenfit.h"

#include <QScreen>
#include <QWidget>
#include <QWindow>

#include <algorithm>

namespace jb {

QRect ScreenFit::fit(
    const QRect &geometry, const QMargins &frame, const QRect &available, const QSize &minimum)
{
    const QSize room(
        available.width() - frame.left() - frame.right(), available.height() - frame.top() - frame.bottom());
    const QSize size(std::max(std::min(geometry.width(), room.width()), minimum.width()),
        std::max(std::min(geometry.height(), room.height()), minimum.height()));
    // the frame's top-left corner inside the available area, as far as the size allows
    const int left = std::clamp(geometry.left() - frame.left(), available.left(),
        std::max(available.left(), available.right() + 1 - size.width() - frame.left() - frame.right()));
    const int top = std::clamp(geometry.top() - frame.top(), available.top(),
        std::max(available.top(), available.bottom() + 1 - size.height() - frame.top() - frame.bottom()));
    return QRect(QPoint(left + frame.left(), top + frame.top()), size);
}

void ScreenFit::apply(QWidget *window)
{
    if (window->isMaximized() || window->isFullScreen())
        return; // the window system keeps those on the screen
    const QScreen *screen = window->screen();
    if (!screen)
        return;
    // before a window is shown Qt knows nothing of its frame: assume a title bar and thin borders
    QMargins frame(4, 30, 4, 4);
    if (window->windowHandle() && window->isVisible())
        frame = window->windowHandle()->frameMargins();
    const QRect available = screen->availableGeometry();
    const QRect fitted = fit(window->geometry(), frame, available, window->minimumSize());
    if (fitted != window->geometry())
        window->setGeometry(fitted);
}

} // namespace jb
