// Database probes against real databases: the sample's SQLite file and PostgreSQL 15 started by
// services.sh (initdb as the postgres user, a database and a user with a password, the sample's
// customers table loaded from resources/sample/data/customers.sql).
#include "probetesthelpers.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

namespace {

// Every row of the customers table, one line each.
QStringList customerRows(QSqlDatabase &db)
{
    QStringList rows;
    QSqlQuery query(db);
    if (!query.exec(
            u"SELECT customerid, customername, customeraddress, customerphone, customeremail FROM customers "
            "ORDER BY customerid"_s))
        return {u"query failed"_s};
    while (query.next()) {
        QStringList cells;
        for (int i = 0; i < 5; ++i)
            cells.append(query.value(i).toString());
        rows.append(cells.join(u'|'));
    }
    return rows;
}

} // namespace

class TestDbProbes final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServices> m_services;
    ProbeContext m_context;

    void check() { checkProbe(m_services.get(), m_context); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_services = std::make_unique<TestServices>(QStringList{u"pg"_s, u"netns"_s});
        QVERIFY2(m_services->ok(), qPrintable(m_services->error()));
        m_context.projectFolder = QStringLiteral(JB_SAMPLE_DIR);
        m_context.secrets = std::make_shared<MapSecrets>(QHash<QString, QString>{
            {u"pg"_s, m_services->value(u"PG_PASSWORD"_s)}, {u"wrong"_s, u"wrong-password-0815"_s}});
    }

    void cleanupTestCase() { m_services.reset(); }

    void sqlite_data()
    {
        addProbeColumns();
        const QString sample = u"'type':'database','driver':'QSQLITE','database':'data/customers.sqlite'"_s;
        QTest::addRow("the sample") << u"{"_s + sample + u",'tables':['customers']}"_s << u"pass"_s
                                    << u"SQLite 3\\.\\d+\\.\\d+; SELECT 1 ok; tables present: customers"_s
                                    << 0;
        QTest::addRow("a query of its own")
            << u"{"_s + sample + u",'validationQuery':'SELECT count(*) FROM customers'}"_s << u"pass"_s
            << u"SQLite .*; SELECT count\\(\\*\\) FROM customers ok"_s << 0;
        QTest::addRow("missing table") << u"{"_s + sample + u",'tables':['customers','orders']}"_s
                                       << u"fail"_s << u"missing tables: orders"_s << 0;
        QTest::addRow("bad query") << u"{"_s + sample + u",'validationQuery':'SELECT * FROM nope'}"_s
                                   << u"fail"_s << u"validation query failed: .*no such table: nope.*"_s << 0;
        QTest::addRow("missing file")
            << u"{'type':'database','driver':'QSQLITE','database':'data/nope.sqlite'}"_s << u"fail"_s
            << u"database file not found: .*/resources/sample/data/nope\\.sqlite"_s << 0;
        QTest::addRow("driver not installed")
            << u"{'type':'database','driver':'QNOSUCHDRIVER','database':'x'}"_s << u"skipped"_s
            << u"the Qt SQL driver QNOSUCHDRIVER is not installed here \\(installed: .*QSQLITE.*\\)"_s << 0;
        QTest::addRow("no driver") << u"{'type':'database','database':'x'}"_s << u"error"_s
                                   << u"the probe names no database driver"_s << 0;
    }
    void sqlite() { check(); }

    void postgres_data()
    {
        addProbeColumns();
        const QString pg
            = u"'type':'database','driver':'QPSQL','host':'127.0.0.1','port':${PG_PORT},'user':'journeybench'"_s;
        QTest::addRow("login, query, table")
            << u"{"_s + pg + u",'database':'journeybench','secret':'pg','tables':['customers']}"_s
            << u"pass"_s << u"PostgreSQL 15\\.\\d+; SELECT 1 ok; tables present: customers"_s << 0;
        QTest::addRow("a query of its own")
            << u"{"_s + pg
                + u",'database':'journeybench','secret':'pg','validationQuery':'SELECT count(*) FROM customers'}"_s
            << u"pass"_s << u"PostgreSQL 15\\.\\d+; SELECT count\\(\\*\\) FROM customers ok"_s << 0;
        QTest::addRow("wrong password")
            << u"{"_s + pg + u",'database':'journeybench','secret':'wrong'}"_s << u"fail"_s
            << u"login failed: .*password authentication failed for user \"journeybench\".*"_s << 0;
        QTest::addRow("no such database") << u"{"_s + pg + u",'database':'nope','secret':'pg'}"_s << u"fail"_s
                                          << u"login failed: .*database \"nope\" does not exist.*"_s << 0;
        QTest::addRow("missing table")
            << u"{"_s + pg + u",'database':'journeybench','secret':'pg','tables':['customers','orders']}"_s
            << u"fail"_s << u"missing tables: orders"_s << 0;
        QTest::addRow("bad query") << u"{"_s + pg
                + u",'database':'journeybench','secret':'pg','validationQuery':'SELEKT 1'}"_s
                                   << u"fail"_s << u"validation query failed: .*syntax error.*"_s << 0;
        QTest::addRow("missing secret") << u"{"_s + pg + u",'database':'journeybench','secret':'nope'}"_s
                                        << u"error"_s << u"no secret named nope"_s << 0;
        QTest::addRow("refused")
            << u"{'type':'database','driver':'QPSQL','host':'127.0.0.1','port':${CLOSED_PORT},'database':'journeybench','user':'journeybench','secret':'pg'}"_s
            << u"fail"_s << u"refused: nothing listens there"_s << 0;
        QTest::addRow("filtered")
            << u"{'type':'database','driver':'QPSQL','host':'${DROP_ADDR}','port':5432,'database':'journeybench','user':'journeybench','secret':'pg','timeoutMs':2000}"_s
            << u"fail"_s
            << u"filtered: no answer within 2\\.0 s \\(a firewall drops the packets, or the host is down\\)"_s
            << 2000;
    }
    void postgres() { check(); }

    void passwordNeverReported()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        const TimedResult run = runTimed(
            specFrom(*m_services,
                u"{'type':'database','driver':'QPSQL','host':'127.0.0.1','port':${PG_PORT},'user':'journeybench','database':'nope','secret':'pg'}"_s),
            m_context);
        QVERIFY(!QJsonDocument(run.result.toJson())
                     .toJson()
                     .contains(m_services->value(u"PG_PASSWORD"_s).toUtf8()));
    }

    // customers.sqlite is built from customers.sql, which PostgreSQL loaded: the rows must agree,
    // dirty ones included.
    void sampleDataAgrees()
    {
        QVERIFY2(m_services && m_services->ok(), "the test servers are not running");
        QStringList sqliteRows;
        QStringList pgRows;
        {
            QSqlDatabase sqlite = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"sample-sqlite"_s);
            sqlite.setDatabaseName(QStringLiteral(JB_SAMPLE_DIR) + u"/data/customers.sqlite"_s);
            sqlite.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            QVERIFY(sqlite.open());
            sqliteRows = customerRows(sqlite);
            QSqlDatabase pg = QSqlDatabase::addDatabase(u"QPSQL"_s, u"sample-pg"_s);
            pg.setHostName(u"127.0.0.1"_s);
            pg.setPort(m_services->port(u"PG_PORT"_s));
            pg.setDatabaseName(u"journeybench"_s);
            pg.setUserName(u"journeybench"_s);
            pg.setPassword(m_services->value(u"PG_PASSWORD"_s));
            QVERIFY(pg.open());
            pgRows = customerRows(pg);
        }
        QSqlDatabase::removeDatabase(u"sample-sqlite"_s);
        QSqlDatabase::removeDatabase(u"sample-pg"_s);
        QCOMPARE(sqliteRows.size(), 20);
        QCOMPARE(sqliteRows, pgRows);
        QCOMPARE(sqliteRows.constFirst(),
            u"1001|  maria aparecida da silva |Praça da Sé, 100 - Sé, São Paulo - SP|(11) 98765-4321|Maria.Silva@Example.com"_s);
        QVERIFY(sqliteRows.contains(
            u"1006|RAFAEL  COSTA  PEREIRA|Rua Harmonia, 123 - Vila Madalena, São Paulo - SP|(11) 3032-1122|rafael.pereira@example"_s));
        QVERIFY(sqliteRows.contains(
            u"1015|Larissa Barbosa|SQN 210 Bloco A, Asa Norte, Brasília - DF|98877-6655|larissa.barbosa@example.com"_s));
    }
};

QTEST_GUILESS_MAIN(TestDbProbes)
#include "tst_dbprobes.moc"
