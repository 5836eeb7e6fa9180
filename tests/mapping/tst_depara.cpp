// The De-Para of the sample's customer mapping: the table the artifacts render (printed whole),
// CSV out and back in (the same rules), Excel's ';' CSV, bad sheets, and the XLSX workbook.
#include "deparacsv.h"
#include "deparatable.h"
#include "deparaxlsx.h"
#include "mappingtesting.h"
#include "projectloader.h"

#include <QProcess>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::testing;

namespace {

ResolvedMapping customers()
{
    Result<ProjectLoad> loaded = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    if (!loaded)
        qFatal("%s", qPrintable(loaded.errorString()));
    Result<ResolvedMapping> resolved = ResolvedMapping::resolve(loaded.value().data, u"customers"_s);
    if (!resolved)
        qFatal("%s", qPrintable(resolved.errorString()));
    return resolved.value();
}

QString printTable(const MappingTable &table)
{
    QStringList lines{
        u"%1 \"%2\" %3 -> %4"_s.arg(table.id, table.name, table.sourceSystem, table.targetSystem)};
    for (const MappingRow &row : table.rows)
        lines.append(QStringList{row.sourceField, row.sourceType, row.rule, row.targetField, row.targetType,
            row.required ? u"yes"_s : u"no"_s, row.exampleIn, row.exampleOut}
                         .join(u" | "_s));
    for (const QString &gap : table.gaps)
        lines.append(u"gap: "_s + gap);
    return lines.join(u'\n');
}

} // namespace

class TestDePara final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table();
    void tableWithGapsAndErrors();
    void csvRoundTrip();
    void csvFromExcel();
    void csvErrors_data();
    void csvErrors();
    void xlsx();
};

void TestDePara::table()
{
    QCOMPARE(printTable(DeParaTable::build(customers())),
        uR"(customers "Customers: table → portal" customer-db -> customer-portal
customerid | integer | digits | id | string | yes | 1001 | 1001
customername | string | trim | upper | name | string | yes |   maria aparecida da silva  | MARIA APARECIDA DA SILVA
customeraddress | string | trim | address | string | no | Praça da Sé, 100 - Sé, São Paulo - SP | Praça da Sé, 100 - Sé, São Paulo - SP
customerphone | string | phone-br | phone | string | yes | (11) 98765-4321 | +5511987654321
customeremail | string | trim | lower | email | string | yes | Maria.Silva@Example.com | maria.silva@example.com)"_s);
}

void TestDePara::tableWithGapsAndErrors()
{
    ResolvedMapping mapping = customers();
    mapping.definition.rules.removeAt(4); // email: a gap
    mapping.definition.rules.append(
        {u"segment"_s, u"customerid"_s, TransformSpec::parseChain(u"pad(width=8)"_s).value(), {}});
    const QJsonObject sample{
        {u"customerid"_s, 7}, {u"customername"_s, u"Zé"_s}, {u"customerphone"_s, u"123"_s}};
    QCOMPARE(printTable(DeParaTable::build(mapping, sample)),
        uR"(customers "Customers: table → portal" customer-db -> customer-portal
customerid | integer | digits | id | string | yes | 7 | 7
customername | string | trim | upper | name | string | yes | Zé | ZÉ
customeraddress | string | trim | address | string | no |  | 
customerphone | string | phone-br | phone | string | yes | 123 | error: not a Brazilian phone number "123": 3 digits; expected a DDD and 8 or 9 digits
customerid | integer | pad(width=8) | segment |  | no | 7 | 00000007
gap: email (string): required by B, no source
gap: segment: not a field of the target contract portal-customer)"_s);
}

void TestDePara::csvRoundTrip()
{
    ResolvedMapping mapping = customers();
    // every kind of value a rule can hold, commas, quotes and line breaks included
    mapping.definition.rules.append({u"address"_s, u"customeraddress"_s,
        TransformSpec::parseChain(
            uR"(trim | concat(fields=["customername"], separator=", \"x\" ") | lookup(table={"A":"a, b"}, default="line\nbreak") | js(expression="value + ','"))"_s)
            .value(),
        {}});
    const QByteArray csv = DeParaCsv::write(DeParaTable::build(mapping));
    QVERIFY(
        csv.startsWith("\xEF\xBB\xBF"
                       "System A field,Type,Rule,System B field,Type,Required,Example in,Example out\r\n"));
    const Result<QList<MappingRule>> rules = DeParaCsv::read(csv);
    QVERIFY2(rules.ok(), qPrintable(rules.errorString()));
    // the table lists rules in the target contract's order: compare as sets of lines
    QStringList expected;
    for (const MappingRule &rule : mapping.definition.rules)
        expected.append(rule.target + u" <- "_s + rule.source + u" : "_s + rule.transformText());
    QStringList actual;
    for (const MappingRule &rule : rules.value())
        actual.append(rule.target + u" <- "_s + rule.source + u" : "_s + rule.transformText());
    expected.sort();
    actual.sort();
    QCOMPARE(actual, expected);
    QCOMPARE(rules.value().size(), 6);
}

void TestDePara::csvFromExcel()
{
    // Excel in pt-BR writes ';' and no BOM; a blank line and a row without B are skipped
    const QByteArray csv
        = "System A field;Type;Rule;System B field;Type;Required;Example in;Example out\r\n"
          "customername;string;trim | title;name;string;sim;;\r\n"
          ";;;;;;;\r\n"
          "\r\n"
          "customeremail;string;\"lookup(table={\"\"A\"\":\"\"b;c\"\"})\";email;string;sim;;\r\n";
    const Result<QList<MappingRule>> rules = DeParaCsv::read(csv);
    QVERIFY2(rules.ok(), qPrintable(rules.errorString()));
    QCOMPARE(rules.value().size(), 2);
    QCOMPARE(rules.value().at(0).transformText(), u"trim | title"_s);
    QCOMPARE(rules.value().at(1).transformText(), uR"(lookup(table={"A":"b;c"}))"_s);
}

void TestDePara::csvErrors_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("error");
    QTest::addRow("empty") << QByteArray() << u"the CSV is empty"_s;
    QTest::addRow("another sheet")
        << QByteArray("Name,Value\r\na,b\r\n")
        << u"not a De-Para sheet: the first row should read System A field, Type, Rule, System B field, Type, Required, Example in, Example out"_s;
    QTest::addRow("bad rule") << QByteArray("System A field,Type,Rule,System B field\r\nx,,shout,y\r\n")
                              << u"row 2: transforms \"shout\", at 6: unknown transform \"shout\""_s;
    QTest::addRow("no B") << QByteArray("System A field,Type,Rule,System B field\r\nx,,trim,\r\n")
                          << u"row 2: no system B field for x"_s;
}

void TestDePara::csvErrors()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, error);
    const Result<QList<MappingRule>> rules = DeParaCsv::read(csv);
    QVERIFY(!rules.ok());
    QCOMPARE(rules.errorString(), error);
}

void TestDePara::xlsx()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"customers-de-para.xlsx"_s);
    ResolvedMapping mapping = customers();
    mapping.definition.rules.removeAt(4);
    const Status written
        = DeParaXlsx::write(DeParaTable::build(mapping), u"Customer DB"_s, u"Customer portal"_s, path);
    QVERIFY2(written.ok(), qPrintable(written.errorString()));
    QVERIFY(!QFile::exists(path + u".part"_s));
    // read the cells back with Python's zipfile (the workbook is zipped XML)
    QProcess python;
    python.start(u"python3"_s,
        {u"-c"_s, uR"(import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
strings = re.findall(r'<t[^>]*>([^<]*)</t>', z.read('xl/sharedStrings.xml').decode())
sheet = z.read('xl/worksheets/sheet1.xml').decode()
print('\n'.join(strings))
print('frozen' if 'state="frozen"' in sheet else 'not frozen')
print('filter' if '<autoFilter' in sheet else 'no filter'))"_s,
            path});
    QVERIFY(python.waitForFinished(30000));
    QCOMPARE(python.exitCode(), 0);
    const QStringList lines = QString::fromUtf8(python.readAllStandardOutput()).trimmed().split(u'\n');
    QCOMPARE(lines.value(0), u"De-Para: Customers: table → portal"_s);
    QCOMPARE(
        lines.value(1), u"System A (provider): Customer DB    →    System B (consumer): Customer portal"_s);
    QVERIFY(lines.contains(u"System A field"_s));
    QVERIFY(lines.contains(u"customerphone"_s));
    QVERIFY(lines.contains(u"+5511987654321"_s));
    QVERIFY(lines.contains(u"email (string): required by B, no source"_s));
    QCOMPARE(lines.value(lines.size() - 2), u"frozen"_s);
    QCOMPARE(lines.constLast(), u"filter"_s);
    // a folder that does not exist: an error, and nothing left behind
    const Status failed
        = DeParaXlsx::write(DeParaTable::build(mapping), {}, {}, dir.filePath(u"no/such/dir/x.xlsx"_s));
    QVERIFY(!failed.ok());
    QVERIFY(failed.errorString().startsWith(u"cannot "_s));
}

QTEST_GUILESS_MAIN(TestDePara)
#include "tst_depara.moc"
