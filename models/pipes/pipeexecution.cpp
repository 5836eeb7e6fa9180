#include "pipeexecution.h"

#include "core/whendone.h"
#include "databasestep.h"
#include "httpcall.h"
#include "httpstep.h"
#include "mediatype.h"
#include "pipeworker.h"
#include "steprunner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// The worker's mappings, databases and event store, as the step kinds ask for them.
StepServices workerServices(PipeWorker &worker)
{
    StepServices services;
    services.mappingRunner = [&worker](const QString &id) { return worker.mappingRunner(id); };
    services.database = [&worker](const QString &id) {
        std::optional<DatabaseSpec> database = worker.catalog().database(id);
        if (database)
            database->password = worker.environment().secrets().value(database->secretName);
        return database;
    };
    services.publish = [&worker](const QString &name, const QJsonObject &payload) {
        return worker.publish(name, payload);
    };
    services.requestRetry
        = [&worker](qint64 eventId, int delayMs) { return worker.requestRetry(eventId, delayMs); };
    return services;
}

} // namespace

PipeExecution::PipeExecution(PipeWorker &worker, ExecutionOrder order, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_runtime(worker.runtime())
    , m_order(std::move(order))
    , m_key(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_context{m_runtime, m_scope, workerServices(worker), m_order.pipe->id, m_key, m_order.eventId,
          m_order.request.event.toObject()}
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { deadline(); });
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
    m_deadlineAt = QDeadlineTimer(pipe.trigger.timeoutMs, Qt::PreciseTimer);
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
    applyWatched([&] { return outcomeOf(step); });
}

bool PipeExecution::overran()
{
    ScriptWatchdog &watchdog = m_runtime.watchdog();
    switch (watchdog.takeTrip()) {
    case ScriptWatchdog::Trip::None:
        return false;
    case ScriptWatchdog::Trip::Deadline:
        deadline(true);
        return true;
    case ScriptWatchdog::Trip::Memory:
        // not a timeout: the same request would grow the memory again, so not retriable either
        fail(PipeError{{}, PipeError::Class::Volume, u"script-memory"_s,
            ScriptWatchdog::describe(ScriptWatchdog::Trip::Memory, watchdog.limits()), 0});
        return true;
    }
    return false;
}

StepOutcome PipeExecution::outcomeOf(const StepDefinition &step)
{
    if (m_order.overrides) {
        const auto found = m_order.overrides->constFind(step.id);
        if (found != m_order.overrides->cend() && *found)
            return (*found)(m_context, step);
    }
    return StepRunner::run(m_context, step);
}

void PipeExecution::apply(StepOutcome outcome)
{
    if (!outcome.input.isUndefined())
        m_running.input = outcome.input;
    m_running.logs.append(outcome.logs);
    switch (outcome.move) {
    case StepOutcome::Move::Proceed:
        return complete(outcome.output, outcome.keepMessage);
    case StepOutcome::Move::Fail:
        return fail(outcome.error.value_or(PipeError{}), outcome.output);
    case StepOutcome::Move::Respond:
        complete(outcome.output);
        return respondWith(outcome.answer.status, outcome.answer.headers, std::move(outcome.answer.body));
    case StepOutcome::Move::Wait:
        return wait(std::move(outcome.work));
    case StepOutcome::Move::Branch:
        complete(outcome.output, outcome.keepMessage);
        if (outcome.branch)
            m_frames.append({outcome.branch, 0, m_running.depth + 1});
        return;
    case StepOutcome::Move::Loop:
        return enterLoop(outcome.items, outcome.count);
    }
}

void PipeExecution::wait(StepOutcome::Work work)
{
    if (auto *call = std::get_if<HttpCallSpec>(&work)) {
        m_waiting = true;
        m_call = new HttpCall(
            m_worker.http(), std::move(*call), [this](const HttpOutcome &outcome) { httpDone(outcome); },
            this);
        m_call->start();
    } else if (auto *query = std::get_if<DatabaseQuery>(&work)) {
        // QtSql blocks: the query runs on the global pool (its connection opened, used and removed
        // there) so that this worker's other executions go on meanwhile
        m_waiting = true;
        whenDone(QtConcurrent::run([query = std::move(*query)] { return DatabaseStep::execute(query); }),
            this, [this](const DatabaseOutcome &outcome) { databaseDone(outcome); });
    } else if (auto *pause = std::get_if<StepPause>(&work); pause && pause->then) {
        m_waiting = true;
        QTimer::singleShot(qMax(0, pause->ms), this, [this, then = std::move(pause->then)] {
            if (m_finished)
                return; // the trigger's timeout answered meanwhile
            m_waiting = false;
            applyWatched(then);
            advance();
        });
    } else {
        fail(PipeError{{}, PipeError::Class::Data, u"invalid"_s, u"the step waits for nothing"_s, 0});
    }
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

void PipeExecution::httpDone(const HttpOutcome &outcome)
{
    m_call->deleteLater();
    m_call = nullptr;
    m_waiting = false;
    applyWatched([&] { return HttpStep::finish(m_context, outcome); });
    advance();
}

void PipeExecution::databaseDone(const DatabaseOutcome &outcome)
{
    if (m_finished)
        return; // the trigger's timeout answered meanwhile
    m_waiting = false;
    applyWatched([&] { return DatabaseStep::finish(m_context, outcome); });
    advance();
}

void PipeExecution::enterLoop(const QJSValue &items, int count)
{
    ForEachLoop loop(*m_running.step, m_running.depth, items, count, m_runtime);
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

void PipeExecution::deadline(bool inStep)
{
    if (m_finished)
        return;
    delete m_call;
    const QString message = u"the pipe did not finish within %1 ms"_s.arg(m_order.pipe->trigger.timeoutMs);
    PipeError error{{}, PipeError::Class::Connectivity, u"pipe-timeout"_s, message, 0};
    if ((m_waiting || inStep) && m_running.step) {
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
    respondWith(504, {{"Content-Type", MediaType::json.toByteArray()}},
        QJsonDocument(body).toJson(QJsonDocument::Compact));
}

bool PipeExecution::answerWithMessage()
{
    // no respond step: the last message is the answer, as a REST trigger gives it back
    PipeResult answer;
    answer.status = 200;
    if (m_scope.message.isString()) {
        answer.headers = {{"Content-Type", MediaType::text.toByteArray()}};
        answer.body = m_scope.message.toString().toUtf8();
        m_response = std::move(answer);
        return true;
    }
    answer.headers = {{"Content-Type", MediaType::json.toByteArray()}};
    ScriptWatchdog &watchdog = m_runtime.watchdog();
    watchdog.watchUntil(m_deadlineAt);
    answer.body = m_runtime.stringify(m_scope.message);
    switch (watchdog.takeTrip()) {
    case ScriptWatchdog::Trip::None:
        m_response = std::move(answer);
        return true;
    case ScriptWatchdog::Trip::Deadline:
        deadline();
        return false;
    case ScriptWatchdog::Trip::Memory:
        m_error = PipeError{m_running.step ? m_running.step->id : QString(), PipeError::Class::Volume,
            u"script-memory"_s, ScriptWatchdog::describe(ScriptWatchdog::Trip::Memory, watchdog.limits()), 0};
        return true; // answered as an unanswered failure
    }
    return true;
}

void PipeExecution::finish()
{
    if (m_finished)
        return;
    if (!m_response && !m_error && !answerWithMessage())
        return; // the timeout's answer finished the run
    m_finished = true;
    m_deadline.stop();
    PipeResult result;
    if (m_response) {
        result = std::move(*m_response);
    } else if (m_error) {
        // nobody answered the failure: the caller still learns the key to find its trace and event
        result.status = 500;
        result.headers = {{"Content-Type", MediaType::json.toByteArray()}};
        result.body = QJsonDocument(QJsonObject{{u"error"_s, m_error->message}, {u"executionKey"_s, m_key}})
                          .toJson(QJsonDocument::Compact);
    }
    result.executionKey = m_key;
    result.pipeId = m_order.pipe->id;
    result.error = m_error;
    result.trace = std::move(m_trace);
    result.durationUs = m_clock.nsecsElapsed() / 1000;
    m_worker.executionFinished(this, std::move(result));
}

} // namespace jb
