#include "setstep.h"

#include "pipedefinition.h"
#include "stepcontext.h"

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome SetStep::run(StepContext &context, const StepDefinition &step)
{
    const Result<QJSValue> value = context.setting(step, u"value"_s);
    if (!value)
        return StepOutcome::dataFailure(u"expression-error"_s, value.errorString());
    QJSValue input = context.runtime.newObject();
    input.setProperty(u"value"_s, value.value());
    return StepOutcome::proceed(value.value()).withInput(input);
}

} // namespace jb
