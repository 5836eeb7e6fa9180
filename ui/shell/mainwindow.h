#pragma once

#include "diagnostic.h"
#include "phase.h"
#include "theme.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>

#include <functional>

class QAction;
class QActionGroup;
class QLabel;
class QListView;
class QMenu;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace jb {

class ArtifactsPage;
class EnvironmentsPage;
class NavigatorModel;
class PhasePage;
class ProbesPage;
class UnitTestsPage;
class ProbeWorkbench;
class ProjectSession;
class RowActions;
class TimelinePage;
class WelcomePage;

// The workbench: the journey navigator on the left, a page per phase (plus Timeline and
// Artifacts) on the right, menus, toolbar and status bar. Project-wide work (open, save, recovery,
// validation) is ProjectSession's; this class turns it into dialogs and messages.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    ProjectSession *session() const { return m_session; }
    NavigatorModel *navigator() const { return m_navigator; }
    QListView *navigatorView() const { return m_navigatorView; }
    PhasePage *phasePage(Phase phase) const;
    TimelinePage *timelinePage() const { return m_timeline; }
    EnvironmentsPage *environmentsPage() const { return m_environments; }
    int currentPage() const; // a NavigatorModel row
    void showPage(int row);
    // On the current phase page, shows the tab whose title starts with `title`.
    void showTab(const QString &title);
    // Opens the navigator's Environments page, showing environment `id` when given.
    void showEnvironment(const QString &id = {});
    bool hasProject() const;
    // The documentation index Help > Documentation last opened ("" before it did).
    QString lastDocumentation() const { return m_lastDocumentation; }

    // Opens a project folder (asking first about unsaved changes).
    void openProject(const QString &folder);
    // Copies the bundled sample into the user's data folder (once) and opens that copy.
    void openSample();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // mainwindow.cpp: layout and reactions to the session
    void buildWorkspace();
    // mainwindow_tools.cpp: the phases' tools (probes, From-To editor, pipes...) as tabs
    void addPhaseTools();
    void linkChecklistEvidence(ProbeWorkbench *workbench, const QList<ProbesPage *> &probesPages);
    void linkTestEvidence(UnitTestsPage *unitTests);
    void buildStatusBar();
    void connectSession();
    void updateTitle();
    void updateStatus();
    void updateProblems(int count);
    void showLoadDiagnostics();
    void showProblems();
    // Shows the entity and field a problem is about: its page, tab, row and cell.
    void openDiagnostic(const Diagnostic &diagnostic);
    void offerRecovery(const QDateTime &savedAt);
    // Shows a message without blocking; `name` lets tests find it.
    void tell(QMessageBox::Icon icon, const QString &name, const QString &title, const QString &text);
    void restoreLayout();
    void saveLayout();

    // mainwindow_menus.cpp: actions, menus and the file commands
    void createActions();
    void createMenus();
    void updateRecentMenu();
    void updateEditActions();
    void trackFocus(QWidget *now);
    RowActions *rowTarget() const;
    void newProject();
    void chooseAndOpen();
    void save();
    void saveAs();
    void about();
    void openDocumentation();
    void turnTab(int step);
    void applyTheme(Theme::Mode mode);
    // Runs `proceed` once unsaved changes are saved or discarded; not at all when cancelled.
    void whenSafeToLeave(const std::function<void()> &proceed);

    QSettings m_settings;
    Theme m_theme;
    ProjectSession *m_session;
    NavigatorModel *m_navigator;
    QStackedWidget *m_central;
    WelcomePage *m_welcome;
    QSplitter *m_workspace = nullptr;
    QListView *m_navigatorView = nullptr;
    QLabel *m_projectName = nullptr;
    QLabel *m_overall = nullptr;
    QStackedWidget *m_pages = nullptr;
    QList<PhasePage *> m_phasePages;
    TimelinePage *m_timeline = nullptr;
    ArtifactsPage *m_artifacts = nullptr;
    EnvironmentsPage *m_environments = nullptr;

    QLabel *m_folderLabel = nullptr;
    QToolButton *m_diagnosticsButton = nullptr;
    QToolButton *m_problemsButton = nullptr;
    QLabel *m_changesLabel = nullptr;
    QString m_sampleNote; // said with "Opened …" after the sample project was renewed

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_sampleAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_addAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_navigatorAction = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_previousTabAction = nullptr;
    QAction *m_documentationAction = nullptr;
    QString m_lastDocumentation;
    QList<QAction *> m_pageActions;
    QActionGroup *m_themeGroup = nullptr;
    QPointer<QWidget> m_rowTarget; // the panel whose table last had the focus
    bool m_closeApproved = false;
    bool m_fittedOnShow = false; // the first show fits the window to its screen with its real frame
    QMetaObject::Connection m_focusTracking; // qApp's focusChanged, cut before teardown
};

} // namespace jb
