// Each step kind's run on a StepContext built inline, with no worker, no thread and no network:
// one data-driven test per kind, each comparing the StepOutcome printed whole. The services a kind
// calls (event store, mappings, databases) are the test's own; a database step's query runs on a
// temporary SQLite file right here. Then a StepOverride standing in for an http step, through a
// worker's real frame machine.
#include "choicestep.h"
#include "databasestep.h"
#include "foreachstep.h"
#include "httpstep.h"
#include "logstep.h"
#include "mappingdefinition.h"
#include "mappingplan.h"
#include "mappingrunner.h"
#include "mapstep.h"
#include "pipedefinition.h"
#include "pipeworker.h"
#include "publishstep.h"
#include "respondstep.h"
#include "retrystep.h"
#include "setstep.h"
#include "stepcontext.h"
#include "validatestep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

using Kind = StepOutcome (*)(StepContext &, const StepDefinition &);

QJsonValue json(const QByteArray &text)
{
    return QJsonDocument::fromJson('[' + text + ']').array().at(0);
}

// One step kind's run, on a context of its own: the step is parsed as the one step of a pipe
// (regexes and schemas compiled, settings checked, as for a run), the message comes from JSON.
class StepBench final
{
public:
    explicit StepBench(StepServices services = {})
        : m_runtime(m_environment)
        , m_context{m_runtime, m_scope, std::move(services), u"p"_s, u"KEY"_s, 0, {}}
    { }

    StepContext &context() { return m_context; }

    // The outcome of `kind` on `step` with `message` as the message (and as the request's body),
    // printed; the parse error when the step does not parse.
    QString run(Kind kind, const QByteArray &step, const QByteArray &message)
    {
        QString error;
        const StepDefinition *definition = prepare(step, message, error);
        return definition ? print(kind(m_context, *definition)) : u"does not parse: "_s + error;
    }

    // The same, for a test that goes on with the outcome itself (a Fail when the step does not parse).
    StepOutcome outcome(Kind kind, const QByteArray &step, const QByteArray &message)
    {
        QString error;
        const StepDefinition *definition = prepare(step, message, error);
        return definition ? kind(m_context, *definition) : StepOutcome::dataFailure(u"invalid"_s, error);
    }

    QString print(const StepOutcome &outcome) { return outcome.toText(m_runtime); }

private:
    // The step parsed as the one step of a pipe, the scope filled from `message`.
    const StepDefinition *prepare(const QByteArray &step, const QByteArray &message, QString &error)
    {
        const QByteArray pipe
            = R"({"id": "p", "trigger": {"type": "rest", "method": "POST", "path": "/p"}, "steps": [)" + step
            + "]}";
        Result<PipeDefinition> parsed = PipeDefinition::fromJson(QJsonDocument::fromJson(pipe).object());
        if (!parsed) {
            error = parsed.errorString();
            return nullptr;
        }
        m_pipe = std::move(parsed).value();
        const QJsonValue value = json(message);
        m_scope.message = m_runtime.toScript(value);
        m_scope.request = m_runtime.toScript(QJsonObject{{u"method"_s, u"POST"_s}, {u"body"_s, value}});
        m_scope.steps = m_runtime.newObject();
        return &m_pipe->steps.front();
    }

    PipeEnvironment m_environment;
    ScriptRuntime m_runtime;
    ScriptRuntime::Scope m_scope;
    StepContext m_context;
    std::optional<PipeDefinition> m_pipe; // the branches an outcome points to live here
};

// A mapping {name <- customername | trim, upper; phone <- customerphone | phone-br} over no
// contracts, run on this thread.
std::unique_ptr<MappingRunner> namesMapping()
{
    const Result<MappingDefinition> definition = MappingDefinition::fromJson(json(R"({"id": "names",
        "rules": [{"target": "name", "source": "customername", "transforms": ["trim", "upper"]},
                  {"target": "phone", "source": "customerphone", "transforms": ["phone-br"]}]})")
                                                                                 .toObject());
    if (!definition)
        qFatal("%s", qPrintable(definition.errorString()));
    const Result<std::shared_ptr<const MappingPlan>> plan
        = MappingPlan::compile(definition.value(), Contract(), Contract());
    if (!plan)
        qFatal("%s", qPrintable(plan.errorString()));
    return std::make_unique<MappingRunner>(plan.value());
}

} // namespace

class TestPipeStepKinds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validate_data();
    void validate();
    void set_data();
    void set();
    void http_data();
    void http();
    void httpAnswer_data();
    void httpAnswer();
    void choice_data();
    void choice();
    void respond_data();
    void respond();
    void publish_data();
    void publish();
    void log_data();
    void log();
    void retry_data();
    void retry();
    void map_data();
    void map();
    void database_data();
    void database();
    void databaseQuery_data();
    void databaseQuery();
    void forEach_data();
    void forEach();
    void overrideReplacesAnHttpStep();

private:
    StepServices databases() const;
    QTemporaryDir m_dir;
};

void TestPipeStepKinds::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QString name = u"tst-pipestepkinds-setup"_s;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(m_dir.filePath(u"crm.sqlite"_s));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, city TEXT)"_s));
        QVERIFY(query.exec(u"INSERT INTO customers VALUES (1, 'Ana', 'São Paulo'), (2, 'Bia', 'Osasco'), "
                           "(3, 'Caio', 'São Paulo')"_s));
    }
    QSqlDatabase::removeDatabase(name);
}

// The project's one database, "crm", with its password as the worker would fill it in.
StepServices TestPipeStepKinds::databases() const
{
    StepServices services;
    services.database
        = [file = m_dir.filePath(u"crm.sqlite"_s)](const QString &id) -> std::optional<DatabaseSpec> {
        if (id != u"crm")
            return std::nullopt;
        DatabaseSpec spec;
        spec.id = id;
        spec.driver = u"QSQLITE"_s;
        spec.database = file;
        spec.password = u"not used by SQLite"_s;
        return spec;
    };
    return services;
}

void TestPipeStepKinds::validate_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");

    QTest::addRow("the message matches the regex")
        << QByteArray(R"({"id": "v", "type": "validate", "regex": "^[0-9]{8}$"})")
        << QByteArray(R"("01310100")")
        << u"proceed\n"
           "in:  {\"value\":\"01310100\",\"regex\":\"^[0-9]{8}$\"}\n"
           "out: {\"success\":true,\"value\":\"01310100\"}\n"_s;
    QTest::addRow("a mismatch fails in the step's own words")
        << QByteArray(R"({"id": "v", "type": "validate", "value": "{{ message.cep }}", "regex": "^[0-9]{8}$",
                          "message": "CEP {{ message.cep }} is not 8 digits"})")
        << QByteArray(R"({"cep": "0131"})")
        << u"fail\n"
           "in:  {\"value\":\"0131\",\"regex\":\"^[0-9]{8}$\"}\n"
           "out: {\"success\":false,\"value\":\"0131\"}\n"
           "error: data invalid: CEP 0131 is not 8 digits\n"_s;
    QTest::addRow("an object is not text to match")
        << QByteArray(R"({"id": "v", "type": "validate", "regex": "^[0-9]{8}$"})")
        << QByteArray(R"({"a": 1})")
        << u"fail\n"
           "in:  {\"value\":{\"a\":1},\"regex\":\"^[0-9]{8}$\"}\n"
           "out: {\"success\":false,\"value\":{\"a\":1}}\n"
           "error: data invalid: expected text to match ^[0-9]{8}$, got {\"a\":1}\n"_s;
    QTest::addRow("a schema names what is missing")
        << QByteArray(R"({"id": "v", "type": "validate", "schema": {"type": "object", "required": ["cep"]}})")
        << QByteArray("{}")
        << u"fail\n"
           "in:  {\"value\":{}}\n"
           "out: {\"success\":false,\"value\":{}}\n"
           "error: data invalid: the value does not match the schema: <root>: Missing required property 'cep'.\n"_s;
    QTest::addRow("a value that does not evaluate")
        << QByteArray(R"({"id": "v", "type": "validate", "value": "{{ nothing.here }}", "regex": "."})")
        << QByteArray("{}")
        << u"fail\n"
           "error: data expression-error: ReferenceError: nothing is not defined in {{ nothing.here }}\n"_s;
}

void TestPipeStepKinds::validate()
{
    QFETCH(QByteArray, step);
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    StepBench bench;
    QCOMPARE(bench.run(ValidateStep::run, step, message), expected);
}

void TestPipeStepKinds::set_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");

    QTest::addRow("a lone expression keeps its type, a longer text interpolates")
        << QByteArray(
               R"({"id": "s", "type": "set", "value": {"n": "{{ message.n * 2 }}", "t": "n={{ message.n }}"}})")
        << QByteArray(R"({"n": 21})")
        << u"proceed\n"
           "in:  {\"value\":{\"n\":42,\"t\":\"n=21\"}}\n"
           "out: {\"n\":42,\"t\":\"n=21\"}\n"_s;
    QTest::addRow("the request is in scope") << QByteArray(
        R"({"id": "s", "type": "set", "value": ["{{ request.method }}", "{{ request.body.n }}"]})")
                                             << QByteArray(R"({"n": 1})")
                                             << u"proceed\n"
                                                "in:  {\"value\":[\"POST\",1]}\n"
                                                "out: [\"POST\",1]\n"_s;
    QTest::addRow("an expression that throws")
        << QByteArray(R"({"id": "s", "type": "set", "value": "{{ message.a.b.c }}"})") << QByteArray("{}")
        << u"fail\n"
           "error: data expression-error: TypeError: Cannot read property 'b' of undefined in {{ message.a.b.c }}\n"_s;
}

void TestPipeStepKinds::set()
{
    QFETCH(QByteArray, step);
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    StepBench bench;
    QCOMPARE(bench.run(SetStep::run, step, message), expected);
}

void TestPipeStepKinds::http_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");

    QTest::addRow("the call it waits for, templates evaluated")
        << QByteArray(R"({"id": "h", "type": "http", "method": "post",
                          "url": "http://viacep.invalid/ws/{{ message.cep }}/json/",
                          "headers": {"X-Token": "t-{{ message.cep }}"}, "body": {"cep": "{{ message.cep }}"},
                          "retries": 2, "readTimeoutMs": "{{ 1000 * 5 }}", "stopOnServerError": true})")
        << QByteArray(R"({"cep": "01001000"})")
        << u"wait\n"
           "in:  "
           "{\"method\":\"post\",\"url\":\"http://viacep.invalid/ws/01001000/json/"
           "\",\"headers\":{\"X-Token\":\"t-01001000\"},\"body\":{\"cep\":\"01001000\"},\"readTimeoutMs\":"
           "5000,\"retries\":2,\"stopOnServerError\":true}\n"
           "wait: http POST http://viacep.invalid/ws/01001000/json/ (connect 30000 ms, read 5000 ms, retries "
           "2 every 1000 ms, at most 5242880 bytes, stop on 5xx)\n"
           "  header X-Token: t-01001000\n"
           "  body {\"cep\":\"01001000\"}\n"_s;
    QTest::addRow("defaults: GET, 30 s, no retries, 5 MB")
        << QByteArray(R"({"id": "h", "type": "http", "url": "https://viacep.invalid/"})") << QByteArray("{}")
        << u"wait\n"
           "in:  {\"url\":\"https://viacep.invalid/\"}\n"
           "wait: http GET https://viacep.invalid/ (connect 30000 ms, read 30000 ms, retries 0 every 1000 ms, at most 5242880 bytes)\n"_s;
    QTest::addRow("not an http URL")
        << QByteArray(R"({"id": "h", "type": "http", "url": "ftp://{{ message.host }}/"})")
        << QByteArray(R"({"host": "files.invalid"})")
        << u"fail\n"
           "in:  {\"url\":\"ftp://files.invalid/\"}\n"
           "error: data invalid: \"ftp://files.invalid/\" is not an http(s) URL\n"_s;
    QTest::addRow("a timeout below zero")
        << QByteArray(
               R"({"id": "h", "type": "http", "url": "http://viacep.invalid/", "connectTimeoutMs": "{{ -1 }}"})")
        << QByteArray("{}")
        << u"fail\n"
           "in:  {\"url\":\"http://viacep.invalid/\",\"connectTimeoutMs\":-1}\n"
           "error: data invalid: \"connectTimeoutMs\" must be a non-negative number, got -1\n"_s;
}

void TestPipeStepKinds::http()
{
    QFETCH(QByteArray, step);
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    StepBench bench;
    QCOMPARE(bench.run(HttpStep::run, step, message), expected);
}

void TestPipeStepKinds::httpAnswer_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("failure"); // a code: the call failed with it (connectivity, retried once)
    QTest::addColumn<QString>("expected");

    QTest::addRow("a JSON answer is parsed")
        << 200 << QByteArray("application/json; charset=utf-8")
        << QByteArray(R"({"localidade": "São Paulo", "uf": "SP"})") << QString()
        << u"proceed\n"
           "out: {\"status\":200,\"statusMessage\":\"OK\",\"body\":{\"localidade\":\"São Paulo\",\"uf\":\"SP\"},\"headers\":{\"content-type\":\"application/json; charset=utf-8\",\"x-seen\":\"1, 2\"}}\n"_s;
    QTest::addRow("a text answer stays text")
        << 200 << QByteArray("text/plain") << QByteArray("é texto") << QString()
        << u"proceed\n"
           "out: {\"status\":200,\"statusMessage\":\"OK\",\"body\":\"é texto\",\"headers\":{\"content-type\":\"text/plain\",\"x-seen\":\"1, 2\"}}\n"_s;
    QTest::addRow("JSON that does not parse fails the step")
        << 200 << QByteArray("application/json") << QByteArray(R"({"cep": "0100)") << QString()
        << u"fail\n"
           "out: {\"success\":false,\"code\":\"invalid-body\",\"status\":200,\"body\":\"{\\\"cep\\\": "
           "\\\"0100\",\"headers\":{\"content-type\":\"application/json\",\"x-seen\":\"1, 2\"}}\n"
           "error: data invalid-body: the answer says JSON but is not: SyntaxError: JSON.parse: Parse error (status 200)\n"_s;
    QTest::addRow("a failed call keeps its answer and logs its retries")
        << 503 << QByteArray("text/plain") << QByteArray("busy") << u"server-error"_s
        << u"fail\n"
           "out: "
           "{\"success\":false,\"code\":\"server-error\",\"status\":503,\"body\":\"busy\",\"headers\":{"
           "\"content-type\":\"text/plain\",\"x-seen\":\"1, 2\"}}\n"
           "error: connectivity server-error: the call failed (status 503)\n"
           "log warning: attempt 1 failed, retrying\n"_s;
    QTest::addRow("no answer at all")
        << 0 << QByteArray() << QByteArray() << u"connection-refused"_s
        << u"fail\n"
           "out: {\"success\":false,\"code\":\"connection-refused\",\"body\":null,\"headers\":{}}\n"
           "error: connectivity connection-refused: the call failed\n"
           "log warning: attempt 1 failed, retrying\n"_s;
}

void TestPipeStepKinds::httpAnswer()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, failure);
    QFETCH(QString, expected);
    HttpOutcome answer;
    answer.status = status;
    answer.statusMessage = status == 200 ? u"OK"_s : status == 503 ? u"Service Unavailable"_s : QString();
    if (!contentType.isEmpty())
        answer.headers = {{"content-type", contentType}, {"x-seen", "1"}, {"x-seen", "2"}};
    answer.body = body;
    if (!failure.isEmpty()) {
        answer.failure = PipeError{{}, PipeError::Class::Connectivity, failure, u"the call failed"_s, status};
        answer.attempts = 2;
        answer.logs = {u"attempt 1 failed, retrying"_s};
    }
    StepBench bench;
    QCOMPARE(bench.print(HttpStep::finish(bench.context(), answer)), expected);
}

void TestPipeStepKinds::choice_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");

    const QByteArray cities = R"({"id": "c", "type": "choice", "when": [
        {"condition": "message.uf === 'SP' && message.city === 'São Paulo'",
         "steps": [{"id": "yes", "type": "set", "value": "é São Paulo"}, {"id": "log", "type": "log", "message": "x"}]},
        {"condition": "message.uf === 'SP'", "steps": [{"id": "state", "type": "set", "value": "SP"}]}],
        "otherwise": [{"id": "no", "type": "set", "value": "não é São Paulo"}]})";
    QTest::addRow("the first branch that holds")
        << cities << QByteArray(R"({"uf": "SP", "city": "São Paulo"})")
        << u"branch\n"
           "in:  null\n"
           "out: {\"branch\":0}\n"
           "enter: yes, log\n"_s;
    QTest::addRow("the second branch") << cities << QByteArray(R"({"uf": "SP", "city": "Osasco"})")
                                       << u"branch\n"
                                          "in:  null\n"
                                          "out: {\"branch\":1}\n"
                                          "enter: state\n"_s;
    QTest::addRow("otherwise") << cities << QByteArray(R"({"uf": "RJ"})")
                               << u"branch\n"
                                  "in:  null\n"
                                  "out: {\"branch\":\"otherwise\"}\n"
                                  "enter: no\n"_s;
    QTest::addRow("no branch holds and no otherwise: nothing runs")
        << QByteArray(R"({"id": "c", "type": "choice", "when": [{"condition": "false", "steps": []}]})")
        << QByteArray(R"({"uf": "RJ"})")
        << u"proceed, keeping the message\n"
           "in:  null\n"
           "out: {\"branch\":null}\n"_s;
    QTest::addRow("a condition that throws")
        << cities << QByteArray("null")
        << u"fail\n"
           "in:  null\n"
           "error: data expression-error: TypeError: Cannot read property 'uf' of null in {{ message.uf === 'SP' && message.city === 'São Paulo' }}\n"_s;
}

void TestPipeStepKinds::choice()
{
    QFETCH(QByteArray, step);
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    StepBench bench;
    QCOMPARE(bench.run(ChoiceStep::run, step, message), expected);
}

void TestPipeStepKinds::respond_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("expected");

    QTest::addRow("the message as JSON, by default")
        << QByteArray(R"({"id": "r", "type": "respond"})")
        << u"respond\n"
           "in:  {\"status\":200,\"headers\":{},\"body\":{\"city\":\"São Paulo\",\"n\":[1,2]}}\n"
           "out: {\"status\":200,\"headers\":{},\"body\":{\"city\":\"São Paulo\",\"n\":[1,2]}}\n"
           "answer: 200\n"
           "  header Content-Type: application/json; charset=utf-8\n"
           "  body {\"city\":\"São Paulo\",\"n\":[1,2]}\n"_s;
    QTest::addRow("text, with a status from a template")
        << QByteArray(
               R"({"id": "r", "type": "respond", "status": "{{ 200 + 1 }}", "body": "é {{ message.city }}"})")
        << u"respond\n"
           "in:  {\"status\":201,\"headers\":{},\"body\":\"é São Paulo\"}\n"
           "out: {\"status\":201,\"headers\":{},\"body\":\"é São Paulo\"}\n"
           "answer: 201\n"
           "  header Content-Type: text/plain; charset=utf-8\n"
           "  body é São Paulo\n"_s;
    QTest::addRow("the step's own content type and a header") << QByteArray(
        R"({"id": "r", "type": "respond", "headers": {"Content-Type": "text/csv", "X-Count": "{{ 2 }}"},
                          "body": "a,b"})")
                                                              << u"respond\n"
                                                                 "in:  "
                                                                 "{\"status\":200,\"headers\":{\"Content-"
                                                                 "Type\":\"text/"
                                                                 "csv\",\"X-Count\":2},\"body\":\"a,b\"}\n"
                                                                 "out: "
                                                                 "{\"status\":200,\"headers\":{\"Content-"
                                                                 "Type\":\"text/"
                                                                 "csv\",\"X-Count\":2},\"body\":\"a,b\"}\n"
                                                                 "answer: 200\n"
                                                                 "  header Content-Type: text/csv\n"
                                                                 "  header X-Count: 2\n"
                                                                 "  body a,b\n"_s;
    QTest::addRow("a status that HTTP has not")
        << QByteArray(R"({"id": "r", "type": "respond", "status": 700})")
        << u"fail\n"
           "error: data invalid: respond: 700 is not an HTTP status\n"_s;
}

void TestPipeStepKinds::respond()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, expected);
    StepBench bench;
    QCOMPARE(bench.run(RespondStep::run, step, R"({"city": "São Paulo", "n": [1, 2]})"), expected);
}

void TestPipeStepKinds::publish_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<bool>("storeFails");
    QTest::addColumn<QString>("expected"); // the outcome, then what the store got

    QTest::addRow("the message as the event's payload")
        << QByteArray(R"({"id": "e", "type": "publish", "event": "customer-{{ message.kind }}"})") << false
        << u"proceed, keeping the message\n"
           "in:  {\"event\":\"customer-created\",\"body\":{\"kind\":\"created\",\"n\":3}}\n"
           "out: {\"event\":\"customer-created\",\"id\":7}\n"
           "stored: customer-created {\"kind\":\"created\",\"n\":3}"_s;
    QTest::addRow("a body that is not an object is wrapped")
        << QByteArray(R"({"id": "e", "type": "publish", "event": "counts", "body": "{{ message.n }}"})")
        << false
        << u"proceed, keeping the message\n"
           "in:  {\"event\":\"counts\",\"body\":3}\n"
           "out: {\"event\":\"counts\",\"id\":7}\n"
           "stored: counts {\"value\":3}"_s;
    QTest::addRow("an empty event name")
        << QByteArray(R"({"id": "e", "type": "publish", "event": "{{ message.missing }}"})") << false
        << u"fail\n"
           "in:  {\"event\":\"\",\"body\":{\"kind\":\"created\",\"n\":3}}\n"
           "error: data invalid: publish: the event name is empty\n"
           "stored: "_s;
    QTest::addRow("the store fails")
        << QByteArray(R"({"id": "e", "type": "publish", "event": "counts"})") << true
        << u"fail\n"
           "in:  {\"event\":\"counts\",\"body\":{\"kind\":\"created\",\"n\":3}}\n"
           "error: connectivity store-error: disk full\n"
           "stored: "_s;
}

void TestPipeStepKinds::publish()
{
    QFETCH(QByteArray, step);
    QFETCH(bool, storeFails);
    QFETCH(QString, expected);
    QStringList stored;
    StepServices services;
    services.publish = [&](const QString &name, const QJsonObject &payload) -> Result<qint64> {
        if (storeFails)
            return Result<qint64>::failure(Error::Code::Io, u"disk full"_s);
        stored.append(name + u' ' + QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Compact)));
        return 7;
    };
    StepBench bench(services);
    const QString outcome = bench.run(PublishStep::run, step, R"({"kind": "created", "n": 3})");
    QCOMPARE(outcome + u"stored: "_s + stored.join(u"; "_s), expected);
}

void TestPipeStepKinds::log_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("expected");

    QTest::addRow("info, by default")
        << QByteArray(R"({"id": "l", "type": "log", "message": "cep {{ message.cep }}"})")
        << u"proceed, keeping the message\n"
           "in:  {\"level\":\"info\",\"message\":\"cep 01001000\"}\n"
           "out: {\"level\":\"info\",\"message\":\"cep 01001000\"}\n"
           "log info: cep 01001000\n"_s;
    QTest::addRow("a warning, an object as JSON text")
        << QByteArray(R"({"id": "l", "type": "log", "level": "warning", "message": "{{ message }}"})")
        << u"proceed, keeping the message\n"
           "in:  {\"level\":\"warning\",\"message\":\"{\\\"cep\\\":\\\"01001000\\\"}\"}\n"
           "out: {\"level\":\"warning\",\"message\":\"{\\\"cep\\\":\\\"01001000\\\"}\"}\n"
           "log warning: {\"cep\":\"01001000\"}\n"_s;
    QTest::addRow("a message that does not evaluate")
        << QByteArray(R"({"id": "l", "type": "log", "message": "{{ message.a.b }}"})")
        << u"fail\n"
           "error: data expression-error: TypeError: Cannot read property 'b' of undefined in {{ message.a.b }}\n"_s;
}

void TestPipeStepKinds::log()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, expected);
    StepBench bench;
    QCOMPARE(bench.run(LogStep::run, step, R"({"cep": "01001000"})"), expected);
}

void TestPipeStepKinds::retry_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<qint64>("eventId"); // the error event being handled (0: a REST call)
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<bool>("claimed"); // what the store answers
    QTest::addColumn<QString>("expected"); // the outcome, then the claims made

    const QByteArray retry = R"({"id": "again", "type": "retry", "delayMs": 250})";
    const QByteArray retriable = R"({"executionKey": "k1", "retriable": true})";
    QTest::addRow("not started by an error event")
        << retry << qint64(0) << QByteArray("{}") << true
        << u"fail\n"
           "in:  {\"delayMs\":250}\n"
           "error: data not-an-error-event: retry: this execution was not started by an error event\n"
           "claims: "_s;
    QTest::addRow("an error that is not retriable")
        << retry << qint64(4) << QByteArray(R"({"executionKey": "k1", "retriable": false})") << true
        << u"proceed, keeping the message\n"
           "in:  {\"delayMs\":250}\n"
           "out: {\"scheduled\":false,\"reason\":\"not retriable\"}\n"
           "claims: "_s;
    QTest::addRow("scheduled") << retry << qint64(4) << retriable << true
                               << u"proceed, keeping the message\n"
                                  "in:  {\"delayMs\":250}\n"
                                  "out: {\"scheduled\":true,\"delayMs\":250}\n"
                                  "claims: 4 after 250 ms"_s;
    QTest::addRow("re-run once already") << retry << qint64(4) << retriable << false
                                         << u"proceed, keeping the message\n"
                                            "in:  {\"delayMs\":250}\n"
                                            "out: {\"scheduled\":false,\"reason\":\"already re-run once\"}\n"
                                            "claims: 4 after 250 ms"_s;
    QTest::addRow("the default delay")
        << QByteArray(R"({"id": "again", "type": "retry"})") << qint64(4) << retriable << true
        << u"proceed, keeping the message\n"
           "in:  {\"delayMs\":30000}\n"
           "out: {\"scheduled\":true,\"delayMs\":30000}\n"
           "claims: 4 after 30000 ms"_s;
    QTest::addRow("a delay that is not a number")
        << QByteArray(R"({"id": "again", "type": "retry", "delayMs": "{{ 'soon' }}"})") << qint64(4)
        << retriable << true
        << u"fail\n"
           "error: data expression-error: \"delayMs\" must be a non-negative number, got soon\n"
           "claims: "_s;
}

void TestPipeStepKinds::retry()
{
    QFETCH(QByteArray, step);
    QFETCH(qint64, eventId);
    QFETCH(QByteArray, event);
    QFETCH(bool, claimed);
    QFETCH(QString, expected);
    QStringList claims;
    StepServices services;
    services.requestRetry = [&](qint64 id, int delayMs) -> Result<bool> {
        claims.append(u"%1 after %2 ms"_s.arg(id).arg(delayMs));
        return claimed;
    };
    StepBench bench(services);
    bench.context().eventId = eventId;
    bench.context().event = json(event).toObject();
    const QString outcome = bench.run(RetryStep::run, step, "{}");
    QCOMPARE(outcome + u"claims: "_s + claims.join(u"; "_s), expected);
}

void TestPipeStepKinds::map_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QString>("expected");

    QTest::addRow("the message through the mapping")
        << QByteArray(R"({"id": "m", "type": "map", "mapping": "names"})")
        << QByteArray(R"({"customername": "  ana maria ", "customerphone": "(11) 98765-4321"})")
        << u"proceed\n"
           "in:  {\"mapping\":\"names\",\"input\":{\"customername\":\"  ana maria "
           "\",\"customerphone\":\"(11) 98765-4321\"}}\n"
           "out: {\"name\":\"ANA MARIA\",\"phone\":\"+5511987654321\"}\n"_s;
    QTest::addRow("a field its transform refuses")
        << QByteArray(R"({"id": "m", "type": "map", "mapping": "names", "input": "{{ message.row }}"})")
        << QByteArray(R"({"row": {"customername": "bia", "customerphone": "12"}})")
        << u"fail\n"
           "in:  {\"mapping\":\"names\",\"input\":{\"customername\":\"bia\",\"customerphone\":\"12\"}}\n"
           "out: "
           "{\"success\":false,\"value\":{\"name\":\"BIA\"},\"errors\":[{\"field\":\"phone\",\"rule\":\"not "
           "a Brazilian phone number \\\"12\\\": 2 digits; expected a DDD and 8 or 9 digits\"}]}\n"
           "error: data invalid: map names (contract ): phone: not a Brazilian phone number \"12\": 2 digits; expected a DDD and 8 or 9 digits\n"_s;
    QTest::addRow("not a record")
        << QByteArray(R"({"id": "m", "type": "map", "mapping": "names"})") << QByteArray(R"(["a"])")
        << u"fail\n"
           "in:  {\"mapping\":\"names\",\"input\":[\"a\"]}\n"
           "error: data invalid: map names: the input is not an object (a record)\n"_s;
    QTest::addRow("a mapping the project has not")
        << QByteArray(R"({"id": "m", "type": "map", "mapping": "{{ 'nowhere' }}"})") << QByteArray("{}")
        << u"fail\n"
           "in:  {\"mapping\":\"nowhere\",\"input\":{}}\n"
           "error: data invalid: map: the project has no mapping \"nowhere\"\n"_s;
}

void TestPipeStepKinds::map()
{
    QFETCH(QByteArray, step);
    QFETCH(QByteArray, message);
    QFETCH(QString, expected);
    const std::unique_ptr<MappingRunner> names = namesMapping();
    StepServices services;
    services.mappingRunner = [&names](const QString &id) { return id == u"names" ? names.get() : nullptr; };
    StepBench bench(services);
    QCOMPARE(bench.run(MapStep::run, step, message), expected);
}

void TestPipeStepKinds::database_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("expected");

    QTest::addRow("the query it waits for, positional parameters")
        << QByteArray(
               R"({"id": "d", "type": "database", "database": "crm",
                          "query": "SELECT name FROM customers WHERE city = ? AND id > ?",
                          "params": ["{{ message.city }}", 1]})")
        << u"wait\n"
           "in:  {\"database\":\"crm\",\"query\":\"SELECT name FROM customers WHERE city = ? AND id > "
           "?\",\"params\":[\"São Paulo\",1]}\n"
           "wait: database crm (QSQLITE, at most 10000 rows): SELECT name FROM customers WHERE city = ? AND "
           "id > ?\n"
           "  params [\"São Paulo\",1]\n"_s;
    QTest::addRow("named parameters, a row limit, a write")
        << QByteArray(R"({"id": "d", "type": "database", "database": "crm", "write": true, "maxRows": 5,
                          "query": "UPDATE customers SET city = :city WHERE id = :id",
                          "params": {"city": "{{ message.city }}", "id": 2}})")
        << u"wait\n"
           "in:  {\"database\":\"crm\",\"query\":\"UPDATE customers SET city = :city WHERE id = "
           ":id\",\"params\":{\"city\":\"São Paulo\",\"id\":2},\"maxRows\":5,\"write\":true}\n"
           "wait: database crm (QSQLITE, at most 5 rows, write): UPDATE customers SET city = :city WHERE id "
           "= :id\n"
           "  params {\"city\":\"São Paulo\",\"id\":2}\n"_s;
    QTest::addRow("a database the project has not")
        << QByteArray(R"({"id": "d", "type": "database", "database": "erp", "query": "SELECT 1"})")
        << u"fail\n"
           "in:  {\"database\":\"erp\",\"query\":\"SELECT 1\"}\n"
           "error: data invalid: database: the project has no database \"erp\"\n"_s;
    QTest::addRow("an empty query") << QByteArray(
        R"({"id": "d", "type": "database", "database": "crm", "query": "{{ '' }}"})")
                                    << u"fail\n"
                                       "in:  {\"database\":\"crm\",\"query\":\"\"}\n"
                                       "error: data invalid: database: the query is empty\n"_s;
}

void TestPipeStepKinds::database()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, expected);
    StepBench bench(databases());
    QString text = bench.run(DatabaseStep::run, step, R"({"city": "São Paulo"})");
    QCOMPARE(text.replace(m_dir.path(), u"DIR"_s), expected);
}

void TestPipeStepKinds::databaseQuery_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("expected");

    QTest::addRow("rows") << QByteArray(R"({"id": "d", "type": "database", "database": "crm",
        "query": "SELECT id, name FROM customers WHERE city = ? ORDER BY id", "params": ["{{ message.city }}"]})")
                          << u"proceed\n"
                             "out: {\"rows\":[{\"id\":1,\"name\":\"Ana\"},{\"id\":3,\"name\":\"Caio\"}]}\n"_s;
    QTest::addRow("more rows than maxRows")
        << QByteArray(R"({"id": "d", "type": "database", "database": "crm",
        "query": "SELECT id FROM customers", "maxRows": 2})")
        << u"fail\n"
           "out: {\"success\":false,\"code\":\"too-large\"}\n"
           "error: volume too-large: database crm: the query returns more than 2 rows (maxRows)\n"_s;
    QTest::addRow("a write on a read-only connection")
        << QByteArray(
               R"({"id": "d", "type": "database", "database": "crm", "query": "DELETE FROM customers WHERE id = 9"})")
        << u"fail\n"
           "out: {\"success\":false,\"code\":\"query-error\"}\n"
           "error: data query-error: database crm: query failed: attempt to write a readonly database Unable to fetch row\n"_s;
    QTest::addRow("a write asked for") << QByteArray(R"({"id": "d", "type": "database", "database": "crm",
        "write": true, "query": "UPDATE customers SET name = name WHERE city = 'Osasco'"})")
                                       << u"proceed\n"
                                          "out: {\"rowsAffected\":1}\n"_s;
    QTest::addRow("a query that does not prepare")
        << QByteArray(
               R"({"id": "d", "type": "database", "database": "crm", "query": "SELECT * FROM nowhere"})")
        << u"fail\n"
           "out: {\"success\":false,\"code\":\"query-error\"}\n"
           "error: data query-error: database crm: the query does not prepare: no such table: nowhere Unable to execute statement\n"_s;
}

// The query a database step waits for, run here (blocking, as the pool would), and the outcome.
void TestPipeStepKinds::databaseQuery()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, expected);
    StepBench bench(databases());
    const StepOutcome waiting = bench.outcome(DatabaseStep::run, step, R"({"city": "São Paulo"})");
    QCOMPARE(StepOutcome::moveName(waiting.move), u"wait"_s);
    const DatabaseOutcome answer = DatabaseStep::execute(std::get<DatabaseQuery>(waiting.work));
    QCOMPARE(bench.print(DatabaseStep::finish(bench.context(), answer)), expected);
}

void TestPipeStepKinds::forEach_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("expected");

    QTest::addRow("the items it loops over")
        << QByteArray(R"({"id": "each", "type": "for-each", "items": "{{ message.rows }}",
                          "steps": [{"id": "s", "type": "set", "value": "{{ item.n }}"}]})")
        << u"loop\n"
           "in:  {\"items\":[{\"n\":1},{\"n\":2}]}\n"
           "items: 2 [{\"n\":1},{\"n\":2}]\n"_s;
    QTest::addRow("items that are not an array")
        << QByteArray(R"({"id": "each", "type": "for-each", "items": "{{ message.count }}",
                          "steps": [{"id": "s", "type": "set", "value": 1}]})")
        << u"fail\n"
           "in:  {\"items\":2}\n"
           "error: data invalid: for-each: \"items\" is not an array: 2\n"_s;
    QTest::addRow("items that do not evaluate")
        << QByteArray(R"({"id": "each", "type": "for-each", "items": "{{ message.a.b }}",
                          "steps": [{"id": "s", "type": "set", "value": 1}]})")
        << u"fail\n"
           "error: data expression-error: TypeError: Cannot read property 'b' of undefined in {{ message.a.b }}\n"_s;
}

void TestPipeStepKinds::forEach()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, expected);
    StepBench bench;
    QCOMPARE(bench.run(ForEachStep::run, step, R"({"rows": [{"n": 1}, {"n": 2}], "count": 2})"), expected);
}

// A test case's mock at the seam the tests build on: the http step's outcome comes from the
// override (the answer a real call would have given), through the worker's own frame machine,
// and no call is made (the host does not even resolve).
void TestPipeStepKinds::overrideReplacesAnHttpStep()
{
    auto catalog = std::make_shared<PipeCatalog>();
    Result<PipeDefinition> pipe = PipeDefinition::fromJson(json(R"({"id": "sp-check",
        "trigger": {"type": "rest", "method": "GET", "path": "/cep/{cep}"},
        "steps": [{"id": "viacep", "type": "http", "url": "http://viacep.invalid/ws/{{ request.params.cep }}/json/"},
                  {"id": "answer", "type": "respond",
                   "body": "{{ steps.viacep.body.localidade === 'São Paulo' ? 'é São Paulo' : 'não é São Paulo' }}"}]})")
                                                               .toObject());
    QVERIFY2(pipe, qPrintable(pipe.errorString()));
    catalog->add(std::move(pipe).value());
    PipeWorker::Setup setup;
    setup.catalog = catalog;
    setup.storeFile = m_dir.filePath(u"events.sqlite"_s);
    PipeWorker worker(std::move(setup));
    worker.initialize();
    std::optional<PipeResult> result;
    connect(&worker, &PipeWorker::finished, this, [&result](quint64, const PipeResult &r) { result = r; });

    QStringList seen; // what the override saw of the step and the scope
    auto overrides = std::make_shared<StepOverrides>();
    overrides->insert(u"viacep"_s, [&seen](StepContext &context, const StepDefinition &step) {
        seen.append(step.id + u' ' + context.runtime.toText(context.scope.request.property(u"params"_s)));
        HttpOutcome answer;
        answer.status = 200;
        answer.statusMessage = u"OK"_s;
        answer.headers = {{"content-type", "application/json; charset=utf-8"}};
        answer.body = R"({"cep": "01001-000", "localidade": "São Paulo", "uf": "SP"})";
        return HttpStep::finish(context, answer);
    });
    ExecutionOrder order;
    order.pipe = catalog->pipe(u"sp-check"_s);
    order.request.method = u"GET"_s;
    order.request.path = u"/cep/01001000"_s;
    order.request.params = {{u"cep"_s, u"01001000"_s}};
    order.overrides = overrides;
    worker.run(std::move(order));
    QTRY_VERIFY(result.has_value());

    QCOMPARE(seen, QStringList{u"viacep {\"cep\":\"01001000\"}"_s});
    QCOMPARE(QString::number(result->status) + u' ' + QString::fromUtf8(result->body), u"200 é São Paulo"_s);
    QCOMPARE(result->trace.toText(),
        u"[ok] viacep (http)\n"
        "    in:  null\n"
        "    out: {\"body\":{\"cep\":\"01001-000\",\"localidade\":\"São "
        "Paulo\",\"uf\":\"SP\"},\"headers\":{\"content-type\":\"application/json; "
        "charset=utf-8\"},\"status\":200,\"statusMessage\":\"OK\"}\n"
        "[ok] answer (respond)\n"
        "    in:  {\"body\":\"é São Paulo\",\"headers\":{},\"status\":200}\n"
        "    out: {\"body\":\"é São Paulo\",\"headers\":{},\"status\":200}\n"_s);
}

QTEST_GUILESS_MAIN(TestPipeStepKinds)
#include "tst_pipestepkinds.moc"
