#include "clirun.h"

#include <QProcess>

namespace jb::testing {

CliRun CliRun::of(const QStringList &arguments)
{
    return of(QStringLiteral(JB_CLI_PATH), arguments);
}

CliRun CliRun::of(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    CliRun run;
    run.finished = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace jb::testing
