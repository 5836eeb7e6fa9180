// The main window on a small screen (1366x768) at scale 1, 1.5 and 2: it opens inside the screen's
// available geometry, and on every page no two visible parts of the page header or of the
// checklist panel overlap, and the checklist's item titles keep room to be read. On a laptop's
// 1440x900 at scale 1 every page and tab also fits without scrolling.
// Each scale is a child run of this executable (QT_SCALE_FACTOR is read once, at start-up), on an
// offscreen screen of that size described in a configuration file.
#include "checklistmodel.h"
#include "checklistpanel.h"
#include "mainwindow.h"
#include "navigatormodel.h"
#include "pageheader.h"
#include "phasepage.h"
#include "projectsession.h"
#include "screenfit.h"
#include "testfolder.h"

#include <QAbstractButton>
#include <QHeaderView>
#include <QLabel>
#include <QProcess>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QWindow>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

namespace {

constexpr auto childVariable = "JB_SMALLSCREEN_CHILD";
constexpr auto fitVariable = "JB_SMALLSCREEN_MUST_FIT";

QString describe(const QWidget *widget)
{
    const QString name = widget->objectName().isEmpty() ? QString() : u" \""_s + widget->objectName() + u'"';
    QString text;
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = u" '"_s + label->text().left(30) + u'\'';
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = u" '"_s + button->text() + u'\'';
    return QString::fromLatin1(widget->metaObject()->className()) + name + text;
}

// The first two visible children of `parent` whose rectangles overlap, or an empty string.
QString overlap(const QWidget *parent)
{
    QList<const QWidget *> shown;
    for (const QWidget *child : parent->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly)) {
        if (child->isVisible() && !child->isWindow() && !child->geometry().isEmpty())
            shown.append(child);
    }
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (!parent->rect().contains(shown.at(i)->geometry()))
            return describe(shown.at(i)) + u" sticks out of "_s + describe(parent);
        for (qsizetype j = i + 1; j < shown.size(); ++j) {
            if (shown.at(i)->geometry().intersects(shown.at(j)->geometry()))
                return describe(shown.at(i)) + u" overlaps "_s + describe(shown.at(j));
        }
    }
    return {};
}

// The page's scroll area that is shown, when it has to scroll vertically: what it needs and has.
QString pageScrolls(const QWidget *window)
{
    for (const QScrollArea *area : window->findChildren<QScrollArea *>()) {
        if (!area->isVisible() || !qobject_cast<const QStackedWidget *>(area->parentWidget()))
            continue;
        if (area->verticalScrollBar()->isVisible()) {
            return u"the page scrolls: it needs %1 px, has %2"_s
                .arg(area->widget()->minimumSizeHint().height())
                .arg(area->viewport()->height());
        }
    }
    return {};
}

} // namespace

class TestSmallScreen final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fitGeometry_data();
    void fitGeometry();
    void smallScreen_data();
    void smallScreen();
    // Run only as the child of smallScreen(), on the screen and at the scale it sets up.
    void childChecks();
};

void TestSmallScreen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"JourneyBenchTests"_s);
    QCoreApplication::setApplicationName(u"tst_smallscreen"_s);
}

void TestSmallScreen::fitGeometry_data()
{
    QTest::addColumn<QRect>("geometry");
    QTest::addColumn<QMargins>("frame");
    QTest::addColumn<QSize>("minimum");
    QTest::addColumn<QRect>("expected");
    const QMargins frame(4, 30, 4, 4);
    // an available area of 910x512 at (0, 0): 1366x768 at scale 1.5
    QTest::addRow("fits already") << QRect(100, 100, 600, 300) << frame << QSize()
                                  << QRect(100, 100, 600, 300);
    QTest::addRow("default size, too large")
        << QRect(0, 0, 1440, 900) << frame << QSize() << QRect(4, 30, 902, 478);
    QTest::addRow("restored off to the right")
        << QRect(800, 50, 400, 300) << frame << QSize() << QRect(506, 50, 400, 300);
    QTest::addRow("restored above the top")
        << QRect(10, -200, 400, 300) << frame << QSize() << QRect(10, 30, 400, 300);
    QTest::addRow("never below the minimum")
        << QRect(0, 0, 1440, 900) << frame << QSize(950, 400) << QRect(4, 30, 950, 478);
    QTest::addRow("no frame") << QRect(-5, -5, 2000, 2000) << QMargins() << QSize() << QRect(0, 0, 910, 512);
}

void TestSmallScreen::fitGeometry()
{
    QFETCH(QRect, geometry);
    QFETCH(QMargins, frame);
    QFETCH(QSize, minimum);
    QFETCH(QRect, expected);
    const QRect available(0, 0, 910, 512);
    const QRect fitted = ScreenFit::fit(geometry, frame, available, minimum);
    QCOMPARE(fitted, expected);
    if (minimum.isEmpty())
        QVERIFY(available.contains(fitted.marginsAdded(frame)));
}

void TestSmallScreen::smallScreen_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<QByteArray>("scale");
    QTest::addColumn<bool>("mustFit");
    QTest::addRow("1366x768 at scale 1") << QSize(1366, 768) << QByteArray("1") << false;
    QTest::addRow("1366x768 at scale 1.5") << QSize(1366, 768) << QByteArray("1.5") << false;
    QTest::addRow("1366x768 at scale 2") << QSize(1366, 768) << QByteArray("2") << false;
    QTest::addRow("1440x900 at scale 1, no page scrolls") << QSize(1440, 900) << QByteArray("1") << true;
}

void TestSmallScreen::smallScreen()
{
    QFETCH(QSize, screen);
    QFETCH(QByteArray, scale);
    QFETCH(bool, mustFit);
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    const QString config = temp.filePath(u"screens.json"_s);
    QFile file(config);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QString::fromLatin1(R"({"windowFrameMargins": true, "screens": [{"name": "small", "x": 0,
        "y": 0, "width": %1, "height": %2, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})")
                   .arg(screen.width())
                   .arg(screen.height())
                   .toLatin1());
    file.close();

    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(childVariable), QString::number(screen.width()));
    if (mustFit)
        environment.insert(QString::fromLatin1(fitVariable), u"1"_s);
    environment.insert(u"QT_SCALE_FACTOR"_s, QString::fromLatin1(scale));
    environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen:configfile="_s + config);
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {u"childChecks"_s});
    QVERIFY(child.waitForFinished(240000));
    const QByteArray output = child.readAll();
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
        qWarning().noquote() << QString::fromUtf8(output);
    QCOMPARE(child.exitStatus(), QProcess::NormalExit);
    QCOMPARE(child.exitCode(), 0);
    QVERIFY(output.contains("PASS   : TestSmallScreen::childChecks()"));
}

void TestSmallScreen::childChecks()
{
    if (qEnvironmentVariableIsEmpty(childVariable))
        QSKIP("run by smallScreen() with its screen and scale");
    const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
    const double scale = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble();
    const int screenWidth = qEnvironmentVariableIntValue(childVariable);
    const bool mustFit = qEnvironmentVariableIsSet(fitVariable);
    QCOMPARE(available.width(), qRound(screenWidth / scale)); // the screen the parent described
    QTemporaryDir temp;
    QVERIFY(temp.isValid());
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString folder = temp.filePath(u"project"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), folder));
    QSignalSpy opened(window.session(), &ProjectSession::opened);
    window.openProject(folder);
    QTRY_COMPARE(opened.size(), 1);

    for (int row = 0; row < window.navigator()->rowCount(); ++row) {
        window.showPage(row);
        QList<QTabWidget *> tabs;
        if (PhasePage *page = row < NavigatorModel::timelineRow ? window.phasePage(Phase(row + 1)) : nullptr)
            tabs = page->findChildren<QTabWidget *>(QString(), Qt::FindDirectChildrenOnly);
        const int tabCount = tabs.isEmpty() ? 1 : tabs.first()->count();
        for (int tab = 0; tab < tabCount; ++tab) {
            if (!tabs.isEmpty())
                tabs.first()->setCurrentIndex(tab);
            QTest::qWait(30);
            const QString where = u"page %1 tab %2"_s.arg(row + 1).arg(tab);
            const QRect frame = window.frameGeometry();
            QVERIFY2(available.contains(frame),
                qPrintable(where
                    + u": frame %1,%2 %3x%4 outside the screen's %5x%6"_s.arg(frame.x())
                          .arg(frame.y())
                          .arg(frame.width())
                          .arg(frame.height())
                          .arg(available.width())
                          .arg(available.height())));
            if (mustFit)
                QTRY_VERIFY2_WITH_TIMEOUT(
                    pageScrolls(&window).isEmpty(), qPrintable(where + u": "_s + pageScrolls(&window)), 3000);
            for (const PageHeader *header : window.findChildren<PageHeader *>()) {
                // layouts settle through posted events, later on a loaded machine: wait for them
                if (header->isVisible())
                    QTRY_VERIFY2_WITH_TIMEOUT(
                        overlap(header).isEmpty(), qPrintable(where + u": "_s + overlap(header)), 3000);
            }
            for (const ChecklistPanel *panel : window.findChildren<ChecklistPanel *>()) {
                if (!panel->isVisible())
                    continue;
                QTRY_VERIFY2_WITH_TIMEOUT(
                    overlap(panel).isEmpty(), qPrintable(where + u": "_s + overlap(panel)), 3000);
                const auto *view = panel->findChild<QTableView *>();
                QVERIFY(view);
                // every title is shown whole: its column is as wide as the longest
                const int titleWidth = view->horizontalHeader()->sectionSize(ChecklistModel::TitleColumn);
                for (int item = 0; item < view->model()->rowCount(); ++item) {
                    const QString title
                        = view->model()->index(item, ChecklistModel::TitleColumn).data().toString();
                    QVERIFY2(view->fontMetrics().horizontalAdvance(title) < titleWidth,
                        qPrintable(where + u": \""_s + title + u"\" cut to %1 px"_s.arg(titleWidth)));
                }
            }
        }
    }
    window.session()->undoStack()->setClean();
}

QTEST_MAIN(TestSmallScreen)
#include "tst_smallscreen.moc"
