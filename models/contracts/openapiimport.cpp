#include "openapiimport.h"

#include "contractinference.h"
#include "contractschema.h"
#include "orderedjson.h"
#include "schemaflattener.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QStringList methods
    = {u"get"_s, u"put"_s, u"post"_s, u"delete"_s, u"options"_s, u"head"_s, u"patch"_s, u"trace"_s};

QString prettyJson(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)).trimmed();
    return value.toVariant().toString();
}

class Importer final
{
public:
    explicit Importer(OrderedJson document)
        : m_document(std::move(document))
    { }

    QList<ImportedContract> contracts;
    QStringList warnings;

    // Follows a chain of $refs of a non-schema object (parameter, request body, response).
    std::pair<QJsonObject, QString> follow(const QJsonValue &value, QString pointer)
    {
        QJsonObject object = value.toObject();
        for (int hop = 0; hop < 16 && object.contains(u"$ref"_s); ++hop) {
            const QString ref = object.value(u"$ref"_s).toString();
            if (!ref.startsWith(u'#')) {
                warnings.append(u"%1: only local $refs are followed, not %2"_s.arg(pointer, ref));
                return {{}, pointer};
            }
            pointer = QUrl::fromPercentEncoding(ref.mid(1).toUtf8());
            object = m_document.at(pointer).toObject();
        }
        return {object, pointer};
    }

    void schemas()
    {
        const QString base = u"/components/schemas"_s;
        const QJsonObject all = m_document.at(base).toObject();
        for (const QString &name : m_document.keys(base, all)) {
            const QString pointer = OrderedJson::child(base, name);
            SchemaFlattener flattener(m_document);
            ImportedContract imported;
            imported.contract.id = ContractSchema::slug(name);
            imported.contract.name = name;
            imported.contract.format = u"json"_s;
            const QJsonObject schema = all.value(name).toObject();
            imported.contract.description = schema.value(u"description"_s).toString();
            imported.contract.fields = flattener.flatten(pointer);
            if (schema.contains(u"example"_s))
                imported.contract.examples.append(
                    {u"Example"_s, u"application/json"_s, prettyJson(schema.value(u"example"_s))});
            imported.origin = u"#"_s + pointer;
            warnings += flattener.warnings();
            contracts.append(imported);
        }
    }

    ImportedContract *byOrigin(const QString &origin)
    {
        for (ImportedContract &contract : contracts) {
            if (contract.origin == origin)
                return &contract;
        }
        return nullptr;
    }

    // A body (request or response) as a contract, or a link to the schema it refers to.
    void body(const QJsonObject &content, const QString &contentPointer, const QString &id,
        const QString &name, const QString &operation)
    {
        if (content.isEmpty())
            return;
        QString mediaType = u"application/json"_s;
        if (!content.contains(mediaType)) {
            const QStringList types = m_document.keys(contentPointer, content);
            mediaType = types.value(0);
            for (const QString &type : types) {
                if (type.contains(u"json"))
                    mediaType = type;
            }
        }
        const QJsonObject media = content.value(mediaType).toObject();
        const QString mediaPointer = OrderedJson::child(contentPointer, mediaType);
        QStringList examples;
        if (media.contains(u"example"_s))
            examples.append(prettyJson(media.value(u"example"_s)));
        const QJsonObject named = media.value(u"examples"_s).toObject();
        for (const QString &key : m_document.keys(OrderedJson::child(mediaPointer, u"examples"_s), named)) {
            const auto [example, where] = follow(named.value(key), mediaPointer);
            if (example.contains(u"value"_s))
                examples.append(prettyJson(example.value(u"value"_s)));
        }
        const QJsonValue schema = media.value(u"schema"_s);
        const QString ref = schema.toObject().value(u"$ref"_s).toString();
        ImportedContract *target = nullptr;
        if (ref.startsWith(u"#/components/schemas/") && schema.toObject().size() == 1)
            target = byOrigin(ref);
        if (!target) {
            SchemaFlattener flattener(m_document);
            ImportedContract imported;
            imported.contract.id = id;
            imported.contract.name = name;
            imported.contract.format = mediaType.contains(u"xml") ? u"xml"_s : u"json"_s;
            imported.contract.fields = flattener.flatten(OrderedJson::child(mediaPointer, u"schema"_s));
            if (imported.contract.fields.isEmpty() && !examples.isEmpty()) {
                // no schema, or an empty one: the example is all there is to go by
                const Result<OrderedJson> parsed = OrderedJson::parse(examples.constFirst().toUtf8());
                if (parsed)
                    imported.contract.fields = ContractInference::fieldsOf(parsed.value(), QString());
            }
            imported.origin = operation;
            warnings += flattener.warnings();
            contracts.append(imported);
            target = &contracts.last();
        }
        target->usedBy.append(operation);
        for (const QString &example : std::as_const(examples)) {
            const bool known
                = std::any_of(target->contract.examples.cbegin(), target->contract.examples.cend(),
                    [&](const ContractExample &e) { return e.content == example; });
            if (!known)
                target->contract.examples.append(
                    {u"%1 example %2"_s.arg(operation).arg(target->contract.examples.size() + 1), mediaType,
                        example});
        }
    }

    void operations()
    {
        const QJsonObject paths = m_document.at(u"/paths"_s).toObject();
        for (const QString &path : m_document.keys(u"/paths"_s, paths)) {
            const QString pathPointer = OrderedJson::child(u"/paths"_s, path);
            const auto [item, itemPointer] = follow(paths.value(path), pathPointer);
            const QJsonArray shared = item.value(u"parameters"_s).toArray();
            for (const QString &method : m_document.keys(itemPointer, item)) {
                if (!methods.contains(method))
                    continue;
                const QString opPointer = OrderedJson::child(itemPointer, method);
                const QJsonObject op = item.value(method).toObject();
                const QString title = u"%1 %2"_s.arg(method.toUpper(), path);
                const QString operationId = op.value(u"operationId"_s).toString();
                const QString slug
                    = ContractSchema::slug(operationId.isEmpty() ? method + u'-' + path : operationId);
                const QString label = operationId.isEmpty() ? title : operationId;
                parameters(shared, OrderedJson::child(itemPointer, u"parameters"_s),
                    op.value(u"parameters"_s).toArray(), OrderedJson::child(opPointer, u"parameters"_s), slug,
                    label, title);
                if (op.contains(u"requestBody"_s)) {
                    const auto [request, requestPointer]
                        = follow(op.value(u"requestBody"_s), OrderedJson::child(opPointer, u"requestBody"_s));
                    body(request.value(u"content"_s).toObject(),
                        OrderedJson::child(requestPointer, u"content"_s), slug + u"-request"_s,
                        label + u" request"_s, title + u" → request"_s);
                }
                const QString responsesPointer = OrderedJson::child(opPointer, u"responses"_s);
                const QJsonObject responses = op.value(u"responses"_s).toObject();
                for (const QString &code : m_document.keys(responsesPointer, responses)) {
                    const auto [response, responsePointer]
                        = follow(responses.value(code), OrderedJson::child(responsesPointer, code));
                    body(response.value(u"content"_s).toObject(),
                        OrderedJson::child(responsePointer, u"content"_s),
                        slug + u"-response-"_s + code.toLower(), label + u" response "_s + code,
                        title + u" → "_s + code);
                }
            }
        }
    }

    void parameters(const QJsonArray &shared, const QString &sharedPointer, const QJsonArray &own,
        const QString &ownPointer, const QString &slug, const QString &label, const QString &title)
    {
        ImportedContract imported;
        imported.contract.id = slug + u"-parameters"_s;
        imported.contract.name = label + u" parameters"_s;
        imported.contract.format = u"json"_s;
        imported.origin = title + u" → parameters"_s;
        imported.usedBy.append(title);
        const auto add = [&](const QJsonArray &list, const QString &pointer) {
            for (qsizetype i = 0; i < list.size(); ++i) {
                const auto [parameter, where] = follow(list.at(i), OrderedJson::child(pointer, i));
                const QString name = parameter.value(u"name"_s).toString();
                if (name.isEmpty() || imported.contract.field(name))
                    continue;
                SchemaFlattener flattener(m_document);
                ContractField field = flattener.fieldOf(parameter.value(u"schema"_s).toObject(), name,
                    parameter.value(u"required"_s).toBool()
                        || parameter.value(u"in"_s).toString() == u"path");
                const QString in = parameter.value(u"in"_s).toString();
                const QString description = parameter.value(u"description"_s).toString();
                field.description = description.isEmpty() ? QString(u"in "_s + in)
                                                          : QString(description + u" (in "_s + in + u')');
                if (parameter.contains(u"example"_s))
                    field.example = parameter.value(u"example"_s).toVariant().toString();
                imported.contract.fields.append(field);
            }
        };
        add(own, ownPointer);
        add(shared, sharedPointer);
        if (!imported.contract.fields.isEmpty())
            contracts.append(imported);
    }

private:
    OrderedJson m_document;
};

} // namespace

Result<QList<ImportedContract>> OpenApiImport::fromText(const QByteArray &text, QStringList *warnings)
{
    using Imported = Result<QList<ImportedContract>>;
    Result<OrderedJson> parsed = OrderedJson::parse(text);
    if (!parsed)
        return parsed.error();
    const QJsonObject root = parsed.value().root.toObject();
    if (root.contains(u"swagger"_s))
        return Imported::failure(Error::Code::Schema,
            u"this is a Swagger %1 document; only OpenAPI 3 is read (convert it first)"_s.arg(
                root.value(u"swagger"_s).toVariant().toString()));
    const QString version = root.value(u"openapi"_s).toVariant().toString();
    if (!version.startsWith(u"3."))
        return Imported::failure(
            Error::Code::Schema, u"not an OpenAPI 3 document (no \"openapi\": \"3.x\")"_s);
    Importer importer(std::move(parsed).value());
    importer.schemas();
    importer.operations();
    if (warnings)
        *warnings += importer.warnings;
    if (importer.contracts.isEmpty())
        return Imported::failure(
            Error::Code::Schema, u"the document describes no schema and no operation body"_s);
    return importer.contracts;
}

} // namespace jb
