#include "mappingproject.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

const EntityRecord *ResolvedMapping::find(
    const QList<EntityRecord> &entities, const QString &kind, const QString &id)
{
    for (const EntityRecord &record : entities) {
        if (record.kind == kind && record.id() == id)
            return &record;
    }
    return nullptr;
}

Result<ResolvedMapping> ResolvedMapping::resolve(
    const ProjectData &project, const QString &mappingId, const QString &environment)
{
    const EntityRecord *mapping = find(project.entities, u"mapping"_s, mappingId);
    if (!mapping) {
        QStringList known;
        for (const EntityRecord &record : project.entities) {
            if (record.kind == u"mapping")
                known.append(record.id());
        }
        return Result<ResolvedMapping>::failure(Error::Code::Reference,
            u"no mapping with the id %1 (the project has: %2)"_s.arg(
                mappingId, known.isEmpty() ? u"none"_s : known.join(u", "_s)));
    }
    return resolve(project.entities, project.folder, mapping->data, environment);
}

Result<ResolvedMapping> ResolvedMapping::resolve(const QList<EntityRecord> &entities,
    const QString &projectFolder, const QJsonObject &mappingEntity, const QString &environment)
{
    using Resolved = Result<ResolvedMapping>;
    Result<MappingDefinition> definition = MappingDefinition::fromJson(mappingEntity);
    if (!definition)
        return definition.error();
    ResolvedMapping resolved;
    resolved.definition = std::move(definition).value();
    const QString id = resolved.definition.id;
    const auto contract = [&](const QString &which, const QString &contractId) -> Result<Contract> {
        if (contractId.isEmpty())
            return Result<Contract>::failure(
                Error::Code::Reference, u"mapping %1 names no %2 contract"_s.arg(id, which));
        const EntityRecord *record = find(entities, u"contract"_s, contractId);
        if (!record)
            return Result<Contract>::failure(Error::Code::Reference,
                u"mapping %1: %2 contract %3 does not exist"_s.arg(id, which, contractId));
        return Contract::fromJson(record->data);
    };
    Result<Contract> source = contract(u"source"_s, resolved.definition.sourceContract);
    if (!source)
        return source.error();
    Result<Contract> target = contract(u"target"_s, resolved.definition.targetContract);
    if (!target)
        return target.error();
    resolved.source = std::move(source).value();
    resolved.target = std::move(target).value();
    if (!resolved.definition.sourceDatabase.isEmpty()) {
        const EntityRecord *database = find(entities, u"database"_s, resolved.definition.sourceDatabase);
        if (!database)
            return Resolved::failure(Error::Code::Reference,
                u"mapping %1: database %2 does not exist"_s.arg(id, resolved.definition.sourceDatabase));
        resolved.database = DatabaseSpec::fromEntity(database->data, projectFolder);
        resolved.sourceTable = database->data.value(u"tables"_s).toArray().first().toString();
    }
    if (!environment.isEmpty()) {
        const EntityRecord *env = find(entities, u"environment"_s, environment);
        if (!env)
            return Resolved::failure(
                Error::Code::Reference, u"no environment with the id %1"_s.arg(environment));
        for (const QJsonValue &variable : env->data.value(u"variables"_s).toArray()) {
            const QJsonObject v = variable.toObject();
            resolved.environment.insert(v.value(u"name"_s).toString(), v.value(u"value"_s));
        }
    }
    return resolved;
}

QString ResolvedMapping::sourceSql() const
{
    if (!definition.sourceQuery.trimmed().isEmpty())
        return definition.sourceQuery;
    if (!database || sourceTable.isEmpty())
        return {};
    QStringList columns;
    for (const ContractField &field : source.fields) {
        if (!field.name.contains(u'.') && !field.name.contains(u'['))
            columns.append(field.name);
    }
    return u"SELECT %1 FROM %2"_s.arg(columns.isEmpty() ? u"*"_s : columns.join(u", "_s), sourceTable);
}

} // namespace jb
