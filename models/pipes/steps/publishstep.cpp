#include "publishstep.h"

#include "pipedefinition.h"
#include "stepcontext.h"

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome PublishStep::run(StepContext &context, const StepDefinition &step)
{
    ScriptRuntime &runtime = context.runtime;
    const Result<QJSValue> name = context.setting(step, u"event"_s);
    const Result<QJSValue> body = context.setting(step, u"body"_s, u"{{ message }}"_s);
    if (!name || !body)
        return StepOutcome::dataFailure(
            u"expression-error"_s, !name ? name.errorString() : body.errorString());
    const QString event = runtime.toText(name.value());
    QJSValue input = runtime.newObject();
    input.setProperty(u"event"_s, event);
    input.setProperty(u"body"_s, body.value());
    if (event.isEmpty())
        return StepOutcome::dataFailure(u"invalid"_s, u"publish: the event name is empty"_s).withInput(input);
    const QJsonValue json = runtime.toJson(body.value());
    const QJsonObject payload = json.isObject() ? json.toObject() : QJsonObject{{u"value"_s, json}};
    const Result<qint64> id = context.publish(event, payload);
    if (!id)
        return StepOutcome::failure(
            PipeError{{}, PipeError::Class::Connectivity, u"store-error"_s, id.errorString(), 0})
            .withInput(input);
    QJSValue output = runtime.newObject();
    output.setProperty(u"event"_s, event);
    output.setProperty(u"id"_s, double(id.value()));
    return StepOutcome::proceedKeepingMessage(output).withInput(input);
}

} // namespace jb
