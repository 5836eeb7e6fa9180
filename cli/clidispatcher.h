#pragma once

#include <QStringList>

#include <memory>
#include <span>

class QCoreApplication;
class QTextStream;

namespace jb {

// One journeybench-cli command: the word that names it and what runs it. `args` are the command's
// own arguments after "journeybench-cli WORD", which its parser sees as the program name.
struct CliCommand
{
    const char *name;
    int (*run)(const QStringList &args, QTextStream &out, QTextStream &err);
};

// What every journeybench-cli dispatch shares: the usage text, --help and --version, missing and
// unknown commands, the commands that need only the project, the probes and the load runner (validate,
// status, format, check, firewall, load), and the words of those that live in the journeybench-commands
// module (run, serve, mock, map, export: they need Qt Gui, Qml, the HTTP server and the document writers).
// The executable runs the first kind and loads the module for the second (CommandsModule), so that
// `check` starts without those libraries; CliApp runs every command in one process.
class CliDispatcher final
{
public:
    enum ExitCode
    {
        Success = 0,
        Failure = 1,
        UsageError = 2
    };

    static std::span<const CliCommand> coreCommands();
    static std::span<const char *const> moduleCommandNames();
    static bool isModuleCommand(const char *word);

    // Runs the command that arguments[1] names among `commands`, or answers help, version, a
    // missing or an unknown command. `arguments` as QCoreApplication::arguments() gives them.
    static int run(const QStringList &arguments, std::span<const CliCommand> commands);
    static int run(const QStringList &arguments, std::span<const CliCommand> commands, QTextStream &out,
        QTextStream &err);
    static QString usage();

    // The application object of a command that draws nothing. `argc` must outlive it.
    static std::unique_ptr<QCoreApplication> headlessApplication(int &argc, char **argv);
};

} // namespace jb
