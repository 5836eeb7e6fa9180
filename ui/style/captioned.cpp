#include "captioned.h"

#include <QLabel>
#include <QVBoxLayout>

namespace jb {

QWidget *captioned(const QString &caption, QWidget *content, QWidget *parent, int spacing)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(spacing);
    auto *label = new QLabel(caption, box);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    layout->addWidget(label);
    layout->addWidget(content, 1);
    return box;
}

} // namespace jb
