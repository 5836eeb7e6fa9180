#pragma once

#include "pipeerror.h"
#include "stepoutcome.h"

#include <QJSValue>
#include <QJsonValue>

#include <optional>

namespace jb {

class MappingRunner;
class ScriptRuntime;
struct StepContext;
struct StepDefinition;

// The map step's conversion: one record through a project mapping, on the worker's own runner for
// that mapping, into the mapped object, or a data failure naming each field and the rule it breaks
// (a transform's, or the target contract's).
class MapStep final
{
public:
    // Maps "input" (the message by default) through mapping "mapping" of the project.
    static StepOutcome run(StepContext &context, const StepDefinition &step);
    // The mapped object, its keys in the target contract's order. On failure, `failure` is set and
    // the output is {success: false, value: what could be mapped, errors: [{field, rule}]}.
    static QJSValue output(ScriptRuntime &runtime, MappingRunner &runner, const QJsonValue &input,
        std::optional<PipeError> &failure);
};

} // namespace jb
