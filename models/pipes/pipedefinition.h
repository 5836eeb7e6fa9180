#pragma once

#include "core/result.h"
#include "httplimits.h"
#include "jsonschema.h"
#include "pathtemplate.h"

#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <memory>
#include <vector>

namespace jb {

struct StepDefinition;

// One `when` of a choice: a JavaScript condition and the steps to run when it is truthy.
struct ChoiceBranch
{
    QString condition;
    std::vector<StepDefinition> steps;
};

// One step of a pipe as written in its file. `settings` keeps the whole JSON object; the step
// evaluates the templates it needs from it when it runs.
struct StepDefinition
{
    enum class Type
    {
        Validate,
        Set,
        Http,
        Choice,
        Respond,
        Publish,
        Log,
        Retry,
        Map,
        Database,
        ForEach,
    };

    QString id;
    QString name;
    Type type = Type::Set;
    bool continueOnError = false; // "failOnError": "continue"
    QJsonObject settings;
    std::vector<ChoiceBranch> when; // Choice
    std::vector<StepDefinition> otherwise; // Choice
    std::vector<StepDefinition> steps; // ForEach: run once per item
    std::vector<StepDefinition> onException; // ForEach: run for an item whose steps failed
    QRegularExpression regex; // Validate with "regex", compiled once
    std::shared_ptr<const JsonSchema> schema; // Validate with "schema", compiled once

    static QString typeName(Type type);
};

struct PipeTrigger
{
    enum class Type
    {
        Rest,
        Event,
    };
    static constexpr int defaultTimeoutMs = 30000;
    static constexpr int maxTimeoutMs = 900000;
    static constexpr qint64 defaultMaxRequestBytes = 5 * 1024 * 1024;
    static constexpr int defaultExpirationMs = 600000;

    Type type = Type::Rest;
    QString method = QStringLiteral("GET"); // Rest
    PathTemplate path; // Rest, matched exactly
    int timeoutMs = defaultTimeoutMs; // the whole execution, both kinds
    qint64 maxRequestBytes = defaultMaxRequestBytes; // Rest
    HttpLimits limits; // Rest: what a client may take of the host ("limits": {...})
    QString event; // Event
    int expirationMs = defaultExpirationMs; // Event: older events are not run
};

// A pipe: a trigger and ordered steps, read from pipes/<id>.json. Immutable once parsed, so one
// instance is shared by every worker thread.
struct PipeDefinition
{
    static constexpr QLatin1StringView defaultErrorEvent{"pipe-errors"};

    QString id;
    QString name;
    QString flow;
    QString description;
    PipeTrigger trigger;
    QString errorEvent = QString(defaultErrorEvent);
    std::vector<StepDefinition> steps;
    std::vector<StepDefinition> onException;

    // Parses and checks a pipe: known step types, unique step ids, the settings each type needs,
    // regexes, JSON Schemas and template syntax. The message names the step at fault.
    static Result<PipeDefinition> fromJson(const QJsonObject &object);
    // Every distinct JavaScript source of the pipe (conditions and template expressions), so that
    // a worker can compile them before the first request.
    QStringList expressions() const;
};

} // namespace jb
