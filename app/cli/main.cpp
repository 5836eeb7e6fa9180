#include "cliapp.h"
#include "exportcommand.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    // PDF and HTML exports draw text, which needs fonts and so a QGuiApplication: on the offscreen
    // platform, so that no display is needed. Every other command stays a QCoreApplication.
    std::unique_ptr<QCoreApplication> app;
    if (jb::ExportCommand::needsGuiApplication(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        // a headless command has no GLib main loop to join: Qt's own event dispatcher costs less
        // per socket event, which a served pipe under load feels
        if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
            qputenv("QT_NO_GLIB", "1");
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    return jb::CliApp::run(app->arguments());
}
