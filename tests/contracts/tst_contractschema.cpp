// Contracts as values: the entity form, JSON Schema both ways, and validation with valijson whose
// errors name the field and the rule.
#include "contractprinter.h"
#include "contractschema.h"
#include "contractvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::testing;

namespace {

Contract sampleContract(const QString &id)
{
    QFile file(QStringLiteral(JB_SAMPLE_DIR) + u"/contracts/"_s + id + u".json"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read the sample contract %s", qPrintable(id));
    return Contract::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

ContractField field(const QString &name, const QString &type, bool required = false)
{
    ContractField f;
    f.name = name;
    f.type = type;
    f.required = required;
    return f;
}

// Every shape the subset has: nested objects, arrays of objects and of scalars, enums of each
// type, dates, limits, examples, descriptions.
Contract richContract()
{
    Contract contract;
    contract.id = u"order"_s;
    contract.name = u"Order"_s;
    contract.description = u"An order with everything"_s;
    contract.format = u"json"_s;
    ContractField id = field(u"id"_s, u"string"_s, true);
    id.format = u"^PO-[0-9]{6}$"_s;
    id.example = u"PO-004211"_s;
    ContractField status = field(u"status"_s, u"string"_s, true);
    status.enumValues = {u"open"_s, u"paid"_s, u"shipped"_s};
    ContractField priority = field(u"priority"_s, u"integer"_s);
    priority.enumValues = {u"1"_s, u"2"_s, u"3"_s};
    priority.example = u"2"_s;
    ContractField total = field(u"total"_s, u"number"_s, true);
    total.example = u"349.9"_s;
    ContractField city = field(u"customer.address.city"_s, u"string"_s, true);
    city.maxLength = 60;
    city.description = u"município"_s;
    ContractField tag = field(u"tags[]"_s, u"string"_s);
    tag.maxLength = 20;
    return Contract{contract.id, contract.name, QString(), contract.format, contract.description,
        {id, status, priority, total, field(u"ordered"_s, u"date"_s, true), field(u"paidAt"_s, u"datetime"_s),
            field(u"express"_s, u"boolean"_s), field(u"customer"_s, u"object"_s, true),
            field(u"customer.name"_s, u"string"_s, true), field(u"customer.address"_s, u"object"_s), city,
            field(u"items"_s, u"array"_s, true), field(u"items[].sku"_s, u"string"_s, true),
            field(u"items[].quantity"_s, u"integer"_s, true), field(u"tags"_s, u"array"_s), tag},
        {}};
}

} // namespace

class TestContractSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entityRoundTrip();
    void schemaRoundTrip_data();
    void schemaRoundTrip();
    void portalSchema();
    void fromHandWrittenSchema();
    void refusesNonObjectSchema();
    void validation_data();
    void validation();
    void validatorCopiesAreIndependent();
};

void TestContractSchema::entityRoundTrip()
{
    const QJsonObject entity = [] {
        QFile file(QStringLiteral(JB_SAMPLE_DIR) + u"/contracts/portal-customer.json"_s);
        file.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(file.readAll()).object();
    }();
    QVERIFY(!entity.isEmpty());
    QCOMPARE(Contract::fromJson(entity).toJson(), entity);
}

void TestContractSchema::schemaRoundTrip_data()
{
    QTest::addColumn<Contract>("contract");
    QTest::addRow("sample portal-customer") << sampleContract(u"portal-customer"_s);
    QTest::addRow("sample customers-row (table)") << sampleContract(u"customers-row"_s);
    QTest::addRow("sample erp-order (array of objects)") << sampleContract(u"erp-order"_s);
    QTest::addRow("sample viacep-address") << sampleContract(u"viacep-address"_s);
    QTest::addRow("nested, enums, dates, scalar arrays") << richContract();
    Contract list;
    list.id = u"ids"_s;
    list.name = u"A list of ids"_s;
    list.format = u"json"_s;
    list.fields = {field(u"[].id"_s, u"integer"_s, true), field(u"[].label"_s, u"string"_s)};
    QTest::addRow("a message that is an array") << list;
}

void TestContractSchema::schemaRoundTrip()
{
    QFETCH(Contract, contract);
    QStringList warnings;
    const QJsonObject schema = ContractSchema::toJsonSchema(contract);
    const Result<Contract> back = ContractSchema::fromJsonSchema(schema, &warnings);
    QVERIFY2(back.ok(), qPrintable(back.errorString()));
    QCOMPARE(warnings, QStringList());
    Contract expected = contract;
    expected.system.clear(); // not part of a schema
    expected.examples.clear();
    if (expected.format != u"json")
        expected.format = u"json"_s;
    QCOMPARE(printContract(back.value()), printContract(expected));
    QCOMPARE(back.value().fields, expected.fields);
}

void TestContractSchema::portalSchema()
{
    const QJsonObject schema = ContractSchema::toJsonSchema(sampleContract(u"portal-customer"_s));
    const QString text = QString::fromUtf8(QJsonDocument(schema).toJson(QJsonDocument::Indented));
    const QString expected = uR"({
    "$schema": "http://json-schema.org/draft-07/schema#",
    "properties": {
        "address": {
            "examples": [
                "Praça da Sé, 100 - Sé, São Paulo - SP"
            ],
            "maxLength": 200,
            "type": "string"
        },
        "email": {
            "examples": [
                "maria.silva@example.com"
            ],
            "maxLength": 254,
            "pattern": "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$",
            "type": "string"
        },
        "id": {
            "examples": [
                "1001"
            ],
            "pattern": "^[0-9]+$",
            "type": "string"
        },
        "name": {
            "examples": [
                "MARIA APARECIDA DA SILVA"
            ],
            "maxLength": 100,
            "type": "string"
        },
        "phone": {
            "description": "E.164",
            "examples": [
                "+5511987654321"
            ],
            "pattern": "^\\+[1-9][0-9]{7,14}$",
            "type": "string"
        }
    },
    "required": [
        "id",
        "name",
        "phone",
        "email"
    ],
    "title": "Portal customer",
    "type": "object",
    "x-contractId": "portal-customer",
    "x-propertyOrder": [
        "id",
        "name",
        "address",
        "phone",
        "email"
    ]
}
)"_s;
    QCOMPARE(text, expected);
}

void TestContractSchema::fromHandWrittenSchema()
{
    // draft-07 with definitions, a $ref cycle and no x-propertyOrder (alphabetical then)
    const QByteArray text = R"({
      "$schema": "http://json-schema.org/draft-07/schema#",
      "title": "Category tree",
      "type": "object",
      "required": ["code"],
      "properties": {
        "code": {"type": "integer", "examples": [7]},
        "parent": {"$ref": "#/definitions/node"},
        "labels": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}}
      },
      "definitions": {
        "node": {
          "type": "object",
          "required": ["code"],
          "properties": {
            "code": {"type": ["integer", "null"]},
            "parent": {"$ref": "#/definitions/node"}
          }
        }
      }
    })";
    QStringList warnings;
    const Result<Contract> contract
        = ContractSchema::fromJsonSchema(QJsonDocument::fromJson(text).object(), &warnings);
    QVERIFY2(contract.ok(), qPrintable(contract.errorString()));
    QCOMPARE(printContract(contract.value()), uR"(contract category-tree "Category tree" (json)
  code: integer required example=7
  labels: array
  labels[]: string enum=a|b
  parent: object
  parent.code: integer required
  parent.parent: object -- recursive: #/definitions/node (not expanded))"_s);
    QCOMPARE(warnings, QStringList());
}

void TestContractSchema::refusesNonObjectSchema()
{
    const Result<Contract> contract = ContractSchema::fromJsonSchema(QJsonObject{{u"type"_s, u"string"_s}});
    QVERIFY(!contract.ok());
    QCOMPARE(
        contract.errorString(), u"a contract describes an object or an array of objects, not a string"_s);
}

void TestContractSchema::validation_data()
{
    QTest::addColumn<QString>("contract");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QStringList>("errors");
    const QByteArray maria
        = R"("id": "1001", "name": "MARIA", "phone": "+5511987654321", "email": "m@example.com")";
    QTest::addRow("valid") << u"portal-customer"_s << QByteArray('{' + maria + '}') << QStringList();
    QTest::addRow("phone pattern")
        << u"portal-customer"_s
        << QByteArray(R"({"id": "1", "name": "A", "phone": "11987654321", "email": "a@b.co"})")
        << QStringList{uR"(phone: does not match ^\+[1-9][0-9]{7,14}$)"_s};
    QTest::addRow("name longer than 100 (accents count once)")
        << u"portal-customer"_s
        << QByteArray(R"({"id": "1", "name": ")" + QString(101, u'É').toUtf8()
               + R"(", "phone": "+5511987654321", "email": "a@b.co"})")
        << QStringList{u"name: longer than 100 characters"_s};
    QTest::addRow("100 accented characters are fine")
        << u"portal-customer"_s
        << QByteArray(R"({"id": "1", "name": ")" + QString(100, u'É').toUtf8()
               + R"(", "phone": "+5511987654321", "email": "a@b.co"})")
        << QStringList();
    QTest::addRow("missing email and phone, in contract order")
        << u"portal-customer"_s << QByteArray(R"({"id": "1", "name": "A"})")
        << QStringList{u"phone: required"_s, u"email: required"_s};
    QTest::addRow("id is a number")
        << u"portal-customer"_s
        << QByteArray(R"({"id": 1001, "name": "A", "phone": "+5511987654321", "email": "a@b.co"})")
        << QStringList{u"id: not a string"_s};
    QTest::addRow("not an object") << u"portal-customer"_s << QByteArray("[1, 2]")
                                   << QStringList{u"(message): not an object"_s};
    QTest::addRow("array element field missing")
        << u"erp-order"_s
        << QByteArray(R"({"orderId": "PO-000001", "customerId": "7", "orderDate": "2026-11-20", "total": 10,
                          "items": [{"sku": "A", "quantity": 1}, {"quantity": 2}]})")
        << QStringList{u"items[1].sku: required"_s};
    QTest::addRow("bad date, quantity as text")
        << u"erp-order"_s
        << QByteArray(R"({"orderId": "PO-000001", "customerId": "7", "orderDate": "2026-13-40", "total": 10,
                          "items": [{"sku": "A", "quantity": "2"}]})")
        << QStringList{u"orderDate: not a date (yyyy-MM-dd)"_s, u"items[0].quantity: not an integer"_s};
}

void TestContractSchema::validation()
{
    QFETCH(QString, contract);
    QFETCH(QByteArray, message);
    QFETCH(QStringList, errors);
    const Result<ContractValidator> validator = ContractValidator::create(sampleContract(contract));
    QVERIFY2(validator.ok(), qPrintable(validator.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(message, &parseError);
    QCOMPARE(parseError.error, QJsonParseError::NoError);
    const QJsonValue value
        = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    QStringList actual;
    for (const FieldError &error : validator.value().validate(value))
        actual.append(error.text());
    QCOMPARE(actual, errors);
}

void TestContractSchema::validatorCopiesAreIndependent()
{
    Result<ContractValidator> made = ContractValidator::create(sampleContract(u"portal-customer"_s));
    QVERIFY(made.ok());
    const ContractValidator copy = made.value();
    const QJsonObject bad{{u"id"_s, u"x"_s}};
    QCOMPARE(made.value().validate(bad).size(), copy.validate(bad).size());
    QCOMPARE(copy.validate(bad).constFirst().text(), uR"(id: does not match ^[0-9]+$)"_s);
}

QTEST_APPLESS_MAIN(TestContractSchema)
#include "tst_contractschema.moc"
