#include "pipehost.h"

#include "hosttcpserver.h"
#include "pipeengine.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 409:
        return "Conflict";
    case 413:
        return "Payload Too Large";
    case 422:
        return "Unprocessable Entity";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return status < 400 ? "OK" : "Error";
    }
}

QByteArray errorBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"error"_s, message}}).toJson(QJsonDocument::Compact);
}

const HttpHeaders jsonHeaders = {{"Content-Type", "application/json; charset=utf-8"}};

} // namespace

PipeHost::PipeHost(PipeEngine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{ }

PipeHost::~PipeHost() = default;

Result<quint16> PipeHost::listen(const QHostAddress &address, quint16 port)
{
    if (m_tcp)
        return Result<quint16>::failure(Error::Code::Refused, u"the pipe host is already listening"_s);
    auto *tcp = new HostTcpServer([this](QByteArrayView path) { return limitFor(path); }, this);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Result<quint16>::failure(
            Error::Code::Network, u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why));
    }
    m_tcp = tcp;
    m_address = address;
    m_http = new PipeHttpServer(
        [this](HostRequest request, QTcpSocket *socket) { handle(std::move(request), socket); }, this);
    m_http->bind(tcp);
    return tcp->serverPort();
}

quint16 PipeHost::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl PipeHost::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(port());
    return url;
}

qint64 PipeHost::limitFor(QByteArrayView path) const
{
    // the route is not known by method yet: any pipe at this path sets the limit
    const QString text = QString::fromLatin1(path);
    qint64 limit = 0;
    for (const PipePointer &pipe : m_engine.catalog().restPipes()) {
        if (pipe->trigger.path.match(text))
            limit = qMax(limit, pipe->trigger.maxRequestBytes);
    }
    return limit > 0 ? limit : PipeTrigger::defaultMaxRequestBytes;
}

QByteArray PipeHost::answerBytes(int status, const HttpHeaders &headers, const QByteArray &body, bool close)
{
    QByteArray bytes;
    bytes.reserve(160 + body.size());
    bytes += "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &[name, value] : headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0
            || name.compare("connection", Qt::CaseInsensitive) == 0)
            continue;
        bytes += name + ": " + value + "\r\n";
    }
    bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (close)
        bytes += "Connection: close\r\n";
    bytes += "\r\n";
    bytes += body;
    return bytes;
}

void PipeHost::handle(HostRequest request, QTcpSocket *socket)
{
    auto connection = m_connections.find(socket);
    if (connection == m_connections.end()) {
        connection = m_connections.insert(socket, {});
        connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    }
    const quint64 sequence = connection->next++;
    const bool close = request.close;
    const QString method = QString::fromLatin1(request.method);
    const PipeCatalog::Route route = m_engine.catalog().route(method, request.path);
    if (!route.pipe) {
        if (!route.allowedMethods.isEmpty()) {
            HttpHeaders headers = jsonHeaders;
            headers.append({"Allow", route.allowedMethods.join(u", "_s).toLatin1()});
            return send(socket, sequence,
                answerBytes(405, headers, errorBody(u"%1 is not allowed here"_s.arg(method)), close), close);
        }
        return send(socket, sequence,
            answerBytes(404, jsonHeaders,
                errorBody(
                    u"no pipe answers %1 %2"_s.arg(method, QUrl::fromPercentEncoding(request.path.toUtf8()))),
                close),
            close);
    }
    if (request.body.size() > route.pipe->trigger.maxRequestBytes) {
        return send(socket, sequence,
            answerBytes(
                413, jsonHeaders, errorBody(u"the request body is larger than this pipe accepts"_s), true),
            true);
    }
    PipeRequest pipeRequest;
    pipeRequest.method = method;
    pipeRequest.path = QUrl::fromPercentEncoding(request.path.toUtf8());
    pipeRequest.params = route.params;
    QByteArray contentType;
    for (const auto &[name, value] : std::as_const(request.headers)) {
        const QString key = QString::fromLatin1(name).toLower();
        pipeRequest.headers.insert(key, QString::fromUtf8(value));
        if (key == u"content-type")
            contentType = value;
    }
    if (!request.query.isEmpty()) {
        const QUrlQuery query(request.query);
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
            pipeRequest.query.insert(name, value);
    }
    pipeRequest.body = PipeRequest::parseBody(request.body, contentType);
    QPointer<QTcpSocket> guarded(socket);
    m_engine.execute(
        route.pipe->id, pipeRequest, this, [this, guarded, sequence, close](const PipeResult &result) {
            HttpHeaders headers = result.headers;
            headers.append({"X-Execution-Key", result.executionKey.toLatin1()});
            send(guarded, sequence, answerBytes(result.status, headers, result.body, close), close);
        });
}

void PipeHost::send(QTcpSocket *socket, quint64 sequence, QByteArray bytes, bool close)
{
    if (!socket)
        return; // the client went away before its answer
    const auto connection = m_connections.find(socket);
    if (connection == m_connections.end())
        return;
    connection->ready.insert(sequence, {std::move(bytes), close});
    while (!connection->ready.isEmpty() && connection->ready.firstKey() == connection->toWrite) {
        auto [answer, closeAfter] = connection->ready.take(connection->toWrite);
        ++connection->toWrite;
        ++m_answered;
        socket->write(answer);
        if (closeAfter) {
            socket->disconnectFromHost();
            break;
        }
    }
}

} // namespace jb
