#pragma once

#include <QStringList>

namespace jb {

// The user documentation: README and docs/ rendered to HTML at build time (docs/CMakeLists.txt)
// and installed with the package, so Help > Documentation works offline.
class Documentation final
{
public:
    // Where the rendered index may be, in order: $JB_DOCS_DIR, the build tree, the installed tree.
    static QStringList candidates(const QString &applicationDir);
    // The first candidate's index.html that exists ("" when none does).
    static QString findIndex(const QString &applicationDir);
};

} // namespace jb
