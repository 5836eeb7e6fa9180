#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"
#include "core/result.h"

namespace jb {

struct ArtifactKind
{
    QString name; // as the CLI and file names spell it: "firewall-request"
    QString title;
    QString description;
};

// The documents the workbench produces, and the one place that builds them by name. Every built
// document has the secret values of its input redacted.
class ArtifactCatalog final
{
public:
    static const QList<ArtifactKind> &kinds();
    static const ArtifactKind *find(const QString &name);
    static QStringList names();
    static Result<ArtifactDocument> build(const QString &name, const ArtifactContext &context);
};

} // namespace jb
