// The test suites of phases 7 and 8: paths, operators and their messages, step mocks through the
// engine's overrides, parameter rows, validation against the pipe, coverage, and the sample's
// sp-check suite run whole. No network: every http step is mocked.
#include "expectation.h"
#include "jsonpath.h"
#include "pipecoverage.h"
#include "pipedefinition.h"
#include "projectloader.h"
#include "suiteloader.h"
#include "testsuite.h"
#include "unittestrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

class TestPipeTests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paths_data();
    void paths();
    void operators_data();
    void operators();
    void badExpectations_data();
    void badExpectations();
    void ignoredPaths();
    void mocks_data();
    void mocks();
    void badMocks_data();
    void badMocks();
    void mockOfAnUnknownStepIsAProblem();
    void rowsAreCasesOfTheirOwn();
    void wrongExpectationNamesPathAndBothValues();
    void coverageOfAPipe();
    void sampleSpCheckSuitePassesWithFullCoverage();
};

namespace {

QJsonValue json(const QByteArray &text)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON in a test: %s in %s", qPrintable(error.errorString()), text.constData());
    return document.array().at(0);
}

QString compact(const QJsonValue &value)
{
    return Expectation::show(value);
}

QString withoutKeys(QString text)
{
    static const QRegularExpression uuid(u"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"_s);
    return text.replace(uuid, u"KEY"_s);
}

// A REST pipe with one http step to mock, its answer built from the step's output, and an
// onException that tells the error's class and code.
const QByteArray probePipe = R"({"id": "probe", "errorEvent": "probe-errors",
    "trigger": {"type": "rest", "method": "GET", "path": "/probe/{x}", "timeoutMs": 400},
    "steps": [
      {"id": "call", "type": "http", "url": "http://backend.invalid/items/{{ request.params.x }}",
       "stopOnServerError": true, "stopOnClientError": true},
      {"id": "answer", "type": "respond", "status": 200,
       "body": "{{ ({got: steps.call.body, status: steps.call.status}) }}"}],
    "onException": [
      {"id": "oops", "type": "respond", "status": 502, "body": "{{ ({class: error.class, code: error.code}) }}"}]})";

PipePointer pipeOf(const QByteArray &text)
{
    Result<PipeDefinition> pipe = PipeDefinition::fromJson(json(text).toObject());
    if (!pipe)
        qWarning("bad pipe in a test: %s", qPrintable(pipe.errorString()));
    return pipe ? std::make_shared<const PipeDefinition>(std::move(pipe).value()) : PipePointer();
}

struct Ran
{
    QList<CaseResult> results;
    QList<PipeCoverage> coverage;
};

// Runs `suite` (JSON) against `pipe` with no project around it, and waits for the results.
Ran runSuite(const PipePointer &pipe, const QByteArray &suiteJson, QStringList *problems = nullptr)
{
    QList<SuiteProblem> found;
    TestSuite suite = TestSuite::fromJson(json(suiteJson).toObject(), {}, &found);
    found.append(suite.checkAgainst(*pipe));
    for (const SuiteProblem &problem : std::as_const(found)) {
        if (problems)
            problems->append(problem.pointer + u": "_s + problem.message);
        else
            qWarning("suite problem: %s", qPrintable(problem.message));
    }
    if (!found.isEmpty())
        return {};
    UnitTestRunner runner(ProjectData{}, PipeEnvironment{});
    QSignalSpy done(&runner, &UnitTestRunner::finished);
    runner.start({{suite, pipe}});
    if (!done.wait(20000))
        qWarning("the suite did not finish");
    return {runner.results(), runner.coverage()};
}

QByteArray oneCase(
    const QByteArray &mocks, const QByteArray &expect = R"([{"path": "status", "exists": true}])")
{
    return R"({"id": "s", "pipe": "probe", "cases": [{"name": "c", "request": {"path": "/probe/7"},
        "mocks": )"
        + mocks + R"(, "expect": )" + expect + "}]}";
}

} // namespace

void TestPipeTests::paths_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // the value found, "none", or the parse error
    const QString doc = u"{\"body\": {\"items\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"a.b\": 1}, "
                        "\"headers\": {\"content-type\": \"text/plain\"}}"_s;
    QTest::addRow("key") << u"headers.content-type"_s << u"\"text/plain\""_s;
    QTest::addRow("index") << u"body.items[1].name"_s << u"\"b\""_s;
    QTest::addRow("quoted key") << u"body[\"a.b\"]"_s << u"1"_s;
    QTest::addRow("dollar root") << u"$"_s << u"object"_s;
    QTest::addRow("dollar dot") << u"$.body.items[0].name"_s << u"\"a\""_s;
    QTest::addRow("missing key") << u"body.nothing"_s << u"none"_s;
    QTest::addRow("index past the end") << u"body.items[2]"_s << u"none"_s;
    QTest::addRow("empty") << QString()
                           << u"path \"\": is empty (write $ for the whole value) at character 1"_s;
    QTest::addRow("double dot") << u"body..x"_s << u"path \"body..x\": an empty key at character 6"_s;
    QTest::addRow("trailing dot") << u"body."_s << u"path \"body.\": ends with a dot at character 5"_s;
    QTest::addRow("bad index")
        << u"body[x]"_s << u"path \"body[x]\": [x] is neither an index nor a quoted key at character 5"_s;
    QTest::addRow("unclosed") << u"body[1"_s
                              << u"path \"body[1\": an opening [ without its ] at character 5"_s;
    QTest::addRow("key after bracket")
        << u"items[0]name"_s << u"path \"items[0]name\": a key must follow a dot at character 9"_s;
}

void TestPipeTests::paths()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    const QJsonValue doc = json(R"({"body": {"items": [{"name": "a"}, {"name": "b"}], "a.b": 1},
        "headers": {"content-type": "text/plain"}})");
    const Result<JsonPath> parsed = JsonPath::parse(path);
    if (!parsed) {
        QCOMPARE(parsed.errorString(), expected);
        return;
    }
    const std::optional<QJsonValue> found = parsed.value().find(doc);
    const QString got = !found ? u"none"_s : found->isObject() ? u"object"_s : compact(*found);
    QCOMPARE(got, expected);
}

void TestPipeTests::operators_data()
{
    QTest::addColumn<QByteArray>("expectation");
    QTest::addColumn<QString>("result"); // "pass" or the message a user reads
    const auto row = [](const char *name, const char *expectation, const QString &result) {
        QTest::addRow("%s", name) << QByteArray(expectation) << result;
    };
    row("equals passes", R"({"path": "status", "equals": 200})", u"pass"_s);
    row("equals number", R"({"path": "status", "equals": 201})", u"status: expected 201, got 200"_s);
    row("equals deep", R"({"path": "body", "equals": {"cep": "01001-000", "uf": "RJ", "tags": ["a", "b"]}})",
        u"body.uf: expected \"RJ\", got \"SP\""_s);
    row("equals extra key", R"({"path": "body", "equals": {"cep": "01001-000", "uf": "SP"}})",
        u"body.tags: expected nothing (no such key), got [\"a\",\"b\"]"_s);
    row("equals array length", R"({"path": "body.tags", "equals": ["a"]})",
        u"body.tags: expected 1 elements, got 2"_s);
    row("equals missing", R"({"path": "body.city", "equals": "São Paulo"})",
        u"body.city: expected \"São Paulo\", got nothing (no such value)"_s);
    row("exists passes", R"({"path": "body.cep", "exists": true})", u"pass"_s);
    row("exists fails", R"({"path": "body.city", "exists": true})",
        u"body.city: expected a value, got nothing (no such value)"_s);
    row("exists false", R"({"path": "body.cep", "exists": false})",
        u"body.cep: expected no value, got \"01001-000\""_s);
    row("absent passes", R"({"path": "body.erro", "absent": true})", u"pass"_s);
    row("absent fails", R"({"path": "status", "absent": true})", u"status: expected no value, got 200"_s);
    row("type integer", R"({"path": "status", "type": "integer"})", u"pass"_s);
    row("type wrong", R"({"path": "body.cep", "type": "number"})",
        u"body.cep: expected a value of type number, got \"01001-000\" (string)"_s);
    row("type array", R"({"path": "body.tags", "type": "array"})", u"pass"_s);
    row("regex passes", R"({"path": "body.cep", "regex": "^[0-9]{5}-[0-9]{3}$"})", u"pass"_s);
    row("regex fails", R"({"path": "body.uf", "regex": "^RJ$"})",
        u"body.uf: expected text matching /^RJ$/, got \"SP\""_s);
    row("regex on a number", R"({"path": "status", "regex": "200"})",
        u"status: expected text matching /200/, got 200"_s);
    row("range passes", R"({"path": "status", "range": {"min": 200, "max": 299}})", u"pass"_s);
    row("range fails", R"({"path": "status", "range": {"min": 400}})",
        u"status: expected a number of at least 400, got 200"_s);
    row("range max", R"({"path": "status", "range": {"max": 199}})",
        u"status: expected a number of at most 199, got 200"_s);
    row("length passes", R"({"path": "body.tags", "length": 2})", u"pass"_s);
    row("length of text", R"({"path": "body.cep", "length": 8})",
        u"body.cep: expected length 8, got 9 (\"01001-000\")"_s);
    row("length range", R"({"path": "body.tags", "length": {"min": 3, "max": 5}})",
        u"body.tags: expected length from 3 to 5, got 2 ([\"a\",\"b\"])"_s);
    row("length of a number", R"({"path": "status", "length": 3})",
        u"status: expected a string, array or object for length, got 200 (number)"_s);
    row("contains text", R"({"path": "body.cep", "contains": "01001"})", u"pass"_s);
    row("contains element", R"({"path": "body.tags", "contains": "b"})", u"pass"_s);
    row("contains subset", R"({"path": "body", "contains": {"uf": "SP"}})", u"pass"_s);
    row("contains fails", R"({"path": "body", "contains": {"uf": "RJ"}})",
        u"body: expected an object containing {\"uf\":\"RJ\"}, got {\"cep\":\"01001-000\",\"tags\":[\"a\",\"b\"],\"uf\":\"SP\"}"_s);
    row("contains element fails", R"({"path": "body.tags", "contains": "c"})",
        u"body.tags: expected an array containing \"c\", got [\"a\",\"b\"]"_s);
    row("schema passes", R"({"path": "body", "schema": {"type": "object", "required": ["cep"]}})", u"pass"_s);
    row("schema fails", R"({"path": "body", "schema": {"type": "object", "required": ["localidade"]}})",
        u"body: does not conform to the schema: <root>: Missing required property 'localidade'. (got "
        "{\"cep\":\"01001-000\",\"tags\":[\"a\",\"b\"],\"uf\":\"SP\"})"_s);
}

void TestPipeTests::operators()
{
    QFETCH(QByteArray, expectation);
    QFETCH(QString, result);
    const Result<Expectation> parsed = Expectation::fromJson(json(expectation).toObject());
    QVERIFY2(parsed, qPrintable(parsed.errorString()));
    const QJsonValue actual
        = json(R"({"status": 200, "body": {"cep": "01001-000", "uf": "SP", "tags": ["a", "b"]}})");
    const std::optional<QString> failure = parsed.value().check(actual);
    QCOMPARE(failure.value_or(u"pass"_s), result);
}

void TestPipeTests::badExpectations_data()
{
    QTest::addColumn<QByteArray>("expectation");
    QTest::addColumn<QString>("error");
    const QString ops = Expectation::operatorNames().join(u", "_s);
    QTest::addRow("no path") << QByteArray(R"({"equals": 1})")
                             << u"an expectation needs a \"path\" (e.g. \"body.cep\")"_s;
    QTest::addRow("no operator") << QByteArray(R"({"path": "status"})")
                                 << u"expectation on status has no operator (one of %1)"_s.arg(ops);
    QTest::addRow("two operators")
        << QByteArray(R"({"path": "status", "equals": 1, "exists": true})")
        << u"expectation on status has 2 operators (equals, exists): write one per expectation"_s;
    QTest::addRow("unknown operator") << QByteArray(R"({"path": "status", "greater": 1})")
                                      << u"unknown operator \"greater\" (one of %1)"_s.arg(ops);
    QTest::addRow("exists not bool") << QByteArray(R"({"path": "a", "exists": "yes"})")
                                     << u"exists must be true or false"_s;
    QTest::addRow("absent false") << QByteArray(R"({"path": "a", "absent": false})")
                                  << u"absent must be true (or write \"exists\": true)"_s;
    QTest::addRow("bad type")
        << QByteArray(R"({"path": "a", "type": "text"})")
        << u"type must be one of string, number, integer, boolean, object, array, null, not \"text\""_s;
    QTest::addRow("bad regex")
        << QByteArray(R"({"path": "a", "regex": "(["})")
        << u"regex \"([\" does not compile: missing terminating ] for character class"_s;
    QTest::addRow("empty range") << QByteArray(R"({"path": "a", "range": {}})")
                                 << u"range needs min, max or both"_s;
    QTest::addRow("inverted range") << QByteArray(R"({"path": "a", "range": {"min": 5, "max": 1}})")
                                    << u"range: min 5 is greater than max 1"_s;
    QTest::addRow("range key") << QByteArray(R"({"path": "a", "range": {"low": 1}})")
                               << u"range: unknown key \"low\" (min, max)"_s;
    QTest::addRow("negative length") << QByteArray(R"({"path": "a", "length": -1})")
                                     << u"length must be a whole number of at least 0"_s;
    QTest::addRow("contains null") << QByteArray(R"({"path": "a", "contains": null})")
                                   << u"contains needs a value"_s;
    QTest::addRow("schema number") << QByteArray(R"({"path": "a", "schema": 3})")
                                   << u"schema must be a JSON Schema object or a contract's id"_s;
    QTest::addRow("schema contract without project")
        << QByteArray(R"({"path": "a", "schema": "viacep-address"})")
        << u"schema \"viacep-address\": no project contracts to look it up in"_s;
    QTest::addRow("bad path") << QByteArray(R"({"path": "a..b", "equals": 1})")
                              << u"path \"a..b\": an empty key at character 3"_s;
}

void TestPipeTests::badExpectations()
{
    QFETCH(QByteArray, expectation);
    QFETCH(QString, error);
    const Result<Expectation> parsed = Expectation::fromJson(json(expectation).toObject());
    QVERIFY(!parsed);
    QCOMPARE(parsed.errorString(), error);
}

void TestPipeTests::ignoredPaths()
{
    const Result<Expectation> expectation = Expectation::fromJson(
        json(R"({"path": "body", "equals": {"error": "x", "executionKey": "any"}})").toObject());
    QVERIFY(expectation);
    const QJsonValue actual = json(R"({"body": {"error": "x", "executionKey": "3f2a"}})");
    QCOMPARE(expectation.value().check(actual).value_or(u"pass"_s),
        u"body.executionKey: expected \"any\", got \"3f2a\""_s);
    const QList<JsonPath> ignore{JsonPath::parse(u"body.executionKey"_s).value()};
    QCOMPARE(expectation.value().check(actual, ignore).value_or(u"pass"_s), u"pass"_s);
}

void TestPipeTests::mocks_data()
{
    QTest::addColumn<QByteArray>("mock");
    QTest::addColumn<QString>("answer"); // status, body, and the call's trace status and input url
    QTest::addRow("answer JSON")
        << QByteArray(R"({"answer": {"status": 200, "body": {"a": 1}}})")
        << u"200 {\"got\":{\"a\":1},\"status\":200} | ok http://backend.invalid/items/7"_s;
    QTest::addRow("answer text")
        << QByteArray(R"({"answer": {"body": "plain words"}})")
        << u"200 {\"got\":\"plain words\",\"status\":200} | ok http://backend.invalid/items/7"_s;
    QTest::addRow("answer 5xx stops")
        << QByteArray(R"({"answer": {"status": 503}})")
        << u"502 {\"class\":\"connectivity\",\"code\":\"server-error\"} | failed http://backend.invalid/items/7"_s;
    QTest::addRow("answer 404 stops")
        << QByteArray(R"({"answer": {"status": 404}})")
        << u"502 {\"class\":\"data\",\"code\":\"client-error\"} | failed http://backend.invalid/items/7"_s;
    QTest::addRow("answer 401 is access")
        << QByteArray(R"({"answer": {"status": 401}})")
        << u"502 {\"class\":\"access\",\"code\":\"client-error\"} | failed http://backend.invalid/items/7"_s;
    QTest::addRow("output") << QByteArray(R"({"output": {"status": 201, "body": "made"}})")
                            << u"200 {\"got\":\"made\",\"status\":201} | ok http://backend.invalid/items/7"_s;
    QTest::addRow("error connectivity")
        << QByteArray(R"({"error": {"class": "connectivity", "code": "timeout"}})")
        << u"502 {\"class\":\"connectivity\",\"code\":\"timeout\"} | failed http://backend.invalid/items/7"_s;
    QTest::addRow("error access default code")
        << QByteArray(R"({"error": {"class": "access"}})")
        << u"502 {\"class\":\"access\",\"code\":\"forbidden\"} | failed http://backend.invalid/items/7"_s;
    QTest::addRow("error volume")
        << QByteArray(R"({"error": {"class": "volume", "code": "too-large"}})")
        << u"502 {\"class\":\"volume\",\"code\":\"too-large\"} | failed http://backend.invalid/items/7"_s;
    QTest::addRow("sequence: the first call gets the first")
        << QByteArray(R"({"sequence": [{"answer": {"body": "first"}}, {"answer": {"status": 500}}]})")
        << u"200 {\"got\":\"first\",\"status\":200} | ok http://backend.invalid/items/7"_s;
    QTest::addRow("delay then answer")
        << QByteArray(R"({"delayMs": 60, "answer": {"body": "late"}})")
        << u"200 {\"got\":\"late\",\"status\":200} | ok http://backend.invalid/items/7 (waited)"_s;
    QTest::addRow("delay past the trigger's timeout")
        << QByteArray(R"({"delayMs": 2000, "answer": {"body": "too late"}})")
        << u"504 {\"error\":\"the pipe did not finish within 400 ms\",\"executionKey\":\"KEY\"} | failed null (waited)"_s;
}

void TestPipeTests::mocks()
{
    QFETCH(QByteArray, mock);
    QFETCH(QString, answer);
    const Ran ran = runSuite(pipeOf(probePipe), oneCase(R"({"call": )" + mock + "}"));
    QCOMPARE(ran.results.size(), 1);
    const QJsonObject actual = ran.results.constFirst().actual;
    const QString trace = ran.results.constFirst().trace;
    // the trace's first entry: the mocked call, with the settings it would have sent
    const QString status = trace.section(u'\n', 0, 0).section(u']', 0, 0).mid(1);
    const QJsonValue url
        = actual.value(u"inputs"_s).toObject().value(u"call"_s).toArray().at(0).toObject().value(u"url"_s);
    const bool waited = mock.contains("delayMs") && ran.results.constFirst().durationUs >= 50000;
    const QString got = withoutKeys(u"%1 %2 | %3 %4%5"_s.arg(
        QString::number(actual.value(u"status"_s).toInt()), compact(actual.value(u"body"_s)), status,
        url.isString() ? url.toString() : u"null"_s, waited ? u" (waited)"_s : QString()));
    QCOMPARE(got, answer);
}

void TestPipeTests::badMocks_data()
{
    QTest::addColumn<QByteArray>("mock");
    QTest::addColumn<QString>("error");
    QTest::addRow("not an object") << QByteArray(
        "3") << u"mock of step \"call\": must be an object with answer, output or error (and delayMs)"_s;
    QTest::addRow("nothing")
        << QByteArray("{}")
        << u"mock of step \"call\": must give answer, output or error (or delayMs to slow the real step)"_s;
    QTest::addRow("two kinds") << QByteArray(R"({"output": 1, "error": {"class": "data"}})")
                               << u"mock of step \"call\": has error and output: give one of them"_s;
    QTest::addRow("unknown key")
        << QByteArray(R"({"reply": 1})")
        << u"mock of step \"call\": unknown key \"reply\" (answer, output, error, delayMs, sequence)"_s;
    QTest::addRow("bad status")
        << QByteArray(R"({"answer": {"status": 99}})")
        << u"mock of step \"call\": answer needs a status from 100 to 599 (200 when left out)"_s;
    QTest::addRow("answer key")
        << QByteArray(R"({"answer": {"code": 200}})")
        << u"mock of step \"call\": answer: unknown key \"code\" (status, headers, body)"_s;
    QTest::addRow("header not text") << QByteArray(R"({"answer": {"headers": {"x-n": 1}}})")
                                     << u"mock of step \"call\": answer: header \"x-n\" must be a string"_s;
    QTest::addRow("error class")
        << QByteArray(R"({"error": {"class": "network"}})")
        << u"mock of step \"call\": error needs a class: connectivity, access, data or volume"_s;
    QTest::addRow("sequence with more")
        << QByteArray(R"({"sequence": [{"output": 1}], "delayMs": 5})")
        << u"mock of step \"call\": a sequence stands alone: {\"sequence\": [one mock "
           "per call, ...]}"_s;
    QTest::addRow("nested sequence")
        << QByteArray(R"({"sequence": [{"output": 1}, {"sequence": [{"output": 2}]}]})")
        << u"mock of step \"call\": call 2 of the sequence is a sequence itself"_s;
    QTest::addRow("bad call in a sequence")
        << QByteArray(R"({"sequence": [{"output": 1}, {"error": {}}]})")
        << u"mock of step \"call\": error needs a class: connectivity, access, data or volume (call 2 of the sequence)"_s;
    QTest::addRow("negative delay")
        << QByteArray(R"({"delayMs": -5})")
        << u"mock of step \"call\": delayMs must be a whole number of milliseconds from 0 to 900000"_s;
}

void TestPipeTests::badMocks()
{
    QFETCH(QByteArray, mock);
    QFETCH(QString, error);
    const Result<StepMock> parsed = StepMock::fromJson(u"call"_s, json(mock));
    QVERIFY(!parsed);
    QCOMPARE(parsed.errorString(), error);
}

void TestPipeTests::mockOfAnUnknownStepIsAProblem()
{
    QStringList problems;
    const Ran ran = runSuite(pipeOf(probePipe),
        oneCase(R"({"cal": {"output": 1}, "answer": {"answer": {"status": 200}}})"), &problems);
    QVERIFY(ran.results.isEmpty()); // nothing ran: a mock that mocks nothing is not a silent pass
    QCOMPARE(problems,
        (QStringList{
            u"/cases/0/mocks/answer: mock of step \"answer\": an answer stands in for an http step, and "
            "this one is a respond step (give its output instead)"_s,
            u"/cases/0/mocks/cal: mock of step \"cal\": pipe \"probe\" has no such step"_s}));
}

void TestPipeTests::rowsAreCasesOfTheirOwn()
{
    const Ran ran = runSuite(pipeOf(probePipe), R"({"id": "rows", "pipe": "probe", "cases": [{
        "name": "echo", "request": {"path": "/probe/${x}"},
        "mocks": {"call": {"answer": {"status": "${status}", "body": {"n": "${x}", "label": "item ${x}"}}}},
        "expect": [{"path": "status", "equals": "${expected}"}, {"path": "body.got.label", "equals": "item ${x}"},
                   {"path": "inputs.call[0].url", "regex": "/items/${x}$"}],
        "rows": [{"x": 1, "status": 200, "expected": 200}, {"x": 2, "status": 500, "expected": 502},
                 {"x": 3, "status": 200, "expected": 201}]}]})");
    QStringList lines;
    for (const CaseResult &result : ran.results)
        lines.append(
            (result.passed ? u"PASS "_s : u"FAIL "_s) + result.name + u' ' + result.failures.join(u"; "_s));
    QCOMPARE(lines.join(u'\n'),
        u"PASS echo [row 1] \n"
        "FAIL echo [row 2] body.got.label: expected \"item 2\", got nothing (no such value)\n"
        "FAIL echo [row 3] status: expected 201, got 200"_s);

    QList<SuiteProblem> problems;
    TestSuite::fromJson(
        json(R"({"id": "r", "pipe": "p", "cases": [{"name": "c", "expect": [{"path": "${p}", "exists": true}],
        "rows": [{"p": "status"}, {"q": 1}]}]})")
            .toObject(),
        {}, &problems);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.constFirst().pointer + u' ' + problems.constFirst().message,
        u"/cases/0/rows/1 row 2 has no p for the case's placeholders"_s);
}

void TestPipeTests::wrongExpectationNamesPathAndBothValues()
{
    const Ran ran = runSuite(pipeOf(probePipe),
        oneCase(R"({"call": {"answer": {"body": {"city": "Osasco"}}}})",
            R"([{"path": "body.got", "equals": {"city": "São Paulo"}}, {"path": "calls.call", "equals": 1}])"));
    QCOMPARE(ran.results.size(), 1);
    QVERIFY(!ran.results.constFirst().passed);
    QCOMPARE(ran.results.constFirst().failures,
        QStringList{u"body.got.city: expected \"São Paulo\", got \"Osasco\""_s});
}

void TestPipeTests::coverageOfAPipe()
{
    const PipePointer pipe = pipeOf(R"({"id": "branchy", "trigger": {"type": "rest", "path": "/b/{n}"},
        "steps": [
          {"id": "check", "type": "validate", "regex": "^[0-9]+$", "value": "{{ request.params.n }}", "failOnError": "continue"},
          {"id": "pick", "type": "choice", "when": [
              {"condition": "request.params.n === '1'", "steps": [{"id": "one", "type": "set", "value": "one"}]},
              {"condition": "request.params.n === '2'", "steps": [{"id": "two", "type": "set", "value": "two"}]}],
            "otherwise": [{"id": "many", "type": "set", "value": "many"}]},
          {"id": "call", "type": "http", "url": "http://backend.invalid/"}],
        "onException": [{"id": "caught", "type": "respond", "status": 500, "body": "caught"}]})");
    QVERIFY(pipe);
    const QByteArray call = R"({"call": {"output": {"status": 200}}})";
    Ran ran = runSuite(pipe,
        R"({"id": "cov", "pipe": "branchy", "cases": [
        {"name": "one", "request": {"path": "/b/1"}, "mocks": )"
            + call + R"(, "expect": [{"path": "status", "equals": 200}]}]})");
    QCOMPARE(ran.coverage.size(), 1);
    QCOMPARE(ran.coverage.constFirst().toText(),
        u"branchy: steps 4/7 (57.1%), branches 1/5 (20.0%)\n"
        "  step not run: two\n"
        "  step not run: many\n"
        "  step not run: caught\n"
        "  branch not taken: check continue\n"
        "  branch not taken: pick when 2\n"
        "  branch not taken: pick otherwise\n"
        "  branch not taken: onException\n"_s);
    ran = runSuite(pipe,
        R"({"id": "cov", "pipe": "branchy", "cases": [
        {"name": "one", "request": {"path": "/b/1"}, "mocks": )"
            + call + R"(, "expect": [{"path": "status", "equals": 200}]},
        {"name": "two", "request": {"path": "/b/2"}, "mocks": )"
            + call + R"(, "expect": [{"path": "status", "equals": 200}]},
        {"name": "x", "request": {"path": "/b/x"}, "mocks": {"call": {"error": {"class": "connectivity"}}},
         "expect": [{"path": "status", "equals": 500}, {"path": "steps.check.success", "equals": false}]}]})");
    QCOMPARE(ran.coverage.constFirst().toText(), u"branchy: steps 7/7 (100%), branches 5/5 (100%)\n"_s);
    for (const CaseResult &result : ran.results)
        QVERIFY2(result.passed, qPrintable(result.name + u": "_s + result.failures.join(u"; "_s)));
}

void TestPipeTests::sampleSpCheckSuitePassesWithFullCoverage()
{
    Result<ProjectLoad> opened = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(opened, qPrintable(opened.errorString()));
    const ProjectLoad &loaded = opened.value();
    const PipeCatalog catalog = PipeCatalog::fromProject(loaded.data);
    const SuiteLoader suites = SuiteLoader::load(loaded.data, catalog, {u"sp-check-unit"_s});
    QStringList diagnostics;
    for (const Diagnostic &diagnostic : suites.diagnostics)
        diagnostics.append(diagnostic.format());
    QCOMPARE(diagnostics, QStringList());
    QCOMPARE(suites.plans.size(), 1);
    Result<PipeEnvironment> environment = PipeEnvironment::fromProject(loaded.data, u"test"_s);
    QVERIFY2(environment, qPrintable(environment.errorString()));
    UnitTestRunner runner(loaded.data, std::move(environment).value());
    QSignalSpy done(&runner, &UnitTestRunner::finished);
    runner.start(suites.plans);
    QVERIFY(done.wait(30000));
    QStringList failed;
    for (const CaseResult &result : runner.results()) {
        if (!result.passed)
            failed.append(result.name + u": "_s + result.failures.join(u"; "_s));
    }
    QCOMPARE(failed, QStringList());
    QCOMPARE(runner.results().size(), 16);
    QCOMPARE(runner.coverage().size(), 1);
    QCOMPARE(
        runner.coverage().constFirst().toText(), u"sp-check: steps 14/14 (100%), branches 10/10 (100%)\n"_s);
}

QTEST_GUILESS_MAIN(TestPipeTests)
#include "tst_pipetests.moc"
