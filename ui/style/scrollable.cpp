#include "scrollable.h"

#include <QScrollArea>

namespace jb {

QScrollArea *scrollable(QWidget *content, QWidget *parent)
{
    auto *area = new QScrollArea(parent);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidgetResizable(true);
    area->setWidget(content);
    // the page draws on the window's background, as it did before it scrolled
    area->setBackgroundRole(QPalette::Window);
    area->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    return area;
}

} // namespace jb
