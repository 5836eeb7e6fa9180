#pragma once

#include "projectdata.h"

namespace jb {

// The version a document states: the first 12 hex digits of a SHA-256 over the project files in
// canonical form (path, then bytes, in path order). The same files give the same version on every
// machine; any edit, saved or not, gives another one. Evidence files are not part of it.
class ProjectVersion final
{
public:
    static QString of(const ProjectData &project);
};

} // namespace jb
