// The mapping engine on real data: the sample's customer mapping over the sample rows (printed and
// compared whole), gaps and unused fields, nested objects and arrays by path, the fast JSON Lines
// reader and writer, and the parallel bulk mapper (same output, same order, any thread count).
#include "bulkmapper.h"
#include "jsonlinereader.h"
#include "mappinganalysis.h"
#include "mappingcatalog.h"
#include "mappingproject.h"
#include "mappingtesting.h"
#include "projectloader.h"
#include "samplerecords.h"
#include "scriptwatchdog.h"

#include <QBuffer>

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::testing;

namespace {

ProjectData sampleProject()
{
    Result<ProjectLoad> loaded = ProjectLoader::load(QStringLiteral(JB_SAMPLE_DIR));
    if (!loaded)
        qFatal("cannot load the sample: %s", qPrintable(loaded.errorString()));
    return loaded.value().data;
}

ResolvedMapping customers()
{
    Result<ResolvedMapping> resolved = ResolvedMapping::resolve(sampleProject(), u"customers"_s);
    if (!resolved)
        qFatal("%s", qPrintable(resolved.errorString()));
    return resolved.value();
}

std::shared_ptr<const MappingPlan> compile(const ResolvedMapping &mapping)
{
    Result<std::shared_ptr<const MappingPlan>> plan
        = MappingPlan::compile(mapping.definition, mapping.source, mapping.target);
    if (!plan)
        qFatal("%s", qPrintable(plan.errorString()));
    return plan.value();
}

} // namespace

class TestMappingEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sampleRows();
    void sampleAnalysis();
    void gapsShrink_data();
    void gapsShrink();
    void definitionRoundTrip();
    void nestedAndArrays();
    void previewDetail();
    void resolveErrors_data();
    void resolveErrors();
    void readLine_data();
    void readLine();
    void writeLine();
    void bulkSameForAnyThreads_data();
    void bulkSameForAnyThreads();
    void bulkRecords();
    void catalog();
    void runawayTransform();
};

void TestMappingEngine::sampleRows()
{
    const ResolvedMapping mapping = customers();
    QVERIFY(mapping.database.has_value());
    const Result<QList<QJsonObject>> rows
        = SampleRecords::fromDatabase(*mapping.database, mapping.sourceSql(), 0);
    QVERIFY2(rows.ok(), qPrintable(rows.errorString()));
    const std::shared_ptr<const MappingPlan> plan = compile(mapping);
    MappingRunner runner(plan);
    QStringList lines;
    for (const QJsonObject &row : rows.value())
        lines.append(QString::number(row.value(u"customerid"_s).toInt()) + u' '
            + printMapped(runner.map(row), plan->outputOrder()));
    const QString expected
        = uR"(1001 ok {"id":"1001","name":"MARIA APARECIDA DA SILVA","address":"Praça da Sé, 100 - Sé, São Paulo - SP","phone":"+5511987654321","email":"maria.silva@example.com"}
1002 ok {"id":"1002","name":"JOÃO PEDRO OLIVEIRA","address":"Avenida Paulista, 1578 - Bela Vista, São Paulo - SP","phone":"+551132515644","email":"joao.oliveira@example.com"}
1003 ok {"id":"1003","name":"ANA BEATRIZ SOUZA","address":"Rua Oscar Freire, 900 - Jardins, São Paulo - SP","phone":"+5511991234567","email":"ana.souza@example.com.br"}
1004 ok {"id":"1004","name":"CARLOS EDUARDO LIMA","address":"Rua Augusta, 2690 - Cerqueira César, São Paulo - SP","phone":"+5511976543210","email":"carlos.lima@example.com"}
1005 ok {"id":"1005","name":"FERNANDA RODRIGUES","address":"Avenida Brigadeiro Faria Lima, 3477 - Itaim Bibi, São Paulo - SP","phone":"+551137084000","email":"fernanda.rodrigues@example.com"}
1006 invalid email: does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$
1007 ok {"id":"1007","name":"JULIANA ALMEIDA","address":"Avenida Tiradentes, 1500 - Centro, Guarulhos - SP","phone":"+551124089900","email":"juliana.almeida@example.com"}
1008 ok {"id":"1008","name":"MARCOS VINÍCIUS SANTOS","address":"Rua Antônio Agú, 255 - Centro, Osasco - SP","phone":"+551136812200","email":"marcos.santos@example.com"}
1009 ok {"id":"1009","name":"PATRÍCIA GOMES","address":"Avenida Atlântica, 1702 - Copacabana, Rio de Janeiro - RJ","phone":"+552125487070","email":"patricia.gomes@example.com"}
1010 ok {"id":"1010","name":"LUCAS HENRIQUE MARTINS","address":"Rua da Bahia, 1148 - Centro, Belo Horizonte - MG","phone":"+553132224455","email":"lucas.martins@example.com"}
1011 ok {"id":"1011","name":"CAMILA FERREIRA","address":"Avenida Boa Viagem, 4000 - Boa Viagem, Recife - PE","phone":"+558134651020","email":"camila.ferreira@example.com"}
1012 ok {"id":"1012","name":"BRUNO CARVALHO","address":"Rua XV de Novembro, 700 - Centro, Curitiba - PR","phone":"+554132233344","email":"bruno.carvalho@example.com"}
1013 ok {"id":"1013","name":"ALINE RIBEIRO","address":"Avenida Sete de Setembro, 1200 - Centro, Salvador - BA","phone":"+557133218800","email":"aline.ribeiro@example.com"}
1014 ok {"id":"1014","name":"GUSTAVO ARAÚJO","address":"Rua dos Andradas, 1234 - Centro Histórico, Porto Alegre - RS","phone":"+555132261500","email":"gustavo.araujo@example.com"}
1015 invalid phone: not a Brazilian phone number "98877-6655": 9 digits; expected a DDD and 8 or 9 digits
1016 ok {"id":"1016","name":"THIAGO NASCIMENTO","address":"Avenida Beira Mar, 3000 - Meireles, Fortaleza - CE","phone":"+558532481900","email":"thiago.nascimento@example.com"}
1017 ok {"id":"1017","name":"BEATRIZ CARDOSO","address":"Rua da Consolação, 3075 - Cerqueira César, São Paulo - SP","phone":"+551130680101","email":"beatriz.cardoso@example.com"}
1018 ok {"id":"1018","name":"EDUARDO TEIXEIRA","address":"Rua Vergueiro, 1000 - Liberdade, São Paulo - SP","phone":"+551132097766","email":"eduardo.teixeira@example.com"}
1019 ok {"id":"1019","name":"MARIANA MOREIRA","address":"Avenida Getúlio Vargas, 500 - Centro, Campinas - SP","phone":"+551932314400","email":"mariana.moreira@example.com"}
1020 ok {"id":"1020","name":"VINÍCIUS ROCHA","address":"Rua Barão de Jaguara, 900 - Centro, Campinas - SP","phone":"+551932325566","email":"vinicius.rocha@example.com"})"_s;
    QCOMPARE(lines.join(u'\n'), expected);
}

void TestMappingEngine::sampleAnalysis()
{
    const ResolvedMapping mapping = customers();
    const MappingAnalysis analysis = MappingAnalysis::of(mapping.definition, mapping.source, mapping.target);
    QCOMPARE(analysis.lines(), QStringList());
    QVERIFY(analysis.complete());
}

void TestMappingEngine::gapsShrink_data()
{
    QTest::addColumn<QStringList>("targets");
    QTest::addColumn<QStringList>("lines");
    QTest::addRow("no rules") << QStringList()
                              << QStringList{u"gap: id (required, no source)"_s,
                                     u"gap: name (required, no source)"_s,
                                     u"gap: phone (required, no source)"_s,
                                     u"gap: email (required, no source)"_s, u"unused source: customerid"_s,
                                     u"unused source: customername"_s, u"unused source: customeraddress"_s,
                                     u"unused source: customerphone"_s, u"unused source: customeremail"_s};
    QTest::addRow("three rules") << QStringList{u"id"_s, u"name"_s, u"address"_s}
                                 << QStringList{u"gap: phone (required, no source)"_s,
                                        u"gap: email (required, no source)"_s,
                                        u"unused source: customerphone"_s, u"unused source: customeremail"_s};
    QTest::addRow("all but the optional one") << QStringList{u"id"_s, u"name"_s, u"phone"_s, u"email"_s}
                                              << QStringList{u"unused source: customeraddress"_s};
}

void TestMappingEngine::gapsShrink()
{
    QFETCH(QStringList, targets);
    QFETCH(QStringList, lines);
    ResolvedMapping mapping = customers();
    mapping.definition.rules.removeIf(
        [&](const MappingRule &rule) { return !targets.contains(rule.target); });
    QCOMPARE(MappingAnalysis::of(mapping.definition, mapping.source, mapping.target).lines(), lines);
}

void TestMappingEngine::definitionRoundTrip()
{
    const ProjectData project = sampleProject();
    const EntityRecord *record = ResolvedMapping::find(project.entities, u"mapping"_s, u"customers"_s);
    QVERIFY(record);
    const Result<MappingDefinition> definition = MappingDefinition::fromJson(record->data);
    QVERIFY(definition.ok());
    QCOMPARE(definition.value().toJson(), record->data);
    // keys the definition does not know survive an edit
    QJsonObject entity = record->data;
    entity.insert(u"x-owner"_s, u"Marina"_s);
    MappingDefinition edited = definition.value();
    edited.rules.removeLast();
    const QJsonObject written = edited.applyTo(entity);
    QCOMPARE(written.value(u"x-owner"_s).toString(), u"Marina"_s);
    QCOMPARE(written.value(u"rules"_s).toArray().size(), 4);

    const Result<MappingDefinition> broken = MappingDefinition::fromJson(QJsonObject{{u"id"_s, u"m"_s},
        {u"rules"_s,
            QJsonArray{QJsonObject{{u"target"_s, u"a"_s}, {u"transforms"_s, QJsonArray{u"bogus"_s}}}}}});
    QVERIFY(!broken.ok());
    QCOMPARE(broken.errorString(),
        u"mapping m, rule 1: a: transform 1: unknown transform \"bogus\" (known: trim, upper, lower, title, "
        u"digits, "
        "pad, substring, phone-br, date, number, concat, constant, default, lookup, js)"_s);
}

void TestMappingEngine::nestedAndArrays()
{
    // the ERP order into a made-up billing shape: nested target objects, arrays element-wise,
    // a date reformatted, a number as text, a lookup with a default and a constant
    const ProjectData project = sampleProject();
    const Contract order
        = Contract::fromJson(ResolvedMapping::find(project.entities, u"contract"_s, u"erp-order"_s)->data);
    Contract invoice;
    invoice.id = u"invoice"_s;
    const auto field = [](const QString &name, const QString &type, bool required) {
        ContractField f;
        f.name = name;
        f.type = type;
        f.required = required;
        return f;
    };
    invoice.fields = {field(u"invoice.number"_s, u"string"_s, true),
        field(u"invoice.date"_s, u"string"_s, true), field(u"customer.code"_s, u"integer"_s, true),
        field(u"amount"_s, u"string"_s, true), field(u"lines"_s, u"array"_s, true),
        field(u"lines[].code"_s, u"string"_s, true), field(u"lines[].qty"_s, u"integer"_s, true),
        field(u"lines[].kind"_s, u"string"_s, false), field(u"channel"_s, u"string"_s, true)};
    MappingDefinition definition;
    const auto rule = [](const QString &target, const QString &source, const QString &chain) {
        return MappingRule{target, source, TransformSpec::parseChain(chain).value(), {}};
    };
    definition.rules = {rule(u"invoice.number"_s, u"orderId"_s, u"substring(start=3)"_s),
        rule(u"invoice.date"_s, u"orderDate"_s, uR"(date(from="yyyy-MM-dd", to="dd/MM/yyyy"))"_s),
        rule(u"customer.code"_s, u"customerId"_s, QString()),
        rule(u"amount"_s, u"total"_s, uR"(number(outDecimal=",", places=2))"_s),
        rule(u"lines[].code"_s, u"items[].sku"_s, u"lower"_s),
        rule(u"lines[].qty"_s, u"items[].quantity"_s, QString()),
        rule(u"lines[].kind"_s, u"items[].sku"_s,
            uR"(substring(length=3) | lookup(table={"SKU":"product"}, default="other"))"_s),
        rule(u"channel"_s, QString(), uR"(constant(value="erp"))"_s)};
    Result<std::shared_ptr<const MappingPlan>> plan = MappingPlan::compile(definition, order, invoice);
    QVERIFY2(plan.ok(), qPrintable(plan.errorString()));
    MappingRunner runner(plan.value());
    const QJsonObject record = QJsonDocument::fromJson(R"({"orderId": "PO-004211", "customerId": "1001",
        "orderDate": "2026-11-20", "total": 349.9,
        "items": [{"sku": "SKU-7781", "quantity": 2}, {"sku": "GIFT-1", "quantity": "1"}]})")
                                   .object();
    QCOMPARE(printMapped(runner.map(record), plan.value()->outputOrder()),
        uR"(ok {"invoice":{"date":"20/11/2026","number":"004211"},"customer":{"code":1001},"amount":"349,90","lines":[{"code":"sku-7781","kind":"product","qty":2},{"code":"gift-1","kind":"other","qty":1}],"channel":"erp"})"_s);
    // a bad element fails the field, naming it; the contract then reports what is missing
    const QJsonObject bad = QJsonDocument::fromJson(R"({"orderId": "PO-1", "customerId": "x",
        "orderDate": "20/11/2026", "total": 1, "items": [{"sku": "A", "quantity": 1}, {"quantity": 2}]})")
                                .object();
    QCOMPARE(printMapped(runner.map(bad), plan.value()->outputOrder()),
        uR"(invalid invoice.date: "20/11/2026" is not a date in yyyy-MM-dd; customer.code: not an integer; lines[1].code: required)"_s);
    const MappingAnalysis analysis = MappingAnalysis::of(definition, order, invoice);
    QCOMPARE(analysis.lines().join(u'|'), QString());
}

void TestMappingEngine::previewDetail()
{
    const ResolvedMapping mapping = customers();
    const std::shared_ptr<const MappingPlan> plan = compile(mapping);
    MappingRunner runner(plan);
    const MappedRecord mapped
        = runner.map(SampleRecords::fromContract(mapping.source).constFirst(), MappingRunner::Detail::Fields);
    QStringList lines;
    for (const MappedField &field : mapped.fields)
        lines.append(u"%1 <- %2: %3 -> %4%5"_s.arg(field.target, field.source, jsonText(field.input),
            jsonText(field.output), field.error.isEmpty() ? QString() : u" ("_s + field.error + u')'));
    QCOMPARE(lines.join(u'\n'), uR"(id <- customerid: 1001 -> "1001"
name <- customername: "  maria aparecida da silva " -> "MARIA APARECIDA DA SILVA"
address <- customeraddress: "Praça da Sé, 100 - Sé, São Paulo - SP" -> "Praça da Sé, 100 - Sé, São Paulo - SP"
phone <- customerphone: "(11) 98765-4321" -> "+5511987654321"
email <- customeremail: "Maria.Silva@Example.com" -> "maria.silva@example.com")"_s);
    QVERIFY(mapped.ok());
}

void TestMappingEngine::resolveErrors_data()
{
    QTest::addColumn<QString>("mapping");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("error");
    QTest::addRow("unknown mapping") << u"nope"_s << QString()
                                     << u"no mapping with the id nope (the project has: customers)"_s;
    QTest::addRow("unknown environment")
        << u"customers"_s << u"staging"_s << u"no environment with the id staging"_s;
}

void TestMappingEngine::resolveErrors()
{
    QFETCH(QString, mapping);
    QFETCH(QString, environment);
    QFETCH(QString, error);
    const Result<ResolvedMapping> resolved = ResolvedMapping::resolve(sampleProject(), mapping, environment);
    QVERIFY(!resolved.ok());
    QCOMPARE(resolved.errorString(), error);
}

void TestMappingEngine::readLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("expected");
    QTest::addRow("flat") << QByteArray(R"({"a": "x", "b": 12, "c": -0.5, "d": true, "e": false, "f": null})")
                          << uR"({"a":"x","b":12,"c":-0.5,"d":true,"e":false,"f":null})"_s;
    QTest::addRow("UTF-8 and escapes") << QByteArray(R"({"n":"São \"Zé\" \\ \/ \t\u00e9\ud83d\ude00"})")
                                       << uR"({"n":"São \"Zé\" \\ / \té😀"})"_s;
    QTest::addRow("exponent and big integer")
        << QByteArray(R"({"a":1e3,"b":12345678901234567})") << uR"({"a":1000,"b":12345678901234567})"_s;
    QTest::addRow("nested goes to the full parser")
        << QByteArray(R"({"a":{"b":[1,{"c":"ç"}]}})") << uR"({"a":{"b":[1,{"c":"ç"}]}})"_s;
    QTest::addRow("empty object") << QByteArray(" {} ") << u"{}"_s;
    QTest::addRow("trailing garbage")
        << QByteArray(R"({"a":1} x)") << u"error: not JSON: garbage at the end of the document at column 9"_s;
    QTest::addRow("not an object") << QByteArray("[1]") << u"error: not a JSON object"_s;
    QTest::addRow("unterminated") << QByteArray(R"({"a":"x)")
                                  << u"error: not JSON: unterminated string at column 9"_s;
    QTest::addRow("bad UTF-8") << QByteArray("{\"a\":\"\xC3\x28\"}")
                               << u"error: not JSON: invalid UTF8 string at column 7"_s;
    // the fast reader refuses these; QJsonDocument then decides, as it would alone
    QTest::addRow("lone surrogate") << QByteArray(R"({"a":"\ud83d"})") << uR"({"a":"?"})"_s;
    QTest::addRow("raw tab") << QByteArray("{\"a\":\"x\ty\"}") << uR"({"a":"x\ty"})"_s;
    QTest::addRow("leading zero") << QByteArray(R"({"a":012})")
                                  << u"error: not JSON: unterminated object at column 8"_s;
}

void TestMappingEngine::readLine()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, expected);
    QJsonObject object;
    QString error;
    if (!JsonLineReader::read(line, object, error)) {
        QCOMPARE(u"error: "_s + error, expected);
        return;
    }
    // the fast reader agrees with QJsonDocument on every valid line
    QCOMPARE(object, QJsonDocument::fromJson(line).object());
    QCOMPARE(jsonText(object), expected);
}

void TestMappingEngine::writeLine()
{
    QByteArray out;
    JsonLineWriter::append(out,
        QJsonObject{{u"b"_s, u"line\nbreak \"q\" \\ \u0001 ç"_s}, {u"a"_s, 1.5},
            {u"z"_s, QJsonValue(QJsonValue::Null)}, {u"c"_s, QJsonArray{1, true, u"x"_s}}},
        {u"z"_s, u"b"_s});
    QCOMPARE(QString::fromUtf8(out),
        uR"({"z":null,"b":"line\nbreak \"q\" \\ \u0001 ç","a":1.5,"c":[1,true,"x"]})"_s);
    QCOMPARE(
        QJsonDocument::fromJson(out).object().value(u"b"_s).toString(), u"line\nbreak \"q\" \\ \u0001 ç"_s);
}

void TestMappingEngine::bulkSameForAnyThreads_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addRow("one thread") << 1;
    QTest::addRow("two threads") << 2;
    QTest::addRow("five threads") << 5;
}

void TestMappingEngine::bulkSameForAnyThreads()
{
    QFETCH(int, jobs);
    // 30,000 lines (several chunks), CRLF and blank lines, some invalid, no final newline
    QByteArray input;
    QByteArray expected;
    QStringList expectedReports;
    const std::shared_ptr<const MappingPlan> plan = compile(customers());
    for (int i = 1; i <= 30000; ++i) {
        if (i % 5000 == 0) {
            input += "\r\n"; // blank, counted
            continue;
        }
        const bool badPhone = i % 997 == 0;
        const bool badJson = i % 1499 == 0;
        if (badJson) {
            input += "{\"customerid\": " + QByteArray::number(i) + ",\n";
            expectedReports.append(u"%1: : not JSON: unterminated object at column %2"_s.arg(i).arg(
                QString::number(i).size() + 17));
            continue;
        }
        input += "{\"customerid\":" + QByteArray::number(i) + ",\"customername\":\" cliente nº "
            + QByteArray::number(i) + " \",\"customerphone\":\""
            + (badPhone ? QByteArray("123") : QByteArray("(11) 9" + QByteArray::number(10000000 + i))) + "\","
            + "\"customeremail\":\"C" + QByteArray::number(i) + "@Example.com\"}"
            + QByteArray(i % 3 ? "\n" : "\r\n");
        if (badPhone) {
            expectedReports.append(
                u"%1: phone: not a Brazilian phone number \"123\": 3 digits; expected a DDD and 8 or 9 digits"_s
                    .arg(i));
            continue;
        }
        expected += "{\"id\":\"" + QByteArray::number(i) + "\",\"name\":\"CLIENTE Nº " + QByteArray::number(i)
            + "\",\"phone\":\"+55119" + QByteArray::number(10000000 + i) + "\",\"email\":\"c"
            + QByteArray::number(i) + "@example.com\"}\n";
    }
    input.chop(1); // the last line ends without a newline
    QBuffer in(&input);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray output;
    QBuffer out(&output);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QStringList reports;
    BulkMapper::Options options;
    options.jobs = jobs;
    BulkMapper mapper(plan, options);
    const Result<BulkMapper::Stats> stats
        = mapper.mapLines(in, out, [&](qint64 number, const FieldErrors &errors) {
              for (const FieldError &error : errors)
                  reports.append(u"%1: %2"_s.arg(number).arg(error.field + u": "_s + error.rule));
          });
    QVERIFY2(stats.ok(), qPrintable(stats.errorString()));
    QCOMPARE(reports, expectedReports);
    QCOMPARE(output.size(), expected.size());
    QVERIFY(output == expected);
    QCOMPARE(stats.value().records, 30000 - 6);
    QCOMPARE(stats.value().invalid, expectedReports.size());
    QCOMPARE(stats.value().valid, stats.value().records - expectedReports.size());
}

void TestMappingEngine::bulkRecords()
{
    const ResolvedMapping mapping = customers();
    const Result<QList<QJsonObject>> rows
        = SampleRecords::fromDatabase(*mapping.database, mapping.sourceSql(), 0);
    QVERIFY(rows.ok());
    qsizetype next = 0;
    QByteArray output;
    QBuffer out(&output);
    QVERIFY(out.open(QIODevice::WriteOnly));
    QStringList reports;
    BulkMapper::Options options;
    options.jobs = 2;
    options.chunkRecords = 3; // several chunks for 20 rows
    BulkMapper mapper(compile(mapping), options);
    const Result<BulkMapper::Stats> stats = mapper.mapRecords(
        [&](QJsonObject &record) -> Result<bool> {
            if (next == rows.value().size())
                return false;
            record = rows.value().at(next++);
            return true;
        },
        out,
        [&](qint64 number, const FieldErrors &errors) {
            reports.append(u"row %1: %2"_s.arg(number).arg(errors.first().text()));
        });
    QVERIFY(stats.ok());
    QCOMPARE(reports,
        (QStringList{uR"(row 6: email: does not match ^[^@\s]+@[^@\s]+\.[^@\s]+$)"_s,
            uR"(row 15: phone: not a Brazilian phone number "98877-6655": 9 digits; expected a DDD and 8 or 9 digits)"_s}));
    QCOMPARE(output.count('\n'), 18);
    QVERIFY(output.startsWith(R"({"id":"1001","name":"MARIA APARECIDA DA SILVA",)"));
}

void TestMappingEngine::catalog()
{
    ProjectData project = sampleProject();
    EntityRecord broken;
    broken.kind = u"mapping"_s;
    broken.path = u"mappings/broken.json"_s;
    broken.data = QJsonObject{{u"id"_s, u"broken"_s}, {u"sourceContract"_s, u"customers-row"_s},
        {u"targetContract"_s, u"portal-customer"_s},
        {u"rules"_s,
            QJsonArray{QJsonObject{
                {u"target"_s, u"id"_s}, {u"transforms"_s, QJsonArray{QJsonObject{{u"op"_s, u"pad"_s}}}}}}}};
    project.entities.append(broken);
    QStringList problems;
    const MappingCatalog catalog
        = MappingCatalog::build(project.entities, project.folder, u"test"_s, &problems);
    QCOMPARE(catalog.ids(), QStringList{u"customers"_s});
    QCOMPARE(problems, QStringList{u"mapping broken: id: pad: width is a number from 0 to 10000"_s});
    QCOMPARE(catalog.environment().value(u"viacep.timeoutMs"_s).toString(), u"5000"_s);
    QVERIFY(!catalog.plan(u"broken"_s));
    MappingRunner runner(catalog.plan(u"customers"_s), catalog.environment());
    QVERIFY(
        runner.map(SampleRecords::fromContract(catalog.plan(u"customers"_s)->source()).constFirst()).ok());
}

void TestMappingEngine::runawayTransform()
{
    // a transform that never ends, under the thread's watchdog (as a pipe worker runs mappings):
    // interrupted at the deadline, a field error, and the same runner maps the next record
    ProjectData project = sampleProject();
    EntityRecord runaway;
    runaway.kind = u"mapping"_s;
    runaway.path = u"mappings/runaway.json"_s;
    runaway.data = QJsonObject{{u"id"_s, u"runaway"_s}, {u"sourceContract"_s, u"customers-row"_s},
        {u"targetContract"_s, u"portal-customer"_s},
        {u"rules"_s,
            QJsonArray{QJsonObject{{u"target"_s, u"id"_s}, {u"source"_s, u"customerid"_s},
                {u"transforms"_s,
                    QJsonArray{QJsonObject{{u"op"_s, u"js"_s},
                        {u"expression"_s,
                            u"record.loop ? (function () { for (;;) {} })() : String(value)"_s}}}}}}}};
    project.entities.append(runaway);
    QStringList problems;
    const MappingCatalog catalog
        = MappingCatalog::build(project.entities, project.folder, u"test"_s, &problems);
    QVERIFY2(catalog.plan(u"runaway"_s), qPrintable(problems.join(u'\n')));
    ScriptWatchdog watchdog;
    MappingRunner runner(catalog.plan(u"runaway"_s), catalog.environment(), &watchdog);
    QJsonObject record = SampleRecords::fromContract(catalog.plan(u"runaway"_s)->source()).constFirst();
    record.insert(u"customerid"_s, 1001);
    record.insert(u"loop"_s, true);
    watchdog.watchUntil(QDeadlineTimer(200));
    QElapsedTimer clock;
    clock.start();
    const MappedRecord looped = runner.map(record);
    const qint64 tookMs = clock.elapsed();
    QVERIFY2(tookMs >= 195 && tookMs < 3000, qPrintable(QString::number(tookMs)));
    QCOMPARE(int(watchdog.takeTrip()), int(ScriptWatchdog::Trip::Deadline));
    QVERIFY(!looped.errors.isEmpty());
    QCOMPARE(looped.errors.constFirst().field, u"id"_s);
    QCOMPARE(looped.errors.constFirst().rule, u"js: the script was interrupted: it ran past the deadline"_s);
    record.remove(u"loop"_s);
    watchdog.watchUntil(QDeadlineTimer(5000));
    const MappedRecord mapped = runner.map(record);
    QCOMPARE(mapped.object.value(u"id"_s).toString(), u"1001"_s);
    QCOMPARE(int(watchdog.takeTrip()), int(ScriptWatchdog::Trip::None));
}

QTEST_GUILESS_MAIN(TestMappingEngine)
#include "tst_mappingengine.moc"
