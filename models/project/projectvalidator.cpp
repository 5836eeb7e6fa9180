#include "projectvalidator.h"

#include "core/jsonsourcemap.h"
#include "entitychecker.h"
#include "journeyschema.h"
#include "projectdocument.h"
#include "projectformat.h"

#include <QDir>
#include <QJsonArray>
#include <QSet>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// The ids of each kind that references point at, gathered once per kind across one validation: a
// reference is then a lookup, not a scan of every entity of its kind (a thousand endpoints naming
// their servers were a million id comparisons).
class ReferenceTargets final
{
public:
    explicit ReferenceTargets(const ProjectDocument &document)
        : m_document(document)
    { }

    bool exists(const QString &kind, const QString &id)
    {
        auto ids = m_idsByKind.find(kind);
        if (ids == m_idsByKind.end()) {
            QSet<QString> all;
            for (const EntityRecord &record : m_document.entities(kind))
                all.insert(record.id());
            ids = m_idsByKind.insert(kind, all);
        }
        return ids->contains(id);
    }

private:
    const ProjectDocument &m_document;
    QHash<QString, QSet<QString>> m_idsByKind;
};

void checkReferences(ReferenceTargets &targets, const QList<FieldSpec> &fields, const QJsonObject &object,
    const QString &pointer, QList<FieldProblem> &problems)
{
    for (const FieldSpec &field : fields) {
        const QString here = pointer + u'/' + field.key;
        const QJsonValue value = object.value(field.key);
        auto check = [&](const QString &id, const QString &at) {
            if (id.isEmpty() || targets.exists(field.referenceKind, id))
                return;
            const KindSpec *target = JourneySchema::kind(field.referenceKind);
            problems.append({at,
                u"%1 \"%2\" does not exist"_s.arg(
                    target ? target->singular.toLower() : field.referenceKind, id)});
        };
        if (field.type == FieldType::Reference) {
            check(value.toString(), here);
        } else if (field.type == FieldType::ReferenceList) {
            const QJsonArray ids = value.toArray();
            for (qsizetype i = 0; i < ids.size(); ++i)
                check(ids.at(i).toString(), here + u'/' + QString::number(i));
        } else if (field.type == FieldType::ObjectList) {
            const QJsonArray items = value.toArray();
            for (qsizetype i = 0; i < items.size(); ++i)
                checkReferences(targets, field.itemFields, items.at(i).toObject(),
                    here + u'/' + QString::number(i), problems);
        }
    }
}

// An authentication that needs a secret, with none named: the probe would only fail when it runs.
// mTLS takes a client certificate, not a secret; "none" takes nothing.
void checkSecretNamed(const KindSpec &kind, const QJsonObject &object, QList<FieldProblem> &problems)
{
    const FieldSpec *authField = kind.field(u"auth"_s);
    const FieldSpec *secretField = kind.field(u"secret"_s);
    const QString variant = kind.discriminatorOf(object);
    if (!authField || !secretField || !authField->appliesTo(variant) || !secretField->appliesTo(variant))
        return;
    const QString auth = object.value(u"auth"_s).toString();
    if (auth.isEmpty() || auth == u"none" || auth == u"mtls")
        return;
    if (!object.value(u"secret"_s).toString().trimmed().isEmpty())
        return;
    problems.append({u"/secret"_s,
        u"authentication is \"%1\" but no secret is named: name the keychain entry that holds it, "
        "or the probe fails when it runs"_s.arg(auth),
        true});
}

// The files of one folder by id, in kind order then row order (the order the problems are told in).
// The id must be unique within its folder (VPNs and endpoints share one): built once per folder,
// it makes the duplicate check a lookup instead of a scan of every sibling.
using PathsById = QHash<QString, QStringList>;

PathsById pathsById(const ProjectDocument &document, const QString &folder)
{
    PathsById paths;
    for (const KindSpec &kind : JourneySchema::kinds()) {
        if (kind.folder != folder)
            continue;
        for (const EntityRecord &record : document.entities(kind.kind))
            paths[record.id()].append(record.path);
    }
    return paths;
}

// `byFolder` caches pathsById() per folder, and `targets` the ids, across the records of one
// validation.
QList<FieldProblem> problemsOf(const ProjectDocument &document, const EntityRecord &record,
    QHash<QString, PathsById> &byFolder, ReferenceTargets &targets)
{
    const KindSpec *kind = JourneySchema::kind(record.kind);
    if (!kind)
        return {};
    QList<FieldProblem> problems = EntityChecker::valueProblems(*kind, record.data);
    checkReferences(targets, kind->fields, record.data, QString(), problems);
    checkSecretNamed(*kind, record.data, problems);
    auto folder = byFolder.find(kind->folder);
    if (folder == byFolder.end())
        folder = byFolder.insert(kind->folder, pathsById(document, kind->folder));
    for (const QString &path : folder->value(record.id())) {
        if (path != record.path)
            problems.append({u"/id"_s, u"duplicate id \"%1\": %2 has it too"_s.arg(record.id(), path)});
    }
    return problems;
}

} // namespace

QHash<QString, QString> ProjectValidator::entityProblems(
    const ProjectDocument &document, const EntityRecord &record)
{
    QHash<QString, QString> byPointer;
    QHash<QString, PathsById> byFolder;
    ReferenceTargets targets(document);
    for (const FieldProblem &problem : problemsOf(document, record, byFolder, targets)) {
        QString &message = byPointer[problem.pointer];
        message = message.isEmpty() ? problem.message : message + u"; "_s + problem.message;
    }
    return byPointer;
}

Diagnostics ProjectValidator::validate(const ProjectDocument &document)
{
    Diagnostics diagnostics;
    const QDir folder(document.folder());
    QHash<QString, PathsById> byFolder;
    ReferenceTargets targets(document);
    for (const EntityRecord &record : document.allEntities()) {
        const QList<FieldProblem> problems = problemsOf(document, record, byFolder, targets);
        if (problems.isEmpty())
            continue;
        // locate in the bytes on disk; a file not written yet has no line to point at
        const auto onDisk = document.data().diskBytes.constFind(record.path);
        const bool written = onDisk != document.data().diskBytes.cend();
        const JsonSourceMap map(written ? *onDisk : QByteArray());
        for (const FieldProblem &problem : problems) {
            const TextPosition position = written ? map.positionOf(problem.pointer) : TextPosition{0, 0};
            diagnostics.append({folder.filePath(record.path), position.line, position.column, problem.message,
                problem.warning ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error, record.kind,
                record.id(), problem.pointer});
        }
    }
    return diagnostics;
}

} // namespace jb
