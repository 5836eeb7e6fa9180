#include "piperuntime.h"

#include "contractmockroutes.h"
#include "core/offthread.h"
#include "eventstore.h"
#include "mockserver.h"
#include "pipehost.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "viaceproutes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int restartDelayMs = 300;

bool isKindThatChangesRuns(const QString &kind)
{
    return kind == u"pipe" || kind == u"environment";
}

bool isKindThatChangesMocks(const QString &kind)
{
    return kind == u"contract" || kind == u"service";
}

// http://127.0.0.1:N or http://localhost:N: a URL the built-in mock can stand for.
bool isLoopbackHttp(const QUrl &url)
{
    if (url.scheme() != u"http")
        return false;
    const QString host = url.host() == u"localhost" ? u"127.0.0.1"_s : url.host();
    return QHostAddress(host).isLoopback();
}

} // namespace

// What the worker read from disk when a project opened.
struct PipeRuntime::Loaded
{
    quint64 generation = 0;
    std::optional<ViaCepDataset> dataset;
    QString datasetError;
    QList<FaultRule> faults;
    QString faultsError;
};

PipeRuntime *PipeRuntime::of(ProjectSession *session)
{
    if (auto *runtime = session->findChild<PipeRuntime *>(QString(), Qt::FindDirectChildrenOnly))
        return runtime;
    return new PipeRuntime(session);
}

PipeRuntime::PipeRuntime(ProjectSession *session)
    : QObject(session)
    , m_session(session)
    , m_document(session->document())
    , m_mock(new MockServer(this))
    , m_viaCep(std::make_shared<ViaCepRoutes>())
    , m_restart(new QTimer(this))
{
    m_writer.setMaxThreadCount(1);
    m_restart->setSingleShot(true);
    m_restart->setInterval(restartDelayMs);
    connect(m_restart, &QTimer::timeout, this, [this] {
        if (isServing())
            ensureEngine();
    });
    connect(m_document, &ProjectDocument::wasReset, this, &PipeRuntime::reload);
    const auto changed = [this](const QString &kind) {
        if (isKindThatChangesRuns(kind))
            markStale();
        if (isKindThatChangesMocks(kind))
            rebuildRoutes();
    };
    connect(m_document, &ProjectDocument::entityChanged, this, changed);
    connect(m_document, &ProjectDocument::entityInserted, this, changed);
    connect(m_document, &ProjectDocument::entityRemoved, this, changed);
    connect(m_mock, &MockServer::warning, this, &PipeRuntime::message);
    reload();
}

PipeRuntime::~PipeRuntime()
{
    delete m_host; // before the engine it serves
    m_host = nullptr;
    m_writer.waitForDone();
}

QStringList PipeRuntime::environmentNames() const
{
    QStringList names;
    for (const EntityRecord &record : m_document->entities(u"environment"_s))
        names.append(record.id());
    return names;
}

void PipeRuntime::setEnvironmentName(const QString &name)
{
    if (name == m_environment)
        return;
    m_environment = name;
    markStale();
    Q_EMIT environmentChanged(name);
}

QString PipeRuntime::storeFile() const
{
    const QString folder = m_document->hasFolder() ? m_document->folder() : QDir::tempPath();
    return EventStore::defaultFile(folder);
}

QString PipeRuntime::datasetFile() const
{
    return QDir(m_document->folder()).filePath(ViaCepDataset::projectRelativePath);
}

// A project opened (or reloaded): read its dataset and fault rules on a worker, the bundled
// dataset when the project has none.
void PipeRuntime::reload()
{
    stopServing();
    m_datasetLoaded = false;
    m_stale = true;
    rebuildRoutes();
    const quint64 generation = ++m_loadGeneration;
    const QString folder = m_document->folder();
    const QString appDir = QCoreApplication::applicationDirPath();
    runOffThread(
        this, nullptr,
        [generation, folder, appDir] {
            Loaded loaded;
            loaded.generation = generation;
            QString path = QDir(folder).filePath(ViaCepDataset::projectRelativePath);
            if (folder.isEmpty() || !QFileInfo(path).isFile())
                path = ViaCepDataset::findBundled(appDir);
            if (path.isEmpty()) {
                loaded.datasetError = u"no ViaCEP dataset found (set JB_DATA_DIR)"_s;
            } else {
                Result<ViaCepDataset> dataset = ViaCepDataset::load(path);
                if (dataset)
                    loaded.dataset = std::move(dataset).value();
                else
                    loaded.datasetError = dataset.errorString();
            }
            const QString faults = QDir(folder).filePath(faultsRelativePath);
            if (!folder.isEmpty() && QFileInfo(faults).isFile()) {
                const Result<QList<FaultRule>> rules = FaultRule::listFromFile(faults);
                if (rules)
                    loaded.faults = rules.value();
                else
                    loaded.faultsError = rules.errorString();
            }
            return loaded;
        },
        [this](const Loaded &loaded) { applyLoaded(loaded); });
}

void PipeRuntime::applyLoaded(const Loaded &loaded)
{
    if (loaded.generation != m_loadGeneration)
        return; // another project opened meanwhile
    if (loaded.dataset)
        m_dataset = *loaded.dataset;
    else
        Q_EMIT message(u"ViaCEP mock: "_s + loaded.datasetError);
    if (!loaded.faultsError.isEmpty())
        Q_EMIT message(u"Fault rules: "_s + loaded.faultsError);
    m_viaCep->setDataset(m_dataset);
    m_faults = loaded.faults;
    m_mock->router().faults().setRules(m_faults);
    m_datasetLoaded = true;
    Q_EMIT datasetChanged();
    Q_EMIT faultRulesChanged();
    const QList<std::function<void()>> waiting = std::exchange(m_waiting, {});
    for (const std::function<void()> &work : waiting)
        work();
}

// The ViaCEP routes first, then the project's contract mocks on the routes ViaCEP leaves free, as
// `journeybench-cli serve` sets them up.
void PipeRuntime::rebuildRoutes()
{
    MockRouter &router = m_mock->router();
    router.clearRoutes();
    router.addRoutes(m_viaCep);
    QStringList taken;
    for (const MockRouteInfo &route : m_viaCep->routes())
        taken.append(route.key());
    Result<std::shared_ptr<ContractMockRoutes>> contracts
        = ContractMockRoutes::fromProject(m_document->allEntities(), taken);
    if (!contracts)
        Q_EMIT message(u"Contract mocks: "_s + contracts.errorString());
    else
        router.addRoutes(std::move(contracts).value());
}

void PipeRuntime::setDataset(ViaCepDataset dataset)
{
    m_dataset = std::move(dataset);
    m_viaCep->setDataset(m_dataset);
    Q_EMIT datasetChanged();
    if (m_document->hasFolder())
        write(QString(ViaCepDataset::projectRelativePath), m_dataset.toJson());
}

void PipeRuntime::setFaultRules(const QList<FaultRule> &rules)
{
    m_faults = rules;
    m_mock->router().faults().setRules(m_faults);
    Q_EMIT faultRulesChanged();
    QJsonArray array;
    for (const FaultRule &rule : rules)
        array.append(rule.toJson());
    if (m_document->hasFolder())
        write(QString(faultsRelativePath), QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void PipeRuntime::write(const QString &relativePath, const QByteArray &bytes)
{
    const QString path = QDir(m_document->folder()).filePath(relativePath);
    runOffThread(
        this, &m_writer,
        [path, bytes] {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                return u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
            return QString();
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT message(error);
        });
}

QStringList PipeRuntime::mockRouteKeys() const
{
    QStringList keys;
    for (const MockRouteInfo &route : m_mock->router().routes())
        keys.append(route.key());
    return keys;
}

// The document keeps its entities by kind; the engine wants them as one project.
ProjectData PipeRuntime::projectSnapshot() const
{
    ProjectData project = m_document->data();
    project.entities = m_document->allEntities();
    return project;
}

quint16 PipeRuntime::preferredMockPort() const
{
    const Result<PipeEnvironment> env = PipeEnvironment::fromProject(projectSnapshot(), m_environment);
    const QUrl url(env ? env.value().variable(mockVariable) : QString());
    return isLoopbackHttp(url) ? quint16(url.port(80)) : 0;
}

Status PipeRuntime::startMock(quint16 port)
{
    m_userStoppedMock = false;
    if (m_mock->isListening())
        m_mock->stop();
    MockServer::Options options;
    options.port = port;
    Status started = m_mock->start(options);
    if (!started && port != 0) {
        options.port = 0;
        started = m_mock->start(options);
        if (started)
            Q_EMIT message(u"Port %1 is taken: the mock listens on %2 instead"_s.arg(
                QString::number(port), m_mock->baseUrl().toString()));
    }
    markStale(); // runs must call the mock where it listens now
    Q_EMIT mockStateChanged(m_mock->isListening());
    return started;
}

void PipeRuntime::stopMock()
{
    m_userStoppedMock = true;
    m_mock->stop();
    markStale();
    Q_EMIT mockStateChanged(false);
}

void PipeRuntime::markStale()
{
    m_stale = true;
    if (isServing())
        m_restart->start();
}

// The engine for the project as it is now; builds a new one when something it depends on changed.
PipeEngine *PipeRuntime::ensureEngine()
{
    if (m_engine && !m_stale)
        return m_engine;
    const ProjectData project = projectSnapshot();
    Result<PipeEnvironment> env = PipeEnvironment::fromProject(project, m_environment);
    if (!env) {
        Q_EMIT message(env.errorString());
        return nullptr;
    }
    PipeEnvironment environment = std::move(env).value();
    const QUrl mockUrl(environment.variable(mockVariable));
    if (isLoopbackHttp(mockUrl)) {
        if (!m_mock->isListening() && !m_userStoppedMock)
            startMock(quint16(mockUrl.port(80)));
        if (m_mock->isListening())
            environment.setVariable(mockVariable, m_mock->baseUrl().toString());
    }
    const quint16 servedPort = m_host ? m_host->port() : 0;
    retireEngine();

    auto catalog = std::make_shared<const PipeCatalog>(PipeCatalog::fromProject(project));
    m_problems = catalog->problems();
    PipeEngine::Options options;
    options.workers = 2;
    options.trace = true;
    options.storeFile = storeFile();
    options.projectFolder = m_document->folder();
    m_engine = new PipeEngine(catalog, std::move(environment), options, this);
    connect(m_engine, &PipeEngine::executionFinished, this, &PipeRuntime::executionFinished);
    connect(m_engine, &PipeEngine::eventStored, this, &PipeRuntime::eventStored);
    m_engine->dispatchPending();
    m_stale = false;
    if (servedPort != 0) {
        const Result<QUrl> served = startServing(servedPort);
        if (!served) {
            Q_EMIT message(u"Serve: "_s + served.errorString());
            Q_EMIT servingChanged(false);
        }
    }
    return m_engine;
}

// Lets the old engine finish what it runs (its callbacks still arrive), then deletes it.
void PipeRuntime::retireEngine()
{
    delete m_host;
    m_host = nullptr;
    PipeEngine *old = std::exchange(m_engine, nullptr);
    if (!old)
        return;
    disconnect(old, nullptr, this, nullptr);
    if (old->runningExecutions() == 0)
        old->deleteLater();
    else
        connect(old, &PipeEngine::idle, old, &QObject::deleteLater);
}

void PipeRuntime::whenReady(std::function<void()> work)
{
    if (m_datasetLoaded)
        work();
    else
        m_waiting.append(std::move(work));
}

void PipeRuntime::execute(
    const QString &pipeId, const PipeRequest &request, QObject *context, PipeEngine::Callback done)
{
    whenReady([this, pipeId, request, target = QPointer<QObject>(context), done] {
        if (!target)
            return;
        PipeEngine *engine = ensureEngine();
        if (!engine) {
            PipeResult failed;
            failed.pipeId = pipeId;
            failed.body = "no engine: the environment could not be read";
            done(failed);
            return;
        }
        engine->execute(pipeId, request, target, done);
    });
}

void PipeRuntime::rerunEvent(qint64 eventId, QObject *context, PipeEngine::Callback done)
{
    whenReady([this, eventId, target = QPointer<QObject>(context), done] {
        if (!target)
            return;
        if (PipeEngine *engine = ensureEngine())
            engine->rerunEvent(eventId, target, done);
    });
}

Result<QUrl> PipeRuntime::startServing(quint16 port)
{
    if (m_host && (port == 0 || m_host->port() == port))
        return m_host->baseUrl();
    PipeEngine *engine = ensureEngine();
    if (!engine)
        return Result<QUrl>::failure(Error::Code::Io, u"the environment could not be read"_s);
    if (m_host) // ensureEngine() restarted it already
        return m_host->baseUrl();
    auto host = std::make_unique<PipeHost>(*engine);
    Result<quint16> listening = host->listen(QHostAddress::LocalHost, port);
    if (!listening && port != 0)
        listening = host->listen(QHostAddress::LocalHost, 0);
    if (!listening)
        return Result<QUrl>::failure(Error::Code::Io, listening.errorString());
    m_host = host.release();
    m_host->setParent(this);
    Q_EMIT servingChanged(true);
    return m_host->baseUrl();
}

void PipeRuntime::stopServing()
{
    if (!m_host)
        return;
    delete m_host;
    m_host = nullptr;
    m_restart->stop();
    Q_EMIT servingChanged(false);
}

QUrl PipeRuntime::servingUrl() const
{
    return m_host ? m_host->baseUrl() : QUrl();
}

QStringList PipeRuntime::servedRoutes() const
{
    QStringList routes;
    if (!m_engine)
        return routes;
    for (const PipePointer &pipe : m_engine->catalog().restPipes())
        routes.append(pipe->trigger.method + u' ' + pipe->trigger.path.pattern());
    return routes;
}

} // namespace jb
