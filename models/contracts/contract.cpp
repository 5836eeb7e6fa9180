#include "contract.h"

#include "fieldpath.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

QStringList ContractField::types()
{
    return {u"string"_s, u"integer"_s, u"number"_s, u"boolean"_s, u"date"_s, u"datetime"_s, u"object"_s,
        u"array"_s};
}

ContractField ContractField::fromJson(const QJsonObject &object)
{
    ContractField field;
    field.name = object.value(u"name"_s).toString();
    field.type = object.value(u"type"_s).toString(u"string"_s);
    field.required = object.value(u"required"_s).toBool();
    field.format = object.value(u"format"_s).toString();
    const QJsonValue maxLength = object.value(u"maxLength"_s);
    if (maxLength.isDouble())
        field.maxLength = maxLength.toInt();
    else if (maxLength.isString() && !maxLength.toString().isEmpty())
        field.maxLength = maxLength.toString().toInt();
    for (const QJsonValue &value : object.value(u"enum"_s).toArray())
        field.enumValues.append(value.toVariant().toString());
    // examples are text in the dictionary; a number written by hand is read as its text
    const QJsonValue example = object.value(u"example"_s);
    field.example = example.isString() ? example.toString() : example.toVariant().toString();
    field.description = object.value(u"description"_s).toString();
    return field;
}

QJsonObject ContractField::toJson() const
{
    QJsonObject object{{u"name"_s, name}, {u"type"_s, type}};
    if (required)
        object.insert(u"required"_s, true);
    if (!format.isEmpty())
        object.insert(u"format"_s, format);
    if (maxLength)
        object.insert(u"maxLength"_s, *maxLength);
    if (!enumValues.isEmpty())
        object.insert(u"enum"_s, QJsonArray::fromStringList(enumValues));
    if (!example.isEmpty())
        object.insert(u"example"_s, example);
    if (!description.isEmpty())
        object.insert(u"description"_s, description);
    return object;
}

Contract Contract::fromJson(const QJsonObject &entity)
{
    Contract contract;
    contract.id = entity.value(u"id"_s).toString();
    contract.name = entity.value(u"name"_s).toString();
    contract.system = entity.value(u"system"_s).toString();
    contract.format = entity.value(u"format"_s).toString();
    contract.description = entity.value(u"description"_s).toString();
    for (const QJsonValue &value : entity.value(u"fields"_s).toArray())
        contract.fields.append(ContractField::fromJson(value.toObject()));
    for (const QJsonValue &value : entity.value(u"examples"_s).toArray()) {
        const QJsonObject example = value.toObject();
        contract.examples.append({example.value(u"name"_s).toString(),
            example.value(u"mediaType"_s).toString(), example.value(u"content"_s).toString()});
    }
    return contract;
}

QJsonObject Contract::toJson() const
{
    QJsonObject entity{{u"id"_s, id}, {u"name"_s, name}};
    if (!system.isEmpty())
        entity.insert(u"system"_s, system);
    if (!format.isEmpty())
        entity.insert(u"format"_s, format);
    if (!description.isEmpty())
        entity.insert(u"description"_s, description);
    QJsonArray fieldArray;
    for (const ContractField &field : fields)
        fieldArray.append(field.toJson());
    entity.insert(u"fields"_s, fieldArray);
    if (!examples.isEmpty()) {
        QJsonArray exampleArray;
        for (const ContractExample &example : examples) {
            QJsonObject object{{u"name"_s, example.name}, {u"content"_s, example.content}};
            if (!example.mediaType.isEmpty())
                object.insert(u"mediaType"_s, example.mediaType);
            exampleArray.append(object);
        }
        entity.insert(u"examples"_s, exampleArray);
    }
    return entity;
}

const ContractField *Contract::field(const QString &path) const
{
    const qsizetype index = indexOf(path);
    return index < 0 ? nullptr : &fields.at(index);
}

qsizetype Contract::indexOf(const QString &path) const
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (fields.at(i).name == path)
            return i;
    }
    return -1;
}

QStringList Contract::fieldNames() const
{
    QStringList names;
    names.reserve(fields.size());
    for (const ContractField &field : fields)
        names.append(field.name);
    return names;
}

QList<ContractField> Contract::withImplicitParents() const
{
    QList<ContractField> out;
    QStringList seen;
    const auto add = [&](const auto &self, const QString &path, const ContractField *declared) -> void {
        if (path.isEmpty() || seen.contains(path))
            return;
        const FieldPath parsed(path);
        const QString parent = parsed.parentText();
        if (!parent.isEmpty() && !seen.contains(parent)) {
            const ContractField *parentField = field(parent);
            self(self, parent, parentField);
        }
        seen.append(path);
        if (declared) {
            out.append(*declared);
            return;
        }
        ContractField implicit;
        implicit.name = path;
        // "items" is an array when a child path continues with "items[]"
        const bool isArray = std::any_of(fields.cbegin(), fields.cend(),
            [&](const ContractField &f) { return f.name.startsWith(path + u"[]"_s); });
        implicit.type = isArray ? u"array"_s : u"object"_s;
        out.append(implicit);
    };
    for (const ContractField &f : fields)
        add(add, f.name, &f);
    return out;
}

} // namespace jb
