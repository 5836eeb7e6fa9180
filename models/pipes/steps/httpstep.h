#pragma once

#include "core/result.h"
#include "httpcall.h"

#include <QJSValue>

namespace jb {

class ScriptRuntime;
struct StepDefinition;

// The http step's two conversions: its evaluated settings into an HttpCallSpec, and the call's
// outcome into the step output ({status, statusMessage, body, headers}, or on failure
// {success: false, code, status, body, headers} to which the step adds "error"), with a JSON body
// parsed.
class HttpStep final
{
public:
    // `settings` is the step's settings object with templates evaluated.
    static Result<HttpCallSpec> spec(ScriptRuntime &runtime, const QJSValue &settings);
    // The output; `failure` gets the step's failure, including a JSON body that does not parse.
    static QJSValue output(
        ScriptRuntime &runtime, const HttpOutcome &outcome, std::optional<PipeError> &failure);
    // The keys of an http step that are evaluated as templates.
    static const QStringList &settingKeys();
};

} // namespace jb
