#include "clidispatcher.h"

#include "checkcommand.h"
#include "firewallcommand.h"
#include "loadcommand.h"
#include "projectcommands.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr std::array<CliCommand, 6> core{{
    {"validate", &ProjectCommands::validate},
    {"status", &ProjectCommands::status},
    {"format", &ProjectCommands::format},
    {"check", &CheckCommand::run},
    {"firewall", &FirewallCommand::run},
    {"load", &LoadCommand::run},
}};

// CliApp runs these too (tst_clistartup checks that it knows each one, by these words)
constexpr std::array<const char *, 7> inModule{"run", "serve", "mock", "map", "export", "test", "sample"};

} // namespace

std::span<const CliCommand> CliDispatcher::coreCommands()
{
    return core;
}

std::span<const char *const> CliDispatcher::moduleCommandNames()
{
    return inModule;
}

bool CliDispatcher::isModuleCommand(const char *word)
{
    return std::any_of(inModule.cbegin(), inModule.cend(),
        [word](const char *name) { return std::strcmp(name, word) == 0; });
}

QString CliDispatcher::usage()
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
           "  load DIR --url URL (--rate N [--ramp-to M] | --connections N) --duration S [--json] ...\n"
           "                         load an HTTP endpoint (open or closed model) and store the run as\n"
           "                         evidence (exit 0 when no request failed)\n"
           "  export DIR --artifact NAME|all --format md|html|pdf|csv|xlsx --out DIR [--env NAME]\n"
           "                         write artifact documents (vpn, firewall-request, integration-list,\n"
           "                         service-catalogue, de-para, journey-report); prints each file\n"
           "  test DIR [--suite ID]... [--env NAME] [--junit FILE] [--html FILE] [--json]\n"
           "       [--coverage-min PERCENT] [--set KEY=VALUE]... [--no-evidence]\n"
           "                         run the project's unit test suites with their step mocks, print\n"
           "                         coverage, store the run as evidence (exit 0 only when every case\n"
           "                         passed and coverage holds)\n"
           "  map DIR MAPPING (--input FILE.jsonl | --db-query SQL) [--out FILE] [--env NAME]\n"
           "                         apply a From-To mapping: one mapped JSON object per valid record;\n"
           "                         each invalid one on stderr with its line, field and rule (exit 1)\n"
           "  sample DIR             copy the bundled sample project to DIR (new or empty) to try\n"
           "                         the commands on; prints DIR\n"
           "\n"
           "Run 'journeybench-cli <command> --help' for a command's options.\n"_s;
}

int CliDispatcher::run(const QStringList &arguments, std::span<const CliCommand> commands)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(arguments, commands, out, err);
}

int CliDispatcher::run(
    const QStringList &arguments, std::span<const CliCommand> commands, QTextStream &out, QTextStream &err)
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
    const auto found = std::find_if(commands.begin(), commands.end(),
        [&command](const CliCommand &candidate) { return command == QLatin1StringView(candidate.name); });
    if (found == commands.end()) {
        err << u"journeybench-cli: unknown command \"%1\"\n\n"_s.arg(command) << usage();
        return UsageError;
    }
    // a sub-command's parser sees "journeybench-cli command ..." as its own program name + args
    const QStringList rest = QStringList{arguments.value(0) + u' ' + command} + arguments.mid(2);
    return found->run(rest, out, err);
}

std::unique_ptr<QCoreApplication> CliDispatcher::headlessApplication(int &argc, char **argv)
{
    // a headless command has no GLib main loop to join: Qt's own event dispatcher costs less per
    // socket event, which a served pipe under load feels
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    return std::make_unique<QCoreApplication>(argc, argv);
}

} // namespace jb
