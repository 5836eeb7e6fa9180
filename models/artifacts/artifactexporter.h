#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"
#include "artifactformat.h"
#include "core/result.h"

namespace jb {

// Writes documents to files, each atomically (a reader never sees half a file). Pure functions of
// their arguments: run them on a worker thread. PDF and HTML need a QGuiApplication (fonts).
class ArtifactExporter final
{
public:
    // `document` in `format` into `folder` (made when missing); the files written, absolute.
    static Result<QStringList> write(
        const ArtifactDocument &document, ArtifactFormat format, const QString &folder);
    // Builds the named documents (ArtifactCatalog names) and writes each; stops at the first error.
    static Result<QStringList> exportArtifacts(const QStringList &names, ArtifactFormat format,
        const QString &folder, const ArtifactContext &context);
    // "vpn.pdf"; CSV names one file per table and is not covered here.
    static QString fileName(const QString &artifact, ArtifactFormat format);

private:
    static Status save(const QString &path, const QByteArray &bytes);
};

} // namespace jb
