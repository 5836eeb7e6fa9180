#pragma once

#include "core/result.h"
#include "diagnostic.h"
#include "projectdata.h"

namespace jb {

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
    // `pathOfId` indexes the ids already loaded from `folderName`, to refuse a duplicate.
    static void loadEntityFile(ProjectLoad &load, const QString &folderName, const QString &relativePath,
        QHash<QString, QString> &pathOfId);
};

} // namespace jb
