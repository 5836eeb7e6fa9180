// journeybench-cli run and serve, through the real executable, against the ViaCEP mock.
#include "eventstore.h"
#include "loadclient.h"
#include "mockserver.h"
#include "testfolder.h"
#include "viaceproutes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

namespace {

using jb::test::copyFolder;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// The mock lives in this process: wait with the event loop running, never blocked.
Run cli(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(JB_CLI_PATH), arguments);
    Run run;
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 60000)
        QTest::qWait(10);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// Starts `journeybench-cli ARGS` (mock or serve with its own mocks) and returns its base URL once
// printed; the process stays running until `stop`.
QUrl startServer(QProcess &process, const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"JB_DATA_DIR"_s, QStringLiteral(JB_SOURCE_DIR "/resources"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(JB_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    QElapsedTimer clock;
    clock.start();
    while (!process.canReadLine() && process.state() == QProcess::Running && clock.elapsed() < 20000)
        QTest::qWait(10);
    return QUrl(QString::fromUtf8(process.readLine().trimmed()));
}

bool stop(QProcess &process)
{
    ::kill(pid_t(process.processId()), SIGTERM);
    return process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit;
}

bool writeFaults(const QString &project, const QByteArray &content)
{
    QDir().mkpath(project + u"/mocks"_s);
    QFile file(project + u"/mocks/faults.json"_s);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestPipeCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void run_data();
    void run();
    void runTraceAndText();
    void runFailureStoresAndTreatsTheEvent();
    void runUsageErrors_data();
    void runUsageErrors();
    void serve();
    void serveWithItsOwnMocks();
    void projectFaults_data();
    void projectFaults();
    void faultOptionErrors_data();
    void faultOptionErrors();

private:
    QString mockUrl() const { return m_mock.baseUrl().toString(); }
    MockServer m_mock;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_project;
};

void TestPipeCli::initTestCase()
{
    QVERIFY(QFileInfo::exists(QStringLiteral(JB_CLI_PATH)));
    Result<ViaCepDataset> dataset
        = ViaCepDataset::load(QStringLiteral(JB_SOURCE_DIR "/resources/viacep-dataset.json"));
    QVERIFY(dataset.ok());
    m_mock.router().addRoutes(std::make_shared<ViaCepRoutes>(std::move(dataset).value()));
    QVERIFY(m_mock.start().ok());
}

void TestPipeCli::init()
{
    // a fresh copy each time: runs write the event store into the project's work folder
    m_dir = std::make_unique<QTemporaryDir>();
    m_project = m_dir->filePath(u"sample"_s);
    QVERIFY(copyFolder(QStringLiteral(JB_SAMPLE_DIR), m_project));
}

void TestPipeCli::run_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("São Paulo, params as a plain object")
        << uR"({"cep": "01001-000"})"_s << 0 << 200
        << QByteArray(R"({"cep":"01001-000","localidade":"São Paulo","uf":"SP","message":"é São Paulo"})");
    QTest::addRow("elsewhere, the structured form")
        << uR"({"params": {"cep": "13013051"}, "headers": {"Accept": "application/json"}})"_s << 0 << 200
        << QByteArray(R"({"cep":"13013-051","localidade":"Campinas","uf":"SP","message":"não é São Paulo"})");
    QTest::addRow("unknown") << uR"({"cep": "99999-999"})"_s << 1 << 404
                             << QByteArray(R"({"error":"CEP 99999-999 not found"})");
    QTest::addRow("malformed")
        << uR"({"cep": "0100"})"_s << 1 << 400
        << QByteArray(R"x({"error":"a CEP has 8 digits, written NNNNN-NNN or NNNNNNNN (got \"0100\")"})x");
}

void TestPipeCli::run()
{
    QFETCH(QString, input);
    QFETCH(int, exitCode);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    const Run result = cli({u"run"_s, m_project, u"sp-check"_s, u"--input"_s, input, u"--set"_s,
        u"viacep.baseUrl=%1"_s.arg(mockUrl()), u"--json"_s});
    QVERIFY2(result.exitCode == exitCode, result.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"status"_s).toInt(), status);
    QCOMPARE(json.value(u"headers"_s).toObject().value(u"Content-Type"_s).toString(),
        u"application/json; charset=utf-8"_s);
    QVERIFY(!json.value(u"executionKey"_s).toString().isEmpty());
    QVERIFY(!json.contains(u"trace"_s));
    // the body is printed as the pipe wrote it, key order included
    QVERIFY2(result.out.contains(QByteArray("\n  \"body\": " + body + ",\n")), result.out.constData());
    QVERIFY(result.out.startsWith("{\n  \"status\": "));
}

void TestPipeCli::runTraceAndText()
{
    const Run json = cli({u"run"_s, m_project, u"sp-check"_s, u"--input"_s, uR"({"cep": "01001000"})"_s,
        u"--set"_s, u"viacep.baseUrl=%1"_s.arg(mockUrl()), u"--json"_s, u"--trace"_s});
    QCOMPARE(json.exitCode, 0);
    const QJsonArray trace = QJsonDocument::fromJson(json.out).object().value(u"trace"_s).toArray();
    QStringList steps;
    for (const QJsonValue &entry : trace)
        steps.append(entry.toObject().value(u"id"_s).toString() + u':'
            + entry.toObject().value(u"status"_s).toString());
    QCOMPARE(steps.join(u' '),
        u"cep:ok malformed:ok viacep:ok address:ok known:ok decide:ok sao-paulo:ok answer:ok"_s);

    const Run text = cli({u"run"_s, m_project, u"sp-check"_s, u"--input"_s, uR"({"cep": "01001000"})"_s,
        u"--set"_s, u"viacep.baseUrl=%1"_s.arg(mockUrl()), u"--trace"_s});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.startsWith(
                 R"(200 {"cep":"01001-000","localidade":"São Paulo","uf":"SP","message":"é São Paulo"})"
                 "\n\n[ok] cep (validate) "),
        text.out.constData());
    QVERIFY(text.out.contains("\n  [ok] sao-paulo (set) "));
    QVERIFY(text.err.contains("execution "));
    // a run that publishes nothing leaves no work folder behind
    QVERIFY(!QFileInfo::exists(QDir(m_project).filePath(u".journeybench"_s)));
}

void TestPipeCli::runFailureStoresAndTreatsTheEvent()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString deadUrl = u"http://127.0.0.1:%1"_s.arg(closed.serverPort());
    closed.close();
    const Run result = cli({u"run"_s, m_project, u"sp-check"_s, u"--input"_s, uR"({"cep": "01001-000"})"_s,
        u"--set"_s, u"viacep.baseUrl=%1"_s.arg(deadUrl), u"--json"_s});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject json = QJsonDocument::fromJson(result.out).object();
    QCOMPARE(json.value(u"status"_s).toInt(), 502);
    const QString key = json.value(u"executionKey"_s).toString();
    QCOMPARE(json.value(u"body"_s).toObject().value(u"executionKey"_s).toString(), key);
    QCOMPARE(json.value(u"error"_s).toObject().value(u"code"_s).toString(), u"connection-refused"_s);
    QVERIFY2(result.err.contains("error event 1 stored in "), result.err.constData());
    // stored in the project's work folder, ignored by git, and handled before the command ended
    QCOMPARE(QString::fromUtf8([&] {
        QFile file(QDir(m_project).filePath(u".gitignore"_s));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }()),
        u"# JourneyBench's local work files (event store): never committed\n.journeybench/\n"_s);
    EventStore store(EventStore::defaultFile(m_project));
    const QList<StoredEvent> events = store.list().value();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().executionKey, key);
    QCOMPARE(events.first().status, u"handled"_s);
    QCOMPARE(events.first().retry, u"scheduled"_s); // 30 s later, in a process that has ended
    QVERIFY(result.err.contains("note: 1 re-run(s) scheduled for later were not run"));
}

void TestPipeCli::runUsageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    QTest::addRow("no pipe") << QStringList{u"run"_s, u"PROJECT"_s} << 2
                             << QByteArray("usage: journeybench-cli run DIR PIPE");
    QTest::addRow("bad input") << QStringList{u"run"_s, u"PROJECT"_s, u"sp-check"_s, u"--input"_s, u"{nope"_s}
                               << 2 << QByteArray("error: --input is not JSON");
    QTest::addRow("bad set") << QStringList{u"run"_s, u"PROJECT"_s, u"sp-check"_s, u"--set"_s, u"novalue"_s}
                             << 2 << QByteArray("error: --set: expected KEY=VALUE, got \"novalue\"");
    QTest::addRow("unknown pipe") << QStringList{u"run"_s, u"PROJECT"_s, u"nope"_s} << 1
                                  << QByteArray("error: no usable pipe \"nope\" in ");
    QTest::addRow("unknown environment") << QStringList{u"run"_s, u"PROJECT"_s, u"sp-check"_s, u"--env"_s,
        u"qa"_s} << 1 << QByteArray("error: no environment \"qa\" in the project (it has: prod, test)");
    QTest::addRow("serve: bad port") << QStringList{u"serve"_s, u"PROJECT"_s, u"--port"_s, u"70000"_s} << 2
                                     << QByteArray("error: --port wants a number from 0 to 65535");
}

void TestPipeCli::runUsageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    arguments.replaceInStrings(u"PROJECT"_s, m_project);
    const Run result = cli(arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(message), result.err.constData());
}

void TestPipeCli::serve()
{
    QProcess process;
    process.start(QStringLiteral(JB_CLI_PATH),
        {u"serve"_s, m_project, u"--port"_s, u"0"_s, u"--set"_s, u"viacep.baseUrl=%1"_s.arg(mockUrl())});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(process.readLine().trimmed()));
    QCOMPARE(base.scheme(), u"http"_s);
    QCOMPARE(base.host(), u"127.0.0.1"_s);
    QVERIFY(base.port() > 0);
    LoadClient client(quint16(base.port()),
        {"/consultaCEP/01001-000", "/consultaCEP/20020100", "/consultaCEP/abc", "/nothing/here"}, 1);
    QVERIFY(client.wait(20000));
    QCOMPARE(client.answers().at(0).status, 200);
    QCOMPARE(client.answers().at(0).body,
        QByteArray(R"({"cep":"01001-000","localidade":"São Paulo","uf":"SP","message":"é São Paulo"})"));
    QCOMPARE(client.answers().at(1).status, 200);
    QVERIFY(client.answers().at(1).body.endsWith(R"("message":"não é São Paulo"})"));
    QCOMPARE(client.answers().at(2).status, 400);
    QCOMPARE(client.answers().at(3).status, 404);
    QCOMPARE(client.answers().at(3).body, QByteArray(R"({"error":"no pipe answers GET /nothing/here"})"));
    QCOMPARE(client.connectionsOpened(), 1); // all four over one kept-alive connection
    const QByteArray listing = process.readAllStandardOutput();
    QVERIFY2(listing.contains("GET /consultaCEP/{cep}  sp-check\n"), listing.constData());
    QVERIFY(!listing.contains("mocks ")); // viacep.baseUrl was given: no mock of ours
    ::kill(pid_t(process.processId()), SIGTERM);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10000);
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardError().contains("stopped after 4 answers"));
}

void TestPipeCli::serveWithItsOwnMocks()
{
    // the test environment points viacep.baseUrl at 127.0.0.1:18080: serve starts the mocks there,
    // or on a free port (and points the variable there) when 18080 is taken
    QProcess process;
    // where the mocks find their dataset, whatever the build folder's layout
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"JB_DATA_DIR"_s, QStringLiteral(JB_SOURCE_DIR "/resources"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(JB_CLI_PATH), {u"serve"_s, m_project});
    QVERIFY(process.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
    const QUrl base(QString::fromUtf8(process.readLine().trimmed()));
    QVERIFY(base.port() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 5000);
    // the REST pipes of the sample, by id
    QCOMPARE(process.readLine(), QByteArray("POST /customer-sync  customer-sync\n"));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 5000);
    QCOMPARE(process.readLine(), QByteArray("POST /erp/orders  erp-orders\n"));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 5000);
    QCOMPARE(process.readLine(), QByteArray("GET /consultaCEP/{cep}  sp-check\n"));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 5000);
    QVERIFY(process.readLine().startsWith("mocks http://127.0.0.1:"));
    LoadClient client(quint16(base.port()), {"/consultaCEP/04547-130"}, 1);
    QVERIFY(client.wait(20000));
    QCOMPARE(client.answers().at(0).status, 200);
    QVERIFY(client.answers().at(0).body.endsWith(R"("message":"é São Paulo"})"));
    ::kill(pid_t(process.processId()), SIGINT);
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10000);
    QCOMPARE(process.exitCode(), 0);
}

void TestPipeCli::projectFaults_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");

    // mocks/faults.json makes ViaCEP answer 503 every time, as the GUI's mock page would keep it
    QTest::addRow("mock: the project's faults")
        << u"mock"_s << QStringList() << QByteArray("/ws/01001000/json/") << 503;
    QTest::addRow("mock --no-faults")
        << u"mock"_s << QStringList{u"--no-faults"_s} << QByteArray("/ws/01001000/json/") << 200;
    QTest::addRow("serve: the pipe meets the fault, 502")
        << u"serve"_s << QStringList() << QByteArray("/consultaCEP/01001-000") << 502;
    QTest::addRow("serve --no-faults")
        << u"serve"_s << QStringList{u"--no-faults"_s} << QByteArray("/consultaCEP/01001-000") << 200;
}

void TestPipeCli::projectFaults()
{
    QFETCH(QString, command);
    QFETCH(QStringList, options);
    QFETCH(QByteArray, target);
    QFETCH(int, status);

    FaultRule rule;
    rule.route = u"GET /ws/{cep}/json/"_s;
    rule.kind = FaultKind::Http503;
    QVERIFY(writeFaults(m_project, QJsonDocument(QJsonArray{rule.toJson()}).toJson()));
    QProcess process;
    const QUrl base = startServer(process, QStringList{command, m_project, u"--port"_s, u"0"_s} + options);
    if (base.port() <= 0)
        QFAIL(process.readAllStandardError().constData());
    LoadClient client(quint16(base.port()), {target}, 1);
    QVERIFY(client.wait(20000));
    QCOMPARE(client.answers().at(0).status, status);
    QVERIFY(stop(process));
    const QByteArray err = process.readAllStandardError();
    // the rules in force are said at start, and only when there are some
    QCOMPARE(err.contains("fault: http-503 on GET /ws/{cep}/json/, probability 1"), status != 200);
    QCOMPARE(err.contains("mocks/faults.json (--no-faults to serve without them)"), status != 200);
}

void TestPipeCli::faultOptionErrors_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QByteArray>("faultsFile"); // mocks/faults.json of the project ("" none)
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    QTest::addRow("--faults names a missing file")
        << QStringList{u"--faults"_s, u"/nonexistent/faults.json"_s} << QByteArray() << 1
        << u"cannot read /nonexistent/faults.json"_s;
    QTest::addRow("faults.json is not JSON")
        << QStringList() << QByteArray("[{") << 1 << u"faults.json: not JSON"_s;
    QTest::addRow("faults.json is not an array")
        << QStringList() << QByteArray("{}") << 1 << u"fault rules must be a JSON array"_s;
    QTest::addRow("a rule of an unknown kind")
        << QStringList() << QByteArray(R"([{"route": "*", "kind": "gremlins"}])") << 1 << u"fault rule 1:"_s;
    QTest::addRow("--faults with --no-faults") << QStringList{u"--faults"_s, u"x.json"_s,
        u"--no-faults"_s} << QByteArray() << 2 << u"--faults and --no-faults exclude each other"_s;
    QTest::addRow("--seed not a number")
        << QStringList{u"--seed"_s, u"abc"_s} << QByteArray() << 2 << u"--seed wants a whole number"_s;
}

void TestPipeCli::faultOptionErrors()
{
    QFETCH(QStringList, options);
    QFETCH(QByteArray, faultsFile);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    if (!faultsFile.isEmpty())
        QVERIFY(writeFaults(m_project, faultsFile));
    const QByteArray before = faultsFile;
    // both commands refuse the same way, before serving anything
    for (const QString &command : {u"mock"_s, u"serve"_s}) {
        QProcess process;
        const QUrl base
            = startServer(process, QStringList{command, m_project, u"--port"_s, u"0"_s} + options);
        QVERIFY2(
            process.state() == QProcess::NotRunning || process.waitForFinished(20000), qPrintable(command));
        QVERIFY2(base.isEmpty(), qPrintable(command + u": served at "_s + base.toString()));
        QCOMPARE(process.exitCode(), exitCode);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(command + u": "_s + err));
    }
    // the project's file is left as it was
    if (!faultsFile.isEmpty()) {
        QFile file(m_project + u"/mocks/faults.json"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);
    }
}

QTEST_GUILESS_MAIN(TestPipeCli)
#include "tst_pipecli.moc"
