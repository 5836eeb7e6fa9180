#include "validatestep.h"

#include "pipedefinition.h"
#include "stepcontext.h"

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome ValidateStep::run(StepContext &context, const StepDefinition &step)
{
    ScriptRuntime &runtime = context.runtime;
    const Result<QJSValue> value = context.setting(step, u"value"_s, u"{{ message }}"_s);
    if (!value)
        return StepOutcome::dataFailure(u"expression-error"_s, value.errorString());
    QJSValue input = runtime.newObject();
    input.setProperty(u"value"_s, value.value());
    QString problem;
    if (step.schema) {
        const QStringList errors = step.schema->validate(runtime.toJson(value.value()));
        if (!errors.isEmpty())
            problem = u"the value does not match the schema: %1"_s.arg(errors.mid(0, 3).join(u"; "_s));
    } else {
        input.setProperty(u"regex"_s, step.regex.pattern());
        const QJSValue &v = value.value();
        if (!v.isString() && !v.isNumber())
            problem = u"expected text to match %1, got %2"_s.arg(step.regex.pattern(), runtime.toText(v));
        else if (!step.regex.match(v.toString()).hasMatch())
            problem = u"\"%1\" does not match %2"_s.arg(v.toString(), step.regex.pattern());
    }
    QJSValue output = runtime.newObject();
    output.setProperty(u"success"_s, problem.isEmpty());
    output.setProperty(u"value"_s, value.value());
    if (problem.isEmpty())
        return StepOutcome::proceed(output).withInput(input);
    if (step.settings.contains(u"message"_s)) {
        const Result<QJSValue> message = context.setting(step, u"message"_s);
        if (message)
            problem = runtime.toText(message.value());
    }
    return StepOutcome::failure(PipeError{{}, PipeError::Class::Data, u"invalid"_s, problem, 0}, output)
        .withInput(input);
}

} // namespace jb
