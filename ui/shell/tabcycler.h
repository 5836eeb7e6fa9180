#pragma once

class QTabWidget;
class QWidget;

namespace jb {

// Ctrl+Tab and Ctrl+Shift+Tab on a page: the tab widget they turn is the innermost one around the
// focus, or the page's outermost one when the focus is elsewhere (the navigator, the toolbar).
class TabCycler final
{
public:
    // The tab widget of `page` that `focus` should turn; nullptr when the page has none visible.
    static QTabWidget *target(QWidget *page, QWidget *focus);
    // Moves `tabs` by `step` (+1 next, -1 previous), wrapping and skipping disabled tabs.
    // False when there is no other tab to go to.
    static bool turn(QTabWidget *tabs, int step);
};

} // namespace jb
