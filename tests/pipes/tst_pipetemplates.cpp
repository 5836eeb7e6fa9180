// Templates, expressions, route patterns, environments and pipe definitions: no network.
#include "pathtemplate.h"
#include "pipedefinition.h"
#include "pipeenvironment.h"
#include "scriptruntime.h"
#include "templatetext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

QJsonValue json(const char *text)
{
    const QByteArray wrapped = QByteArray("[") + text + ']';
    return QJsonDocument::fromJson(wrapped).array().at(0);
}

QString printed(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

PipeEnvironment testEnvironment()
{
    PipeEnvironment environment;
    environment.setVariable(u"viacep.baseUrl"_s, u"http://127.0.0.1:18080"_s);
    environment.setVariable(u"viacep.timeoutMs"_s, u"250"_s);
    environment.setVariable(u"plain"_s, u"value"_s);
    environment.setSecret(u"api-token"_s, u"s3cr3t"_s);
    return environment;
}

} // namespace

class TestPipeTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void templateParts_data();
    void templateParts();
    void templateErrors_data();
    void templateErrors();
    void evaluate_data();
    void evaluate();
    void expressionErrors_data();
    void expressionErrors();
    void environmentIsFrozen();
    void routes_data();
    void routes();
    void routePatternErrors_data();
    void routePatternErrors();
    void secretNames_data();
    void secretNames();
    void environmentFromProject();
    void definitionErrors_data();
    void definitionErrors();
    void samplePipesParse_data();
    void samplePipesParse();
};

void TestPipeTemplates::templateParts_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("parts"); // literal|{expression}, joined by " + "
    QTest::addColumn<bool>("single");
    QTest::addRow("plain text") << u"no template"_s << u"no template"_s << false;
    QTest::addRow("one expression") << u"{{ request.params.cep }}"_s << u"{request.params.cep}"_s << true;
    QTest::addRow("blanks around one expression") << u"  {{x}} "_s << u"{x}"_s << true;
    QTest::addRow("interpolation") << u"/ws/{{ cep }}/json/"_s << u"/ws/ + {cep} + /json/"_s << false;
    QTest::addRow("two expressions") << u"{{a}}{{b}}"_s << u"{a} + {b}"_s << false;
    QTest::addRow("braces inside the JavaScript") << u"{{ ({a: {b: 1}}) }}"_s << u"{({a: {b: 1}})}"_s << true;
    QTest::addRow("braces inside a string literal") << u"{{ '}}' + x }}!"_s << u"{'}}' + x} + !"_s << false;
}

void TestPipeTemplates::templateParts()
{
    QFETCH(QString, text);
    QFETCH(QString, parts);
    QFETCH(bool, single);
    const Result<TemplateText> parsed = TemplateText::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QStringList shown;
    for (const TemplateText::Part &part : parsed.value().parts())
        shown.append(part.expression ? u'{' + part.text + u'}' : part.text);
    QCOMPARE(shown.join(u" + "_s), parts);
    QCOMPARE(parsed.value().isSingleExpression(), single);
}

void TestPipeTemplates::templateErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("unterminated") << u"/ws/{{ cep"_s
                                  << u"unterminated \"{{\" at character 5 of \"/ws/{{ cep\""_s;
    QTest::addRow("empty") << u"a {{  }} b"_s << u"empty expression at character 3 of \"a {{  }} b\""_s;
}

void TestPipeTemplates::templateErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Result<TemplateText> parsed = TemplateText::parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.errorString(), error);
}

void TestPipeTemplates::evaluate_data()
{
    QTest::addColumn<QJsonValue>("setting");
    QTest::addColumn<QString>("expected"); // compact JSON
    QTest::addRow("literal string") << json(R"("plain")") << uR"("plain")"_s;
    QTest::addRow("literal number") << json("42") << u"42"_s;
    QTest::addRow("a lone expression keeps its type: object")
        << json(R"("{{ request.params }}")") << uR"({"cep":"01001-000"})"_s;
    QTest::addRow("a lone expression keeps its type: number") << json(R"("{{ 6 * 7 }}")") << u"42"_s;
    QTest::addRow("a lone expression keeps its type: bool")
        << json(R"("{{ steps.cep.success }}")") << u"true"_s;
    QTest::addRow("a lone expression keeps its type: null") << json(R"("{{ null }}")") << u"null"_s;
    QTest::addRow("interpolation makes text")
        << json(R"("{{ env.viacep.baseUrl }}/ws/{{ steps.cep.value.replace('-', '') }}/json/")")
        << uR"("http://127.0.0.1:18080/ws/01001000/json/")"_s;
    QTest::addRow("numbers and booleans inside text")
        << json(R"("n={{ 1 + 1 }} b={{ 1 < 2 }}")") << uR"("n=2 b=true")"_s;
    QTest::addRow("objects inside text are JSON")
        << json(R"("p={{ request.params }}")") << uR"("p={\"cep\":\"01001-000\"}")"_s;
    QTest::addRow("undefined inside text is nothing") << json(R"("[{{ request.nothing }}]")") << uR"("[]")"_s;
    QTest::addRow("flat environment name") << json(R"("{{ env['viacep.timeoutMs'] }}")") << uR"("250")"_s;
    QTest::addRow("nested environment name") << json(R"("{{ Number(env.viacep.timeoutMs) }}")") << u"250"_s;
    QTest::addRow("plain environment name") << json(R"("{{ env.plain }}")") << uR"("value")"_s;
    QTest::addRow("secrets") << json(R"("Bearer {{ secrets['api-token'] }}")") << uR"("Bearer s3cr3t")"_s;
    QTest::addRow("message") << json(R"("{{ message.value }}")") << uR"("01001-000")"_s;
    QTest::addRow("execution") << json(R"("{{ execution.pipe }}")") << uR"("sp-check")"_s;
    QTest::addRow("recursive in objects and arrays")
        << json(R"({"a": ["{{ 1 + 2 }}", "x{{ 'y' }}"], "b": {"c": "{{ request.method }}"}, "d": true})")
        << uR"({"a":[3,"xy"],"b":{"c":"GET"},"d":true})"_s;
    QTest::addRow("JavaScript object literal keeps its key order (through JSON.stringify)")
        << json(R"("{{ JSON.stringify({z: 1, a: 2}) }}")") << uR"("{\"z\":1,\"a\":2}")"_s;
}

void TestPipeTemplates::evaluate()
{
    QFETCH(QJsonValue, setting);
    QFETCH(QString, expected);
    ScriptRuntime runtime(testEnvironment());
    ScriptRuntime::Scope scope;
    scope.request = runtime.toScript(
        QJsonObject{{u"method"_s, u"GET"_s}, {u"params"_s, QJsonObject{{u"cep"_s, u"01001-000"_s}}}});
    scope.steps = runtime.toScript(json(R"({"cep": {"success": true, "value": "01001-000"}})"));
    scope.message = runtime.toScript(json(R"({"success": true, "value": "01001-000"})"));
    scope.execution = runtime.toScript(json(R"({"key": "k", "pipe": "sp-check"})"));
    const Result<QJSValue> value = runtime.evaluate(setting, scope);
    QVERIFY2(value.ok(), qPrintable(value.errorString()));
    QCOMPARE(printed(runtime.toJson(value.value())), expected);
    // the second evaluation takes the compiled function from the cache and gives the same
    const Result<QJSValue> again = runtime.evaluate(setting, scope);
    QCOMPARE(printed(runtime.toJson(again.value())), expected);
}

void TestPipeTemplates::expressionErrors_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QString>("error");
    QTest::addRow("syntax") << u"{{ 1 + }}"_s
                            << u"SyntaxError: Expected token `numeric literal' in expression: 1 +"_s;
    QTest::addRow("reading a property of undefined")
        << u"{{ steps.nothing.value }}"_s
        << u"TypeError: Cannot read property 'value' of undefined in {{ steps.nothing.value }}"_s;
    QTest::addRow("throwing") << u"{{ (function () { throw new Error('no'); })() }}"_s << u"Error: no"_s;
}

void TestPipeTemplates::expressionErrors()
{
    QFETCH(QString, setting);
    QFETCH(QString, error);
    ScriptRuntime runtime(testEnvironment());
    ScriptRuntime::Scope scope;
    scope.steps = runtime.newObject();
    const Result<QJSValue> value = runtime.evaluate(setting, scope);
    QVERIFY(!value.ok());
    QVERIFY2(value.errorString().startsWith(error), qPrintable(value.errorString()));
}

void TestPipeTemplates::environmentIsFrozen()
{
    ScriptRuntime runtime(testEnvironment());
    ScriptRuntime::Scope scope;
    // a run that tries to change env must not change what the next run sees
    runtime.evaluateExpression(u"(env.plain = 'changed', env.viacep.baseUrl = 'x')"_s, scope);
    const Result<QJSValue> value
        = runtime.evaluateExpression(u"env.plain + ' ' + env.viacep.baseUrl"_s, scope);
    QCOMPARE(value.value().toString(), u"value http://127.0.0.1:18080"_s);
}

void TestPipeTemplates::routes_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("params"); // compact JSON, or "no match"
    QTest::addRow("parameter") << u"/consultaCEP/{cep}"_s << u"/consultaCEP/01001-000"_s
                               << uR"({"cep":"01001-000"})"_s;
    QTest::addRow("percent-decoded") << u"/consultaCEP/{cep}"_s << u"/consultaCEP/950%2010"_s
                                     << uR"({"cep":"950 10"})"_s;
    QTest::addRow("UTF-8 decoded") << u"/city/{name}"_s << u"/city/S%C3%A3o%20Paulo"_s
                                   << uR"({"name":"São Paulo"})"_s;
    QTest::addRow("empty parameter") << u"/consultaCEP/{cep}"_s << u"/consultaCEP/"_s << uR"({"cep":""})"_s;
    QTest::addRow("missing segment") << u"/consultaCEP/{cep}"_s << u"/consultaCEP"_s << u"no match"_s;
    QTest::addRow("extra segment") << u"/consultaCEP/{cep}"_s << u"/consultaCEP/1/2"_s << u"no match"_s;
    QTest::addRow("literal differs") << u"/consultaCEP/{cep}"_s << u"/consultacep/1"_s << u"no match"_s;
    QTest::addRow("trailing slash kept")
        << u"/ws/{cep}/json/"_s << u"/ws/01001000/json/"_s << uR"({"cep":"01001000"})"_s;
    QTest::addRow("trailing slash required")
        << u"/ws/{cep}/json/"_s << u"/ws/01001000/json"_s << u"no match"_s;
    QTest::addRow("two parameters") << u"/a/{x}/b/{y}"_s << u"/a/1/b/2"_s << uR"({"x":"1","y":"2"})"_s;
    QTest::addRow("root") << u"/"_s << u"/"_s << u"{}"_s;
}

void TestPipeTemplates::routes()
{
    QFETCH(QString, pattern);
    QFETCH(QString, path);
    QFETCH(QString, params);
    const Result<PathTemplate> route = PathTemplate::parse(pattern, PathTemplate::Matching::Exact);
    QVERIFY2(route.ok(), qPrintable(route.errorString()));
    const std::optional<PathTemplate::Parameters> values = route.value().match(path.toUtf8());
    QJsonObject object;
    for (const auto &[name, value] : values.value_or(PathTemplate::Parameters()))
        object.insert(name, value);
    QCOMPARE(values ? printed(object) : u"no match"_s, params);
}

void TestPipeTemplates::routePatternErrors_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addRow("relative") << u"consultaCEP/{cep}"_s;
    QTest::addRow("empty segment") << u"/a//b"_s;
    QTest::addRow("partial parameter") << u"/a/x{cep}"_s;
    QTest::addRow("repeated name") << u"/a/{x}/{x}"_s;
    QTest::addRow("empty name") << u"/a/{}"_s;
}

void TestPipeTemplates::routePatternErrors()
{
    QFETCH(QString, pattern);
    QVERIFY(!PathTemplate::parse(pattern, PathTemplate::Matching::Exact).ok());
}

void TestPipeTemplates::secretNames_data()
{
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("variable");
    QTest::addRow("dashes") << u"customer-portal-token"_s << u"JOURNEYBENCH_SECRET_CUSTOMER_PORTAL_TOKEN"_s;
    QTest::addRow("dots and digits") << u"db.pass2"_s << u"JOURNEYBENCH_SECRET_DB_PASS2"_s;
}

void TestPipeTemplates::secretNames()
{
    QFETCH(QString, secret);
    QFETCH(QString, variable);
    QCOMPARE(PipeEnvironment::secretVariableName(secret), variable);
}

void TestPipeTemplates::environmentFromProject()
{
    ProjectData project;
    EntityRecord test{u"environment"_s, u"environments/test.json"_s,
        json(
            R"({"id": "test", "name": "Test", "variables": [{"name": "a.b", "value": "1"}, {"name": "c", "value": "2"}],
                 "secrets": [{"name": "token", "type": "bearer"}]})")
            .toObject()};
    project.entities.append(test);
    const auto lookup = [](const QString &name) { return name == u"token" ? u"tok-value"_s : QString(); };
    const Result<PipeEnvironment> chosen
        = PipeEnvironment::fromProject(project, {}, {{u"c"_s, u"3"_s}, {u"d"_s, u"4"_s}}, lookup);
    QVERIFY(chosen.ok());
    QCOMPARE(chosen.value().name(), u"test"_s);
    QCOMPARE(chosen.value().variable(u"a.b"_s), u"1"_s);
    QCOMPARE(chosen.value().variable(u"c"_s), u"3"_s);
    QCOMPARE(chosen.value().variable(u"d"_s), u"4"_s);
    QCOMPARE(chosen.value().secrets().value(u"token"_s), u"tok-value"_s);
    QCOMPARE(chosen.value().mask(u"Bearer tok-value!"_s), u"Bearer ***!"_s);
    const Result<PipeEnvironment> missing = PipeEnvironment::fromProject(project, u"prod"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.errorString(), u"no environment \"prod\" in the project (it has: test)"_s);
}

void TestPipeTemplates::definitionErrors_data()
{
    QTest::addColumn<QByteArray>("pipe");
    QTest::addColumn<QString>("error");
    const QByteArray trigger = R"("trigger": {"type": "rest", "path": "/x"})";
    QTest::addRow("no id") << QByteArray(R"({"steps": []})") << u"the pipe has no \"id\""_s;
    QTest::addRow("bad trigger type")
        << QByteArray(R"({"id": "p", "trigger": {"type": "cron"}, "steps": []})")
        << u"pipe \"p\": trigger.type must be \"rest\" or \"event\""_s;
    QTest::addRow("bad path") << QByteArray(
        R"({"id": "p", "trigger": {"type": "rest", "path": "x"}, "steps": []})")
                              << u"pipe \"p\": trigger: path \"x\" must start with '/'"_s;
    QTest::addRow("timeout over the maximum")
        << QByteArray(
               R"({"id": "p", "trigger": {"type": "rest", "path": "/x", "timeoutMs": 900001}, "steps": []})")
        << u"pipe \"p\": trigger.timeoutMs must be a whole number of milliseconds, 1 to 900000"_s;
    QTest::addRow("event without a name")
        << QByteArray(R"({"id": "p", "trigger": {"type": "event"}, "steps": []})")
        << u"pipe \"p\": an event trigger needs \"event\" (the event name)"_s;
    QTest::addRow("no steps") << QByteArray("{\"id\": \"p\", " + trigger + "}")
                              << u"pipe \"p\": steps must be an array of steps"_s;
    QTest::addRow("unknown step type")
        << QByteArray("{\"id\": \"p\", " + trigger + R"(, "steps": [{"id": "a", "type": "sleep"}]})")
        << u"pipe \"p\": step \"a\": unknown type \"sleep\" (expected one of validate, set, http, choice, respond, publish, log, retry, map, database, for-each)"_s;
    QTest::addRow("duplicate id") << QByteArray("{\"id\": \"p\", " + trigger
        + R"(, "steps": [{"id": "a", "type": "set", "value": 1}], "onException": [{"id": "a", "type": "set", "value": 2}]})")
                                  << u"pipe \"p\": step \"a\": the id is used by another step of the pipe"_s;
    QTest::addRow("validate without a rule")
        << QByteArray(
               "{\"id\": \"p\", " + trigger + R"(, "steps": [{"id": "a", "type": "validate", "value": 1}]})")
        << u"pipe \"p\": step \"a\": a validate step needs either \"regex\" or \"schema\""_s;
    QTest::addRow("bad regex") << QByteArray(
        "{\"id\": \"p\", " + trigger + R"(, "steps": [{"id": "a", "type": "validate", "regex": "(("}]})")
                               << u"pipe \"p\": step \"a\": invalid regex: missing closing parenthesis"_s;
    QTest::addRow("bad schema") << QByteArray("{\"id\": \"p\", " + trigger
        + R"(, "steps": [{"id": "a", "type": "validate", "schema": {"type": 5}}]})")
                                << u"pipe \"p\": step \"a\": invalid JSON Schema: "_s;
    QTest::addRow("bad template")
        << QByteArray("{\"id\": \"p\", " + trigger
               + R"(, "steps": [{"id": "a", "type": "set", "value": {"x": "{{ y"}}]})")
        << u"pipe \"p\": step \"a\".value.x: unterminated \"{{\" at character 1 of \"{{ y\""_s;
    QTest::addRow("bad failOnError")
        << QByteArray("{\"id\": \"p\", " + trigger
               + R"(, "steps": [{"id": "a", "type": "set", "value": 1, "failOnError": "ignore"}]})")
        << u"pipe \"p\": step \"a\": \"failOnError\" must be \"stop\" or \"continue\""_s;
    QTest::addRow("choice without a condition")
        << QByteArray("{\"id\": \"p\", " + trigger
               + R"(, "steps": [{"id": "a", "type": "choice", "when": [{"steps": []}]}]})")
        << u"pipe \"p\": step \"a\": when[0] needs a \"condition\" (JavaScript)"_s;
    QTest::addRow("http without url")
        << QByteArray("{\"id\": \"p\", " + trigger + R"(, "steps": [{"id": "a", "type": "http"}]})")
        << u"pipe \"p\": step \"a\": \"url\" is required"_s;
    QTest::addRow("timeout that is text")
        << QByteArray("{\"id\": \"p\", " + trigger
               + R"(, "steps": [{"id": "a", "type": "http", "url": "http://x/", "readTimeoutMs": "soon"}]})")
        << u"pipe \"p\": step \"a\": \"readTimeoutMs\" must be a number or a {{ }} template"_s;
}

void TestPipeTemplates::definitionErrors()
{
    QFETCH(QByteArray, pipe);
    QFETCH(QString, error);
    const QJsonDocument document = QJsonDocument::fromJson(pipe);
    QVERIFY(document.isObject());
    const Result<PipeDefinition> parsed = PipeDefinition::fromJson(document.object());
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errorString().startsWith(error), qPrintable(parsed.errorString()));
}

void TestPipeTemplates::samplePipesParse_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("expressions");
    QTest::addRow("sp-check") << u"sp-check.json"_s << 14;
    QTest::addRow("error-treatment") << u"error-treatment.json"_s << 8;
}

void TestPipeTemplates::samplePipesParse()
{
    QFETCH(QString, file);
    QFETCH(int, expressions);
    QFile input(QStringLiteral(JB_SAMPLE_DIR "/pipes/") + file);
    QVERIFY(input.open(QIODevice::ReadOnly));
    const Result<PipeDefinition> pipe
        = PipeDefinition::fromJson(QJsonDocument::fromJson(input.readAll()).object());
    QVERIFY2(pipe.ok(), qPrintable(pipe.errorString()));
    // every expression of the sample compiles
    ScriptRuntime runtime(testEnvironment());
    const QStringList all = pipe.value().expressions();
    QCOMPARE(all.size(), expressions);
    for (const QString &expression : all) {
        const Status compiled = runtime.compile(expression);
        QVERIFY2(compiled.ok(), qPrintable(compiled.errorString()));
    }
}

QTEST_GUILESS_MAIN(TestPipeTemplates)
#include "tst_pipetemplates.moc"
