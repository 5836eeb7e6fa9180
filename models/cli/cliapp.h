#pragma once

#include <QStringList>

class QTextStream;

namespace jb {

// journeybench-cli: the headless face of the workbench. One static entry point so that the
// executable stays a two-line main() and tests can run commands in-process.
class CliApp final
{
public:
    enum ExitCode
    {
        Success = 0,
        Failure = 1,
        UsageError = 2
    };

    // `arguments` as QCoreApplication::arguments() gives them (program name first).
    static int run(const QStringList &arguments);
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

private:
    static int validate(const QStringList &args, QTextStream &out, QTextStream &err);
    static int status(const QStringList &args, QTextStream &out, QTextStream &err);
    static int format(const QStringList &args, QTextStream &out, QTextStream &err);
    static int mock(const QStringList &args, QTextStream &out, QTextStream &err);
    static QString usage();
};

} // namespace jb
