// The session's probe workbench with no Widgets, on a copy of the sample: its plan for the default
// environment and another, an undoable edit that replans, a run against loopback ports whose
// evidence is written and read back by a workbench made later, and one run at a time.
#include "environmentsecretstore.h"
#include "evidencestore.h"
#include "probeplanner.h"
#include "proberesultsmodel.h"
#include "proberunner.h"
#include "probeworkbench.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "testfolder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// Probes the sample generates for the logistics gateway's ports in the test environment.
const QString openProbe = u"server-logistics-gw-tcp-8080"_s;
const QString closedProbe = u"server-logistics-gw-tcp-2121"_s;

} // namespace

class TestProbeWorkbench final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void plansTheEnvironment_data();
    void plansTheEnvironment();
    void anEditReplansAndUndoes();
    void runWritesEvidenceThatALaterWorkbenchReads();

private:
    void retarget(const QString &id, int port);

    QTemporaryDir m_temp;
    QTcpServer m_listening;
    int m_closedPort = 0;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<ProbeWorkbench> m_workbench;
};

void TestProbeWorkbench::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_temp.isValid());
    QVERIFY(m_listening.listen(QHostAddress::LocalHost, 0));
    // a port that was just free and is closed again: connecting is refused
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_closedPort = probe.serverPort();
    probe.close();
}

void TestProbeWorkbench::init()
{
    static int copies = 0;
    const QString folder = m_temp.filePath(u"sample-%1"_s.arg(++copies));
    QVERIFY(test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), folder));
    m_session = std::make_unique<ProjectSession>(m_temp.filePath(u"recovery"_s));
    m_workbench = std::make_unique<ProbeWorkbench>(m_session.get());
    new QAbstractItemModelTester(m_workbench->resultsModel(),
        QAbstractItemModelTester::FailureReportingMode::QtTest, m_workbench.get());
    // no keychain, no JOURNEYBENCH_SECRET_* of the machine: probes that need a secret fail fast
    m_workbench->setSecretStore(std::make_shared<EnvironmentSecretStore>(QProcessEnvironment()));
    QSignalSpy opened(m_session.get(), &ProjectSession::opened);
    QSignalSpy loaded(m_workbench.get(), &ProbeWorkbench::evidenceLoaded);
    m_session->open(folder);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    QTRY_VERIFY(loaded.size() >= 1);
}

void TestProbeWorkbench::cleanup()
{
    m_workbench.reset();
    m_session.reset();
}

void TestProbeWorkbench::retarget(const QString &id, int port)
{
    ProbeSpec changed = *m_workbench->probe(id);
    changed.port = port;
    changed.timeoutMs = 3000;
    m_workbench->saveProbe(ProbePlanner::entityData(changed));
    QTRY_COMPARE(m_workbench->probe(id)->port, port);
}

void TestProbeWorkbench::plansTheEnvironment_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("present");
    QTest::addColumn<QString>("absent");
    QTest::addRow("the default, test") << QString() << openProbe << u"server-erp-app-prod-tcp-443"_s;
    QTest::addRow("prod") << u"prod"_s << u"server-erp-app-prod-tcp-443"_s << openProbe;
}

void TestProbeWorkbench::plansTheEnvironment()
{
    QFETCH(QString, environment);
    QFETCH(QString, present);
    QFETCH(QString, absent);
    QCOMPARE(m_workbench->environment(), u"test"_s);
    if (!environment.isEmpty()) {
        QSignalSpy changed(m_workbench.get(), &ProbeWorkbench::environmentChanged);
        QSignalSpy replanned(m_workbench.get(), &ProbeWorkbench::planChanged);
        m_workbench->setEnvironment(environment);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(replanned.size(), 1);
    }
    const QString expected = environment.isEmpty() ? u"test"_s : environment;
    QCOMPARE(m_workbench->environment(), expected);
    const QList<ProbeSpec> plan = ProbePlanner::plan(m_session->document()->allEntities(), expected);
    QCOMPARE(m_workbench->plan().size(), plan.size());
    QCOMPARE(m_workbench->resultsModel()->rowCount(), plan.size());
    QVERIFY(m_workbench->probe(present).has_value());
    QVERIFY(!m_workbench->probe(absent).has_value());
}

void TestProbeWorkbench::anEditReplansAndUndoes()
{
    QSignalSpy about(m_workbench.get(), &ProbeWorkbench::planAboutToChange);
    QSignalSpy replanned(m_workbench.get(), &ProbeWorkbench::planChanged);
    retarget(openProbe, 9);
    QCOMPARE(about.size(), replanned.size());
    QCOMPARE(m_workbench->probe(openProbe)->origin, ProbeSpec::Origin::Edited);
    QCOMPARE(m_session->document()->count(u"probe"_s), 1);
    m_session->undoStack()->undo();
    QTRY_COMPARE(m_workbench->probe(openProbe)->port, 8080);
    QCOMPARE(m_workbench->probe(openProbe)->origin, ProbeSpec::Origin::Generated);

    const QString added = m_workbench->addProbe({{u"name"_s, u"Loopback listener"_s}, {u"type"_s, u"tcp"_s},
        {u"phase"_s, 1}, {u"host"_s, u"127.0.0.1"_s}, {u"port"_s, int(m_listening.serverPort())}});
    QCOMPARE(added, u"loopback-listener"_s);
    QVERIFY(m_workbench->probe(added).has_value()); // planned at once, not on the next replan
    QCOMPARE(m_workbench->probe(added)->environment, u"test"_s);
    m_workbench->removeProbe(added);
    QTRY_VERIFY(!m_workbench->probe(added).has_value());
}

void TestProbeWorkbench::runWritesEvidenceThatALaterWorkbenchReads()
{
    retarget(openProbe, m_listening.serverPort());
    retarget(closedProbe, m_closedPort);
    QSignalSpy starting(m_workbench.get(), &ProbeWorkbench::runStarting);
    QSignalSpy each(m_workbench.get(), &ProbeWorkbench::probeFinished);
    QSignalSpy finished(m_workbench.get(), &ProbeWorkbench::runFinished);
    QSignalSpy written(m_workbench.get(), &ProbeWorkbench::evidenceWritten);
    m_workbench->runProbes({openProbe, closedProbe});
    QCOMPARE(starting.size(), 1);
    QVERIFY(m_workbench->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 15000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(each.size(), 2);
    QVERIFY(!m_workbench->isRunning());

    ProbeResultsModel *results = m_workbench->resultsModel();
    QCOMPARE(results->index(results->rowOf(openProbe), 0).data(ProbeResultsModel::StatusRole).toString(),
        u"pass"_s);
    QCOMPARE(results->index(results->rowOf(closedProbe), 0).data(ProbeResultsModel::StatusRole).toString(),
        u"fail"_s);
    const QString path = written.first().at(0).toString();
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    QCOMPARE(m_workbench->evidence().size(), 1);
    QVERIFY(path.endsWith(m_workbench->evidencePath(openProbe)));

    ProbeWorkbench later(m_session.get());
    QCOMPARE(later.environment(), u"test"_s);
    QTRY_COMPARE(later.evidence().size(), 1);
    QCOMPARE(later.evidencePath(openProbe), m_workbench->evidencePath(openProbe));
    ProbeResultsModel *read = later.resultsModel();
    QCOMPARE(
        read->index(read->rowOf(openProbe), 0).data(ProbeResultsModel::StatusRole).toString(), u"pass"_s);
}

QTEST_MAIN(TestProbeWorkbench)
#include "tst_probeworkbench.moc"
