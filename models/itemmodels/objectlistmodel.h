#pragma once

#include "fieldspec.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonArray>

#include <optional>

namespace jb {

class DocumentEditor;
class ProjectDocument;

// The items of one object-list field of one entity (a server's ports, a contract's fields, a
// VPN's contacts) as an editable table, one column per item field. Follows the entity the caller
// selects with setEntity(); edits are undoable through DocumentEditor.
class ObjectListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ObjectListModel)

public:
    enum Role
    {
        ProblemRole = Qt::UserRole + 1, // QString, as in EntityTableModel
        FieldKeyRole,
        FieldTypeRole,
        ChoicesRole,
        SortRole,
    };

    ObjectListModel(
        DocumentEditor *editor, const QString &kind, const QString &listKey, QObject *parent = nullptr);

    const FieldSpec &listField() const { return m_list; }
    void setEntity(const QString &id); // "" shows nothing
    QString entityId() const { return m_entityId; }

    int addItem(); // returns the new row
    void duplicateItem(int row);
    void removeItems(QList<int> rows);
    void moveItem(int from, int to);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void connectDocument();
    int entityRow() const;
    QJsonArray items() const;
    void setItems(const QJsonArray &items, const QString &text);
    // Brings m_items in line with the document, announcing the difference as an insertion, a
    // removal, a change or (when it is none of those) a reset.
    void sync();
    const QHash<QString, QString> &problems() const;
    void invalidateProblems();
    std::optional<QJsonValue> parseValue(const FieldSpec &field, const QVariant &value) const;

    DocumentEditor *m_editor;
    ProjectDocument *m_document;
    QString m_kind;
    FieldSpec m_list;
    QString m_entityId;
    int m_entityRow = -1; // followed through inserts and removals, so that a renamed id is kept
    QJsonArray m_items; // what the views were last told; the document may be ahead of it
    mutable std::optional<QHash<QString, QString>> m_problems; // pointer -> message
};

} // namespace jb
