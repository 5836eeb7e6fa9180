// The tools each phase offers beyond its inventory tables, added as tabs of the phase's page.
// One line per tool; each tool takes the session, or the runtime it shows, and follows the open
// project itself.
#include "checklistevidencetracker.h"
#include "checklistpanel.h"
#include "environmentbox.h"
#include "eventspage.h"
#include "firewallrequestpage.h"
#include "mainwindow.h"
#include "mappingpage.h"
#include "mockpage.h"
#include "mockruntime.h"
#include "phasepage.h"
#include "piperuntime.h"
#include "pipespage.h"
#include "probespage.h"
#include "probeworkbench.h"
#include "projectsession.h"
#include "unittestspage.h"

#include <QComboBox>
#include <QLabel>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace jb {

void MainWindow::addPhaseTools()
{
    // phases 1 and 2: the connectivity probes of the inventory, one workbench for the session (a
    // child of it) with a view per phase that runs its phase's, and the firewall request with the
    // status its probes found
    auto *probes = new ProbeWorkbench(m_session, m_session);
    auto *connectionProbes = new ProbesPage(probes);
    connectionProbes->setPhase(1);
    phasePage(Phase::Connection)->addToolTab(connectionProbes, u"Connectivity tests"_s);
    auto *serverProbes = new ProbesPage(probes);
    serverProbes->setPhase(2);
    phasePage(Phase::ServersDb)->addToolTab(serverProbes, u"Connectivity tests"_s);
    auto *firewall = new FirewallRequestPage(m_session);
    phasePage(Phase::ServersDb)->addToolTab(firewall, u"Firewall request"_s);
    linkChecklistEvidence(probes, {connectionProbes, serverProbes});
    // phase 5: the field-by-field From-To between the provider's data and the consumer's contract
    phasePage(Phase::Contracts)->addToolTab(new MappingPage(m_session->editor()), u"From-To"_s);
    // phase 6: run the pipes (and serve them), the ViaCEP mock with its faults, the error events;
    // one mock and one pipe runtime for the session, children of it, so the three pages see the
    // same mock, runs and events
    auto *mock = new MockRuntime(m_session, m_session);
    auto *pipes = new PipeRuntime(m_session, mock, m_session);
    auto *pipesPage = new PipesPage(m_session, pipes);
    phasePage(Phase::Pipes)->addToolTab(pipesPage, u"Run pipes"_s);
    // every tool that runs in an environment leads to the page where environments are edited
    for (EnvironmentBox *picker : {connectionProbes->environmentPicker(), serverProbes->environmentPicker(),
             firewall->environmentPicker(), pipesPage->environmentPicker()})
        connect(picker, &EnvironmentBox::editRequested, this, &MainWindow::showEnvironment);
    // the deploy checks the environments' variables; they are edited on their own page now
    auto *environments = new QLabel(u"The environments, their variables and secret names are on the "
                                    u"<a href=\"environments\">Environments</a> page."_s);
    environments->setObjectName(u"deployEnvironmentsLink"_s);
    environments->setContentsMargins(0, 0, 0, 6);
    connect(environments, &QLabel::linkActivated, this, [this] { showEnvironment(); });
    phasePage(Phase::Deploy)->addNote(environments);
    phasePage(Phase::Pipes)->addToolTab(new MockPage(pipes), u"Mock"_s);
    phasePage(Phase::Pipes)->addToolTab(new EventsPage(m_session, pipes), u"Events"_s);
    // phase 7: the unit suites, run with their step mocks; the steps they cover show on the pipe's
    // flow cards of phase 6
    auto *unitTests = new UnitTestsPage(m_session);
    phasePage(Phase::UnitTests)->addToolTab(unitTests, u"Unit tests"_s);
    connect(unitTests, &UnitTestsPage::coverageChanged, pipesPage, &PipesPage::setCoverage);
    linkTestEvidence(unitTests);
    connect(unitTests, &UnitTestsPage::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
}

// Phase 7's checklist shows what the newest run of every unit suite proves ("A unit test per pipe
// step", "Unit tests passed"), for the environment the Unit tests page runs in, re-read after each
// run, and leads to that page.
void MainWindow::linkTestEvidence(UnitTestsPage *unitTests)
{
    PhasePage *page = phasePage(Phase::UnitTests);
    ChecklistEvidenceTracker *evidence = page->checklist()->evidence();
    if (!evidence)
        return;
    connect(
        unitTests, &UnitTestsPage::environmentChanged, evidence, &ChecklistEvidenceTracker::setEnvironment);
    evidence->setEnvironment(unitTests->environmentBox()->currentText());
    connect(unitTests, &UnitTestsPage::runFinished, evidence, &ChecklistEvidenceTracker::reload);
    connect(page->checklist(), &ChecklistPanel::evidenceRequested, page,
        [page, unitTests] { page->showTool(unitTests); });
}

// The checklists of phases 1 and 2 show their items' probe evidence: for the environment the
// workbench uses, re-read whenever a run stored evidence ("Run all" on one page evidences items of
// both), and leading to their phase's page of tests.
void MainWindow::linkChecklistEvidence(ProbeWorkbench *workbench, const QList<ProbesPage *> &probesPages)
{
    for (ProbesPage *probes : probesPages) {
        PhasePage *page = phasePage(probes->phase() == 1 ? Phase::Connection : Phase::ServersDb);
        ChecklistEvidenceTracker *evidence = page->checklist()->evidence();
        if (!evidence)
            continue;
        connect(workbench, &ProbeWorkbench::environmentChanged, evidence,
            &ChecklistEvidenceTracker::setEnvironment);
        evidence->setEnvironment(workbench->environment());
        connect(workbench, &ProbeWorkbench::evidenceWritten, evidence, &ChecklistEvidenceTracker::reload);
        connect(page->checklist(), &ChecklistPanel::evidenceRequested, page,
            [page, probes] { page->showTool(probes); });
    }
}

} // namespace jb
