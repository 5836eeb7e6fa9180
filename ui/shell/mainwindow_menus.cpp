// MainWindow, continued: its actions, menus and the file commands.
#include "documentation.h"
#include "entitypanel.h"
#include "icons.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "newprojectdialog.h"
#include "phasepage.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "recentprojects.h"
#include "rowactions.h"
#include "sampleproject.h"
#include "tabcycler.h"
#include "welcomepage.h"

#include <QAbstractItemView>
#include <QActionGroup>
#include <QApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace jb {

void MainWindow::createActions()
{
    m_newAction = new QAction(Icons::icon(Icons::Glyph::Add), u"&New Project…"_s, this);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(u"Create a project in an empty folder"_s);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);

    m_openAction = new QAction(Icons::icon(Icons::Glyph::Folder), u"&Open Project…"_s, this);
    m_openAction->setShortcut(QKeySequence::Open);
    m_openAction->setToolTip(u"Open a project folder"_s);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseAndOpen);

    m_saveAction = new QAction(Icons::icon(Icons::Glyph::Save), u"&Save"_s, this);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAction->setToolTip(u"Write the changed files of the project"_s);
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);

    m_saveAsAction = new QAction(u"Save &As…"_s, this);
    m_saveAsAction->setShortcut(QKeySequence::SaveAs);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);

    m_sampleAction = new QAction(u"Open Sa&mple Project"_s, this);
    connect(m_sampleAction, &QAction::triggered, this, &MainWindow::openSample);

    m_quitAction = new QAction(u"&Quit"_s, this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    QUndoStack *stack = m_session->undoStack();
    m_undoAction = stack->createUndoAction(this, u"&Undo"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(Icons::icon(Icons::Glyph::Undo));
    m_redoAction = stack->createRedoAction(this, u"&Redo"_s);
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setIcon(Icons::icon(Icons::Glyph::Redo));

    // The keys live on each table (so they act on the focused one); the menu shows them after a tab.
    m_addAction = new QAction(Icons::icon(Icons::Glyph::Add), u"&Add\tIns"_s, this);
    m_duplicateAction = new QAction(Icons::icon(Icons::Glyph::Duplicate), u"&Duplicate\tCtrl+D"_s, this);
    m_removeAction = new QAction(Icons::icon(Icons::Glyph::Remove), u"Re&move\tDel"_s, this);
    connect(m_addAction, &QAction::triggered, this, [this] {
        if (RowActions *target = rowTarget())
            target->addRow();
    });
    connect(m_duplicateAction, &QAction::triggered, this, [this] {
        if (RowActions *target = rowTarget())
            target->duplicateRow();
    });
    connect(m_removeAction, &QAction::triggered, this, [this] {
        if (RowActions *target = rowTarget())
            target->removeRows();
    });

    m_filterAction = new QAction(Icons::icon(Icons::Glyph::Search), u"&Filter Table"_s, this);
    m_filterAction->setShortcut(QKeySequence::Find);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        PhasePage *page = m_phasePages.value(m_pages->currentIndex());
        if (!page)
            return;
        for (EntityPanel *panel : page->panels()) {
            if (panel->isVisible()) {
                panel->filterEdit()->setFocus(Qt::ShortcutFocusReason);
                panel->filterEdit()->selectAll();
                return;
            }
        }
    });

    m_navigatorAction = new QAction(u"Go to &Navigator"_s, this);
    m_navigatorAction->setShortcut(QKeySequence(Qt::Key_F6));
    connect(m_navigatorAction, &QAction::triggered, this,
        [this] { m_navigatorView->setFocus(Qt::ShortcutFocusReason); });

    for (int row = 0; row < m_navigator->rowCount(); ++row) {
        const int number = m_navigator->index(row).data(NavigatorModel::PhaseNumberRole).toInt();
        const QString title = number > 0 ? Phases::info(static_cast<Phase>(number)).title
                                         : m_navigator->index(row).data(Qt::DisplayRole).toString();
        auto *action
            = new QAction(number > 0 ? u"&%1  %2"_s.arg(number % 10).arg(title) : u"&"_s + title, this);
        if (number > 0)
            action->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_0 + number % 10)));
        else if (row == NavigatorModel::timelineRow)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
        else if (row == NavigatorModel::environmentsRow)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        else
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        connect(action, &QAction::triggered, this, [this, row] { showPage(row); });
        m_pageActions.append(action);
    }

    // Ctrl+Tab turns the sub-tabs of the page (the innermost around the focus), as in a browser.
    m_nextTabAction = new QAction(u"&Next Tab"_s, this);
    m_nextTabAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageDown)});
    connect(m_nextTabAction, &QAction::triggered, this, [this] { turnTab(+1); });
    m_previousTabAction = new QAction(u"&Previous Tab"_s, this);
    m_previousTabAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab), QKeySequence(Qt::CTRL | Qt::Key_PageUp)});
    connect(m_previousTabAction, &QAction::triggered, this, [this] { turnTab(-1); });
    addAction(m_nextTabAction); // the window's, so they work with the menu bar hidden too
    addAction(m_previousTabAction);

    m_documentationAction = new QAction(u"JourneyBench &Documentation"_s, this);
    m_documentationAction->setShortcut(QKeySequence::HelpContents);
    connect(m_documentationAction, &QAction::triggered, this, &MainWindow::openDocumentation);

    m_themeGroup = new QActionGroup(this);
    for (const auto &[mode, label] : {std::pair{Theme::Mode::System, u"&System"_s},
             std::pair{Theme::Mode::Light, u"&Light"_s}, std::pair{Theme::Mode::Dark, u"&Dark"_s}}) {
        auto *action = m_themeGroup->addAction(label);
        action->setCheckable(true);
        action->setData(Theme::key(mode));
        const Theme::Mode chosen = mode;
        connect(action, &QAction::triggered, this, [this, chosen] { applyTheme(chosen); });
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(u"&File"_s);
    file->addAction(m_newAction);
    file->addAction(m_openAction);
    m_recentMenu = file->addMenu(u"Open &Recent"_s);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    file->addAction(m_sampleAction);
    file->addSeparator();
    file->addAction(m_saveAction);
    file->addAction(m_saveAsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(u"&Edit"_s);
    edit->addAction(m_undoAction);
    edit->addAction(m_redoAction);
    edit->addSeparator();
    edit->addAction(m_addAction);
    edit->addAction(m_duplicateAction);
    edit->addAction(m_removeAction);
    edit->addSeparator();
    edit->addAction(m_filterAction);
    connect(edit, &QMenu::aboutToShow, this, &MainWindow::updateEditActions);

    QMenu *view = menuBar()->addMenu(u"&View"_s);
    QMenu *pages = view->addMenu(u"&Go to Phase"_s);
    for (int row = 0; row < NavigatorModel::timelineRow; ++row)
        pages->addAction(m_pageActions.at(row));
    view->addAction(m_pageActions.at(NavigatorModel::timelineRow));
    view->addAction(m_pageActions.at(NavigatorModel::artifactsRow));
    view->addAction(m_pageActions.at(NavigatorModel::environmentsRow));
    view->addAction(m_navigatorAction);
    view->addAction(m_nextTabAction);
    view->addAction(m_previousTabAction);
    view->addSeparator();
    QMenu *theme = view->addMenu(u"&Theme"_s);
    theme->addActions(m_themeGroup->actions());

    QMenu *help = menuBar()->addMenu(u"&Help"_s);
    help->addAction(m_documentationAction);
    help->addSeparator();
    help->addAction(u"&About JourneyBench"_s, this, &MainWindow::about);
    help->addAction(u"About &Qt"_s, qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(u"Main"_s);
    toolbar->setObjectName(u"mainToolBar"_s);
    toolbar->setMovable(false);
    toolbar->setIconSize(QSize(18, 18));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(m_newAction);
    toolbar->addAction(m_openAction);
    toolbar->addAction(m_saveAction);
    toolbar->addSeparator();
    toolbar->addAction(m_undoAction);
    toolbar->addAction(m_redoAction);
}

void MainWindow::updateRecentMenu()
{
    const QStringList folders = RecentProjects(m_settings).folders();
    m_welcome->setRecentProjects(folders);
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    for (qsizetype i = 0; i < folders.size(); ++i) {
        const QString folder = folders.at(i);
        QAction *action
            = m_recentMenu->addAction(u"&%1  %2"_s.arg(i + 1).arg(QDir::toNativeSeparators(folder)), this,
                [this, folder] { openProject(folder); });
        Q_UNUSED(action)
    }
    if (folders.isEmpty()) {
        m_recentMenu->addAction(u"No recent projects"_s)->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(u"&Clear Menu"_s, this, [this] {
        RecentProjects(m_settings).clear();
        updateRecentMenu();
    });
}

void MainWindow::trackFocus(QWidget *now)
{
    auto *view = qobject_cast<QAbstractItemView *>(now);
    if (!view)
        return;
    for (QWidget *widget = view->parentWidget(); widget; widget = widget->parentWidget()) {
        auto *actions = dynamic_cast<RowActions *>(widget);
        if (actions && actions->rowView() == view) {
            m_rowTarget = widget;
            updateEditActions();
            return;
        }
    }
}

RowActions *MainWindow::rowTarget() const
{
    if (!m_rowTarget || !m_rowTarget->isVisible())
        return nullptr;
    return dynamic_cast<RowActions *>(m_rowTarget.data());
}

void MainWindow::updateEditActions()
{
    RowActions *target = rowTarget();
    const QString noun = target ? u" "_s + target->rowNoun() : QString();
    m_addAction->setText(u"&Add%1\tIns"_s.arg(noun));
    m_duplicateAction->setText(u"&Duplicate%1\tCtrl+D"_s.arg(noun));
    m_removeAction->setText(u"Re&move%1\tDel"_s.arg(noun));
    m_addAction->setEnabled(target && target->canAddRow());
    m_duplicateAction->setEnabled(target && target->canDuplicateRow());
    m_removeAction->setEnabled(target && target->canRemoveRows());
    m_filterAction->setEnabled(hasProject());
}

void MainWindow::whenSafeToLeave(const std::function<void()> &proceed)
{
    if (!m_session->isModified()) {
        proceed();
        return;
    }
    const QString name = m_session->document()->projectName();
    const auto answer = QMessageBox::warning(this, u"Unsaved Changes"_s,
        u"<p><b>%1</b> has unsaved changes.</p><p>Save them before going on?</p>"_s.arg(name.toHtmlEscaped()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) {
        m_session->save([proceed](bool ok) {
            if (ok)
                proceed();
        });
    } else if (answer == QMessageBox::Discard) {
        m_session->discardRecovery();
        proceed();
    }
}

void MainWindow::newProject()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    NewProjectDialog dialog(documents, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString folder = dialog.folder();
    const QString name = dialog.name();
    whenSafeToLeave([this, folder, name] { m_session->create(folder, name); });
}

void MainWindow::chooseAndOpen()
{
    const QString start = hasProject() ? QFileInfo(m_session->document()->folder()).absolutePath()
                                       : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString folder = QFileDialog::getExistingDirectory(this, u"Open Project Folder"_s, start);
    if (!folder.isEmpty())
        openProject(folder);
}

void MainWindow::openSample()
{
    const QString bundled = SampleProject::findBundled(QCoreApplication::applicationDirPath());
    if (bundled.isEmpty()) {
        QMessageBox::warning(this, u"Sample Project Not Found"_s,
            u"<p>The sample project is not installed with this copy of JourneyBench.</p><p>Looked in:<br>%1</p>"_s
                .arg(SampleProject::candidates(QCoreApplication::applicationDirPath())
                         .join(u"<br>"_s)
                         .toHtmlEscaped()));
        return;
    }
    whenSafeToLeave([this, bundled] { m_session->openSample(bundled, SampleProject::userCopyFolder()); });
}

void MainWindow::save()
{
    if (!hasProject())
        return;
    statusBar()->showMessage(u"Saving…"_s);
    m_session->save();
}

void MainWindow::saveAs()
{
    if (!hasProject())
        return;
    const QString folder
        = QFileDialog::getExistingDirectory(this, u"Save Project As — Choose an Empty Folder"_s,
            QFileInfo(m_session->document()->folder()).absolutePath());
    if (folder.isEmpty())
        return;
    m_session->saveAs(folder, [this](bool ok) {
        if (ok) {
            RecentProjects(m_settings).add(m_session->document()->folder());
            updateRecentMenu();
            updateTitle();
            updateStatus();
        }
    });
}

void MainWindow::about()
{
    QMessageBox::about(this, u"About JourneyBench"_s,
        u"<h3>JourneyBench %1</h3>"
        u"<p>A workbench for integration owners: the iPaaS integration journey, phase by phase, on your "
        u"own machine — inventory, tests, mappings, mocks, evidence, sign-offs and the documents the "
        u"journey asks for.</p>"
        u"<p>Projects are folders of plain JSON files, made to live in git.</p>"
        u"<p>Licensed under the GNU General Public License, version 3 or later.</p>"_s.arg(
            QCoreApplication::applicationVersion()));
}

void MainWindow::turnTab(int step)
{
    if (m_pages)
        TabCycler::turn(TabCycler::target(m_pages->currentWidget(), QApplication::focusWidget()), step);
}

void MainWindow::openDocumentation()
{
    const QString index = Documentation::findIndex(QCoreApplication::applicationDirPath());
    if (index.isEmpty()) {
        tell(QMessageBox::Warning, u"documentationMissing"_s, u"Documentation Not Found"_s,
            u"<p>The documentation is not installed with this copy of JourneyBench.</p><p>Looked in:<br>%1</p>"_s
                .arg(Documentation::candidates(QCoreApplication::applicationDirPath())
                         .join(u"<br>"_s)
                         .toHtmlEscaped()));
        return;
    }
    m_lastDocumentation = index;
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(index)))
        tell(QMessageBox::Information, u"documentationPath"_s, u"Documentation"_s,
            u"<p>No web browser could be started. The documentation is at</p><p><code>%1</code></p>"_s.arg(
                index.toHtmlEscaped()));
}

void MainWindow::applyTheme(Theme::Mode mode)
{
    m_theme.apply(mode);
    m_settings.setValue(u"theme"_s, Theme::key(mode));
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toString() == Theme::key(mode));
}

} // namespace jb
