#include "pipeworker.h"

#include "httpclient.h"
#include "httperrorreply.h"
#include "mappingrunner.h"
#include "pipeexecution.h"
#include "scriptruntime.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

Q_LOGGING_CATEGORY(lcWorker, "jb.pipes.worker", QtWarningMsg)

QString outcomeOf(const PipeResult &result)
{
    if (result.error)
        return u"%1 at %2: %3"_s.arg(result.error->code, result.error->step, result.error->message);
    return u"answered %1"_s.arg(result.status);
}

} // namespace

PipeWorker::PipeWorker(Setup setup)
    : m_setup(std::move(setup))
{ }

PipeWorker::~PipeWorker() = default;

void PipeWorker::initialize()
{
    m_runtime = std::make_unique<ScriptRuntime>(m_setup.environment, m_setup.scriptLimits);
    for (const QString &expression : std::as_const(m_setup.expressions)) {
        const Status compiled = m_runtime->compile(expression);
        if (!compiled)
            qCWarning(lcWorker).noquote() << compiled.errorString();
    }
    m_http = std::make_unique<HttpClient>();
    m_store = std::make_unique<EventStore>(m_setup.storeFile, m_setup.projectFolder);
}

void PipeWorker::run(ExecutionOrder order)
{
    auto *execution = new PipeExecution(*this, std::move(order), this);
    execution->start();
}

void PipeWorker::rerun(qint64 eventId, quint64 ticket, bool trace)
{
    const auto refuse = [&](int status, const QString &message) {
        PipeResult result;
        result.status = status;
        result.headers = HttpErrorReply::headers();
        result.body = HttpErrorReply::body(message);
        Q_EMIT finished(ticket, result);
    };
    const Result<StoredEvent> event = m_store->get(eventId);
    if (!event)
        return refuse(404, event.errorString());
    const PipePointer pipe = m_setup.catalog->pipe(event.value().pipe);
    if (event.value().executionKey.isEmpty() || !pipe)
        return refuse(409, u"event %1 is not the error event of a pipe of this project"_s.arg(eventId));
    ExecutionOrder order;
    order.pipe = pipe;
    order.request = PipeRequest::fromJson(event.value().payload.value(u"request"_s).toObject());
    order.ticket = ticket;
    order.retryOf = eventId;
    order.trace = trace;
    run(std::move(order));
}

void PipeWorker::redispatchPending()
{
    EventFilter filter;
    filter.status = u"pending"_s;
    filter.limit = 100000;
    const Result<QList<StoredEvent>> pending = m_store->list(filter);
    if (!pending) {
        qCWarning(lcWorker).noquote() << pending.errorString();
        return;
    }
    for (const StoredEvent &event : pending.value())
        Q_EMIT eventStored(event.id, event.name, event.payload, event.created);
}

MappingRunner *PipeWorker::mappingRunner(const QString &id)
{
    const auto found = m_mappers.find(id);
    if (found != m_mappers.end())
        return found->second.get();
    std::shared_ptr<const MappingPlan> plan = m_setup.catalog->mappings().plan(id);
    if (!plan)
        return nullptr;
    // JavaScript transforms see the same variables as the pipe's templates
    QJsonObject variables;
    for (const auto &[name, value] : m_setup.environment.variables())
        variables.insert(name, value);
    // under this thread's watchdog: an endless loop in a transform holds the worker like one in a template
    auto runner = std::make_unique<MappingRunner>(std::move(plan), variables, &m_runtime->watchdog());
    return m_mappers.emplace(id, std::move(runner)).first->second.get();
}

Result<qint64> PipeWorker::publish(const QString &name, const QJsonObject &payload)
{
    Result<qint64> id = m_store->append(name, payload);
    if (id)
        Q_EMIT eventStored(
            id.value(), name, payload, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return id;
}

Result<bool> PipeWorker::requestRetry(qint64 eventId, int delayMs)
{
    const Result<bool> claimed = m_store->claimRetry(eventId);
    if (claimed && claimed.value())
        Q_EMIT retryRequested(eventId, delayMs);
    return claimed;
}

void PipeWorker::executionFinished(PipeExecution *execution, PipeResult result)
{
    const ExecutionOrder &order = execution->order();
    Status stored;
    if (order.retryOf > 0) {
        // a re-run reports on the event it re-ran; it never publishes a new one, so a failure
        // that keeps failing cannot feed the treatment pipe forever
        stored = m_store->recordRetry(order.retryOf, result.isSuccess() && !result.error,
            u"re-run %1: %2"_s.arg(result.executionKey, outcomeOf(result)));
    } else if (order.eventId > 0) {
        stored = m_store->finish(order.eventId, result.error ? u"failed"_s : u"handled"_s,
            u"%1 by %2"_s.arg(outcomeOf(result), order.pipe->id));
    } else if (result.error) {
        const PipeError &error = *result.error;
        const QJsonObject payload{{u"executionKey"_s, result.executionKey}, {u"pipe"_s, order.pipe->id},
            {u"step"_s, error.step}, {u"class"_s, PipeError::className(error.errorClass)},
            {u"retriable"_s, error.retriable()}, {u"code"_s, error.code}, {u"message"_s, error.message},
            {u"request"_s, order.request.toJson()},
            {u"timestamp"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        // committed before the caller hears the answer: an answered failure always has its event
        const Result<qint64> id = publish(order.pipe->errorEvent, payload);
        if (id)
            result.errorEventId = id.value();
        else
            stored = id.error();
    }
    if (!stored)
        qCWarning(lcWorker).noquote() << stored.errorString();
    Q_EMIT finished(order.ticket, result);
    execution->deleteLater();
}

} // namespace jb
