#pragma once

#include "kindspec.h"

#include <QAbstractTableModel>
#include <QHash>

namespace jb {

class DocumentEditor;
class ProjectDocument;

// The entities of one kind as a table: one column per scalar or list field of the kind, edits
// going through DocumentEditor (undoable). Invalid values are kept, marked and explained through
// ProblemRole, never silently dropped.
class EntityTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityTableModel)

public:
    enum Role
    {
        ProblemRole = Qt::UserRole + 1, // QString: why the value is invalid ("" when it is fine)
        FieldKeyRole, // QString
        FieldTypeRole, // int (FieldType)
        ChoicesRole, // QStringList, for enum fields
        ReferenceKindRole, // QString, for references
        ReferenceChoicesRole, // QStringList: the ids a reference may name
        EntityIdRole, // QString
        ApplicableRole, // bool: the field applies to this row's type
        RowProblemCountRole, // int: problems anywhere in the entity (nested lists too)
        SortRole, // a value that sorts numbers as numbers
    };

    EntityTableModel(DocumentEditor *editor, const QString &kind, QObject *parent = nullptr);

    const KindSpec &kind() const { return m_kind; }
    const FieldSpec &fieldAt(int column) const { return m_columns.at(column); }
    int columnOf(const QString &key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Text for a value as shown in a cell, and the JSON a typed text stands for (nullopt: the
    // text cannot be that field's JSON type at all, e.g. letters for a port).
    static QString displayText(const FieldSpec &field, const QJsonValue &value);
    static std::optional<QJsonValue> parseText(const FieldSpec &field, const QString &text);

Q_SIGNALS:
    // The user gave the entity at `row` another name through setData (not an undo or a reload): the
    // view may offer to rename its id to match.
    void nameEdited(int row);

private:
    void connectDocument();
    const QHash<QString, QString> &problemsOf(int row) const;
    QString problemAt(int row, const QString &key) const;
    void invalidateProblems();

    DocumentEditor *m_editor;
    ProjectDocument *m_document;
    KindSpec m_kind;
    QList<FieldSpec> m_columns;
    mutable QHash<int, QHash<QString, QString>> m_problemCache;
};

} // namespace jb
