#include "journeyschema.h"
#include "kindspec.h"
#include "projectdocument.h"
#include "projectformat.h"
#include "projectloader.h"
#include "projecttree.h"
#include "projectvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace Qt::StringLiterals;
using namespace jb;
using jb::testing::ProjectTree;

namespace {

// How a row spoils its copy of the sample before the project is opened.
enum class Setup
{
    Write, // write `bytes` to `path`
    Unreadable, // a valid entity at `path`, then chmod 000
    Folder, // a folder named `path`
    Remove, // delete `path`
    Open, // open `path` (relative to the copy) instead of the copy
};

// "servers/x.json:3:9: message", the project folder left out.
QStringList printed(const Diagnostics &diagnostics, const QString &folder)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        QString line = diagnostic.format();
        if (line.startsWith(folder + u'/'))
            line.remove(0, folder.size() + 1);
        lines.append(line);
    }
    return lines;
}

void addRow(const char *name, Setup setup, const QString &path, const QByteArray &bytes,
    const QString &refusal, const QStringList &loadProblems, const QStringList &validateProblems = {})
{
    QTest::addRow("%s", name) << setup << path << bytes << refusal << loadProblems << validateProblems;
}

const QByteArray aServer = R"({
  "id": "locked",
  "name": "Locked",
  "ip": "10.0.0.9"
}
)";

} // namespace

// Bad input: each case gives its message, the rest of the project still loads where it can, and no
// file on disk changes, not even when the rest of the project is saved or the bad file is aimed at.
class TestProjectBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data();
    void badInput();
    void manyFilesWithBadOnesAmongThem();
    void everyKeyIsOneField();
};

void TestProjectBadInput::badInput_data()
{
    QTest::addColumn<Setup>("setup");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("refusal"); // %1: the copy's folder; empty when the project opens
    QTest::addColumn<QStringList>("loadProblems");
    QTest::addColumn<QStringList>("validateProblems");

    addRow("truncated JSON", Setup::Write, u"servers/broken.json"_s,
        "{\n  \"id\": \"broken\",\n  \"name\": \"Half a file\",\n  \"ports\": [\n    {\n      \"port\": 22",
        {}, {u"servers/broken.json:6:17: not valid JSON: invalid termination by number"_s});
    addRow("truncated inside a string", Setup::Write, u"servers/broken.json"_s, "{\n  \"id\": \"bro", {},
        {u"servers/broken.json:2:13: not valid JSON: unterminated string"_s});
    addRow("truncated manifest", Setup::Write, u"journey.json"_s,
        "{\n  \"schemaVersion\": 1,\n  \"name\": \"Acme\",\n  \"checklist\": {\n", {},
        {u"journey.json:5:1: not valid JSON: unterminated object"_s});
    addRow("empty file", Setup::Write, u"systems/empty.json"_s, "", {},
        {u"systems/empty.json:1:1: not valid JSON: illegal value"_s});
    addRow("an array at the top level", Setup::Write, u"systems/list.json"_s, "[\n  {\"id\": \"x\"}\n]\n", {},
        {u"systems/list.json:1:1: expected a JSON object at the top level"_s});

    addRow("wrong type: a string for a port number", Setup::Write, u"servers/broken.json"_s, R"({
  "id": "broken",
  "name": "Port as text",
  "ip": "10.0.0.7",
  "ports": [
    {
      "port": "8443"
    }
  ]
}
)",
        {}, {u"servers/broken.json:7:15: \"port\" must be a whole number, not a string"_s});
    addRow("wrong type: a string for a database port", Setup::Write, u"databases/broken.json"_s, R"({
  "id": "broken",
  "name": "Port as text",
  "driver": "QPSQL",
  "database": "x",
  "port": "5432"
}
)",
        {}, {u"databases/broken.json:6:11: \"port\" must be a whole number, not a string"_s});
    addRow("wrong type: an object for a list", Setup::Write, u"servers/broken.json"_s, R"({
  "id": "broken",
  "name": "Ports as object",
  "ip": "10.0.0.7",
  "ports": {"port": 22}
}
)",
        {}, {u"servers/broken.json:5:12: \"ports\" must be an array of objects, not an object"_s});
    addRow("wrong type: nested inside ports", Setup::Write, u"servers/broken.json"_s, R"({
  "id": "broken",
  "name": "Protocol as number",
  "ip": "10.0.0.7",
  "ports": [
    {"port": 22, "protocol": "tcp"},
    {"port": 23, "protocol": 6}
  ]
}
)",
        {}, {u"servers/broken.json:7:30: \"protocol\" must be a string, not a number"_s});
    addRow("wrong type: an object for a string list", Setup::Write, u"connections/broken.json"_s, R"({
  "id": "broken",
  "name": "Peers as object",
  "type": "vpn",
  "localGateway": "203.0.113.10",
  "peerGateways": {"a": "198.51.100.20"}
}
)",
        {}, {u"connections/broken.json:6:19: \"peerGateways\" must be an array of strings, not an object"_s});
    addRow("wrong type: manifest schemaVersion as text", Setup::Write, u"journey.json"_s,
        "{\n  \"schemaVersion\": \"1\",\n  \"name\": \"Acme\"\n}\n", {},
        {u"journey.json:2:20: \"schemaVersion\" must be a whole number of at least 1"_s});

    addRow("missing id: not loaded", Setup::Write, u"servers/broken.json"_s,
        "{\n  \"name\": \"No id\",\n  \"ip\": \"10.0.0.7\"\n}\n", {},
        {u"servers/broken.json:1:1: the entity has no \"id\" (a non-empty string)"_s});
    addRow("empty id: not loaded", Setup::Write, u"servers/broken.json"_s,
        "{\n  \"id\": \"\",\n  \"name\": \"Empty id\",\n  \"ip\": \"10.0.0.7\"\n}\n", {},
        {u"servers/broken.json:1:1: the entity has no \"id\" (a non-empty string)"_s});
    addRow("missing name: loaded, and reported by validate", Setup::Write, u"servers/nameless.json"_s,
        "{\n  \"id\": \"nameless\",\n  \"ip\": \"10.0.0.7\"\n}\n", {}, {},
        {u"servers/nameless.json:1:1: Name is required"_s});
    addRow("missing required item field: loaded, and reported by validate", Setup::Write,
        u"servers/portless.json"_s,
        R"({
  "id": "portless",
  "name": "P",
  "ip": "10.0.0.7",
  "ports": [
    {
      "purpose": "x"
    }
  ]
}
)",
        {}, {}, {u"servers/portless.json:6:5: Port is required"_s});

    addRow("basic authentication with no secret named: a warning from validate", Setup::Write,
        u"connections/zz-orders-api.json"_s,
        "{\n  \"id\": \"zz-orders-api\",\n  \"name\": \"Orders API\",\n  \"type\": \"api\",\n"
        "  \"url\": \"https://orders.acme.example/v1\",\n  \"auth\": \"basic\",\n  \"user\": \"ops\"\n}\n",
        {}, {},
        {u"connections/zz-orders-api.json:1:1: warning: authentication is \"basic\" but no secret is named: "
         "name the keychain entry that holds it, or the probe fails when it runs"_s});
    addRow("an API with no authentication needs no secret", Setup::Write, u"connections/zz-open-api.json"_s,
        "{\n  \"id\": \"zz-open-api\",\n  \"name\": \"Open API\",\n  \"type\": \"api\",\n"
        "  \"url\": \"https://open.acme.example/v1\",\n  \"auth\": \"none\"\n}\n",
        {}, {}, {});

    addRow("references to entities that do not exist: loaded, and reported by validate", Setup::Write,
        u"connections/zz-vpn-ghosts.json"_s,
        R"({
  "id": "zz-vpn-ghosts",
  "name": "Ghost hosts",
  "type": "vpn",
  "hostsBehind": [
    "erp-app",
    "ghost",
    "logistics-gw",
    "phantom"
  ]
}
)",
        {}, {},
        {u"connections/zz-vpn-ghosts.json:1:1: Local gateway is required"_s,
            u"connections/zz-vpn-ghosts.json:1:1: Peer gateways is required"_s,
            u"connections/zz-vpn-ghosts.json:7:5: server \"ghost\" does not exist"_s,
            u"connections/zz-vpn-ghosts.json:9:5: server \"phantom\" does not exist"_s});

    addRow("duplicate ids in one folder", Setup::Write, u"servers/zz-duplicate.json"_s,
        ProjectTree::read(QStringLiteral(JB_SAMPLE_DIR "/servers/erp-app.json")), {},
        {u"servers/zz-duplicate.json:2:9: duplicate id \"erp-app\": servers/erp-app.json already has it"_s});
    addRow("duplicate ids across kinds sharing a folder", Setup::Write, u"connections/zz-duplicate.json"_s,
        "{\n  \"id\": \"vpn-erp-hosting\",\n  \"name\": \"Same id\",\n  \"type\": \"api\"\n}\n", {},
        {u"connections/zz-duplicate.json:2:9: duplicate id \"vpn-erp-hosting\": "
         u"connections/vpn-erp-hosting.json "
         "already has it"_s});

    const QString newer
        = u"%1/journey.json: this project uses schema version %2, newer than this JourneyBench "
          "understands (1); open it with a newer JourneyBench"_s;
    addRow("newer schema version", Setup::Write, u"journey.json"_s,
        "{\n  \"schemaVersion\": 2,\n  \"name\": \"From the future\"\n}\n", newer.arg(u"%1"_s, u"2"_s), {});
    addRow("newer schema version, manifest otherwise unreadable here", Setup::Write, u"journey.json"_s,
        "{\n  \"schemaVersion\": 7,\n  \"name\": {\"en\": \"From the future\"}\n}\n",
        newer.arg(u"%1"_s, u"7"_s), {});

    QTemporaryDir scratch;
    if (!ProjectTree::permissionsAreIgnored(scratch.path())) {
        addRow("unreadable file (chmod 000)", Setup::Unreadable, u"servers/locked.json"_s, aServer, {},
            {u"servers/locked.json:1:1: cannot read the file: Permission denied"_s});
    }
    // the unreadable case that holds for root as well, whom chmod does not stop
    addRow("unreadable file (a folder named like an entity file)", Setup::Folder, u"servers/locked.json"_s,
        {}, {}, {u"servers/locked.json:1:1: cannot read the file: file to open is a directory"_s});
    addRow("unreadable manifest (a folder named journey.json)", Setup::Folder, u"journey.json"_s, {}, {},
        {u"journey.json:1:1: cannot read the file: file to open is a directory"_s});

    addRow("a path that is a file", Setup::Open, u"journey.json"_s, {},
        u"%1/journey.json: is a file, not a project folder (open the folder that holds journey.json)"_s, {});
    addRow("a folder without journey.json", Setup::Remove, u"journey.json"_s, {},
        u"%1: not a JourneyBench project (it has no journey.json)"_s, {});
    addRow("no such folder", Setup::Open, u"missing"_s, {}, u"%1/missing: no such folder"_s, {});
}

void TestProjectBadInput::badInput()
{
    QFETCH(Setup, setup);
    QFETCH(QString, path);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, refusal);
    QFETCH(QStringList, loadProblems);
    QFETCH(QStringList, validateProblems);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    const QDir folder(dir.path());
    QString toOpen = dir.path();
    switch (setup) {
    case Setup::Write:
        QVERIFY(ProjectTree::write(folder.filePath(path), bytes));
        break;
    case Setup::Unreadable:
        QVERIFY(ProjectTree::write(folder.filePath(path), bytes));
        QVERIFY(QFile::setPermissions(folder.filePath(path), QFileDevice::Permissions()));
        break;
    case Setup::Folder:
        QFile::remove(folder.filePath(path));
        QVERIFY(folder.mkpath(path));
        break;
    case Setup::Remove:
        QVERIFY(QFile::remove(folder.filePath(path)));
        break;
    case Setup::Open:
        toOpen = folder.filePath(path);
        break;
    }
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());

    Result<ProjectLoad> loaded = ProjectLoader::load(toOpen);
    if (!refusal.isEmpty()) {
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.errorString(), refusal.arg(dir.path()));
        QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());
        return;
    }
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    const ProjectData &data = loaded.value().data;
    QCOMPARE(printed(loaded.value().diagnostics, dir.path()), loadProblems);
    ProjectDocument document;
    document.reset(data);
    QCOMPARE(printed(ProjectValidator::validate(document), dir.path()), validateProblems);
    // the rest of the project still loads
    QVERIFY(document.find(u"server"_s, u"erp-app"_s));
    QVERIFY(document.find(u"contract"_s, u"viacep-address"_s));
    QVERIFY(document.allEntities().size() >= 41);

    // saving the rest of the project, every entity and the manifest rewritten, changes no file
    for (const KindSpec &kind : JourneySchema::kinds()) {
        for (int row = 0; row < document.count(kind.kind); ++row)
            document.replace(kind.kind, row, document.at(kind.kind, row).data);
    }
    if (data.manifestLoaded)
        document.setManifest(document.manifest());
    SavePlan plan = document.savePlan();
    SaveOutcome outcome = ProjectWriter::apply(plan);
    document.markSaved(plan, outcome);
    QCOMPARE(outcome.problems.join(u'\n'), QString());
    QCOMPARE(outcome.written.join(u'\n'), QString());
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());

    // aiming a save at a file that failed to load is refused: it is never overwritten
    QCOMPARE(data.failedPaths.size(), loadProblems.size());
    QStringList expectedProblems;
    for (const QString &failed : data.failedPaths) {
        if (failed == manifestFileName) {
            document.setManifest(ProjectFormat::newManifest(u"overwrite attempt"_s));
        } else {
            const QString kindFolder = failed.section(u'/', 0, 0);
            const QString id = QFileInfo(failed).completeBaseName();
            const QJsonObject entity{
                {u"id"_s, id}, {u"name"_s, u"overwrite attempt"_s}, {u"type"_s, u"vpn"_s}};
            const KindSpec *kind = JourneySchema::kindFor(kindFolder, entity);
            QVERIFY(kind);
            document.insert(kind->kind, 0, entity);
        }
        expectedProblems.append(folder.filePath(failed)
            + u": not saved, because the file on disk failed to load; fix or move it first"_s);
    }
    expectedProblems.sort();
    plan = document.savePlan();
    QCOMPARE(plan.writes.size(), expectedProblems.size());
    outcome = ProjectWriter::apply(plan);
    outcome.problems.sort();
    QCOMPARE(outcome.problems, expectedProblems);
    QCOMPARE(outcome.written.join(u'\n'), QString());
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());
}

// A folder of hundreds of files is read on several threads: what loads, and every problem, still
// come in the files' order, and a duplicate id is always blamed on the later file.
void TestProjectBadInput::manyFilesWithBadOnesAmongThem()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QDir folder(dir.path());
    QVERIFY(
        ProjectTree::write(folder.filePath(u"journey.json"_s), R"({"schemaVersion": 1, "name": "many"})"));
    QStringList expectedIds;
    QStringList expectedProblems;
    for (int i = 0; i < 600; ++i) {
        const QString id = u"p-"_s + QString::number(i).rightJustified(4, u'0');
        const QString name = u"probes/"_s + id + u".json"_s;
        QByteArray bytes
            = R"({"id": ")" + id.toUtf8() + R"(", "type": "tcp", "host": "127.0.0.1", "port": 1})";
        if (i % 97 == 5) {
            bytes = "{ not json";
            expectedProblems.append(name + u":1:4: not valid JSON: unterminated object"_s);
        } else if (i % 89 == 7) {
            bytes = R"({"id": "p-0001", "type": "tcp", "host": "127.0.0.1", "port": 1})";
            expectedProblems.append(
                name + u":1:8: duplicate id \"p-0001\": probes/p-0001.json already has it"_s);
        } else if (i % 83 == 11) {
            bytes = R"({"id": "p-x", "type": "tcp", "port": "one"})";
            expectedProblems.append(name + u":1:38: \"port\" must be a whole number, not a string"_s);
        } else {
            expectedIds.append(id);
        }
        QVERIFY(ProjectTree::write(folder.filePath(name), bytes));
    }

    const Result<ProjectLoad> loaded = ProjectLoader::load(dir.path());
    QVERIFY2(loaded.ok(), qPrintable(loaded.errorString()));
    QStringList ids;
    for (const EntityRecord &record : loaded.value().data.entities) {
        QCOMPARE(record.kind, u"probe"_s);
        QCOMPARE(record.path, u"probes/"_s + record.id() + u".json"_s);
        ids.append(record.id());
    }
    QCOMPARE(ids, expectedIds);
    QCOMPARE(printed(loaded.value().diagnostics, dir.path()), expectedProblems);
    QCOMPARE(loaded.value().data.failedPaths.size(), expectedProblems.size());
    QCOMPARE(loaded.value().data.diskBytes.size(), expectedIds.size() + 1);
}

// The structural check finds each member's field by its key: a key named by two fields of one kind
// (or of one list's items) would have only one of them checked.
void TestProjectBadInput::everyKeyIsOneField()
{
    const std::function<void(const QString &, const QList<FieldSpec> &)> walk
        = [&walk](const QString &where, const QList<FieldSpec> &fields) {
              QSet<QString> keys;
              for (const FieldSpec &field : fields) {
                  QVERIFY2(!keys.contains(field.key), qPrintable(where + u": "_s + field.key + u" twice"_s));
                  keys.insert(field.key);
                  walk(where + u'/' + field.key, field.itemFields);
              }
          };
    for (const KindSpec &kind : JourneySchema::kinds())
        walk(kind.kind, kind.fields);
}

QTEST_APPLESS_MAIN(TestProjectBadInput)
#include "tst_projectbadinput.moc"
