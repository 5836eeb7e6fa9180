#include "mocktestdata.h"
#include "rawhttpclient.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;
using jb::test::RawHttpClient;
using jb::test::RawResponse;

namespace jb {

namespace {

constexpr int waitMs = 20000;

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// journeybench-cli mock, run as a user would, with the first stdout line parsed.
class CliMock final
{
public:
    explicit CliMock(
        const QStringList &arguments, const QProcessEnvironment &environment = defaultEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        m_process.start(QStringLiteral(JB_CLI_PATH), QStringList{u"mock"_s} + arguments);
    }
    ~CliMock()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(waitMs);
        }
    }

    static QProcessEnvironment defaultEnvironment()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"JB_DATA_DIR"_s); // the build tree's resources/ is found from the executable
        return environment;
    }

    QProcess &process() { return m_process; }

    // Waits for the first line; returns it without its newline (empty when none came).
    QString firstLine()
    {
        if (!QTest::qWaitFor(
                [this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; },
                waitMs))
            return {};
        if (!m_process.canReadLine())
            return {};
        return QString::fromUtf8(m_process.readLine()).chopped(1);
    }

    // Everything printed on stdout after the first line, once `needle` has appeared in it.
    QString outputWith(const QString &needle)
    {
        static_cast<void>(QTest::qWaitFor(
            [&] {
                m_output += m_process.readAllStandardOutput();
                return QString::fromUtf8(m_output).contains(needle)
                    || m_process.state() == QProcess::NotRunning;
            },
            waitMs));
        return QString::fromUtf8(m_output);
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

quint16 portOf(const QString &url)
{
    static const QRegularExpression pattern(u"^http://127\\.0\\.0\\.1:([0-9]+)$"_s);
    const QRegularExpressionMatch match = pattern.match(url);
    return match.hasMatch() ? match.captured(1).toUShort() : 0;
}

} // namespace

class TestMockCli final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void servesTheProject_data();
    void servesTheProject();
    void datasetChoice_data();
    void datasetChoice();
    void faultsFile();
    void refusals_data();
    void refusals();

private:
    QTemporaryDir m_dir;
    int m_folders = 0;
};

void TestMockCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo::exists(QStringLiteral(JB_CLI_PATH)));
}

void TestMockCli::servesTheProject_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addColumn<QString>("stopped");
    QTest::addRow("SIGTERM") << int(SIGTERM) << u"stopped (SIGTERM)"_s;
    QTest::addRow("SIGINT") << int(SIGINT) << u"stopped (SIGINT)"_s;
}

void TestMockCli::servesTheProject()
{
    QFETCH(int, signalNumber);
    QFETCH(QString, stopped);
    CliMock mock({QStringLiteral(JB_SAMPLE_DIR), u"--port"_s, u"0"_s});
    const QString url = mock.firstLine();
    const quint16 port = portOf(url);
    QVERIFY2(port != 0, qPrintable(url + QString::fromUtf8(mock.process().readAllStandardError())));

    const QString routes = mock.outputWith(u"GET /consultaCEP/{cep}"_s);
    QVERIFY2(routes.contains(u"GET /ws/{cep}/json/  ViaCEP, 13 records"_s), qPrintable(routes));
    QVERIFY2(routes.contains(u"GET /ws/{cep}/xml/"_s), qPrintable(routes));
    QVERIFY2(routes.contains(u"POST /api/v1/customers  service customers-api"_s), qPrintable(routes));
    QVERIFY2(routes.contains(u"GET /consultaCEP/{cep}  service consulta-cep"_s), qPrintable(routes));

    // curl-style requests
    RawHttpClient client(port);
    const QJsonObject record = test::datasetJson().value("records"_L1).toArray().first().toObject();
    const std::optional<RawResponse> viaCep = client.request("/ws/01001-000/json/");
    QVERIFY(viaCep);
    QCOMPARE(viaCep->status, 200);
    QCOMPARE(viaCep->body, test::expectedJson(record));
    const std::optional<RawResponse> unknown = client.request("/ws/54580000/json/");
    QVERIFY(unknown);
    QCOMPARE(unknown->body, QByteArray("{\n  \"erro\": \"true\"\n}"));
    const std::optional<RawResponse> malformed = client.request("/ws/95010A10/json/");
    QVERIFY(malformed);
    QCOMPARE(malformed->status, 400);
    const QJsonObject contract
        = readJson(QStringLiteral(JB_SAMPLE_DIR "/contracts/consulta-cep-response.json"));
    const std::optional<RawResponse> consulta = client.request("/consultaCEP/01001-000");
    QVERIFY(consulta);
    QCOMPARE(consulta->status, 200);
    QCOMPARE(consulta->header("Content-Type"), QByteArray("application/json; charset=utf-8"));
    QCOMPARE(consulta->body,
        contract.value("examples"_L1).toArray().first().toObject().value("content"_L1).toString().toUtf8());

    QSignalSpy finished(&mock.process(), &QProcess::finished);
    ::kill(mock.process().processId(), signalNumber);
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(mock.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(mock.process().exitCode(), 0);
    const QString err = QString::fromUtf8(mock.process().readAllStandardError());
    QVERIFY2(err.contains(stopped), qPrintable(err));
    QVERIFY2(err.contains(u"after 4 requests"_s), qPrintable(err));
    QVERIFY(client.waitForClose());
}

void TestMockCli::datasetChoice_data()
{
    QTest::addColumn<QString>("where"); // option, project, environment
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QByteArray>("unknownBody");
    QTest::addRow("--dataset") << u"option"_s << QStringList() << QByteArray("{\n  \"erro\": \"true\"\n}");
    QTest::addRow("the project's mocks/ copy")
        << u"project"_s << QStringList() << QByteArray("{\n  \"erro\": \"true\"\n}");
    QTest::addRow("JB_DATA_DIR") << u"environment"_s << QStringList()
                                 << QByteArray("{\n  \"erro\": \"true\"\n}");
    QTest::addRow("--erro-boolean") << u"option"_s << QStringList{u"--erro-boolean"_s}
                                    << QByteArray("{\n  \"erro\": true\n}");
    QTest::addRow("--compact") << u"option"_s << QStringList{u"--compact"_s, u"--erro-boolean"_s}
                               << QByteArray("{\"erro\":true}");
}

void TestMockCli::datasetChoice()
{
    QFETCH(QString, where);
    QFETCH(QStringList, extra);
    QFETCH(QByteArray, unknownBody);
    // one record only, so it is plain which dataset answers
    const QByteArray dataset
        = R"json({"records": [{"cep": "06010-000", "localidade": "Osasco", "uf": "SP"}]})json";
    const QString folder = m_dir.filePath(u"choice-%1"_s.arg(++m_folders));
    QStringList arguments{QStringLiteral(JB_SAMPLE_DIR)};
    QProcessEnvironment environment = CliMock::defaultEnvironment();
    if (where == u"option") {
        QVERIFY(writeFile(folder + u"/mine.json"_s, dataset));
        arguments << u"--dataset"_s << folder + u"/mine.json"_s;
    } else if (where == u"project") {
        QVERIFY(writeFile(folder + u"/journey.json"_s,
            R"({"schemaVersion": 1, "name": "Scratch"})"
            "\n"));
        QVERIFY(writeFile(folder + u"/mocks/viacep-dataset.json"_s, dataset));
        arguments = QStringList{folder};
    } else {
        QVERIFY(writeFile(folder + u"/viacep-dataset.json"_s, dataset));
        environment.insert(u"JB_DATA_DIR"_s, folder);
    }
    CliMock mock(arguments + extra, environment);
    const quint16 port = portOf(mock.firstLine());
    QVERIFY2(port != 0, mock.process().readAllStandardError().constData());
    RawHttpClient client(port);
    const std::optional<RawResponse> osasco = client.request("/ws/06010000/json/");
    QVERIFY(osasco);
    QCOMPARE(osasco->status, 200);
    QCOMPARE(QJsonDocument::fromJson(osasco->body).object().value("localidade"_L1).toString(), u"Osasco"_s);
    const std::optional<RawResponse> se = client.request("/ws/01001000/json/"); // not in this dataset
    QVERIFY(se);
    QCOMPARE(se->body, unknownBody);
}

void TestMockCli::faultsFile()
{
    const QString faults = m_dir.filePath(u"faults.json"_s);
    QVERIFY(writeFile(faults, R"([{"route": "GET /ws/{cep}/json/", "kind": "http-503", "probability": 1}])"));
    CliMock mock({QStringLiteral(JB_SAMPLE_DIR), u"--faults"_s, faults, u"--seed"_s, u"7"_s});
    const quint16 port = portOf(mock.firstLine());
    QVERIFY(port != 0);
    RawHttpClient client(port);
    const std::optional<RawResponse> unavailable = client.request("/ws/01001000/json/");
    QVERIFY(unavailable);
    QCOMPARE(unavailable->status, 503);
    const std::optional<RawResponse> xml = client.request("/ws/01001000/xml/");
    QVERIFY(xml);
    QCOMPARE(xml->status, 200);
}

void TestMockCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString sample = QStringLiteral(JB_SAMPLE_DIR);
    QTest::addRow("no folder") << QStringList() << 2 << u"usage: journeybench-cli mock DIR"_s;
    QTest::addRow("bad port") << QStringList{sample, u"--port"_s, u"http"_s} << 2
                              << u"--port wants a number"_s;
    QTest::addRow("port too big") << QStringList{sample, u"--port"_s, u"70000"_s} << 2
                                  << u"--port wants a number"_s;
    QTest::addRow("bad address") << QStringList{sample, u"--bind"_s, u"example.org"_s} << 2
                                 << u"--bind wants an IP address"_s;
    QTest::addRow("no such project") << QStringList{sample + u"-missing"_s} << 1 << u"error: "_s;
    QTest::addRow("no such dataset") << QStringList{sample, u"--dataset"_s, sample + u"/none.json"_s} << 1
                                     << u"cannot read"_s;
    QTest::addRow("broken dataset") << QStringList{sample, u"--dataset"_s, sample + u"/journey.json"_s} << 1
                                    << u"\"records\" array"_s;
    QTest::addRow("broken faults") << QStringList{sample, u"--faults"_s, sample + u"/journey.json"_s} << 1
                                   << u"JSON array"_s;
}

void TestMockCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    CliMock mock(arguments);
    QSignalSpy finished(&mock.process(), &QProcess::finished);
    QVERIFY(finished.wait(waitMs));
    QCOMPARE(mock.process().exitCode(), exitCode);
    QVERIFY(mock.process().readAllStandardOutput().isEmpty()); // no URL: nothing is served
    const QString err = QString::fromUtf8(mock.process().readAllStandardError());
    QVERIFY2(err.contains(message), qPrintable(err));
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestMockCli)
#include "tst_mockcli.moc"
