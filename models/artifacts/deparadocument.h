#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"

namespace jb {

// The De-Para tables: for each mapping, system A's field and type, the rule, system B's field and
// type, whether B requires it, an example in and out; then its gaps. Says so when none exists.
class DeParaDocument final
{
public:
    static ArtifactDocument build(const ArtifactContext &context);
    static void appendTo(ArtifactDocument &document, const ArtifactContext &context, int level);
    static QStringList header();
};

} // namespace jb
