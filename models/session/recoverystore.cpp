#include "recoverystore.h"

#include "documentcommand.h"
#include "documenteditor.h"
#include "journeyschema.h"
#include "projectdocument.h"
#include "projectwriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUndoStack>

#include <memory>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr qint64 maxRecoveryBytes = 256 * 1024 * 1024; // a sanity bound, far beyond any real project

QString normalizedFolder(const QString &folder)
{
    return folder.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
}

// Inserting at a given row with the exact JSON (id and unknown keys included) is not something
// DocumentEditor offers, so restore builds that command itself, applied the way the editor would.
void push(DocumentEditor &editor, QUndoCommand *command)
{
    if (QUndoStack *stack = editor.undoStack()) {
        stack->push(command);
        return;
    }
    std::unique_ptr<QUndoCommand> owned(command);
    owned->redo();
}

} // namespace

RecoveryStore::RecoveryStore(QString directory)
    : m_directory(std::move(directory))
{ }

RecoverySnapshot RecoveryStore::snapshotOf(const ProjectDocument &document)
{
    return {document.folder(), QDateTime::currentDateTimeUtc(), document.manifest(), document.allEntities()};
}

QString RecoveryStore::fileFor(const QString &projectFolder) const
{
    // a fixed-length, file-name-safe name per folder; an unsaved project has a name of its own
    const QByteArray hash
        = QCryptographicHash::hash(normalizedFolder(projectFolder).toUtf8(), QCryptographicHash::Sha256)
              .toHex();
    return QDir(m_directory).filePath(QString::fromLatin1(hash.left(32)) + u".json"_s);
}

Status RecoveryStore::write(const RecoverySnapshot &snapshot) const
{
    QJsonArray entities;
    for (const EntityRecord &record : snapshot.entities)
        entities.append(
            QJsonObject{{u"kind"_s, record.kind}, {u"path"_s, record.path}, {u"data"_s, record.data}});
    const QJsonObject root{{u"projectFolder"_s, normalizedFolder(snapshot.projectFolder)},
        {u"savedAt"_s, snapshot.savedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"manifest"_s, snapshot.manifest}, {u"entities"_s, entities}};
    return ProjectWriter::writeAtomically(
        fileFor(snapshot.projectFolder), QJsonDocument(root).toJson(QJsonDocument::Indented));
}

std::optional<RecoverySnapshot> RecoveryStore::read(const QString &projectFolder) const
{
    QFile file(fileFor(projectFolder));
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxRecoveryBytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !json.isObject())
        return std::nullopt;
    const QJsonObject root = json.object();
    // a copy that is not of this folder (or not ours at all) is no recovery for it
    if (root.value(u"projectFolder"_s).toString() != normalizedFolder(projectFolder)
        || !root.value(u"manifest"_s).isObject() || !root.value(u"entities"_s).isArray())
        return std::nullopt;
    RecoverySnapshot snapshot;
    snapshot.projectFolder = projectFolder;
    snapshot.savedAt = QDateTime::fromString(root.value(u"savedAt"_s).toString(), Qt::ISODateWithMs);
    snapshot.manifest = root.value(u"manifest"_s).toObject();
    for (const QJsonValue &value : root.value(u"entities"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString kind = entry.value(u"kind"_s).toString();
        if (!entry.value(u"data"_s).isObject())
            return std::nullopt;
        if (!JourneySchema::kind(kind))
            continue; // written by a newer version; this one could not hold it anyway
        snapshot.entities.append(
            {kind, entry.value(u"path"_s).toString(), entry.value(u"data"_s).toObject()});
    }
    return snapshot;
}

void RecoveryStore::discard(const QString &projectFolder) const
{
    QFile::remove(fileFor(projectFolder));
}

void RecoveryStore::restore(const RecoverySnapshot &snapshot, DocumentEditor &editor)
{
    ProjectDocument *document = editor.document();
    QHash<QString, QList<QJsonObject>> targets;
    for (const EntityRecord &record : snapshot.entities)
        targets[record.kind].append(record.data);
    bool differs = document->manifest() != snapshot.manifest;
    for (const KindSpec &kind : JourneySchema::kinds()) {
        QList<QJsonObject> current;
        for (const EntityRecord &record : document->entities(kind.kind))
            current.append(record.data);
        differs = differs || current != targets.value(kind.kind);
    }
    if (!differs)
        return; // nothing to restore: leave no empty step on the undo stack

    QUndoStack *stack = editor.undoStack();
    const QString text = u"Restore unsaved changes"_s;
    if (stack)
        stack->beginMacro(text);
    for (const KindSpec &kind : JourneySchema::kinds()) {
        const QList<QJsonObject> target = targets.value(kind.kind);
        // 1. keep the entities that appear in the snapshot in the same relative order, remove the
        //    rest; what stays is then a subsequence of the target
        QList<int> doomed;
        qsizetype matched = -1;
        for (int row = 0; row < document->count(kind.kind); ++row) {
            const QString id = document->at(kind.kind, row).id();
            qsizetype at = matched + 1;
            while (at < target.size() && target.at(at).value(u"id"_s).toString() != id)
                ++at;
            if (at < target.size())
                matched = at;
            else
                doomed.append(row);
        }
        editor.removeEntities(kind.kind, doomed);
        // 2. walk the target: a row that matches is replaced when it differs, a gap is inserted
        for (int row = 0; row < target.size(); ++row) {
            const QJsonObject &wanted = target.at(row);
            if (row < document->count(kind.kind)
                && document->at(kind.kind, row).id() == wanted.value(u"id"_s).toString()) {
                if (document->at(kind.kind, row).data != wanted)
                    editor.setEntity(kind.kind, row, wanted, text);
                continue;
            }
            push(editor, new DocumentCommand(document, kind.kind, row, std::nullopt, wanted, text));
        }
    }
    editor.setManifest(snapshot.manifest, text);
    if (stack)
        stack->endMacro();
}

} // namespace jb
