// The native values and expressions against the script engine they stand in for: JSON read and
// written as JSON.parse and JSON.stringify do, and every expression of the native subset giving
// what the engine gives on the same scope — or nothing, so that the engine is asked. No network.
#include "expressionparser.h"
#include "jsnumber.h"
#include "nativeexpression.h"
#include "pipevaluejson.h"
#include "templatetext.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJSEngine>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace jb;

// One scope, read by both sides from the same JSON text: the engine through JSON.parse, the
// native side through PipeValueJson::parse. An expression is then evaluated both ways and each
// answer printed as "type value", so that a difference shows as two different lines.
class Tester
{
public:
    explicit Tester(const QByteArray &scopeJson)
    {
        m_describe = m_engine.evaluate(
            u"(function (v) {"
            " if (v === undefined) return 'undefined';"
            " if (typeof v === 'number') return 'number ' + (Object.is(v, -0) ? '-0' : String(v));"
            " if (typeof v === 'function') return 'function';"
            " return typeof v + ' ' + JSON.stringify(v); })"_s);
        const QJSValue parse = m_engine.evaluate(u"JSON.parse"_s);
        const QJSValue scope = parse.call({QString::fromUtf8(scopeJson)});
        Result<PipeValue> native = PipeValueJson::parse(scopeJson);
        if (!native || scope.isError())
            qFatal("the test scope is not JSON");
        m_scope = std::move(native).value();
        const QStringList &names = ExpressionParser::rootNames();
        for (int i = 0; i < NativeExpression::rootCount; ++i) {
            m_rootValues[i] = m_scope.member(names.at(i));
            m_roots[i] = &m_rootValues[i];
            m_engineRoots.append(scope.property(names.at(i)));
        }
    }

    // What the engine answers: "throws" when it throws, "syntax" when it does not compile.
    QString engine(const QString &expression)
    {
        const QJSValue function = m_engine.evaluate(
            u"(function (request, steps, message, env, secrets, event, error, execution, item, index) {"
            " return ("_s
            + expression + u"\n); })"_s);
        if (function.isError())
            return u"syntax"_s;
        const QJSValue value = function.call(m_engineRoots);
        if (value.isError())
            return u"throws"_s;
        return m_describe.call({value}).toString();
    }

    // What the native side answers: nothing when the expression is outside the subset or when
    // the evaluator leaves it to the engine.
    std::optional<QString> native(const QString &expression) const
    {
        const std::unique_ptr<ExpressionNode> node = ExpressionParser::parse(expression);
        if (!node)
            return std::nullopt;
        const std::optional<PipeValue> value = NativeExpression::evaluate(*node, m_roots);
        if (!value)
            return std::nullopt;
        return describe(*value);
    }

    static QString describe(const PipeValue &value)
    {
        switch (value.type()) {
        case PipeValue::Type::Undefined:
            return u"undefined"_s;
        case PipeValue::Type::Number:
            if (value.number() == 0 && std::signbit(value.number()))
                return u"number -0"_s;
            return u"number "_s + JsNumber::toString(value.number());
        case PipeValue::Type::Bool:
            return u"boolean "_s + QString::fromUtf8(PipeValueJson::stringify(value));
        case PipeValue::Type::String:
            return u"string "_s + QString::fromUtf8(PipeValueJson::stringify(value));
        case PipeValue::Type::Null:
        case PipeValue::Type::Array:
        case PipeValue::Type::Object:
            return u"object "_s + QString::fromUtf8(PipeValueJson::stringify(value));
        case PipeValue::Type::Script:
            break;
        }
        return u"script"_s;
    }

    // JSON.stringify(JSON.parse(text)) in the engine, as UTF-8 as the runtime serves it; "throws"
    // when the engine refuses the text.
    QByteArray engineRoundTrip(const QByteArray &text)
    {
        const QJSValue roundTrip
            = m_engine.evaluate(u"(function (t) { return JSON.stringify(JSON.parse(t)); })"_s);
        const QJSValue value = roundTrip.call({QString::fromUtf8(text)});
        return value.isError() ? QByteArray("throws") : value.toString().toUtf8();
    }

    static QByteArray nativeRoundTrip(const QByteArray &text)
    {
        const Result<PipeValue> value = PipeValueJson::parse(text);
        return value ? PipeValueJson::stringify(value.value()) : QByteArray("throws");
    }

private:
    QJSEngine m_engine;
    QJSValue m_describe;
    PipeValue m_scope;
    std::array<PipeValue, NativeExpression::rootCount> m_rootValues;
    NativeExpression::Roots m_roots{};
    QJSValueList m_engineRoots;
};

namespace {

const QByteArray scopeJson = R"({
  "request": {
    "params": {"cep": "01001-000", "blank": "  "},
    "query": {"n": "42", "empty": "", "hex": "0x1F", "exp": "1e3", "word": "abc", "neg": "-7.5"},
    "headers": {"content-type": "application/json", "x-trace": "a1"},
    "body": {"items": [1, 2, 3], "name": " Ana Maria ", "nested": {"a": null, "t": true, "z": 0},
             "2": "two", "1": "one", "big": 1e21, "small": 1.5e-7, "frac": 0.1, "neg": -0.0,
             "text": "São Paulo", "emoji": "caf\u00e9 \ud83d\ude00", "list": ["a", "b", "a"]}
  },
  "steps": {
    "viacep": {"status": 200, "body": {"uf": "SP", "localidade": "São Paulo", "erro": false}},
    "missing": null,
    "count": {"output": 3}
  },
  "env": {"viacep.baseUrl": "http://127.0.0.1:18080", "timeoutMs": "250"},
  "secrets": {"api-token": "s3cr3t"},
  "item": {"id": 7, "tags": ["x", "y"]},
  "index": 2
})";

// Every {{ expression }} of the JSON files under `folder`, read as the runtime reads templates,
// each once, in file order.
QStringList expressionsUnder(const QString &folder)
{
    QStringList found;
    QStringList files;
    QDirIterator it(folder, {u"*.json"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const Result<PipeValue> parsed = PipeValueJson::parse(file.readAll());
        if (!parsed)
            continue;
        // the strings of the file, decoded from JSON, so that escaped quotes read as the engine sees them
        std::vector<const PipeValue *> pending{&parsed.value()};
        while (!pending.empty()) {
            const PipeValue *value = pending.back();
            pending.pop_back();
            if (value->isString() && TemplateText::hasExpression(value->string())) {
                const Result<TemplateText> text = TemplateText::parse(value->string());
                for (const TemplateText::Part &part :
                    text ? text.value().parts() : QList<TemplateText::Part>{}) {
                    if (part.expression && !found.contains(part.text))
                        found.append(part.text);
                }
            } else if (value->isArray()) {
                for (const PipeValue &element : value->elements())
                    pending.push_back(&element);
            } else if (value->isObject()) {
                for (const PipeValue::Member &member : value->members())
                    pending.push_back(&member.second);
            }
        }
    }
    return found;
}

// A random expression of the native subset over the test scope's paths, at most `depth` deep.
class ExpressionGenerator
{
public:
    explicit ExpressionGenerator(quint32 seed)
        : m_random(seed)
    { }

    QString next(int depth)
    {
        if (depth <= 0)
            return leaf();
        switch (m_random.bounded(9)) {
        case 0:
        case 1:
            return leaf();
        case 2:
            return u"("_s + next(depth - 1) + u" "_s + pick(binaryOperators()) + u" "_s + next(depth - 1)
                + u")"_s;
        case 3:
            return pick({u"!"_s, u"-"_s, u"+"_s}) + u"("_s + next(depth - 1) + u")"_s;
        case 4:
            return u"("_s + next(depth - 1) + u" ? "_s + next(depth - 1) + u" : "_s + next(depth - 1)
                + u")"_s;
        case 5:
            return pick({u"Number"_s, u"String"_s, u"Boolean"_s}) + u"("_s + next(depth - 1) + u")"_s;
        case 6:
            return u"String("_s + next(depth - 1) + u")."_s + method(depth - 1);
        case 7:
            return u"{a: "_s + next(depth - 1) + u", \"b\": "_s + next(depth - 1) + u"}"_s;
        default:
            return u"["_s + next(depth - 1) + u", "_s + next(depth - 1) + u"]"_s;
        }
    }

private:
    static const QStringList &binaryOperators()
    {
        static const QStringList operators = {u"==="_s, u"!=="_s, u"=="_s, u"!="_s, u"<"_s, u">"_s, u"<="_s,
            u">="_s, u"+"_s, u"-"_s, u"*"_s, u"/"_s, u"%"_s, u"&&"_s, u"||"_s};
        return operators;
    }

    QString leaf()
    {
        static const QStringList leaves = {u"request.params.cep"_s, u"request.query.n"_s,
            u"request.query.empty"_s, u"request.query.hex"_s, u"request.query.neg"_s, u"request.query.word"_s,
            u"request.body.items"_s, u"request.body.items[1]"_s, u"request.body.items.length"_s,
            u"request.body.nested"_s, u"request.body.nested.a"_s, u"request.body.nested.t"_s,
            u"request.body.nested.z"_s, u"request.body.name"_s, u"request.body.neg"_s, u"request.body.frac"_s,
            u"request.body.text"_s, u"request.nothing"_s, u"steps.viacep.body.uf"_s, u"steps.viacep.status"_s,
            u"steps.missing"_s, u"env.timeoutMs"_s, u"env['viacep.baseUrl']"_s, u"item.id"_s,
            u"item.tags[0]"_s, u"index"_s, u"message"_s, u"0"_s, u"1"_s, u"-1"_s, u"2.5"_s, u"''"_s,
            u"'SP'"_s, u"'10'"_s, u"' 7 '"_s, u"true"_s, u"false"_s, u"null"_s, u"undefined"_s, u"NaN"_s,
            u"Infinity"_s};
        return pick(leaves);
    }

    QString method(int depth)
    {
        switch (m_random.bounded(6)) {
        case 0:
            return u"trim()"_s;
        case 1:
            return pick({u"toUpperCase()"_s, u"toLowerCase()"_s});
        case 2:
            return u"replace("_s + pick({u"'-'"_s, u"/\\D/g"_s, u"/a/"_s, u"'a'"_s}) + u", "_s
                + pick({u"''"_s, u"'$&$&'"_s, u"'_'"_s}) + u")"_s;
        case 3:
            return pick({u"includes"_s, u"startsWith"_s, u"endsWith"_s, u"indexOf"_s}) + u"("_s + next(depth)
                + u")"_s;
        case 4:
            return u"length"_s;
        default:
            return u"indexOf('a')"_s;
        }
    }

    QString pick(const QStringList &choices)
    {
        return choices.at(int(m_random.bounded(quint32(choices.size()))));
    }

    QRandomGenerator m_random;
};

} // namespace

class TestNativeExpressions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void jsonErrorsSayWhere_data();
    void jsonErrorsSayWhere();
    void numbersAsJavaScriptWritesThem_data();
    void numbersAsJavaScriptWritesThem();
    void expressions_data();
    void expressions();
    void sampleExpressions();
    void generatedExpressions();

private:
    Tester m_tester{scopeJson};
};

void TestNativeExpressions::jsonRoundTrip_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("object keeps its key order") << QByteArray(R"({"b":1,"a":2,"c":{"z":1,"y":2}})");
    QTest::addRow("index keys first, ascending") << QByteArray(R"({"b":1,"10":2,"2":3,"a":4,"01":5})");
    QTest::addRow("repeated key: first place, last value") << QByteArray(R"({"a":1,"b":2,"a":3})");
    QTest::addRow("nested arrays") << QByteArray(R"([[],[1,[2,[3]]],{}])");
    QTest::addRow("escapes written back") << QByteArray(R"(["\"\\\/\b\f\n\r\t","\u0001\u001f","\u2028"])");
    QTest::addRow("unicode escapes and surrogates") << QByteArray(R"(["\u00e9","\ud83d\ude00","\ud800"])");
    QTest::addRow("raw UTF-8") << QByteArray("[\"São Paulo\",\"日本\"]");
    QTest::addRow("numbers") << QByteArray(R"([0,-0,1.5,1e21,1e-7,123456789012345680000,0.1,-1E+2,5e-324])");
    QTest::addRow("literals and blanks") << QByteArray(" \t\n[ true , false , null ]\r\n");
    QTest::addRow("a lone string") << QByteArray(R"("text")");
    QTest::addRow("a lone number") << QByteArray("42");
    QTest::addRow("empty text") << QByteArray("");
    QTest::addRow("trailing comma") << QByteArray("[1,]");
    QTest::addRow("single quotes") << QByteArray("['a']");
    QTest::addRow("leading zero") << QByteArray("[01]");
    QTest::addRow("bare minus") << QByteArray("[-]");
    QTest::addRow("unterminated string") << QByteArray(R"(["abc)");
    QTest::addRow("control character in a string") << QByteArray("[\"a\tb\"]");
    QTest::addRow("bad escape") << QByteArray(R"(["\x41"])");
    QTest::addRow("text after the value") << QByteArray("[1] 2");
    QTest::addRow("NaN is not JSON") << QByteArray("[NaN]");
    QTest::addRow("comment") << QByteArray("[1 /* x */]");
}

void TestNativeExpressions::jsonRoundTrip()
{
    QFETCH(QByteArray, text);
    QCOMPARE(Tester::nativeRoundTrip(text), m_tester.engineRoundTrip(text));
}

void TestNativeExpressions::jsonErrorsSayWhere_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("where");
    QTest::addRow("empty") << QByteArray("") << u"at offset 0"_s;
    QTest::addRow("a bracket for a value") << QByteArray("{\n  \"a\": ]\n}") << u"at offset 9"_s;
    QTest::addRow("after the value") << QByteArray("[1] x") << u"at offset 4"_s;
}

void TestNativeExpressions::jsonErrorsSayWhere()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, where);
    const Result<PipeValue> value = PipeValueJson::parse(text);
    QVERIFY(!value);
    QVERIFY2(value.error().message.contains(where), qPrintable(value.error().message));
}

void TestNativeExpressions::numbersAsJavaScriptWritesThem_data()
{
    QTest::addColumn<double>("number");
    for (const double number : std::initializer_list<double>{0.0, -0.0, 1.0, -1.5, 0.1, 0.1 + 0.2, 1e21, 1e20,
             123456789.125, 1e-6, 1e-7, 1.5e-7, 5e-324, 1.7976931348623157e308, 2.0 / 3.0, 100.0,
             4294967295.0, 9007199254740993.0, std::nan(""), double(INFINITY), -double(INFINITY)})
        QTest::addRow("%.17g", number) << number;
}

void TestNativeExpressions::numbersAsJavaScriptWritesThem()
{
    QFETCH(double, number);
    QJSEngine engine;
    const QString written = engine.evaluate(u"String"_s).call({number}).toString();
    QCOMPARE(JsNumber::toString(number), written);
    if (!std::isnan(number))
        QCOMPARE(JsNumber::fromString(written), number == 0 ? 0.0 : number);
}

void TestNativeExpressions::expressions_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("native"); // the native side must answer (and never answer otherwise)

    // paths
    QTest::addRow("a path") << u"request.params.cep"_s << true;
    QTest::addRow("an index into an array") << u"request.body.items[2]"_s << true;
    QTest::addRow("a key in brackets") << u"env['viacep.baseUrl']"_s << true;
    QTest::addRow("a missing member") << u"request.nothing"_s << true;
    QTest::addRow("a member of undefined throws") << u"message.body"_s << false;
    QTest::addRow("a member of null throws") << u"steps.missing.body"_s << false;
    QTest::addRow("length of an array") << u"request.body.items.length"_s << true;
    QTest::addRow("length of a text") << u"request.params.cep.length"_s << true;
    QTest::addRow("length of astral text") << u"request.body.emoji.length"_s << true;
    QTest::addRow("index keys of an object") << u"request.body"_s << true;
    QTest::addRow("a number key") << u"request.body[1]"_s << true;
    QTest::addRow("a character of a text") << u"request.params.cep[0]"_s << true;
    QTest::addRow("out of range") << u"request.body.items[9]"_s << true;
    QTest::addRow("a prototype member") << u"request.constructor"_s << false;
    QTest::addRow("the whole scope root") << u"steps"_s << true;
    QTest::addRow("the for-each index") << u"index + 1"_s << true;
    // comparisons
    QTest::addRow("strict equality") << u"steps.viacep.body.uf === 'SP'"_s << true;
    QTest::addRow("strict inequality") << u"steps.viacep.body.localidade !== 'São Paulo'"_s << true;
    QTest::addRow("loose text and number") << u"'5' == 5"_s << true;
    QTest::addRow("loose null and undefined") << u"null == undefined"_s << true;
    QTest::addRow("strict null and undefined") << u"null === undefined"_s << true;
    QTest::addRow("loose boolean and text") << u"true == '1'"_s << true;
    QTest::addRow("loose null and zero") << u"null == 0"_s << true;
    QTest::addRow("NaN is not NaN") << u"NaN == NaN"_s << true;
    QTest::addRow("texts compare by code unit") << u"'10' < '9'"_s << true;
    QTest::addRow("text and number compare as numbers") << u"'10' < 9"_s << true;
    QTest::addRow("null compares as zero") << u"null >= 0"_s << true;
    QTest::addRow("undefined compares as NaN") << u"undefined >= 0"_s << true;
    QTest::addRow("same object") << u"request.body.items === request.body.items"_s << true;
    QTest::addRow("two literals are two objects") << u"[] === []"_s << true;
    QTest::addRow("status in range") << u"steps.viacep.status >= 200 && steps.viacep.status < 300"_s << true;
    // arithmetic and text
    QTest::addRow("concatenation") << u"env['viacep.baseUrl'] + '/ws/' + request.params.cep + '/json/'"_s
                                   << true;
    QTest::addRow("number plus text") << u"1 + '1'"_s << true;
    QTest::addRow("text times number") << u"request.query.n * 2"_s << true;
    QTest::addRow("unary plus") << u"+request.query.n"_s << true;
    QTest::addRow("unary plus of empty") << u"+request.query.empty"_s << true;
    QTest::addRow("hexadecimal text") << u"+request.query.hex"_s << true;
    QTest::addRow("exponent text") << u"request.query.exp - 1"_s << true;
    QTest::addRow("negative zero") << u"-0"_s << true;
    QTest::addRow("negative zero times one") << u"request.body.neg * 1"_s << true;
    QTest::addRow("division by zero") << u"1 / 0"_s << true;
    QTest::addRow("remainder of negatives") << u"-7 % 3"_s << true;
    QTest::addRow("remainder of fractions") << u"5.5 % 2"_s << true;
    QTest::addRow("floating sum") << u"0.1 + 0.2"_s << true;
    QTest::addRow("big number") << u"request.body.big * 10"_s << true;
    QTest::addRow("small number") << u"request.body.small / 10"_s << true;
    QTest::addRow("number plus null") << u"1 + null"_s << true;
    QTest::addRow("number plus undefined") << u"1 + undefined"_s << true;
    QTest::addRow("text plus null") << u"'a' + null"_s << true;
    QTest::addRow("text plus boolean") << u"'a' + true"_s << true;
    QTest::addRow("plus on an object is left to the engine") << u"'a' + request.body.items"_s << false;
    QTest::addRow("precedence") << u"1 + 2 * 3 - 4 / 2"_s << true;
    QTest::addRow("parentheses") << u"(1 + 2) * 3"_s << true;
    // logic
    QTest::addRow("or gives an operand") << u"request.query.empty || 'default'"_s << true;
    QTest::addRow("and gives an operand") << u"request.query.n && steps.viacep.status"_s << true;
    QTest::addRow("or short-circuits a throw") << u"true || message.body"_s << true;
    QTest::addRow("and short-circuits a throw") << u"false && message.body"_s << true;
    QTest::addRow("not") << u"!steps.viacep.body.erro"_s << true;
    QTest::addRow("not of an empty array") << u"![]"_s << true;
    QTest::addRow("not of zero") << u"!request.body.nested.z"_s << true;
    QTest::addRow("conditional") << u"steps.viacep.body.uf === 'SP' ? 'é São Paulo' : 'não é São Paulo'"_s
                                 << true;
    QTest::addRow("conditional short-circuits") << u"false ? message.body : 1"_s << true;
    QTest::addRow("nested conditional") << u"index > 5 ? 'a' : index > 1 ? 'b' : 'c'"_s << true;
    // literals
    QTest::addRow("object literal") << u"{uf: steps.viacep.body.uf, 'x-y': 1, \"q\": 2, n: null}"_s << true;
    QTest::addRow("index keys are left to the engine") << u"({b: 1, 10: 2, 2: 3})"_s << false;
    QTest::addRow("a quoted index key is left to the engine") << u"({b: 1, '2': 3})"_s << false;
    QTest::addRow("object literal drops undefined members when written")
        << u"{a: undefined, b: request.nothing, c: 1}"_s << true;
    QTest::addRow("shorthand member") << u"{index}"_s << true;
    QTest::addRow("array literal") << u"[1, 'a', null, undefined, [true]]"_s << true;
    QTest::addRow("empty literals") << u"[{}, []]"_s << true;
    QTest::addRow("escaped text") << u"'a\\'b\\n\\t\\\\'"_s << true;
    QTest::addRow("a \\u escape is left to the engine") << u"'\\u00e9'"_s << false;
    QTest::addRow("double-quoted text") << u"\"say \\\"hi\\\"\""_s << true;
    // helpers
    QTest::addRow("Number of text") << u"Number(env.timeoutMs)"_s << true;
    QTest::addRow("Number of blank text") << u"Number(request.params.blank)"_s << true;
    QTest::addRow("Number of a word") << u"Number(request.query.word)"_s << true;
    QTest::addRow("Number of nothing") << u"Number()"_s << true;
    QTest::addRow("Number of null") << u"Number(null)"_s << true;
    QTest::addRow("Number of an array is left to the engine") << u"Number(request.body.items)"_s << false;
    QTest::addRow("String of a number") << u"String(request.body.frac * 3)"_s << true;
    QTest::addRow("String of undefined") << u"String(request.nothing)"_s << true;
    QTest::addRow("Boolean of text") << u"Boolean(request.query.empty)"_s << true;
    QTest::addRow("Boolean of an object") << u"Boolean(request.body)"_s << true;
    QTest::addRow("trim") << u"request.body.name.trim()"_s << true;
    QTest::addRow("trim of a number throws") << u"index.trim()"_s << false;
    QTest::addRow("toUpperCase of ASCII") << u"request.headers['x-trace'].toUpperCase()"_s << true;
    // Qt and the engine map some letters differently (ß, final sigma): left to the engine
    QTest::addRow("toUpperCase of accents is left to the engine")
        << u"request.body.text.toUpperCase()"_s << false;
    QTest::addRow("toLowerCase") << u"steps.viacep.body.uf.toLowerCase()"_s << true;
    QTest::addRow("replace a text, first only")
        << u"request.body.list[0].replace('a', 'b') + 'aa'.replace('a', 'b')"_s << true;
    QTest::addRow("replace with a pattern") << u"request.params.cep.replace('-', '')"_s << true;
    QTest::addRow("replace digits out") << u"request.params.cep.replace(/\\D/g, '')"_s << true;
    QTest::addRow("replace with $&") << u"'abc'.replace(/b/, '[$&]')"_s << true;
    QTest::addRow("replace with groups")
        << u"'2026-12-07'.replace(/(\\d+)-(\\d+)-(\\d+)/, '$3/$2/$1')"_s << true;
    QTest::addRow("replace with $` and $'") << u"'abc'.replace('b', \"$`$'\")"_s << true;
    QTest::addRow("replace with $$") << u"'abc'.replace('b', '$$')"_s << true;
    QTest::addRow("replace with an anchored pattern")
        << u"request.body.name.replace(/^\\s+|\\s+$/g, '')"_s << true;
    QTest::addRow("replace with a class") << u"request.params.cep.replace(/[0-4]/g, 'x')"_s << true;
    QTest::addRow("replace with a backreference is left to the engine")
        << u"'aa'.replace(/(a)\\1/, 'b')"_s << false;
    QTest::addRow("replace with the i flag is left to the engine") << u"'A'.replace(/a/i, 'b')"_s << false;
    QTest::addRow("includes") << u"request.headers['content-type'].includes('json')"_s << true;
    QTest::addRow("startsWith") << u"request.params.cep.startsWith('010')"_s << true;
    QTest::addRow("endsWith") << u"request.params.cep.endsWith('000')"_s << true;
    QTest::addRow("indexOf") << u"request.params.cep.indexOf('-')"_s << true;
    QTest::addRow("indexOf of a missing text") << u"request.params.cep.indexOf('x')"_s << true;
    QTest::addRow("includes of a number argument is left to the engine") << u"'a1'.includes(1)"_s << false;
    QTest::addRow("includes on an array is left to the engine")
        << u"request.body.list.includes('a')"_s << false;
    QTest::addRow("a method of undefined throws") << u"request.nothing.trim()"_s << false;
    // outside the subset: the engine decides
    QTest::addRow("typeof") << u"typeof request"_s << false;
    QTest::addRow("a function call") << u"JSON.stringify(request.body)"_s << false;
    QTest::addRow("an arrow function") << u"request.body.items.map(x => x * 2)"_s << false;
    QTest::addRow("optional chaining") << u"message?.body"_s << false;
    QTest::addRow("nullish coalescing") << u"request.nothing ?? 'x'"_s << false;
    QTest::addRow("an assignment") << u"request.x = 1"_s << false;
    QTest::addRow("a template literal") << u"`a${index}`"_s << false;
    QTest::addRow("an unknown name") << u"Math.max(1, 2)"_s << false;
    QTest::addRow("a syntax error") << u"1 +"_s << false;
    QTest::addRow("increment") << u"index++"_s << false;
}

void TestNativeExpressions::expressions()
{
    QFETCH(QString, expression);
    QFETCH(bool, native);
    const QString engine = m_tester.engine(expression);
    const std::optional<QString> answered = m_tester.native(expression);
    if (answered)
        QCOMPARE(*answered, engine);
    QVERIFY2(answered.has_value() == native,
        qPrintable(u"native %1, engine %2"_s.arg(answered.value_or(u"(nothing)"_s), engine)));
}

// Every expression of the sample project: where the native side answers, it answers what the
// engine does on the test scope. Those it leaves to the engine (arrow functions, `new Date`,
// functions called in place) are listed whole, by their first 40 characters, so that a change of
// the subset or of the sample shows here.
void TestNativeExpressions::sampleExpressions()
{
    const QStringList expressions = expressionsUnder(QStringLiteral(JB_SAMPLE_DIR));
    QVERIFY2(expressions.size() > 20, qPrintable(QString::number(expressions.size())));
    QStringList toEngine;
    int answered = 0;
    for (const QString &expression : expressions) {
        if (!ExpressionParser::parse(expression)) {
            toEngine.append(expression.left(40));
            continue;
        }
        const std::optional<QString> native = m_tester.native(expression);
        if (!native)
            continue;
        ++answered;
        QCOMPARE(*native, m_tester.engine(expression));
    }
    QVERIFY2(answered >= 5, qPrintable(u"%1 sample expressions answered natively"_s.arg(answered)));
    QCOMPARE(toEngine.join(u'\n'),
        QStringList(
            {u"({sent: steps.each.succeeded, rejected: "_s, u"({executionKey: execution.key, pipe: exe"_s,
                u"({orderId: request.body.orderId, deliver"_s, u"({executionKey: execution.key, pipe: exe"_s,
                u"(() => { const o = request.body; const x"_s})
            .join(u'\n'));
}

// A seeded, bounded stream of generated expressions of the subset: wherever the native side
// answers, it agrees with the engine, and it answers most of them (it is not allowed to pass by
// leaving everything to the engine).
void TestNativeExpressions::generatedExpressions()
{
    const quint32 seed = qEnvironmentVariableIsSet("JB_EXPRESSION_SEED")
        ? quint32(qEnvironmentVariableIntValue("JB_EXPRESSION_SEED"))
        : 20261207;
    ExpressionGenerator generator(seed);
    constexpr int count = 3000;
    int answered = 0;
    for (int i = 0; i < count; ++i) {
        const QString expression = generator.next(4);
        const std::optional<QString> native = m_tester.native(expression);
        if (!native)
            continue;
        ++answered;
        const QString engine = m_tester.engine(expression);
        if (*native != engine)
            QFAIL(qPrintable(u"seed %1, expression %2:\n  native %3\n  engine %4"_s.arg(seed).arg(
                expression, *native, engine)));
    }
    QVERIFY2(answered > count / 2, qPrintable(u"answered %1 of %2"_s.arg(answered).arg(count)));
}

QTEST_GUILESS_MAIN(TestNativeExpressions)
#include "tst_nativeexpressions.moc"
