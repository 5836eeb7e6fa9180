#include "mappingdefinition.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

Result<MappingDefinition> MappingDefinition::fromJson(const QJsonObject &entity)
{
    MappingDefinition definition;
    definition.id = entity.value(u"id"_s).toString();
    definition.name = entity.value(u"name"_s).toString();
    definition.description = entity.value(u"description"_s).toString();
    definition.sourceContract = entity.value(u"sourceContract"_s).toString();
    definition.targetContract = entity.value(u"targetContract"_s).toString();
    definition.sourceDatabase = entity.value(u"sourceDatabase"_s).toString();
    definition.sourceQuery = entity.value(u"sourceQuery"_s).toString();
    const QJsonValue rules = entity.value(u"rules"_s);
    if (!rules.isUndefined() && !rules.isArray())
        return Result<MappingDefinition>::failure(
            Error::Code::Schema, u"mapping %1: \"rules\" is a list"_s.arg(definition.id));
    const QJsonArray list = rules.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        Result<MappingRule> rule = MappingRule::fromJson(list.at(i).toObject());
        if (!rule)
            return Result<MappingDefinition>::failure(Error::Code::Schema,
                u"mapping %1, rule %2: %3"_s.arg(definition.id).arg(i + 1).arg(rule.errorString()));
        definition.rules.append(std::move(rule).value());
    }
    return definition;
}

QJsonObject MappingDefinition::toJson() const
{
    return applyTo(QJsonObject());
}

QJsonObject MappingDefinition::applyTo(QJsonObject entity) const
{
    const auto put = [&entity](const QString &key, const QString &value) {
        if (value.isEmpty())
            entity.remove(key);
        else
            entity.insert(key, value);
    };
    put(u"id"_s, id);
    put(u"name"_s, name);
    put(u"description"_s, description);
    put(u"sourceContract"_s, sourceContract);
    put(u"targetContract"_s, targetContract);
    put(u"sourceDatabase"_s, sourceDatabase);
    put(u"sourceQuery"_s, sourceQuery);
    QJsonArray list;
    for (const MappingRule &rule : rules)
        list.append(rule.toJson());
    entity.insert(u"rules"_s, list);
    return entity;
}

qsizetype MappingDefinition::indexOfTarget(const QString &target) const
{
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (rules.at(i).target == target)
            return i;
    }
    return -1;
}

const MappingRule *MappingDefinition::ruleFor(const QString &target) const
{
    const qsizetype index = indexOfTarget(target);
    return index < 0 ? nullptr : &rules.at(index);
}

} // namespace jb
