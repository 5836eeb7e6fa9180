#pragma once

#include "clidispatcher.h"

#include <QStringList>

#include <span>

class QTextStream;

namespace jb {

// journeybench-cli with every command in one process: CliDispatcher's own (validate, status, format,
// check, firewall) and those of the journeybench-commands module (run, serve, mock, map, export),
// which runs them through here. Tests can run any command in-process.
class CliApp final
{
public:
    // `arguments` as QCoreApplication::arguments() gives them (program name first).
    static int run(const QStringList &arguments);
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
    static std::span<const CliCommand> commands();
};

} // namespace jb
