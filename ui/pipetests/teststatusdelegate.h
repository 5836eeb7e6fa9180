#pragma once

#include <QStyledItemDelegate>

namespace jb {

// The status column of the unit tests tree in its colour: passed green, failed and error red,
// running blue, not run grey; the text stays the model's.
class TestStatusDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TestStatusDelegate)

public:
    explicit TestStatusDelegate(QObject *parent = nullptr);

    static QColor colorOf(int status); // int(UnitTestTreeModel::Status)

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace jb
