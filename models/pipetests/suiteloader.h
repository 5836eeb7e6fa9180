#pragma once

#include "diagnostic.h"
#include "pipecatalog.h"
#include "unittestrunner.h"

namespace jb {

// The project's test suites, read and checked against its pipes: each problem is a diagnostic
// at the file's line and column, like the loader's. Only suites without problems are planned.
struct SuiteLoader
{
    QList<UnitTestRunner::Plan> plans;
    QStringList files; // the planned suites' files, relative to the project
    Diagnostics diagnostics;

    // `only`: the suite ids to plan (empty: every one); an id the project lacks is a diagnostic.
    static SuiteLoader load(
        const ProjectData &project, const PipeCatalog &catalog, const QStringList &only = {});
    // The JSON Schema of contract `id` of `project`.
    static Expectation::ContractSchemas contractSchemas(const ProjectData &project);
};

} // namespace jb
