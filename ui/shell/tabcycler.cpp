#include "tabcycler.h"

#include <QTabWidget>

namespace jb {

namespace {

int depthBelow(const QWidget *page, const QWidget *widget)
{
    int depth = 0;
    for (const QWidget *w = widget; w && w != page; w = w->parentWidget())
        ++depth;
    return depth;
}

} // namespace

QTabWidget *TabCycler::target(QWidget *page, QWidget *focus)
{
    if (!page)
        return nullptr;
    if (focus && page->isAncestorOf(focus)) {
        for (QWidget *w = focus; w && w != page; w = w->parentWidget()) {
            if (auto *tabs = qobject_cast<QTabWidget *>(w); tabs && tabs->isVisible() && tabs->count() > 1)
                return tabs;
        }
    }
    QTabWidget *outermost = nullptr;
    for (QTabWidget *tabs : page->findChildren<QTabWidget *>()) {
        if (!tabs->isVisible() || tabs->count() < 2)
            continue;
        if (!outermost || depthBelow(page, tabs) < depthBelow(page, outermost))
            outermost = tabs;
    }
    return outermost;
}

bool TabCycler::turn(QTabWidget *tabs, int step)
{
    if (!tabs || tabs->count() < 2)
        return false;
    const int count = tabs->count();
    int index = tabs->currentIndex();
    for (int tried = 1; tried < count; ++tried) {
        index = ((index + step) % count + count) % count;
        if (tabs->isTabEnabled(index)) {
            tabs->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

} // namespace jb
