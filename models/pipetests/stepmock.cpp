#include "stepmock.h"

#include "httpanswer.h"
#include "httpstep.h"
#include "pipedefinition.h"
#include "stepcontext.h"
#include "steprunner.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <atomic>
#include <functional>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QStringList structuralKeys = {
    u"id"_s, u"type"_s, u"name"_s, u"failOnError"_s, u"when"_s, u"otherwise"_s, u"steps"_s, u"onException"_s};

const StepDefinition *findStep(const std::vector<StepDefinition> &steps, const QString &id)
{
    for (const StepDefinition &step : steps) {
        if (step.id == id)
            return &step;
        for (const ChoiceBranch &branch : step.when) {
            if (const StepDefinition *found = findStep(branch.steps, id))
                return found;
        }
        for (const auto *nested : {&step.otherwise, &step.steps, &step.onException}) {
            if (const StepDefinition *found = findStep(*nested, id))
                return found;
        }
    }
    return nullptr;
}

std::optional<PipeError::Class> classNamed(const QString &name)
{
    for (PipeError::Class errorClass : {PipeError::Class::Connectivity, PipeError::Class::Access,
             PipeError::Class::Data, PipeError::Class::Volume}) {
        if (PipeError::className(errorClass) == name)
            return errorClass;
    }
    return std::nullopt;
}

QString defaultCode(PipeError::Class errorClass)
{
    switch (errorClass) {
    case PipeError::Class::Connectivity:
        return u"connection-refused"_s;
    case PipeError::Class::Access:
        return u"forbidden"_s;
    case PipeError::Class::Volume:
        return u"too-large"_s;
    case PipeError::Class::Data:
        break;
    }
    return u"invalid"_s;
}

} // namespace

Result<StepMock> StepMock::fromJson(const QString &stepId, const QJsonValue &value)
{
    using R = Result<StepMock>;
    const auto bad = [&stepId](const QString &why) {
        return R::failure(Error::Code::Schema, u"mock of step \"%1\": %2"_s.arg(stepId, why));
    };
    if (!value.isObject())
        return bad(u"must be an object with answer, output or error (and delayMs)"_s);
    const QJsonObject object = value.toObject();
    StepMock mock;
    mock.stepId = stepId;
    if (object.contains(u"sequence"_s)) {
        const QJsonArray calls = object.value(u"sequence"_s).toArray();
        if (object.size() != 1 || calls.isEmpty())
            return bad(u"a sequence stands alone: {\"sequence\": [one mock per call, ...]}"_s);
        mock.kind = Kind::Sequence;
        for (qsizetype i = 0; i < calls.size(); ++i) {
            if (calls.at(i).toObject().contains(u"sequence"_s))
                return bad(u"call %1 of the sequence is a sequence itself"_s.arg(i + 1));
            Result<StepMock> call = fromJson(stepId, calls.at(i));
            if (!call)
                return R::failure(
                    Error::Code::Schema, call.errorString() + u" (call %1 of the sequence)"_s.arg(i + 1));
            mock.sequence.append(std::move(call).value());
        }
        return mock;
    }
    QStringList kinds;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"answer" || it.key() == u"output" || it.key() == u"error")
            kinds.append(it.key());
        else if (it.key() != u"delayMs")
            return bad(u"unknown key \"%1\" (answer, output, error, delayMs, sequence)"_s.arg(it.key()));
    }
    if (kinds.size() > 1)
        return bad(u"has %1: give one of them"_s.arg(kinds.join(u" and "_s)));
    if (object.contains(u"delayMs"_s)) {
        const QJsonValue delay = object.value(u"delayMs"_s);
        if (!delay.isDouble() || delay.toDouble() < 0 || delay.toDouble() > 900000
            || delay.toDouble() != double(delay.toInt()))
            return bad(u"delayMs must be a whole number of milliseconds from 0 to 900000"_s);
        mock.delayMs = delay.toInt();
    }
    if (kinds.isEmpty()) {
        if (!object.contains(u"delayMs"_s))
            return bad(u"must give answer, output or error (or delayMs to slow the real step)"_s);
        mock.kind = Kind::DelayOnly;
        return mock;
    }
    const QJsonValue content = object.value(kinds.constFirst());
    if (kinds.constFirst() == u"output") {
        mock.kind = Kind::Output;
        mock.output = content;
        return mock;
    }
    if (kinds.constFirst() == u"answer") {
        mock.kind = Kind::Answer;
        const QJsonObject answer = content.toObject();
        for (const QString &key : answer.keys()) {
            if (key != u"status" && key != u"headers" && key != u"body")
                return bad(u"answer: unknown key \"%1\" (status, headers, body)"_s.arg(key));
        }
        const QJsonValue status = answer.value(u"status"_s);
        if (!content.isObject() || (!status.isUndefined() && (status.toInt() < 100 || status.toInt() > 599)))
            return bad(u"answer needs a status from 100 to 599 (200 when left out)"_s);
        mock.status = status.isUndefined() ? 200 : status.toInt();
        const QJsonObject headers = answer.value(u"headers"_s).toObject();
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            if (!it.value().isString())
                return bad(u"answer: header \"%1\" must be a string"_s.arg(it.key()));
            mock.headers.insert(it.key().toLower(), it.value());
        }
        mock.body = answer.value(u"body"_s);
        return mock;
    }
    mock.kind = Kind::Error;
    const QJsonObject error = content.toObject();
    for (const QString &key : error.keys()) {
        if (key != u"class" && key != u"code" && key != u"message" && key != u"status")
            return bad(u"error: unknown key \"%1\" (class, code, message, status)"_s.arg(key));
    }
    const std::optional<PipeError::Class> errorClass = classNamed(error.value(u"class"_s).toString());
    if (!content.isObject() || !errorClass)
        return bad(u"error needs a class: connectivity, access, data or volume"_s);
    mock.error.errorClass = *errorClass;
    mock.error.code = error.value(u"code"_s).toString(defaultCode(*errorClass));
    mock.error.message
        = error.value(u"message"_s).toString(u"%1 failure (mocked)"_s.arg(PipeError::className(*errorClass)));
    mock.error.httpStatus = error.value(u"status"_s).toInt();
    return mock;
}

QString StepMock::problemWith(const PipeDefinition &pipe) const
{
    const StepDefinition *step = findStep(pipe.steps, stepId);
    if (!step)
        step = findStep(pipe.onException, stepId);
    if (!step)
        return u"mock of step \"%1\": pipe \"%2\" has no such step"_s.arg(stepId, pipe.id);
    for (const StepMock &call : sequence) {
        if (const QString problem = call.problemWith(pipe); !problem.isEmpty())
            return problem;
    }
    if (kind == Kind::Answer && step->type != StepDefinition::Type::Http)
        return u"mock of step \"%1\": an answer stands in for an http step, and this one is a %2 step "
               "(give its output instead)"_s.arg(stepId, StepDefinition::typeName(step->type));
    return {};
}

StepOverride StepMock::toOverride() const
{
    if (kind == Kind::Sequence) {
        QList<StepOverride> calls;
        for (const StepMock &call : sequence)
            calls.append(call.toOverride());
        // one counter per case: the runner makes the overrides again for each case
        auto made = std::make_shared<std::atomic<qsizetype>>(0);
        return [calls, made](StepContext &context, const StepDefinition &step) {
            const qsizetype call = made->fetch_add(1);
            return calls.at(qMin(call, calls.size() - 1))(context, step);
        };
    }
    StepMock mock = *this;
    return [mock](StepContext &context, const StepDefinition &step) -> StepOutcome {
        std::function<StepOutcome()> outcome;
        if (mock.kind == Kind::DelayOnly) {
            outcome = [&context, &step] { return StepRunner::run(context, step); };
        } else {
            outcome = [&context, &step, mock] {
                QStringList keys;
                for (auto it = step.settings.begin(); it != step.settings.end(); ++it) {
                    if (!structuralKeys.contains(it.key()))
                        keys.append(it.key());
                }
                // the step's templates still have to hold: a mock must not hide a broken setting
                const Result<QJSValue> input = context.evaluatedSettings(step, keys);
                if (!input)
                    return StepOutcome::dataFailure(u"expression-error"_s, input.errorString());
                StepOutcome result;
                if (mock.kind == Kind::Answer) {
                    HttpOutcome answer;
                    answer.status = mock.status;
                    answer.statusMessage = QString::fromLatin1(HttpAnswer::reasonPhrase(mock.status));
                    for (auto it = mock.headers.begin(); it != mock.headers.end(); ++it)
                        answer.headers.append({it.key().toLatin1(), it.value().toString().toUtf8()});
                    if (mock.body.isString()) {
                        answer.body = mock.body.toString().toUtf8();
                    } else if (!mock.body.isUndefined() && !mock.body.isNull()) {
                        if (!mock.headers.contains(u"content-type"_s))
                            answer.headers.append(
                                {QByteArray("content-type"), QByteArray("application/json; charset=utf-8")});
                        answer.body = mock.body.isObject()
                            ? QJsonDocument(mock.body.toObject()).toJson(QJsonDocument::Compact)
                            : QJsonDocument(mock.body.toArray()).toJson(QJsonDocument::Compact);
                    }
                    answer.attempts = 1;
                    // the call's own rule: a 4xx or 5xx the step stops on is a failure of the step
                    const Result<HttpCallSpec> spec = HttpStep::spec(context.runtime, input.value());
                    if (!spec)
                        return StepOutcome::dataFailure(u"invalid"_s, spec.errorString());
                    const QString target = QString::fromLatin1(spec.value().method) + u' '
                        + spec.value().url.toDisplayString();
                    const QString said
                        = u"%1 answered %2 %3"_s.arg(target).arg(answer.status).arg(answer.statusMessage);
                    if (answer.status >= 500 && spec.value().stopOnServerError)
                        answer.failure = PipeError{
                            {}, PipeError::Class::Connectivity, u"server-error"_s, said, answer.status};
                    else if (answer.status >= 400 && answer.status < 500 && spec.value().stopOnClientError)
                        answer.failure = PipeError{{}, PipeError::classForStatus(answer.status),
                            u"client-error"_s, said, answer.status};
                    result = HttpStep::finish(context, answer);
                } else if (mock.kind == Kind::Output) {
                    result = StepOutcome::proceed(context.runtime.toScript(mock.output));
                } else if (step.type == StepDefinition::Type::Http) {
                    HttpOutcome failed; // the http step's own shape of a failure: {error, code, ...}
                    failed.failure = mock.error;
                    failed.status = mock.error.httpStatus;
                    failed.attempts = 1;
                    result = HttpStep::finish(context, failed);
                } else {
                    result = StepOutcome::failure(mock.error);
                }
                return std::move(result).withInput(input.value());
            };
        }
        if (mock.delayMs <= 0)
            return outcome();
        StepOutcome pause = StepOutcome::wait(StepPause{mock.delayMs, std::move(outcome)});
        return pause;
    };
}

} // namespace jb
