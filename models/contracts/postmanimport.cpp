#include "postmanimport.h"

#include "contractinference.h"
#include "contractschema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

class Walker final
{
public:
    QList<ImportedContract> contracts;
    QStringList warnings;

    void items(const QJsonArray &items, const QString &folder)
    {
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString name = item.value(u"name"_s).toString();
            const QString path = folder.isEmpty() ? name : folder + u" / "_s + name;
            if (item.contains(u"item"_s)) {
                this->items(item.value(u"item"_s).toArray(), path);
                continue;
            }
            request(item, path);
        }
    }

private:
    static QString urlOf(const QJsonValue &url)
    {
        if (url.isString())
            return url.toString();
        return url.toObject().value(u"raw"_s).toString();
    }

    void add(const QString &id, const QString &name, const QString &origin, const QString &body,
        const QString &language)
    {
        if (body.trimmed().isEmpty())
            return;
        QByteArray text = body.toUtf8();
        const bool xml = language == u"xml" || body.trimmed().startsWith(u'<');
        if (!xml) {
            // {{id}} written where a value goes is not JSON; read it as the text "{{id}}"
            static const QRegularExpression bare(u"(?<![\"\\w])(\\{\\{[^{}\"]+\\}\\})(?![\"\\w])"_s);
            text = QString::fromUtf8(text).replace(bare, u"\"\\1\""_s).toUtf8();
        }
        Result<Contract> inferred
            = xml ? ContractInference::fromXml(text) : ContractInference::fromJson(text);
        if (!inferred) {
            warnings.append(u"%1: the body is not JSON or XML (%2)"_s.arg(origin, inferred.errorString()));
            return;
        }
        for (ImportedContract &known : contracts) {
            if (known.contract.id != id)
                continue;
            // another saved response with the same status: one contract, one more example
            known.contract.examples.append({u"Example %1"_s.arg(known.contract.examples.size() + 1),
                xml ? u"application/xml"_s : u"application/json"_s, body.trimmed()});
            return;
        }
        ImportedContract imported;
        imported.contract = std::move(inferred).value();
        imported.contract.id = id;
        imported.contract.name = name;
        imported.contract.examples
            = {{name, xml ? u"application/xml"_s : u"application/json"_s, body.trimmed()}};
        imported.origin = origin;
        imported.usedBy.append(origin);
        contracts.append(imported);
    }

    void request(const QJsonObject &item, const QString &path)
    {
        const QJsonObject request = item.value(u"request"_s).toObject();
        const QString method = request.value(u"method"_s).toString(u"GET"_s);
        const QString origin = u"%1 %2"_s.arg(method, urlOf(request.value(u"url"_s)));
        const QString slug = ContractSchema::slug(path);
        const QJsonObject body = request.value(u"body"_s).toObject();
        if (body.value(u"mode"_s).toString() == u"raw")
            add(slug + u"-request"_s, path + u" request"_s, origin + u" → request"_s,
                body.value(u"raw"_s).toString(),
                body.value(u"options"_s)
                    .toObject()
                    .value(u"raw"_s)
                    .toObject()
                    .value(u"language"_s)
                    .toString());
        else if (!body.isEmpty())
            warnings.append(u"%1: a %2 body is not read"_s.arg(origin, body.value(u"mode"_s).toString()));
        for (const QJsonValue &value : item.value(u"response"_s).toArray()) {
            const QJsonObject response = value.toObject();
            const int code = response.value(u"code"_s).toInt();
            const QString status = code > 0 ? QString::number(code) : u"example"_s;
            QString language = response.value(u"_postman_previewlanguage"_s).toString();
            for (const QJsonValue &header : response.value(u"header"_s).toArray()) {
                const QJsonObject h = header.toObject();
                if (h.value(u"key"_s).toString().compare(u"content-type"_s, Qt::CaseInsensitive) == 0
                    && h.value(u"value"_s).toString().contains(u"xml"))
                    language = u"xml"_s;
            }
            add(slug + u"-response-"_s + status, path + u" response "_s + status, origin + u" → "_s + status,
                response.value(u"body"_s).toString(), language);
        }
    }
};

} // namespace

Result<QList<ImportedContract>> PostmanImport::fromText(const QByteArray &text, QStringList *warnings)
{
    using Imported = Result<QList<ImportedContract>>;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        return Imported::failure(
            Error::Code::Parse, u"not JSON: %1 at offset %2"_s.arg(error.errorString()).arg(error.offset));
    const QJsonObject root = document.object();
    const QString schema = root.value(u"info"_s).toObject().value(u"schema"_s).toString();
    if (!schema.contains(u"collection/v2.1") && !schema.contains(u"collection/v2.0"))
        return Imported::failure(
            Error::Code::Schema, u"not a Postman v2.1 collection (info.schema is \"%1\")"_s.arg(schema));
    Walker walker;
    walker.items(root.value(u"item"_s).toArray(), QString());
    if (warnings)
        *warnings += walker.warnings;
    if (walker.contracts.isEmpty())
        return Imported::failure(
            Error::Code::Schema, u"the collection has no request or response body to read"_s);
    return walker.contracts;
}

} // namespace jb
