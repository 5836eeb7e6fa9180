#include "kindspec.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {
const FieldSpec *findIn(const QList<FieldSpec> &fields, const QString &key)
{
    for (const FieldSpec &field : fields) {
        if (field.key == key)
            return &field;
    }
    return nullptr;
}
} // namespace

const FieldSpec *KindSpec::field(const QString &key) const
{
    return findIn(fields, key);
}

const FieldSpec *KindSpec::fieldAtPath(const QStringList &keys) const
{
    const QList<FieldSpec> *level = &fields;
    const FieldSpec *found = nullptr;
    for (const QString &key : keys) {
        if (!level)
            return nullptr;
        found = findIn(*level, key);
        if (!found)
            return nullptr;
        level = found->type == FieldType::ObjectList ? &found->itemFields : nullptr;
    }
    return found;
}

QStringList KindSpec::keyOrder(const QString &schemaPath) const
{
    const QList<FieldSpec> *level = &fields;
    if (!schemaPath.isEmpty()) {
        const FieldSpec *list = fieldAtPath(schemaPath.split(u'/'));
        if (!list || list->type != FieldType::ObjectList)
            return {};
        level = &list->itemFields;
    }
    QStringList keys;
    for (const FieldSpec &field : *level)
        keys.append(field.key);
    return keys;
}

bool KindSpec::matches(const QJsonObject &object) const
{
    if (discriminatorKey.isEmpty())
        return true;
    return discriminatorValues.contains(object.value(discriminatorKey).toString());
}

QString KindSpec::discriminatorOf(const QJsonObject &object) const
{
    return discriminatorKey.isEmpty() ? QString() : object.value(discriminatorKey).toString();
}

QList<FieldSpec> KindSpec::columnFields() const
{
    QList<FieldSpec> columns;
    for (const FieldSpec &field : fields) {
        if (field.type != FieldType::ObjectList && field.type != FieldType::LongText)
            columns.append(field);
    }
    return columns;
}

QList<FieldSpec> KindSpec::objectListFields() const
{
    QList<FieldSpec> lists;
    for (const FieldSpec &field : fields) {
        if (field.type == FieldType::ObjectList)
            lists.append(field);
    }
    return lists;
}

} // namespace jb
