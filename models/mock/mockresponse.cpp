#include "mockresponse.h"

#include "httpanswer.h"

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
    return HttpAnswer::bytes(status, headers, body, closeConnection);
}

QByteArray MockResponse::head(bool closeConnection) const
{
    return HttpAnswer::head(status, headers, body.size(), closeConnection);
}

} // namespace jb
