#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace jb {

// Choosers for the fault table's route and kind cells (the other cells use the default editors):
// the four-method delegate contract, through Qt::EditRole.
class FaultRuleDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultRuleDelegate)

public:
    // `routes` lists the mock's route keys when an editor opens, so new routes are offered too.
    explicit FaultRuleDelegate(std::function<QStringList()> routes, QObject *parent = nullptr);

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(
        QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    std::function<QStringList()> m_routes;
};

} // namespace jb
