#include "retrystep.h"

#include "pipedefinition.h"
#include "stepcontext.h"

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome RetryStep::run(StepContext &context, const StepDefinition &step)
{
    ScriptRuntime &runtime = context.runtime;
    const Result<int> delay = context.intSetting(step, u"delayMs"_s, 30000);
    if (!delay)
        return StepOutcome::dataFailure(u"expression-error"_s, delay.errorString());
    QJSValue input = runtime.newObject();
    input.setProperty(u"delayMs"_s, delay.value());
    if (context.eventId <= 0 || context.event.value(u"executionKey"_s).toString().isEmpty())
        return StepOutcome::dataFailure(
            u"not-an-error-event"_s, u"retry: this execution was not started by an error event"_s)
            .withInput(input);
    QJSValue output = runtime.newObject();
    const auto skip = [&](const QString &reason) {
        output.setProperty(u"scheduled"_s, false);
        output.setProperty(u"reason"_s, reason);
        return StepOutcome::proceedKeepingMessage(output).withInput(input);
    };
    if (!context.event.value(u"retriable"_s).toBool())
        return skip(u"not retriable"_s);
    const Result<bool> claimed = context.requestRetry(context.eventId, delay.value());
    if (!claimed)
        return StepOutcome::failure(
            PipeError{{}, PipeError::Class::Connectivity, u"store-error"_s, claimed.errorString(), 0})
            .withInput(input);
    if (!claimed.value())
        return skip(u"already re-run once"_s);
    output.setProperty(u"scheduled"_s, true);
    output.setProperty(u"delayMs"_s, delay.value());
    return StepOutcome::proceedKeepingMessage(output).withInput(input);
}

} // namespace jb
