#pragma once

#include "core/result.h"
#include "faultrule.h"
#include "pipeengine.h"
#include "viacepdataset.h"

#include <QList>
#include <QObject>
#include <QUrl>

class QTimer;

namespace jb {

class MockRuntime;
class PipeHost;
class ProjectDocument;
class ProjectSession;

// What the pipe and events pages share for one open project: the pipe engine for the chosen
// environment (rebuilt when a pipe or an environment changes), the event store it writes, and the
// Serve host. One per session, so the pages see the same runs and events. Its runs call the
// session's built-in mock (MockRuntime), which it starts when the environment's ViaCEP URL points
// at loopback.
class PipeRuntime final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeRuntime)

public:
    static constexpr QLatin1StringView mockVariable{"viacep.baseUrl"};

    PipeRuntime(ProjectSession *session, MockRuntime *mock, QObject *parent = nullptr);
    ~PipeRuntime() override;

    ProjectDocument *document() const { return m_document; }
    MockRuntime *mock() const { return m_mock; }

    QStringList environmentNames() const;
    QString environmentName() const { return m_environment; }
    void setEnvironmentName(const QString &name);

    // Runs once the mock's dataset is loaded, on an engine for the current project (starting the
    // mock when the environment's ViaCEP URL points at loopback). `done` comes on the GUI thread.
    void execute(
        const QString &pipeId, const PipeRequest &request, QObject *context, PipeEngine::Callback done);
    void rerunEvent(qint64 eventId, QObject *context, PipeEngine::Callback done);
    QString storeFile() const;
    QStringList pipeProblems() const { return m_problems; }
    // The port the environment's ViaCEP URL names (18080 in the sample), else 0.
    quint16 preferredMockPort() const;

    Result<QUrl> startServing(quint16 port = 0);
    void stopServing();
    bool isServing() const { return m_host != nullptr; }
    QUrl servingUrl() const;
    QStringList servedRoutes() const;

Q_SIGNALS:
    void environmentChanged(const QString &name);
    void servingChanged(bool serving);
    void executionFinished(const jb::PipeResult &result);
    void eventStored(qint64 id, const QString &name);
    // The runtime's messages and the mock's.
    void message(const QString &text);

private:
    ProjectData projectSnapshot() const;
    void reset();
    void markStale();
    PipeEngine *ensureEngine();
    void retireEngine();

    ProjectDocument *m_document;
    MockRuntime *m_mock;
    QString m_environment = QStringLiteral("test");
    PipeEngine *m_engine = nullptr;
    PipeHost *m_host = nullptr;
    QTimer *m_restart; // coalesces edits while serving into one rebuild
    QStringList m_problems;
    bool m_stale = true;
};

} // namespace jb
