#pragma once

#include <QObject>
#include <QString>

class QUndoCommand;
class QWidget;

namespace jb {

class DocumentEditor;

// After an entity's name was edited, asks (default No, without blocking) whether its id, and so
// its file and every reference to it in other entities, should follow the new name; Yes renames
// them all, with the name edit itself, as one undoable edit (DocumentEditor::renameEntity).
class RenameOffer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RenameOffer)

public:
    RenameOffer(DocumentEditor *editor, QString kind, QWidget *dialogParent);

    // Asks about the entity at `row` of the kind, when its name makes another id than its own.
    void offer(int row);

private:
    // Renames the id; folds the name edit `nameEdit` into the same undo step while it is the last.
    void rename(const QString &oldId, const QString &newId, const QUndoCommand *nameEdit);

    DocumentEditor *m_editor;
    QString m_kind;
    QWidget *m_dialogParent;
};

} // namespace jb
