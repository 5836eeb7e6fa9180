#include "mainwindow.h"

#include "artifactspage.h"
#include "checklist.h"
#include "diagnosticsdialog.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytablemodel.h"
#include "environmentspage.h"
#include "icons.h"
#include "journeyschema.h"
#include "navigatordelegate.h"
#include "navigatormodel.h"
#include "objectlistmodel.h"
#include "objectlistpanel.h"
#include "phasepage.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "recentprojects.h"
#include "screenfit.h"
#include "scrollable.h"
#include "timelinepage.h"
#include "welcomepage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

namespace {
constexpr int workspaceIndex = 1; // the welcome page is 0
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new ProjectSession(
          QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery"_s, this))
    , m_navigator(new NavigatorModel(m_session->document(), this))
    , m_central(new QStackedWidget(this))
    , m_welcome(new WelcomePage(this))
{
    setObjectName(u"MainWindow"_s);
    m_central->addWidget(scrollable(m_welcome, m_central));
    buildWorkspace();
    setCentralWidget(m_central);
    createActions();
    createMenus();
    buildStatusBar();
    connectSession();

    connect(m_welcome, &WelcomePage::newRequested, this, &MainWindow::newProject);
    connect(m_welcome, &WelcomePage::openRequested, this, &MainWindow::chooseAndOpen);
    connect(m_welcome, &WelcomePage::sampleRequested, this, &MainWindow::openSample);
    connect(m_welcome, &WelcomePage::recentRequested, this, &MainWindow::openProject);
    m_focusTracking = connect(
        qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { trackFocus(now); });

    applyTheme(Theme::fromKey(m_settings.value(u"theme"_s).toString()));
    restoreLayout();
    updateRecentMenu();
    updateTitle();
    updateStatus();
    updateEditActions();
}

MainWindow::~MainWindow()
{
    // the children destroyed after this body move the focus; the MainWindow is gone by then
    disconnect(m_focusTracking);
}

void MainWindow::buildWorkspace()
{
    m_workspace = new QSplitter(Qt::Horizontal, m_central);
    m_workspace->setObjectName(u"workspace"_s);
    m_workspace->setChildrenCollapsible(false);

    // the sidebar: the project's name and overall completion over the journey navigator
    auto *sidebar = new QWidget(m_workspace);
    sidebar->setObjectName(u"sidebar"_s);
    auto *sideLayout = new QVBoxLayout(sidebar);
    sideLayout->setContentsMargins(0, 12, 0, 6);
    sideLayout->setSpacing(2);
    m_projectName = new QLabel(sidebar);
    QFont nameFont = m_projectName->font();
    nameFont.setBold(true);
    m_projectName->setFont(nameFont);
    m_projectName->setWordWrap(true);
    m_projectName->setContentsMargins(16, 0, 12, 0);
    m_overall = new QLabel(sidebar);
    m_overall->setForegroundRole(QPalette::PlaceholderText);
    m_overall->setContentsMargins(16, 0, 12, 8);
    m_navigatorView = new QListView(sidebar);
    m_navigatorView->setObjectName(u"navigator"_s);
    m_navigatorView->setModel(m_navigator);
    m_navigatorView->setItemDelegate(new NavigatorDelegate(m_navigatorView));
    m_navigatorView->setFrameShape(QFrame::NoFrame);
    m_navigatorView->setMouseTracking(true);
    m_navigatorView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_navigatorView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_navigatorView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_navigatorView->viewport()->setAutoFillBackground(false);
    m_navigatorView->setAutoFillBackground(false);
    sideLayout->addWidget(m_projectName);
    sideLayout->addWidget(m_overall);
    sideLayout->addWidget(m_navigatorView, 1);
    sidebar->setMinimumWidth(220);

    m_pages = new QStackedWidget(m_workspace);
    for (const PhaseInfo &info : Phases::all()) {
        auto *page = new PhasePage(m_session->editor(), m_navigator, info.phase, m_pages);
        m_phasePages.append(page);
        m_pages->addWidget(scrollable(page, m_pages));
    }
    addPhaseTools();
    m_timeline = new TimelinePage(m_session->editor(), m_navigator, m_pages);
    m_pages->addWidget(scrollable(m_timeline, m_pages));
    m_artifacts = new ArtifactsPage(m_session->document(), m_navigator, m_pages);
    m_pages->addWidget(scrollable(m_artifacts, m_pages));
    m_environments = new EnvironmentsPage(m_session->editor(), m_navigator, m_pages);
    m_pages->addWidget(scrollable(m_environments, m_pages));

    m_workspace->addWidget(sidebar);
    m_workspace->addWidget(m_pages);
    m_workspace->setStretchFactor(0, 0);
    m_workspace->setStretchFactor(1, 1);
    m_workspace->setSizes({250, 1150});
    m_central->addWidget(m_workspace);

    connect(m_navigatorView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (current.isValid())
                m_pages->setCurrentIndex(current.row());
        });
    m_navigatorView->setCurrentIndex(m_navigator->index(0));
}

void MainWindow::buildStatusBar()
{
    m_folderLabel = new QLabel(this);
    m_folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_folderLabel->setMinimumWidth(120);
    m_diagnosticsButton = new QToolButton(this);
    m_diagnosticsButton->setAutoRaise(true);
    m_diagnosticsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxCritical));
    m_diagnosticsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_diagnosticsButton->setToolTip(u"Files that could not be loaded; they are never overwritten"_s);
    m_problemsButton = new QToolButton(this);
    m_problemsButton->setObjectName(u"problemsButton"_s);
    m_problemsButton->setAutoRaise(true);
    m_problemsButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_problemsButton->setToolTip(u"Invalid values and broken references in the project"_s);
    m_changesLabel = new QLabel(this);
    m_changesLabel->setContentsMargins(8, 0, 8, 0);
    statusBar()->addWidget(m_folderLabel, 1);
    statusBar()->addPermanentWidget(m_diagnosticsButton);
    statusBar()->addPermanentWidget(m_problemsButton);
    statusBar()->addPermanentWidget(m_changesLabel);
    connect(m_diagnosticsButton, &QToolButton::clicked, this, &MainWindow::showLoadDiagnostics);
    connect(m_problemsButton, &QToolButton::clicked, this, &MainWindow::showProblems);
}

void MainWindow::connectSession()
{
    ProjectSession *session = m_session;
    connect(session, &ProjectSession::loadStarted, this, [this](const QString &folder) {
        statusBar()->showMessage(u"Opening %1…"_s.arg(QDir::toNativeSeparators(folder)));
    });
    connect(session, &ProjectSession::sampleRenewed, this, [this](const QString &keptAs) {
        // the kept copy sits beside the new one: its name is enough
        m_sampleNote = keptAs.isEmpty()
            ? u"the sample was updated to this version's"_s
            : u"the sample was updated; your earlier copy is \u201c%1\u201d beside it"_s.arg(
                QFileInfo(keptAs).fileName());
    });
    connect(session, &ProjectSession::opened, this, [this](const QString &folder) {
        RecentProjects(m_settings).add(folder);
        updateRecentMenu();
        m_central->setCurrentIndex(workspaceIndex);
        const int diagnostics = static_cast<int>(m_session->loadDiagnostics().size());
        QString message = diagnostics == 0
            ? u"Opened %1"_s.arg(m_session->document()->projectName())
            : u"Opened %1; %2 file(s) could not be loaded"_s.arg(m_session->document()->projectName())
                  .arg(diagnostics);
        if (!m_sampleNote.isEmpty())
            message += u"; "_s + std::exchange(m_sampleNote, QString());
        statusBar()->showMessage(message, 10000);
        updateTitle();
        updateStatus();
        updateEditActions();
        if (diagnostics > 0)
            showLoadDiagnostics();
    });
    connect(
        session, &ProjectSession::openFailed, this, [this](const QString &folder, const QString &message) {
            statusBar()->clearMessage();
            tell(QMessageBox::Warning, u"openError"_s, u"Cannot Open Project"_s,
                u"<p>The project in <b>%1</b> could not be opened.</p><p>%2</p>"_s.arg(
                    QDir::toNativeSeparators(folder).toHtmlEscaped(), message.toHtmlEscaped()));
        });
    connect(session, &ProjectSession::recoveryOffered, this, &MainWindow::offerRecovery);
    connect(session, &ProjectSession::saved, this, [this](const QString &, const QStringList &written) {
        statusBar()->showMessage(written.isEmpty() ? u"Saved; nothing had changed on disk"_s
                                                   : u"Saved %1 file(s)"_s.arg(written.size()),
            4000);
        updateTitle();
        updateStatus();
    });
    connect(session, &ProjectSession::saveFailed, this, [this](const QString &message) {
        statusBar()->clearMessage();
        tell(QMessageBox::Warning, u"saveError"_s, u"Not Everything Was Saved"_s,
            u"<p>Some files were not written; they are left as they were and your changes are kept.</p>"
            u"<pre>%1</pre>"_s.arg(message.toHtmlEscaped()));
        updateStatus();
    });
    connect(session, &ProjectSession::modifiedChanged, this, [this] {
        updateTitle();
        updateStatus();
    });
    connect(session, &ProjectSession::unsavedChangesChanged, this, &MainWindow::updateStatus);
    connect(session, &ProjectSession::problemsChanged, this, &MainWindow::updateProblems);
    connect(session, &ProjectSession::busyChanged, this, [this](bool busy) {
        // a save in flight must not race an edit: input waits for the few milliseconds it takes
        if (busy && m_session->isSaving())
            qApp->installEventFilter(this);
        else
            qApp->removeEventFilter(this);
        m_saveAction->setEnabled(!busy && hasProject());
        m_saveAsAction->setEnabled(!busy && hasProject());
    });
    connect(session->document(), &ProjectDocument::manifestChanged, this, &MainWindow::updateTitle);
    connect(session->document(), &ProjectDocument::wasReset, this, &MainWindow::updateTitle);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::ShortcutOverride:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        return m_session->isSaving();
    default:
        return QMainWindow::eventFilter(watched, event);
    }
}

PhasePage *MainWindow::phasePage(Phase phase) const
{
    return m_phasePages.value(Phases::number(phase) - 1);
}

int MainWindow::currentPage() const
{
    return m_pages->currentIndex();
}

void MainWindow::showTab(const QString &title)
{
    if (PhasePage *page = m_phasePages.value(m_pages->currentIndex()))
        page->showTab(title);
}

void MainWindow::showPage(int row)
{
    if (row < 0 || row >= m_navigator->rowCount())
        return;
    m_navigatorView->setCurrentIndex(m_navigator->index(row));
    m_pages->setCurrentIndex(row);
}

void MainWindow::showEnvironment(const QString &id)
{
    showPage(NavigatorModel::environmentsRow);
    if (!id.isEmpty())
        m_environments->select(id);
}

bool MainWindow::hasProject() const
{
    return m_session->document()->hasFolder();
}

void MainWindow::openProject(const QString &folder)
{
    whenSafeToLeave([this, folder] { m_session->open(folder); });
}

void MainWindow::updateTitle()
{
    const QString name = m_session->document()->projectName();
    if (!hasProject()) {
        setWindowTitle(u"JourneyBench"_s);
    } else {
        setWindowTitle(u"%1[*] — JourneyBench"_s.arg(
            name.isEmpty() ? QDir(m_session->document()->folder()).dirName() : name));
    }
    setWindowModified(m_session->isModified());
    m_projectName->setText(name);
    const Completion overall = Checklist::overall(m_session->document()->manifest());
    m_overall->setText(u"Journey %1% complete"_s.arg(overall.percent()));
    m_overall->setToolTip(u"%1 of %2 checklist items complete"_s.arg(overall.complete).arg(overall.total));
}

void MainWindow::updateStatus()
{
    m_folderLabel->setText(
        hasProject() ? QDir::toNativeSeparators(m_session->document()->folder()) : QString());
    const int unsaved = m_session->unsavedChanges();
    m_changesLabel->setText(!hasProject() ? QString()
            : unsaved == 0                ? u"All changes saved"_s
            : unsaved == 1                ? u"1 unsaved change"_s
                                          : u"%1 unsaved changes"_s.arg(unsaved));
    const int diagnostics = static_cast<int>(m_session->loadDiagnostics().size());
    m_diagnosticsButton->setVisible(diagnostics > 0);
    m_diagnosticsButton->setText(
        diagnostics == 1 ? u"1 file not loaded"_s : u"%1 files not loaded"_s.arg(diagnostics));
    m_problemsButton->setVisible(hasProject());
    m_saveAction->setEnabled(hasProject() && !m_session->isSaving());
    m_saveAsAction->setEnabled(hasProject() && !m_session->isSaving());
}

void MainWindow::updateProblems(int count)
{
    m_problemsButton->setText(count == 0 ? u"No problems"_s
            : count == 1                 ? u"1 problem"_s
                                         : u"%1 problems"_s.arg(count));
    m_problemsButton->setIcon(count == 0 ? Icons::icon(Icons::Glyph::Signoff)
                                         : style()->standardIcon(QStyle::SP_MessageBoxWarning));
}

void MainWindow::showLoadDiagnostics()
{
    auto *dialog = new DiagnosticsDialog(u"Files Not Loaded"_s,
        u"These files could not be loaded. The rest of the project is open; these files are left "
        u"exactly as they are and are never overwritten. Fix them in an editor and reopen the project."_s,
        m_session->loadDiagnostics(), m_session->document()->folder(), this);
    dialog->setObjectName(u"loadDiagnostics"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showProblems()
{
    if (m_session->problems().isEmpty()) {
        statusBar()->showMessage(u"No invalid values and no broken references"_s, 4000);
        return;
    }
    if (auto *open = findChild<DiagnosticsDialog *>(u"problems"_s))
        open->close(); // one list, of the current problems
    auto *dialog = new DiagnosticsDialog(u"Problems"_s,
        u"Values that are invalid or name something that does not exist. They are kept as typed; each "
        u"is also marked in its table. Double-click a row to go to it."_s,
        m_session->problems(), m_session->document()->folder(), this);
    dialog->setObjectName(u"problems"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DiagnosticsDialog::openRequested, this, &MainWindow::openDiagnostic);
    dialog->show(); // not modal: the window follows the rows clicked
}

void MainWindow::openDiagnostic(const Diagnostic &diagnostic)
{
    const KindSpec *kind = JourneySchema::kind(diagnostic.kind);
    if (!kind || kind->phase < 1)
        return;
    showPage(kind->phase - 1);
    PhasePage *page = phasePage(static_cast<Phase>(kind->phase));
    EntityPanel *panel = page ? page->panel(diagnostic.kind) : nullptr;
    if (!panel)
        return;
    page->showPanel(diagnostic.kind);
    const int row = m_session->document()->rowOf(diagnostic.kind, diagnostic.entityId);
    if (row < 0)
        return;
    panel->filterEdit()->clear(); // a filter must not hide the row asked for
    panel->selectRow(row);
    const QString key = diagnostic.pointer.section(u'/', 1, 1);
    QAbstractItemView *target = panel->view();
    QModelIndex cell;
    if (const int column = panel->model()->columnOf(key); column >= 0) {
        cell = panel->proxy()->mapFromSource(panel->model()->index(row, column));
    } else {
        // a field inside a list of objects ("/ports/0/port"): its row in that list's table
        for (ObjectListPanel *list : panel->objectLists()) {
            if (list->model()->listField().key != key)
                continue;
            const int item = diagnostic.pointer.section(u'/', 2, 2).toInt();
            const QString fieldKey = diagnostic.pointer.section(u'/', 3, 3);
            const QList<FieldSpec> &fields = list->model()->listField().itemFields;
            const auto found = std::find_if(fields.cbegin(), fields.cend(),
                [&fieldKey](const FieldSpec &f) { return f.key == fieldKey; });
            const int field = found == fields.cend() ? 0 : static_cast<int>(found - fields.cbegin());
            target = list->view();
            cell = list->model()->index(item, field);
            break;
        }
    }
    if (cell.isValid()) {
        target->setCurrentIndex(cell);
        target->scrollTo(cell);
    }
    target->setFocus(Qt::OtherFocusReason);
    statusBar()->showMessage(diagnostic.message, 6000);
}

void MainWindow::tell(QMessageBox::Icon icon, const QString &name, const QString &title, const QString &text)
{
    // window-modal but not blocking: the event loop (and any load or save in flight) goes on
    auto *box = new QMessageBox(icon, title, text, QMessageBox::Ok, this);
    box->setObjectName(name);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::offerRecovery(const QDateTime &savedAt)
{
    auto *box = new QMessageBox(QMessageBox::Question, u"Restore Unsaved Changes"_s,
        u"Restore unsaved changes from %1?"_s.arg(
            QLocale().toString(savedAt.toLocalTime(), QLocale::ShortFormat)),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(u"recoveryOffer"_s);
    box->setInformativeText(
        u"JourneyBench kept a copy of changes to this project that were never saved, "
        u"probably because it was closed unexpectedly. Restored changes can be undone."_s);
    box->setDefaultButton(QMessageBox::Yes);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this](int result) {
        if (result == QMessageBox::Yes) {
            m_session->restoreRecovery();
            statusBar()->showMessage(u"Unsaved changes restored"_s, 5000);
        } else {
            m_session->discardRecovery();
        }
    });
    box->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeApproved || !m_session->isModified()) {
        m_session->closeCleanly();
        saveLayout();
        event->accept();
        return;
    }
    event->ignore();
    whenSafeToLeave([this] {
        m_closeApproved = true;
        // Queued: when the answer was Discard this runs inside this very close event, and a
        // close() from inside one is ignored by Qt, which left the window open.
        QMetaObject::invokeMethod(
            this, [this] { close(); }, Qt::QueuedConnection);
    });
}

void MainWindow::restoreLayout()
{
    if (!restoreGeometry(m_settings.value(u"window/geometry"_s).toByteArray()))
        resize(1440, 900);
    restoreState(m_settings.value(u"window/state"_s).toByteArray());
    m_workspace->restoreState(m_settings.value(u"window/workspace"_s).toByteArray());
    // a geometry saved on a larger screen, or the default on a small or scaled one, must not
    // open larger than the screen (shown, the frame's real margins fit it once more)
    ScreenFit::apply(this);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedOnShow) {
        m_fittedOnShow = true;
        // the frame's margins are known once the window system has the window
        QTimer::singleShot(0, this, [this] { ScreenFit::apply(this); });
    }
}

void MainWindow::saveLayout()
{
    m_settings.setValue(u"window/geometry"_s, saveGeometry());
    m_settings.setValue(u"window/state"_s, saveState());
    m_settings.setValue(u"window/workspace"_s, m_workspace->saveState());
}

} // namespace jb
