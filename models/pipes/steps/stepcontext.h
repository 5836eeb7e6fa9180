#pragma once

#include "core/result.h"
#include "scriptruntime.h"
#include "stepservices.h"

#include <QJSValue>
#include <QJsonObject>
#include <QStringList>

namespace jb {

struct StepDefinition;

// Everything a step kind reads when it runs: the JavaScript runtime, the scope its templates see,
// the services it may call, and who runs it. PipeExecution keeps one for its whole run; a test
// builds one inline over a runtime and a scope of its own.
struct StepContext
{
    ScriptRuntime &runtime;
    const ScriptRuntime::Scope &scope;
    StepServices services;
    QString pipeId; // for log lines
    QString executionKey; // for log lines
    qint64 eventId = 0; // event pipes: the stored event being handled (the retry step re-runs it)
    QJsonObject event; // that event's payload

    // Setting `key` of `step` evaluated (`fallback` when the step leaves it out).
    Result<QJSValue> setting(
        const StepDefinition &step, const QString &key, const QJsonValue &fallback = {}) const;
    Result<int> intSetting(const StepDefinition &step, const QString &key, int fallback) const;
    // The step's settings among `keys`, evaluated, as one object (those the step leaves out absent).
    Result<QJSValue> evaluatedSettings(const StepDefinition &step, const QStringList &keys) const;

    // The services, or what a project without them answers.
    MappingRunner *mappingRunner(const QString &id) const;
    std::optional<DatabaseSpec> database(const QString &id) const;
    Result<qint64> publish(const QString &name, const QJsonObject &payload) const;
    Result<bool> requestRetry(qint64 id, int delayMs) const;
};

} // namespace jb
