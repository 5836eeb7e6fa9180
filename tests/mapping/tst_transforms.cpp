// Every transform, table-driven, through a one-rule mapping (so the JavaScript engine, the value
// conversions and the error path are the real ones): accents and other non-ASCII text, empty,
// null and missing values, bad dates, numbers and phones (a clear error, never a crash).
#include "mappingtesting.h"
#include "transformcatalog.h"

using namespace Qt::StringLiterals;
using namespace jb;
using namespace jb::testing;

namespace {

// Maps {"in": input, "city": "São Paulo"} with out <- in | transform; the output or the error.
QString run(const QString &transformJson, const QString &input)
{
    const QJsonDocument spec = QJsonDocument::fromJson(transformJson.toUtf8());
    Result<TransformSpec> transform
        = TransformSpec::fromJson(spec.isObject() ? QJsonValue(spec.object()) : parseValue(transformJson));
    if (!transform)
        return u"spec error: "_s + transform.errorString();
    MappingDefinition definition;
    definition.id = u"t"_s;
    definition.rules = {{u"out"_s, u"in"_s, {transform.value()}, {}}};
    const Result<std::shared_ptr<const MappingPlan>> plan
        = MappingPlan::compile(definition, Contract(), Contract());
    if (!plan)
        return u"compile error: "_s + plan.errorString();
    MappingRunner runner(plan.value(), QJsonObject{{u"region"_s, u"Sudeste"_s}});
    QJsonObject record{{u"city"_s, u"São Paulo"_s}, {u"empty"_s, u""_s}};
    const QJsonValue value = parseValue(input);
    if (!value.isUndefined())
        record.insert(u"in"_s, value);
    const MappedRecord mapped = runner.map(record);
    if (!mapped.ok())
        return u"error: "_s + mapped.errors.constFirst().rule;
    return jsonText(mapped.object.value(u"out"_s));
}

} // namespace

class TestTransforms final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void transform_data();
    void transform();
    void chainText_data();
    void chainText();
    void chainTextErrors_data();
    void chainTextErrors();
    void catalogDefaultsCompile();
};

void TestTransforms::transform_data()
{
    QTest::addColumn<QString>("transform");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    const auto row
        = [](const char *name, const QString &transform, const QString &input, const QString &expected) {
              QTest::addRow("%s", name) << transform << input << expected;
          };
    // trim
    row("trim spaces", u"\"trim\""_s, u"\"  João  \""_s, u"\"João\""_s);
    row("trim no-break spaces", u"\"trim\""_s, u"\"\\u00a0Sé\\u00a0\""_s, u"\"Sé\""_s);
    row("trim empty", u"\"trim\""_s, u"\"\""_s, u"\"\""_s);
    row("trim null stays null (absent)", u"\"trim\""_s, u"null"_s, u"(absent)"_s);
    row("trim missing", u"\"trim\""_s, u"(absent)"_s, u"(absent)"_s);
    row("trim a number", u"\"trim\""_s, u"1001"_s, u"\"1001\""_s);
    row("trim an object", u"\"trim\""_s, u"{\"a\":1}"_s,
        u"error: trim works on text, and this value is an object"_s);
    // case
    row("upper accents", u"\"upper\""_s, u"\"água ção\""_s, u"\"ÁGUA ÇÃO\""_s);
    row("upper sharp s", u"\"upper\""_s, u"\"straße\""_s, u"\"STRASSE\""_s);
    row("upper a boolean", u"\"upper\""_s, u"true"_s, u"\"TRUE\""_s);
    row("lower accents", u"\"lower\""_s, u"\"ÁGUA ÉÊ\""_s, u"\"água éê\""_s);
    row("title particles", u"\"title\""_s, u"\"MARIA APARECIDA DA SILVA\""_s,
        u"\"Maria Aparecida da Silva\""_s);
    row("title keeps spacing", u"\"title\""_s, u"\"  joão dos santos e souza\""_s,
        u"\"  João dos Santos e Souza\""_s);
    row("title first word particle", u"\"title\""_s, u"\"DE SOUZA\""_s, u"\"De Souza\""_s);
    row("title hyphen", u"\"title\""_s, u"\"ana-maria das dores\""_s, u"\"Ana-Maria das Dores\""_s);
    row("title accented initial", u"\"title\""_s, u"\"ÉMILE ÁVILA\""_s, u"\"Émile Ávila\""_s);
    row("title emoji", u"\"title\""_s, u"\"😀 oi\""_s, u"\"😀 Oi\""_s);
    // digits
    row("digits phone", u"\"digits\""_s, u"\"(11) 98765-4321\""_s, u"\"11987654321\""_s);
    row("digits none", u"\"digits\""_s, u"\"abc\""_s, u"\"\""_s);
    row("digits of a number", u"\"digits\""_s, u"1001"_s, u"\"1001\""_s);
    row("digits ASCII only", u"\"digits\""_s, u"\"٣4\""_s, u"\"4\""_s);
    // pad
    row("pad left zeros", u"{\"op\":\"pad\",\"width\":8}"_s, u"\"1001\""_s, u"\"00001001\""_s);
    row("pad longer stays", u"{\"op\":\"pad\",\"width\":3}"_s, u"\"1001\""_s, u"\"1001\""_s);
    row("pad right counts characters", u"{\"op\":\"pad\",\"side\":\"right\",\"char\":\"*\",\"width\":5}"_s,
        u"\"ção\""_s, u"\"ção**\""_s);
    row("pad empty", u"{\"op\":\"pad\",\"width\":3}"_s, u"\"\""_s, u"\"000\""_s);
    row("pad null", u"{\"op\":\"pad\",\"width\":3}"_s, u"null"_s, u"(absent)"_s);
    row("pad without width", u"{\"op\":\"pad\"}"_s, u"\"1\""_s,
        u"compile error: out: pad: width is a number from 0 to 10000"_s);
    row("pad bad side", u"{\"op\":\"pad\",\"width\":3,\"side\":\"up\"}"_s, u"\"1\""_s,
        u"compile error: out: pad: side is left or right, not \"up\""_s);
    // substring
    row("substring accents", u"{\"op\":\"substring\",\"start\":0,\"length\":3}"_s, u"\"São Paulo\""_s,
        u"\"São\""_s);
    row("substring from the end", u"{\"op\":\"substring\",\"start\":-5}"_s, u"\"São Paulo\""_s,
        u"\"Paulo\""_s);
    row("substring past the end", u"{\"op\":\"substring\",\"start\":20}"_s, u"\"São\""_s, u"\"\""_s);
    row("substring emoji is one character", u"{\"op\":\"substring\",\"start\":1,\"length\":2}"_s,
        u"\"😀abc\""_s, u"\"ab\""_s);
    // phone
    row("phone mobile", u"\"phone-br\""_s, u"\"(11) 98765-4321\""_s, u"\"+5511987654321\""_s);
    row("phone landline with +55", u"\"phone-br\""_s, u"\"+55 11 3251-5644\""_s, u"\"+551132515644\""_s);
    row("phone trunk 0", u"\"phone-br\""_s, u"\"011 98765 4321\""_s, u"\"+5511987654321\""_s);
    row("phone carrier code", u"\"phone-br\""_s, u"\"0 21 21 2548-7070\""_s, u"\"+552125487070\""_s);
    row("phone 0xx", u"\"phone-br\""_s, u"\"0xx21 2548-7070\""_s, u"\"+552125487070\""_s);
    row("phone 55 without +", u"\"phone-br\""_s, u"\"5511991234567\""_s, u"\"+5511991234567\""_s);
    row("phone number field", u"\"phone-br\""_s, u"11987654321"_s, u"\"+5511987654321\""_s);
    row("phone no DDD", u"\"phone-br\""_s, u"\"98877-6655\""_s,
        u"error: not a Brazilian phone number \"98877-6655\": 9 digits; expected a DDD and 8 or 9 digits"_s);
    row("phone bad DDD", u"\"phone-br\""_s, u"\"(10) 98765-4321\""_s,
        u"error: not a Brazilian phone number \"(10) 98765-4321\": 10 is not a Brazilian area code (DDD)"_s);
    row("phone foreign", u"\"phone-br\""_s, u"\"+1 415 555 2671\""_s,
        u"error: not a Brazilian phone number \"+1 415 555 2671\": the country code is not Brazil's +55"_s);
    row("phone old 8-digit mobile", u"\"phone-br\""_s, u"\"(11) 8765-4321\""_s,
        u"error: not a Brazilian phone number \"(11) 8765-4321\": an 8-digit (landline) number starts with 2 to 5"_s);
    row("phone 9 digits not starting with 9", u"\"phone-br\""_s, u"\"(11) 88765-4321\""_s,
        u"error: not a Brazilian phone number \"(11) 88765-4321\": a 9-digit number starts with 9"_s);
    row("phone letters", u"\"phone-br\""_s, u"\"11 9876A-4321\""_s,
        u"error: not a Brazilian phone number \"11 9876A-4321\": it has letters or symbols"_s);
    row("phone empty is absent", u"\"phone-br\""_s, u"\"  \""_s, u"(absent)"_s);
    row("phone null", u"\"phone-br\""_s, u"null"_s, u"(absent)"_s);
    // date and time
    const QString br = u"{\"op\":\"date\",\"from\":\"dd/MM/yyyy\",\"to\":\"yyyy-MM-dd\"}"_s;
    row("date dd/MM/yyyy", br, u"\"31/12/2024\""_s, u"\"2024-12-31\""_s);
    row("date 29 Feb leap year", br, u"\"29/02/2024\""_s, u"\"2024-02-29\""_s);
    row("date 31 Feb", br, u"\"31/02/2024\""_s, u"error: \"31/02/2024\" is not a date in dd/MM/yyyy"_s);
    row("date words", br, u"\"amanhã\""_s, u"error: \"amanhã\" is not a date in dd/MM/yyyy"_s);
    row("date empty", br, u"\"\""_s, u"(absent)"_s);
    row("date number", br, u"20241231"_s, u"error: \"20241231\" is not a date in dd/MM/yyyy"_s);
    row("date iso to BR with time", u"{\"op\":\"date\",\"from\":\"iso\",\"to\":\"dd/MM/yyyy HH:mm\"}"_s,
        u"\"2024-12-31T23:59:00\""_s, u"\"31/12/2024 23:59\""_s);
    row("date BR with time to iso", u"{\"op\":\"date\",\"from\":\"dd/MM/yyyy HH:mm\",\"to\":\"iso\"}"_s,
        u"\"01/02/2025 08:05\""_s, u"\"2025-02-01T08:05:00\""_s);
    row("time only", u"{\"op\":\"date\",\"from\":\"HH:mm\",\"to\":\"HH'h'mm\"}"_s, u"\"23:59\""_s,
        u"\"23h59\""_s);
    row("time 25:00", u"{\"op\":\"date\",\"from\":\"HH:mm\",\"to\":\"HH:mm:ss\"}"_s, u"\"25:00\""_s,
        u"error: \"25:00\" is not a time in HH:mm"_s);
    row("date writes a date it never read", u"{\"op\":\"date\",\"from\":\"HH:mm\",\"to\":\"yyyy\"}"_s,
        u"\"10:00\""_s, u"error: yyyy writes a date, but HH:mm reads none"_s);
    row("date without formats", u"{\"op\":\"date\",\"from\":\"\"}"_s, u"\"1\""_s,
        u"compile error: out: date: needs a format to read (from) and one to write (to)"_s);
    // number
    row("number BR grouping", u"{\"op\":\"number\",\"decimal\":\",\"}"_s, u"\"1.234,56\""_s, u"1234.56"_s);
    row("number BR plain", u"{\"op\":\"number\",\"decimal\":\",\"}"_s, u"\"-0,5\""_s, u"-0.5"_s);
    row("number US in a BR field", u"{\"op\":\"number\",\"decimal\":\",\"}"_s, u"\"1,234.56\""_s,
        u"error: \"1,234.56\" is not a number with decimal separator ,"_s);
    row("number bad grouping", u"{\"op\":\"number\",\"decimal\":\",\"}"_s, u"\"1.23,4\""_s,
        u"error: \"1.23,4\" is not a number with decimal separator ,"_s);
    row("number letters", u"{\"op\":\"number\"}"_s, u"\"12a\""_s,
        u"error: \"12a\" is not a number with decimal separator ."_s);
    row("number currency to text",
        u"{\"op\":\"number\",\"decimal\":\",\",\"outDecimal\":\".\",\"places\":2}"_s, u"\"R$ 1.234,5\""_s,
        u"\"1234.50\""_s);
    row("number to BR text", u"{\"op\":\"number\",\"decimal\":\".\",\"outDecimal\":\",\",\"places\":2}"_s,
        u"\"1234.5\""_s, u"\"1234,50\""_s);
    row("number rounds a JSON number", u"{\"op\":\"number\",\"places\":2}"_s, u"3.14159"_s, u"3.14"_s);
    row("number empty", u"{\"op\":\"number\"}"_s, u"\"\""_s, u"(absent)"_s);
    row("number bad separator", u"{\"op\":\"number\",\"decimal\":\";\"}"_s, u"\"1\""_s,
        u"compile error: out: number: decimal separators are \".\" or \",\""_s);
    // concat, constant, default
    const QString concat = u"{\"op\":\"concat\",\"fields\":[\"city\"],\"separator\":\" - \"}"_s;
    row("concat", concat, u"\"Rua X, 10\""_s, u"\"Rua X, 10 - São Paulo\""_s);
    row("concat skips an empty value", concat, u"null"_s, u"\"São Paulo\""_s);
    row("concat of empties is absent", u"{\"op\":\"concat\",\"fields\":[\"empty\"]}"_s, u"\"\""_s,
        u"(absent)"_s);
    row("concat without fields", u"{\"op\":\"concat\",\"fields\":[]}"_s, u"\"x\""_s,
        u"compile error: out: concat: names no field to append"_s);
    row("constant", u"{\"op\":\"constant\",\"value\":\"BR\"}"_s, u"\"anything\""_s, u"\"BR\""_s);
    row("constant number", u"{\"op\":\"constant\",\"value\":55}"_s, u"(absent)"_s, u"55"_s);
    row("default on null", u"{\"op\":\"default\",\"value\":\"n/a\"}"_s, u"null"_s, u"\"n/a\""_s);
    row("default on empty", u"{\"op\":\"default\",\"value\":\"n/a\"}"_s, u"\"\""_s, u"\"n/a\""_s);
    row("default keeps a value", u"{\"op\":\"default\",\"value\":\"n/a\"}"_s, u"\"ação\""_s, u"\"ação\""_s);
    // lookup
    const QString status
        = u"{\"op\":\"lookup\",\"table\":{\"A\":\"active\",\"I\":\"inactive\",\"1\":\"one\"},\"default\":\"unknown\"}"_s;
    row("lookup hit", status, u"\"A\""_s, u"\"active\""_s);
    row("lookup default", status, u"\"X\""_s, u"\"unknown\""_s);
    row("lookup a number key", status, u"1"_s, u"\"one\""_s);
    row("lookup null takes the default", status, u"null"_s, u"\"unknown\""_s);
    row("lookup miss without default", u"{\"op\":\"lookup\",\"table\":{\"A\":\"active\"}}"_s, u"\"Ç\""_s,
        u"error: no entry for \"Ç\" in the lookup table"_s);
    row("lookup without table", u"{\"op\":\"lookup\"}"_s, u"\"A\""_s,
        u"compile error: out: lookup: needs a table (an object of value -> replacement)"_s);
    // JavaScript
    row("js expression", u"{\"op\":\"js\",\"expression\":\"value.toUpperCase() + '!'\"}"_s, u"\"ação\""_s,
        u"\"AÇÃO!\""_s);
    row("js record and env", u"{\"op\":\"js\",\"expression\":\"record.city + '/' + env.region\"}"_s,
        u"\"x\""_s, u"\"São Paulo/Sudeste\""_s);
    row("js body with return",
        u"{\"op\":\"js\",\"expression\":\"if (!value) return 0; return value * 2;\"}"_s, u"21"_s, u"42"_s);
    row("js returns an object", u"{\"op\":\"js\",\"expression\":\"({n: value})\"}"_s, u"1"_s, u"{\"n\":1}"_s);
    row("js undefined is absent", u"{\"op\":\"js\",\"expression\":\"undefined\"}"_s, u"1"_s, u"(absent)"_s);
    row("js missing value", u"{\"op\":\"js\",\"expression\":\"value === undefined ? 'none' : 'some'\"}"_s,
        u"(absent)"_s, u"\"none\""_s);
    row("js runtime error", u"{\"op\":\"js\",\"expression\":\"nosuch(value)\"}"_s, u"1"_s,
        u"error: js: ReferenceError: nosuch is not defined"_s);
    row("js syntax error", u"{\"op\":\"js\",\"expression\":\"value +\"}"_s, u"1"_s,
        u"compile error: out: js: SyntaxError: Expected token `numeric literal'"_s);
    // the spec itself
    row("unknown transform", u"\"shout\""_s, u"\"x\""_s,
        u"spec error: unknown transform \"shout\" (known: trim, upper, lower, title, digits, pad, substring, "
        "phone-br, date, number, concat, constant, default, lookup, js)"_s);
}

void TestTransforms::transform()
{
    QFETCH(QString, transform);
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(run(transform, input), expected);
}

void TestTransforms::chainText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("json");
    QTest::addRow("empty") << QString() << u"[]"_s;
    QTest::addRow("names") << u"trim | upper"_s << u"[\"trim\",\"upper\"]"_s;
    QTest::addRow("parameters in the catalogue's order")
        << u"trim | pad(side=\"left\", width=8, char=\"0\")"_s
        << u"[\"trim\",{\"char\":\"0\",\"op\":\"pad\",\"side\":\"left\",\"width\":8}]"_s;
    QTest::addRow("separators inside values")
        << u"lookup(table={\"a|b\":\"x)\",\"c\":\"d, e\"}, default=\"|\") | concat(fields=[\"city\"], separator=\" | \")"_s
        << u"[{\"default\":\"|\",\"op\":\"lookup\",\"table\":{\"a|b\":\"x)\",\"c\":\"d, e\"}},{\"fields\":[\"city\"],\"op\":\"concat\",\"separator\":\" | \"}]"_s;
    QTest::addRow("JavaScript with quotes")
        << u"js(expression=\"value.split(\\\",\\\")[0] || (record.a)\")"_s
        << u"[{\"expression\":\"value.split(\\\",\\\")[0] || (record.a)\",\"op\":\"js\"}]"_s;
    QTest::addRow("accents") << u"default(value=\"não informado\")"_s
                             << u"[{\"op\":\"default\",\"value\":\"não informado\"}]"_s;
}

void TestTransforms::chainText()
{
    QFETCH(QString, text);
    QFETCH(QString, json);
    const Result<QList<TransformSpec>> chain = TransformSpec::parseChain(text);
    QVERIFY2(chain.ok(), qPrintable(chain.errorString()));
    QJsonArray array;
    for (const TransformSpec &spec : chain.value())
        array.append(spec.toJson());
    QCOMPARE(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)), json);
    QCOMPARE(TransformSpec::chainText(chain.value()), text);
}

void TestTransforms::chainTextErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("error");
    QTest::addRow("no bar") << u"trim upper"_s
                            << u"transforms \"trim upper\", at 6: expected | between transforms"_s;
    QTest::addRow("unknown") << u"trim | shout"_s
                             << u"transforms \"trim | shout\", at 13: unknown transform \"shout\""_s;
    QTest::addRow("bare text value")
        << u"constant(value=BR)"_s
        << u"transforms \"constant(value=BR)\", at 18: the value of value is not JSON (quote text: \"like this\")"_s;
    QTest::addRow("unclosed") << u"pad(width=8"_s << u"transforms \"pad(width=8\", at 12: missing )"_s;
    QTest::addRow("no name") << u"pad(=8)"_s << u"transforms \"pad(=8)\", at 5: expected name=value"_s;
    QTest::addRow("trailing bar") << u"trim | "_s
                                  << u"transforms \"trim | \", at 8: a transform is missing after |"_s;
}

void TestTransforms::chainTextErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, error);
    const Result<QList<TransformSpec>> chain = TransformSpec::parseChain(text);
    QVERIFY(!chain.ok());
    QCOMPARE(chain.errorString(), error);
}

void TestTransforms::catalogDefaultsCompile()
{
    // what the editor adds must compile as it is
    for (const TransformInfo &info : TransformCatalog::all()) {
        const TransformSpec spec = TransformCatalog::defaults(info.op);
        if (info.op == TransformOp::Concat)
            continue; // needs a field chosen first: checked below
        const Result<TransformStep> step = TransformStep::compile(spec, 0);
        QVERIFY2(step.ok(), qPrintable(TransformSpec::name(info.op) + u": "_s + step.errorString()));
    }
    QVERIFY(!TransformStep::compile(TransformCatalog::defaults(TransformOp::Concat)).ok());
}

QTEST_GUILESS_MAIN(TestTransforms)
#include "tst_transforms.moc"
