#include "httptransport.h"

#include "httplistener.h"

#include <QAbstractHttpServer>
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

HttpRequest plainRequest(const QHttpServerRequest &request)
{
    HttpRequest plain;
    plain.method = methodName(request.method());
    const QUrl url = request.url();
    plain.path = url.path(QUrl::FullyEncoded).toUtf8();
    if (plain.path.isEmpty())
        plain.path = QByteArrayLiteral("/"); // "GET http://host HTTP/1.1" asks for the root
    if (url.hasQuery())
        plain.query = url.query(QUrl::FullyEncoded).toUtf8();
    plain.headers = request.headers(); // QPair is std::pair in Qt 6
    // Qt 6.4 ignores "Connection: close"; whoever answers honours it
    plain.close = HttpRequest::asksToClose(plain.headers);
    plain.body = request.body();
    return plain;
}

} // namespace

// QtHttpServer's side, kept out of the header so that no user of HttpTransport sees its types.
class HttpTransport::Parser final : public QAbstractHttpServer
{
public:
    Parser(Handler handler, QObject *parent)
        : QAbstractHttpServer(parent)
        , m_handler(std::move(handler))
    { }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        if (HttpListener::isRejected(socket))
            return true; // already answered 413 from its head
        HttpListener::requestReceived(socket);
        m_handler(plainRequest(request), socket);
        return true;
    }

    void missingHandler(const QHttpServerRequest &, QTcpSocket *socket) override
    {
        // handleRequest() takes every request, so this is never reached; close rather than hang
        socket->disconnectFromHost();
    }

private:
    Handler m_handler;
};

HttpTransport::HttpTransport(Handler handler, QObject *parent)
    : QObject(parent)
    , m_parser(new Parser(std::move(handler), this))
{ }

HttpTransport::~HttpTransport() = default;

void HttpTransport::bind(HttpListener *listener)
{
    m_parser->bind(listener);
}

} // namespace jb
