#include "mockcommand.h"

#include "clidispatcher.h"
#include "cliproject.h"
#include "contractmockroutes.h"
#include "faultoptions.h"
#include "mockserver.h"
#include "mocksettings.h"
#include "projectcommands.h"
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

using enum CliDispatcher::ExitCode;

QString MockCommand::synopsis()
{
    return u"mock DIR [--port N] [--bind ADDRESS] [--dataset FILE] [--erro-boolean] [--compact] "_s
        + FaultOptions::synopsis;
}

int MockCommand::run(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption portOption(
        u"port"_s, u"Listen on port N (default: a free port the system picks)."_s, u"N"_s);
    const QCommandLineOption bindOption(u"bind"_s,
        u"Listen on ADDRESS instead of 127.0.0.1. Anything but loopback makes the mock reachable from "
        "other machines."_s,
        u"ADDRESS"_s);
    const QCommandLineOption datasetOption(u"dataset"_s,
        u"Serve the ViaCEP records of FILE (default: the project's mocks/viacep-dataset.json, else the "
        "bundled dataset)."_s,
        u"FILE"_s);
    const QCommandLineOption erroOption(
        u"erro-boolean"_s, u"Answer an unknown CEP with the older {\"erro\": true} instead of \"true\"."_s);
    const QCommandLineOption compactOption(
        u"compact"_s, u"Write ViaCEP's answers without whitespace (ViaCEP itself indents them)."_s);
    FaultOptions faultOptions;
    parser.addOptions({portOption, bindOption, datasetOption, erroOption, compactOption});
    faultOptions.addTo(parser);
    if (!ProjectCommands::parseArguments(parser, args, 1, synopsis(), err))
        return UsageError;
    if (const QString problem = faultOptions.parse(parser); !problem.isEmpty()) {
        err << u"error: "_s << problem << u"\nusage: journeybench-cli "_s << synopsis() << Qt::endl;
        return UsageError;
    }
    if (!QCoreApplication::instance()) {
        err << u"error: mock needs the application's event loop"_s << Qt::endl;
        return Failure;
    }

    MockServer::Options options;
    if (parser.isSet(portOption)) {
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535) {
            err << u"error: --port wants a number from 0 to 65535"_s << Qt::endl;
            return UsageError;
        }
        options.port = static_cast<quint16>(port);
    }
    if (parser.isSet(bindOption)) {
        const QString text = parser.value(bindOption);
        const QHostAddress address
            = text == u"localhost" ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(text);
        if (address.isNull()) {
            err << u"error: --bind wants an IP address, not \"%1\""_s.arg(text) << Qt::endl;
            return UsageError;
        }
        options.address = address;
        options.allowNonLoopback = true; // --bind is the explicit request
    }

    int exitCode = Success;
    const std::optional<CliProject> load = CliProject::load(
        {.folder = parser.positionalArguments().constFirst(), .reportDiagnostics = true}, err, exitCode);
    if (!load)
        return exitCode;

    QString datasetPath = parser.value(datasetOption);
    if (datasetPath.isEmpty()) {
        const QString inProject = QDir(load->data.folder).filePath(ViaCepDataset::projectRelativePath);
        datasetPath = QFileInfo(inProject).isFile()
            ? inProject
            : ViaCepDataset::findBundled(QCoreApplication::applicationDirPath());
    }
    if (datasetPath.isEmpty()) {
        err << u"error: no ViaCEP dataset found; looked in the project (%1) and in:\n  %2\n"
               "(set JB_DATA_DIR or pass --dataset FILE)"_s.arg(ViaCepDataset::projectRelativePath,
                   ViaCepDataset::bundledCandidates(QCoreApplication::applicationDirPath()).join(u"\n  "_s))
            << Qt::endl;
        return Failure;
    }
    Result<ViaCepDataset> dataset = ViaCepDataset::load(datasetPath);
    if (!dataset) {
        err << u"error: "_s << dataset.errorString() << Qt::endl;
        return Failure;
    }

    MockServer server;
    auto viaCep = std::make_shared<ViaCepRoutes>(std::move(dataset).value());
    if (parser.isSet(erroOption))
        viaCep->setErroForm(ViaCepRoutes::ErroForm::Boolean);
    if (parser.isSet(compactOption))
        viaCep->setBodyStyle(ViaCepRoutes::BodyStyle::Compact);
    server.router().addRoutes(viaCep);

    // No stored rules yet: one default rule per service whose contract has an example, except
    // where the ViaCEP mock already answers the same route.
    QStringList skipped;
    QStringList taken;
    for (const MockRouteInfo &route : viaCep->routes())
        taken.append(route.key());
    Result<std::shared_ptr<ContractMockRoutes>> contracts
        = ContractMockRoutes::fromProject(load->data.entities, taken, &skipped);
    if (!contracts) {
        err << u"error: "_s << contracts.errorString() << Qt::endl;
        return Failure;
    }
    server.router().addRoutes(std::move(contracts).value());

    if (const Status faults = faultOptions.load(load->data.folder); !faults) {
        err << u"error: "_s << faults.errorString() << Qt::endl;
        return Failure;
    }
    faultOptions.applyTo(server.router().faults());

    const Result<MockSettings> settings = MockSettings::load(load->data.folder);
    if (!settings) {
        err << u"error: "_s << settings.errorString() << Qt::endl;
        return Failure;
    }
    options.limits = settings.value().limits;
    if (const Status started = server.start(options); !started) {
        err << u"error: "_s << started.errorString() << Qt::endl;
        return Failure;
    }
    // The first line is the base URL, flushed at once: scripts and tests wait for it.
    out << server.baseUrl().toString() << u'\n';
    out.flush();
    for (const MockRouteInfo &route : server.router().routes())
        out << route.key() << u"  "_s << route.description << u'\n';
    out.flush();
    if (!server.address().isLoopback())
        err << u"warning: listening on %1, beyond loopback: other machines can reach this mock"_s.arg(
            server.address().toString())
            << Qt::endl;
    for (const QString &line : std::as_const(skipped))
        err << u"note: "_s << line << u'\n';
    faultOptions.describe(err);
    err << u"serving %1 ViaCEP records; stop with Ctrl-C or SIGTERM"_s.arg(viaCep->dataset().size())
        << Qt::endl;

    UnixSignalWatcher watcher({SIGINT, SIGTERM});
    int stopSignal = 0;
    QObject::connect(&watcher, &UnixSignalWatcher::received, &watcher, [&stopSignal](int signalNumber) {
        stopSignal = signalNumber;
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    server.stop();
    err << u"stopped (%1) after %2 requests"_s.arg(stopSignal == SIGTERM ? u"SIGTERM"_s : u"SIGINT"_s)
               .arg(server.log().totalCount())
        << Qt::endl;
    return Success;
}

} // namespace jb
