// The checklist of phase 2 (Servers / DB) with its items' probe evidence, in the main window,
// offscreen, on a copy of the sample project with two runs on disk: the ports item current and
// linked to the newest run, the file servers item stale for its failed probe, the database item
// not tested; an edit of a tested server turns the ports item stale (and its undo back); the
// evidence line leads to the connectivity tests; a run there refreshes the evidence; the
// environment follows the probes page.
#include "checklistdelegate.h"
#include "checklistevidenceproxy.h"
#include "checklistevidencetracker.h"
#include "checklistmodel.h"
#include "checklistpanel.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytablemodel.h"
#include "environmentsecretstore.h"
#include "evidencefixture.h"
#include "mainwindow.h"
#include "phasepage.h"
#include "probespage.h"
#include "probeworkbench.h"
#include "projectdocument.h"
#include "projectsession.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;
using State = ItemEvidence::State;

namespace {

const QDateTime olderRun(QDate(2026, 11, 28), QTime(10, 41), Qt::UTC);
const QDateTime newerRun = olderRun.addSecs(3600);

// How many pixels of `image` are close to `color`.
int pixelsNear(const QImage &image, const QColor &color)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) < 24 && std::abs(c.green() - color.green()) < 24
                && std::abs(c.blue() - color.blue()) < 24)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestChecklistEvidence final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsCurrentStaleAndMissing();
    void editOfATestedServerMakesItStale();
    void evidenceLineLeadsToTheTests();
    void probeRunRefreshesTheEvidence();
    void followsTheProbesPageEnvironment();

private:
    ChecklistPanel *checklist() const;
    ProbesPage *probesPage() const;
    QModelIndex item(const QString &id) const;
    QVariant state(const QString &id) const;
    QString text(const QString &id) const;
    QString path(const QString &id) const;
    QStringList reasons(const QString &id) const;

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<MainWindow> m_window;
    QString m_folder;
    QList<ProbeSpec> m_ports; // the probes behind "ports-open"
    QList<ProbeSpec> m_files; // the probes behind "file-servers"
    QString m_failing; // the file server probe that failed in the newer run
    QString m_newerPath; // that run's file, absolute
};

void TestChecklistEvidence::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_checklistevidence"_s);
}

void TestChecklistEvidence::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    m_folder = m_temp->filePath(u"project"_s);
    QVERIFY(test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));

    // two runs, as the probes page or journeybench-cli check leave them: every port passes in both;
    // the file servers pass in the older run, and one of them fails in the newer
    const QList<EntityRecord> entities = test::entitiesOf(m_folder);
    const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
    m_ports = test::probesOf(plan, u"ports-open"_s);
    m_files = test::probesOf(plan, u"file-servers"_s);
    QVERIFY(m_ports.size() > 3);
    QCOMPARE(m_files.size(), 2);
    for (const ProbeSpec &spec : std::as_const(m_files)) {
        if (spec.type == ProbeType::Ftp)
            m_failing = spec.id;
    }
    QVERIFY(!m_failing.isEmpty());
    const QString older = test::writeRun(m_folder, test::runOf(m_ports + m_files, entities, olderRun));
    const QString newer
        = test::writeRun(m_folder, test::runOf(m_ports + m_files, entities, newerRun, {m_failing}));
    QVERIFY(!older.isEmpty() && !newer.isEmpty() && older != newer);
    m_newerPath = QDir(m_folder).filePath(newer);

    m_window = std::make_unique<MainWindow>();
    m_window->resize(1440, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(m_folder);
    QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
    m_window->showPage(Phases::number(Phase::ServersDb) - 1);
    // no keychain, no JOURNEYBENCH_SECRET_* of the machine: a probe that needs a secret fails fast
    probesPage()->workbench()->setSecretStore(
        std::make_shared<EnvironmentSecretStore>(QProcessEnvironment()));
    QTRY_VERIFY_WITH_TIMEOUT(state(u"ports-open"_s).isValid(), 10000);
}

void TestChecklistEvidence::cleanup()
{
    if (m_window) {
        m_window->session()->undoStack()->setClean(); // close without the save question
        m_window->close();
    }
    m_window.reset();
    m_temp.reset();
}

ChecklistPanel *TestChecklistEvidence::checklist() const
{
    return m_window->phasePage(Phase::ServersDb)->checklist();
}

ProbesPage *TestChecklistEvidence::probesPage() const
{
    for (QWidget *tool : m_window->phasePage(Phase::ServersDb)->tools()) {
        if (auto *probes = qobject_cast<ProbesPage *>(tool))
            return probes;
    }
    return nullptr;
}

QModelIndex TestChecklistEvidence::item(const QString &id) const
{
    const QAbstractItemModel *model = checklist()->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, ChecklistModel::TitleColumn);
        if (index.data(ChecklistModel::ItemIdRole).toString() == id)
            return index;
    }
    return {};
}

QVariant TestChecklistEvidence::state(const QString &id) const
{
    return item(id).data(ChecklistEvidenceProxy::EvidenceStateRole);
}

QString TestChecklistEvidence::text(const QString &id) const
{
    return item(id).data(ChecklistEvidenceProxy::EvidenceTextRole).toString();
}

QString TestChecklistEvidence::path(const QString &id) const
{
    return item(id).data(ChecklistEvidenceProxy::EvidencePathRole).toString();
}

QStringList TestChecklistEvidence::reasons(const QString &id) const
{
    return item(id).data(ChecklistEvidenceProxy::EvidenceReasonsRole).toStringList();
}

void TestChecklistEvidence::showsCurrentStaleAndMissing()
{
    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Current));
    QCOMPARE(path(u"ports-open"_s), m_newerPath); // the newest of the two runs that tested it
    const QString when = newerRun.addMSecs(500).toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
    QCOMPARE(text(u"ports-open"_s), u"Tested %1 · %2/%2 passed"_s.arg(when).arg(m_ports.size()));

    // a probe that failed says "Failed", not "Stale": nothing changed since, the server said no
    QCOMPARE(state(u"file-servers"_s).toInt(), int(State::Failed));
    QCOMPARE(path(u"file-servers"_s), m_newerPath);
    const QString failed = m_failing + u" failed: connection refused"_s;
    QCOMPARE(reasons(u"file-servers"_s), QStringList{failed});
    QCOMPARE(text(u"file-servers"_s), u"Failed: "_s + failed);
    const QString tip = item(u"file-servers"_s).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(u"• "_s + failed) && tip.contains(QDir::toNativeSeparators(m_newerPath)),
        qPrintable(tip));

    QCOMPARE(state(u"db-access"_s).toInt(), int(State::Missing));
    QCOMPARE(text(u"db-access"_s), u"Not tested yet"_s);
    QVERIFY(path(u"db-access"_s).isEmpty());
    // an item no probe tests shows no evidence, and keeps the one-line row
    QVERIFY(!item(u"servers-recorded"_s).data(ChecklistEvidenceProxy::EvidencedRole).toBool());
    QTableView *view = checklist()->view();
    QVERIFY(
        view->rowHeight(item(u"ports-open"_s).row()) > view->rowHeight(item(u"servers-recorded"_s).row()));

    // on screen: a green dot for the current item, a red one for the failed, neither for the missing
    const auto cell = [view](const QModelIndex &index) {
        view->scrollTo(index);
        return view->viewport()->grab(view->visualRect(index)).toImage();
    };
    const QColor green = ChecklistDelegate::statusColor(int(ChecklistItem::Status::Done));
    const QColor amber = ChecklistDelegate::statusColor(int(ChecklistItem::Status::InProgress));
    QVERIFY(view->isVisible());
    QTRY_VERIFY(pixelsNear(cell(item(u"ports-open"_s)), green) > 20);
    QCOMPARE(pixelsNear(cell(item(u"ports-open"_s)), amber), 0);
    const QColor red = ChecklistDelegate::evidenceColor(int(State::Failed), view->palette());
    QVERIFY(pixelsNear(cell(item(u"file-servers"_s)), red) > 20);
    QCOMPARE(pixelsNear(cell(item(u"file-servers"_s)), amber), 0);
    QCOMPARE(
        pixelsNear(cell(item(u"db-access"_s)), amber) + pixelsNear(cell(item(u"db-access"_s)), green), 0);
}

void TestChecklistEvidence::editOfATestedServerMakesItStale()
{
    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Current));
    // as in the servers table: a cell edited, through the document's undo stack
    EntityPanel *servers = m_window->phasePage(Phase::ServersDb)->panel(u"server"_s);
    const int row = m_window->session()->document()->rowOf(u"server"_s, u"logistics-gw"_s);
    const QModelIndex name = servers->proxy()->mapFromSource(
        servers->model()->index(row, servers->model()->columnOf(u"name"_s)));
    QVERIFY(servers->view()->model()->setData(name, u"Logistics gateway (new address)"_s, Qt::EditRole));

    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Stale));
    const QStringList why = reasons(u"ports-open"_s);
    QVERIFY(!why.isEmpty());
    for (const QString &reason : why)
        QVERIFY2(reason.startsWith(u"server/logistics-gw changed after server-logistics-gw-"_s),
            qPrintable(reason));
    QCOMPARE(text(u"ports-open"_s), u"Stale: %1 (+%2 more)"_s.arg(why.first()).arg(why.size() - 1));
    QCOMPARE(state(u"db-access"_s).toInt(), int(State::Missing)); // untouched

    m_window->session()->undoStack()->undo();
    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Current));
    QCOMPARE(path(u"ports-open"_s), m_newerPath);
}

void TestChecklistEvidence::evidenceLineLeadsToTheTests()
{
    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Current));
    ProbesPage *probes = probesPage();
    QVERIFY(probes);
    QVERIFY(!probes->isVisible());
    QTableView *view = checklist()->view();
    const QModelIndex index = item(u"ports-open"_s);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.widget = view;
    option.rect = view->visualRect(index);
    const QRect link = ChecklistDelegate::evidenceLinkRect(option, index);
    QVERIFY(option.rect.contains(link));
    QVERIFY(link.top() > option.rect.top() + option.rect.height() / 3); // the second line

    QSignalSpy requested(checklist(), &ChecklistPanel::evidenceRequested);
    // the title is not the link
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(link.left() + 2, option.rect.top() + 4));
    QCOMPARE(requested.size(), 0);
    QVERIFY(!probes->isVisible());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, link.center());
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().first().toString(), u"ports-open"_s);
    QTRY_VERIFY(probes->isVisible());
    QVERIFY(!checklist()->isVisible()); // the tool has the page to itself
}

void TestChecklistEvidence::probeRunRefreshesTheEvidence()
{
    QTRY_COMPARE(state(u"file-servers"_s).toInt(), int(State::Failed));
    ProbesPage *probes = probesPage();
    QSignalSpy written(probes->workbench(), &ProbeWorkbench::evidenceWritten);
    // the failing file server probe again: no secret here, so it fails at once, and leaves evidence
    probes->workbench()->runProbes({m_failing});
    QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 20000);
    const QString newest = written.first().first().toString();
    QVERIFY2(!newest.isEmpty(), qPrintable(written.first().at(1).toString()));
    QVERIFY(newest != m_newerPath);
    QTRY_COMPARE(QDir::cleanPath(path(u"file-servers"_s)), QDir::cleanPath(newest));
    QCOMPARE(state(u"file-servers"_s).toInt(), int(State::Failed));
    QVERIFY2(
        reasons(u"file-servers"_s).constFirst().startsWith(m_failing), qPrintable(text(u"file-servers"_s)));
    QCOMPARE(path(u"ports-open"_s), m_newerPath); // its probes did not run
}

void TestChecklistEvidence::followsTheProbesPageEnvironment()
{
    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Current));
    ChecklistEvidenceTracker *tracker = checklist()->evidence();
    QVERIFY(tracker);
    QCOMPARE(tracker->environment(), probesPage()->workbench()->environment());
    probesPage()->workbench()->setEnvironment(u"prod"_s);
    QTRY_COMPARE(tracker->environment(), u"prod"_s);
    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Missing)); // nothing ran in prod
    QCOMPARE(text(u"ports-open"_s), u"Not tested yet"_s);
    QCOMPARE(text(u"file-servers"_s), u"No probe tests this in prod"_s);
    probesPage()->workbench()->setEnvironment(u"test"_s);
    QTRY_COMPARE(state(u"ports-open"_s).toInt(), int(State::Current));
    // the other phase's checklist follows the same workbench
    QCOMPARE(m_window->phasePage(Phase::Connection)->checklist()->evidence()->environment(), u"test"_s);
}

QTEST_MAIN(TestChecklistEvidence)
#include "tst_checklistevidence.moc"
