// The probes page and the firewall request page, offscreen, on a copy of the sample project:
// probes edited to reach a listening loopback port and a closed one, run from the page; their rows,
// the latency history, the evidence file and the firewall CSV are checked.
#include "documenteditor.h"
#include "environmentsecretstore.h"
#include "evidencestore.h"
#include "firewallrequestmodel.h"
#include "firewallrequestpage.h"
#include "latencychart.h"
#include "latencyhistorymodel.h"
#include "probeeditordialog.h"
#include "probeplanner.h"
#include "proberesultsmodel.h"
#include "proberunner.h"
#include "probespage.h"
#include "probetableproxy.h"
#include "probetargets.h"
#include "probeworkbench.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "testfolder.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// Probes the sample generates for the logistics gateway's ports in the test environment.
const QString openProbe = u"server-logistics-gw-tcp-8080"_s;
const QString closedProbe = u"server-logistics-gw-tcp-2121"_s;

using jb::test::copyFolder;

QStringList evidenceFiles(const QString &folder)
{
    return QDir(QDir(folder).filePath(EvidenceStore::folder()))
        .entryList({u"*.json"_s}, QDir::Files, QDir::Name);
}

} // namespace

class TestProbesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void plansTheSampleProbes();
    void editsAreUndoableProjectEntities();
    void enableCheckBoxDisablesAProbe();
    void insecureProbeIsRed();
    void editorDialogShowsTheFieldsOfTheType();
    void editorDialogPicksARecordedTarget_data();
    void editorDialogPicksARecordedTarget();
    void runsProbesAndKeepsEvidence();
    void cancelEndsTheRun();
    void firewallRequestShowsLatestStatusAndExportsCsv();

private:
    QJsonObject retargeted(const QString &id, int port) const;
    void retarget();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ProjectSession> m_session;
    std::unique_ptr<ProbeWorkbench> m_workbench;
    std::unique_ptr<ProbesPage> m_page;
    QTcpServer m_listening;
    int m_closedPort = 0;
};

void TestProbesPage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_listening.listen(QHostAddress::LocalHost, 0));
    // a port that was just free and is closed again: connecting is refused
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    m_closedPort = probe.serverPort();
    probe.close();
}

void TestProbesPage::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString project = m_dir->filePath(u"sample"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), project));
    m_session = std::make_unique<ProjectSession>(m_dir->filePath(u"recovery"_s));
    m_workbench = std::make_unique<ProbeWorkbench>(m_session.get());
    m_page = std::make_unique<ProbesPage>(m_workbench.get());
    new QAbstractItemModelTester(
        m_page->resultsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    new QAbstractItemModelTester(
        m_page->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    new QAbstractItemModelTester(
        m_page->tableModel(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
    // no keychain, no JOURNEYBENCH_SECRET_* of the machine: probes that need a secret fail fast
    m_workbench->setSecretStore(std::make_shared<EnvironmentSecretStore>(QProcessEnvironment()));
    m_page->resize(1200, 800);
    m_page->show();
    QSignalSpy opened(m_session.get(), &ProjectSession::opened);
    QSignalSpy loaded(m_workbench.get(), &ProbeWorkbench::evidenceLoaded);
    m_session->open(project);
    // QTRY, not wait(): a fast load may finish before the session attaches its continuation, which
    // then runs at once, inside open()
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    QTRY_VERIFY(loaded.size() >= 1);
}

void TestProbesPage::cleanup()
{
    m_page.reset();
    m_workbench.reset();
    m_session.reset();
    m_dir.reset();
}

QJsonObject TestProbesPage::retargeted(const QString &id, int port) const
{
    const std::optional<ProbeSpec> spec = m_workbench->probe(id);
    if (!spec)
        return {};
    ProbeSpec changed = *spec;
    changed.port = port;
    changed.timeoutMs = 3000;
    return ProbePlanner::entityData(changed);
}

void TestProbesPage::retarget()
{
    m_workbench->saveProbe(retargeted(openProbe, m_listening.serverPort()));
    m_workbench->saveProbe(retargeted(closedProbe, m_closedPort));
    QTRY_COMPARE(m_workbench->probe(openProbe)->port, int(m_listening.serverPort()));
    QTRY_COMPARE(m_workbench->probe(closedProbe)->port, m_closedPort);
}

void TestProbesPage::plansTheSampleProbes()
{
    QCOMPARE(m_workbench->environment(), u"test"_s);
    const QList<ProbeSpec> expected = ProbePlanner::plan(m_session->document()->allEntities(), u"test"_s);
    QVERIFY(expected.size() > 5);
    QCOMPARE(m_page->resultsModel()->rowCount(), expected.size());
    QCOMPARE(m_workbench->probe(openProbe)->port, 8080);
    QCOMPARE(m_workbench->probe(openProbe)->origin, ProbeSpec::Origin::Generated);
    // the phase filter shows phase 2 only, and "Run phase" runs what is shown
    m_page->setPhase(2);
    const int phase2 = int(ProbePlanner::ofPhase(expected, 2).size());
    QCOMPARE(m_page->tableModel()->rowCount(), phase2);
    for (int row = 0; row < m_page->tableModel()->rowCount(); ++row)
        QCOMPARE(m_page->tableModel()->index(row, 0).data(ProbeResultsModel::PhaseRole).toInt(), 2);
    // another environment: another plan
    m_workbench->setEnvironment(u"prod"_s);
    QCOMPARE(m_workbench->probe(openProbe), std::nullopt);
    QVERIFY(m_workbench->probe(u"server-erp-app-prod-tcp-443"_s).has_value());
}

void TestProbesPage::editsAreUndoableProjectEntities()
{
    QUndoStack *stack = m_session->undoStack();
    const int before = stack->count();
    retarget();
    QCOMPARE(stack->count(), before + 2); // one undo step per edit
    const int row = m_session->document()->rowOf(u"probe"_s, openProbe);
    QVERIFY(row >= 0);
    QCOMPARE(m_session->document()->at(u"probe"_s, row).path, u"probes/%1.json"_s.arg(openProbe));
    QCOMPARE(m_session->document()->at(u"probe"_s, row).data.value(u"port"_s).toInt(),
        int(m_listening.serverPort()));
    QCOMPARE(m_workbench->probe(openProbe)->origin, ProbeSpec::Origin::Edited);
    // a second edit of the same probe changes the entity, it adds none
    m_workbench->saveProbe(retargeted(openProbe, 9));
    QTRY_COMPARE(m_workbench->probe(openProbe)->port, 9);
    QCOMPARE(m_session->document()->count(u"probe"_s), 2);

    stack->undo();
    QTRY_COMPARE(m_workbench->probe(openProbe)->port, int(m_listening.serverPort()));
    stack->undo();
    stack->undo();
    QTRY_COMPARE(m_workbench->probe(openProbe)->port, 8080);
    QCOMPARE(m_workbench->probe(openProbe)->origin, ProbeSpec::Origin::Generated);
    QCOMPARE(m_session->document()->count(u"probe"_s), 0);

    // a probe of the user's own, added and removed
    m_page->addProbe({{u"name"_s, u"Loopback listener"_s}, {u"type"_s, u"tcp"_s}, {u"phase"_s, 1},
        {u"host"_s, u"127.0.0.1"_s}, {u"port"_s, int(m_listening.serverPort())}});
    QCOMPARE(m_session->document()->count(u"probe"_s), 1);
    const QString added = m_session->document()->at(u"probe"_s, 0).id();
    QCOMPARE(added, u"loopback-listener"_s);
    QTRY_VERIFY(m_workbench->probe(added).has_value());
    QCOMPARE(m_workbench->probe(added)->origin, ProbeSpec::Origin::User);
    QCOMPARE(m_workbench->probe(added)->environment, u"test"_s);
    QCOMPARE(m_page->selectedProbeId(), added);
    m_workbench->removeProbe(added);
    QTRY_VERIFY(!m_workbench->probe(added).has_value());
}

void TestProbesPage::enableCheckBoxDisablesAProbe()
{
    QAbstractItemModel *table = m_page->tableModel();
    const int row
        = m_page->tableModel()
              ->mapFromSource(m_page->resultsModel()->index(m_page->resultsModel()->rowOf(openProbe), 0))
              .row();
    const QModelIndex status = table->index(row, ProbeResultsModel::StatusColumn);
    QCOMPARE(status.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(table->setData(status, Qt::Unchecked, Qt::CheckStateRole));
    QTRY_VERIFY(!m_workbench->probe(openProbe)->enabled);
    QCOMPARE(m_session->document()->count(u"probe"_s), 1);
    QCOMPARE(m_session->document()->at(u"probe"_s, 0).data.value(u"enabled"_s), QJsonValue(false));
    QTRY_COMPARE(table->index(row, ProbeResultsModel::StatusColumn).data(Qt::CheckStateRole).toInt(),
        int(Qt::Unchecked));
    QCOMPARE(table->index(row, ProbeResultsModel::StatusColumn).data().toString(), u"Disabled"_s);
    m_session->undoStack()->undo();
    QTRY_VERIFY(m_workbench->probe(openProbe)->enabled);
}

void TestProbesPage::insecureProbeIsRed()
{
    const std::optional<ProbeSpec> http = [this]() -> std::optional<ProbeSpec> {
        for (const ProbeSpec &spec : m_workbench->plan()) {
            if (spec.type == ProbeType::Http)
                return spec;
        }
        return std::nullopt;
    }();
    QVERIFY(http.has_value());
    ProbeSpec insecure = *http;
    insecure.insecure = true;
    m_workbench->saveProbe(ProbePlanner::entityData(insecure));
    QTRY_VERIFY(m_workbench->probe(http->id)->insecure);
    const QModelIndex source = m_page->resultsModel()->index(m_page->resultsModel()->rowOf(http->id), 0);
    const QModelIndex shown = m_page->tableModel()->mapFromSource(source);
    QCOMPARE(shown.data(Qt::ForegroundRole).value<QColor>(), ProbeTableProxy::insecureColor());
    QVERIFY(shown.data(Qt::ToolTipRole).toString().contains(u"TLS verification is OFF"_s));
    m_page->selectProbe(http->id);
    QVERIFY(m_page->detailsView()->toHtml().contains(u"TLS verification is OFF"_s));
    // a secure neighbour is not red
    const QModelIndex other = m_page->tableModel()->mapFromSource(
        m_page->resultsModel()->index(m_page->resultsModel()->rowOf(openProbe), 0));
    QVERIFY(other.data(Qt::ForegroundRole).value<QColor>() != ProbeTableProxy::insecureColor());
}

void TestProbesPage::editorDialogShowsTheFieldsOfTheType()
{
    ProbeEditorDialog dialog(
        ProbePlanner::entityData(*m_workbench->probe(openProbe)), {u"test"_s, u"prod"_s});
    dialog.show();
    auto *port = dialog.findChild<QWidget *>(u"port"_s);
    auto *url = dialog.findChild<QWidget *>(u"url"_s);
    QVERIFY(port && url);
    QVERIFY(port->isVisible());
    QVERIFY(!url->isVisible()); // a TCP probe has no URL
    dialog.setValue(u"port"_s, 4242);
    QJsonObject edited = dialog.probe();
    QCOMPARE(edited.value(u"id"_s).toString(), openProbe);
    QCOMPARE(edited.value(u"port"_s).toInt(), 4242);
    QCOMPARE(edited.value(u"environment"_s).toString(), u"test"_s);
    QCOMPARE(edited.value(u"sources"_s).toArray().first().toString(), u"server/logistics-gw"_s);
    dialog.setValue(u"type"_s, u"http"_s);
    QTRY_VERIFY(url->isVisible());
    QVERIFY(!port->isVisible());
    edited = dialog.probe();
    QVERIFY(!edited.contains(u"port"_s)); // not a field of HTTP probes
    // a probe with no name cannot be accepted; the form says why
    auto *problems = dialog.findChild<QLabel *>(u"probeProblems"_s);
    QVERIFY(problems->isHidden());
    dialog.setValue(u"name"_s, QString());
    QVERIFY(!problems->isHidden());
    QVERIFY(problems->text().startsWith(u"Name:"_s));
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestProbesPage::editorDialogPicksARecordedTarget_data()
{
    QTest::addColumn<QString>("label"); // the entry of the "From the inventory" picker
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("otherKey"); // a field beyond host and port the pick fills
    QTest::addColumn<QString>("otherValue");

    QTest::addRow("server's https port: TLS, by the certificate's host name")
        << u"Server erp-app: localhost:8443 (https, ERP orders API)"_s << u"tls"_s << u"localhost"_s << 8443
        << u"server/erp-app"_s << QString() << QString();
    QTest::addRow("server's sftp port: SFTP at its address")
        << u"Server erp-app: 127.0.0.1:2222 (sftp, Order files)"_s << u"sftp"_s << u"127.0.0.1"_s << 2222
        << u"server/erp-app"_s << QString() << QString();
    QTest::addRow("server's ftp port")
        << u"Server logistics-gw: 127.0.0.1:2121 (ftp, Shipment drop folder)"_s << u"ftp"_s << u"127.0.0.1"_s
        << 2121 << u"server/logistics-gw"_s << QString() << QString();
    QTest::addRow("server's http port: a TCP connect")
        << u"Server logistics-gw: 127.0.0.1:8080 (http, Shipment API)"_s << u"tcp"_s << u"127.0.0.1"_s << 8080
        << u"server/logistics-gw"_s << QString() << QString();
    QTest::addRow("SFTP endpoint: its folder too")
        << u"Endpoint erp-orders-sftp: sftp://127.0.0.1:2222"_s << u"sftp"_s << u"127.0.0.1"_s << 2222
        << u"endpoint/erp-orders-sftp"_s << u"path"_s << u"/outbound/orders"_s;
    QTest::addRow("API endpoint: an HTTP probe of its URL, no host and port")
        << u"Endpoint customer-portal-api: https://127.0.0.1:8443/api/v1/customers"_s << u"http"_s
        << QString() << 0 << u"endpoint/customer-portal-api"_s << u"url"_s
        << u"https://127.0.0.1:8443/api/v1/customers"_s;
    QTest::addRow("PostgreSQL database: driver and database name")
        << u"Database customers-pg: QPSQL 127.0.0.1:5432/journeybench"_s << u"database"_s << u"127.0.0.1"_s
        << 5432 << u"database/customers-pg"_s << u"driver"_s << u"QPSQL"_s;
}

void TestProbesPage::editorDialogPicksARecordedTarget()
{
    QFETCH(QString, label);
    QFETCH(QString, type);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, source);
    QFETCH(QString, otherKey);
    QFETCH(QString, otherValue);

    const QList<EntityRecord> entities = m_session->document()->allEntities();
    const QJsonObject seed{{u"name"_s, u"New probe"_s}, {u"type"_s, u"tcp"_s}, {u"phase"_s, 2}};
    ProbeEditorDialog dialog(seed, ProbePlanner::environments(entities), ProbeTargets::of(entities));
    dialog.show();
    QComboBox *picker = dialog.targetBox();
    QVERIFY(picker);
    // a pick replaces what an earlier one filled: start from another target
    dialog.pickTarget(picker->findText(u"Server erp-app: 127.0.0.1:2222 (sftp, Order files)"_s));
    const int index = picker->findText(label);
    QVERIFY2(index > 0, qPrintable(label));
    dialog.pickTarget(index);

    const QJsonObject probe = dialog.probe();
    QCOMPARE(probe.value(u"type"_s).toString(), type);
    QCOMPARE(probe.value(u"host"_s).toString(), host);
    QCOMPARE(probe.value(u"port"_s).toInt(), port);
    QCOMPARE(probe.value(u"sources"_s).toArray(), QJsonArray{source});
    if (!otherKey.isEmpty())
        QCOMPARE(probe.value(otherKey).toString(), otherValue);
    QCOMPARE(probe.value(u"name"_s).toString(), label); // the default name gives way to the target's
    if (!host.isEmpty()) // the form shows it as typed
        QCOMPARE(dialog.findChild<QLineEdit *>(u"host"_s)->text(), host);
}

void TestProbesPage::runsProbesAndKeepsEvidence()
{
    retarget();
    m_page->selectProbe(openProbe);
    QCOMPARE(m_page->historyModel()->probeId(), openProbe);
    const int pointsBefore = m_page->historyModel()->rowCount();
    QVERIFY(evidenceFiles(m_session->document()->folder()).isEmpty());

    QSignalSpy finished(m_workbench.get(), &ProbeWorkbench::runFinished);
    QSignalSpy written(m_workbench.get(), &ProbeWorkbench::evidenceWritten);
    m_workbench->runProbes({openProbe, closedProbe});
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 15000);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!m_workbench->isRunning());

    ProbeResultsModel *results = m_page->resultsModel();
    const QModelIndex open = results->index(results->rowOf(openProbe), ProbeResultsModel::StatusColumn);
    const QModelIndex closed = results->index(results->rowOf(closedProbe), ProbeResultsModel::StatusColumn);
    QCOMPARE(open.data(ProbeResultsModel::StatusRole).toString(), u"pass"_s);
    QCOMPARE(closed.data(ProbeResultsModel::StatusRole).toString(), u"fail"_s);
    QVERIFY(open.siblingAtColumn(ProbeResultsModel::LatencyColumn).data().toString().endsWith(u" ms"_s));
    QVERIFY(open.siblingAtColumn(ProbeResultsModel::TargetColumn)
                .data()
                .toString()
                .contains(QString::number(m_listening.serverPort())));
    // the table shows a pass and a fail glyph, which differ
    const QModelIndex shownOpen = m_page->tableModel()->mapFromSource(open);
    const QModelIndex shownClosed = m_page->tableModel()->mapFromSource(closed);
    QCOMPARE(shownOpen.data().toString(), ProbeResult::statusLabel(ProbeStatus::Pass));
    QCOMPARE(shownClosed.data().toString(), ProbeResult::statusLabel(ProbeStatus::Fail));
    QVERIFY(shownOpen.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage()
        != shownClosed.data(Qt::DecorationRole).value<QIcon>().pixmap(16).toImage());
    QCOMPARE(m_page->progressBar()->value(), 2);

    // the latency history of the selected probe has the new point, and so does the chart
    LatencyHistoryModel *history = m_page->historyModel();
    QTRY_COMPARE(history->rowCount(), pointsBefore + 1);
    const QModelIndex last = history->index(history->rowCount() - 1, LatencyHistoryModel::LatencyColumn);
    QVERIFY(last.data().toDouble() >= 0);
    QCOMPARE(last.data(LatencyHistoryModel::StatusRole).toString(), u"pass"_s);
    auto *chart = m_page->findChild<LatencyChart *>();
    QVERIFY(chart);
    QCOMPARE(chart->series()->count(), history->rowCount());
    QVERIFY(m_page->detailsView()->toPlainText().contains(u"Pass"_s));

    // one evidence file for the run, with both results and their stamps
    const QString path = written.first().at(0).toString();
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    QCOMPARE(evidenceFiles(m_session->document()->folder()).size(), 1);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ProbeRun run = ProbeRun::fromJson(QJsonDocument::fromJson(file.readAll()).object());
    QCOMPARE(run.environment, u"test"_s);
    QCOMPARE(run.results.size(), 2);
    QVERIFY(run.result(openProbe) && run.result(openProbe)->passed());
    QVERIFY(run.result(closedProbe) && !run.result(closedProbe)->passed());
    QVERIFY(run.stamps.contains(openProbe));
    QVERIFY(!run.stamps.value(openProbe).sourceHashes.value(u"server/logistics-gw"_s).isEmpty());

    // a page of a workbench made later reads the same history from the evidence
    ProbeWorkbench later(m_session.get());
    ProbesPage again(&later);
    QTRY_VERIFY(again.resultsModel()->rowOf(openProbe) >= 0);
    QTRY_COMPARE(again.resultsModel()
                     ->index(again.resultsModel()->rowOf(openProbe), 0)
                     .data(ProbeResultsModel::StatusRole)
                     .toString(),
        u"pass"_s);
    again.selectProbe(openProbe);
    QCOMPARE(again.historyModel()->rowCount(), 1);
}

void TestProbesPage::cancelEndsTheRun()
{
    // an HTTP request to a socket that accepts and never answers: it runs until its timeout
    m_page->addProbe({{u"name"_s, u"Silent server"_s}, {u"type"_s, u"http"_s}, {u"phase"_s, 2},
        {u"url"_s, u"http://127.0.0.1:%1/"_s.arg(m_listening.serverPort())}, {u"timeoutMs"_s, 20000}});
    const QString silent = u"silent-server"_s;
    QTRY_VERIFY(m_workbench->probe(silent).has_value());
    QSignalSpy started(m_workbench->runner(), &ProbeRunner::probeStarted);
    QSignalSpy finished(m_workbench.get(), &ProbeWorkbench::runFinished);
    QSignalSpy written(m_workbench.get(), &ProbeWorkbench::evidenceWritten);
    QElapsedTimer clock;
    clock.start();
    m_workbench->runProbes({silent, openProbe});
    QTRY_VERIFY(started.contains({silent}));
    QVERIFY(m_workbench->isRunning());
    m_workbench->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QVERIFY2(clock.elapsed() < 10000, "cancel did not stop the probe before its timeout");
    const ProbeRun run = finished.first().at(0).value<ProbeRun>();
    QVERIFY(run.cancelled);
    QCOMPARE(run.result(silent)->status, ProbeStatus::Skipped);
    QVERIFY(!m_workbench->isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 15000); // a cancelled run is evidence too, marked so
    QVERIFY(written.first().at(1).toString().isEmpty());
    QVERIFY(m_page->progressBar()->text().startsWith(u"cancelled"_s));
}

void TestProbesPage::firewallRequestShowsLatestStatusAndExportsCsv()
{
    retarget();
    QSignalSpy written(m_workbench.get(), &ProbeWorkbench::evidenceWritten);
    m_workbench->runProbes({openProbe, closedProbe});
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 15000);

    FirewallRequestPage firewall(m_session.get());
    new QAbstractItemModelTester(
        firewall.model(), QAbstractItemModelTester::FailureReportingMode::QtTest, &firewall);
    QSignalSpy refreshed(&firewall, &FirewallRequestPage::refreshed);
    firewall.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() >= 1, 10000);
    QCOMPARE(firewall.environment(), u"test"_s);
    QHash<int, QString> statusByPort;
    for (const FirewallRow &row : firewall.model()->rows()) {
        if (row.server == u"logistics-gw")
            statusByPort.insert(row.port, row.status);
    }
    QCOMPARE(statusByPort.value(8080), u"open"_s);
    QCOMPARE(statusByPort.value(2121), u"refused"_s);

    const QString csvPath = m_dir->filePath(u"firewall.csv"_s);
    QSignalSpy exported(&firewall, &FirewallRequestPage::exported);
    firewall.exportCsv(csvPath);
    QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 10000);
    QVERIFY(exported.first().at(1).toBool());
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().split('\n');
    QCOMPARE(lines.first(),
        QByteArray("source,destination,hostname,port,protocol,service,purpose,status,tested,server\r"));
    QCOMPARE(lines.size() - 2, firewall.model()->rowCount()); // header, rows, and the empty tail
    const auto lineFor = [&lines](const QByteArray &port, const QByteArray &server) {
        for (const QByteArray &line : lines) {
            if (line.contains(QByteArray(",127.0.0.1,localhost," + port + ",tcp,"))
                && line.endsWith(QByteArray(',' + server + '\r')))
                return line;
        }
        return QByteArray();
    };
    QVERIFY(lineFor("8080", "logistics-gw").contains(",http,Shipment API,open,"));
    QVERIFY(lineFor("2121", "logistics-gw").contains(",ftp,Shipment drop folder,refused,"));
    QVERIFY(lineFor("5432", "pg-customers").contains(",not tested,,pg-customers"));
}

QTEST_MAIN(TestProbesPage)
#include "tst_probespage.moc"
