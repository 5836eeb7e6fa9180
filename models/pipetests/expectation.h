#pragma once

#include "core/result.h"
#include "jsonpath.h"

#include <QJsonValue>
#include <QRegularExpression>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace jb {

class JsonSchema;

// One expected fact of a unit case: a path into what the run gave (TestActual: the answer's status,
// headers and body, each step's output, the calls, the published events) and one operator.
// Written in a suite as {"path": "body.cep", "equals": "01001-000"}; the operators:
//   equals (deep, with the differing path), exists (true/false), absent (true), type (string,
//   number, integer, boolean, object, array, null), regex, range ({"min", "max"}), length (a
//   number or a range), contains (text in a string, an element of an array, a subset of an
//   object) and schema (an inline JSON Schema or a project contract's id).
struct Expectation
{
    enum class Operator
    {
        Equals,
        Exists,
        Absent,
        Type,
        Regex,
        Range,
        Length,
        Contains,
        Schema,
    };
    // The JSON Schema of the project's contract `id`, or why there is none.
    using ContractSchemas = std::function<Result<std::shared_ptr<const JsonSchema>>(const QString &id)>;

    JsonPath path;
    Operator op = Operator::Equals;
    QJsonValue operand; // as written
    QRegularExpression regex; // Regex
    std::optional<double> min; // Range, Length
    std::optional<double> max;
    std::shared_ptr<const JsonSchema> schema; // Schema

    static QStringList operatorNames();
    static Result<Expectation> fromJson(const QJsonObject &object, const ContractSchemas &contracts = {});

    // Why `actual` (the whole TestActual document) does not meet this expectation, or nullopt when
    // it does. `ignore` holds paths of the document left out of equals and contains.
    std::optional<QString> check(const QJsonValue &actual, const QList<JsonPath> &ignore = {}) const;

    // A value as the messages print it: compact JSON, long ones shortened.
    static QString show(const QJsonValue &value);
    // The first path below `at` where `expected` and `actual` differ, with both values, or nullopt.
    static std::optional<QString> difference(
        const QString &at, const QJsonValue &expected, const QJsonValue &actual);
};

} // namespace jb
