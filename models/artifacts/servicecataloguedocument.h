#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"

namespace jb {

// The service catalogue: each service with its endpoint, method, permissions, exceptions, error
// handling and contract fields; then each flow's sequence diagram, which shows the services at work.
class ServiceCatalogueDocument final
{
public:
    static ArtifactDocument build(const ArtifactContext &context);
    static void appendTo(ArtifactDocument &document, const ArtifactContext &context, int level);
    static void appendSequenceDiagrams(ArtifactDocument &document, const ArtifactContext &context, int level);
};

} // namespace jb
