#pragma once

#include "core/result.h"
#include "faultrule.h"
#include "viacepdataset.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace jb {

class MockServer;
class ProjectDocument;
class ProjectSession;
class ViaCepRoutes;

// The built-in mock of the open project: the mock server with its ViaCEP dataset, the project's
// contract mocks (rebuilt when a contract or a service changes) and the fault rules. One per
// session, shared by the pipe runtime (whose runs call it) and the mock page (which edits it), so
// both see the same traffic.
//
// The dataset and the fault rules are not entities: they live in the project's mocks/ folder
// (the files `journeybench-cli mock/serve` read), are read off the GUI thread when a project opens
// and written there, off the GUI thread, on every edit.
class MockRuntime final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockRuntime)

public:
    static constexpr QLatin1StringView faultsRelativePath = FaultRule::projectRelativePath;

    explicit MockRuntime(ProjectSession *session, QObject *parent = nullptr);
    ~MockRuntime() override;

    MockServer *server() const { return m_server; }

    bool isDatasetLoaded() const { return m_datasetLoaded; }
    // Runs `work` once the open project's dataset and fault rules are read (at once when they
    // are), unless `context` is gone by then.
    void whenLoaded(QObject *context, std::function<void()> work);
    const ViaCepDataset &dataset() const { return m_dataset; }
    QString datasetFile() const;
    void setDataset(ViaCepDataset dataset);
    const QList<FaultRule> &faultRules() const { return m_faults; }
    void setFaultRules(const QList<FaultRule> &rules);
    QStringList routeKeys() const;

    // `port` 0: the OS picks one. When the port is taken, falls back to one the OS picks.
    Status start(quint16 port);
    void stop();
    // The user stopped the mock: a run does not start it again until start() is called.
    bool isStoppedByUser() const { return m_stoppedByUser; }

Q_SIGNALS:
    void datasetChanged();
    void faultRulesChanged();
    void stateChanged(bool listening);
    void message(const QString &text);

private:
    struct Loaded;

    void reload();
    void applyLoaded(const Loaded &loaded);
    void rebuildRoutes();
    void write(const QString &relativePath, const QByteArray &bytes);

    ProjectDocument *m_document;
    MockServer *m_server;
    std::shared_ptr<ViaCepRoutes> m_viaCep;
    ViaCepDataset m_dataset;
    QList<FaultRule> m_faults;
    // work asked for before the dataset was read, with the object it works for
    QList<std::pair<QPointer<QObject>, std::function<void()>>> m_waiting;
    QThreadPool m_writer; // one thread: writes land in order
    quint64 m_loadGeneration = 0;
    bool m_datasetLoaded = false;
    bool m_stoppedByUser = false;
};

} // namespace jb
