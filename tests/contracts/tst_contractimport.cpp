// Contracts made from other things: an example message (JSON, XML), a table's columns read live
// through QtSql, an OpenAPI 3 document (JSON and YAML, $refs, cycles) and a Postman collection.
#include "contractinference.h"
#include "contractprinter.h"
#include "databaseconnection.h"
#include "openapiimport.h"
#include "postmanimport.h"
#include "tablecontract.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::testing;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QFINDTESTDATA(u"data/"_s + name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(name));
    return file.readAll();
}

} // namespace

class TestContractImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void openApi_data();
    void openApi();
    void openApiRefusals_data();
    void openApiRefusals();
    void postman();
    void postmanRefusal();
    void inferJson();
    void inferXml();
    void inferBadExample_data();
    void inferBadExample();
    void tableColumns();
    void sampleTable();
    void tableErrors();
};

void TestContractImport::openApi_data()
{
    QTest::addColumn<QString>("file");
    QTest::addRow("YAML") << u"viacep-customers.openapi.yaml"_s;
    QTest::addRow("JSON") << u"viacep-customers.openapi.json"_s;
}

void TestContractImport::openApi()
{
    QFETCH(QString, file);
    QStringList warnings;
    const Result<QList<ImportedContract>> imported = OpenApiImport::fromText(readData(file), &warnings);
    QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
    QString difference;
    QVERIFY2(sameAsFile(printImported(imported.value()), QFINDTESTDATA("data/viacep-customers.expected.txt"),
                 &difference),
        qPrintable(difference));
    QCOMPARE(warnings,
        QStringList{
            u"/paths/~1ws~1{cep}~1json~1/get/responses/200/content/application~1json/schema: oneOf reduced to its first alternative"_s});
}

void TestContractImport::openApiRefusals_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("Swagger 2")
        << QByteArray("swagger: '2.0'\ninfo: {title: x}\n")
        << u"this is a Swagger 2.0 document; only OpenAPI 3 is read (convert it first)"_s;
    QTest::addRow("not OpenAPI") << QByteArray("{\"hello\": 1}")
                                 << u"not an OpenAPI 3 document (no \"openapi\": \"3.x\")"_s;
    QTest::addRow("YAML syntax error") << QByteArray("openapi: 3.0.0\npaths: [unclosed\n")
                                       << u"line 3, column 1: end of sequence flow not found"_s;
    QTest::addRow("nothing inside") << QByteArray("openapi: 3.0.0\ninfo: {title: empty}\n")
                                    << u"the document describes no schema and no operation body"_s;
}

void TestContractImport::openApiRefusals()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Result<QList<ImportedContract>> imported = OpenApiImport::fromText(text);
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorString(), error);
}

void TestContractImport::postman()
{
    QStringList warnings;
    const Result<QList<ImportedContract>> imported
        = PostmanImport::fromText(readData(u"customer-portal.postman_collection.json"_s), &warnings);
    QVERIFY2(imported.ok(), qPrintable(imported.errorString()));
    QString difference;
    QVERIFY2(sameAsFile(printImported(imported.value()), QFINDTESTDATA("data/customer-portal.expected.txt"),
                 &difference),
        qPrintable(difference));
    QCOMPARE(warnings, QStringList());
}

void TestContractImport::postmanRefusal()
{
    const Result<QList<ImportedContract>> imported = PostmanImport::fromText(
        R"({"info": {"schema": "https://schema.getpostman.com/json/collection/v1.0.0/"}})");
    QVERIFY(!imported.ok());
    QCOMPARE(imported.errorString(),
        u"not a Postman v2.1 collection (info.schema is \"https://schema.getpostman.com/json/collection/v1.0.0/\")"_s);
}

void TestContractImport::inferJson()
{
    // keys in the message's order (not alphabetical); an array's key is required only when every
    // element has it; null makes a field optional; dates and date-times are recognised
    const QByteArray example = R"({
      "orderId": "PO-004211", "total": 349.9, "count": 2, "paid": false,
      "orderDate": "2026-11-20", "createdAt": "2026-11-20T10:15:00Z", "note": null,
      "customer": {"name": "Zé", "address": {"city": "São Paulo"}},
      "items": [{"sku": "A-1", "quantity": 2, "gift": true}, {"sku": "B-2", "quantity": 1.5}],
      "tags": ["vip"]
    })";
    const Result<Contract> contract = ContractInference::fromJson(example);
    QVERIFY2(contract.ok(), qPrintable(contract.errorString()));
    QCOMPARE(printContract(contract.value()),
        uR"(contract  "" (json)
  orderId: string required example=PO-004211
  total: number required example=349.9
  count: integer required example=2
  paid: boolean required example=false
  orderDate: date required example=2026-11-20
  createdAt: datetime required example=2026-11-20T10:15:00Z
  note: string
  customer: object required
  customer.name: string required example=Zé
  customer.address: object required
  customer.address.city: string required example=São Paulo
  items: array required
  items[].sku: string required example=A-1
  items[].quantity: number required example=2
  items[].gift: boolean example=true
  tags: array required
  tags[]: string example=vip
  example "Example" application/json, )"_s
            + QString::number(QString::fromUtf8(example).trimmed().size()) + u" characters"_s);
}

void TestContractImport::inferXml()
{
    const QByteArray example = R"(<?xml version="1.0"?>
<pedido numero="PO-1">
  <cliente><nome>Zé</nome><cep>01001-000</cep></cliente>
  <item><sku>A</sku><qtd>2</qtd></item>
  <item><sku>B</sku><qtd>1</qtd><brinde>true</brinde></item>
  <obs/>
</pedido>)";
    const Result<Contract> contract = ContractInference::fromXml(example);
    QVERIFY2(contract.ok(), qPrintable(contract.errorString()));
    QCOMPARE(printContract(contract.value()),
        uR"(contract  "pedido" (xml)
  @numero: string required example=PO-1
  cliente: object required
  cliente.nome: string required example=Zé
  cliente.cep: string required example=01001-000
  item: array required
  item[].sku: string required example=A
  item[].qtd: integer required example=2
  item[].brinde: boolean required example=true
  obs: string
  example "Example" application/xml, )"_s
            + QString::number(QString::fromUtf8(example).trimmed().size()) + u" characters"_s);
}

void TestContractImport::inferBadExample_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("a bare number") << QByteArray("42") << u"the example is not a JSON object or array"_s;
    QTest::addRow("broken XML") << QByteArray("<a><b></a>")
                                << u"line 1, column 10: Opening and ending tag mismatch."_s;
    QTest::addRow("broken JSON") << QByteArray("{\"a\": [1, 2}") << u"line 1, column 12: illegal flow end"_s;
}

void TestContractImport::inferBadExample()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    const Result<Contract> contract = ContractInference::fromExample(text);
    QVERIFY(!contract.ok());
    QCOMPARE(contract.errorString(), error);
}

void TestContractImport::tableColumns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    DatabaseSpec spec;
    spec.id = u"test"_s;
    spec.driver = u"QSQLITE"_s;
    spec.database = dir.filePath(u"orders.sqlite"_s);
    {
        // create it writable, then read it through a read-only connection as the import does
        QFile(spec.database).open(QIODevice::WriteOnly);
        Result<std::unique_ptr<DatabaseConnection>> writer = DatabaseConnection::open(spec, false);
        QVERIFY2(writer.ok(), qPrintable(writer.errorString()));
        QSqlQuery query(writer.value()->database());
        QVERIFY(query.exec(u"CREATE TABLE orders (id INTEGER PRIMARY KEY, code VARCHAR(12) NOT NULL, "
                           "total REAL, note TEXT, flag BOOLEAN)"_s));
        QVERIFY(query.exec(u"INSERT INTO orders VALUES (7, 'PO-1', 10.5, NULL, 1)"_s));
    }
    Result<std::unique_ptr<DatabaseConnection>> reader = DatabaseConnection::open(spec);
    QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
    const Result<Contract> contract = TableContract::fromTable(reader.value()->database(), u"ORDERS"_s);
    QVERIFY2(contract.ok(), qPrintable(contract.errorString()));
    QCOMPARE(printContract(contract.value()), uR"(contract  "orders" (table)
  id: integer required example=7 -- primary key
  code: string required example=PO-1
  total: number example=10.5
  note: string
  flag: boolean example=true)"_s);
}

void TestContractImport::sampleTable()
{
    DatabaseSpec spec;
    spec.driver = u"QSQLITE"_s;
    spec.database = QStringLiteral(JB_SAMPLE_DIR) + u"/data/customers.sqlite"_s;
    Result<std::unique_ptr<DatabaseConnection>> reader = DatabaseConnection::open(spec);
    QVERIFY2(reader.ok(), qPrintable(reader.errorString()));
    const Result<Contract> contract = TableContract::fromTable(reader.value()->database(), u"customers"_s);
    QVERIFY2(contract.ok(), qPrintable(contract.errorString()));
    QCOMPARE(printContract(contract.value()), uR"(contract  "customers" (table)
  customerid: integer required example=1001 -- primary key
  customername: string required example=  maria aparecida da silva 
  customeraddress: string example=Praça da Sé, 100 - Sé, São Paulo - SP
  customerphone: string example=(11) 98765-4321
  customeremail: string example=Maria.Silva@Example.com)"_s);
}

void TestContractImport::tableErrors()
{
    DatabaseSpec missing;
    missing.driver = u"QSQLITE"_s;
    missing.database = u"/nonexistent/customers.sqlite"_s;
    const Result<std::unique_ptr<DatabaseConnection>> none = DatabaseConnection::open(missing);
    QVERIFY(!none.ok());
    QCOMPARE(none.errorString(), u"the SQLite file /nonexistent/customers.sqlite does not exist"_s);

    DatabaseSpec spec;
    spec.driver = u"QSQLITE"_s;
    spec.database = QStringLiteral(JB_SAMPLE_DIR) + u"/data/customers.sqlite"_s;
    Result<std::unique_ptr<DatabaseConnection>> reader = DatabaseConnection::open(spec);
    QVERIFY(reader.ok());
    const Result<Contract> contract = TableContract::fromTable(reader.value()->database(), u"clients"_s);
    QVERIFY(!contract.ok());
    QCOMPARE(contract.errorString(), u"no table or view named clients (found: customers)"_s);
}

QTEST_GUILESS_MAIN(TestContractImport)
#include "tst_contractimport.moc"
