#include "documentcommand.h"

#include "projectdocument.h"

namespace jb {

DocumentCommand::DocumentCommand(ProjectDocument *document, QString kind, int row,
    std::optional<QJsonObject> before, std::optional<QJsonObject> after, const QString &text,
    QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
    , m_kind(std::move(kind))
    , m_row(row)
    , m_before(std::move(before))
    , m_after(std::move(after))
{ }

void DocumentCommand::redo()
{
    apply(m_before, m_after);
}

void DocumentCommand::undo()
{
    apply(m_after, m_before);
}

void DocumentCommand::apply(const std::optional<QJsonObject> &from, const std::optional<QJsonObject> &to)
{
    if (from && to)
        m_document->replace(m_kind, m_row, *to);
    else if (to)
        m_document->insert(m_kind, m_row, *to);
    else if (from)
        m_document->remove(m_kind, m_row);
}

ManifestCommand::ManifestCommand(
    ProjectDocument *document, QJsonObject before, QJsonObject after, const QString &text)
    : QUndoCommand(text)
    , m_document(document)
    , m_before(std::move(before))
    , m_after(std::move(after))
{ }

void ManifestCommand::redo()
{
    m_document->setManifest(m_after);
}

void ManifestCommand::undo()
{
    m_document->setManifest(m_before);
}

} // namespace jb
