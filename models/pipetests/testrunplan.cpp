#include "testrunplan.h"

#include "pipecatalog.h"
#include "suiteloader.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace jb {

Result<TestRunPlan> TestRunPlan::prepare(const ProjectData &project, const Options &options, TestRunPlan *out)
{
    TestRunPlan scratch;
    TestRunPlan &plan = out ? *out : scratch;
    plan = TestRunPlan();
    const PipeCatalog catalog = PipeCatalog::fromProject(project);
    plan.warnings = catalog.problems();
    SuiteLoader suites = SuiteLoader::load(project, catalog, options.suites);
    plan.diagnostics = suites.diagnostics;
    Result<PipeEnvironment> env
        = PipeEnvironment::fromProject(project, options.environment, options.overrides);
    if (!env)
        return Error{env.error().code, env.errorString()};
    if (!plan.diagnostics.isEmpty())
        return Error{Error::Code::Schema, u"%1 problem(s) in the test suites"_s.arg(plan.diagnostics.size())};
    for (UnitTestRunner::Plan &suitePlan : suites.plans) {
        const auto only = options.cases.constFind(suitePlan.suite.id);
        if (only != options.cases.cend()) {
            // a case with rows is one pointer for all of its rows
            suitePlan.suite.cases.removeIf(
                [&only](const TestCase &test) { return !only->contains(test.pointer); });
        }
        if (!suitePlan.suite.cases.isEmpty())
            plan.plans.append(std::move(suitePlan));
    }
    if (plan.plans.isEmpty())
        return Error{
            Error::Code::Reference, u"%1 has no test suites (tests/*.json) to run"_s.arg(project.folder)};
    plan.environment = std::move(env).value();

    TestRunRecord &record = plan.record;
    record.startedAt = QDateTime::currentDateTimeUtc();
    record.environment = options.environment;
    record.toolVersion = u"journeybench "_s + QStringLiteral(JB_VERSION);
    record.coverageMin = options.coverageMin;
    record.partial = !options.suites.isEmpty() || !options.cases.isEmpty();
    QStringList measured{u"environment/"_s + options.environment};
    for (const UnitTestRunner::Plan &suitePlan : std::as_const(plan.plans))
        measured << u"test/"_s + suitePlan.suite.id << u"pipe/"_s + suitePlan.pipe->id;
    record.hashes = TestRunRecord::hashesOf(project, measured);
    return plan;
}

QStringList TestRunPlan::finish(TestRunRecord &record, const UnitTestRunner &runner, qint64 durationMs)
{
    record.durationMs = durationMs;
    record.cases = runner.results();
    record.coverage = runner.coverage();
    QStringList under;
    for (const PipeCoverage &coverage : std::as_const(record.coverage)) {
        const double threshold = record.coverageMin;
        if (threshold > 0 && (coverage.stepPercent() < threshold || coverage.branchPercent() < threshold))
            under.append(coverage.pipeId());
    }
    record.coverageHeld = under.isEmpty();
    // a cancelled run did not run every case it planned: it proves no more than a chosen few
    if (runner.wasCancelled())
        record.partial = true;
    return under;
}

} // namespace jb
