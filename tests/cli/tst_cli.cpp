#include "checklist.h"
#include "clirun.h"
#include "projectstatus.h"
#include "projecttree.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;
using jb::testing::CliRun;
using jb::testing::ProjectTree;

namespace {

const QString usageFirstLine = u"usage: journeybench-cli [--help] [--version] <command> [<args>]\n"_s;

QJsonObject readObject(const QString &path)
{
    return QJsonDocument::fromJson(ProjectTree::read(path)).object();
}

} // namespace

// journeybench-cli through the real executable: help, version, usage errors, status and format.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void help_data();
    void help();
    void version_data();
    void version();
    void usageErrors_data();
    void usageErrors();
    void refusedFolders_data();
    void refusedFolders();
    void statusText();
    void statusJson();
    void statusWithoutManifest();
    void formatCheckOnTheSample();
    void formatMakesCanonical();
    void formatLeavesBrokenFilesAlone();
};

void TestCli::help_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addRow("--help") << u"--help"_s;
    QTest::addRow("-h") << u"-h"_s;
    QTest::addRow("help") << u"help"_s;
}

void TestCli::help()
{
    QFETCH(QString, argument);

    const CliRun run = CliRun::of({argument});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    QVERIFY2(run.out.startsWith(usageFirstLine), qPrintable(run.out));
    for (const QString &line :
        {u"\n  validate DIR "_s, u"\n  status DIR [--json] "_s, u"\n  format DIR [--check] "_s,
            u"\nRun 'journeybench-cli <command> --help' for a command's options.\n"_s})
        QVERIFY2(run.out.contains(line), qPrintable(line));
    QVERIFY(run.out.endsWith(u"options.\n"_s));
}

void TestCli::version_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addRow("--version") << u"--version"_s;
    QTest::addRow("-v") << u"-v"_s;
}

void TestCli::version()
{
    QFETCH(QString, argument);

    const CliRun run = CliRun::of({argument});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.out, u"journeybench-cli "_s + QStringLiteral(JB_VERSION) + u'\n');
    QVERIFY(QRegularExpression(u"^\\d+\\.\\d+\\.\\d+$"_s).match(QStringLiteral(JB_VERSION)).hasMatch());
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("errStart"); // how the error output begins

    QTest::addRow("no arguments") << QStringList() << usageFirstLine;
    QTest::addRow("unknown command") << QStringList{
        u"frobnicate"_s} << u"journeybench-cli: unknown command \"frobnicate\"\n\n"_s + usageFirstLine;
    QTest::addRow("validate without a folder")
        << QStringList{u"validate"_s} << u"usage: journeybench-cli validate DIR\n"_s;
    QTest::addRow("validate with two folders")
        << QStringList{u"validate"_s, u"a"_s, u"b"_s} << u"usage: journeybench-cli validate DIR\n"_s;
    QTest::addRow("status with an unknown option") << QStringList{u"status"_s, QStringLiteral(JB_SAMPLE_DIR),
        u"--bogus"_s} << u"Unknown option 'bogus'.\nusage: journeybench-cli status DIR [--json]\n"_s;
    QTest::addRow("format without a folder")
        << QStringList{u"format"_s, u"--check"_s} << u"usage: journeybench-cli format DIR [--check]\n"_s;
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, errStart);

    const CliRun run = CliRun::of(arguments);
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.out, QString());
    QVERIFY2(run.err.startsWith(errStart), qPrintable(run.err));
}

void TestCli::refusedFolders_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<QString>("open"); // relative to a copy of the sample; "" is the copy itself
    QTest::addColumn<QString>("setup"); // what is done to the copy first
    QTest::addColumn<QString>("message"); // %1: the path opened, %2: the copy

    const QString missing = u"error: %1: no such folder\n"_s;
    for (const QStringList &command :
        {QStringList{u"validate"_s}, QStringList{u"status"_s}, QStringList{u"status"_s, u"--json"_s},
            QStringList{u"format"_s}, QStringList{u"format"_s, u"--check"_s}}) {
        QTest::addRow("%s: a missing folder", qPrintable(command.join(u' ')))
            << command << u"missing"_s << QString() << missing;
    }
    QTest::addRow("validate: a path that is a file")
        << QStringList{u"validate"_s} << u"journey.json"_s << QString()
        << u"error: %1: is a file, not a project folder (open the folder that holds journey.json)\n"_s;
    QTest::addRow("status: a folder without journey.json")
        << QStringList{u"status"_s} << QString() << u"remove journey.json"_s
        << u"error: %1: not a JourneyBench project (it has no journey.json)\n"_s;
    QTest::addRow("validate: a newer schema version")
        << QStringList{u"validate"_s} << QString() << u"schema version 3"_s
        << u"error: %2/journey.json: this project uses schema version 3, newer than this JourneyBench "
           "understands (1); open it with a newer JourneyBench\n"_s;
    QTest::addRow("format: a newer schema version")
        << QStringList{u"format"_s} << QString() << u"schema version 3"_s
        << u"error: %2/journey.json: this project uses schema version 3, newer than this JourneyBench "
           "understands (1); open it with a newer JourneyBench\n"_s;
}

void TestCli::refusedFolders()
{
    QFETCH(QStringList, command);
    QFETCH(QString, open);
    QFETCH(QString, setup);
    QFETCH(QString, message);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const QDir folder(dir.path());
    if (setup == u"remove journey.json")
        QVERIFY(QFile::remove(folder.filePath(u"journey.json"_s)));
    else if (setup == u"schema version 3")
        QVERIFY(ProjectTree::write(
            folder.filePath(u"journey.json"_s), "{\"schemaVersion\": 3, \"name\": \"x\"}"));
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());
    const QString path = open.isEmpty() ? dir.path() : folder.filePath(open);

    const CliRun run = CliRun::of(QStringList{command.constFirst(), path} + command.mid(1));
    QVERIFY(run.finished);
    QCOMPARE(run.err, QString(message).replace(u"%1"_s, path).replace(u"%2"_s, dir.path()));
    QCOMPARE(run.out, QString());
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());
}

void TestCli::statusText()
{
    const CliRun run = CliRun::of({u"status"_s, QStringLiteral(JB_SAMPLE_DIR)});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    // UTF-8 all the way through: the em dash in the name
    QCOMPARE(run.out.section(u'\n', 0, 2),
        u"Acme Varejo — integration journey: 29% (12 of 41 checklist items)\n"
        " 1 Connection          50% (3/6)\n"
        "     - Hosts behind the tunnel and exposed endpoints answer (in-progress) [owner: Marina Costa]"_s);
    QVERIFY(run.out.contains(u"\n 3 Systems            100% (4/4)  signed by Paulo Andrade\n"_s));
    QCOMPARE(run.out, ProjectStatus::toText(readObject(QStringLiteral(JB_SAMPLE_DIR "/journey.json"))));
}

void TestCli::statusJson()
{
    const CliRun run = CliRun::of({u"status"_s, QStringLiteral(JB_SAMPLE_DIR), u"--json"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(run.err, QString());
    QJsonParseError error{};
    const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);

    // the numbers are the checklist's
    const QJsonObject manifest = readObject(QStringLiteral(JB_SAMPLE_DIR "/journey.json"));
    const Completion overall = Checklist::overall(manifest);
    QCOMPARE(status.value(u"name"_s).toString(), u"Acme Varejo — integration journey"_s);
    QCOMPARE(status.value(u"complete"_s).toInt(), overall.complete);
    QCOMPARE(status.value(u"total"_s).toInt(), overall.total);
    QCOMPARE(status.value(u"percent"_s).toInt(), overall.percent());
    QCOMPARE(overall.complete, 12);
    QCOMPARE(overall.total, 41);

    const QJsonArray phases = status.value(u"phases"_s).toArray();
    QCOMPARE(phases.size(), Phases::all().size());
    for (const PhaseInfo &info : Phases::all()) {
        const QJsonObject phase = phases.at(Phases::number(info.phase) - 1).toObject();
        const Completion completion = Checklist::completion(manifest, info.phase);
        QCOMPARE(phase.value(u"phase"_s).toInt(), Phases::number(info.phase));
        QCOMPARE(phase.value(u"key"_s).toString(), info.key);
        QCOMPARE(phase.value(u"title"_s).toString(), info.title);
        QCOMPARE(phase.value(u"complete"_s).toInt(), completion.complete);
        QCOMPARE(phase.value(u"total"_s).toInt(), completion.total);
        QCOMPARE(phase.value(u"percent"_s).toInt(), completion.percent());
        QStringList open;
        for (const QJsonValue &item : phase.value(u"open"_s).toArray())
            open.append(item[u"id"_s].toString());
        QStringList expectedOpen;
        for (const ChecklistItem &item : Checklist::items(manifest, info.phase)) {
            if (!item.isComplete() && item.status != ChecklistItem::Status::NotApplicable)
                expectedOpen.append(item.id);
        }
        QCOMPARE(open, expectedOpen);
        QCOMPARE(phase.contains(u"signoff"_s), Checklist::phaseSignoff(manifest, info.phase).isSigned());
    }
    QCOMPARE(phases.at(2)[u"signoff"_s][u"by"_s].toString(), u"Paulo Andrade"_s);
}

void TestCli::statusWithoutManifest()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    QVERIFY(ProjectTree::write(QDir(dir.path()).filePath(u"journey.json"_s),
        "{\n  \"schemaVersion\": 1,\n  \"name\": \"Acme\",\n  \"checklist\": {\n"));

    const CliRun run = CliRun::of({u"status"_s, dir.path()});
    QVERIFY(run.finished);
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err,
        dir.path()
            + u"/journey.json:5:1: not valid JSON: unterminated object\n"
              "error: the manifest could not be read, so the status is unknown\n"_s);
}

void TestCli::formatCheckOnTheSample()
{
    const QString sample = QStringLiteral(JB_SAMPLE_DIR);
    const ProjectTree::Checksums before = ProjectTree::checksums(sample);
    const CliRun run = CliRun::of({u"format"_s, sample, u"--check"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(sample)), QString());
}

void TestCli::formatMakesCanonical()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const QDir folder(dir.path());
    // the same values, written another way: four-space indent, one line, no trailing newline
    for (const QString &path :
        {u"journey.json"_s, u"servers/erp-app.json"_s, u"contracts/viacep-address.json"_s}) {
        const QJsonDocument document = QJsonDocument::fromJson(ProjectTree::read(folder.filePath(path)));
        QVERIFY(document.isObject());
        const QByteArray other = path.startsWith(u"servers")
            ? document.toJson(QJsonDocument::Compact)
            : document.toJson(QJsonDocument::Indented).trimmed();
        QVERIFY(ProjectTree::write(folder.filePath(path), other));
    }
    const ProjectTree::Checksums spoiled = ProjectTree::checksums(dir.path());
    const QString listed = u"journey.json\nservers/erp-app.json\ncontracts/viacep-address.json\n"_s;

    CliRun run = CliRun::of({u"format"_s, dir.path(), u"--check"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.out, listed);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 1);
    QCOMPARE(ProjectTree::changes(spoiled, ProjectTree::checksums(dir.path())),
        QString()); // --check writes nothing

    run = CliRun::of({u"format"_s, dir.path()});
    QVERIFY(run.finished);
    QCOMPARE(run.out, listed);
    QCOMPARE(run.err, QString());
    QCOMPARE(run.exitCode, 0);
    // byte for byte the canonical sample again
    QCOMPARE(ProjectTree::changes(
                 ProjectTree::checksums(QStringLiteral(JB_SAMPLE_DIR)), ProjectTree::checksums(dir.path())),
        QString());

    run = CliRun::of({u"format"_s, dir.path(), u"--check"_s});
    QVERIFY(run.finished);
    QCOMPARE(run.out, QString());
    QCOMPARE(run.exitCode, 0);
}

void TestCli::formatLeavesBrokenFilesAlone()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const QDir folder(dir.path());
    const QByteArray truncated = "{\n  \"id\": \"broken\",\n  \"name\": \"Half";
    QVERIFY(ProjectTree::write(folder.filePath(u"systems/broken.json"_s), truncated));
    const QByteArray compact
        = QJsonDocument::fromJson(ProjectTree::read(folder.filePath(u"systems/crm.json"_s)))
              .toJson(QJsonDocument::Compact);
    QVERIFY(ProjectTree::write(folder.filePath(u"systems/crm.json"_s), compact));
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());

    const CliRun run = CliRun::of({u"format"_s, dir.path()});
    QVERIFY(run.finished);
    QCOMPARE(run.out, u"systems/crm.json\n"_s);
    QCOMPARE(run.err,
        folder.filePath(u"systems/broken.json"_s)
            + u":3:16: not valid JSON: unterminated string (left as it is)\n"_s);
    QCOMPARE(run.exitCode, 1);
    // the good file was formatted; the broken one is exactly as it was
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), u"~systems/crm.json"_s);
    QCOMPARE(ProjectTree::read(folder.filePath(u"systems/broken.json"_s)), truncated);
    QCOMPARE(ProjectTree::read(folder.filePath(u"systems/crm.json"_s)),
        ProjectTree::read(QStringLiteral(JB_SAMPLE_DIR "/systems/crm.json")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
