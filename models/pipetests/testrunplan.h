#pragma once

#include "core/result.h"
#include "diagnostic.h"
#include "pipeenvironment.h"
#include "testrunrecord.h"
#include "unittestrunner.h"

#include <QMap>

namespace jb {

// One run of the project's unit tests, prepared: the suites planned against the pipes, the
// environment, and the evidence record it will fill (started, hashed). The CLI's `test` and the
// GUI's Unit tests page both start from here and end with finish(), so a run means the same in both.
struct TestRunPlan
{
    struct Options
    {
        QString environment = QStringLiteral("test");
        PipeEnvironment::Variables overrides;
        QStringList suites; // the suite ids to run (empty: every one)
        // Per suite id, the JSON Pointers ("/cases/2") of the written cases to run; a suite not
        // named here runs whole. A case with rows runs all of them.
        QMap<QString, QStringList> cases;
        double coverageMin = 0; // percent; 0: no threshold
    };

    QList<UnitTestRunner::Plan> plans;
    PipeEnvironment environment;
    TestRunRecord record;
    Diagnostics diagnostics; // the suites' problems (a suite with one is not planned)
    QStringList warnings; // pipes left out of the catalog

    // Fails when the environment is unknown, a suite has problems, or nothing is left to run;
    // `*out` gets the diagnostics and warnings either way.
    static Result<TestRunPlan> prepare(
        const ProjectData &project, const Options &options, TestRunPlan *out = nullptr);

    // The runner's results into the record: duration, cases, coverage and whether it held the
    // threshold (a cancelled run is partial). Returns the pipes whose coverage is under it.
    static QStringList finish(TestRunRecord &record, const UnitTestRunner &runner, qint64 durationMs);
};

} // namespace jb
