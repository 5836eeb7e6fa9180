#include "contractschema.h"

#include "fieldpath.h"
#include "schemaflattener.h"

#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// An example or enum value in the JSON type the field declares; text when it does not parse, or
// when the number would not read back the same ("349.90" stays text: the contract said so).
QJsonValue typed(const QString &text, const QString &type)
{
    bool ok = false;
    if (type == u"integer") {
        const qint64 number = text.toLongLong(&ok);
        if (ok && QString::number(number) == text)
            return number;
    } else if (type == u"number") {
        const double number = text.toDouble(&ok);
        if (ok && QString::number(number, 'g', QLocale::FloatingPointShortest) == text)
            return number;
    } else if (type == u"boolean") {
        if (text == u"true")
            return true;
        if (text == u"false")
            return false;
    }
    return text;
}

class SchemaBuilder final
{
public:
    explicit SchemaBuilder(const Contract &contract)
        : m_fields(contract.withImplicitParents())
    { }

    QJsonObject field(const ContractField &field) const
    {
        QJsonObject schema;
        if (field.type == u"date") {
            schema.insert(u"type"_s, u"string"_s);
            schema.insert(u"format"_s, u"date"_s);
        } else if (field.type == u"datetime") {
            schema.insert(u"type"_s, u"string"_s);
            schema.insert(u"format"_s, u"date-time"_s);
        } else {
            schema.insert(u"type"_s, field.type);
        }
        if (!field.format.isEmpty())
            schema.insert(u"pattern"_s, field.format);
        if (field.maxLength)
            schema.insert(u"maxLength"_s, *field.maxLength);
        if (!field.enumValues.isEmpty()) {
            QJsonArray values;
            for (const QString &value : field.enumValues)
                values.append(typed(value, field.type));
            schema.insert(u"enum"_s, values);
        }
        if (!field.example.isEmpty() && !field.isContainer())
            schema.insert(u"examples"_s, QJsonArray{typed(field.example, field.type)});
        if (!field.description.isEmpty())
            schema.insert(u"description"_s, field.description);
        if (field.type == u"object")
            addProperties(schema, field.name, {});
        else if (field.type == u"array")
            addItems(schema, field.name);
        return schema;
    }

    void addProperties(QJsonObject &schema, const QString &parent, const QString &excluded) const
    {
        QJsonObject properties;
        QJsonArray required;
        QJsonArray order;
        for (const ContractField &kid : m_fields) {
            if (kid.name == excluded || FieldPath(kid.name).parentText() != parent)
                continue;
            // "[]" and "tags[]" are elements, not properties
            if (kid.name.endsWith(u"[]"))
                continue;
            const QString key = FieldPath(kid.name).leafKey();
            properties.insert(key, field(kid));
            order.append(key);
            if (kid.required)
                required.append(key);
        }
        if (properties.isEmpty())
            return;
        schema.insert(u"properties"_s, properties);
        if (!required.isEmpty())
            schema.insert(u"required"_s, required);
        if (order.size() > 1)
            schema.insert(u"x-propertyOrder"_s, order);
    }

    void addItems(QJsonObject &schema, const QString &array) const
    {
        const QString elementPath = array + u"[]"_s;
        const auto declared = std::find_if(m_fields.cbegin(), m_fields.cend(),
            [&](const ContractField &f) { return f.name == elementPath; });
        QJsonObject items;
        if (declared != m_fields.cend() && declared->type != u"object") {
            items = field(*declared);
        } else {
            if (declared != m_fields.cend())
                items = field(*declared);
            else
                items.insert(u"type"_s, u"object"_s);
            addProperties(items, array, elementPath);
            if (declared == m_fields.cend() && !items.contains(u"properties"_s))
                return; // an array nothing is known about
        }
        schema.insert(u"items"_s, items);
    }

    QJsonObject root(const Contract &contract) const
    {
        QJsonObject schema{{u"$schema"_s, QString(ContractSchema::draft07)}};
        if (!contract.id.isEmpty())
            schema.insert(u"x-contractId"_s, contract.id);
        if (!contract.name.isEmpty())
            schema.insert(u"title"_s, contract.name);
        if (!contract.description.isEmpty())
            schema.insert(u"description"_s, contract.description);
        const bool isArray = std::any_of(m_fields.cbegin(), m_fields.cend(),
            [](const ContractField &f) { return f.name.startsWith(u"[]"); });
        if (isArray) {
            schema.insert(u"type"_s, u"array"_s);
            addItems(schema, QString());
        } else {
            schema.insert(u"type"_s, u"object"_s);
            addProperties(schema, QString(), {});
        }
        return schema;
    }

private:
    QList<ContractField> m_fields;
};

} // namespace

QJsonObject ContractSchema::toJsonSchema(const Contract &contract)
{
    return SchemaBuilder(contract).root(contract);
}

Result<Contract> ContractSchema::fromJsonSchema(const QJsonObject &schema, QStringList *warnings)
{
    const QJsonValue type = schema.value(u"type"_s);
    if (!type.isUndefined() && type != u"object"_s && type != u"array"_s)
        return Result<Contract>::failure(Error::Code::Schema,
            u"a contract describes an object or an array of objects, not a %1"_s.arg(
                type.toVariant().toString()));
    const OrderedJson document = OrderedJson::fromValue(schema);
    SchemaFlattener flattener(document);
    Contract contract;
    contract.name = schema.value(u"title"_s).toString();
    contract.id = schema.value(u"x-contractId"_s).toString();
    if (contract.id.isEmpty())
        contract.id = slug(contract.name);
    contract.description = schema.value(u"description"_s).toString();
    contract.format = u"json"_s;
    contract.fields = flattener.flatten(QString());
    if (warnings)
        *warnings += flattener.warnings();
    return contract;
}

QString ContractSchema::slug(const QString &name)
{
    QString out;
    QChar previous;
    for (const QChar c : name.normalized(QString::NormalizationForm_D)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c.isUpper() && previous.isLower())
            out += u'-';
        if (c.isLetterOrNumber() && c.unicode() < 128)
            out += c.toLower();
        else if (!out.endsWith(u'-'))
            out += u'-';
        previous = c;
    }
    while (out.startsWith(u'-'))
        out.remove(0, 1);
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.isEmpty() ? u"contract"_s : out;
}

} // namespace jb
