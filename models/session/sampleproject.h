#pragma once

#include "core/result.h"

#include <QStringList>

namespace jb {

// The sample project bundled with JourneyBench. The user works on a copy of it (in the
// application's data folder). When a newer JourneyBench bundles a changed sample, the copy is
// renewed: replaced if the user never changed it, otherwise kept beside the new one under another
// name. Nothing the user wrote is ever overwritten.
class SampleProject final
{
public:
    // What ensureCopy() did.
    struct Copy
    {
        QString folder; // the copy to open
        bool renewed = false; // made anew from a changed bundled sample
        QString keptAs; // where the user's changed earlier copy now is ("" when none was kept)
    };
    // Where the copy records the bundled sample it was made from, inside the work folder.
    static constexpr const char *originFileName = ".journeybench/sample-origin";

    // Where a bundled sample may be, in order: $JB_SAMPLE_DIR, the build tree, the installed tree.
    static QStringList candidates(const QString &applicationDir);
    // The first candidate that holds a project ("" when none does). Does a few stats.
    static QString findBundled(const QString &applicationDir);
    // AppDataLocation + "/Sample project".
    static QString userCopyFolder();
    // Copies `source` to `target` unless `target` already holds a copy of this very sample. Disk
    // work: run it off the GUI thread. The copy is made beside the target and renamed, so a half
    // copy never shows.
    static Result<Copy> ensureCopy(const QString &source, const QString &target);
    // SHA-256 (hex) of a project folder's files, their paths and contents, leaving out the work
    // folder (.journeybench) and the .gitignore the application adds for it.
    static QByteArray fingerprint(const QString &folder);
};

} // namespace jb
