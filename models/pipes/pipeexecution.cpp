#include "pipeexecution.h"

#include "core/whendone.h"
#include "databasestep.h"
#include "httpcall.h"
#include "httpstep.h"
#include "mapstep.h"
#include "pipeworker.h"

#include <QDateTime>
#include <QJSValueIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Log steps write here as well as into the trace; off unless asked for, so that a busy server
// prints nothing per request (QT_LOGGING_RULES="jb.pipes.log.debug=true").
Q_LOGGING_CATEGORY(lcPipeLog, "jb.pipes.log", QtCriticalMsg)

constexpr QByteArrayView jsonType{"application/json; charset=utf-8"};
constexpr QByteArrayView textType{"text/plain; charset=utf-8"};

PipeError dataError(const QString &code, const QString &message)
{
    return PipeError{{}, PipeError::Class::Data, code, message, 0};
}

} // namespace

PipeExecution::PipeExecution(PipeWorker &worker, ExecutionOrder order, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_runtime(worker.runtime())
    , m_order(std::move(order))
    , m_key(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, &PipeExecution::deadline);
}

PipeExecution::~PipeExecution()
{
    delete m_call;
}

void PipeExecution::start()
{
    m_clock.start();
    const PipeDefinition &pipe = *m_order.pipe;
    const bool isEvent = pipe.trigger.type == PipeTrigger::Type::Event;
    m_scope.request = m_runtime.toScript(m_order.request.toJson());
    m_scope.steps = m_runtime.newObject();
    m_scope.event = isEvent ? m_runtime.toScript(m_order.request.event) : QJSValue();
    m_scope.message = isEvent ? m_scope.event : m_scope.request;
    QJSValue execution = m_runtime.newObject();
    execution.setProperty(u"key"_s, m_key);
    execution.setProperty(u"pipe"_s, pipe.id);
    if (m_order.eventId > 0) {
        execution.setProperty(u"eventId"_s, double(m_order.eventId));
        execution.setProperty(u"eventName"_s, m_order.eventName);
    }
    if (m_order.retryOf > 0)
        execution.setProperty(u"retryOf"_s, double(m_order.retryOf));
    m_scope.execution = execution;
    m_frames.append({&pipe.steps, 0, 0});
    m_deadline.start(pipe.trigger.timeoutMs);
    advance();
}

void PipeExecution::advance()
{
    while (!m_finished && !m_waiting) {
        if (m_frames.isEmpty()) {
            finish();
            return;
        }
        Frame &frame = m_frames.last();
        if (frame.next >= frame.steps->size()) {
            const Frame::Kind kind = frame.kind;
            m_frames.removeLast();
            if (kind != Frame::Kind::Steps)
                endItem(); // the item's steps (or its onException) ran to their end
            continue;
        }
        const StepDefinition &step = (*frame.steps)[frame.next++];
        runStep(step, frame.depth);
    }
}

void PipeExecution::runStep(const StepDefinition &step, int depth)
{
    m_running = Running{};
    m_running.step = &step;
    m_running.depth = depth;
    m_running.clock.start();
    switch (step.type) {
    case StepDefinition::Type::Validate:
        return runValidate(step);
    case StepDefinition::Type::Set:
        return runSet(step);
    case StepDefinition::Type::Http:
        return runHttp(step);
    case StepDefinition::Type::Choice:
        return runChoice(step, depth);
    case StepDefinition::Type::Respond:
        return runRespond(step);
    case StepDefinition::Type::Publish:
        return runPublish(step);
    case StepDefinition::Type::Log:
        return runLog(step);
    case StepDefinition::Type::Retry:
        return runRetry(step);
    case StepDefinition::Type::Map:
        return runMap(step);
    case StepDefinition::Type::Database:
        return runDatabase(step);
    case StepDefinition::Type::ForEach:
        return runForEach(step, depth);
    }
}

Result<QJSValue> PipeExecution::setting(
    const StepDefinition &step, const QString &key, const QJsonValue &fallback)
{
    const QJsonValue value = step.settings.value(key);
    return m_runtime.evaluate(value.isUndefined() ? fallback : value, m_scope);
}

Result<QJSValue> PipeExecution::evaluatedSettings(const StepDefinition &step, const QStringList &keys)
{
    QJSValue object = m_runtime.newObject();
    for (const QString &key : keys) {
        if (!step.settings.contains(key))
            continue;
        const Result<QJSValue> value = setting(step, key);
        if (!value)
            return value;
        object.setProperty(key, value.value());
    }
    return object;
}

Result<int> PipeExecution::intSetting(const StepDefinition &step, const QString &key, int fallback)
{
    if (!step.settings.contains(key))
        return fallback;
    const Result<QJSValue> value = setting(step, key);
    if (!value)
        return value.error();
    const double number = value.value().toNumber();
    if (!std::isfinite(number) || number < 0 || number > std::numeric_limits<int>::max())
        return Result<int>::failure(Error::Code::Schema,
            u"\"%1\" must be a non-negative number, got %2"_s.arg(key, value.value().toString()));
    return int(number);
}

QJsonValue PipeExecution::traceValue(const QJSValue &value)
{
    // secrets may reach any string of a step (a header, a URL): the trace gets a masked copy
    return m_worker.environment().mask(m_runtime.toJson(value));
}

void PipeExecution::record(TraceEntry::Status status, const QJSValue &output)
{
    if (!m_order.trace)
        return;
    TraceEntry entry;
    entry.id = m_running.step->id;
    entry.type = StepDefinition::typeName(m_running.step->type);
    entry.depth = m_running.depth;
    entry.onException = m_inException || (!m_loops.empty() && m_loops.back().inHandler);
    entry.input = traceValue(m_running.input);
    entry.output = traceValue(output);
    entry.status = status;
    entry.durationUs = m_running.clock.nsecsElapsed() / 1000;
    entry.logs = m_running.logs;
    if (m_worker.environment().hasSecretValues()) {
        for (TraceEntry::Log &log : entry.logs)
            log.message = m_worker.environment().mask(log.message);
    }
    m_trace.entries.append(std::move(entry));
}

void PipeExecution::complete(const QJSValue &output, bool passThrough)
{
    m_scope.steps.setProperty(m_running.step->id, output);
    if (!passThrough)
        m_scope.message = output;
    record(TraceEntry::Status::Ok, output);
}

void PipeExecution::fail(PipeError error, QJSValue output)
{
    const StepDefinition &step = *m_running.step;
    error.step = step.id;
    if (output.isUndefined()) {
        output = m_runtime.newObject();
        output.setProperty(u"success"_s, false);
    }
    if (output.property(u"error"_s).isUndefined())
        output.setProperty(u"error"_s, m_runtime.toScript(error.toJson()));
    if (step.continueOnError) {
        m_scope.steps.setProperty(step.id, output);
        m_scope.message = output;
        record(TraceEntry::Status::Failed, output);
        return;
    }
    record(TraceEntry::Status::Failed, output);
    enterException(error);
}

void PipeExecution::skipFrames(qsizetype from)
{
    for (qsizetype i = m_frames.size() - 1; i >= from && m_order.trace; --i) {
        const Frame &frame = m_frames.at(i);
        for (size_t s = frame.next; s < frame.steps->size(); ++s) {
            TraceEntry entry;
            entry.id = (*frame.steps)[s].id;
            entry.type = StepDefinition::typeName((*frame.steps)[s].type);
            entry.depth = frame.depth;
            entry.onException = m_inException;
            entry.status = TraceEntry::Status::Skipped;
            m_trace.entries.append(std::move(entry));
        }
    }
    // dropped whether traced or not: the frames are what the machine would run next
    m_frames.resize(from);
}

void PipeExecution::skipRemaining()
{
    skipFrames(0);
    m_loops.clear();
}

void PipeExecution::enterException(const PipeError &error)
{
    if (catchInLoop(error))
        return;
    skipRemaining();
    if (m_inException || m_order.pipe->onException.empty()) {
        // a failure inside onException ends the run: the first failure is the one reported
        if (!m_error)
            m_error = error;
        finish();
        return;
    }
    m_error = error;
    m_inException = true;
    m_scope.error = m_runtime.toScript(error.toJson());
    m_frames.append({&m_order.pipe->onException, 0, 0});
}

void PipeExecution::runValidate(const StepDefinition &step)
{
    const Result<QJSValue> value = setting(step, u"value"_s, u"{{ message }}"_s);
    if (!value)
        return fail(dataError(u"expression-error"_s, value.errorString()));
    QJSValue input = m_runtime.newObject();
    input.setProperty(u"value"_s, value.value());
    QString problem;
    if (step.schema) {
        const QStringList errors = step.schema->validate(m_runtime.toJson(value.value()));
        if (!errors.isEmpty())
            problem = u"the value does not match the schema: %1"_s.arg(errors.mid(0, 3).join(u"; "_s));
    } else {
        input.setProperty(u"regex"_s, step.regex.pattern());
        const QJSValue &v = value.value();
        if (!v.isString() && !v.isNumber())
            problem = u"expected text to match %1, got %2"_s.arg(step.regex.pattern(), m_runtime.toText(v));
        else if (!step.regex.match(v.toString()).hasMatch())
            problem = u"\"%1\" does not match %2"_s.arg(v.toString(), step.regex.pattern());
    }
    m_running.input = input;
    QJSValue output = m_runtime.newObject();
    output.setProperty(u"success"_s, problem.isEmpty());
    output.setProperty(u"value"_s, value.value());
    if (problem.isEmpty())
        return complete(output);
    if (step.settings.contains(u"message"_s)) {
        const Result<QJSValue> message = setting(step, u"message"_s);
        if (message)
            problem = m_runtime.toText(message.value());
    }
    fail(dataError(u"invalid"_s, problem), output);
}

void PipeExecution::runSet(const StepDefinition &step)
{
    const Result<QJSValue> value = setting(step, u"value"_s);
    if (!value)
        return fail(dataError(u"expression-error"_s, value.errorString()));
    QJSValue input = m_runtime.newObject();
    input.setProperty(u"value"_s, value.value());
    m_running.input = input;
    complete(value.value());
}

void PipeExecution::runHttp(const StepDefinition &step)
{
    const Result<QJSValue> evaluated = evaluatedSettings(step, HttpStep::settingKeys());
    if (!evaluated)
        return fail(dataError(u"expression-error"_s, evaluated.errorString()));
    const QJSValue &settings = evaluated.value();
    m_running.input = settings;
    Result<HttpCallSpec> spec = HttpStep::spec(m_runtime, settings);
    if (!spec)
        return fail(dataError(u"invalid"_s, spec.errorString()));
    m_waiting = true;
    m_call = new HttpCall(
        m_worker.http(), std::move(spec).value(),
        [this](HttpOutcome outcome) { httpDone(std::move(outcome)); }, this);
    m_call->start();
}

void PipeExecution::httpDone(HttpOutcome outcome)
{
    m_call->deleteLater();
    m_call = nullptr;
    m_waiting = false;
    for (const QString &line : std::as_const(outcome.logs))
        m_running.logs.append({u"warning"_s, line});
    std::optional<PipeError> failure;
    const QJSValue output = HttpStep::output(m_runtime, outcome, failure);
    if (failure)
        fail(*failure, output);
    else
        complete(output);
    advance();
}

void PipeExecution::runChoice(const StepDefinition &step, int depth)
{
    m_running.input = QJSValue(QJSValue::NullValue);
    QJSValue output = m_runtime.newObject();
    for (size_t i = 0; i < step.when.size(); ++i) {
        const Result<bool> holds = m_runtime.condition(step.when[i].condition, m_scope);
        if (!holds)
            return fail(dataError(u"expression-error"_s, holds.errorString()));
        if (holds.value()) {
            output.setProperty(u"branch"_s, int(i));
            complete(output, true);
            m_frames.append({&step.when[i].steps, 0, depth + 1});
            return;
        }
    }
    output.setProperty(
        u"branch"_s, step.otherwise.empty() ? QJSValue(QJSValue::NullValue) : QJSValue(u"otherwise"_s));
    complete(output, true);
    if (!step.otherwise.empty())
        m_frames.append({&step.otherwise, 0, depth + 1});
}

void PipeExecution::runRespond(const StepDefinition &step)
{
    const Result<int> status = intSetting(step, u"status"_s, 200);
    const Result<QJSValue> headers = setting(step, u"headers"_s, QJsonObject());
    const Result<QJSValue> body = setting(step, u"body"_s, u"{{ message }}"_s);
    if (!status || !headers || !body) {
        const QString why = !status ? status.errorString()
            : !headers              ? headers.errorString()
                                    : body.errorString();
        return fail(dataError(u"expression-error"_s, why));
    }
    if (status.value() < 100 || status.value() > 599)
        return fail(dataError(u"invalid"_s, u"respond: %1 is not an HTTP status"_s.arg(status.value())));
    HttpHeaders answerHeaders;
    bool hasType = false;
    QJSValueIterator it(headers.value());
    while (it.hasNext()) {
        it.next();
        const QByteArray name = it.name().toLatin1();
        hasType = hasType || name.compare("content-type", Qt::CaseInsensitive) == 0;
        answerHeaders.append({name, m_runtime.toText(it.value()).toUtf8()});
    }
    QByteArray bytes;
    const QJSValue &value = body.value();
    if (value.isString()) {
        bytes = value.toString().toUtf8();
        if (!hasType)
            answerHeaders.prepend({"Content-Type", textType.toByteArray()});
    } else if (!value.isUndefined()) {
        bytes = m_runtime.stringify(value);
        if (!hasType)
            answerHeaders.prepend({"Content-Type", jsonType.toByteArray()});
    }
    QJSValue answer = m_runtime.newObject();
    answer.setProperty(u"status"_s, status.value());
    answer.setProperty(u"headers"_s, headers.value());
    answer.setProperty(u"body"_s, value);
    m_running.input = answer;
    complete(answer);
    respondWith(status.value(), answerHeaders, std::move(bytes));
}

void PipeExecution::respondWith(int status, const HttpHeaders &headers, QByteArray body)
{
    PipeResult response;
    response.status = status;
    response.headers = headers;
    response.body = std::move(body);
    m_response = std::move(response);
    skipRemaining();
    finish();
}

void PipeExecution::runPublish(const StepDefinition &step)
{
    const Result<QJSValue> name = setting(step, u"event"_s);
    const Result<QJSValue> body = setting(step, u"body"_s, u"{{ message }}"_s);
    if (!name || !body)
        return fail(dataError(u"expression-error"_s, !name ? name.errorString() : body.errorString()));
    const QString event = m_runtime.toText(name.value());
    QJSValue input = m_runtime.newObject();
    input.setProperty(u"event"_s, event);
    input.setProperty(u"body"_s, body.value());
    m_running.input = input;
    if (event.isEmpty())
        return fail(dataError(u"invalid"_s, u"publish: the event name is empty"_s));
    const QJsonValue json = m_runtime.toJson(body.value());
    const QJsonObject payload = json.isObject() ? json.toObject() : QJsonObject{{u"value"_s, json}};
    const Result<qint64> id = m_worker.publish(event, payload);
    if (!id)
        return fail(PipeError{{}, PipeError::Class::Connectivity, u"store-error"_s, id.errorString(), 0});
    QJSValue output = m_runtime.newObject();
    output.setProperty(u"event"_s, event);
    output.setProperty(u"id"_s, double(id.value()));
    complete(output, true);
}

void PipeExecution::runLog(const StepDefinition &step)
{
    const QString level = step.settings.value(u"level"_s).toString(u"info"_s);
    const Result<QJSValue> message = setting(step, u"message"_s);
    if (!message)
        return fail(dataError(u"expression-error"_s, message.errorString()));
    const QString text = m_runtime.toText(message.value());
    m_running.logs.append({level, text});
    if (level == u"error" || level == u"warning")
        qCWarning(lcPipeLog).noquote() << m_order.pipe->id << m_key << text;
    else
        qCDebug(lcPipeLog).noquote() << m_order.pipe->id << m_key << text;
    QJSValue output = m_runtime.newObject();
    output.setProperty(u"level"_s, level);
    output.setProperty(u"message"_s, text);
    m_running.input = output;
    complete(output, true);
}

void PipeExecution::runRetry(const StepDefinition &step)
{
    const Result<int> delay = intSetting(step, u"delayMs"_s, 30000);
    if (!delay)
        return fail(dataError(u"expression-error"_s, delay.errorString()));
    QJSValue input = m_runtime.newObject();
    input.setProperty(u"delayMs"_s, delay.value());
    m_running.input = input;
    const QJsonObject event = m_order.request.event.toObject();
    if (m_order.eventId <= 0 || event.value(u"executionKey"_s).toString().isEmpty())
        return fail(
            dataError(u"not-an-error-event"_s, u"retry: this execution was not started by an error event"_s));
    QJSValue output = m_runtime.newObject();
    auto skip = [&](const QString &reason) {
        output.setProperty(u"scheduled"_s, false);
        output.setProperty(u"reason"_s, reason);
        complete(output, true);
    };
    if (!event.value(u"retriable"_s).toBool())
        return skip(u"not retriable"_s);
    const Result<bool> claimed = m_worker.requestRetry(m_order.eventId, delay.value());
    if (!claimed)
        return fail(
            PipeError{{}, PipeError::Class::Connectivity, u"store-error"_s, claimed.errorString(), 0});
    if (!claimed.value())
        return skip(u"already re-run once"_s);
    output.setProperty(u"scheduled"_s, true);
    output.setProperty(u"delayMs"_s, delay.value());
    complete(output, true);
}

void PipeExecution::runMap(const StepDefinition &step)
{
    const Result<QJSValue> mapping = setting(step, u"mapping"_s);
    const Result<QJSValue> value = setting(step, u"input"_s, u"{{ message }}"_s);
    if (!mapping || !value)
        return fail(dataError(u"expression-error"_s, !mapping ? mapping.errorString() : value.errorString()));
    const QString id = m_runtime.toText(mapping.value());
    QJSValue input = m_runtime.newObject();
    input.setProperty(u"mapping"_s, id);
    input.setProperty(u"input"_s, value.value());
    m_running.input = input;
    MappingRunner *runner = m_worker.mappingRunner(id);
    if (!runner)
        return fail(dataError(u"invalid"_s, u"map: the project has no mapping \"%1\""_s.arg(id)));
    std::optional<PipeError> failure;
    const QJSValue output = MapStep::output(m_runtime, *runner, m_runtime.toJson(value.value()), failure);
    if (failure)
        return fail(*failure, output);
    complete(output);
}

void PipeExecution::runDatabase(const StepDefinition &step)
{
    const Result<QJSValue> evaluated = evaluatedSettings(step, DatabaseStep::settingKeys());
    if (!evaluated)
        return fail(dataError(u"expression-error"_s, evaluated.errorString()));
    const QJSValue &settings = evaluated.value();
    m_running.input = settings;
    const QString id = m_runtime.toText(settings.property(u"database"_s));
    std::optional<DatabaseSpec> database = m_worker.catalog().database(id);
    if (!database)
        return fail(dataError(u"invalid"_s, u"database: the project has no database \"%1\""_s.arg(id)));
    database->password = m_worker.environment().secrets().value(database->secretName);
    Result<DatabaseQuery> query = DatabaseStep::query(m_runtime, settings, std::move(*database));
    if (!query)
        return fail(dataError(u"invalid"_s, query.errorString()));
    // QtSql blocks: the query runs on the global pool (its connection opened, used and removed
    // there) so that this worker's other executions go on meanwhile
    m_waiting = true;
    whenDone(QtConcurrent::run([query = std::move(query).value()] { return DatabaseStep::run(query); }), this,
        [this](const DatabaseOutcome &outcome) { databaseDone(outcome); });
}

void PipeExecution::databaseDone(const DatabaseOutcome &outcome)
{
    if (m_finished)
        return; // the trigger's timeout answered meanwhile
    m_waiting = false;
    const QJSValue output = DatabaseStep::output(m_runtime, outcome);
    if (outcome.failure)
        fail(*outcome.failure, output);
    else
        complete(output);
    advance();
}

void PipeExecution::runForEach(const StepDefinition &step, int depth)
{
    const Result<QJSValue> items = setting(step, u"items"_s);
    if (!items)
        return fail(dataError(u"expression-error"_s, items.errorString()));
    QJSValue input = m_runtime.newObject();
    input.setProperty(u"items"_s, items.value());
    m_running.input = input;
    if (!items.value().isArray())
        return fail(dataError(u"invalid"_s,
            u"for-each: \"items\" is not an array: %1"_s.arg(m_runtime.toText(items.value()).left(200))));
    const int count = items.value().property(u"length"_s).toInt();
    ForEachLoop loop(step, depth, items.value(), count, m_runtime);
    loop.savedItem = m_scope.item;
    loop.savedIndex = m_scope.index;
    // the loop's entry comes first in the trace, its items' steps below it; its output is
    // filled in when the last item is done
    loop.traceEntry = m_order.trace ? m_trace.entries.size() : -1;
    record(TraceEntry::Status::Ok, QJSValue(QJSValue::NullValue));
    m_loops.push_back(std::move(loop));
    startItem();
}

void PipeExecution::startItem()
{
    ForEachLoop &loop = m_loops.back();
    if (!loop.hasNext())
        return endLoop();
    m_scope.item = loop.next();
    m_scope.index = loop.index();
    m_scope.message = m_scope.item;
    m_frames.append({&loop.step().steps, 0, loop.depth() + 1, Frame::Kind::Item});
}

void PipeExecution::endItem()
{
    ForEachLoop &loop = m_loops.back();
    if (loop.inHandler) {
        m_scope.error = loop.savedError;
        loop.inHandler = false;
    }
    loop.itemDone(m_runtime, m_scope.message);
    startItem();
}

void PipeExecution::endLoop()
{
    ForEachLoop loop = std::move(m_loops.back());
    m_loops.pop_back();
    m_scope.item = loop.savedItem;
    m_scope.index = loop.savedIndex;
    const QJSValue output = loop.output(m_runtime);
    m_scope.steps.setProperty(loop.step().id, output);
    m_scope.message = output;
    if (m_order.trace && loop.traceEntry >= 0 && loop.traceEntry < m_trace.entries.size()) {
        TraceEntry &entry = m_trace.entries[loop.traceEntry];
        entry.output = traceValue(output);
        entry.durationUs = loop.clock.nsecsElapsed() / 1000;
    }
}

bool PipeExecution::catchInLoop(const PipeError &error)
{
    qsizetype at = m_frames.size() - 1;
    while (at >= 0 && m_frames.at(at).kind == Frame::Kind::Steps)
        --at;
    if (at < 0)
        return false;
    const Frame::Kind kind = m_frames.at(at).kind;
    skipFrames(at);
    ForEachLoop &loop = m_loops.back();
    if (kind == Frame::Kind::ItemHandler) {
        // the item's treatment failed: the item stays failed with its first error, and the loop
        // goes on (a pipe-level onException is for the pipe's own steps)
        loop.handlerFailed(error);
        endItem();
        return true;
    }
    loop.itemFailed(error);
    if (loop.step().onException.empty()) {
        endItem();
        return true;
    }
    loop.inHandler = true;
    loop.savedError = m_scope.error;
    m_scope.error = m_runtime.toScript(error.toJson());
    m_frames.append({&loop.step().onException, 0, loop.depth() + 1, Frame::Kind::ItemHandler});
    return true;
}

void PipeExecution::deadline()
{
    if (m_finished)
        return;
    delete m_call;
    const QString message = u"the pipe did not finish within %1 ms"_s.arg(m_order.pipe->trigger.timeoutMs);
    PipeError error{{}, PipeError::Class::Connectivity, u"pipe-timeout"_s, message, 0};
    if (m_waiting && m_running.step) {
        error.step = m_running.step->id;
        QJSValue output = m_runtime.newObject();
        output.setProperty(u"success"_s, false);
        output.setProperty(u"error"_s, m_runtime.toScript(error.toJson()));
        record(TraceEntry::Status::Failed, output);
    }
    m_waiting = false;
    skipRemaining();
    if (!m_error)
        m_error = error;
    m_response.reset();
    const QJsonObject body{{u"error"_s, message}, {u"executionKey"_s, m_key}};
    respondWith(
        504, {{"Content-Type", jsonType.toByteArray()}}, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void PipeExecution::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    PipeResult result;
    if (m_response) {
        result = std::move(*m_response);
    } else if (m_error) {
        // nobody answered the failure: the caller still learns the key to find its trace and event
        result.status = 500;
        result.headers = {{"Content-Type", jsonType.toByteArray()}};
        result.body = QJsonDocument(QJsonObject{{u"error"_s, m_error->message}, {u"executionKey"_s, m_key}})
                          .toJson(QJsonDocument::Compact);
    } else {
        // no respond step: the last message is the answer, as a REST trigger gives it back
        result.status = 200;
        if (m_scope.message.isString()) {
            result.headers = {{"Content-Type", textType.toByteArray()}};
            result.body = m_scope.message.toString().toUtf8();
        } else {
            result.headers = {{"Content-Type", jsonType.toByteArray()}};
            result.body = m_runtime.stringify(m_scope.message);
        }
    }
    result.executionKey = m_key;
    result.pipeId = m_order.pipe->id;
    result.error = m_error;
    result.trace = std::move(m_trace);
    result.durationUs = m_clock.nsecsElapsed() / 1000;
    m_worker.executionFinished(this, std::move(result));
}

} // namespace jb
