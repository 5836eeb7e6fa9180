// The checklist items of phase 7 computed from a unit test run's evidence: missing without a run of
// every suite, current when it passed on the project as it is, failed on a failed case or a pipe
// step no suite ran, stale when a suite, a pipe or the environment changed or a suite was added.
#include "checklistevidence.h"
#include "projectformat.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

EntityRecord entity(const QString &kind, const QString &id, const QJsonObject &more = {})
{
    QJsonObject data = more;
    data.insert(u"id"_s, id);
    return {kind, ProjectFormat::canonicalPath(kind, id), data};
}

QString hashOf(const EntityRecord &record)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(ProjectFormat::entityBytes(record), QCryptographicHash::Sha256).toHex());
}

// one pipe, its suite and the test environment
QList<EntityRecord> project()
{
    return {entity(u"pipe"_s, u"p"_s), entity(u"test"_s, u"p-unit"_s, {{u"pipe"_s, u"p"_s}}),
        entity(u"environment"_s, u"test"_s), entity(u"environment"_s, u"prod"_s)};
}

// a run of that project as it is, every case passed and every step run
TestRunEvidence run()
{
    TestRunEvidence evidence;
    evidence.path = u"evidence/tests/run.json"_s;
    evidence.startedAt = QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC);
    evidence.environment = u"test"_s;
    evidence.passed = true;
    evidence.cases = 4;
    for (const EntityRecord &record : project()) {
        if (record.kind != u"environment" || record.id() == u"test")
            evidence.hashes.insert(record.kind + u'/' + record.id(), hashOf(record));
    }
    evidence.pipes.append({u"p"_s, 5, 5, {}});
    return evidence;
}

QString print(const QList<ItemEvidence> &items)
{
    QStringList lines;
    for (const ItemEvidence &item : items)
        lines.append(u"%1 %2 %3/%4 %5"_s.arg(item.itemId, ItemEvidence::stateKey(item.state))
                         .arg(item.passed)
                         .arg(item.probes)
                         .arg(item.reasons.join(u"; "_s)));
    return lines.join(u'\n');
}

} // namespace

class TestTestChecklistEvidence : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void items_data();
    void items();
    void evidenceFileIsRead();
};

void TestTestChecklistEvidence::items_data()
{
    QTest::addColumn<std::optional<TestRunEvidence>>("evidence");
    QTest::addColumn<QList<EntityRecord>>("entities");
    QTest::addColumn<QString>("expected");

    QTest::addRow("no run") << std::optional<TestRunEvidence>() << project()
                            << u"tests-written missing 0/1 no run of every unit suite in test yet\n"
                               u"tests-passed missing 0/0 no run of every unit suite in test yet"_s;
    QTest::addRow("passed on the project as it is") << std::optional<TestRunEvidence>(
        run()) << project() << u"tests-written current 1/1 \ntests-passed current 4/4 "_s;
    TestRunEvidence failed = run();
    failed.passed = false;
    failed.failed = 1;
    QTest::addRow("a case failed") << std::optional<TestRunEvidence>(
        failed) << project() << u"tests-written current 1/1 \ntests-passed failed 3/4 1 of 4 cases failed"_s;
    TestRunEvidence partly = run();
    partly.pipes = {{u"p"_s, 5, 4, {u"answer"_s}}};
    QTest::addRow("a step no case ran")
        << std::optional<TestRunEvidence>(partly) << project()
        << u"tests-written failed 0/1 pipe p: 4 of 5 steps run, not answer\ntests-passed current 4/4 "_s;
    QList<EntityRecord> edited = project();
    edited[0].data.insert(u"name"_s, u"renamed"_s);
    QTest::addRow("the pipe changed since") << std::optional<TestRunEvidence>(run()) << edited
                                            << u"tests-written stale 1/1 pipe/p changed after the run\n"
                                               u"tests-passed stale 4/4 pipe/p changed after the run"_s;
    QList<EntityRecord> otherEnvironment = project();
    otherEnvironment[3].data.insert(u"name"_s, u"production"_s); // prod is not what the run used
    QTest::addRow("another environment changed") << std::optional<TestRunEvidence>(
        run()) << otherEnvironment << u"tests-written current 1/1 \ntests-passed current 4/4 "_s;
    QList<EntityRecord> more = project();
    more.append(entity(u"pipe"_s, u"q"_s));
    QTest::addRow("a pipe without a suite") << std::optional<TestRunEvidence>(run()) << more
                                            << u"tests-written failed 1/2 pipe q has no unit suite\n"
                                               u"tests-passed current 4/4 "_s;
    QList<EntityRecord> added = project();
    added.append(entity(u"test"_s, u"p-more"_s, {{u"pipe"_s, u"p"_s}}));
    QTest::addRow("a suite added since") << std::optional<TestRunEvidence>(run()) << added
                                         << u"tests-written stale 1/1 suite p-more has not run yet\n"
                                            u"tests-passed stale 4/4 suite p-more has not run yet"_s;
    QList<EntityRecord> removed = project();
    removed.removeAt(1);
    QTest::addRow("a suite removed since") << std::optional<TestRunEvidence>(run()) << removed
                                           << u"tests-written stale 1/1 test/p-unit no longer exists\n"
                                              u"tests-passed stale 4/4 test/p-unit no longer exists"_s;
}

void TestTestChecklistEvidence::items()
{
    QFETCH(std::optional<TestRunEvidence>, evidence);
    QFETCH(QList<EntityRecord>, entities);
    QFETCH(QString, expected);
    const QList<ItemEvidence> items = ChecklistEvidence::computeTests(evidence, entities, u"test"_s);
    QCOMPARE(print(items), expected);
    for (const ItemEvidence &item : items) {
        QVERIFY(item.fromTests);
        QCOMPARE(item.phase, Phase::UnitTests);
        QCOMPARE(item.evidencePath, evidence ? evidence->path : QString());
    }
}

void TestTestChecklistEvidence::evidenceFileIsRead()
{
    const QByteArray written = R"({"kind": "test-run", "startedAt": "2026-12-01T10:00:00.000Z",
        "environment": "test", "passed": false, "cases": 3, "failed": 1, "partial": false,
        "hashes": {"pipe/p": "abc"},
        "coverage": [{"pipe": "p", "steps": 5, "stepsExecuted": 4, "missedSteps": ["answer"]}]})";
    const std::optional<TestRunEvidence> read
        = TestRunEvidence::fromJson(QJsonDocument::fromJson(written).object(), u"evidence/tests/x.json"_s);
    QVERIFY(read);
    QCOMPARE(read->startedAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(read->failed, 1);
    QCOMPARE(read->hashes.value(u"pipe/p"_s), u"abc"_s);
    QCOMPARE(read->pipes.size(), 1);
    QCOMPARE(read->pipes.constFirst().missedSteps, QStringList{u"answer"_s});
    QVERIFY(!TestRunEvidence::fromJson(QJsonObject{{u"kind"_s, u"probe-run"_s}}, {}));
}

QTEST_APPLESS_MAIN(TestTestChecklistEvidence)
#include "tst_testchecklistevidence.moc"
