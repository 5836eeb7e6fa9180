#pragma once

#include "eventstore.h"
#include "executionorder.h"
#include "pipeenvironment.h"
#include "piperesult.h"
#include "scriptwatchdog.h"

#include <QObject>

#include <map>
#include <memory>

namespace jb {

class HttpClient;
class MappingRunner;
class PipeExecution;
class ScriptRuntime;

// Runs executions on one thread: it owns that thread's JavaScript engine, HTTP client and event
// store connection, and any number of executions, each an asynchronous step machine.
// Created on the engine's thread, moved to its own; everything else happens there.
class PipeWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeWorker)

public:
    struct Setup
    {
        std::shared_ptr<const PipeCatalog> catalog;
        PipeEnvironment environment;
        QStringList expressions; // compiled up front so that the first request is as fast as the rest
        QString storeFile;
        QString projectFolder; // gets a .gitignore for the work folder when the store is created
        ScriptWatchdog::Limits scriptLimits;
    };

    explicit PipeWorker(Setup setup);
    ~PipeWorker() override;

    // On the worker's thread, before anything else.
    void initialize();
    void run(ExecutionOrder order);
    // Re-runs the execution that published error event `eventId`, with its stored request.
    void rerun(qint64 eventId, quint64 ticket, bool trace);
    // Announces every stored event still pending, as if it had just been stored.
    void redispatchPending();

    // For executions.
    ScriptRuntime &runtime() { return *m_runtime; }
    HttpClient &http() { return *m_http; }
    const PipeEnvironment &environment() const { return m_setup.environment; }
    const PipeCatalog &catalog() const { return *m_setup.catalog; }
    // This thread's runner for mapping `id` (made on first use), or null when the project has none.
    MappingRunner *mappingRunner(const QString &id);
    Result<qint64> publish(const QString &name, const QJsonObject &payload);
    // Claims the one automatic re-run of error event `eventId` and asks the engine for it.
    Result<bool> requestRetry(qint64 eventId, int delayMs);
    void executionFinished(PipeExecution *execution, PipeResult result);

Q_SIGNALS:
    void finished(quint64 ticket, const jb::PipeResult &result);
    void eventStored(qint64 id, const QString &name, const QJsonObject &payload, const QString &created);
    void retryRequested(qint64 eventId, int delayMs);

private:
    Setup m_setup;
    std::unique_ptr<ScriptRuntime> m_runtime;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<EventStore> m_store;
    std::map<QString, std::unique_ptr<MappingRunner>> m_mappers; // a runner's QJSEngine stays here
};

} // namespace jb
