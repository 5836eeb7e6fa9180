#pragma once

#include "core/result.h"
#include "httpcall.h"
#include "stepoutcome.h"

#include <QJSValue>

namespace jb {

class ScriptRuntime;
struct StepContext;
struct StepDefinition;

// The http step: its evaluated settings into an HttpCallSpec that the frame machine calls (an
// HttpCall, off its loop), and the call's outcome into the step output ({status, statusMessage,
// body, headers}, or on failure {success: false, code, status, body, headers} to which the step
// adds "error"), with a JSON body parsed.
class HttpStep final
{
public:
    // Evaluates the settings: a Wait for the call, or a failure.
    static StepOutcome run(StepContext &context, const StepDefinition &step);
    // The step's outcome once the call came back (its retried attempts as warnings in the log).
    // A test that fakes an answer gives its HttpOutcome here to get what the real call would.
    static StepOutcome finish(StepContext &context, const HttpOutcome &outcome);
    // `settings` is the step's settings object with templates evaluated.
    static Result<HttpCallSpec> spec(ScriptRuntime &runtime, const QJSValue &settings);
    // The output; `failure` gets the step's failure, including a JSON body that does not parse.
    static QJSValue output(
        ScriptRuntime &runtime, const HttpOutcome &outcome, std::optional<PipeError> &failure);
    // The keys of an http step that are evaluated as templates.
    static const QStringList &settingKeys();
};

} // namespace jb
