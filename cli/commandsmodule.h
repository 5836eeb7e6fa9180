#pragma once

#include "core/result.h"

#include <QStringList>
#include <QtGlobal>

#include <type_traits>

// The journeybench-commands module's one exported function: what journeybench-cli's main() does for
// the commands in the module (CliDispatcher::moduleCommandNames()), its own application object
// included. Defined in the module (app/cli/commands.cpp), never in the executable.
extern "C" Q_DECL_EXPORT int journeybench_commands_main(int argc, char **argv);

namespace jb {

// Finds and loads the journeybench-commands module for journeybench-cli, before any application
// object exists (so with no QCoreApplication::applicationDirPath()). The module is looked for
// beside the executable (the build tree) and where the package installs it, relative to the
// executable's real folder (bin/ -> lib/<multiarch>/journeybench/): never through the library
// search path or RUNPATH.
class CommandsModule final
{
public:
    using EntryPoint = int (*)(int argc, char **argv);
    static_assert(std::is_same_v<EntryPoint, decltype(&journeybench_commands_main)>);
    static constexpr char entryPointName[] = "journeybench_commands_main";

    // The real folder of the running executable: from /proc/self/exe, else from argv[0] when that
    // holds a path; {} when neither tells.
    static QString executableFolder(const char *argv0);
    // Where the module may be, in the order to try.
    static QStringList candidates(const QString &executableFolder);
    // The entry point of the first candidate that loads; the error names every path tried and why
    // it failed. A loaded module stays loaded.
    static Result<EntryPoint> load(const QStringList &candidates);
    // Loads the module and runs the command line through it; when it cannot be loaded, says so on
    // stderr and returns 1.
    static int run(int argc, char **argv);
};

} // namespace jb
