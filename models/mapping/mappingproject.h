#pragma once

#include "contract.h"
#include "core/result.h"
#include "databaseconnection.h"
#include "mappingdefinition.h"
#include "projectdata.h"

#include <optional>

namespace jb {

// A mapping entity with everything it refers to, looked up in a project: its definition, both
// contracts, the source database (if it names one) and an environment's variables.
struct ResolvedMapping
{
    MappingDefinition definition;
    Contract source;
    Contract target;
    std::optional<DatabaseSpec> database; // the password is not filled in
    QString sourceTable; // the database's first table, for the default query
    QJsonObject environment; // variable name -> value (env in JavaScript transforms)

    // Errors name what is missing ("mapping customers: target contract portal-customerx does not exist").
    static Result<ResolvedMapping> resolve(
        const ProjectData &project, const QString &mappingId, const QString &environment = {});
    static Result<ResolvedMapping> resolve(const QList<EntityRecord> &entities, const QString &projectFolder,
        const QJsonObject &mappingEntity, const QString &environment = {});
    // The SQL that reads sample rows: the mapping's sourceQuery, else the source contract's columns
    // from the database's first table; empty when there is no database.
    QString sourceSql() const;

    static const EntityRecord *find(
        const QList<EntityRecord> &entities, const QString &kind, const QString &id);
};

} // namespace jb
