// The sample's "ERP Integration – Orders" pipe: one order fans out to billing (JSON, checked by the
// contract mock of billing-invoice) and logistics (XML), both mocked on loopback. Each destination's
// failure is an error event of its own for the shared error-treatment pipe, whose re-run sends the
// order again to the failed destination only.
#include "contractmockroutes.h"
#include "mockserver.h"
#include "pipetestkit.h"
#include "projectloader.h"

#include <QJsonArray>
#include <QTcpServer>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

namespace {

const QByteArray order = R"({"orderId": "PO-004211", "customerId": "1001", "orderDate": "2026-11-20",
    "total": 349.9, "items": [{"sku": "SKU-7781", "quantity": 2}, {"sku": "A&B<1>", "quantity": 1}]})";

// A loopback port nothing listens on.
quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

FaultRule http503(const QString &route)
{
    FaultRule rule;
    rule.route = route;
    rule.kind = FaultKind::Http503;
    return rule;
}

} // namespace

class TestErpOrders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fanOut_data();
    void fanOut();

private:
    ProjectData m_project;
    MockServer m_mock;
    std::shared_ptr<ContractMockRoutes> m_routes;
    QList<std::pair<QByteArray, QByteArray>> m_requests; // path, body: what the mock was sent
};

void TestErpOrders::initTestCase()
{
    Result<ProjectLoad> load = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(load, qPrintable(load.errorString()));
    m_project = load.value().data;
    Result<std::shared_ptr<ContractMockRoutes>> routes
        = ContractMockRoutes::fromProject(m_project.entities, {});
    QVERIFY2(routes, qPrintable(routes.errorString()));
    m_routes = routes.value();
    m_mock.router().addRoutes(m_routes);
    m_mock.setAsyncHandler([this](const HttpRequest &request, const MockServer::Answer &) {
        m_requests.append({request.path, request.body});
        return false; // the routes answer
    });
    QVERIFY(m_mock.start());
}

void TestErpOrders::init()
{
    m_requests.clear();
    m_routes->clearReceived();
    m_mock.router().faults().setRules({});
}

void TestErpOrders::fanOut_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("destination"); // ?destination=, as a re-run sends it
    QTest::addColumn<QList<FaultRule>>("faults");
    QTest::addColumn<QString>("billingUrl"); // "" the mock's; "closed" a port nothing listens on; else a path
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("delivered");
    QTest::addColumn<QStringList>("failed"); // "destination code"
    QTest::addColumn<QStringList>("events"); // "destination class retriable retry"
    QTest::addColumn<int>("invoices"); // bodies the billing mock accepted

    const QString billingRoute = u"POST /billing/invoices"_s;
    const QString logisticsRoute = u"POST /logistics/shipments"_s;
    QTest::addRow("both take it") << order << QString() << QList<FaultRule>() << QString() << 200
                                  << QStringList{u"billing"_s, u"logistics"_s} << QStringList()
                                  << QStringList() << 1;
    QTest::addRow("not an order") << QByteArray(R"({"orderId": "4211", "items": []})") << QString()
                                  << QList<FaultRule>() << QString() << 400 << QStringList() << QStringList()
                                  << QStringList() << 0;
    QTest::addRow("not JSON") << QByteArray("orderId=4211") << QString() << QList<FaultRule>() << QString()
                              << 400 << QStringList() << QStringList() << QStringList() << 0;
    // the re-run of a logistics failure is refused again (the fault stays): billing gets one invoice
    QTest::addRow("logistics answers 503")
        << order << QString() << QList<FaultRule>{http503(logisticsRoute)} << QString() << 207
        << QStringList{u"billing"_s} << QStringList{u"logistics server-error"_s}
        << QStringList{u"logistics connectivity true failed"_s} << 1;
    QTest::addRow("billing refuses connections")
        << order << QString() << QList<FaultRule>() << u"closed"_s << 207 << QStringList{u"logistics"_s}
        << QStringList{u"billing connection-refused"_s} << QStringList{u"billing connectivity true failed"_s}
        << 0;
    QTest::addRow("billing has no such route (404)")
        << order << QString() << QList<FaultRule>() << u"/nowhere"_s << 207 << QStringList{u"logistics"_s}
        << QStringList{u"billing client-error"_s} << QStringList{u"billing data false "_s} << 0;
    QTest::addRow("both answer 503") << order << QString()
                                     << QList<FaultRule>{http503(billingRoute), http503(logisticsRoute)}
                                     << QString() << 502 << QStringList()
                                     << QStringList{u"billing server-error"_s, u"logistics server-error"_s}
                                     << QStringList{u"billing connectivity true failed"_s,
                                            u"logistics connectivity true failed"_s}
                                     << 0;
    QTest::addRow("a re-run for logistics only")
        << order << u"logistics"_s << QList<FaultRule>() << QString() << 200 << QStringList{u"logistics"_s}
        << QStringList() << QStringList() << 0;
}

void TestErpOrders::fanOut()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, destination);
    QFETCH(QList<FaultRule>, faults);
    QFETCH(QString, billingUrl);
    QFETCH(int, status);
    QFETCH(QStringList, delivered);
    QFETCH(QStringList, failed);
    QFETCH(QStringList, events);
    QFETCH(int, invoices);

    m_mock.router().faults().setRules(faults);
    const QString base = m_mock.baseUrl().toString();
    QString billing = base + u"/billing/"_s;
    if (billingUrl == u"closed")
        billing = u"http://127.0.0.1:%1/billing"_s.arg(closedPort());
    else if (!billingUrl.isEmpty())
        billing = base + billingUrl;
    const Result<PipeEnvironment> environment = PipeEnvironment::fromProject(m_project, u"test"_s,
        {{u"billing.baseUrl"_s, billing}, {u"logistics.baseUrl"_s, base + u"/logistics"_s},
            {u"errors.retryDelayMs"_s, u"50"_s}, {u"erp.timeoutMs"_s, u"3000"_s}},
        [](const QString &) { return QString(); });
    QVERIFY2(environment, qPrintable(environment.errorString()));
    auto catalog = std::make_shared<PipeCatalog>(PipeCatalog::fromProject(m_project));
    QCOMPARE(catalog->problems(), QStringList());
    EngineHarness harness(catalog, {}, environment.value(), 2);

    PipeRequest request;
    request.method = u"POST"_s;
    request.path = u"/erp/orders"_s;
    request.headers.insert(u"content-type"_s, u"application/json"_s);
    request.body = PipeRequest::parseBody(body, "application/json");
    if (!destination.isEmpty())
        request.query = QJsonObject{{u"destination"_s, destination}};
    const std::optional<PipeResult> result = harness.run(u"erp-orders"_s, request, 30000);
    QVERIFY(result);
    QCOMPARE(result->status, status);
    const QJsonObject answer = QJsonDocument::fromJson(result->body).object();
    if (status == 400) {
        QVERIFY2(
            answer.value("error"_L1).toString().startsWith(u"not an ERP order"_s), result->body.constData());
        QVERIFY(m_requests.isEmpty());
        QVERIFY(harness.settle());
        QCOMPARE(harness.events().size(), 0);
        return;
    }
    QCOMPARE(answer.value("orderId"_L1).toString(), u"PO-004211"_s);
    QCOMPARE(answer.value("executionKey"_L1).toString(), result->executionKey);
    QStringList deliveredTo;
    for (const QJsonValue &name : answer.value("delivered"_L1).toArray())
        deliveredTo.append(name.toString());
    QCOMPARE(deliveredTo, delivered);
    QStringList failedAt;
    for (const QJsonValue &failure : answer.value("failed"_L1).toArray())
        failedAt.append(failure[u"destination"_s].toString() + u' ' + failure[u"code"_s].toString());
    QCOMPARE(failedAt, failed);

    // one error event per failed destination, handled by the treatment pipe, whose re-run (for a
    // retriable one) goes to that destination only
    // a retriable failure's re-run comes errors.retryDelayMs later: wait (bounded) until none is due
    const auto scheduled = [&harness] {
        const QList<StoredEvent> all = harness.events();
        return std::any_of(
            all.cbegin(), all.cend(), [](const StoredEvent &e) { return e.retry == u"scheduled"; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(!scheduled(), 10000);
    QVERIFY(harness.settle());
    QStringList stored;
    for (const StoredEvent &event : harness.events()) {
        QCOMPARE(event.name, u"journey-errors"_s);
        QCOMPARE(event.pipe, u"erp-orders"_s);
        QCOMPARE(event.executionKey, result->executionKey);
        QCOMPARE(event.status, u"handled"_s);
        QCOMPARE(event.payload.value("orderId"_L1).toString(), u"PO-004211"_s);
        QCOMPARE(event.payload.value("request"_L1)[u"query"_s][u"destination"_s],
            event.payload.value("destination"_L1));
        stored.append(event.payload.value("destination"_L1).toString() + u' ' + event.errorClass + u' '
            + (event.retriable ? u"true"_s : u"false"_s) + u' ' + event.retry);
    }
    std::sort(stored.begin(), stored.end());
    QCOMPARE(stored, events);

    // what billing accepted is exactly the order's invoice, once; logistics got the XML shipment
    const QList<QByteArray> accepted = m_routes->received(u"billing-invoices"_s);
    QCOMPARE(accepted.size(), invoices);
    for (const QByteArray &invoice : accepted)
        QCOMPARE(invoice, QByteArray(R"({"order":"PO-004211","customer":"1001","amount":349.9})"));
    for (const auto &[path, sent] : std::as_const(m_requests)) {
        if (path == "/logistics/shipments") {
            QCOMPARE(sent,
                QByteArray(
                    "<shipment><orderRef>PO-004211</orderRef><lines><line><sku>SKU-7781</sku><qty>2</qty>"
                    "</line><line><sku>A&amp;B&lt;1&gt;</sku><qty>1</qty></line></lines></shipment>"));
        }
    }
}

QTEST_GUILESS_MAIN(TestErpOrders)
#include "tst_erporders.moc"
