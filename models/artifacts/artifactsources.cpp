#include "artifactsources.h"

#include "deparatable.h"
#include "mappingproject.h"

using namespace Qt::StringLiterals;

namespace jb {

QList<MappingTable> ArtifactSources::mappings(
    const ProjectData &project, const QString &environment, QStringList *problems)
{
    QStringList ids;
    for (const EntityRecord &record : project.entities) {
        if (record.kind == u"mapping")
            ids.append(record.id());
    }
    ids.sort();
    QList<MappingTable> tables;
    for (const QString &id : std::as_const(ids)) {
        const Result<ResolvedMapping> resolved = ResolvedMapping::resolve(project, id, environment);
        if (!resolved) {
            problems->append(u"mapping %1: %2"_s.arg(id, resolved.errorString()));
            continue;
        }
        tables.append(DeParaTable::build(resolved.value()));
    }
    return tables;
}

ArtifactInput ArtifactSources::gather(
    ProjectData project, const QString &environment, QDateTime generatedAt, const QProcessEnvironment &system)
{
    QStringList problems;
    QList<MappingTable> tables = mappings(project, environment, &problems);
    ArtifactInput input = ArtifactInput::gather(std::move(project), environment, generatedAt, system);
    input.mappings = std::move(tables);
    input.mappingProblems = problems;
    return input;
}

} // namespace jb
