#include "contractmockroutes.h"
#include "mockserver.h"
#include "mocktestdata.h"
#include "rawhttpclient.h"
#include "requestlogmodel.h"
#include "viaceproutes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using jb::test::RawHttpClient;
using jb::test::RawResponse;

namespace jb {

namespace {

const QString jsonRoute = u"GET /ws/{cep}/json/"_s;

QByteArray okHead(const QByteArray &type, qsizetype length)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + QByteArray::number(length)
        + "\r\n\r\n";
}

bool isJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument::fromJson(body, &error);
    return error.error == QJsonParseError::NoError;
}

FaultRule fault(FaultKind kind, const QString &route = jsonRoute)
{
    FaultRule rule;
    rule.kind = kind;
    rule.route = route;
    rule.probability = 1.0;
    return rule;
}

using ReplyPtr = std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)>;

ReplyPtr own(QNetworkReply *reply)
{
    return ReplyPtr(reply, [](QNetworkReply *r) { r->deleteLater(); });
}

} // namespace

class TestMockServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void records_data();
    void records();
    void negativeCases_data();
    void negativeCases();
    void networkAccessManager();
    void keepAlive();
    void connectionClose();
    void expectContinue();
    void contractMock();
    void notFound();
    void serverErrors_data();
    void serverErrors();
    void brokenJson_data();
    void brokenJson();
    void oversized();
    void reset();
    void blocked();
    void latency_data();
    void latency();
    void noAnswerUntilTheClientGivesUp();
    void noAnswerIsBounded();
    void faultsReplayWithTheirSeed();
    void requestLog();
    void requestLogKeepsBodies_data();
    void requestLogKeepsBodies();
    void nonLoopbackNeedsConsent();
    void stopClosesEverything();
    void asyncAnswers();

private:
    QByteArray path(const QString &cep, const char *format = "json") const
    {
        return test::viaCepPath(cep, format);
    }

    MockServer m_server;
    std::shared_ptr<ViaCepRoutes> m_viaCep;
    QJsonObject m_fixture;
    QNetworkAccessManager m_network;
};

void TestMockServer::initTestCase()
{
    Result<ViaCepDataset> dataset = ViaCepDataset::load(test::datasetPath());
    QVERIFY2(dataset.ok(), qPrintable(dataset.errorString()));
    m_fixture = test::datasetJson();
    m_viaCep = std::make_shared<ViaCepRoutes>(std::move(dataset).value());
    m_server.router().addRoutes(m_viaCep);
    MockRule customer;
    customer.id = u"customers-api"_s;
    customer.method = u"POST"_s;
    customer.path = u"/api/v1/customers"_s;
    customer.status = 201;
    customer.headers = {{u"Content-Type"_s, u"application/json; charset=utf-8"_s}};
    customer.body = u"{\"id\": \"1001\"}"_s;
    auto contracts = std::make_shared<ContractMockRoutes>();
    QVERIFY(contracts->setRules({customer}).ok());
    m_server.router().addRoutes(contracts);
    MockServer::Options options;
    options.maxHoldMs = 1500;
    const Status started = m_server.start(options);
    QVERIFY2(started.ok(), qPrintable(started.errorString()));
    QVERIFY(m_server.port() != 0);
    QCOMPARE(m_server.address(), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(m_server.baseUrl().toString(), u"http://127.0.0.1:%1"_s.arg(m_server.port()));
}

void TestMockServer::init()
{
    m_server.router().faults().setRules({});
    m_viaCep->setErroForm(ViaCepRoutes::ErroForm::String);
}

void TestMockServer::records_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("expected");
    for (const QJsonValue &value : m_fixture.value("records"_L1).toArray()) {
        const QJsonObject record = value.toObject();
        const QString cep = record.value("cep"_L1).toString();
        for (const QString &form : {test::digitsOnly(cep), cep}) {
            const QByteArray json = test::expectedJson(record);
            const QByteArray xml = test::expectedXml(record);
            QTest::addRow("%s json", qPrintable(form))
                << path(form) << okHead("application/json; charset=utf-8", json.size()) + json;
            QTest::addRow("%s xml", qPrintable(form))
                << path(form, "xml") << okHead("application/xml; charset=utf-8", xml.size()) + xml;
        }
    }
}

void TestMockServer::records()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, expected);
    RawHttpClient client(m_server.port());
    QVERIFY(client.isConnected());
    const std::optional<RawResponse> response = client.request(target);
    QVERIFY(response);
    QCOMPARE(response->raw, expected); // status line, headers and body, byte for byte
    QVERIFY(client.unreadBytes().isEmpty());
}

void TestMockServer::negativeCases_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<bool>("booleanErro");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray erroString = "{\n  \"erro\": \"true\"\n}";
    const QByteArray erroBoolean = "{\n  \"erro\": true\n}";
    const QByteArray erroXml
        = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xmlcep>\n  <erro>true</erro>\n</xmlcep>";
    const QByteArray json = "application/json; charset=utf-8";
    for (const QJsonValue &value : m_fixture.value("unknown"_L1).toObject().value("ceps"_L1).toArray()) {
        const QString cep = value.toString();
        for (const QString &form : {test::digitsOnly(cep), cep}) {
            QTest::addRow("unknown %s", qPrintable(form))
                << path(form) << false << okHead(json, erroString.size()) + erroString;
            QTest::addRow("unknown %s, boolean erro", qPrintable(form))
                << path(form) << true << okHead(json, erroBoolean.size()) + erroBoolean;
            QTest::addRow("unknown %s, xml", qPrintable(form)) << path(
                form, "xml") << false << okHead("application/xml; charset=utf-8", erroXml.size()) + erroXml;
        }
    }
    const QByteArray page = ViaCepRoutes::badRequestBody();
    const QByteArray badRequest = "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; charset=utf-8\r\n"
                                  "Content-Length: "
        + QByteArray::number(page.size()) + "\r\n\r\n" + page;
    for (const QJsonValue &value : m_fixture.value("malformed"_L1).toObject().value("inputs"_L1).toArray()) {
        const QString input = value.toString();
        QTest::addRow("malformed \"%s\"", qPrintable(input)) << path(input) << false << badRequest;
        QTest::addRow("malformed \"%s\", xml", qPrintable(input))
            << path(input, "xml") << false << badRequest;
    }
}

void TestMockServer::negativeCases()
{
    QFETCH(QByteArray, target);
    QFETCH(bool, booleanErro);
    QFETCH(QByteArray, expected);
    if (booleanErro)
        m_viaCep->setErroForm(ViaCepRoutes::ErroForm::Boolean);
    RawHttpClient client(m_server.port());
    const std::optional<RawResponse> response = client.request(target);
    QVERIFY(response);
    QCOMPARE(response->raw, expected);
}

void TestMockServer::networkAccessManager()
{
    // what a real client (the pipe engine's) gets
    QNetworkRequest request(m_server.baseUrl().resolved(QUrl(u"/ws/01001-000/json/"_s)));
    const ReplyPtr reply = own(m_network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(
        reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"application/json; charset=utf-8"_s);
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(body.value("localidade"_L1).toString(), u"São Paulo"_s);
    QCOMPARE(body.value("ibge"_L1).toString(), u"3550308"_s);

    const ReplyPtr bad
        = own(m_network.get(QNetworkRequest(m_server.baseUrl().resolved(QUrl(u"/ws/0100100/json/"_s)))));
    QSignalSpy badFinished(bad.get(), &QNetworkReply::finished);
    QVERIFY(badFinished.wait(10000));
    QCOMPARE(bad->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
}

void TestMockServer::keepAlive()
{
    RawHttpClient client(m_server.port());
    QVERIFY(client.isConnected());
    const QJsonArray records = m_fixture.value("records"_L1).toArray();
    const quint64 before = m_server.log().totalCount();
    const quint64 accepted = m_server.acceptedConnections();
    for (int i = 0; i < 200; ++i) {
        const QJsonObject record = records.at(i % records.size()).toObject();
        const QString cep = record.value("cep"_L1).toString();
        const std::optional<RawResponse> response = client.request(path(i % 2 ? cep : test::digitsOnly(cep)));
        QVERIFY2(response, qPrintable(u"answer %1 missing"_s.arg(i)));
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, test::expectedJson(record));
        QVERIFY(client.isConnected());
    }
    QCOMPARE(m_server.log().totalCount() - before, 200u);
    QCOMPARE(m_server.acceptedConnections(), accepted); // the same connection answered all of them
}

void TestMockServer::connectionClose()
{
    RawHttpClient client(m_server.port());
    const std::optional<RawResponse> response = client.request("/ws/01001000/json/", "Connection: close\r\n");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(client.waitForClose());
}

void TestMockServer::expectContinue()
{
    // curl sends this for large bodies and waits for "100 Continue" before sending the body
    const QByteArray body = R"({"name": "MARIA"})";
    RawHttpClient client(m_server.port());
    client.send("POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                "Expect: 100-continue\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n");
    const std::optional<RawResponse> interim = client.read();
    QVERIFY(interim);
    QCOMPARE(interim->raw, QByteArray("HTTP/1.1 100 Continue\r\n\r\n"));
    client.send(body);
    const std::optional<RawResponse> response = client.read();
    QVERIFY(response);
    QCOMPARE(response->status, 201);
    QCOMPARE(response->body, QByteArray("{\"id\": \"1001\"}"));
}

void TestMockServer::contractMock()
{
    RawHttpClient client(m_server.port());
    const QByteArray body = R"({"name": "MARIA"})";
    client.send("POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    const std::optional<RawResponse> response = client.read();
    QVERIFY(response);
    QCOMPARE(response->raw,
        QByteArray("HTTP/1.1 201 Created\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                   "14\r\n\r\n"
                   "{\"id\": \"1001\"}"));
}

void TestMockServer::notFound()
{
    RawHttpClient client(m_server.port());
    const std::optional<RawResponse> response = client.request("/nothing/here?x=1");
    QVERIFY(response);
    QCOMPARE(response->status, 404);
    QCOMPARE(response->body, QByteArray("{\"error\": \"no mock route for GET /nothing/here\"}"));
}

void TestMockServer::serverErrors_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::addRow("http-500") << int(FaultKind::Http500) << QByteArray("HTTP/1.1 500 Internal Server Error");
    QTest::addRow("http-503") << int(FaultKind::Http503) << QByteArray("HTTP/1.1 503 Service Unavailable");
}

void TestMockServer::serverErrors()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, statusLine);
    m_server.router().faults().setRules({fault(FaultKind(kind))});
    RawHttpClient client(m_server.port());
    const std::optional<RawResponse> response = client.request(path(u"01001-000"_s));
    QVERIFY(response);
    QCOMPARE(response->statusLine, statusLine);
    QVERIFY(isJson(response->body));
    // the fault is on the JSON route only: the XML route of the same CEP answers
    const std::optional<RawResponse> xml = client.request(path(u"01001-000"_s, "xml"));
    QVERIFY(xml);
    QCOMPARE(xml->status, 200);
}

void TestMockServer::brokenJson_data()
{
    QTest::addColumn<int>("kind");
    QTest::addRow("truncated") << int(FaultKind::TruncatedJson);
    QTest::addRow("malformed") << int(FaultKind::MalformedJson);
}

void TestMockServer::brokenJson()
{
    QFETCH(int, kind);
    m_server.router().faults().setRules({fault(FaultKind(kind))});
    const ReplyPtr reply
        = own(m_network.get(QNetworkRequest(m_server.baseUrl().resolved(QUrl(u"/ws/01001000/json/"_s)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError); // a complete HTTP answer...
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray body = reply->readAll();
    QVERIFY(!body.isEmpty());
    QVERIFY2(!isJson(body), body.constData()); // ...whose body is not JSON
}

void TestMockServer::oversized()
{
    FaultRule big = fault(FaultKind::Oversized);
    big.sizeBytes = 6 * 1024 * 1024;
    m_server.router().faults().setRules({big});
    const ReplyPtr reply
        = own(m_network.get(QNetworkRequest(m_server.baseUrl().resolved(QUrl(u"/ws/01001000/json/"_s)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(30000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(), big.sizeBytes);
    const QByteArray body = reply->readAll();
    QCOMPARE(body.size(), big.sizeBytes);
    QVERIFY(isJson(body));
}

void TestMockServer::reset()
{
    m_server.router().faults().setRules({fault(FaultKind::Reset)});
    RawHttpClient client(m_server.port());
    QSignalSpy errors(&client.socket(), &QAbstractSocket::errorOccurred);
    client.send(RawHttpClient::get("/ws/01001000/json/"));
    QVERIFY(client.waitForClose());
    QVERIFY(client.unreadBytes().isEmpty()); // not one byte of an answer
    QVERIFY(!errors.isEmpty());
    QCOMPARE(
        errors.first().first().value<QAbstractSocket::SocketError>(), QAbstractSocket::RemoteHostClosedError);

    const ReplyPtr reply
        = own(m_network.get(QNetworkRequest(m_server.baseUrl().resolved(QUrl(u"/ws/01001000/json/"_s)))));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::RemoteHostClosedError);
    QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
}

void TestMockServer::blocked()
{
    m_server.router().faults().setRules({fault(FaultKind::Blocked)});
    RawHttpClient client(m_server.port());
    client.send(RawHttpClient::get("/ws/01001000/json/"));
    QVERIFY(client.waitForClose());
    QVERIFY(client.unreadBytes().isEmpty());
    QCOMPARE(m_server.log().at(m_server.log().size() - 1).status, 0);
    QVERIFY(m_server.log()
                .at(m_server.log().size() - 1)
                .fault.describe()
                .contains(u"listening socket stays up"_s));
    // the listener is still up: lifting the block, the next connection is answered
    m_server.router().faults().setRules({});
    RawHttpClient next(m_server.port());
    const std::optional<RawResponse> response = next.request("/ws/01001000/json/");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void TestMockServer::latency_data()
{
    QTest::addColumn<int>("latencyMs");
    QTest::addColumn<int>("jitterMs");
    QTest::addRow("fixed 300 ms") << 300 << 0;
    QTest::addRow("200 ms + up to 200 ms") << 200 << 200;
}

void TestMockServer::latency()
{
    QFETCH(int, latencyMs);
    QFETCH(int, jitterMs);
    FaultRule slow = fault(FaultKind::Latency);
    slow.latencyMs = latencyMs;
    slow.jitterMs = jitterMs;
    m_server.router().faults().setRules({slow});
    RawHttpClient client(m_server.port());
    QElapsedTimer clock;
    clock.start();
    const std::optional<RawResponse> response = client.request("/ws/01001000/json/");
    const qint64 elapsed = clock.elapsed();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, test::expectedJson(m_fixture.value("records"_L1).toArray().first().toObject()));
    const int applied = m_server.log().at(m_server.log().size() - 1).fault.delayMs;
    QVERIFY(applied >= latencyMs && applied <= latencyMs + jitterMs);
    // a fault-latency bound: never earlier than the delay; later by at most a generous margin
    QVERIFY2(elapsed >= applied, qPrintable(u"%1 ms < %2 ms"_s.arg(elapsed).arg(applied)));
    QVERIFY2(elapsed < applied + 5000, qPrintable(u"%1 ms"_s.arg(elapsed)));
}

void TestMockServer::noAnswerUntilTheClientGivesUp()
{
    FaultRule silent = fault(FaultKind::NoAnswer);
    silent.holdMs = 60000; // longer than the server's maximum (1.5 s here): the maximum wins
    m_server.router().faults().setRules({silent});
    QNetworkRequest request(m_server.baseUrl().resolved(QUrl(u"/ws/01001000/json/"_s)));
    request.setTransferTimeout(300); // the client's own timeout
    const ReplyPtr reply = own(m_network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QVERIFY2(reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError,
        qPrintable(reply->errorString()));
    QVERIFY(!reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid());
}

void TestMockServer::noAnswerIsBounded()
{
    m_server.router().faults().setRules({fault(FaultKind::NoAnswer)});
    m_network.clearConnectionCache(); // its idle keep-alive connections would count as open
    QTRY_COMPARE_WITH_TIMEOUT(m_server.openConnections(), 0, 10000); // earlier tests' connections are gone
    RawHttpClient client(m_server.port()); // a client that would wait forever
    client.send(RawHttpClient::get("/ws/01001000/json/"));
    QTRY_COMPARE(m_server.openConnections(), 1);
    // the server gives up after its maximum hold (1.5 s here), so no connection leaks
    QVERIFY(client.waitForClose(15000));
    QVERIFY(client.unreadBytes().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_server.openConnections(), 0, 10000);
}

void TestMockServer::faultsReplayWithTheirSeed()
{
    FaultRule some = fault(FaultKind::Http503);
    some.probability = 0.2;
    m_server.router().faults().setRules({some});
    m_server.router().faults().reseed(2026);
    FaultInjector predictor(2026);
    predictor.setRules({some});
    RawHttpClient client(m_server.port());
    int unavailable = 0;
    for (int i = 0; i < 100; ++i) {
        MockResponse predicted;
        predicted.route = jsonRoute;
        predictor.apply(predicted);
        const std::optional<RawResponse> response = client.request("/ws/01001000/json/");
        QVERIFY(response);
        QCOMPARE(response->status, predicted.fault.kind == FaultKind::Http503 ? 503 : 200);
        unavailable += response->status == 503 ? 1 : 0;
    }
    QVERIFY(unavailable > 5 && unavailable < 40);
}

void TestMockServer::requestLog()
{
    RawHttpClient client(m_server.port());
    const quint64 before = m_server.log().totalCount();
    QVERIFY(client.request("/ws/01310-100/json/?callback=x"));
    m_server.router().faults().setRules({fault(FaultKind::Http500)});
    QVERIFY(client.request("/ws/01310100/json/"));
    QCOMPARE(m_server.log().totalCount(), before + 2);
    const RequestLogEntry &ok = m_server.log().at(m_server.log().size() - 2);
    QCOMPARE(ok.method, QByteArray("GET"));
    QCOMPARE(ok.path, QByteArray("/ws/01310-100/json/"));
    QCOMPARE(ok.route, jsonRoute);
    QCOMPARE(ok.status, 200);
    QVERIFY(ok.fault.isNone());
    QVERIFY(ok.latencyUs > 0);
    QVERIFY(std::abs(ok.timeMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
    const RequestLogEntry &failed = m_server.log().at(m_server.log().size() - 1);
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.fault.kind, FaultKind::Http500);
    QCOMPARE(failed.sequence, ok.sequence + 1);
}

void TestMockServer::requestLogKeepsBodies_data()
{
    QTest::addColumn<QByteArray>("request"); // the request's body ("" a GET)
    QTest::addColumn<bool>("reset"); // a reset fault: no answer at all
    QTest::addColumn<QStringList>("expected"); // lines the details hold

    QTest::addRow("a GET and its record")
        << QByteArray() << false
        << QStringList{u"GET /ws/01001000/json/"_s, u"answered 200 by route GET /ws/{cep}/json/ in "_s,
               u"request body: none"_s, u"\"localidade\": \"São Paulo\""_s};
    QTest::addRow("a POST to the contract mock, body as sent")
        << QByteArray(R"({"name": "MARIA"})") << false
        << QStringList{u"POST /api/v1/customers"_s, u"request body, 17 bytes:\n{\"name\": \"MARIA\"}"_s,
               u"answer body, 14 bytes:\n{\"id\": \"1001\"}"_s};
    QTest::addRow("a body over the kept size")
        << QByteArray(R"({"pad": ")" + QByteArray(10000, 'x') + R"("})") << false
        << QStringList{u"request body, 10011 bytes (the first 4096 kept)"_s};
    QTest::addRow("reset: no answer body")
        << QByteArray() << true
        << QStringList{u"no HTTP answer was written"_s, u"fault injected: reset"_s, u"answer body: none"_s};
}

void TestMockServer::requestLogKeepsBodies()
{
    QFETCH(QByteArray, request);
    QFETCH(bool, reset);
    QFETCH(QStringList, expected);

    if (reset)
        m_server.router().faults().setRules({fault(FaultKind::Reset)});
    RawHttpClient client(m_server.port());
    const quint64 before = m_server.log().totalCount();
    if (request.isEmpty())
        client.send(RawHttpClient::get("/ws/01001000/json/"));
    else
        client.send("POST /api/v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + QByteArray::number(request.size()) + "\r\n\r\n" + request);
    QTRY_COMPARE(m_server.log().totalCount(), before + 1);
    const RequestLogEntry &entry = m_server.log().at(m_server.log().size() - 1);
    QCOMPARE(entry.requestBytes, request.size());
    QCOMPARE(entry.requestBody, request.left(RequestLogEntry::keptBodyBytes));
    if (reset) {
        QCOMPARE(entry.responseBytes, 0);
        QVERIFY(entry.responseBody.isEmpty());
    } else {
        QVERIFY(entry.responseBytes > 0);
        QVERIFY(entry.responseBody.size() <= RequestLogEntry::keptBodyBytes);
    }
    const QString details = RequestLogModel::details(entry);
    for (const QString &line : expected)
        QVERIFY2(details.contains(line), qPrintable(u"no \"%1\" in:\n%2"_s.arg(line, details)));
}

void TestMockServer::nonLoopbackNeedsConsent()
{
    MockServer server;
    MockServer::Options options;
    options.address = QHostAddress(QHostAddress::AnyIPv4);
    const Status refused = server.start(options);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, Error::Code::Refused);
    QVERIFY2(refused.errorString().contains(u"--bind"_s), qPrintable(refused.errorString()));
    QVERIFY(!server.isListening());
}

void TestMockServer::stopClosesEverything()
{
    MockServer server;
    server.router().addRoutes(m_viaCep);
    QVERIFY(server.start().ok());
    const quint16 port = server.port();
    RawHttpClient client(port);
    QVERIFY(client.request("/ws/01001000/json/"));
    QCOMPARE(server.start().error().code, Error::Code::Refused); // already listening
    server.stop();
    QVERIFY(!server.isListening());
    QCOMPARE(server.port(), 0);
    QVERIFY(client.waitForClose());
    QTcpSocket late;
    QSignalSpy lateError(&late, &QAbstractSocket::errorOccurred);
    late.connectToHost(QHostAddress::LocalHost, port);
    QVERIFY(lateError.wait(10000));
    QCOMPARE(late.error(), QAbstractSocket::ConnectionRefusedError);
    // and it starts again, answering as before
    QVERIFY(server.start().ok());
    RawHttpClient again(server.port());
    const std::optional<RawResponse> response = again.request("/ws/01001000/json/");
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void TestMockServer::asyncAnswers()
{
    MockServer server;
    server.router().addRoutes(m_viaCep);
    server.setAsyncHandler([&server](const HttpRequest &request, const MockServer::Answer &answer) {
        if (request.path != "/slow")
            return false;
        QTimer::singleShot(50, &server, [answer] {
            MockResponse response = MockResponse::withBody(200, "text/plain; charset=utf-8", "é São Paulo");
            response.route = u"GET /slow"_s;
            answer(response);
        });
        return true;
    });
    QVERIFY(server.start().ok());
    RawHttpClient client(server.port());
    const std::optional<RawResponse> slow = client.request("/slow");
    QVERIFY(slow);
    QCOMPARE(slow->body, QByteArray("é São Paulo"));
    const std::optional<RawResponse> routed = client.request("/ws/99999999/json/");
    QVERIFY(routed);
    QCOMPARE(routed->body, QByteArray("{\n  \"erro\": \"true\"\n}"));
    QCOMPARE(server.log().totalCount(), 2u);
    QCOMPARE(server.log().at(0).route, u"GET /slow"_s);
}

} // namespace jb

QTEST_GUILESS_MAIN(jb::TestMockServer)
#include "tst_mockserver.moc"
