#include "checklistdelegate.h"

#include "checklistmodel.h"

#include <QComboBox>
#include <QPainter>
#include <QPixmap>

using namespace Qt::StringLiterals;

namespace jb {

ChecklistDelegate::ChecklistDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QColor ChecklistDelegate::statusColor(int status)
{
    switch (static_cast<ChecklistItem::Status>(status)) {
    case ChecklistItem::Status::InProgress:
        return QColor(0xe0, 0x9b, 0x2d);
    case ChecklistItem::Status::Done:
        return QColor(0x2e, 0x9d, 0x5b);
    case ChecklistItem::Status::NotApplicable:
        return QColor(0x9a, 0xa4, 0xae, 0x90);
    default:
        return QColor(0x8a, 0x94, 0x9e);
    }
}

QWidget *ChecklistDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() != ChecklistModel::StatusColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto *combo = new QComboBox(parent);
    combo->setFrame(false);
    const QStringList labels = index.data(ChecklistModel::StatusChoicesRole).toStringList();
    for (qsizetype i = 0; i < labels.size(); ++i) {
        QPixmap dot(12, 12);
        dot.fill(Qt::transparent);
        QPainter painter(&dot);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(statusColor(static_cast<int>(i)));
        painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
        painter.end();
        combo->addItem(QIcon(dot), labels.at(i), static_cast<int>(i));
    }
    // a choice made is a choice committed: no need to leave the cell first
    connect(combo, &QComboBox::activated, this, &ChecklistDelegate::commitAndClose);
    return combo;
}

void ChecklistDelegate::commitAndClose()
{
    if (auto *combo = qobject_cast<QComboBox *>(sender())) {
        Q_EMIT commitData(combo);
        Q_EMIT closeEditor(combo);
    }
}

void ChecklistDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo || index.column() != ChecklistModel::StatusColumn) {
        QStyledItemDelegate::setEditorData(editor, index);
        return;
    }
    combo->setCurrentIndex(combo->findData(index.data(ChecklistModel::StatusRole).toInt()));
}

void ChecklistDelegate::setModelData(
    QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    auto *combo = qobject_cast<QComboBox *>(editor);
    if (!combo || index.column() != ChecklistModel::StatusColumn) {
        QStyledItemDelegate::setModelData(editor, model, index);
        return;
    }
    model->setData(index, combo->currentData(), Qt::EditRole);
}

void ChecklistDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    editor->setGeometry(option.rect);
}

void ChecklistDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() == ChecklistModel::SignoffColumn) {
        if (option->text.isEmpty() && index.data(ChecklistModel::NeedsSignoffRole).toBool()) {
            option->text = u"sign-off required"_s;
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
        }
        return;
    }
    if (index.column() != ChecklistModel::StatusColumn)
        return;
    const QVariant status = index.data(ChecklistModel::StatusRole);
    if (!status.isValid())
        return;
    const qreal ratio = option->widget ? option->widget->devicePixelRatioF() : 1.0;
    QPixmap dot(QSize(12, 12) * ratio);
    dot.setDevicePixelRatio(ratio);
    dot.fill(Qt::transparent);
    QPainter painter(&dot);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(statusColor(status.toInt()));
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    painter.end();
    option->icon = QIcon(dot);
    option->decorationSize = QSize(12, 12);
    option->features |= QStyleOptionViewItem::HasDecoration;
}

} // namespace jb
