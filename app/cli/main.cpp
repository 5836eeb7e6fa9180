#include "clidispatcher.h"
#include "commandsmodule.h"

#include <QCoreApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // run, serve, mock, map and export live in the journeybench-commands module with the libraries
    // only they need (Qt Gui, Qml, HttpServer, the document writers): loaded for them alone, so that
    // every other command, `check` above all, starts without mapping those libraries.
    if (argc > 1 && jb::CliDispatcher::isModuleCommand(argv[1]))
        return jb::CommandsModule::run(argc, argv);
    const std::unique_ptr<QCoreApplication> app = jb::CliDispatcher::headlessApplication(argc, argv);
    return jb::CliDispatcher::run(app->arguments(), jb::CliDispatcher::coreCommands());
}
