#pragma once

#include "artifactcontext.h"
#include "artifactdocument.h"

namespace jb {

// The journey report: a cover (project, owner, version, environment, date), the table of contents,
// phase completion with sign-offs, the timeline, and every other document as a chapter, in the
// order of the journey's phases; then the environments (variables, and secrets by name only).
class JourneyReportDocument final
{
public:
    static ArtifactDocument build(const ArtifactContext &context);
    static void appendTimeline(ArtifactDocument &document, const ArtifactContext &context);
};

} // namespace jb
