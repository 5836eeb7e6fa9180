#pragma once

#include "artifactinput.h"

namespace jb {

// ArtifactInput::gather plus what other engines contribute: the De-Para tables, built by the
// mapping engine from the project's mappings (their examples mapped for real, their gaps found).
// Reads files and runs transforms: call it off the GUI thread.
class ArtifactSources final
{
public:
    static ArtifactInput gather(ProjectData project, const QString &environment, QDateTime generatedAt = {},
        const QProcessEnvironment &system = QProcessEnvironment::systemEnvironment());
    // The project's mappings as De-Para tables, in id order; a mapping that cannot be resolved is
    // named in `problems` instead.
    static QList<MappingTable> mappings(
        const ProjectData &project, const QString &environment, QStringList *problems);
};

} // namespace jb
