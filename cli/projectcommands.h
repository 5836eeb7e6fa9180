#pragma once

#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace jb {

// journeybench-cli validate, status and format: the commands on a project's files alone. Also the
// step most commands begin with: parsing their options (CliProject opens their project).
class ProjectCommands final
{
public:
    // validate DIR: every file checked (schema, values, references); exit 1 on any error.
    static int validate(const QStringList &args, QTextStream &out, QTextStream &err);
    // status DIR [--json]: phase completion and the checklist items still open.
    static int status(const QStringList &args, QTextStream &out, QTextStream &err);
    // format DIR [--check]: the project's files rewritten in canonical form.
    static int format(const QStringList &args, QTextStream &out, QTextStream &err);

    // Parses a command's options and wants `positionals` arguments; on a usage error prints it
    // with `synopsis` and returns false.
    static bool parseArguments(QCommandLineParser &parser, const QStringList &args, int positionals,
        const QString &synopsis, QTextStream &err);
};

} // namespace jb
