// Each step type, failOnError, onException, error events, the trigger timeout and the trace,
// through a real engine (worker threads) and, for http, a mock server on loopback.
#include "mockserver.h"
#include "pipetestkit.h"

#include <QJsonArray>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

namespace {

// A pipe "p" on POST /p with `steps` (and `extra` top-level keys such as onException).
QByteArray pipe(const QByteArray &steps, const QByteArray &extra = {})
{
    return R"({"id": "p", "trigger": {"type": "rest", "method": "POST", "path": "/p"}, "errorEvent": "errors", "steps": )"
        + steps + (extra.isEmpty() ? QByteArray() : ", " + extra) + '}';
}

QString answer(const PipeResult &result)
{
    return withoutKeys(QString::number(result.status) + u' '
        + QString::fromUtf8(result.header("content-type")) + u' ' + QString::fromUtf8(result.body));
}

} // namespace

class TestPipeSteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void steps_data();
    void steps();
    void http_data();
    void http();
    void httpRetries();
    void httpReusesConnections();
    void failureAnsweredByOnException();
    void failureInsideOnException();
    void publishRunsSubscribers();
    void triggerTimeout();
    void traceOfOneRun();
    void secretsAreMasked();
    void concurrentExecutions();
    void unknownPipe();

private:
    QString url(const QString &path) const { return m_mock.baseUrl().toString() + path; }
    MockServer m_mock;
    int m_flaky = 0;
};

void TestPipeSteps::initTestCase()
{
    // every answer the http tests need, by path
    m_mock.setAsyncHandler([this](const HttpRequest &request, const MockServer::Answer &respond) {
        const QByteArray path = request.path;
        MockResponse response;
        response.route = u"GET "_s + QString::fromLatin1(path);
        if (path == "/json")
            response = MockResponse::withBody(200, "application/json", R"({"b": 2, "a": [1, "x"]})");
        else if (path == "/text")
            response = MockResponse::withBody(200, "text/plain; charset=utf-8", "é texto");
        else if (path == "/echo")
            response = MockResponse::withBody(200, "application/json",
                R"({"method": ")" + request.method + R"(", "token": ")" + request.header("x-token")
                    + R"(", "body": )" + (request.body.isEmpty() ? QByteArray("null") : request.body) + '}');
        else if (path.startsWith("/status/"))
            response
                = MockResponse::withBody(path.mid(8).toInt(), "application/json", R"({"detail": "status"})");
        else if (path == "/invalid-json")
            response = MockResponse::withBody(200, "application/json; charset=utf-8", R"({"cep": "0100)");
        else if (path == "/flaky")
            response = ++m_flaky % 2 == 1
                ? MockResponse::withBody(503, "text/plain", "busy")
                : MockResponse::withBody(200, "application/json", R"({"ok": true})");
        else if (path == "/hang")
            return true; // never answers
        else if (path == "/reset")
            response = MockResponse::withBody(200, "application/json", "{}");
        else
            return false;
        response.route = u"GET "_s + QString::fromLatin1(path);
        respond(response);
        return true;
    });
    FaultRule reset;
    reset.route = u"GET /reset"_s;
    reset.kind = FaultKind::Reset;
    m_mock.router().faults().setRules({reset});
    QVERIFY(m_mock.start().ok());
}

void TestPipeSteps::steps_data()
{
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<QByteArray>("body"); // the request body, JSON
    QTest::addColumn<QString>("expected"); // "status content-type body"

    QTest::addRow("set then respond: a lone expression keeps its type")
        << QByteArray(
               R"([{"id": "s", "type": "set", "value": {"n": "{{ request.body.n * 2 }}", "t": "n={{ request.body.n }}"}},
                         {"id": "r", "type": "respond", "status": 201, "body": "{{ message }}"}])")
        << QByteArray(R"({"n": 21})") << u"201 application/json; charset=utf-8 {\"n\":42,\"t\":\"n=21\"}"_s;
    QTest::addRow("respond with text and a header") << QByteArray(
        R"([{"id": "r", "type": "respond", "status": "{{ 200 + 2 }}", "headers": {"Content-Type": "text/csv"}, "body": "a,b"}])")
                                                    << QByteArray("{}") << u"202 text/csv a,b"_s;
    QTest::addRow("respond with plain text gets text/plain")
        << QByteArray(R"([{"id": "r", "type": "respond", "body": "é São Paulo"}])") << QByteArray("{}")
        << u"200 text/plain; charset=utf-8 é São Paulo"_s;
    QTest::addRow("no respond: the last message is the answer")
        << QByteArray(R"([{"id": "s", "type": "set", "value": [1, "{{ request.method }}"]}])")
        << QByteArray("{}") << u"200 application/json; charset=utf-8 [1,\"POST\"]"_s;
    QTest::addRow("validate regex passes")
        << QByteArray(
               R"([{"id": "v", "type": "validate", "value": "{{ request.body.cep }}", "regex": "^[0-9]{8}$"}])")
        << QByteArray(R"({"cep": "01001000"})")
        << u"200 application/json; charset=utf-8 {\"success\":true,\"value\":\"01001000\"}"_s;
    QTest::addRow("validate regex fails with stop: 500 with the key")
        << QByteArray(
               R"([{"id": "v", "type": "validate", "value": "{{ request.body.cep }}", "regex": "^[0-9]{8}$"},
                         {"id": "never", "type": "set", "value": 1}])")
        << QByteArray(R"({"cep": "0100"})")
        << u"500 application/json; charset=utf-8 {\"error\":\"\\\"0100\\\" does not match ^[0-9]{8}$\",\"executionKey\":\"KEY\"}"_s;
    QTest::addRow("validate fails with continue: success false and go on")
        << QByteArray(
               R"([{"id": "v", "type": "validate", "value": "{{ request.body.cep }}", "regex": "^[0-9]{8}$",
                           "message": "bad CEP {{ request.body.cep }}", "failOnError": "continue"},
                         {"id": "r", "type": "respond", "status": 400, "body": {"ok": "{{ steps.v.success }}", "why": "{{ message.error.message }}", "class": "{{ steps.v.error.class }}"}}])")
        << QByteArray(R"({"cep": "0100"})")
        << u"400 application/json; charset=utf-8 {\"class\":\"data\",\"ok\":false,\"why\":\"bad CEP 0100\"}"_s;
    QTest::addRow("validate schema passes") << QByteArray(
        R"([{"id": "v", "type": "validate", "schema": {"type": "object", "required": ["body"]}}, {"id": "r", "type": "respond", "body": "{{ steps.v.success }}"}])")
                                            << QByteArray("{}")
                                            << u"200 application/json; charset=utf-8 true"_s;
    QTest::addRow("validate schema fails")
        << QByteArray(
               R"([{"id": "v", "type": "validate", "value": "{{ request.body }}", "schema": {"type": "object", "required": ["name"]}, "failOnError": "continue"},
                         {"id": "r", "type": "respond", "body": "{{ steps.v.error.code }}: {{ steps.v.error.message }}"}])")
        << QByteArray(R"({"other": 1})")
        << u"200 text/plain; charset=utf-8 invalid: the value does not match the schema: <root>: Missing required property 'name'."_s;
    QTest::addRow("choice takes the first true when") << QByteArray(
        R"([{"id": "c", "type": "choice", "when": [{"condition": "request.body.n > 10", "steps": [{"id": "big", "type": "set", "value": "big"}]},
                                                              {"condition": "request.body.n > 1", "steps": [{"id": "mid", "type": "set", "value": "mid"}]}],
                           "otherwise": [{"id": "small", "type": "set", "value": "small"}]},
                          {"id": "r", "type": "respond", "body": "{{ message }} {{ steps.c.branch }}"}])")
                                                      << QByteArray(R"({"n": 5})")
                                                      << u"200 text/plain; charset=utf-8 mid 1"_s;
    QTest::addRow("choice otherwise") << QByteArray(
        R"([{"id": "c", "type": "choice", "when": [{"condition": "false", "steps": []}], "otherwise": [{"id": "o", "type": "set", "value": "other"}]},
                          {"id": "r", "type": "respond", "body": "{{ message }} {{ steps.c.branch }}"}])")
                                      << QByteArray("{}")
                                      << u"200 text/plain; charset=utf-8 other otherwise"_s;
    QTest::addRow("choice with nothing true leaves the message") << QByteArray(
        R"([{"id": "s", "type": "set", "value": "kept"}, {"id": "c", "type": "choice", "when": [{"condition": "0", "steps": []}]},
                          {"id": "r", "type": "respond", "body": "{{ message }} {{ steps.c.branch }}"}])")
                                                                 << QByteArray("{}")
                                                                 << u"200 text/plain; charset=utf-8 kept "_s;
    QTest::addRow("respond inside a branch ends the run") << QByteArray(
        R"([{"id": "c", "type": "choice", "when": [{"condition": "true", "steps": [{"id": "early", "type": "respond", "status": 409, "body": "early"}]}]},
                          {"id": "late", "type": "respond", "body": "late"}])")
                                                          << QByteArray("{}")
                                                          << u"409 text/plain; charset=utf-8 early"_s;
    QTest::addRow("log passes the message through") << QByteArray(
        R"([{"id": "s", "type": "set", "value": "m"}, {"id": "l", "type": "log", "level": "warning", "message": "saw {{ message }}"},
                          {"id": "r", "type": "respond", "body": "{{ message }}|{{ steps.l.message }}"}])")
                                                    << QByteArray("{}")
                                                    << u"200 text/plain; charset=utf-8 m|saw m"_s;
    QTest::addRow("expression error fails the step")
        << QByteArray(R"([{"id": "s", "type": "set", "value": "{{ request.body.missing.deeper }}"}])")
        << QByteArray("{}")
        << u"500 application/json; charset=utf-8 {\"error\":\"TypeError: Cannot read property 'deeper' of undefined in {{ request.body.missing.deeper }}\",\"executionKey\":\"KEY\"}"_s;
    QTest::addRow("expression error with continue")
        << QByteArray(R"([{"id": "s", "type": "set", "value": "{{ nope() }}", "failOnError": "continue"},
                          {"id": "r", "type": "respond", "body": "{{ steps.s.success }} {{ steps.s.error.code }}"}])")
        << QByteArray("{}") << u"200 text/plain; charset=utf-8 false expression-error"_s;
    QTest::addRow("request parts") << QByteArray(
        R"([{"id": "r", "type": "respond", "body": "{{ request.method }} {{ request.path }} {{ request.query.q }} {{ request.headers['x-h'] }} {{ request.body.k }} {{ execution.pipe }}"}])")
                                   << QByteArray(R"({"k": "v"})")
                                   << u"200 text/plain; charset=utf-8 POST /p 1 h v p"_s;
}

void TestPipeSteps::steps()
{
    QFETCH(QByteArray, steps);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    EngineHarness harness({pipe(steps)});
    PipeRequest request;
    request.method = u"POST"_s;
    request.path = u"/p"_s;
    request.query = {{u"q"_s, u"1"_s}};
    request.headers = {{u"x-h"_s, u"h"_s}};
    request.body = object(body);
    const std::optional<PipeResult> result = harness.run(u"p"_s, request);
    QVERIFY(result);
    QCOMPARE(answer(*result), expected);
    QVERIFY(!result->executionKey.isEmpty());
    // a failure that stops the run is stored as exactly one error event, of class data
    QVERIFY(harness.settle());
    const QList<StoredEvent> events = harness.events();
    QCOMPARE(events.size(), result->error ? 1 : 0);
    if (result->error) {
        QCOMPARE(events.first().name, u"errors"_s);
        QCOMPARE(events.first().executionKey, result->executionKey);
        QCOMPARE(events.first().errorClass, u"data"_s);
        QCOMPARE(events.first().retriable, false);
        QCOMPARE(
            events.first().payload.value(u"request"_s).toObject().value(u"body"_s).toObject(), object(body));
    }
}

void TestPipeSteps::http_data()
{
    QTest::addColumn<QString>("settings"); // the http step's settings, %1 = the mock's base URL
    QTest::addColumn<QString>("expected"); // the step's output without headers, compact; then the failure

    QTest::addRow("JSON answer is parsed")
        << uR"("url": "%1/json")"_s << uR"({"body":{"a":[1,"x"],"b":2},"status":200,"statusMessage":"OK"})"_s;
    QTest::addRow("text answer stays text")
        << uR"("url": "%1/text")"_s << uR"({"body":"é texto","status":200,"statusMessage":"OK"})"_s;
    QTest::addRow("method, headers and JSON body are sent")
        << uR"("method": "post", "url": "%1/echo", "headers": {"X-Token": "{{ 'abc' }}"}, "body": {"n": "{{ 1 + 1 }}"})"_s
        << uR"({"body":{"body":{"n":2},"method":"POST","token":"abc"},"status":200,"statusMessage":"OK"})"_s;
    QTest::addRow("4xx is an answer by default")
        << uR"("url": "%1/status/404")"_s
        << uR"({"body":{"detail":"status"},"status":404,"statusMessage":"Not Found"})"_s;
    QTest::addRow("4xx with stopOnClientError: data")
        << uR"("url": "%1/status/404", "stopOnClientError": true)"_s
        << uR"({"body":{"detail":"status"},"code":"client-error","status":404,"success":false} data client-error)"_s;
    QTest::addRow("401: access")
        << uR"("url": "%1/status/401", "stopOnClientError": true)"_s
        << uR"({"body":{"detail":"status"},"code":"client-error","status":401,"success":false} access client-error)"_s;
    QTest::addRow("413: volume")
        << uR"("url": "%1/status/413", "stopOnClientError": "{{ true }}")"_s
        << uR"({"body":{"detail":"status"},"code":"client-error","status":413,"success":false} volume client-error)"_s;
    QTest::addRow("5xx is an answer by default")
        << uR"("url": "%1/status/500")"_s
        << uR"({"body":{"detail":"status"},"status":500,"statusMessage":"Internal Server Error"})"_s;
    QTest::addRow("5xx with stopOnServerError: connectivity")
        << uR"("url": "%1/status/500", "stopOnServerError": true)"_s
        << uR"({"body":{"detail":"status"},"code":"server-error","status":500,"success":false} connectivity server-error)"_s;
    QTest::addRow("JSON that does not parse: data")
        << uR"("url": "%1/invalid-json")"_s
        << uR"({"body":"{\"cep\": \"0100","code":"invalid-body","status":200,"success":false} data invalid-body)"_s;
    QTest::addRow("no answer: timeout")
        << uR"("url": "%1/hang", "readTimeoutMs": 200)"_s
        << uR"({"body":null,"code":"timeout","success":false} connectivity timeout)"_s;
    QTest::addRow("connection reset")
        << uR"("url": "%1/reset")"_s
        << uR"({"body":null,"code":"connection-reset","success":false} connectivity connection-reset)"_s;
    QTest::addRow("connection refused")
        << uR"("url": "http://127.0.0.1:1/x", "connectTimeoutMs": 2000)"_s
        << uR"({"body":null,"code":"connection-refused","success":false} connectivity connection-refused)"_s;
    QTest::addRow("answer larger than allowed: volume")
        << uR"("url": "%1/json", "maxResponseBytes": 5)"_s
        << uR"({"body":null,"code":"too-large","status":200,"success":false} volume too-large)"_s;
    QTest::addRow("not a URL: data") << uR"("url": "ftp://example/x")"_s
                                     << uR"({"success":false} data invalid)"_s;
}

void TestPipeSteps::http()
{
    QFETCH(QString, settings);
    QFETCH(QString, expected);
    const QByteArray steps = "[{\"id\": \"h\", \"type\": \"http\", \"failOnError\": \"continue\", "
        + QString(settings).replace(u"%1"_s, m_mock.baseUrl().toString()).toUtf8()
        + R"(}, {"id": "r", "type": "respond", "body": "{{ message }}"}])";
    EngineHarness harness({pipe(steps)});
    const std::optional<PipeResult> result = harness.run(u"p"_s);
    QVERIFY(result);
    QJsonObject output = result->bodyValue().toObject();
    const QJsonObject error = output.take(u"error"_s).toObject();
    output.remove(u"headers"_s);
    QString printed = QString::fromUtf8(QJsonDocument(output).toJson(QJsonDocument::Compact));
    if (output.value(u"success"_s) == false) {
        printed += u' ' + error.value(u"class"_s).toString() + u' ' + error.value(u"code"_s).toString();
        QCOMPARE(error.value(u"step"_s).toString(), u"h"_s);
        QCOMPARE(error.value(u"retriable"_s).toBool(), error.value(u"class"_s).toString() == u"connectivity");
        QCOMPARE(result->trace.entries.constFirst().status, TraceEntry::Status::Failed);
    }
    QVERIFY(!result->error); // continue: the run itself did not fail
    QCOMPARE(printed, expected);
}

void TestPipeSteps::httpRetries()
{
    // /flaky answers 503, then 200: one retry after 20 ms is enough, and the trace says so
    m_flaky = 0;
    const QByteArray steps = R"([{"id": "h", "type": "http", "url": ")" + url(u"/flaky"_s).toUtf8()
        + R"(", "stopOnServerError": true, "retries": 2, "retryWaitMs": 20}])";
    EngineHarness harness({pipe(steps)});
    const std::optional<PipeResult> result = harness.run(u"p"_s);
    QVERIFY(result);
    QCOMPARE(result->status, 200);
    QCOMPARE(result->bodyValue().toObject().value(u"body"_s).toObject(), object(R"({"ok": true})"));
    QCOMPARE(result->trace.entries.size(), 1);
    QCOMPARE(result->trace.entries.constFirst().logs.size(), 1);
    QVERIFY2(
        result->trace.entries.constFirst().logs.constFirst().message.startsWith(
            u"attempt 1 failed (server-error): GET %1 answered 503 Service Unavailable; retrying in 20 ms"_s
                .arg(url(u"/flaky"_s))),
        qPrintable(result->trace.entries.constFirst().logs.constFirst().message));
}

void TestPipeSteps::httpReusesConnections()
{
    // answers with a Content-Length body, an error status and an empty body leave the connection
    // open for the next call: five runs of three calls, one after another, need one connection
    const QByteArray steps = R"([{"id": "a", "type": "http", "url": ")" + url(u"/json"_s).toUtf8()
        + R"("}, {"id": "b", "type": "http", "url": ")" + url(u"/text"_s).toUtf8()
        + R"("}, {"id": "c", "type": "http", "url": ")" + url(u"/status/404"_s).toUtf8()
        + R"("}, {"id": "r", "type": "respond", "body": "{{ steps.a.body.b }} {{ steps.b.body }} {{ steps.c.status }}"}])";
    EngineHarness harness({pipe(steps)});
    const quint64 accepted = m_mock.acceptedConnections();
    for (int run = 0; run < 5; ++run) {
        const std::optional<PipeResult> result = harness.run(u"p"_s);
        QVERIFY(result);
        QCOMPARE(QString::fromUtf8(result->body), u"2 é texto 404"_s);
    }
    QCOMPARE(m_mock.acceptedConnections() - accepted, quint64(1));
}

void TestPipeSteps::failureAnsweredByOnException()
{
    const QByteArray steps = R"([{"id": "h", "type": "http", "url": ")" + url(u"/status/503"_s).toUtf8()
        + R"(", "stopOnServerError": true}, {"id": "never", "type": "set", "value": 1}])";
    const QByteArray onException = R"("onException": [{"id": "answer", "type": "respond", "status": 502,
        "body": {"error": "{{ error.step }} {{ error.class }} {{ error.code }} {{ error.retriable }}", "key": "{{ execution.key }}"}}])";
    EngineHarness harness({pipe(steps, onException)});
    const std::optional<PipeResult> result = harness.run(u"p"_s);
    QVERIFY(result);
    QCOMPARE(answer(*result),
        u"502 application/json; charset=utf-8 {\"error\":\"h connectivity server-error true\",\"key\":\"KEY\"}"_s);
    QCOMPARE(result->bodyValue().toObject().value(u"key"_s).toString(), result->executionKey);
    QVERIFY(result->error);
    QCOMPARE(result->error->code, u"server-error"_s);
    QCOMPARE(result->error->httpStatus, 503);
    // answered by onException, still a failed execution: one retriable error event, stored before the answer
    const QList<StoredEvent> events = harness.events();
    QCOMPARE(events.size(), 1);
    QCOMPARE(result->errorEventId, events.first().id);
    QCOMPARE(events.first().payload.value(u"step"_s).toString(), u"h"_s);
    QCOMPARE(events.first().payload.value(u"class"_s).toString(), u"connectivity"_s);
    QCOMPARE(events.first().payload.value(u"retriable"_s).toBool(), true);
    QCOMPARE(events.first().payload.value(u"pipe"_s).toString(), u"p"_s);
    QCOMPARE(events.first().status, u"pending"_s); // nobody subscribes to "errors" here
    QCOMPARE(withoutKeys(result->trace.toText()).section(u'\n', 0, 0), u"[failed] h (http)"_s);
    QVERIFY(result->trace.toText().contains(u"[skipped] never (set)"_s));
    QVERIFY(result->trace.toText().contains(u"[ok] answer (respond) on exception"_s));
}

void TestPipeSteps::failureInsideOnException()
{
    const QByteArray steps = R"([{"id": "s", "type": "set", "value": "{{ first.failure }}"}])";
    const QByteArray onException
        = R"("onException": [{"id": "broken", "type": "set", "value": "{{ second.failure }}"}, {"id": "unreached", "type": "respond", "body": "no"}])";
    EngineHarness harness({pipe(steps, onException)});
    const std::optional<PipeResult> result = harness.run(u"p"_s);
    QVERIFY(result);
    // the first failure is the one reported; no respond happened: 500 with the key
    QCOMPARE(answer(*result),
        u"500 application/json; charset=utf-8 {\"error\":\"ReferenceError: first is not defined in {{ first.failure }}\",\"executionKey\":\"KEY\"}"_s);
    QCOMPARE(result->error->step, u"s"_s);
    QCOMPARE(harness.events().size(), 1);
}

void TestPipeSteps::publishRunsSubscribers()
{
    const QByteArray publisher = pipe(
        R"([{"id": "pub", "type": "publish", "event": "order-{{ request.body.kind }}", "body": {"n": "{{ request.body.n }}"}},
                                          {"id": "r", "type": "respond", "body": "{{ steps.pub.event }}"}])");
    const QByteArray subscriber
        = R"({"id": "sub", "trigger": {"type": "event", "event": "order-new"}, "steps": [
        {"id": "l", "type": "log", "message": "got {{ event.n }} from event {{ execution.eventId }}"}]})";
    const QByteArray other
        = R"({"id": "other", "trigger": {"type": "event", "event": "order-other"}, "steps": [
        {"id": "l2", "type": "log", "message": "never"}]})";
    EngineHarness harness({publisher, subscriber, other});
    QList<PipeResult> finished;
    QObject::connect(harness.engine.get(), &PipeEngine::executionFinished, harness.engine.get(),
        [&finished](const PipeResult &result) { finished.append(result); });
    PipeRequest request;
    request.body = object(R"({"kind": "new", "n": 7})");
    const std::optional<PipeResult> result = harness.run(u"p"_s, request);
    QVERIFY(result);
    QCOMPARE(answer(*result), u"200 text/plain; charset=utf-8 order-new"_s);
    QVERIFY(harness.settle());
    QCOMPARE(finished.size(), 2);
    const PipeResult &handled = finished.at(0).pipeId == u"sub" ? finished.at(0) : finished.at(1);
    QCOMPARE(handled.pipeId, u"sub"_s);
    const QList<StoredEvent> events = harness.events();
    QCOMPARE(events.size(), 1);
    QCOMPARE(handled.trace.entries.constFirst().logs.constFirst().message,
        u"got 7 from event %1"_s.arg(events.first().id));
    QCOMPARE(events.first().name, u"order-new"_s);
    QCOMPARE(events.first().payload, object(R"({"n": 7})"));
    QCOMPARE(events.first().status, u"handled"_s);
    QCOMPARE(events.first().attempts, 1);
}

void TestPipeSteps::triggerTimeout()
{
    const QByteArray hanging
        = R"({"id": "p", "trigger": {"type": "rest", "path": "/p", "timeoutMs": 300}, "errorEvent": "errors",
        "steps": [{"id": "wait", "type": "http", "url": ")"
        + url(u"/hang"_s).toUtf8() + R"("}],
        "onException": [{"id": "never", "type": "respond", "status": 502, "body": "no"}]})";
    EngineHarness harness({hanging});
    QElapsedTimer clock;
    clock.start();
    const std::optional<PipeResult> result = harness.run(u"p"_s);
    QVERIFY(result);
    QVERIFY(clock.elapsed() >= 250);
    QCOMPARE(answer(*result),
        u"504 application/json; charset=utf-8 {\"error\":\"the pipe did not finish within 300 ms\",\"executionKey\":\"KEY\"}"_s);
    QCOMPARE(result->error->code, u"pipe-timeout"_s);
    QCOMPARE(result->error->step, u"wait"_s);
    const QList<StoredEvent> events = harness.events();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().errorClass, u"connectivity"_s);
    QCOMPARE(result->trace.toText(),
        u"[failed] wait (http)\n    in:  {\"url\":\"%1\"}\n"
        "    out: {\"error\":{\"class\":\"connectivity\",\"code\":\"pipe-timeout\",\"message\":"
        "\"the pipe did not finish within 300 ms\",\"retriable\":true,\"step\":\"wait\"},\"success\":false}\n"_s
            .arg(url(u"/hang"_s)));
}

void TestPipeSteps::traceOfOneRun()
{
    const QByteArray steps = R"([
        {"id": "cep", "type": "validate", "value": "{{ request.params.cep }}", "regex": "^[0-9]{5}-?[0-9]{3}$"},
        {"id": "call", "type": "http", "url": ")"
        + url(u"/json"_s).toUtf8() + R"("},
        {"id": "pick", "type": "choice", "when": [{"condition": "steps.call.body.b === 2", "steps": [
            {"id": "two", "type": "set", "value": {"cep": "{{ steps.cep.value }}", "first": "{{ steps.call.body.a[0] }}"}},
            {"id": "note", "type": "log", "level": "info", "message": "first is {{ message.first }}"}]}],
         "otherwise": [{"id": "other", "type": "set", "value": null}]},
        {"id": "done", "type": "respond", "status": 200, "body": "{{ message }}"},
        {"id": "after", "type": "log", "message": "unreached"}])";
    EngineHarness harness({pipe(steps)});
    PipeRequest request;
    request.params = {{u"cep"_s, u"01001-000"_s}};
    const std::optional<PipeResult> result = harness.run(u"p"_s, request);
    QVERIFY(result);
    QCOMPARE(answer(*result), u"200 application/json; charset=utf-8 {\"cep\":\"01001-000\",\"first\":1}"_s);
    const QString expected = uR"([ok] cep (validate)
    in:  {"regex":"^[0-9]{5}-?[0-9]{3}$","value":"01001-000"}
    out: {"success":true,"value":"01001-000"}
[ok] call (http)
    in:  {"url":"%1/json"}
    out: {"body":{"a":[1,"x"],"b":2},"headers":{"content-length":"23","content-type":"application/json"},"status":200,"statusMessage":"OK"}
[ok] pick (choice)
    in:  null
    out: {"branch":0}
  [ok] two (set)
      in:  {"value":{"cep":"01001-000","first":1}}
      out: {"cep":"01001-000","first":1}
  [ok] note (log)
      in:  {"level":"info","message":"first is 1"}
      out: {"level":"info","message":"first is 1"}
      log info: first is 1
[ok] done (respond)
    in:  {"body":{"cep":"01001-000","first":1},"headers":{},"status":200}
    out: {"body":{"cep":"01001-000","first":1},"headers":{},"status":200}
[skipped] after (log)
)"_s.arg(m_mock.baseUrl().toString());
    QCOMPARE(result->trace.toText(), expected);
    // the JSON form has the same steps, each with its duration
    const QJsonArray json = result->trace.toJson();
    QCOMPARE(json.size(), 7);
    QCOMPARE(json.at(1).toObject().value(u"status"_s).toString(), u"ok"_s);
    QVERIFY(json.at(1).toObject().value(u"durationUs"_s).toInteger() > 0);
}

void TestPipeSteps::secretsAreMasked()
{
    PipeEnvironment environment;
    environment.setSecret(u"token"_s, u"tok-123"_s);
    const QByteArray steps = R"([{"id": "h", "type": "http", "url": ")" + url(u"/echo"_s).toUtf8()
        + R"(", "headers": {"X-Token": "{{ secrets.token }}"}}, {"id": "r", "type": "respond", "body": "{{ message.body.token }}"}])";
    EngineHarness harness({pipe(steps)}, environment);
    const std::optional<PipeResult> result = harness.run(u"p"_s);
    QVERIFY(result);
    // the secret reached the server (and the answer, which the pipe chose to echo) ...
    QCOMPARE(QString::fromUtf8(result->body), u"tok-123"_s);
    // ... but never the trace
    const QString trace = result->trace.toText();
    QVERIFY(!trace.contains(u"tok-123"_s));
    QVERIFY(trace.contains(u"\"X-Token\":\"***\""_s));
    QVERIFY(trace.contains(u"\"token\":\"***\""_s));
}

void TestPipeSteps::concurrentExecutions()
{
    // 200 executions in flight at once over 2 workers, each waiting on the network: all come back
    const QByteArray steps = R"([{"id": "h", "type": "http", "url": ")" + url(u"/json"_s).toUtf8()
        + R"("}, {"id": "r", "type": "respond", "body": "{{ request.params.n }}:{{ message.body.b }}"}])";
    EngineHarness harness({pipe(steps)}, {}, 2, false);
    QHash<QString, QString> answers;
    QObject context;
    for (int i = 0; i < 200; ++i) {
        PipeRequest request;
        request.params = {{u"n"_s, QString::number(i)}};
        harness.engine->execute(u"p"_s, request, &context, [&answers, i](const PipeResult &result) {
            answers.insert(QString::number(i), QString::fromUtf8(result.body));
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answers.size(), 200, 30000);
    for (int i = 0; i < 200; ++i)
        QCOMPARE(answers.value(QString::number(i)), u"%1:2"_s.arg(i));
    QVERIFY(harness.settle());
}

void TestPipeSteps::unknownPipe()
{
    EngineHarness harness({pipe("[]")});
    const std::optional<PipeResult> result = harness.run(u"missing"_s);
    QVERIFY(result);
    QCOMPARE(answer(*result),
        u"404 application/json; charset=utf-8 {\"error\":\"no pipe \\\"missing\\\" in the project\"}"_s);
}

QTEST_GUILESS_MAIN(TestPipeSteps)
#include "tst_pipesteps.moc"
