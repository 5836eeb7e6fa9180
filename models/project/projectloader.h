#pragma once

#include "core/result.h"
#include "diagnostic.h"
#include "projectdata.h"

namespace jb {

struct EntityFile;

struct ProjectLoad
{
    ProjectData data;
    Diagnostics diagnostics; // files that failed to load, each with its position
};

// Reads a project folder. A broken file is reported and left out (and remembered, so that it is
// never overwritten); the other files still load. Refuses, as an Error, a folder that does not
// exist, a path that is a file, and a manifest written by a newer JourneyBench.
// Does disk work: call it off the GUI thread.
class ProjectLoader final
{
public:
    static Result<ProjectLoad> load(const QString &folder);

private:
    static void loadManifest(ProjectLoad &load);
    // Reads, parses and checks the entity files, several at a time.
    static void readEntityFiles(QList<EntityFile> &files, const QString &projectFolder);
    // Thread-safe: touches nothing but `file`.
    static void readEntityFile(EntityFile &file, const QString &projectFolder);
    // `pathOfId` indexes the ids already loaded from the file's folder, to refuse a duplicate.
    static void addEntityFile(ProjectLoad &load, EntityFile &file, QHash<QString, QString> &pathOfId);
};

} // namespace jb
