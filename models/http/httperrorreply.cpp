#include "httperrorreply.h"

#include "httpanswer.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace jb {

QByteArray HttpErrorReply::body(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
}

HttpHeaders HttpErrorReply::headers()
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")}};
}

QByteArray HttpErrorReply::answer(
    int status, const QString &message, bool close, const HttpHeaders &extraHeaders)
{
    HttpHeaders all = headers();
    all.append(extraHeaders);
    return HttpAnswer::bytes(status, all, body(message), close);
}

} // namespace jb
