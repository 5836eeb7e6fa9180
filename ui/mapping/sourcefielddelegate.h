#pragma once

#include <QStyledItemDelegate>

namespace jb {

// Picks a rule's provider field in the rules table: a combo of the source contract's fields (the
// model hands them over in MappingRulesModel::SourceChoicesRole), with an empty entry to unmap.
// The four-method delegate contract, all through Qt::EditRole.
class SourceFieldDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourceFieldDelegate)

public:
    explicit SourceFieldDelegate(QObject *parent = nullptr);

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(
        QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace jb
