#include "stepoutcome.h"

#include "pipedefinition.h"
#include "scriptruntime.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <iterator>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString json(ScriptRuntime &runtime, const QJSValue &value)
{
    return value.isUndefined() ? u"undefined"_s : QString::fromUtf8(runtime.stringify(value));
}

QString headerLines(const HttpHeaders &headers)
{
    QString text;
    for (const auto &[name, value] : headers)
        text += u"  header "_s + QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value) + u'\n';
    return text;
}

QString workText(const StepOutcome::Work &work)
{
    if (const auto *call = std::get_if<HttpCallSpec>(&work)) {
        QString text
            = u"wait: http %1 %2 (connect %3 ms, read %4 ms, retries %5 every %6 ms, at most %7 bytes"_s
                  .arg(QString::fromLatin1(call->method), call->url.toString())
                  .arg(call->connectTimeoutMs)
                  .arg(call->readTimeoutMs)
                  .arg(call->retries)
                  .arg(call->retryWaitMs)
                  .arg(call->maxResponseBytes);
        if (call->stopOnClientError)
            text += u", stop on 4xx"_s;
        if (call->stopOnServerError)
            text += u", stop on 5xx"_s;
        text += u")\n"_s + headerLines(call->headers);
        if (!call->body.isEmpty())
            text += u"  body "_s + QString::fromUtf8(call->body) + u'\n';
        return text;
    }
    if (const auto *pause = std::get_if<StepPause>(&work))
        return u"wait: pause %1 ms\n"_s.arg(pause->ms);
    if (const auto *query = std::get_if<DatabaseQuery>(&work)) {
        QString text = u"wait: database %1 (%2, at most %3 rows%4): %5\n"_s.arg(query->database.id,
            query->database.driver, QString::number(query->maxRows), query->write ? u", write"_s : QString(),
            query->sql);
        if (!query->positional.isEmpty())
            text += u"  params "_s
                + QString::fromUtf8(QJsonDocument(QJsonArray::fromVariantList(query->positional))
                                        .toJson(QJsonDocument::Compact))
                + u'\n';
        if (!query->named.isEmpty())
            text += u"  params "_s
                + QString::fromUtf8(
                    QJsonDocument(QJsonObject::fromVariantMap(query->named)).toJson(QJsonDocument::Compact))
                + u'\n';
        return text;
    }
    return u"wait: nothing\n"_s;
}

} // namespace

StepOutcome StepOutcome::proceed(QJSValue output)
{
    StepOutcome outcome;
    outcome.output = std::move(output);
    return outcome;
}

StepOutcome StepOutcome::proceedKeepingMessage(QJSValue output)
{
    StepOutcome outcome = proceed(std::move(output));
    outcome.keepMessage = true;
    return outcome;
}

StepOutcome StepOutcome::failure(PipeError error, QJSValue output)
{
    StepOutcome outcome;
    outcome.move = Move::Fail;
    outcome.error = std::move(error);
    outcome.output = std::move(output);
    return outcome;
}

StepOutcome StepOutcome::dataFailure(const QString &code, const QString &message)
{
    return failure(PipeError{{}, PipeError::Class::Data, code, message, 0});
}

StepOutcome StepOutcome::respond(QJSValue output, Answer answer)
{
    StepOutcome outcome = proceed(std::move(output));
    outcome.move = Move::Respond;
    outcome.answer = std::move(answer);
    return outcome;
}

StepOutcome StepOutcome::wait(Work work)
{
    StepOutcome outcome;
    outcome.move = Move::Wait;
    outcome.work = std::move(work);
    return outcome;
}

StepOutcome StepOutcome::enter(QJSValue output, const std::vector<StepDefinition> &branch)
{
    StepOutcome outcome = proceedKeepingMessage(std::move(output));
    outcome.move = Move::Branch;
    outcome.branch = &branch;
    return outcome;
}

StepOutcome StepOutcome::loop(QJSValue items, int count)
{
    StepOutcome outcome;
    outcome.move = Move::Loop;
    outcome.items = std::move(items);
    outcome.count = count;
    return outcome;
}

StepOutcome StepOutcome::withInput(QJSValue value) &&
{
    input = std::move(value);
    return std::move(*this);
}

QString StepOutcome::moveName(Move move)
{
    // in the order of Move
    static constexpr const char16_t *names[] = {u"proceed", u"fail", u"respond", u"wait", u"branch", u"loop"};
    static_assert(std::size(names) == size_t(Move::Loop) + 1);
    return QString::fromUtf16(names[int(move)]);
}

QString StepOutcome::toText(ScriptRuntime &runtime) const
{
    QString text = moveName(move);
    if (keepMessage && move != Move::Branch)
        text += u", keeping the message"_s;
    text += u'\n';
    if (!input.isUndefined())
        text += u"in:  "_s + json(runtime, input) + u'\n';
    if (!output.isUndefined())
        text += u"out: "_s + json(runtime, output) + u'\n';
    if (error) {
        text += u"error: %1 %2: %3"_s.arg(
            PipeError::className(error->errorClass), error->code, error->message);
        if (error->httpStatus > 0)
            text += u" (status %1)"_s.arg(error->httpStatus);
        text += u'\n';
    }
    if (move == Move::Respond)
        text += u"answer: %1\n"_s.arg(answer.status) + headerLines(answer.headers) + u"  body "_s
            + QString::fromUtf8(answer.body) + u'\n';
    if (move == Move::Wait)
        text += workText(work);
    if (move == Move::Branch && branch) {
        QStringList ids;
        for (const StepDefinition &step : *branch)
            ids.append(step.id);
        text += u"enter: "_s + ids.join(u", "_s) + u'\n';
    }
    if (move == Move::Loop)
        text += u"items: %1 %2\n"_s.arg(count).arg(json(runtime, items));
    for (const TraceEntry::Log &log : logs)
        text += u"log "_s + log.level + u": "_s + log.message + u'\n';
    return text;
}

} // namespace jb
