#include "pipeprojectload.h"

#include "cliproject.h"

using namespace Qt::StringLiterals;

namespace jb {

std::optional<PipeProjectLoad> PipeProjectLoad::load(const QString &folder, const QString &environment,
    const PipeEnvironment::Variables &overrides, QTextStream &err)
{
    int exitCode = 0; // run and serve end with 1 on any load failure
    std::optional<CliProject> loaded = CliProject::load({.folder = folder}, err, exitCode);
    if (!loaded)
        return std::nullopt;
    ProjectData project = std::move(loaded->data);
    Result<PipeEnvironment> env = PipeEnvironment::fromProject(project, environment, overrides);
    if (!env) {
        err << u"error: "_s << env.errorString() << Qt::endl;
        return std::nullopt;
    }
    auto catalog = std::make_shared<const PipeCatalog>(PipeCatalog::fromProject(project));
    for (const QString &problem : catalog->problems())
        err << u"warning: "_s << problem << u" (left out)\n"_s;
    return PipeProjectLoad{std::move(project), std::move(env).value(), std::move(catalog)};
}

} // namespace jb
