// Scripts that misbehave: the watchdog on a bare engine, what a script can see (only its scope),
// and runaway templates, conditions and for-each items served by the real engine and host on
// loopback, each followed by a normal request the same worker must answer.
#include "loadclient.h"
#include "pipehost.h"
#include "pipetestkit.h"
#include "scriptruntime.h"
#include "scriptwatchdog.h"

#include <QJSEngine>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

namespace {

using Trip = ScriptWatchdog::Trip;

constexpr qint64 memoryBound = qint64(256) << 20;

// Scripts that never give their thread back, as template expressions.
const QByteArray endlessLoop = "(function () { for (;;) {} })()";
const QByteArray endlessAllocation = "(function () { let a = []; for (;;) a.push('x'.repeat(1e6)); })()";

QJsonObject parsed(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

} // namespace

class TestRunawayScripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void watchdog_data();
    void watchdog();
    void watchdogCostOnTheNormalPath();
    void interruptionNeverLandsOnTheNextEvaluation();
    void isolation_data();
    void isolation();
    void nothingCarriesOverBetweenScripts_data();
    void nothingCarriesOverBetweenScripts();
    void runaway_data();
    void runaway();
    void othersServedMeanwhile();
};

void TestRunawayScripts::watchdog_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("deadlineMs"); // -1: none
    QTest::addColumn<int>("trip");
    QTest::addColumn<int>("maxMs");

    QTest::addRow("endless loop, deadline")
        << QString::fromLatin1(endlessLoop) << 200 << int(Trip::Deadline) << 2000;
    QTest::addRow("loop that catches, deadline")
        << u"(function () { for (;;) { try { for (;;) {} } catch (e) {} } })()"_s << 200
        << int(Trip::Deadline) << 2000;
    QTest::addRow("endless allocation, memory bound")
        << QString::fromLatin1(endlessAllocation) << -1 << int(Trip::Memory) << 10000;
    QTest::addRow("quick script") << u"[1, 2, 3].map(x => x * 2).join()"_s << 200 << int(Trip::None) << 1000;
}

void TestRunawayScripts::watchdog()
{
    QFETCH(QString, script);
    QFETCH(int, deadlineMs);
    QFETCH(int, trip);
    QFETCH(int, maxMs);
    ScriptWatchdog watchdog(ScriptWatchdog::Limits{memoryBound, 5});
    QJSEngine engine;
    watchdog.watchUntil(
        deadlineMs < 0 ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(deadlineMs));
    QElapsedTimer clock;
    clock.start();
    Trip tripped = Trip::None;
    {
        ScriptWatchdog::Guard guard(&watchdog, engine);
        engine.evaluate(script);
        tripped = guard.end();
    }
    const qint64 tookMs = clock.elapsed();
    qInfo("%s: %lld ms", QTest::currentDataTag(), tookMs);
    QCOMPARE(int(tripped), trip);
    QCOMPARE(int(watchdog.takeTrip()), trip);
    QCOMPARE(int(watchdog.takeTrip()), int(Trip::None)); // taken once
    QVERIFY2(tookMs < maxMs, qPrintable(QString::number(tookMs)));
    if (trip == int(Trip::Deadline))
        QVERIFY(tookMs >= deadlineMs - 5);
    // the engine serves the next evaluation
    QVERIFY(!engine.isInterrupted());
    engine.collectGarbage();
    QCOMPARE(engine.evaluate(u"'x'.repeat(3) + (40 + 2)"_s).toString(), u"xxx42"_s);
}

void TestRunawayScripts::watchdogCostOnTheNormalPath()
{
    // many short evaluations, as a busy worker runs them: none is interrupted, and guarding costs
    // little next to the evaluation itself
    ScriptWatchdog watchdog(ScriptWatchdog::Limits{memoryBound, 1});
    QJSEngine engine;
    const QJSValue function = engine.evaluate(u"(function (n) { return n + 1; })"_s);
    watchdog.watchUntil(QDeadlineTimer(60000));
    constexpr int count = 200000;
    QElapsedTimer clock;
    clock.start();
    double sum = 0;
    for (int i = 0; i < count; ++i)
        sum += function.call({i}).toNumber();
    const qint64 bareNs = clock.nsecsElapsed();
    clock.restart();
    int tripped = 0;
    for (int i = 0; i < count; ++i) {
        ScriptWatchdog::Guard guard(&watchdog, engine);
        sum += function.call({i}).toNumber();
        tripped += guard.end() != Trip::None;
    }
    const qint64 guardedNs = clock.nsecsElapsed();
    qInfo("per call: bare %.0f ns, guarded %.0f ns", double(bareNs) / count, double(guardedNs) / count);
    QCOMPARE(tripped, 0);
    QCOMPARE(sum, 2.0 * (double(count) * (count - 1) / 2 + count));
    QVERIFY(!engine.isInterrupted());
}

void TestRunawayScripts::interruptionNeverLandsOnTheNextEvaluation()
{
    // evaluations that end about when their deadline passes, so that the watchdog often fires
    // while they finish: the evaluation after each, with no deadline, is never interrupted
    ScriptWatchdog watchdog(ScriptWatchdog::Limits{0, 1});
    QJSEngine engine;
    const QJSValue spin = engine.evaluate(
        u"(function (ms) { const end = Date.now() + ms; let n = 0; while (Date.now() < end) ++n; return n; })"_s);
    const QJSValue add = engine.evaluate(u"(function (a, b) { return a + b; })"_s);
    int interrupted = 0;
    for (int i = 0; i < 400; ++i) {
        watchdog.watchUntil(QDeadlineTimer(1 + i % 3, Qt::PreciseTimer));
        {
            ScriptWatchdog::Guard guard(&watchdog, engine);
            spin.call({2});
            interrupted += guard.end() == Trip::Deadline;
        }
        QVERIFY(!engine.isInterrupted());
        watchdog.watchUntil(QDeadlineTimer(QDeadlineTimer::Forever));
        ScriptWatchdog::Guard guard(&watchdog, engine);
        const QJSValue sum = add.call({i, 1});
        QCOMPARE(guard.end(), Trip::None);
        QCOMPARE(sum.toInt(), i + 1);
    }
    qInfo("%d of 400 interrupted", interrupted);
    QVERIFY(interrupted > 0); // the race was run
}

void TestRunawayScripts::isolation_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("expected"); // "error: " and the start of the error when it fails

    // what a Node, a browser, a QML engine or a shell would give scripts: none of it is here
    for (const char *name :
        {"process", "require", "module", "exports", "XMLHttpRequest", "fetch", "WebSocket", "Qt", "print",
            "console", "importScripts", "load", "read", "readline", "quit", "setTimeout", "setInterval", "gc",
            "Deno", "Bun", "window", "document", "qsTr", "Worker", "WebAssembly"}) {
        QTest::addRow("typeof %s", name) << u"typeof %1"_s.arg(QLatin1StringView(name)) << u"undefined"_s;
    }
    QTest::addRow("Qt.include, guarded") << u"typeof (this.Qt && Qt.include)"_s << u"undefined"_s;
    // the global object holds the language's built-ins and nothing else
    QTest::addRow("nothing on the global object but ECMAScript")
        << u"Object.getOwnPropertyNames(Function('return this')()).filter(n => ![%1].includes(n)).join()"_s
               .arg(
                   u"'globalThis','Object','Function','Array','String','Boolean','Number','Symbol','Date',"
                   "'RegExp','Error','EvalError','RangeError','ReferenceError','SyntaxError','TypeError',"
                   "'URIError','Math','JSON','Reflect','Proxy','Promise','Map','WeakMap','Set','WeakSet',"
                   "'ArrayBuffer','SharedArrayBuffer','DataView','Atomics','Int8Array','Uint8Array',"
                   "'Uint8ClampedArray','Int16Array','Uint16Array','Int32Array','Uint32Array','Float32Array',"
                   "'Float64Array','NaN','Infinity','undefined','parseInt','parseFloat','isNaN','isFinite',"
                   "'decodeURI','decodeURIComponent','encodeURI','encodeURIComponent','escape','unescape',"
                   "'eval','URL','URLSearchParams'"_s)
        << QString();
    // env is the environment's variables, never the process's
    QTest::addRow("env holds the environment's variables")
        << u"JSON.stringify(env)"_s
        << uR"({"api.baseUrl":"http://127.0.0.1:1","plain":"value","api":{"baseUrl":"http://127.0.0.1:1"}})"_s;
    QTest::addRow("no process variable in env") << u"typeof env.JB_RUNAWAY_PROBE"_s << u"undefined"_s;
    QTest::addRow("no PATH in env") << u"typeof env.PATH"_s << u"undefined"_s;
    QTest::addRow("env is frozen")
        << u"(function () { 'use strict'; try { env.plain = 'x'; return 'changed'; } catch (e) { return e.name; } })()"_s
        << u"TypeError"_s;
    QTest::addRow("secrets are only the environment's") << u"Object.keys(secrets).join()"_s << u"token"_s;
    // the scope's own names, as the execution gives them
    QTest::addRow("request is the scope's") << u"request.path"_s << u"/probe"_s;
    QTest::addRow("eval sees no more")
        << u"eval('typeof process + typeof require')"_s << u"undefinedundefined"_s;
    QTest::addRow("Function sees no more")
        << u"Function('return typeof XMLHttpRequest + typeof Qt')()"_s << u"undefinedundefined"_s;
    QTest::addRow("dynamic import is refused")
        << u"(function () { try { import('/etc/passwd'); return 'imported'; } catch (e) { return 'refused'; } })()"_s
        << u"error: SyntaxError"_s;
}

void TestRunawayScripts::isolation()
{
    QFETCH(QString, expression);
    QFETCH(QString, expected);
    qputenv("JB_RUNAWAY_PROBE", "leaked");
    PipeEnvironment environment;
    environment.setVariable(u"api.baseUrl"_s, u"http://127.0.0.1:1"_s);
    environment.setVariable(u"plain"_s, u"value"_s);
    environment.setSecret(u"token"_s, u"s3cret"_s);
    ScriptRuntime runtime(environment);
    ScriptRuntime::Scope scope;
    scope.request = runtime.toScript(QJsonObject{{u"path"_s, u"/probe"_s}});
    const Result<QJSValue> value = runtime.evaluateExpression(expression, scope);
    if (expected.startsWith(u"error: ")) {
        QVERIFY(!value.ok());
        QVERIFY2(value.errorString().startsWith(expected.mid(7)), qPrintable(value.errorString()));
        return;
    }
    QVERIFY2(value.ok(), qPrintable(value.errorString()));
    QCOMPARE(runtime.toText(value.value()), expected);
}

void TestRunawayScripts::nothingCarriesOverBetweenScripts_data()
{
    QTest::addColumn<QString>("first"); // what one script tries
    QTest::addColumn<QString>("then"); // what a later script sees
    QTest::addColumn<QString>("expected");

    QTest::addRow("an implicit global")
        << u"(function () { leak = 'secret'; return 1; })()"_s << u"typeof leak"_s << u"undefined"_s;
    QTest::addRow("a global through this")
        << u"(function () { this.leak = 'secret'; return 1; })()"_s << u"typeof leak"_s << u"undefined"_s;
    QTest::addRow("a replaced built-in")
        << u"(function () { JSON = { stringify: () => 'forged' }; return 1; })()"_s
        << u"JSON.stringify({a: 1})"_s << uR"({"a":1})"_s;
    QTest::addRow("a changed env") << u"(function () { env.plain = 'changed'; env.added = 1; return 1; })()"_s
                                   << u"env.plain + typeof env.added"_s << u"valueundefined"_s;
    QTest::addRow("a strict-mode global throws")
        << u"(function () { 'use strict'; try { this.x = 1; } catch (e) {} return 1; })()"_s
        << u"(function () { 'use strict'; try { Function('return this')().leak = 1; return 'set'; } catch (e) { return e.name; } })()"_s
        << u"TypeError"_s;
}

void TestRunawayScripts::nothingCarriesOverBetweenScripts()
{
    QFETCH(QString, first);
    QFETCH(QString, then);
    QFETCH(QString, expected);
    PipeEnvironment environment;
    environment.setVariable(u"plain"_s, u"value"_s);
    ScriptRuntime runtime(environment);
    const Result<QJSValue> tried = runtime.evaluateExpression(first, {});
    QVERIFY2(tried.ok(), qPrintable(tried.errorString()));
    const Result<QJSValue> seen = runtime.evaluateExpression(then, {});
    QVERIFY2(seen.ok(), qPrintable(seen.errorString()));
    QCOMPARE(runtime.toText(seen.value()), expected);
}

void TestRunawayScripts::runaway_data()
{
    QTest::addColumn<bool>("event"); // run by an event pipe rather than served over REST
    QTest::addColumn<QByteArray>("steps");
    QTest::addColumn<int>("timeoutMs");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code"); // the execution's error code
    QTest::addColumn<QString>("message"); // a part of the error's message
    QTest::addColumn<int>("maxMs");

    const auto set = [](const QByteArray &expression) -> QByteArray {
        return R"([{"id": "s", "type": "set", "value": "{{ )" + expression + R"( }}"}])";
    };
    const QString late = u"the pipe did not finish within 400 ms"_s;
    struct Kind
    {
        const char *name;
        QByteArray steps;
        int timeoutMs;
        int status;
        QString code;
        QString message;
        int maxMs;
    };
    const QList<Kind> kinds{
        {"endless loop in a template", set(endlessLoop), 400, 504, u"pipe-timeout"_s, late, 3000},
        {"endless loop in a condition",
            R"j([{"id": "c", "type": "choice", "when": [{"condition": "(function () { while (true) {} })()", "steps": []}]}])j",
            400, 504, u"pipe-timeout"_s, late, 3000},
        {"endless loop in the items of a for-each",
            R"([{"id": "f", "type": "for-each", "items": "{{ )" + endlessLoop
                + R"( }}", "steps": [{"id": "s", "type": "set", "value": "{{ item }}"}]}])",
            400, 504, u"pipe-timeout"_s, late, 3000},
        {"endless loop in a for-each item",
            R"([{"id": "f", "type": "for-each", "items": "{{ [1, 2, 3] }}", "steps": [
                {"id": "s", "type": "set", "value": "{{ item === 2 ? )"
                + endlessLoop + R"( : item }}"}]}])",
            400, 504, u"pipe-timeout"_s, late, 3000},
        {"loop that catches the interruption",
            set("(function () { for (;;) { try { for (;;) {} } catch (e) {} } })()"), 400, 504,
            u"pipe-timeout"_s, late, 3000},
        {"getter run by the answer's JSON",
            R"([{"id": "r", "type": "respond", "body": "{{ ({ get x() { for (;;) {} } }) }}"}])", 400, 504,
            u"pipe-timeout"_s, late, 3000},
        {"getter in the last message (its trace and JSON)", set("({ get x() { for (;;) {} } })"), 400, 504,
            u"pipe-timeout"_s, late, 3000},
        // the deadline is far: the memory bound stops it
        {"endless allocation", set(endlessAllocation), 20000, 500, u"script-memory"_s,
            u"grew the memory by more than 256 MiB"_s, 10000},
        // the engine's own stack limit: an error, as any failing expression
        {"endless recursion", set("(function f() { return f(); })()"), 20000, 500, u"expression-error"_s,
            u"RangeError"_s, 10000},
    };
    for (const Kind &kind : kinds) {
        for (const bool event : {false, true}) {
            QTest::addRow("%s, %s", kind.name, event ? "event" : "rest")
                << event << kind.steps << kind.timeoutMs << kind.status << kind.code << kind.message
                << kind.maxMs;
        }
    }
}

void TestRunawayScripts::runaway()
{
    QFETCH(bool, event);
    QFETCH(QByteArray, steps);
    QFETCH(int, timeoutMs);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(int, maxMs);

    const QByteArray trigger = QByteArray(event ? R"({"type": "event", "event": "go", )"
                                                : R"({"type": "rest", "method": "GET", "path": "/run", )")
        + R"("timeoutMs": )" + QByteArray::number(timeoutMs) + '}';
    const QList<QByteArray> pipes{
        R"({"id": "run", "trigger": )" + trigger + R"(, "errorEvent": "errors", "steps": )" + steps + '}',
        R"({"id": "pub", "trigger": {"type": "rest", "method": "GET", "path": "/pub"}, "steps": [
            {"id": "p", "type": "publish", "event": "go", "body": {"n": 1}},
            {"id": "r", "type": "respond", "status": 202, "body": "published"}]})",
        R"({"id": "ok", "trigger": {"type": "rest", "method": "GET", "path": "/ok/{n}"}, "steps": [
            {"id": "c", "type": "choice", "when": [{"condition": "request.params.n > 2", "steps": [
                {"id": "big", "type": "set", "value": {"n": "{{ Number(request.params.n) }}", "big": true}}]}]},
            {"id": "r", "type": "respond", "body": "{{ [1, 2, 3].map(x => x * Number(request.params.n)) }}"}]})"};
    auto catalog = std::make_shared<PipeCatalog>();
    for (const QByteArray &json : pipes) {
        Result<PipeDefinition> pipe = PipeDefinition::fromJson(object(json));
        QVERIFY2(pipe.ok(), qPrintable(pipe.errorString()));
        catalog->add(std::move(pipe).value());
    }
    QTemporaryDir storeDir;
    PipeEngine::Options options;
    options.workers = 1; // the normal request afterwards runs on the worker the runaway held
    // traced on REST, not on events: a getter is read by the trace's copy in one, by the JSON of
    // the answer in the other
    options.trace = !event;
    options.storeFile = storeDir.filePath(u"events.sqlite"_s);
    options.scriptMemoryBytes = memoryBound;
    PipeEngine engine(catalog, PipeEnvironment(), options);
    PipeHost host(engine);
    QVERIFY(host.listen(QHostAddress::LocalHost, 0).ok());

    std::optional<PipeResult> ran;
    connect(&engine, &PipeEngine::executionFinished, this, [&ran](const PipeResult &result) {
        if (result.pipeId == u"run")
            ran = result;
    });
    QElapsedTimer clock;
    clock.start();
    LoadClient client(host.port(), {event ? "/pub" : "/run"}, 1);
    QVERIFY(client.wait(maxMs + 5000));
    const LoadClient::Answer answer = client.answers().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(ran.has_value(), maxMs + 5000);
    const qint64 tookMs = clock.elapsed();
    qInfo("%s: %s after %lld ms", QTest::currentDataTag(), qPrintable(ran->error ? ran->error->code : u"-"_s),
        tookMs);

    QVERIFY2(ran->error, ran->body.constData());
    QCOMPARE(ran->error->code, code);
    QVERIFY2(ran->error->message.contains(message), qPrintable(ran->error->message));
    QCOMPARE(ran->status, status);
    QVERIFY2(tookMs < maxMs, qPrintable(QString::number(tookMs)));
    if (status == 504)
        QVERIFY2(tookMs >= timeoutMs - 20, qPrintable(QString::number(tookMs)));
    if (event) {
        QCOMPARE(answer.status, 202);
        // the stored event is the failed one: the event pipe's answer goes nowhere else
        QTRY_VERIFY(engine.runningExecutions() == 0);
        EventStore store(engine.storeFile());
        EventFilter filter;
        filter.name = u"go"_s;
        const Result<QList<StoredEvent>> events = store.list(filter);
        QVERIFY(events.ok());
        QCOMPARE(events.value().size(), 1);
        QCOMPARE(events.value().constFirst().status, u"failed"_s);
    } else {
        QCOMPARE(answer.status, status);
        const QJsonObject body = parsed(answer.body);
        QVERIFY2(body.value(u"error"_s).toString().contains(message), answer.body.constData());
        QCOMPARE(body.value(u"executionKey"_s).toString(), ran->executionKey);
        if (status == 504) {
            // exactly the trigger timeout's answer
            QCOMPARE(withoutKeys(QString::fromUtf8(answer.body)),
                u"{\"error\":\"%1\",\"executionKey\":\"KEY\"}"_s.arg(message));
            QVERIFY2(answer.headers.contains("\r\nContent-Type: application/json; charset=utf-8"),
                answer.headers.constData());
        }
    }

    // the same worker, its engine uninterrupted, serves the next request correctly
    LoadClient after(host.port(), {"/ok/3"}, 1);
    QVERIFY(after.wait(5000));
    QCOMPARE(after.answers().constFirst().status, 200);
    QCOMPARE(after.answers().constFirst().body, QByteArray("[3,6,9]"));
}

void TestRunawayScripts::othersServedMeanwhile()
{
    // two workers: while one is held by an endless loop until its deadline, the other answers
    const QList<QByteArray> pipes{
        R"({"id": "run", "trigger": {"type": "rest", "method": "GET", "path": "/run", "timeoutMs": 3000},
            "steps": [{"id": "s", "type": "set", "value": "{{ )"
            + endlessLoop + R"( }}"}]})",
        R"({"id": "ok", "trigger": {"type": "rest", "method": "GET", "path": "/ok"}, "steps": [
            {"id": "r", "type": "respond", "body": "{{ 'fine' }}"}]})"};
    EngineHarness harness(pipes, {}, 2, false);
    PipeHost host(*harness.engine);
    QVERIFY(host.listen(QHostAddress::LocalHost, 0).ok());
    QElapsedTimer clock;
    clock.start();
    LoadClient runaway(host.port(), {"/run"}, 1);
    QTest::qWait(100); // the loop has the first worker
    // round robin: the next request goes to the free worker
    LoadClient other(host.port(), {"/ok"}, 1);
    QVERIFY(other.wait(10000));
    const qint64 otherMs = clock.elapsed();
    QCOMPARE(runaway.done(), 0); // still looping
    QVERIFY(runaway.wait(10000));
    const qint64 runawayMs = clock.elapsed();
    qInfo("the other answered after %lld ms, the runaway after %lld ms", otherMs, runawayMs);
    QCOMPARE(other.answers().constFirst().status, 200);
    QCOMPARE(other.answers().constFirst().body, QByteArray("fine"));
    QVERIFY2(otherMs < 2000, qPrintable(QString::number(otherMs)));
    QCOMPARE(runaway.answers().constFirst().status, 504);
    QVERIFY2(runawayMs >= 2980 && runawayMs < 6000, qPrintable(QString::number(runawayMs)));
    // and the held worker, free again, answers too
    LoadClient both(host.port(), {"/ok", "/ok"}, 1);
    QVERIFY(both.wait(5000));
    QCOMPARE(both.answers().at(0).status, 200);
    QCOMPARE(both.answers().at(1).status, 200);
}

QTEST_GUILESS_MAIN(TestRunawayScripts)
#include "tst_runawayscripts.moc"
