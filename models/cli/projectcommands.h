#pragma once

#include "projectloader.h"

#include <QStringList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace jb {

// journeybench-cli validate, status and format: the commands on a project's files alone. Also the
// two steps most commands begin with: parsing their options and opening their project.
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
    // Loads a command's project, printing why not; nullopt when it could not be opened.
    static std::optional<ProjectLoad> loadProject(const QString &folder, QTextStream &err);
};

} // namespace jb
