#pragma once

#include <QStyledItemDelegate>

namespace jb {

// The cells of a checklist: the status as a coloured dot before its label (grey open, amber in
// progress, green done, faint not applicable), edited with a combo box of the model's labels; an
// unsigned item that the journey wants signed says so in its sign-off cell.
class ChecklistDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistDelegate)

public:
    explicit ChecklistDelegate(QObject *parent = nullptr);

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(
        QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QColor statusColor(int status);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    void commitAndClose();
};

} // namespace jb
