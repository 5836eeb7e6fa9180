#include "mockhttptransport.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

namespace jb {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

bool hasToken(QByteArrayView value, QByteArrayView token)
{
    // "Connection: keep-alive, close" and friends: comma-separated, any case
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype end = value.indexOf(',', start);
        if (end < 0)
            end = value.size();
        if (value.sliced(start, end - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

MockHttpTransport::MockHttpTransport(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

bool MockHttpTransport::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    MockRequest mock;
    mock.method = methodName(request.method());
    const QUrl url = request.url();
    mock.path = url.path(QUrl::FullyEncoded).toUtf8();
    if (mock.path.isEmpty())
        mock.path = QByteArrayLiteral("/");
    if (url.hasQuery())
        mock.query = url.query(QUrl::FullyEncoded).toUtf8();
    mock.headers = request.headers();
    mock.body = request.body();
    // Qt 6.4 ignores "Connection: close"; the answer honours it.
    bool close = false;
    for (const auto &[name, value] : std::as_const(mock.headers)) {
        if (QByteArrayView(name).compare("connection", Qt::CaseInsensitive) == 0 && hasToken(value, "close"))
            close = true;
    }
    m_handler(std::move(mock), close, socket);
    return true;
}

void MockHttpTransport::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest() takes every request, so this is never reached; close rather than hang.
    socket->disconnectFromHost();
}

} // namespace jb
