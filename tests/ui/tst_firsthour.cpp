// What a newcomer meets in the first hour (issue "a newcomer's first hour"): the quit prompt's
// answers, Ctrl+Tab on sub-tabs, Help > Documentation, --help and --version without a display,
// `journeybench-cli sample`, sign-off with open items, and the Problems list that opens its rows.
#include "checklist.h"
#include "checklistmodel.h"
#include "checklistpanel.h"
#include "diagnosticsdialog.h"
#include "documentation.h"
#include "documenteditor.h"
#include "entityfilterproxy.h"
#include "entitypanel.h"
#include "entitytablemodel.h"
#include "mainwindow.h"
#include "phasepage.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "signoffdialog.h"
#include "testfolder.h"

#include <QAction>
#include <QCheckBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

#include <functional>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

QHash<QString, QByteArray> filesOf(const QString &folder)
{
    QHash<QString, QByteArray> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(folder).relativeFilePath(path), file.readAll());
    }
    return files;
}

// Runs `answer` on the next modal dialog as soon as it is up (the code under test execs it).
void whenModalShows(const std::function<void(QWidget *)> &answer)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, answer] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            answer(modal);
        }
    });
    poll->start();
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, args);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestFirstHour final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void quitPromptAnswers_data();
    void quitPromptAnswers();
    void ctrlTabTurnsSubTabs_data();
    void ctrlTabTurnsSubTabs();
    void documentationIsShippedAndOpened();
    void helpAndVersionNeedNoDisplay_data();
    void helpAndVersionNeedNoDisplay();
    void sampleCommandCopies_data();
    void sampleCommandCopies();
    void signoffDialogNeedsOverrideForOpenItems_data();
    void signoffDialogNeedsOverrideForOpenItems();
    void phaseSignoffWithOpenItemsIsRecordedAndShown();
    void signoffRoundTripsThroughTheManifest();
    void problemsListOpensTheField();
    void unwrittenFileHasNoPosition();

    // QDesktopServices' handler for file: URLs, so that Help > Documentation opens nothing real
    void recordUrl(const QUrl &url) { m_openedUrls.append(url); }

private:
    void openCopyOfSample();
    QModelIndex serverCell(const QString &id, const QString &key) const;

    std::unique_ptr<QTemporaryDir> m_temp;
    std::unique_ptr<MainWindow> m_window;
    QString m_folder;
    QList<QUrl> m_openedUrls;
};

void TestFirstHour::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_firsthour"_s);
}

void TestFirstHour::init()
{
    m_temp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_temp->isValid());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestFirstHour::cleanup()
{
    if (m_window) {
        m_window->session()->undoStack()->setClean();
        m_window->close();
    }
    m_window.reset();
    m_temp.reset();
}

void TestFirstHour::openCopyOfSample()
{
    m_folder = m_temp->filePath(u"project"_s);
    QVERIFY(test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_folder));
    QSignalSpy opened(m_window->session(), &ProjectSession::opened);
    m_window->openProject(m_folder);
    QTRY_COMPARE(opened.size(), 1);
    QVERIFY(!m_window->session()->isLoading());
}

QModelIndex TestFirstHour::serverCell(const QString &id, const QString &key) const
{
    EntityPanel *panel = m_window->phasePage(Phase::ServersDb)->panel(u"server"_s);
    const int row = m_window->session()->document()->rowOf(u"server"_s, id);
    return panel->proxy()->mapFromSource(panel->model()->index(row, panel->model()->columnOf(key)));
}

void TestFirstHour::quitPromptAnswers_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("fileChanged");
    QTest::newRow("discard quits and writes nothing") << int(QMessageBox::Discard) << true << false;
    QTest::newRow("save writes and quits") << int(QMessageBox::Save) << true << true;
    QTest::newRow("cancel stays") << int(QMessageBox::Cancel) << false << false;
}

void TestFirstHour::quitPromptAnswers()
{
    QFETCH(int, answer);
    QFETCH(bool, closes);
    QFETCH(bool, fileChanged);
    openCopyOfSample();
    const QHash<QString, QByteArray> before = filesOf(m_folder);
    m_window->showPage(1);
    QVERIFY(m_window->phasePage(Phase::ServersDb)
                ->panel(u"server"_s)
                ->view()
                ->model()
                ->setData(serverCell(u"erp-app"_s, u"name"_s), u"Renamed before quitting"_s, Qt::EditRole));
    QVERIFY(m_window->session()->isModified());

    bool asked = false;
    whenModalShows([&asked, answer](QWidget *modal) {
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box)
            return;
        asked = true;
        box->button(static_cast<QMessageBox::StandardButton>(answer))->click();
    });
    m_window->close();
    QTRY_VERIFY(asked);
    if (closes) {
        QTRY_VERIFY(!m_window->isVisible());
    } else {
        QTest::qWait(200);
        QVERIFY(m_window->isVisible());
    }
    const QHash<QString, QByteArray> after = filesOf(m_folder);
    QCOMPARE(after.value(u"servers/erp-app.json"_s) != before.value(u"servers/erp-app.json"_s), fileChanged);
    if (fileChanged)
        QVERIFY(after.value(u"servers/erp-app.json"_s).contains("Renamed before quitting"));
}

void TestFirstHour::ctrlTabTurnsSubTabs_data()
{
    QTest::addColumn<int>("page");
    QTest::newRow("2 servers and databases") << 1;
    QTest::newRow("5 contracts") << 4;
    QTest::newRow("6 pipes") << 5;
}

void TestFirstHour::ctrlTabTurnsSubTabs()
{
    QFETCH(int, page);
    openCopyOfSample();
    m_window->showPage(page);
    auto *tabs = m_window->phasePage(static_cast<Phase>(page + 1))->findChild<QTabWidget *>();
    QVERIFY(tabs);
    QVERIFY2(tabs->count() > 1, "the page has sub-tabs");
    tabs->setCurrentIndex(0);
    tabs->currentWidget()->setFocus();
    QTRY_VERIFY(QApplication::focusWidget());

    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(tabs->currentIndex(), 0);
    // previous from the first wraps to the last
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), tabs->count() - 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_PageDown, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 0);

    // from the navigator, the page's tabs turn too
    m_window->navigatorView()->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_window->navigatorView());
    QTest::keyClick(m_window->navigatorView(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs->currentIndex(), 1);
}

void TestFirstHour::documentationIsShippedAndOpened()
{
    const QString index = Documentation::findIndex(QCoreApplication::applicationDirPath());
    QVERIFY2(!index.isEmpty(),
        qPrintable(Documentation::candidates(QCoreApplication::applicationDirPath()).join(u' ')));
    const QDir html = QFileInfo(index).dir();
    // a page per Markdown file, README as the index
    for (const QString &page : {u"index.html"_s, u"pipes.html"_s, u"reliability.html"_s, u"pipetests.html"_s})
        QVERIFY2(html.exists(page), qPrintable(page));

    // every local link and image of every page resolves; no link is left pointing at a .md
    static const QRegularExpression link(uR"((?:href|src)="([^"#]*)[^"]*")"_s);
    int checked = 0;
    for (const QFileInfo &page : html.entryInfoList({u"*.html"_s}, QDir::Files)) {
        QFile file(page.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(u"<title>"_s), qPrintable(page.fileName()));
        for (auto it = link.globalMatch(text); it.hasNext();) {
            const QString target = it.next().captured(1);
            if (target.isEmpty() || target.contains(u':'))
                continue; // an anchor of the page itself, or a web address
            QVERIFY2(!target.endsWith(u".md"_s), qPrintable(page.fileName() + u" -> "_s + target));
            QVERIFY2(html.exists(target), qPrintable(page.fileName() + u" -> "_s + target));
            ++checked;
        }
    }
    QVERIFY(checked > 20);

    // Help > Documentation opens the index
    QDesktopServices::setUrlHandler(u"file"_s, this, "recordUrl");
    QAction *help = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text().contains(u"Documentation"_s))
            help = action;
    }
    QVERIFY(help);
    QCOMPARE(help->shortcut(), QKeySequence(QKeySequence::HelpContents));
    help->trigger();
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(m_openedUrls, QList<QUrl>{QUrl::fromLocalFile(index)});
}

void TestFirstHour::helpAndVersionNeedNoDisplay_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("--help") << QStringList{u"--help"_s} << 0 << u"Usage:"_s;
    QTest::newRow("-h") << QStringList{u"-h"_s} << 0 << u"[folder]"_s;
    QTest::newRow("--version") << QStringList{u"--version"_s} << 0
                               << QStringLiteral("JourneyBench " JB_VERSION);
    QTest::newRow("a folder after --help") << QStringList{u"--help"_s, u"/nowhere"_s} << 0 << u"Usage:"_s;
}

void TestFirstHour::helpAndVersionNeedNoDisplay()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.insert(u"QT_QPA_PLATFORM"_s, u"xcb"_s); // a platform that needs a display
    // the control: without --help the GUI does need the display, so the environment has none
    QVERIFY(runProgram(QStringLiteral(JB_GUI_PATH), {u"--sample"_s}, environment).exitCode != 0);
    const Run run = runProgram(QStringLiteral(JB_GUI_PATH), args, environment);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.out.contains(says), qPrintable(run.out + run.err));
}

void TestFirstHour::sampleCommandCopies_data()
{
    QTest::addColumn<QString>("setup"); // what is at the target before
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("a new folder") << u"none"_s << 0 << QString();
    QTest::newRow("an empty folder") << u"empty"_s << 0 << QString();
    QTest::newRow("a folder with files") << u"files"_s << 2 << u"is not empty"_s;
    QTest::newRow("a file") << u"file"_s << 2 << u"is a file"_s;
}

void TestFirstHour::sampleCommandCopies()
{
    QFETCH(QString, setup);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const QString target = m_temp->filePath(u"copy"_s);
    if (setup == u"empty" || setup == u"files")
        QVERIFY(QDir().mkpath(target));
    if (setup == u"files" || setup == u"file") {
        QFile file(setup == u"file" ? target : target + u"/notes.txt"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("the user's own");
    }
    const QHash<QString, QByteArray> sampleBefore = filesOf(QStringLiteral(JB_SAMPLE_DIR));
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const Run run = runProgram(QStringLiteral(JB_CLI_PATH), {u"sample"_s, target}, environment);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(says), qPrintable(run.err));
    if (exitCode == 0) {
        QCOMPARE(run.out.trimmed(), QDir(target).absolutePath());
        QVERIFY(QFileInfo::exists(target + u"/journey.json"_s));
        // the copy is a working project: the commands run on it and write their files there
        QCOMPARE(runProgram(QStringLiteral(JB_CLI_PATH), {u"validate"_s, target}, environment).exitCode, 0);
        QCOMPARE(runProgram(QStringLiteral(JB_CLI_PATH), {u"test"_s, target}, environment).exitCode, 0);
        QVERIFY(QDir(target + u"/evidence/tests"_s).exists());
    } else if (setup == u"files") {
        QCOMPARE(filesOf(target).keys(), QStringList{u"notes.txt"_s}); // nothing of the user's touched
    } else {
        QVERIFY(QFileInfo(target).isFile());
    }
    QCOMPARE(filesOf(QStringLiteral(JB_SAMPLE_DIR)), sampleBefore); // the bundled sample is untouched
}

void TestFirstHour::signoffDialogNeedsOverrideForOpenItems_data()
{
    QTest::addColumn<QStringList>("open");
    QTest::addColumn<bool>("check");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("canSign");
    QTest::newRow("nothing open") << QStringList{} << false << QString() << true;
    QTest::newRow("open, no override") << QStringList{u"VPN"_s, u"Firewall"_s} << false << QString() << false;
    QTest::newRow("override without reason") << QStringList{u"VPN"_s} << true << u"   "_s << false;
    QTest::newRow("reason without override") << QStringList{u"VPN"_s} << false << u"partner late"_s << false;
    QTest::newRow("override with reason")
        << QStringList{u"VPN"_s, u"Firewall"_s} << true << u"partner late"_s << true;
}

void TestFirstHour::signoffDialogNeedsOverrideForOpenItems()
{
    QFETCH(QStringList, open);
    QFETCH(bool, check);
    QFETCH(QString, reason);
    QFETCH(bool, canSign);
    SignoffDialog dialog(u"Phase 1 — Connection"_s, u"ana"_s, open);
    auto *override = dialog.findChild<QCheckBox *>(u"override"_s);
    auto *reasonEdit = dialog.findChild<QLineEdit *>(u"overrideReason"_s);
    QCOMPARE(override != nullptr, !open.isEmpty());
    if (override) {
        const QString listed = dialog.findChild<QLabel *>(u"openItems"_s)->text();
        for (const QString &title : open)
            QVERIFY2(listed.contains(title), qPrintable(listed));
        override->setChecked(check);
        if (reasonEdit->isEnabled())
            reasonEdit->setText(reason);
        QCOMPARE(reasonEdit->isEnabled(), check);
    }
    QPushButton *sign = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QCOMPARE(sign->isEnabled(), canSign);
    const Signoff signoff = dialog.signoff();
    QCOMPARE(signoff.by, u"ana"_s);
    QCOMPARE(signoff.isOverride(), canSign && !open.isEmpty());
    if (signoff.isOverride()) {
        QCOMPARE(signoff.overrideReason, reason.trimmed());
        QCOMPARE(signoff.openItems, open);
    }
}

void TestFirstHour::phaseSignoffWithOpenItemsIsRecordedAndShown()
{
    openCopyOfSample();
    m_window->showPage(0);
    ChecklistPanel *panel = m_window->phasePage(Phase::Connection)->checklist();
    const QJsonObject manifest = m_window->session()->document()->manifest();
    QVERIFY(!Checklist::phaseSignoff(manifest, Phase::Connection).isSigned());
    const QStringList open = Checklist::openItems(Checklist::items(manifest, Phase::Connection));
    QVERIFY2(!open.isEmpty(), "the sample's phase 1 has open items");

    QString listed;
    whenModalShows([&listed](QWidget *modal) {
        auto *dialog = qobject_cast<SignoffDialog *>(modal);
        if (!dialog)
            return;
        listed = dialog->findChild<QLabel *>(u"openItems"_s)->text();
        QPushButton *sign = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        if (sign->isEnabled()) {
            dialog->reject(); // a sign-off over open items without an override: the bug this stops
            return;
        }
        dialog->findChild<QCheckBox *>(u"override"_s)->setChecked(true);
        dialog->findChild<QLineEdit *>(u"overrideReason"_s)->setText(u"the partner's VPN is late"_s);
        sign->click();
    });
    panel->findChild<QPushButton *>(u"phaseSignOff"_s)->click();
    for (const QString &title : open.mid(0, 8))
        QVERIFY2(listed.contains(title.toHtmlEscaped()), qPrintable(listed));

    const Signoff signoff
        = Checklist::phaseSignoff(m_window->session()->document()->manifest(), Phase::Connection);
    QVERIFY(signoff.isSigned());
    QCOMPARE(signoff.overrideReason, u"the partner's VPN is late"_s);
    QCOMPARE(signoff.openItems, open);
    // shown beside the sign-off, not only in a tooltip
    const QString state = panel->findChild<QLabel *>(u"phaseState"_s)->text();
    QVERIFY2(
        state.contains(u"open</b>"_s) && state.contains(u"the partner's VPN is late"_s), qPrintable(state));
    // and undone as one step
    m_window->session()->undoStack()->undo();
    QVERIFY(
        !Checklist::phaseSignoff(m_window->session()->document()->manifest(), Phase::Connection).isSigned());
}

void TestFirstHour::signoffRoundTripsThroughTheManifest()
{
    const Signoff signed_{
        u"ana"_s, u"2026-12-07T10:00:00Z"_s, u"checked"_s, u"partner late"_s, {u"VPN"_s, u"Firewall"_s}};
    const QJsonObject manifest
        = Checklist::withPhaseSignoff(QJsonObject{{u"name"_s, u"t"_s}}, Phase::Systems, signed_);
    const Signoff read = Checklist::phaseSignoff(manifest, Phase::Systems);
    QCOMPARE(read.by, signed_.by);
    QCOMPARE(read.comment, signed_.comment);
    QCOMPARE(read.overrideReason, signed_.overrideReason);
    QCOMPARE(read.openItems, signed_.openItems);
    QCOMPARE(read.overrideNote(), u"Signed with 2 items open (VPN; Firewall). Reason: partner late"_s);
    // a later sign-off of finished work carries no override over
    const Signoff plain{u"rui"_s, u"2026-12-08T10:00:00Z"_s, {}, {}, {}};
    QVERIFY(
        !Checklist::phaseSignoff(Checklist::withPhaseSignoff(manifest, Phase::Systems, plain), Phase::Systems)
             .isOverride());
}

void TestFirstHour::problemsListOpensTheField()
{
    openCopyOfSample();
    m_window->showPage(0);
    QVERIFY(m_window->phasePage(Phase::ServersDb)
                ->panel(u"server"_s)
                ->view()
                ->model()
                ->setData(serverCell(u"erp-app"_s, u"ip"_s), u"10.0.0.300"_s, Qt::EditRole));
    QTRY_VERIFY(!m_window->session()->problems().isEmpty());
    m_window->findChild<QToolButton *>(u"problemsButton"_s)->click();
    DiagnosticsDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<DiagnosticsDialog *>(u"problems"_s)) != nullptr);
    QVERIFY(!dialog->isModal()); // the window stays usable beside it

    QTreeWidgetItem *row = nullptr;
    for (int i = 0; i < dialog->list()->topLevelItemCount(); ++i) {
        if (dialog->list()->topLevelItem(i)->text(0).startsWith(u"servers/erp-app.json:"_s))
            row = dialog->list()->topLevelItem(i);
    }
    QVERIFY2(row, "a row per problem, its file relative to the project");
    QVERIFY(!row->text(1).isEmpty());
    QVERIFY(dialog->copiedText().contains(QDir(m_folder).filePath(u"servers/erp-app.json"_s) + u':'));

    m_window->showPage(5); // somewhere else first
    dialog->list()->setCurrentItem(row);
    QSignalSpy asked(dialog, &DiagnosticsDialog::openRequested);
    QTest::keyClick(dialog->list(), Qt::Key_Return);
    QCOMPARE(asked.size(), 1);
    QCOMPARE(m_window->currentPage(), 1);
    QTableView *view = m_window->phasePage(Phase::ServersDb)->panel(u"server"_s)->view();
    QCOMPARE(view->currentIndex(), serverCell(u"erp-app"_s, u"ip"_s));
    QCOMPARE(QApplication::focusWidget(), view);
}

void TestFirstHour::unwrittenFileHasNoPosition()
{
    const Diagnostic unwritten{
        u"/p/servers/new.json"_s, 0, 0, u"not an IPv4 address"_s, Diagnostic::Severity::Error};
    QCOMPARE(unwritten.format(), u"/p/servers/new.json: not an IPv4 address"_s);
    const Diagnostic onDisk{
        u"/p/servers/a.json"_s, 3, 9, u"not an IPv4 address"_s, Diagnostic::Severity::Warning};
    QCOMPARE(onDisk.format(), u"/p/servers/a.json:3:9: warning: not an IPv4 address"_s);

    // a server added in the GUI and not saved yet: its problem names the file without a position
    openCopyOfSample();
    m_window->showPage(1);
    EntityPanel *panel = m_window->phasePage(Phase::ServersDb)->panel(u"server"_s);
    panel->addRow();
    const QString id = panel->currentId();
    QVERIFY(!id.isEmpty());
    QVERIFY(panel->view()->model()->setData(serverCell(id, u"ip"_s), u"999.1.1.1"_s, Qt::EditRole));
    Diagnostic found;
    QTRY_VERIFY([&] {
        for (const Diagnostic &d : m_window->session()->problems()) {
            if (d.entityId == id && d.pointer == u"/ip")
                found = d;
        }
        return !found.file.isEmpty();
    }());
    QVERIFY(!QFileInfo::exists(found.file));
    QVERIFY(!found.hasPosition());
    QVERIFY2(!found.format().contains(u":1:1"_s), qPrintable(found.format()));
    QVERIFY(found.format().startsWith(found.file + u": "_s));
}

QTEST_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
