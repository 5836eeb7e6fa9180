// `journeybench-cli check` and `firewall` end to end, on a copy of the sample project, against real
// servers (services.sh: HTTPS/HTTP, PostgreSQL, vsftpd, sshd) reached through --connect-to: every
// probe of the sample's test environment passes; the run is stored as evidence; the SFTP host key
// is recorded on first contact and checked after; JUnit and JSON reports; exit codes; and no
// secret value in any file the runs wrote.
#include "checklistevidence.h"
#include "evidencestore.h"
#include "inventoryhashes.h"
#include "probeplanner.h"
#include "projectloader.h"
#include "testfolder.h"
#include "testservices.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

bool copyTree(const QString &from, const QString &to)
{
    return jb::test::copyFolder(from, to, jb::test::Hidden::Copy);
}

QStringList filesUnder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

} // namespace

class TestCheckCommand final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServices> m_services;
    QTemporaryDir m_work;
    QString m_project;
    QStringList m_outputs; // every stdout and stderr the runs printed
    int m_evidenceRuns = 0;

    QStringList connectArgs() const
    {
        const QString good = m_services->value(u"HTTPS_GOOD_PORT"_s);
        const QString http = m_services->value(u"HTTP_PORT"_s);
        QStringList args{u"--ca"_s, m_services->value(u"CA_FILE"_s)};
        const QList<std::pair<QString, QString>> rules = {{u"127.0.0.1:8443"_s, good},
            {u"localhost:8443"_s, good}, {u"127.0.0.1:2222"_s, m_services->value(u"SSH_PORT"_s)},
            {u"127.0.0.1:2121"_s, m_services->value(u"FTP_PORT"_s)}, {u"127.0.0.1:8080"_s, http},
            {u"127.0.0.1:8081"_s, http}, {u"127.0.0.1:18080"_s, http},
            {u"127.0.0.1:5432"_s, m_services->value(u"PG_PORT"_s)}};
        for (const auto &[from, port] : rules)
            args += {u"--connect-to"_s, from + u":127.0.0.1:"_s + port};
        return args;
    }

    QProcessEnvironment secrets() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(
            u"JOURNEYBENCH_SECRET_CUSTOMER_PORTAL_TOKEN"_s, m_services->value(u"BEARER_TOKEN"_s));
        environment.insert(
            u"JOURNEYBENCH_SECRET_CUSTOMERS_DB_PASSWORD"_s, m_services->value(u"PG_PASSWORD"_s));
        environment.insert(u"JOURNEYBENCH_SECRET_ERP_SFTP_KEY"_s, m_services->fileText(u"SSH_KEY"_s));
        environment.insert(
            u"JOURNEYBENCH_SECRET_LOGISTICS_FTP_PASSWORD"_s, m_services->value(u"FTP_PASSWORD"_s));
        return environment;
    }

    CliRun cli(const QStringList &args, const QProcessEnvironment &environment)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(JB_CLI_PATH), args);
        CliRun run;
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished(5000);
            run.err = u"journeybench-cli did not finish within 120 s"_s;
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        m_outputs += {run.out, run.err};
        if (args.value(0) == u"check" && !args.contains(u"--no-evidence"_s) && run.exitCode >= 0
            && run.exitCode < 2)
            ++m_evidenceRuns;
        return run;
    }

    CliRun check(const QStringList &extra, const QProcessEnvironment &environment)
    {
        return cli(
            QStringList{u"check"_s, m_project, u"--env"_s, u"test"_s} + connectArgs() + extra, environment);
    }

    QString probeFile() const
    {
        return QDir(m_project).filePath(u"probes/endpoint-erp-orders-sftp-sftp.json"_s);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_work.isValid());
        m_project = m_work.filePath(u"sample"_s);
        QVERIFY(copyTree(QStringLiteral(JB_SAMPLE_DIR), m_project));
        QVERIFY(QFileInfo::exists(QDir(m_project).filePath(u"data/customers.sqlite"_s)));
        m_services = std::make_unique<TestServices>(QStringList{});
        QVERIFY2(m_services->ok(), qPrintable(m_services->error()));
    }

    void cleanupTestCase() { m_services.reset(); }

    void samplePasses()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const QString junit = m_work.filePath(u"reports/junit.xml"_s);
        const CliRun run = check({u"--junit"_s, junit, u"--json"_s}, secrets());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonArray results = json.value(u"results"_s).toArray();
        QCOMPARE(results.size(), 25);
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            QVERIFY2(result.value(u"status"_s).toString() == u"pass",
                qPrintable(
                    result.value(u"probe"_s).toString() + u": "_s + result.value(u"summary"_s).toString()));
        }
        QCOMPARE(json.value(u"summary"_s).toObject().value(u"pass"_s).toInt(), 25);
        QCOMPARE(json.value(u"environment"_s).toString(), u"test"_s);

        // the evidence file is the run
        static const QRegularExpression evidenceLine(
            u"evidence: (.+/evidence/probes/\\d{8}T\\d{6}\\.\\d{3}Z-test\\.json)"_s);
        const QString evidence = evidenceLine.match(run.err).captured(1);
        QVERIFY2(!evidence.isEmpty(), qPrintable(run.err));
        QFile file(evidence);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(u"results"_s).toArray().size(), 25);

        // JUnit: one testcase per probe, none failed, details in system-out
        QFile xmlFile(junit);
        QVERIFY(xmlFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&xmlFile);
        int testcases = 0;
        int failures = 0;
        int systemOuts = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"testcase")
                ++testcases;
            if (xml.isStartElement() && (xml.name() == u"failure" || xml.name() == u"error"))
                ++failures;
            if (xml.isStartElement() && xml.name() == u"system-out")
                ++systemOuts;
        }
        QVERIFY(!xml.hasError());
        QCOMPARE(testcases, 25);
        QCOMPARE(failures, 0);
        QCOMPARE(systemOuts, 25);

        // the SFTP host key, seen for the first time, is recorded in a probe entity
        QVERIFY2(
            run.err.contains(u"recorded the host key %1"_s.arg(m_services->value(u"SSH_HOSTKEY_SHA256"_s))),
            qPrintable(run.err));
        QFile probe(probeFile());
        QVERIFY(probe.open(QIODevice::ReadOnly));
        const QJsonObject recorded = QJsonDocument::fromJson(probe.readAll()).object();
        QCOMPARE(recorded.value(u"hostKeySha256"_s).toString(), m_services->value(u"SSH_HOSTKEY_SHA256"_s));
        QCOMPARE(recorded.value(u"type"_s).toString(), u"sftp"_s);
        QVERIFY(!recorded.contains(u"origin"_s));
    }

    void recordedProjectStaysValid()
    {
        const CliRun run = cli({u"validate"_s, m_project}, QProcessEnvironment::systemEnvironment());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const CliRun format
            = cli({u"format"_s, m_project, u"--check"_s}, QProcessEnvironment::systemEnvironment());
        // the recorded probe is written in canonical form (other files are not this test's business)
        QVERIFY2(format.exitCode == 0 || format.exitCode == 1, qPrintable(format.out + format.err));
        QVERIFY2(!format.out.contains(u"probes/"_s), qPrintable(format.out));
    }

    void secondRunChecksTheKey()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const CliRun run = check({}, secrets());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(!run.err.contains(u"recorded the host key"_s), qPrintable(run.err));
        QVERIFY2(run.out.contains(u"\nPASS    endpoint-erp-orders-sftp-sftp "_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"25 passed, 0 failed, 0 errors, 0 skipped in "_s), qPrintable(run.out));
    }

    void hostKeyMismatchFails()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        QFile file(probeFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        file.close();
        QByteArray tampered = original;
        tampered.replace(m_services->value(u"SSH_HOSTKEY_SHA256"_s).toUtf8(),
            "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        QVERIFY(tampered != original);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(tampered);
        file.close();
        const CliRun run = check({u"--probe"_s, u"endpoint-erp-orders-sftp-sftp"_s}, secrets());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(original);
        file.close();
        QVERIFY2(run.exitCode == 1, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(u"host key mismatch: the server presented %1"_s.arg(
                     m_services->value(u"SSH_HOSTKEY_SHA256"_s))),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(u"0 passed, 1 failed"_s), qPrintable(run.out));
    }

    void phases_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<int>("count");
        QTest::addRow("phase 1") << u"1"_s << 10;
        QTest::addRow("phase 2") << u"2"_s << 15;
    }
    void phases()
    {
        QFETCH(QString, phase);
        QFETCH(int, count);
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const CliRun run = check({u"--phase"_s, phase, u"--json"_s, u"--no-evidence"_s}, secrets());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const QJsonArray results
            = QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"results"_s).toArray();
        QCOMPARE(results.size(), count);
        for (const QJsonValue &value : results)
            QCOMPARE(value.toObject().value(u"phase"_s).toInt(), phase.toInt());
    }

    void failureExitsOne()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        QProcessEnvironment environment = secrets();
        environment.insert(u"JOURNEYBENCH_SECRET_LOGISTICS_FTP_PASSWORD"_s, u"wrong-password-31337"_s);
        environment.remove(u"JOURNEYBENCH_SECRET_CUSTOMERS_DB_PASSWORD"_s);
        const QString junit = m_work.filePath(u"reports/junit-failing.xml"_s);
        const CliRun run = check({u"--phase"_s, u"2"_s, u"--junit"_s, junit}, environment);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"14 passed, 0 failed, 1 errors, 0 skipped"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"\nERROR   database-customers-pg-db "_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"export JOURNEYBENCH_SECRET_CUSTOMERS_DB_PASSWORD for headless runs"_s),
            qPrintable(run.out));
        const CliRun ftp = check({u"--probe"_s, u"endpoint-logistics-ftp-ftp"_s}, environment);
        QCOMPARE(ftp.exitCode, 1);
        QVERIFY2(ftp.out.contains(u"FAIL    endpoint-logistics-ftp-ftp"_s), qPrintable(ftp.out));
        QVERIFY2(
            ftp.out.contains(u"login failed for logistics (password authentication)"_s), qPrintable(ftp.out));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addRow("unknown environment") << QStringList{
            u"--env"_s, u"qa"_s} << u"no environment \"qa\" in the project; the project has: prod, test"_s;
        QTest::addRow("bad phase") << QStringList{u"--phase"_s, u"3"_s} << u"--phase is 1 or 2"_s;
        QTest::addRow("unknown probe")
            << QStringList{u"--probe"_s, u"nope"_s} << u"no probe \"nope\" in environment test"_s;
        QTest::addRow("bad connect-to") << QStringList{u"--connect-to"_s, u"x"_s}
                                        << u"--connect-to \"x\": expected HOST:PORT:TO_HOST:TO_PORT"_s;
        QTest::addRow("bad timeout") << QStringList{u"--timeout"_s, u"soon"_s}
                                     << u"--timeout is a number of milliseconds"_s;
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CliRun run = cli(QStringList{u"check"_s, m_project} + args, secrets());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void firewallRequest()
    {
        const CliRun run = cli(
            {u"firewall"_s, m_project, u"--env"_s, u"test"_s}, QProcessEnvironment::systemEnvironment());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QStringList lines = run.out.split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 6);
        QCOMPARE(
            lines.at(0), u"source,destination,hostname,port,protocol,service,purpose,status,tested,server"_s);
        // the latest evidence: every port of the test servers answered
        for (qsizetype i = 1; i < lines.size(); ++i)
            QVERIFY2(lines.at(i).startsWith(u"127.0.0.1/32,127.0.0.1,localhost,"_s)
                    && lines.at(i).contains(u",open,"_s),
                qPrintable(lines.at(i)));
    }

    void checklistLinksToEvidence()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const CliRun fresh = check({}, secrets()); // the failures above are history now
        QVERIFY2(fresh.exitCode == 0, qPrintable(fresh.out + fresh.err));
        Result<ProjectLoad> loaded = ProjectLoader::load(m_project);
        QVERIFY(loaded.ok());
        const QList<EntityRecord> entities = loaded.value().data.entities;
        const QList<ProbeSpec> plan = ProbePlanner::plan(entities, u"test"_s);
        const QList<EvidenceStore::Entry> runs = EvidenceStore(m_project).load(u"test"_s);
        QCOMPARE(runs.size(), m_evidenceRuns);
        QList<ItemEvidence> items = ChecklistEvidence::compute(plan, runs, InventoryHashes::of(entities));
        QCOMPARE(items.size(), 5);
        for (int i = 0; i < 5; ++i) {
            QVERIFY2(items.at(i).state == ItemEvidence::State::Current,
                qPrintable(items.at(i).itemId + u": "_s + items.at(i).reasons.join(u"; "_s)));
        }
        // a change to a server makes its evidence stale
        QList<EntityRecord> changed = entities;
        for (EntityRecord &record : changed) {
            if (record.kind == u"server" && record.id() == u"pg-customers")
                record.data.insert(u"ip"_s, u"127.0.0.2"_s);
        }
        items = ChecklistEvidence::compute(plan, runs, InventoryHashes::of(changed));
        QCOMPARE(items.at(2).itemId, u"ports-open"_s);
        QCOMPARE(items.at(2).state, ItemEvidence::State::Stale);
        QCOMPARE(items.at(3).state, ItemEvidence::State::Current); // the database entity did not change
        QVERIFY(items.at(2).reasons.contains(
            u"server/pg-customers changed after server-pg-customers-tcp-5432 ran"_s));
    }

    // Last: every file the runs wrote (the project copy, reports) and everything they printed.
    void noSecretInAnyFile()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        QStringList values = {m_services->value(u"BEARER_TOKEN"_s), m_services->value(u"PG_PASSWORD"_s),
            m_services->value(u"FTP_PASSWORD"_s), u"wrong-password-31337"_s};
        for (const QString &line : m_services->fileText(u"SSH_KEY"_s).split(u'\n', Qt::SkipEmptyParts)) {
            if (!line.startsWith(u"-----"_s))
                values.append(line);
        }
        QVERIFY(values.size() >= 5);
        const QStringList files = filesUnder(m_work.path());
        QVERIFY(files.size() > 40);
        int evidenceFiles = 0;
        for (const QString &path : files) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QString &value : std::as_const(values)) {
                QVERIFY(value.size() >= 8);
                QVERIFY2(!bytes.contains(value.toUtf8()), qPrintable(u"a secret is in "_s + path));
            }
            if (path.contains(u"/evidence/probes/"_s))
                ++evidenceFiles;
        }
        QCOMPARE(evidenceFiles, m_evidenceRuns);
        for (const QString &output : std::as_const(m_outputs)) {
            for (const QString &value : std::as_const(values))
                QVERIFY2(!output.contains(value), "a secret was printed");
        }
    }
};

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
