#include "teststatusdelegate.h"

#include "unittesttreemodel.h"

namespace jb {

TestStatusDelegate::TestStatusDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QColor TestStatusDelegate::colorOf(int status)
{
    switch (UnitTestTreeModel::Status(status)) {
    case UnitTestTreeModel::Status::Passed:
        return {0x2e, 0x7d, 0x32};
    case UnitTestTreeModel::Status::Failed:
    case UnitTestTreeModel::Status::Error:
        return {0xc6, 0x28, 0x28};
    case UnitTestTreeModel::Status::Running:
        return {0x1e, 0x63, 0xb4};
    case UnitTestTreeModel::Status::NotRun:
        break;
    }
    return {0x75, 0x75, 0x75};
}

void TestStatusDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const int status = index.data(UnitTestTreeModel::StatusRole).toInt();
    option->palette.setColor(QPalette::Text, colorOf(status));
    if (status != int(UnitTestTreeModel::Status::NotRun))
        option->font.setBold(true);
}

} // namespace jb
