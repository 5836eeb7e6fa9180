#pragma once

#include "executionorder.h"
#include "pipecatalog.h"
#include "pipeenvironment.h"
#include "piperequest.h"
#include "piperesult.h"
#include "scriptwatchdog.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QThread;

namespace jb {

class PipeWorker;

// Runs the pipes of one project in one environment. Executions run concurrently on a small pool
// of worker threads (never on the caller's), each with its own JavaScript engine and network
// access; results come back on the engine's thread. Events (error events and published ones) are
// stored before they are dispatched to the event pipes subscribed to them.
// Use it from the thread that created it.
class PipeEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeEngine)

public:
    struct Options
    {
        int workers = 2;
        bool trace = true; // a server under load turns it off
        QString storeFile; // default: <project>/.journeybench/events.sqlite
        QString projectFolder; // gets the work folder in its .gitignore when the store is created
        // How much one script evaluation may grow the process's resident memory before it is
        // interrupted (0: no bound); its deadline is the pipe's timeout.
        qint64 scriptMemoryBytes = ScriptWatchdog::Limits{}.memoryBytes;
    };
    using Callback = std::function<void(const PipeResult &)>;

    PipeEngine(std::shared_ptr<const PipeCatalog> catalog, PipeEnvironment environment, Options options,
        QObject *parent = nullptr);
    // The project's pipes; the store in its work folder.
    PipeEngine(const ProjectData &project, PipeEnvironment environment, QObject *parent = nullptr);
    ~PipeEngine() override;

    const PipeCatalog &catalog() const { return *m_catalog; }
    const PipeEnvironment &environment() const { return m_environment; }
    QString storeFile() const { return m_options.storeFile; }

    // Runs pipe `pipeId`; `done` is called on `context`'s thread, unless `context` is gone.
    void execute(const QString &pipeId, const PipeRequest &request, QObject *context, Callback done);
    // Runs `pipe`, a pipe of this engine's catalog already found (by PipeCatalog::route, whose
    // path parameters `request` carries), without looking it up again.
    void execute(PipePointer pipe, const PipeRequest &request, QObject *context, Callback done);
    QFuture<PipeResult> execute(const QString &pipeId, const PipeRequest &request);
    // The same with `overrides` standing in for the steps they name (a test case's step mocks; see
    // stepoverride.h). They are called on a worker's thread.
    void execute(PipePointer pipe, const PipeRequest &request, std::shared_ptr<const StepOverrides> overrides,
        QObject *context, Callback done);
    // Re-runs the failed execution behind error event `eventId`, with its stored request.
    void rerunEvent(qint64 eventId, QObject *context, Callback done);
    // Dispatches stored events still pending (for instance after the application exited early).
    void dispatchPending();

    int runningExecutions() const { return m_running; }
    int scheduledRetries() const { return m_scheduledRetries; }

Q_SIGNALS:
    // Every execution, event pipes and re-runs included.
    void executionFinished(const jb::PipeResult &result);
    void eventStored(qint64 id, const QString &name);
    // No execution running or queued (re-runs scheduled for later do not count).
    void idle();

private:
    struct Waiting
    {
        QPointer<QObject> context;
        Callback done;
    };

    quint64 enqueue(QObject *context, Callback done);
    PipeWorker *nextWorker();
    void start(ExecutionOrder order);
    void deliver(quint64 ticket, const PipeResult &result);
    void dispatch(qint64 id, const QString &name, const QJsonObject &payload, const QString &created);
    void scheduleRetry(qint64 eventId, int delayMs);

    std::shared_ptr<const PipeCatalog> m_catalog;
    PipeEnvironment m_environment;
    Options m_options;
    QList<QThread *> m_threads;
    QList<PipeWorker *> m_workers;
    qsizetype m_nextWorker = 0;
    QHash<quint64, Waiting> m_waiting;
    quint64 m_nextTicket = 1;
    int m_running = 0;
    int m_scheduledRetries = 0;
};

} // namespace jb
