#include "scrollable.h"

#include <QLayout>
#include <QScrollArea>
#include <QVBoxLayout>

namespace jb {

namespace {

// QScrollArea asks content whose layout has a height for its width (any word-wrapped label) for
// its preferred height at the viewport's width, and scrolls when that is taller than the viewport:
// a page whose parts all fitted at their minimum still scrolled by a few pixels. The holder answers
// the least height the content's layout needs at that width instead, so the page scrolls only
// when it cannot be laid out whole.
class MinimumHeightHolder final : public QWidget
{
public:
    explicit MinimumHeightHolder(QWidget *content, QWidget *parent)
        : QWidget(parent)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins({});
        layout->addWidget(content);
    }

    int heightForWidth(int width) const override { return layout()->totalMinimumHeightForWidth(width); }
};

} // namespace

QScrollArea *scrollable(QWidget *content, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(new MinimumHeightHolder(content, area));
    // the page draws on the window's background, as it did before it scrolled
    area->setBackgroundRole(QPalette::Window);
    area->viewport()->setAutoFillBackground(false);
    area->widget()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    return area;
}

} // namespace jb
