#include "respondstep.h"

#include "mediatype.h"
#include "pipedefinition.h"
#include "stepcontext.h"

#include <QJSValueIterator>

using namespace Qt::StringLiterals;

namespace jb {

StepOutcome RespondStep::run(StepContext &context, const StepDefinition &step)
{
    ScriptRuntime &runtime = context.runtime;
    const Result<int> status = context.intSetting(step, u"status"_s, 200);
    const Result<QJSValue> headers = context.setting(step, u"headers"_s, QJsonObject());
    const Result<QJSValue> body = context.setting(step, u"body"_s, u"{{ message }}"_s);
    if (!status || !headers || !body) {
        const QString why = !status ? status.errorString()
            : !headers              ? headers.errorString()
                                    : body.errorString();
        return StepOutcome::dataFailure(u"expression-error"_s, why);
    }
    if (status.value() < 100 || status.value() > 599)
        return StepOutcome::dataFailure(
            u"invalid"_s, u"respond: %1 is not an HTTP status"_s.arg(status.value()));
    StepOutcome::Answer answer;
    answer.status = status.value();
    bool hasType = false;
    QJSValueIterator it(headers.value());
    while (it.hasNext()) {
        it.next();
        const QByteArray name = it.name().toLatin1();
        hasType = hasType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        answer.headers.append({name, runtime.toText(it.value()).toUtf8()});
    }
    const QJSValue &value = body.value();
    if (value.isString()) {
        answer.body = value.toString().toUtf8();
        if (!hasType)
            answer.headers.prepend({"Content-Type", MediaType::text.toByteArray()});
    } else if (!value.isUndefined()) {
        answer.body = runtime.stringify(value);
        if (!hasType)
            answer.headers.prepend({"Content-Type", MediaType::json.toByteArray()});
    }
    QJSValue output = runtime.newObject();
    output.setProperty(u"status"_s, status.value());
    output.setProperty(u"headers"_s, headers.value());
    output.setProperty(u"body"_s, value);
    return StepOutcome::respond(output, std::move(answer)).withInput(output);
}

} // namespace jb
