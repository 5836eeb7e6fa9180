#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class QUndoCommand;
class QUndoStack;

namespace jb {

class ProjectDocument;

// Every edit of the document goes through here, so that each one is undoable (when a stack is
// given) and named for the Edit menu. Views, forms and tests share it.
class DocumentEditor final
{
public:
    DocumentEditor(ProjectDocument *document, QUndoStack *stack);

    ProjectDocument *document() const { return m_document; }
    QUndoStack *undoStack() const { return m_stack; }

    // Sets (or, with an undefined value, removes) one key of an entity.
    void setField(const QString &kind, int row, const QString &key, const QJsonValue &value);
    void setEntity(const QString &kind, int row, const QJsonObject &data, const QString &text);
    // Adds an entity with a fresh id at the end; returns its row.
    int addEntity(const QString &kind, QJsonObject seed = {});
    int duplicateEntity(const QString &kind, int row);
    void removeEntities(const QString &kind, QList<int> rows);
    void setManifest(const QJsonObject &manifest, const QString &text);

    // The id a rename of (kind, row) to `base` (a name, or an id) would give: made from it, and
    // unique in the project; the entity's own id when that is what `base` makes.
    QString renamedId(const QString &kind, int row, const QString &base) const;
    // The other entities that name (kind, id), as "kind/id" (what a rename of it rewrites).
    QStringList referrers(const QString &kind, const QString &id) const;
    // Renames the entity's id to `newId` (so its file) and every reference to it in other entities
    // (ReferenceRewriter), as one undoable edit. False (and nothing done) when `newId` is not a
    // free, valid id. A `name` is set in the same edit, so that a new name and the id made from it
    // are undone together.
    bool renameEntity(const QString &kind, int row, const QString &newId,
        const std::optional<QString> &name = std::nullopt);

private:
    void push(QUndoCommand *command);

    ProjectDocument *m_document;
    QUndoStack *m_stack;
};

} // namespace jb
