#include "cliapp.h"

#include "checkcommand.h"
#include "contractmockroutes.h"
#include "exportcommand.h"
#include "faultoptions.h"
#include "firewallcommand.h"
#include "mapcommand.h"
#include "mockserver.h"
#include "projectdocument.h"
#include "projectformat.h"
#include "projectloader.h"
#include "projectstatus.h"
#include "projectvalidator.h"
#include "runcommand.h"
#include "servecommand.h"
#include "unixsignalwatcher.h"
#include "viaceproutes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QTextStream>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// Parses one sub-command's options; on a usage error prints it and returns false.
bool parseCommand(QCommandLineParser &parser, const QStringList &args, int positionals,
    const QString &synopsis, QTextStream &err)
{
    parser.setApplicationDescription(synopsis);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err << parser.errorText() << u"\nusage: journeybench-cli "_s << synopsis << Qt::endl;
        return false;
    }
    if (parser.positionalArguments().size() != positionals) {
        err << u"usage: journeybench-cli "_s << synopsis << Qt::endl;
        return false;
    }
    return true;
}

// Loads a project for a command, printing a refusal; nullopt when it could not be opened.
std::optional<ProjectLoad> loadProject(const QString &folder, QTextStream &err)
{
    Result<ProjectLoad> loaded = ProjectLoader::load(folder);
    if (!loaded) {
        err << u"error: "_s << loaded.errorString() << Qt::endl;
        return std::nullopt;
    }
    return std::move(loaded).value();
}

} // namespace

QString CliApp::usage()
{
    return u"usage: journeybench-cli [--help] [--version] <command> [<args>]\n"
           "\n"
           "Commands:\n"
           "  validate DIR           check every file of a project: schema, values, references\n"
           "                         (prints file:line:column: message; exit 1 on any error)\n"
           "  status DIR [--json]    phase completion and the checklist items still open\n"
           "  format DIR [--check]   rewrite the project's files in canonical form\n"
           "                         (--check: only list the files that would change; exit 1 if any)\n"
           "  run DIR PIPE [--input JSON] [--env NAME] [--set KEY=VALUE]... [--trace] [--json]\n"
           "                         run a pipe once and print its answer (exit 0 for a 2xx answer)\n"
           "  serve DIR [--env NAME] [--port N] [--set KEY=VALUE]... [--no-mock]\n"
           "                         serve the project's REST pipes and its mocks on 127.0.0.1; prints the\n"
           "                         base URL on its first line; stops on SIGINT/SIGTERM\n"
           "  mock DIR [--port N] [--bind ADDRESS] [--dataset FILE] [--erro-boolean]\n"
           "                         serve the ViaCEP mock and the project's contract mocks; prints\n"
           "                         the base URL on its first line, then the routes; runs until\n"
           "                         SIGINT/SIGTERM\n"
           "  check DIR [--env NAME] [--phase 1|2] [--junit FILE] [--json]\n"
           "                         run the connectivity probes of an environment and store the run as\n"
           "                         evidence (exit 0 only when every enabled probe passed)\n"
           "  firewall DIR [--env NAME]\n"
           "                         print the firewall request as CSV, with each port's latest status\n"
           "  export DIR --artifact NAME|all --format md|html|pdf|csv|xlsx --out DIR [--env NAME]\n"
           "                         write artifact documents (vpn, firewall-request, integration-list,\n"
           "                         service-catalogue, de-para, journey-report); prints each file\n"
           "  map DIR MAPPING (--input FILE.jsonl | --db-query SQL) [--out FILE] [--env NAME]\n"
           "                         apply a From-To mapping: one mapped JSON object per valid record;\n"
           "                         each invalid one on stderr with its line, field and rule (exit 1)\n"
           "\n"
           "Run 'journeybench-cli <command> --help' for a command's options.\n"_s;
}

int CliApp::run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(arguments, out, err);
}

int CliApp::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString command = arguments.value(1);
    if (command.isEmpty()) {
        err << usage();
        return UsageError;
    }
    if (command == u"--help" || command == u"-h" || command == u"help") {
        out << usage();
        return Success;
    }
    if (command == u"--version" || command == u"-v") {
        out << u"journeybench-cli "_s << QStringLiteral(JB_VERSION) << Qt::endl;
        return Success;
    }
    // a sub-command's parser sees "journeybench-cli command ..." as its own program name + args
    const QStringList rest = QStringList{arguments.value(0) + u' ' + command} + arguments.mid(2);
    if (command == u"validate")
        return validate(rest, out, err);
    if (command == u"status")
        return status(rest, out, err);
    if (command == u"format")
        return format(rest, out, err);
    if (command == u"run")
        return RunCommand::run(rest, out, err);
    if (command == u"serve")
        return ServeCommand::run(rest, out, err);
    if (command == u"mock")
        return mock(rest, out, err);
    if (command == u"check")
        return CheckCommand::run(rest, out, err);
    if (command == u"firewall")
        return FirewallCommand::run(rest, out, err);
    if (command == u"map")
        return MapCommand::run(rest, out, err);
    if (command == u"export")
        return ExportCommand::run(rest, out, err);
    err << u"journeybench-cli: unknown command \"%1\"\n\n"_s.arg(command) << usage();
    return UsageError;
}

int CliApp::validate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    if (!parseCommand(parser, args, 1, u"validate DIR"_s, err))
        return UsageError;
    const std::optional<ProjectLoad> load = loadProject(parser.positionalArguments().constFirst(), err);
    if (!load)
        return Failure;
    ProjectDocument document;
    document.reset(load->data);
    Diagnostics diagnostics = load->diagnostics;
    diagnostics += ProjectValidator::validate(document);
    for (const Diagnostic &diagnostic : std::as_const(diagnostics))
        out << diagnostic.format() << u'\n';
    const qsizetype errors = std::count_if(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    const qsizetype entities = document.allEntities().size();
    if (errors > 0) {
        err << u"%1 error(s) in %2; %3 entities checked"_s.arg(errors).arg(document.folder()).arg(entities)
            << Qt::endl;
        return Failure;
    }
    err << u"%1: valid (%2 entities)"_s.arg(document.folder()).arg(entities) << Qt::endl;
    return Success;
}

int CliApp::status(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"Print the status as JSON."_s);
    parser.addOption(json);
    if (!parseCommand(parser, args, 1, u"status DIR [--json]"_s, err))
        return UsageError;
    const std::optional<ProjectLoad> load = loadProject(parser.positionalArguments().constFirst(), err);
    if (!load)
        return Failure;
    if (!load->data.manifestLoaded) {
        for (const Diagnostic &diagnostic : load->diagnostics)
            err << diagnostic.format() << u'\n';
        err << u"error: the manifest could not be read, so the status is unknown"_s << Qt::endl;
        return Failure;
    }
    if (parser.isSet(json))
        out << QString::fromUtf8(
            QJsonDocument(ProjectStatus::toJson(load->data.manifest)).toJson(QJsonDocument::Indented));
    else
        out << ProjectStatus::toText(load->data.manifest);
    out.flush();
    return Success;
}

int CliApp::format(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption check(u"check"_s, u"Only list the files that are not in canonical form."_s);
    parser.addOption(check);
    if (!parseCommand(parser, args, 1, u"format DIR [--check]"_s, err))
        return UsageError;
    const std::optional<ProjectLoad> load = loadProject(parser.positionalArguments().constFirst(), err);
    if (!load)
        return Failure;
    for (const Diagnostic &diagnostic : load->diagnostics)
        err << diagnostic.format() << u" (left as it is)\n"_s;
    SavePlan plan;
    plan.folder = load->data.folder;
    plan.protectedPaths = load->data.failedPaths;
    auto consider = [&](const QString &path, const QByteArray &bytes) {
        const QByteArray onDisk = load->data.diskBytes.value(path);
        if (onDisk != bytes)
            plan.writes.append({path, bytes, onDisk});
    };
    if (load->data.manifestLoaded && !load->data.failedPaths.contains(QString(manifestFileName)))
        consider(manifestFileName, ProjectFormat::manifestBytes(load->data.manifest));
    for (const EntityRecord &record : load->data.entities)
        consider(record.path, ProjectFormat::entityBytes(record));
    for (const SavePlan::Write &write : std::as_const(plan.writes))
        out << write.path << u'\n';
    if (parser.isSet(check))
        return plan.writes.isEmpty() && load->diagnostics.isEmpty() ? Success : Failure;
    const SaveOutcome outcome = ProjectWriter::apply(plan);
    for (const QString &problem : outcome.problems)
        err << u"error: "_s << problem << u'\n';
    out.flush();
    return outcome.problems.isEmpty() && load->diagnostics.isEmpty() ? Success : Failure;
}

int CliApp::mock(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const QString synopsis = u"mock DIR [--port N] [--bind ADDRESS] [--dataset FILE] [--erro-boolean] "
                             "[--compact] "_s
        + FaultOptions::synopsis;
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
    if (!parseCommand(parser, args, 1, synopsis, err))
        return UsageError;
    if (const QString problem = faultOptions.parse(parser); !problem.isEmpty()) {
        err << u"error: "_s << problem << u"\nusage: journeybench-cli "_s << synopsis << Qt::endl;
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

    const std::optional<ProjectLoad> load = loadProject(parser.positionalArguments().constFirst(), err);
    if (!load)
        return Failure;
    for (const Diagnostic &diagnostic : load->diagnostics)
        err << u"warning: "_s << diagnostic.format() << u" (left out)\n"_s;

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
