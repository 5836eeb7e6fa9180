// The Unit tests page's models: the suites -> cases -> rows tree under QAbstractItemModelTester
// from before any data, following the document and filled by results (printed trees compared
// whole); a sample suite run through TestRunPlan and UnitTestJob on the job's thread; and a wrong
// expectation's failure as the side-by-side diff shows it.
#include "casediff.h"
#include "printmodel.h"
#include "projectdocument.h"
#include "projectloader.h"
#include "testrunplan.h"
#include "unittestjob.h"
#include "unittesttreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

EntityRecord suite(const char *text)
{
    const QJsonObject data = json(text);
    return {u"test"_s, u"tests/"_s + data.value(u"id"_s).toString() + u".json"_s, data};
}

// Name, status and message: durations vary from run to run.
QString printTree(const QAbstractItemModel &model)
{
    return test::printModel(model,
        {.columns = {UnitTestTreeModel::NameColumn, UnitTestTreeModel::StatusColumn,
             UnitTestTreeModel::MessageColumn}});
}

CaseResult result(const QString &suiteId, const QString &name, const QStringList &failures)
{
    CaseResult done;
    done.suiteId = suiteId;
    done.name = name;
    done.failures = failures;
    done.passed = failures.isEmpty();
    done.durationUs = 1500;
    return done;
}

ProjectData sample()
{
    Result<ProjectLoad> opened = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    return opened ? opened.value().data : ProjectData();
}

} // namespace

class TestUnitTestTree : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsTheDocumentAndResults();
    void runsASampleSuiteOffTheGuiThread();
    void wrongExpectationGivesItsDiff();
};

void TestUnitTestTree::followsTheDocumentAndResults()
{
    ProjectDocument document;
    UnitTestTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);

    ProjectData data;
    data.entities.append(suite(R"({"id": "a", "name": "suite A", "type": "unit", "pipe": "p", "cases": [
        {"name": "one", "request": {"method": "GET", "path": "/x"}, "expect": [{"path": "status", "equals": 200}]},
        {"name": "by cep", "request": {"method": "GET", "path": "/x/${cep}"},
         "expect": [{"path": "status", "equals": 200}],
         "rows": [{"cep": "01001-000", "answer": {"a": 1}}, {"cep": "99999-999"}]}]})"));
    document.reset(data);
    QCOMPARE(printTree(model), uR"(suite A | not run | 
  one | not run | 
  by cep | not run | 
    row 1: cep=01001-000 | not run | 
    row 2: cep=99999-999 | not run | )"_s);

    // a run: a row running, the other failed, the plain case passed
    model.setRunning(u"a"_s, u"by cep [row 1]"_s);
    model.addResult(result(u"a"_s, u"one"_s, {}));
    model.addResult(result(u"a"_s, u"by cep [row 2]"_s, {u"status: expected 200, got 404"_s}));
    QCOMPARE(printTree(model), uR"(suite A | running | 1 passed, 1 failed: status: expected 200, got 404
  one | passed | 
  by cep | running | status: expected 200, got 404
    row 1: cep=01001-000 | running | 
    row 2: cep=99999-999 | failed | status: expected 200, got 404)"_s);
    model.endRun();
    QCOMPARE(model.index(1, 0, model.suiteIndex(u"a"_s)).siblingAtColumn(1).data().toString(), u"failed"_s);
    QVERIFY(model.resultAt(model.leafIndex(u"a"_s, u"by cep [row 2]"_s)));
    QVERIFY(!model.resultAt(model.leafIndex(u"a"_s, u"by cep [row 1]"_s)));
    QCOMPARE(model.leavesUnder(model.suiteIndex(u"a"_s)).size(), 3);

    // another suite added elsewhere, with a problem; a case renamed: the others keep their results
    document.insert(u"test"_s, 1, json(R"({"id": "b", "type": "unit", "pipe": "p", "cases": []})"));
    QJsonObject edited = document.at(u"test"_s, 0).data;
    QJsonArray cases = edited.value(u"cases"_s).toArray();
    QJsonObject first = cases.at(0).toObject();
    first.insert(u"name"_s, u"one renamed"_s);
    cases.replace(0, first);
    edited.insert(u"cases"_s, cases);
    document.replace(u"test"_s, 0, edited);
    QCOMPARE(printTree(model), uR"(suite A | failed | 1 failed: status: expected 200, got 404
  one renamed | not run | 
  by cep | failed | status: expected 200, got 404
    row 1: cep=01001-000 | not run | 
    row 2: cep=99999-999 | failed | status: expected 200, got 404
b | error | a suite needs at least one case ("cases": [...]))"_s);

    model.clearResults();
    QCOMPARE(model.index(0, UnitTestTreeModel::StatusColumn).data().toString(), u"not run"_s);
    document.remove(u"test"_s, 0);
    QCOMPARE(model.rowCount(), 1);
}

void TestUnitTestTree::runsASampleSuiteOffTheGuiThread()
{
    const ProjectData project = sample();
    QVERIFY(!project.entities.isEmpty());
    ProjectDocument document;
    UnitTestTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    document.reset(project);

    TestRunPlan::Options options;
    options.suites = {u"error-treatment-unit"_s};
    const Result<TestRunPlan> plan = TestRunPlan::prepare(project, options);
    QVERIFY2(plan, qPrintable(plan.errorString()));
    QVERIFY(plan.value().record.hashes.contains(u"pipe/error-treatment"_s));
    QVERIFY(plan.value().record.hashes.contains(u"test/error-treatment-unit"_s));

    UnitTestJob job;
    QThread *seen = nullptr;
    connect(&job, &UnitTestJob::caseStarted, &model,
        [&model, &seen](const QString &suiteId, const QString &name) {
            seen = QThread::currentThread();
            model.setRunning(suiteId, name);
        });
    connect(&job, &UnitTestJob::caseFinished, &model, &UnitTestTreeModel::addResult);
    QSignalSpy finished(&job, &UnitTestJob::finished);
    QVERIFY(job.start(project, plan.value(), false));
    QVERIFY(job.isRunning());
    QCOMPARE(job.caseCount(), 2);
    QVERIFY(finished.wait(60000));
    QVERIFY(!job.isRunning());
    QCOMPARE(seen, QThread::currentThread()); // delivered here, run there

    const auto record = finished.constFirst().at(0).value<TestRunRecord>();
    QCOMPARE(record.cases.size(), 2);
    QVERIFY(record.passed());
    QCOMPARE(record.coverage.size(), 1);
    QCOMPARE(record.coverage.constFirst().pipeId(), u"error-treatment"_s);
    QCOMPARE(finished.constFirst().at(1).toString(), QString()); // no evidence asked for
    const QModelIndex suiteAt = model.suiteIndex(u"error-treatment-unit"_s);
    QCOMPARE(suiteAt.siblingAtColumn(UnitTestTreeModel::StatusColumn).data().toString(), u"passed"_s);
    QCOMPARE(suiteAt.siblingAtColumn(UnitTestTreeModel::MessageColumn).data().toString(), u"2 passed"_s);
}

void TestUnitTestTree::wrongExpectationGivesItsDiff()
{
    ProjectData project = sample();
    // a scratch copy: the 5xx case of sp-check expects 501 instead of 502
    for (EntityRecord &record : project.entities) {
        if (record.kind != u"test" || record.id() != u"sp-check-unit")
            continue;
        QJsonArray cases = record.data.value(u"cases"_s).toArray();
        QJsonObject test = cases.at(5).toObject();
        QCOMPARE(test.value(u"name"_s).toString(), u"ViaCEP answers 5xx"_s);
        QJsonArray expect = test.value(u"expect"_s).toArray();
        expect.replace(0, json(R"({"path": "status", "equals": 501})"));
        test.insert(u"expect"_s, expect);
        cases.replace(5, test);
        record.data.insert(u"cases"_s, cases);
    }
    TestRunPlan::Options options;
    options.suites = {u"sp-check-unit"_s};
    options.cases.insert(u"sp-check-unit"_s, {u"/cases/5"_s});
    const Result<TestRunPlan> plan = TestRunPlan::prepare(project, options);
    QVERIFY2(plan, qPrintable(plan.errorString()));
    QCOMPARE(plan.value().plans.size(), 1);
    QCOMPARE(plan.value().plans.constFirst().suite.cases.size(), 1);
    const TestCase test = plan.value().plans.constFirst().suite.cases.constFirst();

    UnitTestJob job;
    QSignalSpy finished(&job, &UnitTestJob::finished);
    QVERIFY(job.start(project, plan.value(), false));
    QVERIFY(finished.wait(60000));
    const auto record = finished.constFirst().at(0).value<TestRunRecord>();
    QCOMPARE(record.cases.size(), 1);
    const CaseResult &failed = record.cases.constFirst();
    QVERIFY(!failed.passed);

    const CaseDiff diff = CaseDiff::of(test, failed);
    QCOMPARE(diff.paths, QStringList{u"status"_s});
    QCOMPARE(diff.messages, QStringList{u"status: expected 501, got 502"_s});
    QCOMPARE(diff.expected.value(u"status"_s).toInt(), 501);
    QCOMPARE(diff.actual.value(u"status"_s).toInt(), 502);
    QCOMPARE(diff.expected.value(u"events"_s).toObject(), json(R"({"length": 1})"));
    QCOMPARE(diff.actual.value(u"events"_s).toArray().size(), 1);
    QCOMPARE(diff.actual.value(u"error.status"_s).toInt(), 503);
}

QTEST_GUILESS_MAIN(TestUnitTestTree)
#include "tst_unittesttree.moc"
