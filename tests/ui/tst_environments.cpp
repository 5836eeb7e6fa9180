// Environments where they are needed: a new project starts with test and prod; the connectivity
// tests, the firewall request and the pipe runs each add one ("New environment…", undoable) and
// lead to the navigator's Environments page, which holds the one editor of them.
#include "entitypanel.h"
#include "entitytablemodel.h"
#include "environmentbox.h"
#include "environmentspage.h"
#include "firewallrequestpage.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "phasepage.h"
#include "piperuntime.h"
#include "pipespage.h"
#include "probespage.h"
#include "probeworkbench.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "testfolder.h"

#include <QComboBox>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// The tools that run in an environment, and where each says which one it uses.
enum class Tool
{
    ConnectivityTests,
    FirewallRequest,
    RunPipes,
};

} // namespace

Q_DECLARE_METATYPE(Tool)

class TestEnvironments final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void newProjectHasTestAndProd();
    void newEnvironmentFromEachTool_data();
    void newEnvironmentFromEachTool();
    void editLinkOpensTheEnvironmentsPage_data();
    void editLinkOpensTheEnvironmentsPage();
    void navigatorEntryOpensTheEditor();
    void deployPageLinksToTheEnvironments();

private:
    void openCopyOfSample();
    QWidget *tool(Tool which) const;
    QString environmentInUse(Tool which) const;

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<MainWindow> m_window;
};

void TestEnvironments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_environments"_s);
}

void TestEnvironments::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestEnvironments::cleanup()
{
    if (m_window) {
        m_window->session()->undoStack()->setClean(); // close without the save question
        m_window->close();
    }
    m_window.reset();
    m_temp.reset();
}

void TestEnvironments::openCopyOfSample()
{
    const QString folder = m_temp->filePath(u"project"_s);
    QVERIFY(jb::test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), folder));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(folder);
    QTRY_COMPARE(opened.size(), 1);
}

QWidget *TestEnvironments::tool(Tool which) const
{
    switch (which) {
    case Tool::ConnectivityTests:
        return m_window->phasePage(Phase::Connection)->tools().value(0);
    case Tool::FirewallRequest:
        return m_window->phasePage(Phase::ServersDb)->tools().value(1);
    case Tool::RunPipes:
        return m_window->phasePage(Phase::Pipes)->tools().value(0);
    }
    return nullptr;
}

QString TestEnvironments::environmentInUse(Tool which) const
{
    QWidget *page = tool(which);
    switch (which) {
    case Tool::ConnectivityTests:
        return qobject_cast<ProbesPage *>(page)->workbench()->environment();
    case Tool::FirewallRequest:
        return qobject_cast<FirewallRequestPage *>(page)->environment();
    case Tool::RunPipes:
        return qobject_cast<PipesPage *>(page)->runtime()->environmentName();
    }
    return {};
}

void TestEnvironments::newProjectHasTestAndProd()
{
    const QString folder = m_temp->filePath(u"fresh"_s);
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->session()->create(folder, u"Fresh"_s);
    QTRY_COMPARE(opened.size(), 1);

    ProjectDocument *document = m_window->session()->document();
    QStringList ids;
    for (const EntityRecord &record : document->entities(u"environment"_s))
        ids.append(record.id());
    ids.sort();
    QCOMPARE(ids, (QStringList{u"prod"_s, u"test"_s}));
    // the test environment is the loopback the mocks answer on, as the sample's is
    const EntityRecord *test = document->find(u"environment"_s, u"test"_s);
    QVERIFY(test);
    QCOMPARE(test->data.value(u"sourceAddresses"_s).toArray(), QJsonArray{u"127.0.0.1/32"_s});
    QVERIFY(QFileInfo::exists(folder + u"/environments/test.json"_s));
    QVERIFY(QFileInfo::exists(folder + u"/environments/prod.json"_s));
    QVERIFY(!m_window->session()->isModified()); // written, not pending
    QCOMPARE(m_window->session()->problems().size(), 0);

    // and the connectivity tests run somewhere from the first minute
    auto *probes = qobject_cast<ProbesPage *>(tool(Tool::ConnectivityTests));
    QVERIFY(probes);
    QTRY_VERIFY(!probes->environmentBox()->currentText().isEmpty());
    QCOMPARE(probes->environmentBox()->count(), 2);
}

void TestEnvironments::newEnvironmentFromEachTool_data()
{
    QTest::addColumn<Tool>("which");
    QTest::addRow("connectivity tests") << Tool::ConnectivityTests;
    QTest::addRow("firewall request") << Tool::FirewallRequest;
    QTest::addRow("run pipes") << Tool::RunPipes;
}

void TestEnvironments::newEnvironmentFromEachTool()
{
    QFETCH(Tool, which);
    openCopyOfSample();
    ProjectDocument *document = m_window->session()->document();
    QWidget *page = tool(which);
    QVERIFY(page);
    auto *picker = page->findChild<EnvironmentBox *>();
    QVERIFY(picker);
    const QString before = picker->combo()->currentText();
    QVERIFY(!before.isEmpty());

    // the button asks for a name without blocking; answering adds and chooses the environment
    QTest::mouseClick(picker->newButton(), Qt::LeftButton);
    QInputDialog *ask = nullptr;
    QTRY_VERIFY((ask = picker->findChild<QInputDialog *>(u"newEnvironmentName"_s)));
    ask->setTextValue(u"Homologation"_s);
    ask->accept();

    QVERIFY(document->find(u"environment"_s, u"homologation"_s));
    QTRY_COMPARE(picker->combo()->currentText(), u"homologation"_s);
    QVERIFY(picker->combo()->findText(u"homologation"_s) >= 0);
    QCOMPARE(environmentInUse(which), u"homologation"_s);
    QCOMPARE(m_window->session()->undoStack()->undoText(), u"Add environment"_s);

    m_window->session()->undoStack()->undo();
    QVERIFY(!document->find(u"environment"_s, u"homologation"_s));
    QTRY_COMPARE(picker->combo()->findText(u"homologation"_s), -1);
    QTRY_VERIFY(environmentInUse(which) != u"homologation"_s);
    QVERIFY(!m_window->session()->isModified());
}

void TestEnvironments::editLinkOpensTheEnvironmentsPage_data()
{
    newEnvironmentFromEachTool_data();
}

void TestEnvironments::editLinkOpensTheEnvironmentsPage()
{
    QFETCH(Tool, which);
    openCopyOfSample();
    auto *picker = tool(which)->findChild<EnvironmentBox *>();
    QVERIFY(picker);
    const QString current = picker->combo()->currentText();
    QVERIFY(m_window->currentPage() != NavigatorModel::environmentsRow);

    Q_EMIT picker->editLink()->linkActivated(u"environments"_s);
    QCOMPARE(m_window->currentPage(), int(NavigatorModel::environmentsRow));
    QCOMPARE(m_window->navigatorView()->currentIndex().row(), int(NavigatorModel::environmentsRow));
    // the editor shows the environment the tool was using
    QCOMPARE(m_window->environmentsPage()->panel()->currentId(), current);
}

void TestEnvironments::navigatorEntryOpensTheEditor()
{
    openCopyOfSample();
    const QModelIndex entry = m_window->navigator()->index(NavigatorModel::environmentsRow);
    QCOMPARE(entry.data().toString(), u"Environments"_s);
    QCOMPARE(entry.data(NavigatorModel::PageRole).toInt(), int(NavigatorModel::Page::Environments));
    QCOMPARE(entry.data(NavigatorModel::PhaseNumberRole).toInt(), 0); // not a phase

    m_window->navigatorView()->setCurrentIndex(entry);
    QCOMPARE(m_window->currentPage(), int(NavigatorModel::environmentsRow));
    EntityPanel *panel = m_window->environmentsPage()->panel();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->kind().kind, u"environment"_s);
    QCOMPARE(panel->model()->rowCount(), 2); // the sample's test and prod
    // moved, not copied: the deploy phase no longer has an editor of its own
    QVERIFY(!m_window->phasePage(Phase::Deploy)->panel(u"environment"_s));
}

void TestEnvironments::deployPageLinksToTheEnvironments()
{
    openCopyOfSample();
    m_window->showPage(Phases::number(Phase::Deploy) - 1);
    auto *link = m_window->phasePage(Phase::Deploy)->findChild<QLabel *>(u"deployEnvironmentsLink"_s);
    QVERIFY(link);
    QVERIFY(link->isVisible());
    Q_EMIT link->linkActivated(u"environments"_s);
    QCOMPARE(m_window->currentPage(), int(NavigatorModel::environmentsRow));
}

QTEST_MAIN(TestEnvironments)
#include "tst_environments.moc"
