#pragma once

#include "pipecatalog.h"
#include "pipeenvironment.h"
#include "projectdata.h"

#include <QTextStream>

#include <memory>
#include <optional>

namespace jb {

// What `run` and `serve` both start from: the project, its chosen environment with the --set
// overrides, and the catalog of its usable pipes.
struct PipeProjectLoad
{
    ProjectData project;
    PipeEnvironment environment;
    std::shared_ptr<const PipeCatalog> catalog;

    // Prints "error: ..." on `err` and returns nothing when the project or the environment cannot
    // be loaded; each pipe left out of the catalog is a "warning: ..." line.
    static std::optional<PipeProjectLoad> load(const QString &folder, const QString &environment,
        const PipeEnvironment::Variables &overrides, QTextStream &err);
};

} // namespace jb
