#include "choicestep.h"

#include "pipedefinition.h"
#include "stepcontext.h"

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome ChoiceStep::run(StepContext &context, const StepDefinition &step)
{
    const QJSValue input(QJSValue::NullValue);
    QJSValue output = context.runtime.newObject();
    for (size_t i = 0; i < step.when.size(); ++i) {
        const Result<bool> holds = context.runtime.condition(step.when[i].condition, context.scope);
        if (!holds)
            return StepOutcome::dataFailure(u"expression-error"_s, holds.errorString()).withInput(input);
        if (holds.value()) {
            output.setProperty(u"branch"_s, int(i));
            return StepOutcome::enter(output, step.when[i].steps).withInput(input);
        }
    }
    if (step.otherwise.empty()) {
        output.setProperty(u"branch"_s, QJSValue(QJSValue::NullValue));
        return StepOutcome::proceedKeepingMessage(output).withInput(input);
    }
    output.setProperty(u"branch"_s, u"otherwise"_s);
    return StepOutcome::enter(output, step.otherwise).withInput(input);
}

} // namespace jb
