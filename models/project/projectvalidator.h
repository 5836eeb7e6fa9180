#pragma once

#include "diagnostic.h"
#include "projectdata.h"

namespace jb {

class ProjectDocument;

// Checks a loaded project as a whole: every value against its field (an invalid IP, a missing
// name, a contract field whose format is not a valid regex) and every reference (a flow naming a
// system that does not exist). Each finding is located in its file.
class ProjectValidator final
{
public:
    static Diagnostics validate(const ProjectDocument &document);
    // The problems of one entity alone, pointer -> message (for inline marks in the GUI).
    static QHash<QString, QString> entityProblems(
        const ProjectDocument &document, const EntityRecord &record);
};

} // namespace jb
