#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace jb {

// Evidence is append-only: a run is kept in a file of its own that is never overwritten, and a
// reader must never find half of one. write() puts the bytes in a temporary file in the same
// folder, then publishes it under its final name with link(2), which fails instead of replacing
// a name that exists: a kill at any moment leaves either the whole file or none (at worst a
// hidden ".*.tmp" temporary, which no loader lists).
class AppendOnlyFile final
{
public:
    struct Name
    {
        QString stem; // "20260521T101502.123Z-test"
        QString extension; // ".json"
        // The second file with the same stem is stem-<firstSuffix>, then +1 and so on.
        int firstSuffix = 2;
        int attempts = 100;
    };

    // How the temporary gets its final name. Each never replaces a file; a file system that
    // cannot do one (no hard links on FAT or some network shares) falls through to the next.
    enum class Publish
    {
        Link, // link(2), then unlink the temporary
        RenameNoReplace, // renameat2(2) with RENAME_NOREPLACE
        ReserveAndRename, // claim the name with O_EXCL, rename over the empty claim: a kill
                          // between the two leaves an empty file, never a partial one
    };

    // The name used (relative to `folder`), or an error: Error::Code::Io with the system's reason
    // when the folder or the file cannot be written (nothing is left behind), Error::Code::Refused
    // when every name of `attempts` is taken. `first` is for tests; the others follow it.
    static Result<QString> write(
        const QString &folder, const Name &name, const QByteArray &bytes, Publish first = Publish::Link);

    // The name of the attempt-th try (1 = the stem alone).
    static QString candidate(const Name &name, int attempt);
};

} // namespace jb
