#include "expectation.h"

#include "jsonschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

using Op = Expectation::Operator;

struct OperatorName
{
    Op op;
    QLatin1StringView name;
};

constexpr OperatorName operatorTable[] = {
    {Op::Equals, QLatin1StringView("equals")},
    {Op::Exists, QLatin1StringView("exists")},
    {Op::Absent, QLatin1StringView("absent")},
    {Op::Type, QLatin1StringView("type")},
    {Op::Regex, QLatin1StringView("regex")},
    {Op::Range, QLatin1StringView("range")},
    {Op::Length, QLatin1StringView("length")},
    {Op::Contains, QLatin1StringView("contains")},
    {Op::Schema, QLatin1StringView("schema")},
};

const QStringList typeNames
    = {u"string"_s, u"number"_s, u"integer"_s, u"boolean"_s, u"object"_s, u"array"_s, u"null"_s};

QString typeOf(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return u"string"_s;
    case QJsonValue::Double:
        return u"number"_s;
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Object:
        return u"object"_s;
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == u"integer")
        return value.isDouble() && std::floor(value.toDouble()) == value.toDouble();
    return typeOf(value) == type;
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

QString rangeText(const std::optional<double> &min, const std::optional<double> &max)
{
    if (min && max)
        return u"from %1 to %2"_s.arg(number(*min), number(*max));
    if (min)
        return u"of at least %1"_s.arg(number(*min));
    return u"of at most %1"_s.arg(number(*max));
}

bool inRange(double value, const std::optional<double> &min, const std::optional<double> &max)
{
    return (!min || value >= *min) && (!max || value <= *max);
}

// {"min": a, "max": b} with at least one of them, both numbers.
Status readRange(
    const QJsonValue &value, const QString &op, std::optional<double> &min, std::optional<double> &max)
{
    const QJsonObject range = value.toObject();
    for (const QString &key : range.keys()) {
        if (key != u"min" && key != u"max")
            return Status::failure(Error::Code::Schema, u"%1: unknown key \"%2\" (min, max)"_s.arg(op, key));
        if (!range.value(key).isDouble())
            return Status::failure(Error::Code::Schema, u"%1: %2 must be a number"_s.arg(op, key));
    }
    if (range.contains(u"min"_s))
        min = range.value(u"min"_s).toDouble();
    if (range.contains(u"max"_s))
        max = range.value(u"max"_s).toDouble();
    if (!min && !max)
        return Status::failure(Error::Code::Schema, u"%1 needs min, max or both"_s.arg(op));
    if (min && max && *min > *max)
        return Status::failure(
            Error::Code::Schema, u"%1: min %2 is greater than max %3"_s.arg(op, number(*min), number(*max)));
    return {};
}

bool containsValue(const QJsonValue &actual, const QJsonValue &part)
{
    if (actual.isString() && part.isString())
        return actual.toString().contains(part.toString());
    if (actual.isArray()) {
        for (const QJsonValue &element : actual.toArray()) {
            if (element == part || (element.isObject() && part.isObject() && containsValue(element, part)))
                return true;
        }
        return false;
    }
    if (actual.isObject() && part.isObject()) {
        const QJsonObject object = actual.toObject();
        const QJsonObject wanted = part.toObject();
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            const auto found = object.constFind(it.key());
            if (found == object.constEnd())
                return false;
            // as QJsonValue: Qt 6.4's reference types make `==` between them ambiguous in C++20
            const QJsonValue have = *found;
            const QJsonValue want = it.value();
            const bool same = have == want || (have.isObject() && want.isObject() && containsValue(have, want));
            if (!same)
                return false;
        }
        return true;
    }
    return false;
}

// The ignored paths below `at`, relative to it.
QList<JsonPath> relativeTo(const QString &at, const QList<JsonPath> &ignore)
{
    QList<JsonPath> relative;
    const QString prefix = at == u"$" ? QString() : at;
    for (const JsonPath &path : ignore) {
        QString rest;
        if (prefix.isEmpty())
            rest = path.text();
        else if (path.text().startsWith(prefix + u'.'))
            rest = path.text().mid(prefix.size() + 1);
        else if (path.text().startsWith(prefix + u'['))
            rest = u'$' + path.text().mid(prefix.size());
        else
            continue;
        if (Result<JsonPath> parsed = JsonPath::parse(rest))
            relative.append(std::move(parsed).value());
    }
    return relative;
}

QJsonValue without(QJsonValue value, const QList<JsonPath> &paths)
{
    for (const JsonPath &path : paths)
        value = path.removedFrom(value);
    return value;
}

} // namespace

QStringList Expectation::operatorNames()
{
    QStringList names;
    for (const OperatorName &entry : operatorTable)
        names.append(entry.name);
    return names;
}

Result<Expectation> Expectation::fromJson(const QJsonObject &object, const ContractSchemas &contracts)
{
    using R = Result<Expectation>;
    Expectation expectation;
    if (!object.value(u"path"_s).isString())
        return R::failure(Error::Code::Schema, u"an expectation needs a \"path\" (e.g. \"body.cep\")"_s);
    Result<JsonPath> path = JsonPath::parse(object.value(u"path"_s).toString());
    if (!path)
        return path.error();
    expectation.path = std::move(path).value();
    QStringList ops;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"path")
            continue;
        bool known = false;
        for (const OperatorName &entry : operatorTable) {
            if (it.key() == entry.name) {
                expectation.op = entry.op;
                expectation.operand = it.value();
                known = true;
            }
        }
        if (!known)
            return R::failure(Error::Code::Schema,
                u"unknown operator \"%1\" (one of %2)"_s.arg(it.key(), operatorNames().join(u", "_s)));
        ops.append(it.key());
    }
    if (ops.size() != 1)
        return R::failure(Error::Code::Schema,
            ops.isEmpty() ? u"expectation on %1 has no operator (one of %2)"_s.arg(
                expectation.path.text(), operatorNames().join(u", "_s))
                          : u"expectation on %1 has %2 operators (%3): write one per expectation"_s.arg(
                              expectation.path.text(), QString::number(ops.size()), ops.join(u", "_s)));
    const QString op = ops.constFirst();
    const QJsonValue &operand = expectation.operand;
    switch (expectation.op) {
    case Op::Equals:
        break;
    case Op::Exists:
        if (!operand.isBool())
            return R::failure(Error::Code::Schema, u"exists must be true or false"_s);
        break;
    case Op::Absent:
        if (operand != QJsonValue(true))
            return R::failure(Error::Code::Schema, u"absent must be true (or write \"exists\": true)"_s);
        break;
    case Op::Type:
        if (!typeNames.contains(operand.toString()))
            return R::failure(Error::Code::Schema,
                u"type must be one of %1, not %2"_s.arg(typeNames.join(u", "_s), show(operand)));
        break;
    case Op::Regex:
        expectation.regex = QRegularExpression(operand.toString());
        if (!operand.isString() || !expectation.regex.isValid())
            return R::failure(Error::Code::Schema,
                operand.isString()
                    ? u"regex %1 does not compile: %2"_s.arg(show(operand), expectation.regex.errorString())
                    : u"regex must be a string"_s);
        break;
    case Op::Range:
        if (Status read = readRange(operand, op, expectation.min, expectation.max); !read)
            return read.error();
        break;
    case Op::Length:
        if (operand.isDouble()) {
            if (operand.toDouble() < 0 || std::floor(operand.toDouble()) != operand.toDouble())
                return R::failure(Error::Code::Schema, u"length must be a whole number of at least 0"_s);
            expectation.min = expectation.max = operand.toDouble();
        } else if (Status read = readRange(operand, op, expectation.min, expectation.max); !read) {
            return read.error();
        }
        break;
    case Op::Contains:
        if (operand.isNull() || operand.isUndefined())
            return R::failure(Error::Code::Schema, u"contains needs a value"_s);
        break;
    case Op::Schema: {
        if (operand.isString()) {
            if (!contracts)
                return R::failure(Error::Code::Reference,
                    u"schema \"%1\": no project contracts to look it up in"_s.arg(operand.toString()));
            Result<std::shared_ptr<const JsonSchema>> found = contracts(operand.toString());
            if (!found)
                return found.error();
            expectation.schema = std::move(found).value();
        } else if (operand.isObject()) {
            Result<std::shared_ptr<const JsonSchema>> compiled = JsonSchema::compile(operand);
            if (!compiled)
                return R::failure(Error::Code::Schema, u"schema: "_s + compiled.errorString());
            expectation.schema = std::move(compiled).value();
        } else {
            return R::failure(
                Error::Code::Schema, u"schema must be a JSON Schema object or a contract's id"_s);
        }
        break;
    }
    }
    return expectation;
}

QString Expectation::show(const QJsonValue &value)
{
    if (value.isUndefined())
        return u"nothing"_s;
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
    if (text.size() > 200)
        text = text.left(197) + u"..."_s;
    return text;
}

std::optional<QString> Expectation::difference(
    const QString &at, const QJsonValue &expected, const QJsonValue &actual)
{
    if (expected.isObject() && actual.isObject()) {
        const QJsonObject want = expected.toObject();
        const QJsonObject got = actual.toObject();
        for (auto it = want.begin(); it != want.end(); ++it) {
            const QString below = JsonPath::join(at, it.key());
            if (!got.contains(it.key()))
                return u"%1: expected %2, got nothing (no such key)"_s.arg(below, show(it.value()));
            if (std::optional<QString> found = difference(below, it.value(), got.value(it.key())))
                return found;
        }
        for (auto it = got.begin(); it != got.end(); ++it) {
            if (!want.contains(it.key()))
                return u"%1: expected nothing (no such key), got %2"_s.arg(
                    JsonPath::join(at, it.key()), show(it.value()));
        }
        return std::nullopt;
    }
    if (expected.isArray() && actual.isArray()) {
        const QJsonArray want = expected.toArray();
        const QJsonArray got = actual.toArray();
        for (qsizetype i = 0; i < qMin(want.size(), got.size()); ++i) {
            if (std::optional<QString> found = difference(JsonPath::join(at, i), want.at(i), got.at(i)))
                return found;
        }
        if (want.size() != got.size())
            return u"%1: expected %2 elements, got %3"_s.arg(at).arg(want.size()).arg(got.size());
        return std::nullopt;
    }
    // 200 and 200.0 are one JSON number; anything else must be the same value
    if (expected == actual)
        return std::nullopt;
    return u"%1: expected %2, got %3"_s.arg(at, show(expected), show(actual));
}

std::optional<QString> Expectation::check(const QJsonValue &actual, const QList<JsonPath> &ignore) const
{
    const QString at = path.isRoot() ? u"$"_s : path.text();
    const std::optional<QJsonValue> found = path.find(actual);
    if (op == Op::Absent || (op == Op::Exists && !operand.toBool())) {
        if (!found)
            return std::nullopt;
        return u"%1: expected no value, got %2"_s.arg(at, show(*found));
    }
    if (!found) {
        if (op == Op::Equals)
            return u"%1: expected %2, got nothing (no such value)"_s.arg(at, show(operand));
        return u"%1: expected a value, got nothing (no such value)"_s.arg(at);
    }
    const QJsonValue &value = *found;
    switch (op) {
    case Op::Equals: {
        const QList<JsonPath> skip = relativeTo(at, ignore);
        return difference(at, without(operand, skip), without(value, skip));
    }
    case Op::Exists:
    case Op::Absent:
        return std::nullopt;
    case Op::Type:
        if (hasType(value, operand.toString()))
            return std::nullopt;
        return u"%1: expected a value of type %2, got %3 (%4)"_s.arg(
            at, operand.toString(), show(value), typeOf(value));
    case Op::Regex:
        if (value.isString() && regex.match(value.toString()).hasMatch())
            return std::nullopt;
        return u"%1: expected text matching /%2/, got %3"_s.arg(at, regex.pattern(), show(value));
    case Op::Range:
        if (value.isDouble() && inRange(value.toDouble(), min, max))
            return std::nullopt;
        return u"%1: expected a number %2, got %3"_s.arg(at, rangeText(min, max), show(value));
    case Op::Length: {
        qsizetype length = -1;
        if (value.isString())
            length = value.toString().size();
        else if (value.isArray())
            length = value.toArray().size();
        else if (value.isObject())
            length = value.toObject().size();
        if (length < 0)
            return u"%1: expected a string, array or object for length, got %2 (%3)"_s.arg(
                at, show(value), typeOf(value));
        if (inRange(double(length), min, max))
            return std::nullopt;
        const QString wanted = min == max ? number(*min) : rangeText(min, max);
        return u"%1: expected length %2, got %3 (%4)"_s.arg(at, wanted, QString::number(length), show(value));
    }
    case Op::Contains:
        if (containsValue(without(value, relativeTo(at, ignore)), operand))
            return std::nullopt;
        return u"%1: expected %2 containing %3, got %4"_s.arg(at,
            value.isString()                ? u"text"_s
                : typeOf(value) == u"array" ? u"an array"_s
                                            : u"an object"_s,
            show(operand), show(value));
    case Op::Schema: {
        const QStringList problems = schema ? schema->validate(value) : QStringList{u"no schema"_s};
        if (problems.isEmpty())
            return std::nullopt;
        return u"%1: does not conform to the schema: %2 (got %3)"_s.arg(
            at, problems.join(u"; "_s), show(value));
    }
    }
    return std::nullopt;
}

} // namespace jb
