#include "pipeprojectload.h"

#include "projectloader.h"

using namespace Qt::StringLiterals;

namespace jb {

std::optional<PipeProjectLoad> PipeProjectLoad::load(const QString &folder, const QString &environment,
    const PipeEnvironment::Variables &overrides, QTextStream &err)
{
    Result<ProjectLoad> loaded = ProjectLoader::load(folder);
    if (!loaded) {
        err << u"error: "_s << loaded.errorString() << Qt::endl;
        return std::nullopt;
    }
    ProjectData project = std::move(loaded).value().data;
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
