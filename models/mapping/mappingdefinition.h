#pragma once

#include "core/result.h"
#include "mappingrule.h"

#include <QJsonObject>

namespace jb {

// A From-To between two contracts, as a "mapping" entity holds it (mappings/<id>.json):
//   {"id", "name", "sourceContract", "targetContract", "sourceDatabase", "sourceQuery",
//    "description", "rules": [MappingRule...]}
// The project schema knows the first keys; "rules" and "sourceQuery" are kept by the document as
// they are, and parsed here.
struct MappingDefinition
{
    QString id;
    QString name;
    QString description;
    QString sourceContract;
    QString targetContract;
    QString sourceDatabase; // a database entity's id: where preview rows and --db-query come from
    QString sourceQuery; // SQL for the preview rows (default: the source table, all columns)
    QList<MappingRule> rules;

    // Errors name the rule at fault ("rule 3 (phone): unknown transform ...").
    static Result<MappingDefinition> fromJson(const QJsonObject &entity);
    QJsonObject toJson() const;
    // `entity` with this definition's keys written over it; keys it does not know stay.
    QJsonObject applyTo(QJsonObject entity) const;

    qsizetype indexOfTarget(const QString &target) const;
    const MappingRule *ruleFor(const QString &target) const;
    bool operator==(const MappingDefinition &other) const = default;
};

} // namespace jb
