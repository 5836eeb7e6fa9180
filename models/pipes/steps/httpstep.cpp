#include "httpstep.h"

#include "pipedefinition.h"
#include "scriptruntime.h"
#include "stepcontext.h"

#include <QJSValueIterator>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

Result<int> number(const QJSValue &settings, const QString &key, int fallback)
{
    const QJSValue value = settings.property(key);
    if (value.isUndefined() || value.isNull())
        return fallback;
    const double n = value.toNumber();
    if (!std::isfinite(n) || n < 0 || n > std::numeric_limits<int>::max())
        return Result<int>::failure(Error::Code::Schema,
            u"\"%1\" must be a non-negative number, got %2"_s.arg(key, value.toString()));
    return int(n);
}

bool flag(const QJSValue &settings, const QString &key)
{
    const QJSValue value = settings.property(key);
    return value.isString() ? value.toString() == u"true" : value.toBool();
}

} // namespace

const QStringList &HttpStep::settingKeys()
{
    static const QStringList keys = {u"method"_s, u"url"_s, u"headers"_s, u"body"_s, u"connectTimeoutMs"_s,
        u"readTimeoutMs"_s, u"retries"_s, u"retryWaitMs"_s, u"stopOnClientError"_s, u"stopOnServerError"_s,
        u"maxResponseBytes"_s};
    return keys;
}

StepOutcome HttpStep::run(StepContext &context, const StepDefinition &step)
{
    const Result<QJSValue> evaluated = context.evaluatedSettings(step, settingKeys());
    if (!evaluated)
        return StepOutcome::dataFailure(u"expression-error"_s, evaluated.errorString());
    const QJSValue &settings = evaluated.value();
    Result<HttpCallSpec> call = spec(context.runtime, settings);
    if (!call)
        return StepOutcome::dataFailure(u"invalid"_s, call.errorString()).withInput(settings);
    return StepOutcome::wait(std::move(call).value()).withInput(settings);
}

StepOutcome HttpStep::finish(StepContext &context, const HttpOutcome &outcome)
{
    std::optional<PipeError> failure;
    const QJSValue result = output(context.runtime, outcome, failure);
    StepOutcome step = failure ? StepOutcome::failure(*failure, result) : StepOutcome::proceed(result);
    for (const QString &line : outcome.logs)
        step.logs.append({u"warning"_s, line});
    return step;
}

Result<HttpCallSpec> HttpStep::spec(ScriptRuntime &runtime, const QJSValue &settings)
{
    using R = Result<HttpCallSpec>;
    HttpCallSpec spec;
    const QJSValue method = settings.property(u"method"_s);
    if (!method.isUndefined())
        spec.method = method.toString().toUpper().toLatin1();
    const QString url = runtime.toText(settings.property(u"url"_s));
    spec.url = QUrl(url, QUrl::StrictMode);
    if (!spec.url.isValid() || (spec.url.scheme() != u"http" && spec.url.scheme() != u"https")
        || spec.url.host().isEmpty())
        return R::failure(Error::Code::Schema, u"\"%1\" is not an http(s) URL"_s.arg(url));
    QJSValueIterator it(settings.property(u"headers"_s));
    while (it.hasNext()) {
        it.next();
        spec.headers.append({it.name().toLatin1(), runtime.toText(it.value()).toUtf8()});
    }
    const QJSValue body = settings.property(u"body"_s);
    if (body.isString())
        spec.body = body.toString().toUtf8();
    else if (!body.isUndefined() && !body.isNull())
        spec.body = runtime.stringify(body);
    struct NumberSetting
    {
        QString key;
        int *target;
    };
    int maxResponse = int(qMin<qint64>(spec.maxResponseBytes, std::numeric_limits<int>::max()));
    for (const NumberSetting &setting : {NumberSetting{u"connectTimeoutMs"_s, &spec.connectTimeoutMs},
             NumberSetting{u"readTimeoutMs"_s, &spec.readTimeoutMs},
             NumberSetting{u"retries"_s, &spec.retries}, NumberSetting{u"retryWaitMs"_s, &spec.retryWaitMs},
             NumberSetting{u"maxResponseBytes"_s, &maxResponse}}) {
        const Result<int> value = number(settings, setting.key, *setting.target);
        if (!value)
            return value.error();
        *setting.target = value.value();
    }
    spec.maxResponseBytes = maxResponse;
    spec.stopOnClientError = flag(settings, u"stopOnClientError"_s);
    spec.stopOnServerError = flag(settings, u"stopOnServerError"_s);
    return spec;
}

QJSValue HttpStep::output(
    ScriptRuntime &runtime, const HttpOutcome &outcome, std::optional<PipeError> &failure)
{
    failure = outcome.failure;
    QJSValue headers = runtime.newObject();
    QByteArray contentType;
    for (const auto &[name, value] : outcome.headers) {
        const QString key = QString::fromLatin1(name);
        const QJSValue existing = headers.property(key);
        // a repeated header reads as one, its values joined as HTTP allows
        headers.setProperty(key,
            existing.isUndefined() ? QString::fromUtf8(value)
                                   : existing.toString() + u", "_s + QString::fromUtf8(value));
        if (name == "content-type")
            contentType = value;
    }
    QJSValue body(QJSValue::NullValue);
    if (!outcome.body.isEmpty()) {
        body = QJSValue(QString::fromUtf8(outcome.body));
        if (contentType.contains("json")) {
            Result<QJSValue> parsed = runtime.parseJson(outcome.body);
            if (parsed)
                body = parsed.value();
            else if (!failure)
                failure = PipeError{{}, PipeError::Class::Data, u"invalid-body"_s,
                    u"the answer says JSON but is not: %1"_s.arg(parsed.errorString()), outcome.status};
        }
    }
    QJSValue output = runtime.newObject();
    if (failure) {
        // "error" ({step, class, retriable, code, message}) is added by the step machine
        output.setProperty(u"success"_s, false);
        output.setProperty(u"code"_s, failure->code);
        if (outcome.status > 0)
            output.setProperty(u"status"_s, outcome.status);
    } else {
        output.setProperty(u"status"_s, outcome.status);
        output.setProperty(u"statusMessage"_s, outcome.statusMessage);
    }
    output.setProperty(u"body"_s, body);
    output.setProperty(u"headers"_s, headers);
    return output;
}

} // namespace jb
