#include "piperequest.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

QJsonObject PipeRequest::toJson() const
{
    return {{u"method"_s, method}, {u"path"_s, path}, {u"params"_s, params}, {u"query"_s, query},
        {u"headers"_s, headers}, {u"body"_s, body}};
}

PipeRequest PipeRequest::fromJson(const QJsonObject &object)
{
    PipeRequest request;
    request.method = object.value(u"method"_s).toString(u"GET"_s).toUpper();
    request.path = object.value(u"path"_s).toString();
    request.params = object.value(u"params"_s).toObject();
    request.query = object.value(u"query"_s).toObject();
    const QJsonObject headers = object.value(u"headers"_s).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        request.headers.insert(it.key().toLower(), it.value());
    request.body = object.value(u"body"_s);
    if (request.body.isUndefined())
        request.body = QJsonValue::Null;
    request.event = object.value(u"event"_s);
    return request;
}

PipeRequest PipeRequest::fromInput(const QJsonValue &input)
{
    static const QStringList requestKeys
        = {u"params"_s, u"query"_s, u"body"_s, u"headers"_s, u"method"_s, u"path"_s, u"event"_s};
    const QJsonObject object = input.toObject();
    const bool structured = std::any_of(
        requestKeys.cbegin(), requestKeys.cend(), [&](const QString &key) { return object.contains(key); });
    if (structured || !input.isObject()) {
        PipeRequest request = fromJson(object);
        if (!input.isObject())
            request.event = input;
        return request;
    }
    PipeRequest request;
    request.params = object;
    request.body = QJsonValue::Null;
    // an event pipe run from the CLI gets the same object as its event
    request.event = object;
    return request;
}

QJsonValue PipeRequest::parseBody(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return QJsonValue::Null;
    const QByteArray trimmed = body.trimmed();
    const bool looksJson = contentType.contains("json")
        || (contentType.isEmpty() && (trimmed.startsWith('{') || trimmed.startsWith('[')));
    if (looksJson) {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        if (error.error == QJsonParseError::NoError)
            return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
    }
    return QString::fromUtf8(body);
}

} // namespace jb
