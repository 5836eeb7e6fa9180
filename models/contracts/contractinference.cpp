#include "contractinference.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString jsonType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return u"boolean"_s;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return number == static_cast<double>(static_cast<qint64>(number)) ? u"integer"_s : u"number"_s;
    }
    case QJsonValue::String: {
        const QString type = ContractInference::typeOfText(value.toString());
        return type == u"date" || type == u"datetime" ? type : u"string"_s;
    }
    case QJsonValue::Array:
        return u"array"_s;
    case QJsonValue::Object:
        return u"object"_s;
    default:
        return u"string"_s;
    }
}

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble() || value.isBool())
        return value.toVariant().toString();
    return {};
}

class Inferrer final
{
public:
    explicit Inferrer(const OrderedJson &document)
        : m_document(document)
    { }

    QList<ContractField> fields;

    void value(const QString &path, const QJsonValue &value, const QString &pointer, bool required)
    {
        ContractField *field = find(path);
        if (!field) {
            ContractField created;
            created.name = path;
            created.type = jsonType(value);
            created.required = required && !value.isNull();
            created.example = scalarText(value);
            fields.append(created);
            field = &fields.last();
        } else {
            // a later element: a null or missing value makes it optional; a clash of types is text
            if (value.isNull())
                field->required = false;
            else if (field->type != jsonType(value)) {
                const bool numbers = (field->type == u"integer" && jsonType(value) == u"number")
                    || (field->type == u"number" && jsonType(value) == u"integer");
                field->type = numbers ? u"number"_s : u"string"_s;
            }
            if (field->example.isEmpty())
                field->example = scalarText(value);
        }
        descend(path, value, pointer);
    }

    void descend(const QString &path, const QJsonValue &value, const QString &pointer)
    {
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (const QString &key : m_document.keys(pointer, object))
                this->value(join(path, key), object.value(key), OrderedJson::child(pointer, key), true);
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            const QString element = path + u"[]"_s;
            QHash<QString, int> seen; // how many object elements had each key
            int objects = 0;
            for (qsizetype i = 0; i < array.size(); ++i) {
                const QJsonValue item = array.at(i);
                const QString itemPointer = OrderedJson::child(pointer, i);
                if (item.isObject()) {
                    ++objects;
                    const QJsonObject object = item.toObject();
                    for (const QString &key : m_document.keys(itemPointer, object)) {
                        ++seen[join(element, key)];
                        this->value(join(element, key), object.value(key),
                            OrderedJson::child(itemPointer, key), true);
                    }
                } else {
                    this->value(element, item, itemPointer, false);
                }
            }
            // required only if every element has it
            for (ContractField &field : fields) {
                const auto count = seen.constFind(field.name);
                if (count != seen.constEnd() && *count < objects)
                    field.required = false;
            }
        }
    }

private:
    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + u'.' + key;
    }

    ContractField *find(const QString &path)
    {
        for (ContractField &field : fields) {
            if (field.name == path)
                return &field;
        }
        return nullptr;
    }

    const OrderedJson &m_document;
};

// An XML element as a JSON-like tree, keeping the order of first appearance.
struct XmlNode
{
    QString name;
    QString text;
    QList<std::pair<QString, QString>> attributes;
    QList<XmlNode> children;
};

void addXmlFields(QList<ContractField> &fields, const QString &prefix, const XmlNode &node)
{
    const auto join
        = [](const QString &path, const QString &key) { return path.isEmpty() ? key : path + u'.' + key; };
    for (const auto &[name, value] : node.attributes) {
        ContractField field;
        field.name = join(prefix, u'@' + name);
        field.type = ContractInference::typeOfText(value);
        field.required = true;
        field.example = value;
        fields.append(field);
    }
    QStringList order;
    QHash<QString, QList<const XmlNode *>> byName;
    for (const XmlNode &child : node.children) {
        if (!byName.contains(child.name))
            order.append(child.name);
        byName[child.name].append(&child);
    }
    for (const QString &name : std::as_const(order)) {
        const QList<const XmlNode *> &same = byName[name];
        const bool repeated = same.size() > 1;
        const XmlNode &first = *same.constFirst();
        const bool container = !first.children.isEmpty() || !first.attributes.isEmpty();
        ContractField field;
        field.name = join(prefix, name);
        field.required = true;
        if (repeated) {
            field.type = u"array"_s;
            fields.append(field);
            const QString element = field.name + u"[]"_s;
            if (container) {
                // every occurrence contributes its fields, listed once
                for (const XmlNode *occurrence : same) {
                    QList<ContractField> more;
                    addXmlFields(more, element, *occurrence);
                    for (const ContractField &candidate : std::as_const(more)) {
                        const bool known = std::any_of(fields.cbegin(), fields.cend(),
                            [&](const ContractField &f) { return f.name == candidate.name; });
                        if (!known)
                            fields.append(candidate);
                    }
                }
            } else {
                ContractField item;
                item.name = element;
                item.type = ContractInference::typeOfText(first.text);
                item.example = first.text;
                fields.append(item);
            }
        } else if (container) {
            field.type = u"object"_s;
            fields.append(field);
            addXmlFields(fields, field.name, first);
        } else {
            field.type = ContractInference::typeOfText(first.text);
            field.example = first.text;
            field.required = !first.text.isEmpty();
            fields.append(field);
        }
    }
}

} // namespace

QString ContractInference::typeOfText(const QString &text)
{
    static const QRegularExpression integer(u"^-?(0|[1-9][0-9]{0,17})$"_s);
    static const QRegularExpression number(u"^-?(0|[1-9][0-9]*)\\.[0-9]+$"_s);
    static const QRegularExpression date(u"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"_s);
    static const QRegularExpression dateTime(
        u"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?$"_s);
    if (integer.match(text).hasMatch())
        return u"integer"_s;
    if (number.match(text).hasMatch())
        return u"number"_s;
    if (text == u"true" || text == u"false")
        return u"boolean"_s;
    if (date.match(text).hasMatch())
        return u"date"_s;
    if (dateTime.match(text).hasMatch())
        return u"datetime"_s;
    return u"string"_s;
}

QList<ContractField> ContractInference::fieldsOf(const OrderedJson &document, const QString &pointer)
{
    Inferrer inferrer(document);
    const QJsonValue value = document.at(pointer);
    if (value.isArray())
        inferrer.descend(QString(), value, pointer);
    else
        inferrer.descend(QString(), value, pointer);
    return inferrer.fields;
}

Result<Contract> ContractInference::fromJson(const QByteArray &text)
{
    Result<OrderedJson> parsed = OrderedJson::parse(text);
    if (!parsed)
        return parsed.error();
    const QJsonValue root = parsed.value().root;
    if (!root.isObject() && !root.isArray())
        return Result<Contract>::failure(Error::Code::Parse, u"the example is not a JSON object or array"_s);
    Contract contract;
    contract.format = u"json"_s;
    contract.fields = fieldsOf(parsed.value(), QString());
    // a root array is written "[]": its elements' fields are "[].x"
    contract.examples.append({u"Example"_s, u"application/json"_s, QString::fromUtf8(text).trimmed()});
    return contract;
}

Result<Contract> ContractInference::fromXml(const QByteArray &text)
{
    QXmlStreamReader reader(text);
    QList<XmlNode> stack;
    XmlNode root;
    bool haveRoot = false;
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            XmlNode node;
            node.name = reader.name().toString();
            for (const QXmlStreamAttribute &attribute : reader.attributes())
                node.attributes.append({attribute.name().toString(), attribute.value().toString()});
            stack.append(node);
        } else if (token == QXmlStreamReader::Characters && !stack.isEmpty()) {
            stack.last().text += reader.text().toString();
        } else if (token == QXmlStreamReader::EndElement && !stack.isEmpty()) {
            XmlNode done = stack.takeLast();
            done.text = done.text.trimmed();
            if (stack.isEmpty()) {
                root = done;
                haveRoot = true;
            } else {
                stack.last().children.append(done);
            }
        }
    }
    if (reader.hasError())
        return Result<Contract>::failure(Error::Code::Parse,
            u"line %1, column %2: %3"_s.arg(reader.lineNumber())
                .arg(reader.columnNumber())
                .arg(reader.errorString()));
    if (!haveRoot)
        return Result<Contract>::failure(Error::Code::Parse, u"the example has no XML element"_s);
    Contract contract;
    contract.format = u"xml"_s;
    contract.name = root.name;
    addXmlFields(contract.fields, QString(), root);
    contract.examples.append({u"Example"_s, u"application/xml"_s, QString::fromUtf8(text).trimmed()});
    return contract;
}

Result<Contract> ContractInference::fromExample(const QByteArray &text)
{
    const QByteArray trimmed = text.trimmed();
    if (trimmed.startsWith('<'))
        return fromXml(text);
    return fromJson(text);
}

} // namespace jb
