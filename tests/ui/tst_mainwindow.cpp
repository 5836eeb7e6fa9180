#include "checklistmodel.h"
#include "checklistpanel.h"
#include "diagnosticsdialog.h"
#include "documenteditor.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytablemodel.h"
#include "environmentspage.h"
#include "fielddelegate.h"
#include "journeyschema.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "objectlistmodel.h"
#include "objectlistpanel.h"
#include "pageheader.h"
#include "phasepage.h"
#include "projectdocument.h"
#include "projectloader.h"
#include "projectsession.h"
#include "recoverystore.h"
#include "testfolder.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// relative path -> bytes, for every file of a folder
QHash<QString, QByteArray> filesOf(const QString &folder)
{
    QHash<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(folder).relativeFilePath(path), file.readAll());
    }
    return files;
}

using jb::test::copyFolder;

// How many pixels of an image are clearly the problem red.
int redPixels(const QImage &image)
{
    int count = 0;
    const QColor red = FieldDelegate::problemColor();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - red.red()) < 30 && std::abs(c.green() - red.green()) < 30
                && std::abs(c.blue() - red.blue()) < 30)
                ++count;
        }
    }
    return count;
}

QImage paintCell(QTableView *view, const QModelIndex &index)
{
    QStyleOptionViewItem option;
    option.initFrom(view->viewport());
    option.rect = QRect(0, 0, 160, 28);
    option.widget = view;
    option.state &= ~QStyle::State_Selected;
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    view->itemDelegateForIndex(index)->paint(&painter, option, index);
    painter.end();
    return image;
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensTheSampleWithEveryPage();
    void editUndoRedoSaveTouchesOnlyThatFile();
    void navigatorFollowsChecklist();
    void invalidIpIsFlaggedAndPainted();
    void objectListFollowsSelectedEntity();
    void recoveryOfferRestoresEdits();
    void newProjectIsCreatedAndOpened();
    void brokenFileIsReportedAndTheRestOpens();

private:
    void openCopyOfSample();
    EntityPanel *serversPanel() const;
    QModelIndex serverCell(const QString &id, const QString &key) const;

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<MainWindow> m_window;
    QString m_folder;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    QVERIFY(QFileInfo::exists(QStringLiteral(JB_SAMPLE_DIR "/journey.json")));
}

void TestMainWindow::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    if (m_window) {
        m_window->session()->undoStack()->setClean(); // close without the save question
        m_window->close();
    }
    m_window.reset();
    m_temp.reset();
}

void TestMainWindow::openCopyOfSample()
{
    m_folder = m_temp->filePath(u"project"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(m_folder);
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(m_window->hasProject());
    QVERIFY(!m_window->session()->isLoading());
}

EntityPanel *TestMainWindow::serversPanel() const
{
    return m_window->phasePage(Phase::ServersDb)->panel(u"server"_s);
}

QModelIndex TestMainWindow::serverCell(const QString &id, const QString &key) const
{
    EntityPanel *panel = serversPanel();
    const int row = m_window->session()->document()->rowOf(u"server"_s, id);
    const int column = panel->model()->columnOf(key);
    return panel->proxy()->mapFromSource(panel->model()->index(row, column));
}

void TestMainWindow::opensTheSampleWithEveryPage()
{
    openCopyOfSample();
    QCOMPARE(m_window->navigator()->rowCount(), 13);
    QVERIFY(m_window->windowTitle().contains(m_window->session()->document()->projectName()));
    QVERIFY(m_window->windowTitle().endsWith(u"JourneyBench"_s));
    QVERIFY(!m_window->isWindowModified());
    for (int row = 0; row < 13; ++row) {
        m_window->showPage(row);
        QCOMPARE(m_window->currentPage(), row);
    }
    QVERIFY(serversPanel()->model()->rowCount() > 0);
    for (const PhaseInfo &info : Phases::all()) // a panel per kind the phase records
        QCOMPARE(m_window->phasePage(info.phase)->panels().size(),
            JourneySchema::kindsOfPhase(Phases::number(info.phase)).size());
    QVERIFY(m_window->environmentsPage()->panel()); // environments have a page of their own
}

void TestMainWindow::editUndoRedoSaveTouchesOnlyThatFile()
{
    openCopyOfSample();
    m_window->showPage(1);
    const QHash<QString, QByteArray> before = filesOf(m_folder);
    const QModelIndex name = serverCell(u"erp-app"_s, u"name"_s);
    QVERIFY(name.isValid());
    const QString original = name.data().toString();

    QAbstractItemModel *viewModel = serversPanel()->view()->model();
    QVERIFY(viewModel->setData(name, u"ERP application server (homologation)"_s, Qt::EditRole));
    const QModelIndex edited = serverCell(u"erp-app"_s, u"name"_s);
    QCOMPARE(edited.data().toString(), u"ERP application server (homologation)"_s);
    QVERIFY(m_window->isWindowModified());

    QUndoStack *stack = m_window->session()->undoStack();
    QVERIFY(stack->undoText().contains(u"Name"_s));
    stack->undo();
    QCOMPARE(serverCell(u"erp-app"_s, u"name"_s).data().toString(), original);
    QVERIFY(!m_window->isWindowModified());
    stack->redo();
    QCOMPARE(
        serverCell(u"erp-app"_s, u"name"_s).data().toString(), u"ERP application server (homologation)"_s);
    QVERIFY(m_window->isWindowModified());

    QSignalSpy saved(m_window->session(), &ProjectSession::saved);
    m_window->session()->save();
    QTRY_COMPARE(saved.size(), 1);
    QVERIFY(!m_window->isWindowModified());

    const QHash<QString, QByteArray> after = filesOf(m_folder);
    QCOMPARE(after.keys().size(), before.keys().size());
    QStringList changed;
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.append(it.key());
    }
    QCOMPARE(changed, QStringList{u"servers/erp-app.json"_s});
    QVERIFY(after.value(u"servers/erp-app.json"_s).contains("ERP application server (homologation)"));
    QVERIFY(after.value(u"servers/erp-app.json"_s).endsWith('\n'));
}

void TestMainWindow::navigatorFollowsChecklist()
{
    openCopyOfSample();
    m_window->showPage(0);
    ChecklistModel *checklist = m_window->phasePage(Phase::Connection)->checklist()->model();
    int row = -1;
    for (int i = 0; i < checklist->rowCount(); ++i) {
        if (checklist->item(i).id == u"tls-checked")
            row = i;
    }
    QVERIFY(row >= 0);
    QVERIFY(!checklist->item(row).isComplete());
    const QModelIndex phaseRow = m_window->navigator()->index(0);
    const int complete = phaseRow.data(NavigatorModel::CompleteCountRole).toInt();
    const double ratio = phaseRow.data(NavigatorModel::CompletionRole).toDouble();
    const QString headerBefore = m_window->phasePage(Phase::Connection)->header()->completionText();

    QVERIFY(checklist->setData(checklist->index(row, ChecklistModel::StatusColumn),
        static_cast<int>(ChecklistItem::Status::Done), Qt::EditRole));
    QCOMPARE(phaseRow.data(NavigatorModel::CompleteCountRole).toInt(), complete + 1);
    QVERIFY(phaseRow.data(NavigatorModel::CompletionRole).toDouble() > ratio);
    QVERIFY(m_window->phasePage(Phase::Connection)->header()->completionText() != headerBefore);
    QVERIFY(m_window->isWindowModified());

    m_window->session()->undoStack()->undo();
    QCOMPARE(phaseRow.data(NavigatorModel::CompleteCountRole).toInt(), complete);
}

void TestMainWindow::invalidIpIsFlaggedAndPainted()
{
    openCopyOfSample();
    m_window->showPage(1);
    QTableView *view = serversPanel()->view();
    const QModelIndex ip = serverCell(u"erp-app"_s, u"ip"_s);
    QVERIFY(ip.isValid());
    QVERIFY(ip.data(EntityTableModel::ProblemRole).toString().isEmpty());
    const QImage fine = paintCell(view, ip);
    QCOMPARE(redPixels(fine), 0);
    const QImage onScreenBefore = view->viewport()->grab(view->visualRect(ip)).toImage();

    QVERIFY(view->model()->setData(ip, u"10.0.0.300"_s, Qt::EditRole));
    const QModelIndex flagged = serverCell(u"erp-app"_s, u"ip"_s);
    QCOMPARE(flagged.data(Qt::DisplayRole).toString(), u"10.0.0.300"_s); // kept as typed, never dropped
    QVERIFY(!flagged.data(EntityTableModel::ProblemRole).toString().isEmpty());
    QVERIFY(!flagged.data(Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(redPixels(paintCell(view, flagged)) > 40);
    QTRY_VERIFY(view->viewport()->grab(view->visualRect(flagged)).toImage() != onScreenBefore);
    QTRY_VERIFY(m_window->navigator()->index(1).data(NavigatorModel::ProblemCountRole).toInt() > 0);
    QTRY_VERIFY(!m_window->session()->problems().isEmpty());
}

void TestMainWindow::objectListFollowsSelectedEntity()
{
    openCopyOfSample();
    m_window->showPage(1);
    EntityPanel *panel = serversPanel();
    QCOMPARE(panel->objectLists().size(), 1);
    ObjectListPanel *ports = panel->objectLists().first();
    panel->selectRow(m_window->session()->document()->rowOf(u"server"_s, u"erp-app"_s));
    QCOMPARE(ports->model()->entityId(), u"erp-app"_s);
    QCOMPARE(ports->model()->rowCount(), 2);
    ports->addRow();
    QCOMPARE(ports->model()->rowCount(), 3);
    m_window->session()->undoStack()->undo();
    QCOMPARE(ports->model()->rowCount(), 2);
}

void TestMainWindow::recoveryOfferRestoresEdits()
{
    m_folder = m_temp->filePath(u"project"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));

    // what a crashed session left behind: the project with one server renamed
    Result<ProjectLoad> load = ProjectLoader::load(m_folder);
    QVERIFY(load.ok());
    ProjectDocument crashed;
    crashed.reset(load.value().data);
    DocumentEditor editor(&crashed, nullptr);
    editor.setField(
        u"server"_s, crashed.rowOf(u"server"_s, u"erp-app"_s), u"name"_s, u"Renamed before the crash"_s);
    RecoverySnapshot snapshot = RecoveryStore::snapshotOf(crashed);
    snapshot.savedAt = QDateTime::currentDateTimeUtc().addSecs(60);
    const RecoveryStore store(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/recovery"_s);
    QVERIFY(store.write(snapshot).ok());

    QSignalSpy offered(m_window->session(), &ProjectSession::recoveryOffered);
    m_window->openProject(m_folder);
    QTRY_COMPARE(offered.size(), 1);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"recoveryOffer"_s)) != nullptr);
    QVERIFY(box->text().startsWith(u"Restore unsaved changes from"_s));
    box->button(QMessageBox::Yes)->click();

    QTRY_COMPARE(serverCell(u"erp-app"_s, u"name"_s).data().toString(), u"Renamed before the crash"_s);
    QVERIFY(m_window->session()->isModified());
    QVERIFY(m_window->isWindowModified());
    // nothing was written to the project itself
    QVERIFY(!filesOf(m_folder).value(u"servers/erp-app.json"_s).contains("Renamed before the crash"));
}

void TestMainWindow::newProjectIsCreatedAndOpened()
{
    const QString folder = m_temp->filePath(u"fresh"_s);
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->session()->create(folder, u"Fresh project"_s);
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(m_window->session()->document()->projectName(), u"Fresh project"_s);
    QVERIFY(QFileInfo::exists(folder + u"/journey.json"_s));

    // a folder that is not empty is refused, and nothing in it is touched
    QSignalSpy failed(m_window->session(), &ProjectSession::openFailed);
    m_window->session()->create(folder, u"Again"_s);
    QTRY_COMPARE(failed.size(), 1);
    QVERIFY(failed.first().at(1).toString().contains(u"not empty"_s));
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"openError"_s)) != nullptr);
    QVERIFY(box->text().contains(u"not empty"_s));
    box->close();
    QCOMPARE(m_window->session()->document()->projectName(), u"Fresh project"_s); // still open
}

void TestMainWindow::brokenFileIsReportedAndTheRestOpens()
{
    m_folder = m_temp->filePath(u"project"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));
    const QString broken = m_folder + u"/servers/logistics-gw.json"_s;
    {
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("{\n  \"id\": \"logistics-gw\",\n  \"name\": ");
    }
    const QByteArray brokenBytes = filesOf(m_folder).value(u"servers/logistics-gw.json"_s);

    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(m_folder);
    QTRY_COMPARE(opened.size(), 1);
    QCOMPARE(m_window->session()->loadDiagnostics().size(), 1);
    QVERIFY(m_window->session()->loadDiagnostics().first().format().contains(u"logistics-gw.json:"_s));
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<DiagnosticsDialog *>(u"loadDiagnostics"_s)) != nullptr);
    dialog->close();
    QVERIFY(m_window->session()->document()->rowOf(u"server"_s, u"erp-app"_s) >= 0); // the rest is open
    QCOMPARE(m_window->session()->document()->rowOf(u"server"_s, u"logistics-gw"_s), -1);

    // an edit and a save leave the broken file exactly as it was
    const QModelIndex name = serverCell(u"erp-app"_s, u"name"_s);
    QVERIFY(serversPanel()->view()->model()->setData(name, u"Edited"_s, Qt::EditRole));
    QSignalSpy saved(m_window->session(), &ProjectSession::saved);
    m_window->session()->save();
    QTRY_COMPARE(saved.size(), 1);
    QCOMPARE(filesOf(m_folder).value(u"servers/logistics-gw.json"_s), brokenBytes);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
