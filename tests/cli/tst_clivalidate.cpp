#include "clirun.h"
#include "journeyschema.h"
#include "projecttree.h"

#include <QDir>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using jb::testing::CliRun;
using jb::testing::ProjectTree;

namespace {

struct Fixture
{
    QString path;
    QByteArray bytes;
};

// Broken files to drop into a copy of the sample, by name.
const QHash<QString, Fixture> &fixtures()
{
    static const QHash<QString, Fixture> all = {
        {u"ghost flow"_s, {u"flows/ghost.json"_s, R"({
  "id": "ghost",
  "name": "Ghost flow",
  "provider": "crm",
  "consumer": "nowhere",
  "services": [
    "customers-api",
    "no-such-service"
  ]
}
)"}},
        {u"duplicate id"_s,
            {u"servers/zz-duplicate.json"_s,
                ProjectTree::read(QStringLiteral(JB_SAMPLE_DIR "/servers/erp-app.json"))}},
        {u"bad regex"_s, {u"contracts/bad-regex.json"_s, R"({
  "id": "bad-regex",
  "name": "Bad regex",
  "fields": [
    {
      "name": "cep",
      "type": "string",
      "format": "^([0-9]{5}-?[0-9]{3}$"
    }
  ]
}
)"}},
        {u"bad IP"_s, {u"servers/bad-ip.json"_s, R"({
  "id": "bad-ip",
  "name": "Bad IP",
  "ip": "10.0.0.256"
}
)"}},
        {u"bad peer IP"_s, {u"connections/bad-peer.json"_s, R"({
  "id": "bad-peer",
  "name": "Bad peer",
  "type": "vpn",
  "localGateway": "203.0.113.10",
  "peerGateways": [
    "198.51.100.20",
    "198.51.100.300"
  ]
}
)"}},
        {u"truncated"_s, {u"servers/broken.json"_s, R"({
  "id": "broken",
  "name": "Half a file",
  "ports": [
    {
      "port": 22)"}},
        {u"non-ASCII line"_s, {u"systems/prefeitura.json"_s, R"({
  "id": "prefeitura",
  "name": "Prefeitura de São Paulo", "acronym": "PMSP", "ownerEmail": "ti@prefeitura"
}
)"}},
    };
    return all;
}

const QString ghostSystem = u"flows/ghost.json:5:15: system \"nowhere\" does not exist"_s;
const QString ghostService = u"flows/ghost.json:8:5: service \"no-such-service\" does not exist"_s;
const QString duplicate
    = u"servers/zz-duplicate.json:2:9: duplicate id \"erp-app\": servers/erp-app.json already has it"_s;
const QString badRegex = u"contracts/bad-regex.json:8:17: \"^([0-9]{5}-?[0-9]{3}$\" is not a valid regular "
                         "expression: missing closing parenthesis at offset 21"_s;
const QString badIp
    = u"servers/bad-ip.json:4:9: \"10.0.0.256\" is not an IP address (e.g. 10.0.0.5 or fd00::5)"_s;
const QString badPeer
    = u"connections/bad-peer.json:6:19: item 2: \"198.51.100.300\" is not an IP address (e.g. "
      "10.0.0.5 or fd00::5)"_s;
const QString truncated = u"servers/broken.json:6:17: not valid JSON: invalid termination by number"_s;
const QString badEmail = u"systems/prefeitura.json:3:71: \"ti@prefeitura\" is not an e-mail address"_s;

// The entities of the sample: a test adds its own to this.
int sampleEntities()
{
    return ProjectTree::countJsonFiles(QStringLiteral(JB_SAMPLE_DIR), jb::JourneySchema::folders());
}

} // namespace

// journeybench-cli validate: every problem as path:line:column: message, exit 1 when any.
class TestCliValidate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleIsValid();
    void broken_data();
    void broken();
};

void TestCliValidate::sampleIsValid()
{
    const QString sample = QStringLiteral(JB_SAMPLE_DIR);
    const ProjectTree::Checksums before = ProjectTree::checksums(sample);
    const CliRun run = CliRun::of({u"validate"_s, sample});
    QVERIFY(run.finished);
    QCOMPARE(run.out, QString());
    QVERIFY(sampleEntities() >= 41);
    QCOMPARE(run.err, u"%1: valid (%2 entities)\n"_s.arg(sample).arg(sampleEntities()));
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(sample)), QString());
}

void TestCliValidate::broken_data()
{
    QTest::addColumn<QStringList>("broken"); // fixture names
    QTest::addColumn<QStringList>("expected"); // the lines printed, the folder left out
    QTest::addColumn<int>("added"); // how many of the broken files still load, as entities

    QTest::addRow("a flow naming a system and a service that do not exist")
        << QStringList{u"ghost flow"_s} << QStringList{ghostSystem, ghostService} << 1;
    QTest::addRow("duplicate ids") << QStringList{u"duplicate id"_s} << QStringList{duplicate} << 0;
    QTest::addRow("a contract field with an invalid regex")
        << QStringList{u"bad regex"_s} << QStringList{badRegex} << 1;
    QTest::addRow("an invalid IP") << QStringList{u"bad IP"_s} << QStringList{badIp} << 1;
    QTest::addRow("an invalid IP in a list") << QStringList{u"bad peer IP"_s} << QStringList{badPeer} << 1;
    QTest::addRow("truncated JSON") << QStringList{u"truncated"_s} << QStringList{truncated} << 0;
    QTest::addRow("columns in characters on a non-ASCII line")
        << QStringList{u"non-ASCII line"_s} << QStringList{badEmail} << 1;
    // files that failed to load first, then the rest kind by kind in the journey's order
    QTest::addRow("all at once") << fixtures().keys()
                                 << QStringList{truncated, duplicate, badPeer, badIp, badEmail, ghostSystem,
                                        ghostService, badRegex}
                                 << 5;
}

void TestCliValidate::broken()
{
    QFETCH(QStringList, broken);
    QFETCH(QStringList, expected);
    QFETCH(int, added);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(ProjectTree::copySample(dir.path()));
    for (const QString &name : broken) {
        const Fixture &fixture = fixtures().value(name);
        QVERIFY(ProjectTree::write(QDir(dir.path()).filePath(fixture.path), fixture.bytes));
    }
    const ProjectTree::Checksums before = ProjectTree::checksums(dir.path());

    const CliRun run = CliRun::of({u"validate"_s, dir.path()});
    QVERIFY(run.finished);
    QStringList lines = run.out.split(u'\n');
    QCOMPARE(lines.takeLast(), QString()); // every line ends with a newline
    for (QString &line : lines) {
        QVERIFY2(line.startsWith(dir.path() + u'/'), qPrintable(line));
        line.remove(0, dir.path().size() + 1);
    }
    QCOMPARE(lines, expected);
    QCOMPARE(run.err,
        u"%1 error(s) in %2; %3 entities checked\n"_s.arg(expected.size())
            .arg(dir.path())
            .arg(sampleEntities() + added));
    QCOMPARE(run.exitCode, 1);
    // validating writes nothing
    QCOMPARE(ProjectTree::changes(before, ProjectTree::checksums(dir.path())), QString());
}

QTEST_GUILESS_MAIN(TestCliValidate)
#include "tst_clivalidate.moc"
