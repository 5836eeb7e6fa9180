#include "mappingtable.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

MappingTable MappingTable::fromJson(const QJsonObject &object)
{
    MappingTable table;
    table.id = object.value(u"id"_s).toString();
    table.name = object.value(u"name"_s).toString();
    table.sourceSystem = object.value(u"source"_s).toString();
    table.targetSystem = object.value(u"target"_s).toString();
    for (const QJsonValue &value : object.value(u"rows"_s).toArray()) {
        const QJsonObject row = value.toObject();
        MappingRow mapping;
        mapping.sourceField = row.value(u"source"_s).toString();
        mapping.sourceType = row.value(u"sourceType"_s).toString();
        mapping.rule = row.value(u"rule"_s).toString();
        mapping.targetField = row.value(u"target"_s).toString();
        mapping.targetType = row.value(u"targetType"_s).toString();
        mapping.required = row.value(u"required"_s).toBool();
        mapping.exampleIn = row.value(u"exampleIn"_s).toVariant().toString();
        mapping.exampleOut = row.value(u"exampleOut"_s).toVariant().toString();
        table.rows.append(mapping);
    }
    for (const QJsonValue &gap : object.value(u"gaps"_s).toArray())
        table.gaps.append(gap.toString());
    return table;
}

QJsonObject MappingTable::toJson() const
{
    QJsonArray array;
    for (const MappingRow &row : rows) {
        array.append(QJsonObject{{u"source"_s, row.sourceField}, {u"sourceType"_s, row.sourceType},
            {u"rule"_s, row.rule}, {u"target"_s, row.targetField}, {u"targetType"_s, row.targetType},
            {u"required"_s, row.required}, {u"exampleIn"_s, row.exampleIn},
            {u"exampleOut"_s, row.exampleOut}});
    }
    return QJsonObject{{u"id"_s, id}, {u"name"_s, name}, {u"source"_s, sourceSystem},
        {u"target"_s, targetSystem}, {u"rows"_s, array}, {u"gaps"_s, QJsonArray::fromStringList(gaps)}};
}

} // namespace jb
