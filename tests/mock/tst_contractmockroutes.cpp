#include "contractmockroutes.h"
#include "mockrouter.h"
#include "pathtemplate.h"
#include "projectloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using Parameters = jb::PathTemplate::Parameters;

namespace jb {

class TestContractMockRoutes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathTemplate_data();
    void pathTemplate();
    void badPathTemplate_data();
    void badPathTemplate();
    void jsonSubset_data();
    void jsonSubset();
    void rules_data();
    void rules();
    void ruleJsonRoundTrip();
    void badRuleJson_data();
    void badRuleJson();
    void endpointPath_data();
    void endpointPath();
    void defaultRules();
    void defaultRulesOfTheSample();
    void routerAnswers404();
    void validatingRule_data();
    void validatingRule();
    void validatingRuleKeepsABoundedHistory();
    void validatingRuleNeedsItsContract();

private:
    static QList<EntityRecord> sampleEntities();
    static QList<MockRule> sampleRules();
};

void TestContractMockRoutes::pathTemplate_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<Parameters>("parameters");
    QTest::addRow("literal") << u"/api/v1/customers"_s << QByteArray("/api/v1/customers") << true
                             << Parameters();
    QTest::addRow("literal, trailing slash sent")
        << u"/api/v1/customers"_s << QByteArray("/api/v1/customers/") << true << Parameters();
    QTest::addRow("trailing slash in template") << u"/ws/{cep}/json/"_s << QByteArray("/ws/01001000/json")
                                                << true << Parameters{{u"cep"_s, u"01001000"_s}};
    QTest::addRow("one parameter") << u"/api/v1/customers/{id}"_s << QByteArray("/api/v1/customers/1001")
                                   << true << Parameters{{u"id"_s, u"1001"_s}};
    QTest::addRow("decoded parameter") << u"/consultaCEP/{cep}"_s << QByteArray("/consultaCEP/95010%2010")
                                       << true << Parameters{{u"cep"_s, u"95010 10"_s}};
    QTest::addRow("two parameters") << u"/a/{x}/b/{y}"_s << QByteArray("/a/1/b/2") << true
                                    << Parameters{{u"x"_s, u"1"_s}, {u"y"_s, u"2"_s}};
    QTest::addRow("empty parameter") << u"/api/v1/customers/{id}"_s << QByteArray("/api/v1/customers/")
                                     << false << Parameters();
    QTest::addRow("empty segment") << u"/ws/{cep}/json/"_s << QByteArray("/ws//json/") << false
                                   << Parameters();
    QTest::addRow("too long") << u"/api/v1/customers/{id}"_s << QByteArray("/api/v1/customers/1/x") << false
                              << Parameters();
    QTest::addRow("too short") << u"/api/v1/customers/{id}"_s << QByteArray("/api/v1") << false
                               << Parameters();
    QTest::addRow("other literal") << u"/api/v1/customers"_s << QByteArray("/api/v2/customers") << false
                                   << Parameters();
    QTest::addRow("case matters") << u"/consultaCEP/{cep}"_s << QByteArray("/consultacep/1") << false
                                  << Parameters();
    QTest::addRow("root") << u"/"_s << QByteArray("/") << true << Parameters();
    QTest::addRow("root is not a deeper path") << u"/"_s << QByteArray("/x") << false << Parameters();
    QTest::addRow("non-ASCII literal")
        << u"/cidades/São Paulo"_s << QByteArray("/cidades/S%C3%A3o%20Paulo") << true << Parameters();
}

void TestContractMockRoutes::pathTemplate()
{
    QFETCH(QString, pattern);
    QFETCH(QByteArray, path);
    QFETCH(bool, fits);
    QFETCH(Parameters, parameters);
    const Result<PathTemplate> parsed = PathTemplate::parse(pattern);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errorString()));
    QCOMPARE(parsed.value().matches(path), fits);
    const std::optional<Parameters> matched = parsed.value().match(path);
    QCOMPARE(matched.has_value(), fits);
    if (matched)
        QCOMPARE(*matched, parameters);
}

void TestContractMockRoutes::badPathTemplate_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("error");
    QTest::addRow("relative") << u"api/x"_s << u"must start with '/'"_s;
    QTest::addRow("empty") << QString() << u"must start with '/'"_s;
    QTest::addRow("partial parameter") << u"/files/{name}.json"_s << u"whole segment"_s;
    QTest::addRow("nested braces") << u"/a/{{x}}"_s << u"bad parameter"_s;
    QTest::addRow("twice") << u"/a/{x}/{x}"_s << u"appears twice"_s;
}

void TestContractMockRoutes::badPathTemplate()
{
    QFETCH(QString, pattern);
    QFETCH(QString, error);
    const Result<PathTemplate> parsed = PathTemplate::parse(pattern);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.errorString().contains(error), qPrintable(parsed.errorString()));
}

void TestContractMockRoutes::jsonSubset_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("subset");
    QTest::addRow("same") << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": 1})") << true;
    QTest::addRow("fewer keys") << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": 1, "b": 2})") << true;
    QTest::addRow("more keys") << QByteArray(R"({"a": 1, "b": 2})") << QByteArray(R"({"a": 1})") << false;
    QTest::addRow("other value") << QByteArray(R"({"a": 1})") << QByteArray(R"({"a": 2})") << false;
    QTest::addRow("other type") << QByteArray(R"({"a": "1"})") << QByteArray(R"({"a": 1})") << false;
    QTest::addRow("nested") << QByteArray(R"({"c": {"d": true}})")
                            << QByteArray(R"({"c": {"d": true, "e": 0}})") << true;
    QTest::addRow("nested mismatch") << QByteArray(R"({"c": {"d": true}})")
                                     << QByteArray(R"({"c": {"d": false}})") << false;
    QTest::addRow("array by position")
        << QByteArray(R"({"l": [{"x": 1}, 2]})") << QByteArray(R"({"l": [{"x": 1, "y": 0}, 2]})") << true;
    QTest::addRow("array length") << QByteArray(R"({"l": [1]})") << QByteArray(R"({"l": [1, 2]})") << false;
    QTest::addRow("empty pattern") << QByteArray("{}") << QByteArray(R"({"a": 1})") << true;
}

void TestContractMockRoutes::jsonSubset()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, value);
    QFETCH(bool, subset);
    QCOMPARE(MockRule::isJsonSubset(
                 QJsonDocument::fromJson(pattern).object(), QJsonDocument::fromJson(value).object()),
        subset);
}

QList<MockRule> TestContractMockRoutes::sampleRules()
{
    MockRule vip;
    vip.id = u"vip"_s;
    vip.method = u"POST"_s;
    vip.path = u"/api/v1/customers"_s;
    vip.bodyJson = QJsonObject{{u"tier"_s, u"vip"_s}};
    vip.status = 201;
    vip.headers = {{u"Content-Type"_s, u"application/json; charset=utf-8"_s}, {u"X-Rule"_s, u"vip"_s}};
    vip.body = u"{\"id\": \"vip\"}"_s;
    MockRule duplicate = vip;
    duplicate.id = u"duplicate"_s;
    duplicate.bodyJson = QJsonValue::Undefined;
    duplicate.bodyContains = u"maria.silva@example.com"_s;
    duplicate.status = 409;
    duplicate.headers = {{u"Content-Type"_s, u"application/json"_s}};
    duplicate.body = u"{\"error\": \"exists\"}"_s;
    MockRule created = vip;
    created.id = u"created"_s;
    created.bodyJson = QJsonValue::Undefined;
    created.headers = {{u"Location"_s, u"/api/v1/customers/1"_s}};
    created.body = QString();
    MockRule one;
    one.id = u"one"_s;
    one.path = u"/api/v1/customers/{id}"_s;
    one.headers = {{u"Content-Type"_s, u"application/json; charset=utf-8"_s}};
    one.body = u"{\"name\": \"MARIA\"}"_s;
    MockRule any;
    any.id = u"any"_s;
    any.method = u"*"_s;
    any.path = u"/health"_s;
    any.status = 204;
    return {vip, duplicate, created, one, any};
}

void TestContractMockRoutes::rules_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status"); // 0: no rule answers
    QTest::addColumn<QByteArray>("answer");
    QTest::addColumn<QString>("route");
    QTest::addRow("JSON subset") << QByteArray("POST") << QByteArray("/api/v1/customers")
                                 << QByteArray(R"({"name": "X", "tier": "vip"})") << 201
                                 << QByteArray("{\"id\": \"vip\"}") << u"POST /api/v1/customers"_s;
    QTest::addRow("JSON subset, wrong value falls through")
        << QByteArray("POST") << QByteArray("/api/v1/customers") << QByteArray(R"({"tier": "gold"})") << 201
        << QByteArray() << u"POST /api/v1/customers"_s;
    QTest::addRow("body not JSON falls through to substring")
        << QByteArray("POST") << QByteArray("/api/v1/customers")
        << QByteArray("email=maria.silva@example.com") << 409 << QByteArray("{\"error\": \"exists\"}")
        << u"POST /api/v1/customers"_s;
    QTest::addRow("no body match: the plain rule")
        << QByteArray("POST") << QByteArray("/api/v1/customers") << QByteArray("{}") << 201 << QByteArray()
        << u"POST /api/v1/customers"_s;
    QTest::addRow("template") << QByteArray("GET") << QByteArray("/api/v1/customers/42") << QByteArray()
                              << 200 << QByteArray("{\"name\": \"MARIA\"}")
                              << u"GET /api/v1/customers/{id}"_s;
    QTest::addRow("wrong method") << QByteArray("DELETE") << QByteArray("/api/v1/customers/42")
                                  << QByteArray() << 0 << QByteArray() << QString();
    QTest::addRow("any method") << QByteArray("DELETE") << QByteArray("/health") << QByteArray() << 204
                                << QByteArray() << u"* /health"_s;
    QTest::addRow("no path") << QByteArray("GET") << QByteArray("/nothing") << QByteArray() << 0
                             << QByteArray() << QString();
}

void TestContractMockRoutes::rules()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    QFETCH(QString, route);
    ContractMockRoutes routes;
    QVERIFY(routes.setRules(sampleRules()).ok());
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    const std::optional<MockResponse> response = routes.respond(request);
    QCOMPARE(response.has_value(), status != 0);
    if (!response)
        return;
    QCOMPARE(response->status, status);
    QCOMPARE(response->body, answer);
    QCOMPARE(response->route, route);
    // headers exactly as the rule lists them, then the length the transport adds
    const QByteArray length = "\r\nContent-Length: " + QByteArray::number(answer.size()) + "\r\n\r\n";
    QVERIFY(response->serialized().contains(length));
}

void TestContractMockRoutes::ruleJsonRoundTrip()
{
    const QList<MockRule> rules = sampleRules();
    const QByteArray json = MockRule::listToJson(rules);
    const Result<QList<MockRule>> back = MockRule::listFromJson(json);
    QVERIFY2(back.ok(), qPrintable(back.errorString()));
    QCOMPARE(back.value(), rules);
    QCOMPARE(MockRule::listToJson(back.value()), json); // stable bytes, fit for git
    QVERIFY(json.startsWith("[\n  {\n    \"id\": \"vip\",\n    \"method\": \"POST\",\n    \"path\": "));
}

void TestContractMockRoutes::badRuleJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::addRow("not an array") << QByteArray("{}") << u"must be a JSON array"_s;
    QTest::addRow("bad method") << QByteArray(R"([{"method": "FETCH", "path": "/a"}])")
                                << u"unknown method"_s;
    QTest::addRow("bad path") << QByteArray(R"([{"path": "a"}])") << u"mock rule 1: path template"_s;
    QTest::addRow("bad status") << QByteArray(R"([{"path": "/a", "response": {"status": 99}}])")
                                << u"\"status\""_s;
    QTest::addRow("validate without a contract")
        << QByteArray(R"([{"path": "/a", "validate": {"rejectStatus": 400}}])")
        << u"must name the contract"_s;
    QTest::addRow("bad reject status")
        << QByteArray(R"([{"path": "/a", "validate": {"contract": "c", "rejectStatus": 1000}}])")
        << u"\"rejectStatus\""_s;
    QTest::addRow("header injection")
        << QByteArray(R"([{"path": "/a", "response": {"headers": [{"name": "X", "value": "a\r\nb"}]}}])")
        << u"bad header"_s;
}

void TestContractMockRoutes::badRuleJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const Result<QList<MockRule>> rules = MockRule::listFromJson(json);
    QVERIFY(!rules.ok());
    QVERIFY2(rules.errorString().contains(error), qPrintable(rules.errorString()));
}

void TestContractMockRoutes::endpointPath_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("path");
    QTest::addRow("https URL") << u"https://127.0.0.1:8443/api/v1/customers"_s << u"/api/v1/customers"_s;
    QTest::addRow("template URL") << u"https://viacep.com.br/ws/{cep}/json/"_s << u"/ws/{cep}/json/"_s;
    QTest::addRow("query dropped") << u"http://h/x?y=1"_s << u"/x"_s;
    QTest::addRow("host only") << u"http://h"_s << u"/"_s;
    QTest::addRow("path template") << u"/consultaCEP/{cep}"_s << u"/consultaCEP/{cep}"_s;
    QTest::addRow("SQL") << u"SELECT a FROM b"_s << QString();
    QTest::addRow("SFTP") << u"sftp://h/in/*.csv"_s << QString();
    QTest::addRow("file mask") << u"orders_*.csv"_s << QString();
}

void TestContractMockRoutes::endpointPath()
{
    QFETCH(QString, endpoint);
    QFETCH(QString, path);
    QCOMPARE(ContractMockRoutes::endpointPath(endpoint), path);
}

void TestContractMockRoutes::defaultRules()
{
    auto entity = [](const QString &kind, const QJsonObject &data) {
        return EntityRecord{kind, kind + u"s/"_s + data.value("id"_L1).toString() + u".json"_s, data};
    };
    const QJsonArray examples{QJsonObject{{u"name"_s, u"First"_s}, {u"mediaType"_s, u"application/xml"_s},
                                  {u"content"_s, u"<a/>"_s}},
        QJsonObject{{u"name"_s, u"Second"_s}, {u"content"_s, u"{}"_s}}};
    const QList<EntityRecord> entities{
        entity(u"contract"_s, {{u"id"_s, u"with-examples"_s}, {u"examples"_s, examples}}),
        entity(u"contract"_s, {{u"id"_s, u"bare"_s}}),
        entity(u"service"_s,
            {{u"id"_s, u"orders"_s}, {u"kind"_s, u"api"_s}, {u"method"_s, u"POST"_s},
                {u"endpoint"_s, u"https://erp.example/orders/{id}?x=1"_s},
                {u"contract"_s, u"with-examples"_s}}),
        entity(u"service"_s,
            {{u"id"_s, u"no-example"_s}, {u"kind"_s, u"api"_s}, {u"method"_s, u"GET"_s},
                {u"endpoint"_s, u"/bare"_s}, {u"contract"_s, u"bare"_s}}),
        entity(u"service"_s,
            {{u"id"_s, u"table"_s}, {u"kind"_s, u"db-select"_s}, {u"method"_s, u"SELECT"_s},
                {u"endpoint"_s, u"SELECT 1"_s}, {u"contract"_s, u"with-examples"_s}}),
        entity(u"service"_s,
            {{u"id"_s, u"same-route"_s}, {u"kind"_s, u"web-service"_s}, {u"method"_s, u"POST"_s},
                {u"endpoint"_s, u"/orders/{id}"_s}, {u"contract"_s, u"with-examples"_s}}),
        entity(u"service"_s, {{u"id"_s, u"no-contract"_s}, {u"kind"_s, u"api"_s}, {u"endpoint"_s, u"/x"_s}}),
    };
    QStringList skipped;
    const QList<MockRule> rules = ContractMockRoutes::defaultRules(entities, &skipped);
    QCOMPARE(rules.size(), 1);
    QCOMPARE(rules.first().routeKey(), u"POST /orders/{id}"_s);
    QCOMPARE(rules.first().status, 200);
    QCOMPARE(rules.first().body, u"<a/>"_s);
    QCOMPARE(rules.first().headers,
        (QList<std::pair<QString, QString>>{{u"Content-Type"_s, u"application/xml; charset=utf-8"_s}}));
    QCOMPARE(rules.first().description, u"service orders: example \"First\" of contract with-examples"_s);
    QCOMPARE(skipped,
        (QStringList{u"service no-example: contract bare has no example"_s,
            u"service same-route: POST /orders/{id} is already mocked by an earlier service"_s,
            u"service no-contract: no contract"_s}));

    ContractMockRoutes routes;
    QVERIFY(routes.setRules(rules).ok());
    HttpRequest request;
    request.method = "POST";
    request.path = "/orders/7";
    const std::optional<MockResponse> response = routes.respond(request);
    QVERIFY(response);
    QCOMPARE(response->serialized(),
        QByteArray("HTTP/1.1 200 OK\r\nContent-Type: application/xml; charset=utf-8\r\nContent-Length: "
                   "4\r\n\r\n<a/>"));
}

void TestContractMockRoutes::defaultRulesOfTheSample()
{
    const Result<ProjectLoad> load = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(load.ok(), qPrintable(load.errorString()));
    const QList<MockRule> rules = ContractMockRoutes::defaultRules(load.value().data.entities);
    QStringList keys;
    for (const MockRule &rule : rules)
        keys.append(rule.routeKey());
    for (const QString &key :
        {u"GET /consultaCEP/{cep}"_s, u"POST /api/v1/customers"_s, u"GET /ws/{cep}/json/"_s})
        QVERIFY2(keys.contains(key), qPrintable(keys.join(u", "_s)));
    // a service that receives JSON stands in for its consumer: it validates instead of echoing an example
    const auto portal = std::find_if(
        rules.cbegin(), rules.cend(), [](const MockRule &r) { return r.id == u"customers-api"; });
    QVERIFY(portal != rules.cend());
    QCOMPARE(portal->validateContract, u"portal-customer"_s);
    QCOMPARE(portal->status, 201);
    QCOMPARE(portal->rejectStatus, 422);
    QCOMPARE(portal->body, QString());
    const auto billing = std::find_if(
        rules.cbegin(), rules.cend(), [](const MockRule &r) { return r.id == u"billing-invoices"; });
    QVERIFY(billing != rules.cend());
    QCOMPARE(billing->validateContract, u"billing-invoice"_s);
    // an XML consumer keeps its example: the validator reads JSON
    const auto logistics = std::find_if(
        rules.cbegin(), rules.cend(), [](const MockRule &r) { return r.id == u"logistics-shipments"; });
    QVERIFY(logistics != rules.cend());
    QCOMPARE(logistics->validateContract, QString());
    QVERIFY(logistics->body.startsWith(u"<shipment>"_s));
    const auto consulta = std::find_if(
        rules.cbegin(), rules.cend(), [](const MockRule &r) { return r.id == u"consulta-cep"; });
    QVERIFY(consulta != rules.cend());
    QCOMPARE(QJsonDocument::fromJson(consulta->body.toUtf8()).object().value("message"_L1).toString(),
        u"é São Paulo"_s);
}

void TestContractMockRoutes::routerAnswers404()
{
    MockRouter router;
    auto routes = std::make_shared<ContractMockRoutes>();
    QVERIFY(routes.get()->setRules(sampleRules()).ok());
    router.addRoutes(routes);
    QCOMPARE(router.routes().size(), 5);
    const MockResponse found = router.handle(HttpRequest::get("/api/v1/customers/1"));
    QCOMPARE(found.status, 200);
    const MockResponse missing = router.handle(HttpRequest::get("/nowhere/\"x\""));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.route, QString());
    QCOMPARE(missing.body, QByteArray("{\"error\": \"no mock route for GET /nowhere/?x?\"}"));
    QVERIFY(QJsonDocument::fromJson(missing.body).isObject());
}

QList<EntityRecord> TestContractMockRoutes::sampleEntities()
{
    const Result<ProjectLoad> load = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    return load.ok() ? load.value().data.entities : QList<EntityRecord>();
}

void TestContractMockRoutes::validatingRule_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("answer"); // empty: the request's body, echoed
    const QByteArray valid
        = R"({"id": "1001", "name": "MARIA", "phone": "+5511987654321", "email": "maria@example.com"})";
    QTest::addRow("valid") << valid << 201 << QByteArray();
    QTest::addRow("accents kept byte for byte") << QByteArray(
        R"({"id": "7", "name": "JOÃO DA CONCEIÇÃO", "address": "Praça da Sé", "phone": "+5511900000000", "email": "j@example.com"})")
                                                << 201 << QByteArray();
    QTest::addRow("a required field missing")
        << QByteArray(R"({"id": "1001", "name": "MARIA", "phone": "+5511987654321"})") << 422
        << QByteArray(R"({"errors":[{"field":"email","rule":"required"}]})");
    QTest::addRow("two fields wrong, in the contract's order")
        << QByteArray(
               R"({"id": "A1", "name": "MARIA", "phone": "11 98765-4321", "email": "maria@example.com"})")
        << 422
        << QByteArray(
               R"({"errors":[{"field":"id","rule":"does not match ^[0-9]+$"},{"field":"phone","rule":"does not match ^\\+[1-9][0-9]{7,14}$"}]})");
    QTest::addRow("not JSON") << QByteArray("id=1001") << 422 << QByteArray("not JSON");
    QTest::addRow("empty") << QByteArray() << 422 << QByteArray("not JSON");
}

void TestContractMockRoutes::validatingRule()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QByteArray, answer);
    Result<std::shared_ptr<ContractMockRoutes>> routes
        = ContractMockRoutes::fromProject(sampleEntities(), {});
    QVERIFY2(routes.ok(), qPrintable(routes.errorString()));
    HttpRequest request;
    request.method = "POST";
    request.path = "/api/v1/customers";
    request.body = body;
    MockRouter router; // through the router, as the server asks: a body is kept once delivered
    router.addRoutes(routes.value());
    const std::optional<MockResponse> response = router.handle(request);
    QVERIFY(response);
    QCOMPARE(response->status, status);
    QCOMPARE(response->route, u"POST /api/v1/customers"_s);
    QVERIFY(response->serialized().contains("Content-Type: application/json; charset=utf-8\r\n"));
    const QList<QByteArray> kept = routes.value()->received(u"customers-api"_s);
    if (status == 201) {
        QCOMPARE(response->body, body);
        QCOMPARE(kept, QList<QByteArray>{body});
    } else if (answer == "not JSON") {
        const QJsonArray errors
            = QJsonDocument::fromJson(response->body).object().value("errors"_L1).toArray();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(
            errors.first().toObject().value("rule"_L1).toString().startsWith(u"the body is not JSON: "_s),
            response->body.constData());
        QVERIFY(kept.isEmpty());
    } else {
        QCOMPARE(response->body, answer);
        QVERIFY(kept.isEmpty());
    }
}

void TestContractMockRoutes::validatingRuleKeepsABoundedHistory()
{
    Result<std::shared_ptr<ContractMockRoutes>> routes
        = ContractMockRoutes::fromProject(sampleEntities(), {});
    QVERIFY(routes.ok());
    HttpRequest request;
    request.method = "POST";
    request.path = "/billing/invoices";
    MockRouter router;
    router.addRoutes(routes.value());
    const qsizetype total = ContractMockRoutes::maxKept + 5;
    for (qsizetype i = 0; i < total; ++i) {
        request.body
            = R"({"order": "PO-)" + QByteArray::number(i) + R"(", "customer": "1001", "amount": 1.5})";
        QCOMPARE(router.handle(request).status, 201);
    }
    // an answer a fault takes away was not received
    FaultRule down;
    down.route = u"POST /billing/invoices"_s;
    down.kind = FaultKind::Http503;
    router.faults().setRules({down});
    request.body = R"({"order": "PO-LOST", "customer": "1001", "amount": 1.5})";
    QCOMPARE(router.handle(request).status, 503);
    // a late answer still arrives, so it was
    FaultRule late;
    late.route = down.route;
    late.kind = FaultKind::Latency;
    late.latencyMs = 5;
    router.faults().setRules({late});
    request.body = R"({"order": "PO-LATE", "customer": "1001", "amount": 1.5})";
    QCOMPARE(router.handle(request).status, 201);
    const QList<QByteArray> kept = routes.value()->received(u"billing-invoices"_s);
    QCOMPARE(kept.size(), ContractMockRoutes::maxKept);
    QVERIFY(kept.first().contains("\"PO-6\""));
    QVERIFY(kept.at(kept.size() - 2).contains(QByteArray("\"PO-" + QByteArray::number(total - 1) + '"')));
    QVERIFY(kept.last().contains("\"PO-LATE\""));
    routes.value()->clearReceived();
    QVERIFY(routes.value()->received(u"billing-invoices"_s).isEmpty());
}

void TestContractMockRoutes::validatingRuleNeedsItsContract()
{
    MockRule rule;
    rule.method = u"POST"_s;
    rule.path = u"/a"_s;
    rule.validateContract = u"nowhere"_s;
    ContractMockRoutes routes;
    QVERIFY(routes.setRules(sampleRules()).ok());
    const Status set = routes.setRules({rule}, sampleEntities());
    QVERIFY(!set.ok());
    QCOMPARE(set.errorString(), u"mock rule 1: no contract \"nowhere\" to validate against"_s);
    QCOMPARE(routes.rules().size(), 5); // the rules before stay
}

} // namespace jb

QTEST_APPLESS_MAIN(jb::TestContractMockRoutes)
#include "tst_contractmockroutes.moc"
