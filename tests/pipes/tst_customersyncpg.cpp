// The sample's customer sync end to end against a real PostgreSQL 15 (started by
// tests/probes/services.sh, loaded with the sample's customers.sql plus one more invalid row) and
// the portal mocked from its contract: the mock validates every body, keeps what it accepts and
// refuses a customer it already has. Every row is accounted for, and each rejected one is an error
// event handled by the shared treatment pipe.
#include "contractmockroutes.h"
#include "databaseconnection.h"
#include "mockserver.h"
#include "pipetestkit.h"
#include "projectloader.h"
#include "testservices.h"

#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::test;

class TestCustomerSyncPg : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void syncFromPostgres();

private:
    DatabaseSpec postgres() const;

    std::unique_ptr<TestServices> m_services;
    ProjectData m_project;
};

DatabaseSpec TestCustomerSyncPg::postgres() const
{
    // the sample's customers-pg, on the port the test server got
    const auto entity = std::find_if(m_project.entities.cbegin(), m_project.entities.cend(),
        [](const EntityRecord &e) { return e.kind == u"database" && e.id() == u"customers-pg"; });
    DatabaseSpec spec = entity == m_project.entities.cend()
        ? DatabaseSpec()
        : DatabaseSpec::fromEntity(entity->data, m_project.folder);
    spec.port = m_services->port(u"PG_PORT"_s);
    return spec;
}

void TestCustomerSyncPg::initTestCase()
{
    Result<ProjectLoad> load = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(load, qPrintable(load.errorString()));
    m_project = load.value().data;
    m_services = std::make_unique<TestServices>(QStringList{u"pg"_s});
    QVERIFY2(m_services->ok(), qPrintable(m_services->error()));

    // one more row that only the server has: a phone no mapping can make E.164
    DatabaseSpec spec = postgres();
    QCOMPARE(spec.driver, u"QPSQL"_s);
    spec.password = m_services->value(u"PG_PASSWORD"_s);
    Result<std::unique_ptr<DatabaseConnection>> connection = DatabaseConnection::open(spec, false);
    QVERIFY2(connection, qPrintable(connection.errorString()));
    QSqlQuery insert(connection.value()->database());
    QVERIFY(insert.exec(u"INSERT INTO customers VALUES (1021, 'Zé Ninguém', 'Rua Sem Nome, 1', 'abc', "
                        "'ze@example.com')"_s));
}

void TestCustomerSyncPg::cleanupTestCase()
{
    m_services.reset();
}

void TestCustomerSyncPg::syncFromPostgres()
{
    const QString password = m_services->value(u"PG_PASSWORD"_s);
    // the portal: a rule in front refuses the customer it already has (409), the contract mock
    // validates the rest and answers 201
    MockRule known;
    known.id = u"known"_s;
    known.method = u"POST"_s;
    known.path = u"/api/v1/customers"_s;
    known.bodyJson = QJsonObject{{u"id"_s, u"1003"_s}};
    known.status = 409;
    known.headers = {{u"Content-Type"_s, u"application/json"_s}};
    known.body = uR"({"error": "customer already exists"})"_s;
    auto existing = std::make_shared<ContractMockRoutes>();
    QVERIFY(existing->setRules({known}));
    Result<std::shared_ptr<ContractMockRoutes>> portalRoutes
        = ContractMockRoutes::fromProject(m_project.entities, {});
    QVERIFY2(portalRoutes, qPrintable(portalRoutes.errorString()));
    MockServer portal;
    portal.router().addRoutes(existing);
    portal.router().addRoutes(portalRoutes.value());
    QVERIFY(portal.start());

    auto catalog = std::make_shared<PipeCatalog>(PipeCatalog::fromProject(m_project));
    catalog->addDatabase(postgres());
    const Result<PipeEnvironment> environment = PipeEnvironment::fromProject(m_project, u"test"_s,
        {{u"portal.baseUrl"_s, portal.baseUrl().toString() + u"/api/v1"_s},
            {u"customers.database"_s, u"customers-pg"_s}},
        [&](const QString &name) {
            if (name == u"customers-db-password")
                return password;
            return name == u"customer-portal-token" ? u"t0ken"_s : QString();
        });
    QVERIFY2(environment, qPrintable(environment.errorString()));
    EngineHarness harness(catalog, {}, environment.value(), 2);
    PipeRequest request;
    request.method = u"POST"_s;
    request.path = u"/customer-sync"_s;
    const std::optional<PipeResult> result = harness.run(u"customer-sync"_s, request, 60000);
    QVERIFY(result);
    QVERIFY2(!result->error, qPrintable(result->error ? result->error->message : QString()));
    QCOMPARE(result->status, 200);
    const QJsonObject counts = QJsonDocument::fromJson(result->body).object();

    // every row of the server accounted for: the 20 of customers.sql and the one added here
    const int rows = 21;
    const int sent = counts.value(u"sent"_s).toInt(-1);
    const int rejected = counts.value(u"rejected"_s).toInt(-1);
    QCOMPARE(sent + rejected, rows);
    QCOMPARE(counts.value(u"errored"_s).toInt(-1), 0);

    // the portal kept each customer it accepted, once, every one valid for its contract
    const QList<QByteArray> accepted = portalRoutes.value()->received(u"customers-api"_s);
    QCOMPARE(accepted.size(), sent);
    QSet<QString> ids;
    for (const QByteArray &body : accepted)
        ids.insert(QJsonDocument::fromJson(body).object().value(u"id"_s).toString());
    QCOMPARE(ids.size(), sent);
    for (const QString &invalid : {u"1003"_s, u"1006"_s, u"1015"_s, u"1021"_s})
        QVERIFY2(!ids.contains(invalid), qPrintable(invalid));
    QVERIFY(ids.contains(u"1001"_s) && ids.contains(u"1020"_s));

    // each rejected row is an error event, handled by the shared treatment pipe
    QVERIFY(harness.settle());
    const QStringList rejections = harness.customerSyncRejections();
    QCOMPARE(rejections.size(), rejected);
    QCOMPARE(rejections,
        (QStringList{u"1003 post client-error data handled"_s, u"1006 mapped invalid data handled"_s,
            u"1015 mapped invalid data handled"_s, u"1021 mapped invalid data handled"_s}));

    // the database password went nowhere: not into the event store, not into the answer
    QFile store(harness.storeFile());
    QVERIFY(store.open(QIODevice::ReadOnly));
    QVERIFY(!store.readAll().contains(password.toUtf8()));
    QVERIFY(!result->body.contains(password.toUtf8()));
}

QTEST_GUILESS_MAIN(TestCustomerSyncPg)
#include "tst_customersyncpg.moc"
