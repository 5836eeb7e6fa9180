#include "cliproject.h"

#include "clidispatcher.h"
#include "probeplanner.h"
#include "projectloader.h"

#include <QTextStream>

using namespace Qt::StringLiterals;

namespace jb {

using enum CliDispatcher::ExitCode;

std::optional<CliProject> CliProject::load(const Request &request, QTextStream &err, int &exitCode)
{
    Result<ProjectLoad> loaded = ProjectLoader::load(request.folder);
    if (!loaded) {
        err << u"error: "_s << loaded.errorString() << Qt::endl;
        exitCode = Failure;
        return std::nullopt;
    }
    CliProject project{std::move(loaded.value().data), std::move(loaded.value().diagnostics), {}};
    if (request.reportDiagnostics) {
        for (const Diagnostic &diagnostic : std::as_const(project.diagnostics))
            err << u"warning: "_s << diagnostic.format() << u" (left out)"_s << Qt::endl;
    }
    bool chosen = true;
    switch (request.rule) {
    case EnvironmentRule::None:
        break;
    case EnvironmentRule::Probes:
        chosen = chooseProbeEnvironment(project, request, err);
        break;
    case EnvironmentRule::Documents:
        chosen = chooseDocumentEnvironment(project, request, err);
        break;
    }
    if (!chosen) {
        exitCode = UsageError;
        return std::nullopt;
    }
    exitCode = Success;
    return project;
}

bool CliProject::chooseProbeEnvironment(CliProject &project, const Request &request, QTextStream &err)
{
    const QStringList environments = ProbePlanner::environments(project.data.entities);
    const QString environment = request.environment
        ? *request.environment
        : ProbePlanner::defaultEnvironment(project.data.entities).value_or(QString());
    // a loaded entity always has an id, so the empty name is never among them
    if (!environments.contains(environment)) {
        err << (environment.isEmpty() ? u"name an environment with --env"_s
                                      : u"no environment \"%1\" in the project"_s.arg(environment))
            << u"; the project has: "_s << (environments.isEmpty() ? u"none"_s : environments.join(u", "_s))
            << Qt::endl;
        return false;
    }
    project.environment = environment;
    return true;
}

bool CliProject::chooseDocumentEnvironment(CliProject &project, const Request &request, QTextStream &err)
{
    const QString wanted = request.environment.value_or(QString());
    if (wanted.isEmpty())
        return true;
    QStringList known;
    QString match;
    for (const EntityRecord &record : std::as_const(project.data.entities)) {
        if (record.kind != u"environment")
            continue;
        known.append(record.id());
        if (record.id() == wanted || record.name().compare(wanted, Qt::CaseInsensitive) == 0)
            match = record.id();
    }
    if (match.isEmpty()) {
        err << u"no environment \"%1\" in the project; it has: %2"_s.arg(
            wanted, known.isEmpty() ? u"none"_s : known.join(u", "_s))
            << Qt::endl;
        return false;
    }
    project.environment = match;
    return true;
}

} // namespace jb
