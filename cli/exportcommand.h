#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli export DIR --artifact NAME|all --format md|html|pdf|csv|xlsx --out DIR [--env NAME]:
// builds artifact documents from a project and writes them, printing each file written.
class ExportCommand final
{
public:
    static int run(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString synopsis();
    // Whether this command line renders text (PDF, HTML): main() then makes a QGuiApplication on the
    // offscreen platform instead of a QCoreApplication, before anything else runs.
    static bool needsGuiApplication(int argc, char **argv);
};

} // namespace jb
