#include "foreachstep.h"

#include "pipedefinition.h"
#include "stepcontext.h"

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome ForEachStep::run(StepContext &context, const StepDefinition &step)
{
    ScriptRuntime &runtime = context.runtime;
    const Result<QJSValue> items = context.setting(step, u"items"_s);
    if (!items)
        return StepOutcome::dataFailure(u"expression-error"_s, items.errorString());
    QJSValue input = runtime.newObject();
    input.setProperty(u"items"_s, items.value());
    if (!items.value().isArray())
        return StepOutcome::dataFailure(u"invalid"_s,
            u"for-each: \"items\" is not an array: %1"_s.arg(runtime.toText(items.value()).left(200)))
            .withInput(input);
    return StepOutcome::loop(items.value(), items.value().property(u"length"_s).toInt()).withInput(input);
}

} // namespace jb
