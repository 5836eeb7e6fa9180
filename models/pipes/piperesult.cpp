#include "piperesult.h"

#include "piperequest.h"

using namespace Qt::StringLiterals;

namespace jb {

QByteArray PipeResult::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonValue PipeResult::bodyValue() const
{
    return PipeRequest::parseBody(body, header("content-type"));
}

QJsonObject PipeResult::toJson(bool withTrace) const
{
    QJsonObject headerObject;
    for (const auto &[key, value] : headers)
        headerObject.insert(QString::fromLatin1(key), QString::fromUtf8(value));
    QJsonObject object{{u"status"_s, status}, {u"headers"_s, headerObject}, {u"body"_s, bodyValue()},
        {u"executionKey"_s, executionKey}};
    if (error)
        object.insert(u"error"_s, error->toJson());
    if (withTrace)
        object.insert(u"trace"_s, trace.toJson());
    return object;
}

} // namespace jb
