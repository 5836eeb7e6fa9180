// journeybench: the GUI. Thin on purpose: everything it shows lives in jb_ui.
#include "mainwindow.h"
#include "projectsession.h"

#include <QApplication>
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

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"JourneyBench"_s);
    QApplication::setOrganizationName(u"JourneyBench"_s);
    QApplication::setApplicationVersion(QStringLiteral(JB_VERSION));
    QApplication::setDesktopFileName(u"journeybench"_s);
    if (QFile::exists(u":/icons/journeybench.svg"_s))
        QApplication::setWindowIcon(QIcon(u":/icons/journeybench.svg"_s));

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Workbench for integration owners: the iPaaS integration journey."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sample(u"sample"_s, u"Open (a copy of) the bundled sample project."_s);
    QCommandLineOption page(
        u"page"_s, u"Show page N (1-10 the phases, 11 Timeline, 12 Artifacts, 13 Environments)."_s, u"N"_s);
    QCommandLineOption screenshot(
        u"screenshot"_s, u"Render the window to FILE once open, then quit."_s, u"FILE"_s);
    QCommandLineOption tab(u"tab"_s, u"With --screenshot: show the page's tab TITLE."_s, u"TITLE"_s);
    page.setFlags(QCommandLineOption::HiddenFromHelp);
    tab.setFlags(QCommandLineOption::HiddenFromHelp);
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({sample, page, screenshot, tab});
    parser.addPositionalArgument(u"folder"_s, u"A project folder to open."_s, u"[folder]"_s);
    parser.process(app);

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
