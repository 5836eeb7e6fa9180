// journeybench-cli's start: the executable links only what `check` needs, answers its own commands
// without the journeybench-commands module, and runs run, serve, mock, map and export through it.
#include "cliapp.h"
#include "clirun.h"
#include "commandsmodule.h"
#include "testfolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace jb;
using jb::testing::CliRun;

namespace {

// The shared libraries a binary names in its dynamic section (DT_NEEDED), as readelf prints them.
QStringList neededLibraries(const QString &binary)
{
    QProcess readelf;
    readelf.start(u"readelf"_s, {u"--dynamic"_s, u"--wide"_s, binary});
    if (!readelf.waitForFinished(30000) || readelf.exitCode() != 0)
        return {};
    static const QRegularExpression needed(u"\\(NEEDED\\)\\s+Shared library: \\[([^\\]]+)\\]"_s);
    QStringList libraries;
    for (const QRegularExpressionMatch &match :
        needed.globalMatch(QString::fromUtf8(readelf.readAllStandardOutput())))
        libraries.append(match.captured(1));
    return libraries;
}

} // namespace

class TestCliStartup final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_alone; // a copy of the executable without the module

    QString aloneExecutable() const { return m_alone.filePath(u"bin/journeybench-cli"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_alone.isValid());
        QVERIFY(QDir().mkpath(m_alone.filePath(u"bin"_s)));
        QVERIFY(QFile::copy(QStringLiteral(JB_CLI_PATH), aloneExecutable()));
    }

    // What the executable links: never the libraries that only the module's commands (or the GUI)
    // need.
    void linkedLibraries_data()
    {
        QTest::addColumn<QString>("library"); // the start of its file name
        QTest::addColumn<bool>("linked");
        QTest::addRow("Qt Core") << u"libQt6Core.so"_s << true;
        QTest::addRow("Qt Network") << u"libQt6Network.so"_s << true;
        QTest::addRow("Qt Gui") << u"libQt6Gui.so"_s << false;
        QTest::addRow("Qt Qml") << u"libQt6Qml.so"_s << false;
        QTest::addRow("Qt HttpServer") << u"libQt6HttpServer.so"_s << false;
        QTest::addRow("Qt Svg") << u"libQt6Svg.so"_s << false;
        QTest::addRow("libcurl") << u"libcurl"_s << false;
        QTest::addRow("libxlsxwriter") << u"libxlsxwriter.so"_s << false;
        QTest::addRow("yaml-cpp") << u"libyaml-cpp.so"_s << false;
        // its secrets come from the environment: the OS keychain is the GUI's
        QTest::addRow("QtKeychain") << u"libqt6keychain.so"_s << false;
        QTest::addRow("Qt D-Bus") << u"libQt6DBus.so"_s << false;
    }

    void linkedLibraries()
    {
        QFETCH(QString, library);
        QFETCH(bool, linked);
        const QStringList needed = neededLibraries(QStringLiteral(JB_CLI_PATH));
        QVERIFY2(!needed.isEmpty(), "readelf printed no NEEDED entries");
        const bool found = std::any_of(needed.cbegin(), needed.cend(),
            [&library](const QString &name) { return name.startsWith(library); });
        QVERIFY2(found == linked, qPrintable(needed.join(u' ')));
    }

    // Without the module beside it (nor where the package installs it), the executable still runs
    // every command of its own, and says where it looked for the module's.
    void withoutTheModule_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out"); // regular expressions, matched anywhere
        QTest::addColumn<QString>("err");

        const QString sample = QStringLiteral(JB_SAMPLE_DIR);
        QTest::addRow("--version") << QStringList{u"--version"_s} << 0 << u"^journeybench-cli \\d+\\.\\d+"_s
                                   << u"^$"_s;
        QTest::addRow("--help") << QStringList{u"--help"_s} << 0 << u"^usage: journeybench-cli "_s << u"^$"_s;
        QTest::addRow("unknown command")
            << QStringList{u"frobnicate"_s} << 2 << u"^$"_s << u"unknown command \"frobnicate\""_s;
        QTest::addRow("validate") << QStringList{u"validate"_s, sample} << 0 << u"^$"_s
                                  << u": valid \\(\\d+ entities\\)"_s;
        QTest::addRow("check of no project")
            << QStringList{u"check"_s, u"/nonexistent"_s} << 1 << u"^$"_s << u"^error: .*/nonexistent"_s;
        QTest::addRow("check: a bad option") << QStringList{u"check"_s, u"--bogus"_s} << 2 << u"^$"_s
                                             << u"usage: journeybench-cli check DIR"_s;
        for (const QString &command : {u"serve"_s, u"export"_s, u"run"_s, u"mock"_s, u"map"_s}) {
            QTest::addRow("%s", qPrintable(command))
                << QStringList{command, sample} << 1 << u"^$"_s
                << u"^journeybench-cli %1: could not load journeybench-commands\\.so, the module that holds "
                   "this command; tried:\n  .*/bin/journeybench-commands\\.so: cannot open shared object "
                   "file: No such file or directory\n  .*/journeybench/journeybench-commands\\.so: .*\n$"_s
                       .arg(command);
        }
    }

    void withoutTheModule()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, err);
        const CliRun run = CliRun::of(aloneExecutable(), arguments);
        QVERIFY2(run.finished, qPrintable(run.err));
        QVERIFY2(QRegularExpression(err).match(run.err).hasMatch(), qPrintable(run.err));
        QVERIFY2(QRegularExpression(out).match(run.out).hasMatch(), qPrintable(run.out));
        QCOMPARE(run.exitCode, exitCode);
    }

    // The place the package installs the module to, relative to the executable, is one it tries.
    void installedPlace()
    {
        const QStringList candidates = CommandsModule::candidates(u"/usr/bin"_s);
        QCOMPARE(candidates.size(), 2);
        QCOMPARE(candidates.constFirst(), u"/usr/bin/journeybench-commands.so"_s);
        QVERIFY2(QRegularExpression(u"^/usr/lib(/[^/]+)?/journeybench/journeybench-commands\\.so$"_s)
                     .match(candidates.constLast())
                     .hasMatch(),
            qPrintable(candidates.constLast()));
    }

    // The built executable finds the module beside it: export (a QGuiApplication for PDF, in the
    // module) and serve run through it.
    void exportThroughTheModule_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("file");
        QTest::addRow("markdown") << u"md"_s << u"vpn.md"_s;
        QTest::addRow("pdf") << u"pdf"_s << u"vpn.pdf"_s;
    }

    void exportThroughTheModule()
    {
        QFETCH(QString, format);
        QFETCH(QString, file);
        QTemporaryDir out;
        QVERIFY(out.isValid());
        const CliRun run = CliRun::of({u"export"_s, QStringLiteral(JB_SAMPLE_DIR), u"--artifact"_s, u"vpn"_s,
            u"--format"_s, format, u"--out"_s, out.path()});
        QVERIFY2(run.finished, qPrintable(run.err));
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(QFileInfo(out.filePath(file)).size() > 0, qPrintable(run.out + run.err));
    }

    void serveThroughTheModule()
    {
        QTemporaryDir work;
        QVERIFY(work.isValid());
        QVERIFY(jb::test::copyFolder(QStringLiteral(JB_SAMPLE_DIR), work.path()));
        QProcess process;
        process.start(
            QStringLiteral(JB_CLI_PATH), {u"serve"_s, work.path(), u"--port"_s, u"0"_s, u"--no-mock"_s});
        QVERIFY(process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.state() != QProcess::Running, 20000);
        const QString first = QString::fromUtf8(process.readLine().trimmed());
        QVERIFY2(first.startsWith(u"http://127.0.0.1:"_s),
            qPrintable(first + QString::fromUtf8(process.readAllStandardError())));
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    // In one process CliApp runs every command: the executable's own and each word it leaves to
    // the module (a bad option reaches the command's own parser, not "unknown command").
    void cliAppKnowsEveryCommand()
    {
        QStringList words;
        for (const CliCommand &command : CliDispatcher::coreCommands())
            words.append(QString::fromLatin1(command.name));
        for (const char *name : CliDispatcher::moduleCommandNames()) {
            QVERIFY2(!words.contains(QString::fromLatin1(name)), name);
            words.append(QString::fromLatin1(name));
        }
        QStringList known;
        for (const CliCommand &command : CliApp::commands())
            known.append(QString::fromLatin1(command.name));
        QCOMPARE(known, words);
        for (const QString &word : std::as_const(words)) {
            QString out;
            QString err;
            QTextStream outStream(&out);
            QTextStream errStream(&err);
            const int code
                = CliApp::run({u"journeybench-cli"_s, word, u"--no-such-option"_s}, outStream, errStream);
            QVERIFY2(code == CliDispatcher::UsageError, qPrintable(word + u": "_s + err));
            QVERIFY2(err.contains(u"usage: journeybench-cli "_s + word), qPrintable(word + u": "_s + err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliStartup)
#include "tst_clistartup.moc"
