#include "schemaflattener.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int maxFlattenDepth = 40;
constexpr int maxRefHops = 32;

QString joinPath(const QString &prefix, const QString &name)
{
    return prefix.isEmpty() ? name : prefix + u'.' + name;
}

QString exampleText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
    case QJsonValue::Bool:
        return value.toVariant().toString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

QString declaredType(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(u"type"_s);
    if (type.isString())
        return type.toString();
    for (const QJsonValue &candidate : type.toArray()) {
        if (candidate.toString() != u"null")
            return candidate.toString();
    }
    return {};
}

} // namespace

SchemaFlattener::SchemaFlattener(const OrderedJson &document)
    : m_document(document)
{ }

void SchemaFlattener::warn(const QString &text)
{
    if (!m_warnings.contains(text))
        m_warnings.append(text);
}

SchemaFlattener::Resolved SchemaFlattener::resolve(const QJsonValue &schema, const QString &pointer)
{
    Resolved resolved;
    resolved.schema = schema.toObject();
    resolved.pointer = pointer;
    QString description = resolved.schema.value(u"description"_s).toString();
    for (int hop = 0; hop < maxRefHops; ++hop) {
        const QJsonValue ref = resolved.schema.value(u"$ref"_s);
        if (ref.isString()) {
            const QString text = ref.toString();
            if (!text.startsWith(u'#')) {
                warn(u"%1: only local $refs are followed, not %2"_s.arg(resolved.pointer, text));
                resolved.schema.remove(u"$ref"_s);
                return resolved;
            }
            const QString target = QUrl::fromPercentEncoding(text.mid(1).toUtf8());
            if (m_stack.contains(target) || resolved.refs.contains(target)) {
                resolved.recursiveRef = text;
                return resolved;
            }
            const QJsonValue next = m_document.at(target);
            if (!next.isObject()) {
                warn(u"%1: $ref %2 leads nowhere"_s.arg(resolved.pointer, text));
                resolved.schema.remove(u"$ref"_s);
                return resolved;
            }
            resolved.refs.append(target);
            resolved.pointer = target;
            resolved.schema = next.toObject();
            // OpenAPI ignores a $ref's siblings, but a description beside it is worth keeping
            if (!description.isEmpty() && !resolved.schema.contains(u"description"_s))
                resolved.schema.insert(u"description"_s, description);
            if (description.isEmpty())
                description = resolved.schema.value(u"description"_s).toString();
            continue;
        }
        for (const QString &key : {u"oneOf"_s, u"anyOf"_s}) {
            const QJsonArray alternatives = resolved.schema.value(key).toArray();
            if (alternatives.isEmpty() || resolved.schema.contains(u"type"_s)
                || resolved.schema.contains(u"properties"_s))
                continue;
            warn(u"%1: %2 reduced to its first alternative"_s.arg(resolved.pointer, key));
            const QString base = resolved.pointer;
            resolved.schema = alternatives.first().toObject();
            resolved.pointer = OrderedJson::child(OrderedJson::child(base, key), 0);
            break;
        }
        if (!resolved.schema.contains(u"$ref"_s))
            return resolved;
    }
    warn(u"%1: too many $ref hops"_s.arg(pointer));
    return resolved;
}

void SchemaFlattener::collect(
    const Resolved &schema, QList<Property> &properties, QStringList &required, int depth)
{
    if (depth > maxFlattenDepth)
        return;
    const QJsonObject own = schema.schema.value(u"properties"_s).toObject();
    const QString ownPointer = OrderedJson::child(schema.pointer, u"properties"_s);
    QStringList order;
    const QJsonArray declared = schema.schema.value(u"x-propertyOrder"_s).toArray();
    for (const QJsonValue &key : declared) {
        if (own.contains(key.toString()))
            order.append(key.toString());
    }
    for (const QString &key : m_document.keys(ownPointer, own)) {
        if (!order.contains(key))
            order.append(key);
    }
    for (const QString &key : std::as_const(order)) {
        const bool known = std::any_of(
            properties.cbegin(), properties.cend(), [&](const Property &p) { return p.name == key; });
        if (!known)
            properties.append({key, own.value(key), OrderedJson::child(ownPointer, key)});
    }
    for (const QJsonValue &name : schema.schema.value(u"required"_s).toArray()) {
        if (!required.contains(name.toString()))
            required.append(name.toString());
    }
    const QJsonArray members = schema.schema.value(u"allOf"_s).toArray();
    for (qsizetype i = 0; i < members.size(); ++i) {
        const Resolved member
            = resolve(members.at(i), OrderedJson::child(OrderedJson::child(schema.pointer, u"allOf"_s), i));
        if (!member.recursiveRef.isEmpty())
            continue;
        collect(member, properties, required, depth + 1);
    }
}

QString SchemaFlattener::typeOf(const Resolved &schema, int depth)
{
    QString type = declaredType(schema.schema);
    if (!type.isEmpty())
        return type;
    if (schema.schema.contains(u"properties"_s))
        return u"object"_s;
    if (schema.schema.contains(u"items"_s))
        return u"array"_s;
    const QJsonArray members = schema.schema.value(u"allOf"_s).toArray();
    for (qsizetype i = 0; i < members.size() && depth < maxFlattenDepth; ++i) {
        const Resolved member = resolve(members.at(i), schema.pointer);
        if (!member.recursiveRef.isEmpty())
            continue;
        type = typeOf(member, depth + 1);
        if (!type.isEmpty())
            return type;
    }
    return {};
}

ContractField SchemaFlattener::fieldOf(const QJsonObject &schema, const QString &name, bool required) const
{
    ContractField field;
    field.name = name;
    field.required = required;
    QString type = declaredType(schema);
    if (type.isEmpty()) {
        if (schema.contains(u"properties"_s) || schema.contains(u"allOf"_s))
            type = u"object"_s;
        else if (schema.contains(u"items"_s))
            type = u"array"_s;
        else
            type = u"string"_s;
    }
    const QString format = schema.value(u"format"_s).toString();
    if (type == u"string" && format == u"date")
        type = u"date"_s;
    else if (type == u"string" && format == u"date-time")
        type = u"datetime"_s;
    else if (type == u"null" || !ContractField::types().contains(type))
        type = u"string"_s;
    field.type = type;
    field.format = schema.value(u"pattern"_s).toString();
    if (schema.value(u"maxLength"_s).isDouble())
        field.maxLength = schema.value(u"maxLength"_s).toInt();
    for (const QJsonValue &value : schema.value(u"enum"_s).toArray()) {
        if (!value.isNull())
            field.enumValues.append(exampleText(value));
    }
    QJsonValue example = schema.value(u"example"_s);
    if (example.isUndefined()) {
        const QJsonValue examples = schema.value(u"examples"_s);
        if (examples.isArray())
            example = examples.toArray().first();
        else if (examples.isObject() && !examples.toObject().isEmpty()) // OpenAPI's named examples
            example = examples.toObject().begin()->toObject().value(u"value"_s);
    }
    field.example = exampleText(example);
    field.description = schema.value(u"description"_s).toString();
    if (field.description.isEmpty())
        field.description = schema.value(u"title"_s).toString();
    return field;
}

void SchemaFlattener::walkProperties(const Resolved &schema, const QString &prefix, int depth)
{
    if (depth > maxFlattenDepth) {
        warn(u"%1: nested deeper than %2 levels; the rest is left out"_s.arg(schema.pointer)
                 .arg(maxFlattenDepth));
        return;
    }
    QList<Property> properties;
    QStringList required;
    collect(schema, properties, required, depth);
    for (const Property &property : std::as_const(properties)) {
        const Resolved child = resolve(property.schema, property.pointer);
        const QString path = joinPath(prefix, property.name);
        if (!child.recursiveRef.isEmpty()) {
            ContractField field = fieldOf(child.schema, path, required.contains(property.name));
            if (field.type == u"string")
                field.type = u"object"_s;
            field.description = u"recursive: %1 (not expanded)"_s.arg(child.recursiveRef);
            m_fields.append(field);
            continue;
        }
        ContractField field = fieldOf(child.schema, path, required.contains(property.name));
        // the type may only be stated inside an allOf member
        const QString deepType = typeOf(child, depth);
        if (field.type == u"string" && deepType != u"string" && ContractField::types().contains(deepType))
            field.type = deepType;
        m_fields.append(field);
        m_stack.append(child.refs);
        descend(child, path, depth + 1);
        m_stack.resize(m_stack.size() - child.refs.size());
    }
}

void SchemaFlattener::descend(const Resolved &schema, const QString &path, int depth)
{
    const QString type = typeOf(schema, depth);
    if (type == u"object") {
        walkProperties(schema, path, depth);
        return;
    }
    if (type != u"array" || !schema.schema.contains(u"items"_s))
        return;
    const Resolved items
        = resolve(schema.schema.value(u"items"_s), OrderedJson::child(schema.pointer, u"items"_s));
    const QString element = path + u"[]"_s;
    if (!items.recursiveRef.isEmpty()) {
        ContractField field = fieldOf(items.schema, element, false);
        field.type = u"object"_s;
        field.description = u"recursive: %1 (not expanded)"_s.arg(items.recursiveRef);
        m_fields.append(field);
        return;
    }
    const QString itemType = typeOf(items, depth);
    m_stack.append(items.refs);
    if (itemType == u"object") {
        walkProperties(items, element, depth);
    } else if (!itemType.isEmpty()) {
        ContractField field = fieldOf(items.schema, element, false);
        m_fields.append(field);
        if (itemType == u"array")
            descend(items, element, depth + 1);
    }
    m_stack.resize(m_stack.size() - items.refs.size());
}

QList<ContractField> SchemaFlattener::flatten(const QString &pointer)
{
    m_fields.clear();
    m_stack.clear();
    const Resolved root = resolve(m_document.at(pointer), pointer);
    if (!root.recursiveRef.isEmpty())
        return {};
    // a schema that refers to itself (Contact.referredBy) is recursive from its first level
    if (!pointer.isEmpty())
        m_stack.append(pointer);
    m_stack.append(root.refs);
    const QString type = typeOf(root, 0);
    if (type == u"array")
        descend(root, QString(), 0);
    else
        walkProperties(root, QString(), 0);
    return m_fields;
}

} // namespace jb
