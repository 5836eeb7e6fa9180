#pragma once

#include "fieldspec.h"

#include <QHash>
#include <QStyledItemDelegate>

namespace jb {

// Edits and paints the cells of an entity or object-list table by their field's type: a combo box
// for enums and references, a spin box for ports and integers, a date editor for dates and a line
// edit (with the field's hint as placeholder) for the rest. A cell whose value has a problem
// (ProblemRole) gets a red frame and a warning icon; a cell whose field does not apply to the row
// (ApplicableRole false) is dimmed.
class FieldDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldDelegate)

public:
    // `fields` describe the columns (looked up by FieldKeyRole) for hints and required flags.
    explicit FieldDelegate(const QList<FieldSpec> &fields, QObject *parent = nullptr);

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(
        QWidget *editor, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The colour problems are marked with; readable on light and dark backgrounds.
    static QColor problemColor();

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const FieldSpec *fieldOf(const QModelIndex &index) const;

    QHash<QString, FieldSpec> m_fields;
};

} // namespace jb
