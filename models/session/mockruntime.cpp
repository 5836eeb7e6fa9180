#include "mockruntime.h"

#include "contractmockroutes.h"
#include "core/whendone.h"
#include "mockserver.h"
#include "mocksettings.h"
#include "projectdocument.h"
#include "projectsession.h"
#include "viaceproutes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

bool isKindThatChangesMocks(const QString &kind)
{
    return kind == u"contract" || kind == u"service";
}

} // namespace

// What the worker read from disk when a project opened.
struct MockRuntime::Loaded
{
    quint64 generation = 0;
    std::optional<ViaCepDataset> dataset;
    QString datasetError;
    QList<FaultRule> faults;
    QString faultsError;
};

MockRuntime::MockRuntime(ProjectSession *session, QObject *parent)
    : QObject(parent)
    , m_document(session->document())
    , m_server(new MockServer(this))
    , m_viaCep(std::make_shared<ViaCepRoutes>())
{
    m_writer.setMaxThreadCount(1);
    connect(m_document, &ProjectDocument::wasReset, this, &MockRuntime::reload);
    const auto changed = [this](const QString &kind) {
        if (isKindThatChangesMocks(kind))
            rebuildRoutes();
    };
    connect(m_document, &ProjectDocument::entityChanged, this, changed);
    connect(m_document, &ProjectDocument::entityInserted, this, changed);
    connect(m_document, &ProjectDocument::entityRemoved, this, changed);
    connect(m_server, &MockServer::warning, this, &MockRuntime::message);
    reload();
}

MockRuntime::~MockRuntime()
{
    m_writer.waitForDone();
}

QString MockRuntime::datasetFile() const
{
    return QDir(m_document->folder()).filePath(ViaCepDataset::projectRelativePath);
}

// A project opened (or reloaded): read its dataset and fault rules on a worker, the bundled
// dataset when the project has none.
void MockRuntime::reload()
{
    m_datasetLoaded = false;
    rebuildRoutes();
    const quint64 generation = ++m_loadGeneration;
    const QString folder = m_document->folder();
    const QString appDir = QCoreApplication::applicationDirPath();
    whenDone(QtConcurrent::run([generation, folder, appDir] {
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
    }),
        this, [this](const Loaded &loaded) { applyLoaded(loaded); });
}

void MockRuntime::applyLoaded(const Loaded &loaded)
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
    m_server->router().faults().setRules(m_faults);
    m_datasetLoaded = true;
    Q_EMIT datasetChanged();
    Q_EMIT faultRulesChanged();
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &[context, work] : waiting) {
        if (context)
            work();
    }
}

void MockRuntime::whenLoaded(QObject *context, std::function<void()> work)
{
    if (m_datasetLoaded)
        work();
    else
        m_waiting.append({QPointer<QObject>(context), std::move(work)});
}

// The ViaCEP routes first, then the project's contract mocks on the routes ViaCEP leaves free, as
// `journeybench-cli serve` sets them up.
void MockRuntime::rebuildRoutes()
{
    MockRouter &router = m_server->router();
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

void MockRuntime::setDataset(ViaCepDataset dataset)
{
    m_dataset = std::move(dataset);
    m_viaCep->setDataset(m_dataset);
    Q_EMIT datasetChanged();
    if (m_document->hasFolder())
        write(QString(ViaCepDataset::projectRelativePath), m_dataset.toJson());
}

void MockRuntime::setFaultRules(const QList<FaultRule> &rules)
{
    m_faults = rules;
    m_server->router().faults().setRules(m_faults);
    Q_EMIT faultRulesChanged();
    QJsonArray array;
    for (const FaultRule &rule : rules)
        array.append(rule.toJson());
    if (m_document->hasFolder())
        write(QString(faultsRelativePath), QJsonDocument(array).toJson(QJsonDocument::Indented));
}

void MockRuntime::write(const QString &relativePath, const QByteArray &bytes)
{
    const QString path = QDir(m_document->folder()).filePath(relativePath);
    whenDone(
        QtConcurrent::run(&m_writer,
            [path, bytes] {
                QDir().mkpath(QFileInfo(path).absolutePath());
                QSaveFile file(path);
                if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
                    return u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
                return QString();
            }),
        this, [this](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT message(error);
        });
}

QStringList MockRuntime::routeKeys() const
{
    QStringList keys;
    for (const MockRouteInfo &route : m_server->router().routes())
        keys.append(route.key());
    return keys;
}

Status MockRuntime::start(quint16 port)
{
    m_stoppedByUser = false;
    if (m_server->isListening())
        m_server->stop();
    MockServer::Options options;
    options.port = port;
    if (m_document) {
        const Result<MockSettings> settings = MockSettings::load(m_document->folder());
        if (!settings) {
            Q_EMIT stateChanged(false);
            return settings.error();
        }
        options.limits = settings.value().limits;
    }
    Status started = m_server->start(options);
    if (!started && port != 0) {
        options.port = 0;
        started = m_server->start(options);
        if (started)
            Q_EMIT message(u"Port %1 is taken: the mock listens on %2 instead"_s.arg(
                QString::number(port), m_server->baseUrl().toString()));
    }
    Q_EMIT stateChanged(m_server->isListening());
    return started;
}

void MockRuntime::stop()
{
    m_stoppedByUser = true;
    m_server->stop();
    Q_EMIT stateChanged(false);
}

} // namespace jb
