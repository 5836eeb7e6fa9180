#include "piperuntime.h"

#include "eventstore.h"
#include "mockruntime.h"
#include "mockserver.h"
#include "pipehost.h"
#include "projectdocument.h"
#include "projectsession.h"

#include <QDir>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int restartDelayMs = 300;

bool isKindThatChangesRuns(const QString &kind)
{
    return kind == u"pipe" || kind == u"environment";
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

PipeRuntime::PipeRuntime(ProjectSession *session, MockRuntime *mock, QObject *parent)
    : QObject(parent)
    , m_document(session->document())
    , m_mock(mock)
    , m_restart(new QTimer(this))
{
    m_restart->setSingleShot(true);
    m_restart->setInterval(restartDelayMs);
    connect(m_restart, &QTimer::timeout, this, [this] {
        if (isServing())
            ensureEngine();
    });
    connect(m_document, &ProjectDocument::wasReset, this, &PipeRuntime::reset);
    const auto changed = [this](const QString &kind) {
        if (isKindThatChangesRuns(kind))
            markStale();
    };
    connect(m_document, &ProjectDocument::entityChanged, this, changed);
    connect(m_document, &ProjectDocument::entityInserted, this, changed);
    connect(m_document, &ProjectDocument::entityRemoved, this, changed);
    // runs must call the mock where it listens now
    connect(m_mock, &MockRuntime::stateChanged, this, &PipeRuntime::markStale);
    connect(m_mock, &MockRuntime::message, this, &PipeRuntime::message);
}

PipeRuntime::~PipeRuntime()
{
    delete m_host; // before the engine it serves
    m_host = nullptr;
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

// A project opened (or reloaded): what was served and built was for the project before.
void PipeRuntime::reset()
{
    stopServing();
    m_stale = true;
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
        MockServer *server = m_mock->server();
        if (!server->isListening() && !m_mock->isStoppedByUser())
            m_mock->start(quint16(mockUrl.port(80)));
        if (server->isListening())
            environment.setVariable(mockVariable, server->baseUrl().toString());
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

void PipeRuntime::execute(
    const QString &pipeId, const PipeRequest &request, QObject *context, PipeEngine::Callback done)
{
    m_mock->whenLoaded(this, [this, pipeId, request, target = QPointer<QObject>(context), done] {
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
    m_mock->whenLoaded(this, [this, eventId, target = QPointer<QObject>(context), done] {
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
