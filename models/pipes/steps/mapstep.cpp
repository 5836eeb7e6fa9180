#include "mapstep.h"

#include "mappingplan.h"
#include "mappingrunner.h"
#include "pipedefinition.h"
#include "scriptruntime.h"
#include "stepcontext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// A QJsonObject sorts its keys; the consumer's contract order reads better in traces and bodies,
// and a JavaScript object keeps the order it was built in.
QJSValue ordered(ScriptRuntime &runtime, const QJsonObject &object, const QStringList &order)
{
    QJSValue result = runtime.newObject();
    for (const QString &key : order) {
        if (object.contains(key))
            result.setProperty(key, runtime.toScript(object.value(key)));
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!order.contains(it.key()))
            result.setProperty(it.key(), runtime.toScript(it.value()));
    }
    return result;
}

} // namespace

StepOutcome MapStep::run(StepContext &context, const StepDefinition &step)
{
    ScriptRuntime &runtime = context.runtime;
    const Result<QJSValue> mapping = context.setting(step, u"mapping"_s);
    const Result<QJSValue> value = context.setting(step, u"input"_s, u"{{ message }}"_s);
    if (!mapping || !value)
        return StepOutcome::dataFailure(
            u"expression-error"_s, !mapping ? mapping.errorString() : value.errorString());
    const QString id = runtime.toText(mapping.value());
    QJSValue input = runtime.newObject();
    input.setProperty(u"mapping"_s, id);
    input.setProperty(u"input"_s, value.value());
    MappingRunner *runner = context.mappingRunner(id);
    if (!runner)
        return StepOutcome::dataFailure(u"invalid"_s, u"map: the project has no mapping \"%1\""_s.arg(id))
            .withInput(input);
    std::optional<PipeError> failure;
    const QJSValue output = MapStep::output(runtime, *runner, runtime.toJson(value.value()), failure);
    if (failure)
        return StepOutcome::failure(*failure, output).withInput(input);
    return StepOutcome::proceed(output).withInput(input);
}

QJSValue MapStep::output(
    ScriptRuntime &runtime, MappingRunner &runner, const QJsonValue &input, std::optional<PipeError> &failure)
{
    const QString mapping = runner.plan().definition().id;
    if (!input.isObject()) {
        failure = PipeError{{}, PipeError::Class::Data, u"invalid"_s,
            u"map %1: the input is not an object (a record)"_s.arg(mapping), 0};
        return QJSValue();
    }
    const MappedRecord mapped = runner.map(input.toObject());
    const QJSValue object = ordered(runtime, mapped.object, runner.plan().outputOrder());
    if (mapped.ok())
        return object;
    QStringList texts;
    QJsonArray errors;
    for (const FieldError &error : mapped.errors) {
        texts.append(error.text());
        errors.append(QJsonObject{{u"field"_s, error.field}, {u"rule"_s, error.rule}});
    }
    failure = PipeError{{}, PipeError::Class::Data, u"invalid"_s,
        u"map %1 (contract %2): %3"_s.arg(mapping, runner.plan().target().id, texts.join(u"; "_s)), 0};
    QJSValue output = runtime.newObject();
    output.setProperty(u"success"_s, false);
    output.setProperty(u"value"_s, object);
    output.setProperty(u"errors"_s, runtime.toScript(errors));
    return output;
}

} // namespace jb
