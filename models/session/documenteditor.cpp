#include "documenteditor.h"

#include "documentcommand.h"
#include "fieldvalidator.h"
#include "journeyschema.h"
#include "projectdocument.h"
#include "referencerewriter.h"

#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace jb {

DocumentEditor::DocumentEditor(ProjectDocument *document, QUndoStack *stack)
    : m_document(document)
    , m_stack(stack)
{ }

void DocumentEditor::push(QUndoCommand *command)
{
    if (m_stack) {
        m_stack->push(command);
        return;
    }
    std::unique_ptr<QUndoCommand> owned(command);
    owned->redo();
}

void DocumentEditor::setField(const QString &kind, int row, const QString &key, const QJsonValue &value)
{
    const QJsonObject before = m_document->at(kind, row).data;
    QJsonObject after = before;
    if (value.isUndefined())
        after.remove(key);
    else
        after.insert(key, value);
    if (after == before)
        return;
    const KindSpec *spec = JourneySchema::kind(kind);
    const FieldSpec *field = spec ? spec->field(key) : nullptr;
    const QString label = field ? field->label : key;
    setEntity(kind, row, after, u"Edit %1 of %2"_s.arg(label, before.value(u"id"_s).toString()));
}

void DocumentEditor::setEntity(const QString &kind, int row, const QJsonObject &data, const QString &text)
{
    push(new DocumentCommand(m_document, kind, row, m_document->at(kind, row).data, data, text));
}

int DocumentEditor::addEntity(const QString &kind, QJsonObject seed)
{
    const KindSpec *spec = JourneySchema::kind(kind);
    const QString singular = spec ? spec->singular : kind;
    if (!seed.contains(u"name"_s))
        seed.insert(u"name"_s, QString(u"New "_s + singular.toLower()));
    seed.insert(
        u"id"_s, m_document->uniqueId(kind, seed.value(u"id"_s).toString(seed.value(u"name"_s).toString())));
    if (spec && !spec->discriminatorKey.isEmpty() && !seed.contains(spec->discriminatorKey))
        seed.insert(spec->discriminatorKey, spec->discriminatorValues.value(0));
    const int row = m_document->count(kind);
    push(new DocumentCommand(m_document, kind, row, std::nullopt, seed, u"Add %1"_s.arg(singular.toLower())));
    return row;
}

int DocumentEditor::duplicateEntity(const QString &kind, int row)
{
    QJsonObject copy = m_document->at(kind, row).data;
    copy.insert(u"name"_s, QString(copy.value(u"name"_s).toString() + u" (copy)"_s));
    copy.insert(u"id"_s, m_document->uniqueId(kind, copy.value(u"id"_s).toString()));
    const int newRow = row + 1;
    push(new DocumentCommand(
        m_document, kind, newRow, std::nullopt, copy, u"Duplicate %1"_s.arg(m_document->at(kind, row).id())));
    return newRow;
}

void DocumentEditor::removeEntities(const QString &kind, QList<int> rows)
{
    if (rows.isEmpty())
        return;
    // remove from the bottom up so the rows of the ones still to go stay valid
    std::sort(rows.begin(), rows.end(), std::greater<>());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const QString text = rows.size() == 1 ? u"Remove %1"_s.arg(m_document->at(kind, rows.first()).id())
                                          : u"Remove %1 entries"_s.arg(rows.size());
    auto *macro = new QUndoCommand(text);
    for (const int row : std::as_const(rows)) {
        auto *command = new DocumentCommand(
            m_document, kind, row, m_document->at(kind, row).data, std::nullopt, text, macro);
        Q_UNUSED(command)
    }
    push(macro);
}

QString DocumentEditor::renamedId(const QString &kind, int row, const QString &base) const
{
    const QString current = m_document->at(kind, row).id();
    // uniqueId counts the entity itself as taking its own id
    return ProjectDocument::idStem(kind, base) == current ? current : m_document->uniqueId(kind, base);
}

QStringList DocumentEditor::referrers(const QString &kind, const QString &id) const
{
    QStringList result;
    for (const EntityRecord &record : m_document->allEntities()) {
        if (!(record.kind == kind && record.id() == id)
            && ReferenceRewriter::rewrite(record, kind, id, id + u'~'))
            result.append(record.kind + u'/' + record.id());
    }
    return result;
}

bool DocumentEditor::renameEntity(
    const QString &kind, int row, const QString &newId, const std::optional<QString> &name)
{
    const EntityRecord &record = m_document->at(kind, row);
    const QString oldId = record.id();
    if (newId == oldId || !FieldValidator::isId(newId) || m_document->uniqueId(kind, newId) != newId)
        return false;
    auto *macro = new QUndoCommand(u"Rename %1 to %2"_s.arg(oldId, newId));
    QJsonObject renamed = record.data;
    renamed.insert(u"id"_s, newId);
    if (name)
        renamed.insert(u"name"_s, *name);
    new DocumentCommand(m_document, kind, row, record.data, renamed, macro->text(), macro);
    for (const KindSpec &spec : JourneySchema::kinds()) {
        const QList<EntityRecord> records = m_document->entities(spec.kind);
        for (int at = 0; at < records.size(); ++at) {
            if (spec.kind == kind && at == row)
                continue;
            if (std::optional<QJsonObject> rewritten
                = ReferenceRewriter::rewrite(records.at(at), kind, oldId, newId))
                new DocumentCommand(
                    m_document, spec.kind, at, records.at(at).data, *rewritten, macro->text(), macro);
        }
    }
    push(macro);
    return true;
}

void DocumentEditor::setManifest(const QJsonObject &manifest, const QString &text)
{
    if (manifest == m_document->manifest())
        return;
    push(new ManifestCommand(m_document, m_document->manifest(), manifest, text));
}

} // namespace jb
