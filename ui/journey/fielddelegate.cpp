#include "fielddelegate.h"

#include "entitytablemodel.h"
#include "objectlistmodel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPainter>
#include <QSpinBox>

#include <limits>

using namespace Qt::StringLiterals;

namespace jb {

// One delegate serves both table models: their shared roles have the same numbers.
static_assert(int(EntityTableModel::ProblemRole) == int(ObjectListModel::ProblemRole));
static_assert(int(EntityTableModel::FieldKeyRole) == int(ObjectListModel::FieldKeyRole));
static_assert(int(EntityTableModel::FieldTypeRole) == int(ObjectListModel::FieldTypeRole));
static_assert(int(EntityTableModel::ChoicesRole) == int(ObjectListModel::ChoicesRole));

namespace {

constexpr int emptyNumber = -1; // the spin boxes' "no value" position, shown as a dash
const QString emptyText = u"—"_s;

FieldType typeOf(const QModelIndex &index)
{
    const QVariant type = index.data(EntityTableModel::FieldTypeRole);
    return type.isValid() ? static_cast<FieldType>(type.toInt()) : FieldType::Text;
}

bool isApplicable(const QModelIndex &index)
{
    const QVariant applicable = index.data(EntityTableModel::ApplicableRole);
    return !applicable.isValid() || applicable.toBool();
}

QString problemOf(const QModelIndex &index)
{
    return isApplicable(index) ? index.data(EntityTableModel::ProblemRole).toString() : QString();
}

} // namespace

FieldDelegate::FieldDelegate(const QList<FieldSpec> &fields, QObject *parent)
    : QStyledItemDelegate(parent)
{
    for (const FieldSpec &field : fields)
        m_fields.insert(field.key, field);
}

const FieldSpec *FieldDelegate::fieldOf(const QModelIndex &index) const
{
    const auto it = m_fields.constFind(index.data(EntityTableModel::FieldKeyRole).toString());
    return it == m_fields.constEnd() ? nullptr : &it.value();
}

QColor FieldDelegate::problemColor()
{
    return QColor(0xe0, 0x3e, 0x3e);
}

QWidget *FieldDelegate::createEditor(
    QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(option)
    const FieldSpec *field = fieldOf(index);
    const bool required = field && field->required;
    switch (typeOf(index)) {
    case FieldType::Bool:
    case FieldType::LongText:
    case FieldType::ObjectList:
        return nullptr; // a check box, or edited beside the table
    case FieldType::Enum: {
        auto *combo = new QComboBox(parent);
        if (!required)
            combo->addItem(QString());
        combo->addItems(index.data(EntityTableModel::ChoicesRole).toStringList());
        combo->setFrame(false);
        return combo;
    }
    case FieldType::Reference: {
        auto *combo = new QComboBox(parent);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        if (!required)
            combo->addItem(QString());
        combo->addItems(index.data(EntityTableModel::ReferenceChoicesRole).toStringList());
        combo->setFrame(false);
        return combo;
    }
    case FieldType::Port:
    case FieldType::Integer: {
        auto *spin = new QSpinBox(parent);
        const bool port = typeOf(index) == FieldType::Port;
        // the lowest position stands for "no value": ports start at 1, counts at 0
        spin->setRange(port ? 0 : emptyNumber, port ? 65535 : std::numeric_limits<int>::max());
        spin->setSpecialValueText(emptyText);
        spin->setFrame(false);
        spin->setAccelerated(true);
        return spin;
    }
    case FieldType::Date: {
        auto *date = new QDateEdit(parent);
        date->setDisplayFormat(u"yyyy-MM-dd"_s);
        date->setCalendarPopup(true);
        date->setMinimumDate(QDate(1999, 12, 31));
        date->setSpecialValueText(emptyText);
        date->setFrame(false);
        return date;
    }
    default: {
        auto *line = new QLineEdit(parent);
        line->setFrame(false);
        if (field && !field->hint.isEmpty())
            line->setPlaceholderText(field->hint);
        else if (field && field->isList())
            line->setPlaceholderText(u"comma-separated"_s);
        return line;
    }
    }
}

void FieldDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        const QString text = value.toString();
        const int at = combo->findText(text);
        if (at >= 0)
            combo->setCurrentIndex(at);
        else if (combo->isEditable())
            combo->setEditText(text);
        else if (!text.isEmpty()) {
            combo->addItem(text); // a value from a hand edit: keep it selectable, it is marked invalid
            combo->setCurrentIndex(combo->count() - 1);
        }
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.isNull() ? spin->minimum() : value.toInt());
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        const QDate parsed = QDate::fromString(value.toString(), Qt::ISODate);
        date->setDate(parsed.isValid() ? parsed : date->minimumDate());
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value.toString());
    }
}

void FieldDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentText().trimmed(), Qt::EditRole);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->interpretText();
        const bool empty = spin->value() == spin->minimum();
        model->setData(index, empty ? QVariant() : QVariant(qlonglong(spin->value())), Qt::EditRole);
    } else if (auto *date = qobject_cast<QDateEdit *>(editor)) {
        const bool empty = date->date() == date->minimumDate();
        model->setData(index, empty ? QString() : date->date().toString(Qt::ISODate), Qt::EditRole);
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        model->setData(index, line->text(), Qt::EditRole);
    }
}

void FieldDelegate::updateEditorGeometry(
    QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    editor->setGeometry(option.rect);
}

void FieldDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!isApplicable(index)) {
        const QColor dim = option->palette.color(QPalette::Disabled, QPalette::Text);
        option->palette.setColor(QPalette::Text, dim);
        option->palette.setColor(QPalette::HighlightedText, dim);
        return;
    }
    if (!problemOf(index).isEmpty()) {
        const QStyle *style = option->widget ? option->widget->style() : QApplication::style();
        option->icon = style->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, option->widget);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationPosition = QStyleOptionViewItem::Right;
        const int icon = style->pixelMetric(QStyle::PM_SmallIconSize, nullptr, option->widget);
        option->decorationSize = QSize(icon, icon);
    }
}

void FieldDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const bool applicable = isApplicable(index);
    const bool problem = !problemOf(index).isEmpty();
    if (!applicable) {
        // a faint wash says "not used for this row's type" without hiding the grid
        QColor wash = option.palette.color(QPalette::WindowText);
        wash.setAlpha(18);
        painter->fillRect(option.rect, wash);
    } else if (problem) {
        QColor wash = problemColor();
        wash.setAlpha(option.state & QStyle::State_Selected ? 70 : 38);
        painter->fillRect(option.rect, wash);
    }
    QStyledItemDelegate::paint(painter, option, index);
    if (problem) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        QPen pen(problemColor());
        pen.setWidth(1);
        painter->setPen(pen);
        painter->drawRect(option.rect.adjusted(0, 0, -1, -1));
        painter->fillRect(
            QRect(option.rect.left(), option.rect.bottom() - 1, option.rect.width(), 2), problemColor());
        painter->restore();
    }
}

QSize FieldDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += 8;
    size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
    return size;
}

} // namespace jb
