#include "unittestrunner.h"

#include "pipeengine.h"

#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

UnitTestRunner::UnitTestRunner(const ProjectData &project, PipeEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_project(project)
    , m_environment(std::move(environment))
{ }

UnitTestRunner::~UnitTestRunner() = default;

void UnitTestRunner::start(QList<Plan> plans)
{
    m_plans = std::move(plans);
    m_suite = -1;
    m_results.clear();
    m_coverage.clear();
    m_running = true;
    m_cancelled = false;
    // always asynchronous, even with nothing to run
    QTimer::singleShot(0, this, &UnitTestRunner::nextSuite);
}

void UnitTestRunner::cancel()
{
    m_cancelled = true;
}

void UnitTestRunner::nextSuite()
{
    m_engine.reset();
    if (m_cancelled || ++m_suite >= m_plans.size()) {
        m_running = false;
        Q_EMIT finished();
        return;
    }
    const Plan &plan = m_plans.at(m_suite);
    auto catalog = std::make_shared<PipeCatalog>();
    catalog->setMappings(MappingCatalog::build(m_project.entities, m_project.folder));
    for (const EntityRecord &record : std::as_const(m_project.entities)) {
        if (record.kind == u"database")
            catalog->addDatabase(DatabaseSpec::fromEntity(record.data, m_project.folder));
    }
    catalog->add(*plan.pipe);
    PipeEngine::Options options;
    options.workers = 1;
    options.trace = true;
    options.storeFile = m_work.filePath(u"events-%1.sqlite"_s.arg(m_suite));
    m_engine = std::make_unique<PipeEngine>(catalog, m_environment, options);
    m_lastEventId = 0;
    bool known = false;
    for (const PipeCoverage &coverage : std::as_const(m_coverage))
        known = known || coverage.pipeId() == plan.pipe->id;
    if (!known)
        m_coverage.append(PipeCoverage::of(*plan.pipe));
    m_case = 0;
    nextCase();
}

void UnitTestRunner::nextCase()
{
    const Plan &plan = m_plans.at(m_suite);
    if (m_cancelled || m_case >= plan.suite.cases.size())
        return nextSuite();
    const TestCase &test = plan.suite.cases.at(m_case);
    Q_EMIT caseStarted(plan.suite.id, test.name);
    auto overrides = std::make_shared<StepOverrides>();
    for (const StepMock &mock : test.mocks)
        overrides->insert(mock.stepId, mock.toOverride());
    PipeRequest request = test.request;
    if (!test.isEvent && request.params.isEmpty() && !request.path.isEmpty()) {
        // the path's template values, as the host would have found them
        const PipeCatalog::Route route = m_engine->catalog().route(request.method, request.path.toUtf8());
        if (route.pipe)
            request.params = route.params;
    }
    m_engine->execute(m_engine->catalog().pipe(plan.pipe->id), request, overrides, this,
        [this](const PipeResult &result) { caseDone(result); });
}

void UnitTestRunner::caseDone(const PipeResult &result)
{
    const Plan &plan = m_plans.at(m_suite);
    const TestCase &test = plan.suite.cases.at(m_case);
    QList<StoredEvent> events;
    {
        EventStore store(m_engine->storeFile());
        const Result<QList<StoredEvent>> listed = store.list();
        for (const StoredEvent &event : listed ? listed.value() : QList<StoredEvent>()) {
            if (event.id > m_lastEventId)
                events.append(event);
        }
    }
    for (const StoredEvent &event : std::as_const(events))
        m_lastEventId = qMax(m_lastEventId, event.id);
    std::sort(
        events.begin(), events.end(), [](const StoredEvent &a, const StoredEvent &b) { return a.id < b.id; });
    CaseResult done = evaluate(plan.suite, test, result, events);
    for (PipeCoverage &coverage : m_coverage) {
        if (coverage.pipeId() == plan.pipe->id)
            coverage.add(result.trace);
    }
    m_results.append(done);
    Q_EMIT caseFinished(done);
    ++m_case;
    // the next case after this callback returns, not inside the engine's delivery
    QTimer::singleShot(0, this, &UnitTestRunner::nextCase);
}

CaseResult UnitTestRunner::evaluate(
    const TestSuite &suite, const TestCase &test, const PipeResult &result, const QList<StoredEvent> &events)
{
    CaseResult done;
    done.suiteId = suite.id;
    done.pipeId = suite.pipeId;
    done.name = test.name;
    done.actual = CaseResult::actualOf(result, events);
    done.trace = result.trace.toText();
    done.durationUs = result.durationUs;
    for (const Expectation &expectation : test.expectations) {
        if (std::optional<QString> failure = expectation.check(done.actual, suite.ignore))
            done.failures.append(*failure);
    }
    done.passed = done.failures.isEmpty();
    return done;
}

} // namespace jb
