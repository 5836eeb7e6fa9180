// The journeybench-commands module: the commands journeybench-cli loads it for, run as its main()
// ran every command before: the application object is made here.
#include "cliapp.h"
#include "commandsmodule.h"
#include "exportcommand.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int journeybench_commands_main(int argc, char **argv)
{
    // PDF and HTML exports draw text, which needs fonts and so a QGuiApplication: on the offscreen
    // platform, so that no display is needed. Every other command stays a QCoreApplication.
    std::unique_ptr<QCoreApplication> app;
    if (jb::ExportCommand::needsGuiApplication(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = jb::CliDispatcher::headlessApplication(argc, argv);
    }
    return jb::CliApp::run(app->arguments());
}
