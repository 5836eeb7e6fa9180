// journeybench: the GUI. Thin on purpose: everything it shows lives in jb_ui.
#include "mainwindow.h"
#include "projectsession.h"

#include <QApplication>
#include <QByteArrayList>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

// --screenshot FILE: once the project is open, show --page N, render the window to FILE and quit.
void takeScreenshotWhenOpen(jb::MainWindow &window, const QString &file, int page, const QString &tab)
{
    QObject::connect(window.session(), &jb::ProjectSession::opened, &window, [&window, file, page, tab] {
        window.showPage(page);
        if (!tab.isEmpty())
            window.showTab(tab);
        QTimer::singleShot(600, &window, [&window, file] {
            const bool ok = window.grab().save(file);
            std::fprintf(stderr, "%s %s\n", ok ? "wrote" : "could not write", qPrintable(file));
            QCoreApplication::exit(ok ? 0 : 1);
        });
    });
    QObject::connect(
        window.session(), &jb::ProjectSession::openFailed, &window, [] { QCoreApplication::exit(1); });
}

// The command line, described once for both passes below.
struct Options
{
    QCommandLineOption sample{u"sample"_s, u"Open (a copy of) the bundled sample project."_s};
    QCommandLineOption page{
        u"page"_s, u"Show page N (1-10 the phases, 11 Timeline, 12 Artifacts, 13 Environments)."_s, u"N"_s};
    QCommandLineOption screenshot{
        u"screenshot"_s, u"Render the window to FILE once open, then quit."_s, u"FILE"_s};
    QCommandLineOption tab{u"tab"_s, u"With --screenshot: show the page's tab TITLE."_s, u"TITLE"_s};

    void describe(QCommandLineParser &parser)
    {
        parser.setApplicationDescription(
            u"Workbench for integration owners: the iPaaS integration journey."_s);
        parser.addHelpOption();
        parser.addVersionOption();
        page.setFlags(QCommandLineOption::HiddenFromHelp);
        tab.setFlags(QCommandLineOption::HiddenFromHelp);
        screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOptions({sample, page, screenshot, tab});
        parser.addPositionalArgument(u"folder"_s, u"A project folder to open."_s, u"[folder]"_s);
    }
};

void nameApplication()
{
    QCoreApplication::setApplicationName(u"JourneyBench"_s);
    QCoreApplication::setOrganizationName(u"JourneyBench"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(JB_VERSION));
}

// --help and --version answer without a display: they are handled before the GUI platform starts,
// which aborts when there is none.
void answerHelpOrVersion(int argc, char *argv[])
{
    static const QByteArrayList asks{"-h", "--help", "-?", "--help-all", "-v", "--version"};
    bool asked = false;
    for (int i = 1; i < argc && !asked; ++i)
        asked = asks.contains(QByteArray(argv[i]));
    if (!asked)
        return;
    QCoreApplication app(argc, argv);
    nameApplication();
    Options options;
    QCommandLineParser parser;
    options.describe(parser);
    // Qt's own GUI options (-platform, -style…) are not known here: only help and version matter.
    parser.parse(QCoreApplication::arguments());
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    parser.showHelp(0);
}

} // namespace

int main(int argc, char *argv[])
{
    answerHelpOrVersion(argc, argv);
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setDesktopFileName(u"journeybench"_s);
    if (QFile::exists(u":/icons/journeybench.svg"_s))
        QApplication::setWindowIcon(QIcon(u":/icons/journeybench.svg"_s));

    Options options;
    QCommandLineParser parser;
    options.describe(parser);
    parser.process(app);
    const QCommandLineOption &sample = options.sample;
    const QCommandLineOption &page = options.page;
    const QCommandLineOption &screenshot = options.screenshot;
    const QCommandLineOption &tab = options.tab;

    jb::MainWindow window;
    const int pageRow = parser.isSet(page) ? parser.value(page).toInt() - 1 : 0;
    if (parser.isSet(screenshot))
        takeScreenshotWhenOpen(window, parser.value(screenshot), pageRow, parser.value(tab));
    else if (parser.isSet(page))
        QObject::connect(
            window.session(), &jb::ProjectSession::opened, &window,
            [&window, pageRow] { window.showPage(pageRow); }, Qt::SingleShotConnection);
    window.show();

    const QStringList folders = parser.positionalArguments();
    if (!folders.isEmpty())
        window.openProject(QDir(folders.first()).absolutePath());
    else if (parser.isSet(sample))
        window.openSample();
    return QApplication::exec();
}
