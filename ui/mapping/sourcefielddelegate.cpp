#include "sourcefielddelegate.h"

#include "mappingrulesmodel.h"

#include <QComboBox>

using namespace Qt::StringLiterals;

namespace jb {

SourceFieldDelegate::SourceFieldDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QWidget *SourceFieldDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    auto *combo = new QComboBox(parent);
    combo->setObjectName(u"sourceFieldEditor"_s);
    combo->addItem(u"(none)"_s, QString());
    for (const QString &field : index.data(MappingRulesModel::SourceChoicesRole).toStringList())
        combo->addItem(field, field);
    combo->setMaxVisibleItems(20);
    // a choice is a decision: commit it at once rather than when focus leaves
    connect(combo, &QComboBox::activated, this, [this, combo] {
        auto *self = const_cast<SourceFieldDelegate *>(this);
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void SourceFieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    const int found = combo->findData(index.data(Qt::EditRole).toString());
    combo->setCurrentIndex(found < 0 ? 0 : found);
}

void SourceFieldDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::EditRole);
}

void SourceFieldDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

} // namespace jb
