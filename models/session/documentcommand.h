#pragma once

#include <QJsonObject>
#include <QUndoCommand>

#include <optional>

namespace jb {

class ProjectDocument;

// One undoable change to one entity: an insert (no `before`), a removal (no `after`) or a
// replacement of its JSON. Applying whole objects keeps undo exact, unknown keys included.
class DocumentCommand final : public QUndoCommand
{
public:
    DocumentCommand(ProjectDocument *document, QString kind, int row, std::optional<QJsonObject> before,
        std::optional<QJsonObject> after, const QString &text, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

private:
    void apply(const std::optional<QJsonObject> &from, const std::optional<QJsonObject> &to);

    ProjectDocument *m_document;
    QString m_kind;
    int m_row;
    std::optional<QJsonObject> m_before;
    std::optional<QJsonObject> m_after;
};

// An undoable change to journey.json (checklist, sign-offs, timeline, name).
class ManifestCommand final : public QUndoCommand
{
public:
    ManifestCommand(ProjectDocument *document, QJsonObject before, QJsonObject after, const QString &text);

    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    QJsonObject m_before;
    QJsonObject m_after;
};

} // namespace jb
