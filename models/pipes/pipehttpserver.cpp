#include "pipehttpserver.h"

#include "hosttcpserver.h"

#include <QHttpServerRequest>
#include <QTcpSocket>

namespace jb {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

PipeHttpServer::PipeHttpServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

bool PipeHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (HostTcpServer::isRejected(socket))
        return true; // already answered 413 from its head
    HostTcpServer::requestReceived(socket);
    HostRequest host;
    host.method = methodName(request.method());
    const QUrl url = request.url();
    host.path = url.path(QUrl::FullyEncoded);
    host.query = url.query(QUrl::FullyEncoded);
    const auto headers = request.headers();
    host.headers.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        host.headers.append({name, value});
        // QtHttpServer 6.4 ignores "Connection: close": the host closes after answering
        if (name.compare("connection", Qt::CaseInsensitive) == 0
            && value.compare("close", Qt::CaseInsensitive) == 0)
            host.close = true;
    }
    host.body = request.body();
    m_handler(std::move(host), socket);
    return true;
}

void PipeHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // never reached: handleRequest takes every request
}

} // namespace jb
