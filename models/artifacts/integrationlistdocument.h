#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"

namespace jb {

// The integration list: the systems (name, acronym, description, owner), the flows (provider to
// consumer, business process, trigger, pipes, error treatment) and where each phase stands.
class IntegrationListDocument final
{
public:
    static ArtifactDocument build(const ArtifactContext &context);
    static void appendTo(ArtifactDocument &document, const ArtifactContext &context, int level);
    // Phase, checklist, state and sign-off: shared with the journey report.
    static void appendPhaseStatus(ArtifactDocument &document, const ArtifactContext &context);
};

} // namespace jb
