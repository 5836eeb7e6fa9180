#include "pipeengine.h"

#include "eventstore.h"
#include "httperrorreply.h"
#include "pipeworker.h"

#include <QDateTime>
#include <QPromise>
#include <QThread>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

PipeResult refusal(const QString &pipeId, int status, const QString &message)
{
    PipeResult result;
    result.pipeId = pipeId;
    result.status = status;
    result.headers = HttpErrorReply::headers();
    result.body = HttpErrorReply::body(message);
    return result;
}

} // namespace

PipeEngine::PipeEngine(const ProjectData &project, PipeEnvironment environment, QObject *parent)
    : PipeEngine(std::make_shared<const PipeCatalog>(PipeCatalog::fromProject(project)),
        std::move(environment), Options{2, true, EventStore::defaultFile(project.folder), project.folder},
        parent)
{ }

PipeEngine::PipeEngine(
    std::shared_ptr<const PipeCatalog> catalog, PipeEnvironment environment, Options options, QObject *parent)
    : QObject(parent)
    , m_catalog(std::move(catalog))
    , m_environment(std::move(environment))
    , m_options(std::move(options))
{
    if (m_options.storeFile.isEmpty())
        m_options.storeFile = EventStore::defaultFile(m_options.projectFolder);
    PipeWorker::Setup setup;
    setup.catalog = m_catalog;
    setup.environment = m_environment;
    setup.storeFile = m_options.storeFile;
    setup.projectFolder = m_options.projectFolder;
    setup.scriptLimits.memoryBytes = m_options.scriptMemoryBytes;
    for (const PipePointer &pipe : m_catalog->pipes()) {
        for (const QString &expression : pipe->expressions()) {
            if (!setup.expressions.contains(expression))
                setup.expressions.append(expression);
        }
    }
    for (int i = 0; i < qMax(1, m_options.workers); ++i) {
        auto *thread = new QThread(this);
        thread->setObjectName(u"pipe-worker-%1"_s.arg(i + 1));
        auto *worker = new PipeWorker(setup);
        worker->moveToThread(thread);
        // the worker's engine, network manager and sockets must die on their own thread
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        connect(worker, &PipeWorker::finished, this, &PipeEngine::deliver);
        connect(worker, &PipeWorker::eventStored, this, &PipeEngine::dispatch);
        connect(worker, &PipeWorker::retryRequested, this, &PipeEngine::scheduleRetry);
        thread->start();
        QMetaObject::invokeMethod(worker, &PipeWorker::initialize, Qt::QueuedConnection);
        m_threads.append(thread);
        m_workers.append(worker);
    }
}

PipeEngine::~PipeEngine()
{
    for (QThread *thread : std::as_const(m_threads))
        thread->quit();
    for (QThread *thread : std::as_const(m_threads))
        thread->wait();
}

PipeWorker *PipeEngine::nextWorker()
{
    PipeWorker *worker = m_workers.at(m_nextWorker);
    m_nextWorker = (m_nextWorker + 1) % m_workers.size();
    return worker;
}

quint64 PipeEngine::enqueue(QObject *context, Callback done)
{
    const quint64 ticket = m_nextTicket++;
    if (done)
        m_waiting.insert(ticket, {context, std::move(done)});
    return ticket;
}

void PipeEngine::start(ExecutionOrder order)
{
    ++m_running;
    PipeWorker *worker = nextWorker();
    QMetaObject::invokeMethod(
        worker, [worker, order = std::move(order)]() mutable { worker->run(std::move(order)); },
        Qt::QueuedConnection);
}

void PipeEngine::execute(const QString &pipeId, const PipeRequest &request, QObject *context, Callback done)
{
    PipePointer pipe = m_catalog->pipe(pipeId);
    if (pipe)
        return execute(std::move(pipe), request, context, std::move(done));
    // still asynchronous, like every other answer
    const quint64 ticket = enqueue(context, std::move(done));
    ++m_running;
    const PipeResult result = refusal(pipeId, 404, u"no pipe \"%1\" in the project"_s.arg(pipeId));
    QMetaObject::invokeMethod(
        this, [this, ticket, result] { deliver(ticket, result); }, Qt::QueuedConnection);
}

void PipeEngine::execute(PipePointer pipe, const PipeRequest &request, QObject *context, Callback done)
{
    execute(std::move(pipe), request, nullptr, context, std::move(done));
}

void PipeEngine::execute(PipePointer pipe, const PipeRequest &request,
    std::shared_ptr<const StepOverrides> overrides, QObject *context, Callback done)
{
    const quint64 ticket = enqueue(context, std::move(done));
    ExecutionOrder order;
    order.pipe = std::move(pipe);
    order.request = request;
    order.ticket = ticket;
    order.trace = m_options.trace;
    order.overrides = std::move(overrides);
    start(std::move(order));
}

QFuture<PipeResult> PipeEngine::execute(const QString &pipeId, const PipeRequest &request)
{
    auto promise = std::make_shared<QPromise<PipeResult>>();
    promise->start();
    QFuture<PipeResult> future = promise->future();
    execute(pipeId, request, this, [promise](const PipeResult &result) {
        promise->addResult(result);
        promise->finish();
    });
    return future;
}

void PipeEngine::rerunEvent(qint64 eventId, QObject *context, Callback done)
{
    const quint64 ticket = enqueue(context, std::move(done));
    ++m_running;
    PipeWorker *worker = nextWorker();
    const bool trace = m_options.trace;
    QMetaObject::invokeMethod(
        worker, [worker, eventId, ticket, trace] { worker->rerun(eventId, ticket, trace); },
        Qt::QueuedConnection);
}

void PipeEngine::dispatchPending()
{
    PipeWorker *worker = m_workers.constFirst();
    QMetaObject::invokeMethod(worker, &PipeWorker::redispatchPending, Qt::QueuedConnection);
}

void PipeEngine::deliver(quint64 ticket, const PipeResult &result)
{
    --m_running;
    Q_EMIT executionFinished(result);
    const auto waiting = m_waiting.constFind(ticket);
    if (waiting != m_waiting.constEnd()) {
        const Waiting entry = *waiting;
        m_waiting.erase(waiting);
        if (QObject *context = entry.context.data()) {
            if (context->thread() == thread())
                entry.done(result);
            else
                QMetaObject::invokeMethod(
                    context, [done = entry.done, result] { done(result); }, Qt::QueuedConnection);
        }
    }
    if (m_running == 0)
        Q_EMIT idle();
}

void PipeEngine::dispatch(qint64 id, const QString &name, const QJsonObject &payload, const QString &created)
{
    Q_EMIT eventStored(id, name);
    const QDateTime createdAt = QDateTime::fromString(created, Qt::ISODateWithMs);
    for (const PipePointer &pipe : m_catalog->subscribers(name)) {
        if (createdAt.isValid()
            && createdAt.msecsTo(QDateTime::currentDateTimeUtc()) > pipe->trigger.expirationMs) {
            continue; // too old for this subscriber: it stays in the store, pending, for people to see
        }
        ExecutionOrder order;
        order.pipe = pipe;
        order.request.event = payload;
        order.request.body = payload;
        order.eventId = id;
        order.eventName = name;
        order.trace = m_options.trace;
        start(std::move(order));
    }
}

void PipeEngine::scheduleRetry(qint64 eventId, int delayMs)
{
    ++m_scheduledRetries;
    QTimer::singleShot(delayMs, this, [this, eventId] {
        --m_scheduledRetries;
        rerunEvent(eventId, nullptr, {});
    });
}

} // namespace jb
