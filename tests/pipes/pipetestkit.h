#pragma once

#include "eventstore.h"
#include "pipeengine.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

namespace jb::test {

inline QJsonObject object(const QByteArray &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("bad JSON in a test: %s at %d", qPrintable(error.errorString()), error.offset);
    return document.object();
}

// Execution keys are random: tests print them as KEY.
inline QString withoutKeys(QString text)
{
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    return text.replace(uuid, QStringLiteral("KEY"));
}

// An engine over pipes given as JSON, with its event store in a temporary folder.
class EngineHarness
{
public:
    explicit EngineHarness(
        const QList<QByteArray> &pipes, PipeEnvironment environment = {}, int workers = 1, bool trace = true)
        : EngineHarness(std::make_shared<PipeCatalog>(), pipes, std::move(environment), workers, trace)
    { }

    // The same over a catalog prepared by the test (a project's pipes, mappings and databases).
    EngineHarness(std::shared_ptr<PipeCatalog> catalog, const QList<QByteArray> &pipes,
        PipeEnvironment environment = {}, int workers = 1, bool trace = true)
    {
        for (const QByteArray &json : pipes) {
            Result<PipeDefinition> pipe = PipeDefinition::fromJson(object(json));
            if (!pipe)
                qWarning("bad pipe in a test: %s", qPrintable(pipe.errorString()));
            else
                catalog->add(std::move(pipe).value());
        }
        PipeEngine::Options options;
        options.workers = workers;
        options.trace = trace;
        options.storeFile = m_dir.filePath(QStringLiteral("events.sqlite"));
        engine = std::make_unique<PipeEngine>(catalog, std::move(environment), options);
    }

    // Runs one execution and waits for its result (bounded).
    std::optional<PipeResult> run(const QString &pipe, const PipeRequest &request = {}, int timeoutMs = 20000)
    {
        std::optional<PipeResult> result;
        QObject context;
        engine->execute(pipe, request, &context, [&result](const PipeResult &r) { result = r; });
        QElapsedTimer clock;
        clock.start();
        while (!result && clock.elapsed() < timeoutMs)
            QTest::qWait(5);
        return result;
    }

    // Waits until no execution runs (event pipes included).
    bool settle(int timeoutMs = 20000)
    {
        QElapsedTimer clock;
        clock.start();
        while (engine->runningExecutions() > 0 && clock.elapsed() < timeoutMs)
            QTest::qWait(5);
        return engine->runningExecutions() == 0;
    }

    QList<StoredEvent> events(const EventFilter &filter = {})
    {
        EventStore store(engine->storeFile());
        const Result<QList<StoredEvent>> listed = store.list(filter);
        return listed ? listed.value() : QList<StoredEvent>();
    }

    QString storeFile() const { return engine->storeFile(); }

    // The customer-sync pipe's error events, one line each, sorted: "CUSTOMERID STEP CODE CLASS
    // STATUS", plus " (another execution)" for an event not published by `executionKey` when given.
    QStringList customerSyncRejections(const QString &executionKey = {})
    {
        EventFilter filter;
        filter.name = QStringLiteral("journey-errors");
        filter.pipe = QStringLiteral("customer-sync");
        QStringList lines;
        for (const StoredEvent &event : events(filter)) {
            QString line
                = QStringList{QString::number(event.payload.value(QStringLiteral("customerid")).toInt()),
                    event.payload.value(QStringLiteral("step")).toString(),
                    event.payload.value(QStringLiteral("code")).toString(), event.errorClass, event.status}
                      .join(u' ');
            if (!executionKey.isEmpty() && event.executionKey != executionKey)
                line += QStringLiteral(" (another execution)");
            lines.append(line);
        }
        lines.sort();
        return lines;
    }

private:
    QTemporaryDir m_dir; // first: it outlives the engine and its store

public:
    std::unique_ptr<PipeEngine> engine;
};

} // namespace jb::test
