#pragma once

#include "caseresult.h"
#include "pipecatalog.h"
#include "pipecoverage.h"
#include "pipeenvironment.h"
#include "testsuite.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace jb {

class PipeEngine;

// Runs unit suites one case at a time, each suite on an engine of its own whose catalog holds
// the suite's pipe alone (so the error events it publishes are stored, but no treatment pipe runs
// them), its event store in a temporary folder (nothing is written to the project). The step mocks
// go in through ExecutionOrder::overrides. Results come back on the runner's thread; use it from
// the thread that made it.
class UnitTestRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnitTestRunner)

public:
    struct Plan
    {
        TestSuite suite;
        PipePointer pipe;
    };

    // `project` gives the mappings and databases the pipes' data steps use.
    UnitTestRunner(const ProjectData &project, PipeEnvironment environment, QObject *parent = nullptr);
    ~UnitTestRunner() override;

    void start(QList<Plan> plans);
    // Runs no further case: the one running ends on its own, then finished() comes with the
    // results so far.
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    const QList<CaseResult> &results() const { return m_results; }
    // One per pipe tested, in the order the suites named them.
    const QList<PipeCoverage> &coverage() const { return m_coverage; }

    // The expectations of `test` against what its run gave.
    static CaseResult evaluate(const TestSuite &suite, const TestCase &test, const PipeResult &result,
        const QList<StoredEvent> &events);

Q_SIGNALS:
    void caseStarted(const QString &suiteId, const QString &caseName);
    void caseFinished(const jb::CaseResult &result);
    void finished();

private:
    void nextSuite();
    void nextCase();
    void caseDone(const PipeResult &result);

    ProjectData m_project;
    PipeEnvironment m_environment;
    QTemporaryDir m_work;
    QList<Plan> m_plans;
    qsizetype m_suite = -1;
    qsizetype m_case = 0;
    std::unique_ptr<PipeEngine> m_engine;
    std::shared_ptr<const StepOverrides> m_overrides;
    qint64 m_lastEventId = 0;
    bool m_running = false;
    bool m_cancelled = false;
    QList<CaseResult> m_results;
    QList<PipeCoverage> m_coverage;
};

} // namespace jb
