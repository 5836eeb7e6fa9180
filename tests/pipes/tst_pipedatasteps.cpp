// The data steps: map (a project mapping, its contract's validation), database (bound parameters
// through QtSql on a temporary SQLite file) and for-each (counts, per-item results and its own
// onException), then the sample's customer-sync end to end against a consumer on loopback.
#include "mockserver.h"
#include "pipetestkit.h"
#include "projectloader.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

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

PipeRequest post(const QJsonValue &body)
{
    PipeRequest request;
    request.method = u"POST"_s;
    request.path = u"/p"_s;
    request.body = body;
    return request;
}

QJsonValue json(const QByteArray &text)
{
    return QJsonDocument::fromJson("[" + text + "]").array().at(0);
}

QString compact(const QByteArray &body)
{
    return QString::fromUtf8(QJsonDocument::fromJson(body).toJson(QJsonDocument::Compact));
}

// Runs SQL on a file through a connection of its own, removed after.
bool runSql(const QString &file, const QStringList &statements)
{
    const QString name = u"tst-pipedatasteps-setup"_s;
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &statement : statements)
            ok = ok && query.exec(statement);
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

int countRows(const QString &file, const QString &table)
{
    const QString name = u"tst-pipedatasteps-count"_s;
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"SELECT COUNT(*) FROM "_s + table) && query.next())
                count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace

class TestPipeDataSteps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sampleCatalog();
    void missingReferencesLeaveThePipeOut();
    void mapStep_data();
    void mapStep();
    void databaseStep_data();
    void databaseStep();
    void forEach_data();
    void forEach();
    void forEachTrace();
    void customerSync();

private:
    std::shared_ptr<PipeCatalog> catalog() const
    {
        auto catalog = std::make_shared<PipeCatalog>(PipeCatalog::fromProject(m_project));
        DatabaseSpec scratch;
        scratch.id = u"scratch"_s;
        scratch.driver = u"QSQLITE"_s;
        scratch.database = m_dir.filePath(u"scratch.sqlite"_s);
        catalog->addDatabase(scratch);
        return catalog;
    }

    QTemporaryDir m_dir;
    ProjectData m_project;
};

void TestPipeDataSteps::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<ProjectLoad> load = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(load, qPrintable(load.errorString()));
    m_project = load.value().data;
    QVERIFY(runSql(m_dir.filePath(u"scratch.sqlite"_s),
        {u"CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, city TEXT)"_s,
            u"INSERT INTO people VALUES (1, 'Ana', 'Recife'), (2, 'Bruno', 'Recife'), (3, 'Carla', 'Natal'),"
            " (4, 'Davi', 'Recife')"_s}));
}

void TestPipeDataSteps::sampleCatalog()
{
    const PipeCatalog catalog = PipeCatalog::fromProject(m_project);
    QCOMPARE(catalog.problems(), QStringList());
    QVERIFY(catalog.pipe(u"customer-sync"_s));
    QVERIFY(catalog.mappings().plan(u"customers"_s));
    QVERIFY(catalog.database(u"customers-sqlite"_s));
    QVERIFY(catalog.database(u"customers-sqlite"_s)->database.endsWith(u"/data/customers.sqlite"_s));
}

void TestPipeDataSteps::missingReferencesLeaveThePipeOut()
{
    ProjectData project = m_project;
    EntityRecord broken;
    broken.kind = u"pipe"_s;
    broken.path = u"pipes/broken.json"_s;
    broken.data = object(pipe(R"([{"id": "each", "type": "for-each", "items": "{{ [] }}",
        "steps": [{"id": "m", "type": "map", "mapping": "nowhere"}]}])"));
    broken.data.insert(u"id"_s, u"broken"_s);
    project.entities.append(broken);
    const PipeCatalog catalog = PipeCatalog::fromProject(project);
    QCOMPARE(catalog.problems(),
        QStringList{
            u"pipes/broken.json: pipe \"broken\": step \"m\": no mapping \"nowhere\" in the project"_s});
    QVERIFY(!catalog.pipe(u"broken"_s));
    QVERIFY(catalog.pipe(u"customer-sync"_s));
}

void TestPipeDataSteps::mapStep_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("expected");

    QTest::addRow("a dirty but valid row")
        << QByteArray(R"({"customerid": 1001, "customername": "  maria aparecida da silva ",
            "customeraddress": "Praça da Sé, 100 - Sé, São Paulo - SP", "customerphone": "(11) 98765-4321",
            "customeremail": "Maria.Silva@Example.com"})")
        << uR"(200 {"id":"1001","name":"MARIA APARECIDA DA SILVA","address":"Praça da Sé, 100 - Sé, São Paulo - SP","phone":"+5511987654321","email":"maria.silva@example.com"})"_s;
    QTest::addRow("an e-mail without a domain")
        << QByteArray(
               R"({"customerid": 1006, "customername": "RAFAEL  COSTA  PEREIRA", "customeraddress": null,
            "customerphone": "(11) 3032-1122", "customeremail": "rafael.pereira@example"})")
        << uR"(500 data invalid mapped: map customers (contract portal-customer): email: does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$ [{"field":"email","rule":"does not match ^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"}])"_s;
    QTest::addRow("a phone without its DDD, no e-mail")
        << QByteArray(R"({"customerid": 1015, "customername": "Larissa", "customerphone": "98877-6655"})")
        << uR"(500 data invalid mapped: map customers (contract portal-customer): phone: not a Brazilian phone number "98877-6655": 9 digits; expected a DDD and 8 or 9 digits; email: required [{"field":"phone","rule":"not a Brazilian phone number \"98877-6655\": 9 digits; expected a DDD and 8 or 9 digits"},{"field":"email","rule":"required"}])"_s;
    QTest::addRow("not a record") << QByteArray(
        R"("1001")") << u"500 data invalid mapped: map customers: the input is not an object (a record) []"_s;
}

void TestPipeDataSteps::mapStep()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, expected);
    EngineHarness harness(catalog(), {pipe(R"([{"id": "mapped", "type": "map", "mapping": "customers",
        "input": "{{ request.body }}"}])")});
    const std::optional<PipeResult> result = harness.run(u"p"_s, post(json(input)));
    QVERIFY(result);
    QString actual = QString::number(result->status) + u' ';
    if (result->error) {
        const PipeError &error = *result->error;
        const QJsonObject output = result->trace.entries.constFirst().output.toObject();
        actual += PipeError::className(error.errorClass) + u' ' + error.code + u' ' + error.step + u": "_s
            + error.message + u' '
            + QString::fromUtf8(
                QJsonDocument(output.value(u"errors"_s).toArray()).toJson(QJsonDocument::Compact));
    } else {
        actual += QString::fromUtf8(result->body);
    }
    QCOMPARE(actual, expected);
}

void TestPipeDataSteps::databaseStep_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");

    QTest::addRow("named parameters") << QByteArray(
        R"({"database": "scratch", "query": "SELECT id, name FROM people WHERE city = :city AND id >= :min ORDER BY id",
            "params": {"city": "{{ request.body.city }}", "min": "{{ request.body.min }}"}})")
                                      << QByteArray(R"({"city": "Recife", "min": 2})")
                                      << uR"({"rows":[{"id":2,"name":"Bruno"},{"id":4,"name":"Davi"}]})"_s;
    QTest::addRow("positional parameters") << QByteArray(
        R"({"database": "{{ 'scr' + 'atch' }}", "query": "SELECT name FROM people WHERE id = ? OR id = ? ORDER BY id",
            "params": ["{{ request.body[0] }}", 3]})")
                                           << QByteArray("[1]")
                                           << uR"({"rows":[{"name":"Ana"},{"name":"Carla"}]})"_s;
    QTest::addRow("a bound value is never SQL") << QByteArray(
        R"({"database": "scratch", "query": "SELECT name FROM people WHERE city = :city", "params": {"city": "{{ request.body }}"}})")
                                                << QByteArray(R"("x' OR '1'='1")") << uR"({"rows":[]})"_s;
    QTest::addRow("no rows is an empty list")
        << QByteArray(R"({"database": "scratch", "query": "SELECT name FROM people WHERE id > 100"})")
        << QByteArray("null") << uR"({"rows":[]})"_s;
    QTest::addRow("an unknown column")
        << QByteArray(R"({"database": "scratch", "query": "SELECT nope FROM people"})") << QByteArray("null")
        << uR"({"code":"query-error","error":{"class":"data","code":"query-error","message":"database scratch: the query does not prepare: no such column: nope Unable to execute statement","retriable":false,"step":"q"},"success":false})"_s;
    QTest::addRow("an unknown table")
        << QByteArray(
               R"({"database": "scratch", "query": "SELECT * FROM nowhere WHERE id = ?", "params": [1]})")
        << QByteArray("null")
        << uR"({"code":"query-error","error":{"class":"data","code":"query-error","message":"database scratch: the query does not prepare: no such table: nowhere Unable to execute statement","retriable":false,"step":"q"},"success":false})"_s;
    QTest::addRow("more rows than maxRows")
        << QByteArray(R"({"database": "scratch", "query": "SELECT id FROM people", "maxRows": 3})")
        << QByteArray("null")
        << uR"x({"code":"too-large","error":{"class":"volume","code":"too-large","message":"database scratch: the query returns more than 3 rows (maxRows)","retriable":false,"step":"q"},"success":false})x"_s;
    QTest::addRow("read-only unless asked")
        << QByteArray(R"({"database": "scratch", "query": "DELETE FROM people"})") << QByteArray("null")
        << uR"({"code":"query-error","error":{"class":"data","code":"query-error","message":"database scratch: query failed: attempt to write a readonly database Unable to fetch row","retriable":false,"step":"q"},"success":false})"_s;
    QTest::addRow("an unknown database")
        << QByteArray(R"({"database": "{{ 'nowhere' }}", "query": "SELECT 1"})") << QByteArray("null")
        << uR"({"error":{"class":"data","code":"invalid","message":"database: the project has no database \"nowhere\"","retriable":false,"step":"q"},"success":false})"_s;
}

void TestPipeDataSteps::databaseStep()
{
    QFETCH(QByteArray, step);
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QJsonObject settings = object(step);
    settings.insert(u"id"_s, u"q"_s);
    settings.insert(u"type"_s, u"database"_s);
    settings.insert(u"failOnError"_s, u"continue"_s);
    const QByteArray steps = QJsonDocument(QJsonArray{settings}).toJson(QJsonDocument::Compact);
    EngineHarness harness(catalog(), {pipe(steps)});
    const std::optional<PipeResult> result = harness.run(u"p"_s, post(json(body)));
    QVERIFY(result);
    QCOMPARE(result->status, 200);
    QCOMPARE(compact(result->body), expected);
    // the step's connection was removed on the thread that made it
    QVERIFY(!QSqlDatabase::connectionNames().join(u' ').contains(u"jb-contracts"_s));
}

void TestPipeDataSteps::forEach_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("handler");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("events");

    const QByteArray report
        = R"("onException": [{"id": "report", "type": "publish", "event": "bad-items", "body": "{{ ({index: index, item: item, code: error.code}) }}"}])";
    QTest::addRow("every item fine")
        << QByteArray("[1, 2]") << report
        << uR"({"failed":0,"results":[{"index":0,"output":10,"success":true},{"index":1,"output":20,"success":true}],"succeeded":2,"total":2})"_s
        << 0;
    QTest::addRow("failed items go to its onException")
        << QByteArray(R"([1, "x", 3, "y"])") << report
        << uR"({"failed":2,"results":[{"index":0,"output":10,"success":true},{"error":{"class":"data","code":"invalid","message":"\"x\" does not match ^[0-9]+$","retriable":false,"step":"number"},"index":1,"success":false},{"index":2,"output":30,"success":true},{"error":{"class":"data","code":"invalid","message":"\"y\" does not match ^[0-9]+$","retriable":false,"step":"number"},"index":3,"success":false}],"succeeded":2,"total":4})"_s
        << 2;
    QTest::addRow("a failing onException does not stop the loop")
        << QByteArray(R"(["x", 2])")
        << QByteArray(R"("onException": [{"id": "broken", "type": "set", "value": "{{ nothing.here }}"}])")
        << uR"({"failed":1,"results":[{"error":{"class":"data","code":"invalid","message":"\"x\" does not match ^[0-9]+$","retriable":false,"step":"number"},"handlerError":{"class":"data","code":"expression-error","message":"ReferenceError: nothing is not defined in {{ nothing.here }}","retriable":false,"step":"broken"},"index":0,"success":false},{"index":1,"output":20,"success":true}],"succeeded":1,"total":2})"_s
        << 0;
    QTest::addRow("no onException")
        << QByteArray(R"(["x"])") << QByteArray()
        << uR"({"failed":1,"results":[{"error":{"class":"data","code":"invalid","message":"\"x\" does not match ^[0-9]+$","retriable":false,"step":"number"},"index":0,"success":false}],"succeeded":0,"total":1})"_s
        << 0;
    QTest::addRow("an empty array") << QByteArray("[]") << report
                                    << uR"({"failed":0,"results":[],"succeeded":0,"total":0})"_s << 0;
}

void TestPipeDataSteps::forEach()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, handler);
    QFETCH(QString, expected);
    QFETCH(int, events);
    const QByteArray loop = R"([{"id": "loop", "type": "for-each", "items": "{{ request.body }}", "steps": [
        {"id": "number", "type": "validate", "value": "{{ String(item) }}", "regex": "^[0-9]+$"},
        {"id": "times-ten", "type": "set", "value": "{{ item * 10 }}"}])"
        + (handler.isEmpty() ? QByteArray() : ", " + handler) + "}]";
    EngineHarness harness(catalog(), {pipe(loop)});
    const std::optional<PipeResult> result = harness.run(u"p"_s, post(json(body)));
    QVERIFY(result);
    QVERIFY(!result->error);
    QCOMPARE(result->status, 200);
    QCOMPARE(compact(result->body), expected);
    QVERIFY(harness.settle());
    EventFilter filter;
    filter.name = u"bad-items"_s;
    const QList<StoredEvent> stored = harness.events(filter);
    QCOMPARE(stored.size(), events);
    for (const StoredEvent &event : stored)
        QCOMPARE(event.payload.value(u"code"_s).toString(), u"invalid"_s);
    // an item's failure is the item's: the pipe itself published no error event
    filter.name = u"errors"_s;
    QCOMPARE(harness.events(filter).size(), 0);
}

void TestPipeDataSteps::forEachTrace()
{
    EngineHarness harness(catalog(), {pipe(R"([{"id": "loop", "type": "for-each", "items": "{{ [7, 'x'] }}",
        "steps": [{"id": "number", "type": "validate", "value": "{{ String(item) }}", "regex": "^[0-9]+$"},
                  {"id": "echo", "type": "set", "value": "{{ index }}"}],
        "onException": [{"id": "note", "type": "log", "message": "item {{ index }}: {{ error.message }}"}]},
        {"id": "after", "type": "set", "value": "{{ steps.loop.failed }}"}])")});
    const std::optional<PipeResult> result = harness.run(u"p"_s, post(QJsonValue()));
    QVERIFY(result);
    QCOMPARE(result->trace.toText(), uR"([ok] loop (for-each)
    in:  {"items":[7,"x"]}
    out: {"failed":1,"results":[{"index":0,"output":0,"success":true},{"error":{"class":"data","code":"invalid","message":"\"x\" does not match ^[0-9]+$","retriable":false,"step":"number"},"index":1,"success":false}],"succeeded":1,"total":2}
  [ok] number (validate)
      in:  {"regex":"^[0-9]+$","value":"7"}
      out: {"success":true,"value":"7"}
  [ok] echo (set)
      in:  {"value":0}
      out: 0
  [failed] number (validate)
      in:  {"regex":"^[0-9]+$","value":"x"}
      out: {"error":{"class":"data","code":"invalid","message":"\"x\" does not match ^[0-9]+$","retriable":false,"step":"number"},"success":false,"value":"x"}
  [skipped] echo (set)
  [ok] note (log) on exception
      in:  {"level":"info","message":"item 1: \"x\" does not match ^[0-9]+$"}
      out: {"level":"info","message":"item 1: \"x\" does not match ^[0-9]+$"}
      log info: item 1: "x" does not match ^[0-9]+$
[ok] after (set)
    in:  {"value":1}
    out: 1
)"_s);
}

void TestPipeDataSteps::customerSync()
{
    // the portal: 201 for a customer it does not know, 422 for the two it already has
    MockServer portal;
    QList<QJsonObject> received;
    const QSet<QString> known = {u"1003"_s, u"1010"_s};
    portal.setAsyncHandler([&](const HttpRequest &request, const MockServer::Answer &answer) {
        if (request.method != "POST" || request.path != "/api/v1/customers")
            return false; // the routes answer 404
        if (request.header("authorization") != "Bearer t0ken") {
            answer(MockResponse::withBody(401, "application/json", R"({"error": "who are you?"})"));
            return true;
        }
        const QJsonObject customer = QJsonDocument::fromJson(request.body).object();
        const QString id = customer.value(u"id"_s).toString();
        if (id.isEmpty() || known.contains(id)) {
            answer(
                MockResponse::withBody(422, "application/json", R"({"error": "customer already exists"})"));
            return true;
        }
        received.append(customer);
        answer(MockResponse::withBody(201, "application/json", R"({"created": true})"));
        return true;
    });
    QVERIFY(portal.start());

    const Result<PipeEnvironment> environment = PipeEnvironment::fromProject(m_project, u"test"_s,
        {{u"portal.baseUrl"_s, portal.baseUrl().toString() + u"/api/v1/"_s}},
        [](const QString &name) { return name == u"customer-portal-token" ? u"t0ken"_s : QString(); });
    QVERIFY2(environment, qPrintable(environment.errorString()));
    EngineHarness harness(catalog(), {}, environment.value(), 2);
    PipeRequest request;
    request.method = u"POST"_s;
    request.path = u"/customer-sync"_s;
    const std::optional<PipeResult> result = harness.run(u"customer-sync"_s, request, 60000);
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(result->error ? result->error->message : QString()));
    QCOMPARE(result->status, 200);
    const QJsonObject counts = QJsonDocument::fromJson(result->body).object();

    const int rows = countRows(QStringLiteral(JB_SAMPLE_DIR "/data/customers.sqlite"), u"customers"_s);
    QCOMPARE(rows, 20);
    const int sent = counts.value(u"sent"_s).toInt(-1);
    const int rejected = counts.value(u"rejected"_s).toInt(-1);
    QCOMPARE(sent + rejected, rows);
    QCOMPARE(counts.value(u"errored"_s).toInt(-1), 0);
    QCOMPARE(sent, received.size());
    // the portal got each valid customer once: every id but the invalid rows and the known ones
    QSet<QString> sentIds;
    for (const QJsonObject &customer : std::as_const(received))
        sentIds.insert(customer.value(u"id"_s).toString());
    QCOMPARE(sentIds.size(), received.size());
    QVERIFY(!sentIds.contains(u"1006"_s) && !sentIds.contains(u"1015"_s) && !sentIds.contains(u"1003"_s));

    // each rejected record is an error event of this execution, handled by the shared treatment pipe
    QVERIFY(harness.settle());
    const QStringList rejections = harness.customerSyncRejections(result->executionKey);
    QCOMPARE(rejections.size(), rejected);
    QCOMPARE(rejections,
        (QStringList{u"1003 post client-error data handled"_s, u"1006 mapped invalid data handled"_s,
            u"1010 post client-error data handled"_s, u"1015 mapped invalid data handled"_s}));
}

QTEST_GUILESS_MAIN(TestPipeDataSteps)
#include "tst_pipedatasteps.moc"
