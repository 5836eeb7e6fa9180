#pragma once

#include "artifactdocument.h"
#include "core/result.h"

namespace jb {

// An Excel workbook through libxlsxwriter: an "About" sheet with the stamp, then one sheet per
// table: bold shaded header row, frozen, with a filter; columns as wide as their content (within
// limits); long text wrapped. Writes the file at `path` directly: callers make it atomic.
class XlsxRenderer final
{
public:
    static Status render(const ArtifactDocument &document, const QString &path);
    // A valid, unique sheet name: at most 31 characters, none of []:*?/\.
    static QString sheetName(const QString &caption, const QStringList &taken);
};

} // namespace jb
