#pragma once

#include "core/result.h"
#include "projectdata.h"

#include <QDateTime>
#include <QJsonObject>

namespace jb {

class ProjectDocument;

// Unsaved work kept beside the user's data (not in the project), so that it can be offered back
// after a crash. A snapshot is the manifest and every entity; writing and reading are disk work,
// to be run off the GUI thread (the snapshot itself is cheap: Qt's JSON is implicitly shared).
struct RecoverySnapshot
{
    QString projectFolder;
    QDateTime savedAt;
    QJsonObject manifest;
    QList<EntityRecord> entities;
};

class RecoveryStore final
{
public:
    // `directory` is where recovery files live, e.g. AppDataLocation + "/recovery".
    explicit RecoveryStore(QString directory);

    static RecoverySnapshot snapshotOf(const ProjectDocument &document);

    Status write(const RecoverySnapshot &snapshot) const;
    std::optional<RecoverySnapshot> read(const QString &projectFolder) const;
    void discard(const QString &projectFolder) const;
    QString fileFor(const QString &projectFolder) const;

    // Applies a snapshot to an open document through its editor, as undoable edits.
    static void restore(const RecoverySnapshot &snapshot, class DocumentEditor &editor);

private:
    QString m_directory;
};

} // namespace jb
