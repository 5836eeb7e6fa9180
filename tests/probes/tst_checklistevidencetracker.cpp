// ChecklistEvidenceTracker on a copy of the sample project with evidence on disk: what it computes
// when the project opens, after an inventory edit (and its reversal), after a later run it is told
// to re-read, and for the environment it is given.
#include "checklistevidencetracker.h"
#include "evidencefixture.h"
#include "projectdocument.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// the sample's phase 7 items: no unit test evidence in these projects (four pipes, no run yet)
const QString noUnitTestRun
    = u"\nunit-tests tests-written: missing 0/4\nunit-tests tests-passed: missing 0/0"_s;

const QDateTime firstRun(QDate(2026, 11, 28), QTime(10, 41), Qt::UTC);

// "environment test" and a line per item
QString printed(const ChecklistEvidenceTracker &tracker)
{
    const QString items = jb::test::printItems(tracker.items());
    return u"environment "_s + tracker.environment() + (items.isEmpty() ? QString() : u"\n"_s + items);
}

} // namespace

class TestChecklistEvidenceTracker final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void follows_data();
    void follows();
    void withoutProjectKnowsNothing();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_folder;
};

void TestChecklistEvidenceTracker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_folder = m_dir->filePath(u"sample"_s);
    QVERIFY(test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));
}

void TestChecklistEvidenceTracker::cleanup()
{
    m_dir.reset();
}

void TestChecklistEvidenceTracker::follows_data()
{
    QTest::addColumn<bool>("portsPassed"); // a run where every port probe passed is on disk
    QTest::addColumn<QString>("change"); // what happens once the first evidence is known
    QTest::addColumn<QString>("expected");

    const QString allMissing = u"environment test\n"
                               "connection reachability-tested: missing 0/7\n"
                               "connection tls-checked: missing 0/2\n"
                               "servers ports-open: missing 0/12\n"
                               "servers db-access: missing 0/2\n"
                               "servers file-servers: missing 0/2"_s
        + noUnitTestRun;
    const QString portsCurrent = u"environment test\n"
                                 "connection reachability-tested: missing 0/7\n"
                                 "connection tls-checked: missing 0/2\n"
                                 "servers ports-open: current 12/12\n"
                                 "servers db-access: missing 0/2\n"
                                 "servers file-servers: missing 0/2"_s
        + noUnitTestRun;
    QTest::addRow("no evidence") << false << QString() << allMissing;
    QTest::addRow("ports passed") << true << QString() << portsCurrent;
    // the logistics gateway's DNS and two port probes tested the entity as it was
    QTest::addRow("a tested server edited") << true << u"edit"_s
                                            << u"environment test\n"
                                               "connection reachability-tested: missing 0/7\n"
                                               "connection tls-checked: missing 0/2\n"
                                               "servers ports-open: stale 9/12\n"
                                               "servers db-access: missing 0/2\n"
                                               "servers file-servers: missing 0/2"_s
            + noUnitTestRun;
    QTest::addRow("an edit put back") << true << u"edit, revert"_s << portsCurrent;
    QTest::addRow("a later failing run, re-read") << true << u"later failure"_s
                                                  << u"environment test\n"
                                                     "connection reachability-tested: missing 0/7\n"
                                                     "connection tls-checked: missing 0/2\n"
                                                     "servers ports-open: failed 11/12\n"
                                                     "servers db-access: missing 0/2\n"
                                                     "servers file-servers: missing 0/2"_s
            + noUnitTestRun;
    QTest::addRow("evidence of another environment") << true << u"environment prod"_s
                                                     << u"environment prod\n"
                                                        "connection reachability-tested: missing 0/4\n"
                                                        "connection tls-checked: missing 0/2\n"
                                                        "servers ports-open: missing 0/3\n"
                                                        "servers db-access: missing 0/1\n"
                                                        "servers file-servers: missing 0/0"_s
            + noUnitTestRun;
    QTest::addRow("an unknown environment: the default") << true << u"environment staging"_s << portsCurrent;
}

void TestChecklistEvidenceTracker::follows()
{
    QFETCH(bool, portsPassed);
    QFETCH(QString, change);
    QFETCH(QString, expected);

    const QList<EntityRecord> entities = test::entitiesOf(m_folder);
    const QList<ProbeSpec> ports = test::probesOf(ProbePlanner::plan(entities, u"test"_s), u"ports-open"_s);
    QCOMPARE(ports.size(), 12);
    if (portsPassed)
        QVERIFY(!test::writeRun(m_folder, test::runOf(ports, entities, firstRun)).isEmpty());

    ProjectDocument document;
    ChecklistEvidenceTracker tracker(&document);
    QSignalSpy changed(&tracker, &ChecklistEvidenceTracker::evidenceChanged);
    Result<ProjectLoad> loaded = ProjectLoader::load(m_folder);
    QVERIFY(loaded.ok());
    document.reset(loaded.value().data);
    QTRY_VERIFY_WITH_TIMEOUT(tracker.isKnown(), 10000);
    QCOMPARE(tracker.folder(), m_folder);
    const qsizetype computed = changed.size();

    const int row = document.rowOf(u"server"_s, u"logistics-gw"_s);
    QVERIFY(row >= 0);
    const QJsonObject original = document.at(u"server"_s, row).data;
    if (change.startsWith(u"edit")) {
        QJsonObject edited = original;
        edited.insert(u"firewall"_s, u"approved"_s);
        document.replace(u"server"_s, row, edited);
        if (change.endsWith(u"revert"))
            document.replace(u"server"_s, row, original);
    } else if (change == u"later failure") {
        // another run, written as the CLI or the other phase's page would: the tracker is told
        QVERIFY(!test::writeRun(
            m_folder, test::runOf(ports, entities, firstRun.addSecs(60), {ports.constLast().id}))
                     .isEmpty());
        tracker.reload();
    } else if (change.startsWith(u"environment ")) {
        tracker.setEnvironment(change.mid(12));
    }
    if (!change.isEmpty())
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() > computed, 10000);
    QCOMPARE(printed(tracker), expected);
    for (const ItemEvidence &item : tracker.items()) {
        // a current or stale item names the file its newest result is in, relative to the project
        QCOMPARE(item.evidencePath.isEmpty(), item.state == ItemEvidence::State::Missing);
        if (!item.evidencePath.isEmpty())
            QVERIFY2(
                QFileInfo::exists(QDir(m_folder).filePath(item.evidencePath)), qPrintable(item.evidencePath));
    }
}

void TestChecklistEvidenceTracker::withoutProjectKnowsNothing()
{
    ProjectDocument document;
    ChecklistEvidenceTracker tracker(&document);
    QSignalSpy changed(&tracker, &ChecklistEvidenceTracker::evidenceChanged);
    tracker.reload();
    QTRY_COMPARE(changed.size(), 1);
    QVERIFY(!tracker.isKnown());
    QVERIFY(tracker.items().isEmpty());
    QVERIFY(tracker.folder().isEmpty());
}

QTEST_GUILESS_MAIN(TestChecklistEvidenceTracker)
#include "tst_checklistevidencetracker.moc"
