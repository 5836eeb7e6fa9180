#pragma once

#include "core/result.h"

#include <QStringList>

namespace jb {

// The sample project bundled with JourneyBench. The user works on a copy of it (in the
// application's data folder), made once: their edits are never overwritten.
class SampleProject final
{
public:
    // Where a bundled sample may be, in order: $JB_SAMPLE_DIR, the build tree, the installed tree.
    static QStringList candidates(const QString &applicationDir);
    // The first candidate that holds a project ("" when none does). Does a few stats.
    static QString findBundled(const QString &applicationDir);
    // AppDataLocation + "/Sample project".
    static QString userCopyFolder();
    // Copies `source` to `target` unless `target` exists; returns `target`. Disk work: run it off
    // the GUI thread. The copy is made beside the target and renamed, so a half copy never shows.
    static Result<QString> ensureCopy(const QString &source, const QString &target);
};

} // namespace jb
