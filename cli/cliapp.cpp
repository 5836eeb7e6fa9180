#include "cliapp.h"

#include "exportcommand.h"
#include "mapcommand.h"
#include "mockcommand.h"
#include "runcommand.h"
#include "samplecommand.h"
#include "servecommand.h"
#include "testcommand.h"

#include <vector>

namespace jb {

std::span<const CliCommand> CliApp::commands()
{
    // the executable's own commands, then the module's under the words the executable loads it for
    // (CliDispatcher::moduleCommandNames(); tst_clistartup checks that the two agree)
    static const std::vector<CliCommand> all = [] {
        std::vector<CliCommand> commands(
            CliDispatcher::coreCommands().begin(), CliDispatcher::coreCommands().end());
        commands.insert(commands.end(),
            {
                {"run", &RunCommand::run},
                {"serve", &ServeCommand::run},
                {"mock", &MockCommand::run},
                {"map", &MapCommand::run},
                {"export", &ExportCommand::run},
                {"test", &TestCommand::run},
                {"sample", &SampleCommand::run},
            });
        return commands;
    }();
    return all;
}

int CliApp::run(const QStringList &arguments)
{
    return CliDispatcher::run(arguments, commands());
}

int CliApp::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    return CliDispatcher::run(arguments, commands(), out, err);
}

} // namespace jb
