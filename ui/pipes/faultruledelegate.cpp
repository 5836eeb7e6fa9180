#include "faultruledelegate.h"

#include "faultrule.h"
#include "faultrulesmodel.h"

#include <QComboBox>

using namespace Qt::StringLiterals;

namespace jb {

FaultRuleDelegate::FaultRuleDelegate(std::function<QStringList()> routes, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_routes(std::move(routes))
{ }

QWidget *FaultRuleDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == FaultRulesModel::RouteColumn) {
        auto *box = new QComboBox(parent);
        box->setEditable(true);
        box->addItem(QString(FaultRule::anyRoute));
        box->addItems(m_routes ? m_routes() : QStringList());
        return box;
    }
    if (index.column() == FaultRulesModel::KindColumn) {
        auto *box = new QComboBox(parent);
        for (FaultKind kind : allFaultKinds())
            box->addItem(faultKindName(kind));
        return box;
    }
    return QStyledItemDelegate::createEditor(parent, option, index);
}

void FaultRuleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        const QString text = index.data(Qt::EditRole).toString();
        const int at = box->findText(text);
        if (at >= 0)
            box->setCurrentIndex(at);
        else
            box->setEditText(text);
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void FaultRuleDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *box = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, box->currentText(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

void FaultRuleDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    editor->setGeometry(option.rect);
}

} // namespace jb
