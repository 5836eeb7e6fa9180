#include "mockresponse.h"

using namespace Qt::StringLiterals;

namespace jb {

QString AppliedFault::describe() const
{
    QString text;
    if (delayMs > 0)
        text = u"latency %1 ms"_s.arg(delayMs);
    if (kind != FaultKind::None && kind != FaultKind::Latency) {
        if (!text.isEmpty())
            text += u" + "_s;
        text += faultKindName(kind);
        if (kind == FaultKind::Blocked)
            text += u" (closed unanswered; the listening socket stays up)"_s;
    }
    return text.isEmpty() ? (kind == FaultKind::Latency ? u"latency 0 ms"_s : u"none"_s) : text;
}

QByteArray MockResponse::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 409:
        return QByteArrayLiteral("Conflict");
    case 413:
        return QByteArrayLiteral("Payload Too Large");
    case 415:
        return QByteArrayLiteral("Unsupported Media Type");
    case 422:
        return QByteArrayLiteral("Unprocessable Entity");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return QByteArrayLiteral("Unknown");
    }
}

MockResponse MockResponse::withBody(int status, const QByteArray &contentType, const QByteArray &body)
{
    MockResponse response;
    response.status = status;
    response.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    response.body = body;
    return response;
}

QByteArray MockResponse::serialized(bool closeConnection) const
{
    if (!wire.isEmpty() && !closeConnection)
        return wire;
    QByteArray out = head(closeConnection);
    out.reserve(out.size() + body.size());
    out += body;
    return out;
}

QByteArray MockResponse::head(bool closeConnection) const
{
    QByteArray out;
    out.reserve(64 + 48 * headers.size());
    out += "HTTP/1.1 ";
    out += QByteArray::number(status);
    out += ' ';
    out += reasonPhrase(status);
    out += "\r\n";
    for (const auto &[name, value] : headers) {
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "Content-Length: ";
    out += QByteArray::number(body.size());
    out += "\r\n";
    if (closeConnection)
        out += "Connection: close\r\n";
    out += "\r\n";
    return out;
}

} // namespace jb
