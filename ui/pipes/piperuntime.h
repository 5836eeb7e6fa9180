#pragma once

#include "core/result.h"
#include "faultrule.h"
#include "pipeengine.h"
#include "viacepdataset.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QUrl>

#include <functional>
#include <memory>

class QTimer;

namespace jb {

class MockServer;
class PipeHost;
class ProjectDocument;
class ProjectSession;
class ViaCepRoutes;

// What the pipe, mock and events pages share for one open project: the mock server with its
// ViaCEP dataset and fault rules, the pipe engine for the chosen environment (rebuilt when a pipe
// or an environment changes), the event store it writes, and the Serve host. One per session, a
// child of it, so the three pages see the same mock, runs and events.
//
// The dataset and the fault rules are not entities: they live in the project's mocks/ folder
// (the files `journeybench-cli mock/serve` read) and are written there, off the GUI thread, on
// every edit.
class PipeRuntime final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeRuntime)

public:
    static constexpr QLatin1StringView mockVariable{"viacep.baseUrl"};
    static constexpr QLatin1StringView faultsRelativePath = FaultRule::projectRelativePath;

    // The runtime of `session`, created on first use.
    static PipeRuntime *of(ProjectSession *session);
    explicit PipeRuntime(ProjectSession *session);
    ~PipeRuntime() override;

    ProjectDocument *document() const { return m_document; }

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

    MockServer *mock() const { return m_mock; }
    bool isDatasetLoaded() const { return m_datasetLoaded; }
    const ViaCepDataset &dataset() const { return m_dataset; }
    QString datasetFile() const;
    void setDataset(ViaCepDataset dataset);
    const QList<FaultRule> &faultRules() const { return m_faults; }
    void setFaultRules(const QList<FaultRule> &rules);
    QStringList mockRouteKeys() const;
    // The port the environment's ViaCEP URL names (18080 in the sample), else 0.
    quint16 preferredMockPort() const;
    // `port` 0: the OS picks one. When the port is taken, falls back to one the OS picks.
    Status startMock(quint16 port);
    void stopMock();

    Result<QUrl> startServing(quint16 port = 0);
    void stopServing();
    bool isServing() const { return m_host != nullptr; }
    QUrl servingUrl() const;
    QStringList servedRoutes() const;

Q_SIGNALS:
    void environmentChanged(const QString &name);
    void datasetChanged();
    void faultRulesChanged();
    void mockStateChanged(bool listening);
    void servingChanged(bool serving);
    void executionFinished(const jb::PipeResult &result);
    void eventStored(qint64 id, const QString &name);
    void message(const QString &text);

private:
    struct Loaded;

    ProjectData projectSnapshot() const;
    void reload();
    void applyLoaded(const Loaded &loaded);
    void rebuildRoutes();
    void markStale();
    PipeEngine *ensureEngine();
    void retireEngine();
    void whenReady(std::function<void()> work);
    void write(const QString &relativePath, const QByteArray &bytes);

    ProjectSession *m_session;
    ProjectDocument *m_document;
    MockServer *m_mock;
    std::shared_ptr<ViaCepRoutes> m_viaCep;
    ViaCepDataset m_dataset;
    QList<FaultRule> m_faults;
    QString m_environment = QStringLiteral("test");
    PipeEngine *m_engine = nullptr;
    PipeHost *m_host = nullptr;
    QTimer *m_restart; // coalesces edits while serving into one rebuild
    QStringList m_problems;
    QList<std::function<void()>> m_waiting; // runs asked for before the dataset was loaded
    QThreadPool m_writer; // one thread: writes land in order
    quint64 m_loadGeneration = 0;
    bool m_datasetLoaded = false;
    bool m_stale = true;
    bool m_userStoppedMock = false;
};

} // namespace jb
