#include "mappingcatalog.h"

#include "mappingproject.h"

using namespace Qt::StringLiterals;

namespace jb {

MappingCatalog MappingCatalog::build(const QList<EntityRecord> &entities, const QString &projectFolder,
    const QString &environment, QStringList *problems)
{
    MappingCatalog catalog;
    for (const EntityRecord &record : entities) {
        if (record.kind != u"mapping")
            continue;
        Result<ResolvedMapping> resolved
            = ResolvedMapping::resolve(entities, projectFolder, record.data, environment);
        if (!resolved) {
            if (problems)
                problems->append(resolved.errorString());
            continue;
        }
        Result<std::shared_ptr<const MappingPlan>> plan = MappingPlan::compile(
            resolved.value().definition, resolved.value().source, resolved.value().target);
        if (!plan) {
            if (problems)
                problems->append(u"mapping %1: %2"_s.arg(record.id(), plan.errorString()));
            continue;
        }
        catalog.m_plans.insert(record.id(), plan.value());
        catalog.m_environment = resolved.value().environment;
    }
    return catalog;
}

QStringList MappingCatalog::ids() const
{
    QStringList ids = m_plans.keys();
    ids.sort();
    return ids;
}

} // namespace jb
