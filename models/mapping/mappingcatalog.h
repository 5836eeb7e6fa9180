#pragma once

#include "mappingplan.h"
#include "projectdata.h"

#include <QHash>

#include <memory>

namespace jb {

// Every mapping of a project, compiled once: what a pipe's "map" step needs. Plans are immutable,
// so plan() may be called from any worker thread; each worker applies one through its own
// MappingRunner(plan, environment()).
class MappingCatalog final
{
public:
    // Mappings that do not resolve or compile are left out, each named in `problems`.
    static MappingCatalog build(const QList<EntityRecord> &entities, const QString &projectFolder,
        const QString &environment = {}, QStringList *problems = nullptr);

    std::shared_ptr<const MappingPlan> plan(const QString &id) const { return m_plans.value(id); }
    QStringList ids() const;
    QJsonObject environment() const { return m_environment; }

private:
    QHash<QString, std::shared_ptr<const MappingPlan>> m_plans;
    QJsonObject m_environment;
};

} // namespace jb
