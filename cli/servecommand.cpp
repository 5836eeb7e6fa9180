#include "servecommand.h"

#include "contractmockroutes.h"
#include "faultoptions.h"
#include "mockserver.h"
#include "pipeengine.h"
#include "pipehost.h"
#include "pipeprojectload.h"
#include "unixsignalwatcher.h"
#include "viaceproutes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

#include <csignal>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr QLatin1StringView mockVariable{"viacep.baseUrl"};

// The ViaCEP mock and the contract mocks of the project, as `journeybench-cli mock` serves them.
Status setUpMocks(MockServer &server, const ProjectData &project)
{
    const QString inProject = QDir(project.folder).filePath(ViaCepDataset::projectRelativePath);
    QString path = QFileInfo(inProject).isFile()
        ? inProject
        : ViaCepDataset::findBundled(QCoreApplication::applicationDirPath());
    // a build folder of a preset (build/<preset>/app/cli) sits one level deeper than the
    // candidates ViaCepDataset knows
    const QString fromPresetBuild = QDir::cleanPath(
        QCoreApplication::applicationDirPath() + u"/../../../../resources/"_s + ViaCepDataset::fileName);
    if (path.isEmpty() && QFileInfo(fromPresetBuild).isFile())
        path = fromPresetBuild;
    if (path.isEmpty())
        return Status::failure(Error::Code::Io, u"no ViaCEP dataset found (set JB_DATA_DIR)"_s);
    Result<ViaCepDataset> dataset = ViaCepDataset::load(path);
    if (!dataset)
        return dataset.error();
    auto viaCep = std::make_shared<ViaCepRoutes>(std::move(dataset).value());
    server.router().addRoutes(viaCep);
    QStringList taken;
    for (const MockRouteInfo &route : viaCep->routes())
        taken.append(route.key());
    Result<std::shared_ptr<ContractMockRoutes>> contracts
        = ContractMockRoutes::fromProject(project.entities, taken);
    if (!contracts)
        return contracts.error();
    server.router().addRoutes(std::move(contracts).value());
    return {};
}

} // namespace

QString ServeCommand::synopsis()
{
    return u"serve DIR [--env NAME] [--port N] [--set KEY=VALUE]... [--no-mock] [--workers N] "_s
        + FaultOptions::synopsis;
}

int ServeCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(synopsis());
    parser.addHelpOption();
    const QCommandLineOption environment(u"env"_s, u"The environment (default: test)."_s, u"NAME"_s);
    const QCommandLineOption portOption(u"port"_s, u"Listen on port N (default: a free port)."_s, u"N"_s);
    const QCommandLineOption set(u"set"_s, u"Override a variable of the environment."_s, u"KEY=VALUE"_s);
    const QCommandLineOption noMock(u"no-mock"_s, u"Do not start the project's mocks."_s);
    const QCommandLineOption workers(
        u"workers"_s, u"Worker threads running executions (default 2)."_s, u"N"_s);
    parser.addOptions({environment, portOption, set, noMock, workers});
    FaultOptions faultOptions; // for the mocks serve starts
    faultOptions.addTo(parser);
    if (!parser.parse(args) || parser.positionalArguments().size() != 1) {
        err << (parser.errorText().isEmpty() ? QString() : parser.errorText() + u'\n')
            << u"usage: journeybench-cli "_s << synopsis() << Qt::endl;
        return 2;
    }
    if (const QString problem = faultOptions.parse(parser); !problem.isEmpty()) {
        err << u"error: "_s << problem << u"\nusage: journeybench-cli "_s << synopsis() << Qt::endl;
        return 2;
    }
    bool ok = true;
    const uint port = parser.isSet(portOption) ? parser.value(portOption).toUInt(&ok) : 0;
    if (!ok || port > 65535) {
        err << u"error: --port wants a number from 0 to 65535"_s << Qt::endl;
        return 2;
    }
    const int workerCount = parser.isSet(workers) ? parser.value(workers).toInt(&ok) : 2;
    if (!ok || workerCount < 1 || workerCount > 64) {
        err << u"error: --workers wants a number from 1 to 64"_s << Qt::endl;
        return 2;
    }
    PipeEnvironment::Variables overrides;
    bool mockVariableSet = false;
    for (const QString &assignment : parser.values(set)) {
        const Result<std::pair<QString, QString>> parsed = PipeEnvironment::parseAssignment(assignment);
        if (!parsed) {
            err << u"error: --set: "_s << parsed.errorString() << Qt::endl;
            return 2;
        }
        mockVariableSet = mockVariableSet || parsed.value().first == mockVariable;
        overrides.append(parsed.value());
    }
    if (!QCoreApplication::instance()) {
        err << u"error: serve needs the application's event loop"_s << Qt::endl;
        return 1;
    }

    std::optional<PipeProjectLoad> loaded = PipeProjectLoad::load(
        parser.positionalArguments().constFirst(), parser.value(environment), overrides, err);
    if (!loaded)
        return 1;
    const ProjectData &project = loaded->project;
    const std::shared_ptr<const PipeCatalog> catalog = loaded->catalog;

    MockServer mock;
    QStringList notes;
    const QUrl mockUrl(loaded->environment.variable(mockVariable));
    const bool wantMock = !parser.isSet(noMock) && !mockVariableSet && mockUrl.scheme() == u"http"
        && QHostAddress(mockUrl.host() == u"localhost" ? u"127.0.0.1"_s : mockUrl.host()).isLoopback();
    if (wantMock) {
        if (const Status ready = setUpMocks(mock, project); !ready) {
            err << u"error: mocks: "_s << ready.errorString() << Qt::endl;
            return 1;
        }
        if (const Status faults = faultOptions.load(project.folder); !faults) {
            err << u"error: mocks: "_s << faults.errorString() << Qt::endl;
            return 1;
        }
        faultOptions.applyTo(mock.router().faults());
        MockServer::Options options;
        options.port = quint16(mockUrl.port(80));
        if (!mock.start(options)) {
            options.port = 0;
            if (const Status started = mock.start(options); !started) {
                err << u"error: mocks: "_s << started.errorString() << Qt::endl;
                return 1;
            }
            notes.append(u"port %1 is taken: the mocks use %2, and %3 points there for this run"_s.arg(
                QString::number(mockUrl.port(80)), mock.baseUrl().toString(), QString(mockVariable)));
            loaded->environment.setVariable(mockVariable, mock.baseUrl().toString());
        }
    }

    PipeEngine::Options options;
    options.workers = workerCount;
    options.trace = false; // nobody reads traces here: keep each request cheap
    options.projectFolder = project.folder;
    PipeEngine engine(catalog, std::move(loaded->environment), options);
    PipeHost host(engine);
    const Result<quint16> listening = host.listen(QHostAddress::LocalHost, quint16(port));
    if (!listening) {
        err << u"error: "_s << listening.errorString() << Qt::endl;
        return 1;
    }
    // the first line is the base URL, flushed at once: scripts and tests wait for it
    out << host.baseUrl().toString() << u'\n';
    out.flush();
    for (const PipePointer &pipe : catalog->restPipes())
        out << pipe->trigger.method << u' ' << pipe->trigger.path.pattern() << u"  "_s << pipe->id << u'\n';
    if (mock.isListening())
        out << u"mocks "_s << mock.baseUrl().toString() << u'\n';
    out.flush();
    for (const QString &note : std::as_const(notes))
        err << u"note: "_s << note << u'\n';
    faultOptions.describe(err);
    err << u"serving %1 pipe(s) of %2 (environment %3); stop with Ctrl-C or SIGTERM"_s.arg(
        QString::number(catalog->restPipes().size()), project.folder, engine.environment().name())
        << Qt::endl;
    engine.dispatchPending();

    UnixSignalWatcher watcher({SIGINT, SIGTERM});
    QObject::connect(&watcher, &UnixSignalWatcher::received, &watcher, [](int) { QCoreApplication::quit(); });
    QCoreApplication::exec();
    mock.stop();
    err << u"stopped after %1 answers"_s.arg(host.answered()) << Qt::endl;
    return 0;
}

} // namespace jb
