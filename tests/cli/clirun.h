#pragma once

#include <QString>
#include <QStringList>

namespace jb::testing {

// One run of the real journeybench-cli executable: its exit code and what it printed (UTF-8).
struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
    bool finished = false; // false: it crashed or timed out

    static CliRun of(const QStringList &arguments);
    // The same with another copy of the executable.
    static CliRun of(const QString &program, const QStringList &arguments);
};

} // namespace jb::testing
