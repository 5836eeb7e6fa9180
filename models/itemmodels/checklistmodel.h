#pragma once

#include "checklist.h"

#include <QAbstractTableModel>

#include <optional>

namespace jb {

class DocumentEditor;
class ProjectDocument;

// One phase's checklist as a table: item, status, owner, evidence, sign-off. Status, owner and
// evidence are edited in place; sign-off through signOff()/clearSignoff(). Edits are undoable.
class ChecklistModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChecklistModel)

public:
    enum Column
    {
        TitleColumn,
        StatusColumn,
        OwnerColumn,
        EvidenceColumn,
        SignoffColumn,
        ColumnCount
    };
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1,
        StatusRole, // int (ChecklistItem::Status)
        CompleteRole, // bool
        NeedsSignoffRole, // bool
        StatusChoicesRole, // QStringList of status labels, in enum order
    };

    ChecklistModel(DocumentEditor *editor, Phase phase, QObject *parent = nullptr);

    Phase phase() const { return m_phase; }
    ChecklistItem item(int row) const;
    Completion completion() const;

    void signOff(int row, const Signoff &signoff);
    void clearSignoff(int row);
    int addCustomItem(const QString &title);
    void removeCustomItem(int row); // only items the user added

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    void writeItem(const ChecklistItem &item, const QString &text);
    // Re-reads the items after a manifest change, announcing an added or removed item as such.
    void refresh();
    static std::optional<ChecklistItem::Status> parseStatus(const QVariant &value);

    DocumentEditor *m_editor;
    ProjectDocument *m_document;
    Phase m_phase;
    QList<ChecklistItem> m_items; // cached from the manifest, refreshed on manifestChanged
};

} // namespace jb
