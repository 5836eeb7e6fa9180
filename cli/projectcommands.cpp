#include "projectcommands.h"

#include "clidispatcher.h"
#include "cliproject.h"
#include "projectdocument.h"
#include "projectformat.h"
#include "projectstatus.h"
#include "projectvalidator.h"
#include "projectwriter.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

using enum CliDispatcher::ExitCode;

bool ProjectCommands::parseArguments(QCommandLineParser &parser, const QStringList &args, int positionals,
    const QString &synopsis, QTextStream &err)
{
    parser.setApplicationDescription(synopsis);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err << parser.errorText() << u"\nusage: journeybench-cli "_s << synopsis << Qt::endl;
        return false;
    }
    if (parser.positionalArguments().size() != positionals) {
        err << u"usage: journeybench-cli "_s << synopsis << Qt::endl;
        return false;
    }
    return true;
}

int ProjectCommands::validate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    if (!parseArguments(parser, args, 1, u"validate DIR"_s, err))
        return UsageError;
    int exitCode = Success;
    const std::optional<CliProject> load
        = CliProject::load({.folder = parser.positionalArguments().constFirst()}, err, exitCode);
    if (!load)
        return exitCode;
    ProjectDocument document;
    document.reset(load->data);
    Diagnostics diagnostics = load->diagnostics;
    diagnostics += ProjectValidator::validate(document);
    for (const Diagnostic &diagnostic : std::as_const(diagnostics))
        out << diagnostic.format() << u'\n';
    const qsizetype errors = std::count_if(diagnostics.cbegin(), diagnostics.cend(),
        [](const Diagnostic &d) { return d.severity == Diagnostic::Severity::Error; });
    const qsizetype entities = document.allEntities().size();
    if (errors > 0) {
        err << u"%1 error(s) in %2; %3 entities checked"_s.arg(errors).arg(document.folder()).arg(entities)
            << Qt::endl;
        return Failure;
    }
    err << u"%1: valid (%2 entities)"_s.arg(document.folder()).arg(entities) << Qt::endl;
    return Success;
}

int ProjectCommands::status(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption json(u"json"_s, u"Print the status as JSON."_s);
    parser.addOption(json);
    if (!parseArguments(parser, args, 1, u"status DIR [--json]"_s, err))
        return UsageError;
    int exitCode = Success;
    const std::optional<CliProject> load
        = CliProject::load({.folder = parser.positionalArguments().constFirst()}, err, exitCode);
    if (!load)
        return exitCode;
    if (!load->data.manifestLoaded) {
        for (const Diagnostic &diagnostic : load->diagnostics)
            err << diagnostic.format() << u'\n';
        err << u"error: the manifest could not be read, so the status is unknown"_s << Qt::endl;
        return Failure;
    }
    if (parser.isSet(json))
        out << QString::fromUtf8(
            QJsonDocument(ProjectStatus::toJson(load->data.manifest)).toJson(QJsonDocument::Indented));
    else
        out << ProjectStatus::toText(load->data.manifest);
    out.flush();
    return Success;
}

int ProjectCommands::format(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    const QCommandLineOption check(u"check"_s, u"Only list the files that are not in canonical form."_s);
    parser.addOption(check);
    if (!parseArguments(parser, args, 1, u"format DIR [--check]"_s, err))
        return UsageError;
    int exitCode = Success;
    const std::optional<CliProject> load
        = CliProject::load({.folder = parser.positionalArguments().constFirst()}, err, exitCode);
    if (!load)
        return exitCode;
    for (const Diagnostic &diagnostic : load->diagnostics)
        err << diagnostic.format() << u" (left as it is)\n"_s;
    SavePlan plan;
    plan.folder = load->data.folder;
    plan.protectedPaths = load->data.failedPaths;
    auto consider = [&](const QString &path, const QByteArray &bytes) {
        const QByteArray onDisk = load->data.diskBytes.value(path);
        if (onDisk != bytes)
            plan.writes.append({path, bytes, onDisk});
    };
    if (load->data.manifestLoaded && !load->data.failedPaths.contains(QString(manifestFileName)))
        consider(manifestFileName, ProjectFormat::manifestBytes(load->data.manifest));
    for (const EntityRecord &record : load->data.entities)
        consider(record.path, ProjectFormat::entityBytes(record));
    for (const SavePlan::Write &write : std::as_const(plan.writes))
        out << write.path << u'\n';
    if (parser.isSet(check))
        return plan.writes.isEmpty() && load->diagnostics.isEmpty() ? Success : Failure;
    const SaveOutcome outcome = ProjectWriter::apply(plan);
    for (const QString &problem : outcome.problems)
        err << u"error: "_s << problem << u'\n';
    out.flush();
    return outcome.problems.isEmpty() && load->diagnostics.isEmpty() ? Success : Failure;
}

} // namespace jb
