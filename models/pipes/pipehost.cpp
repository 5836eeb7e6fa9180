#include "pipehost.h"

#include "httpanswer.h"
#include "httperrorreply.h"
#include "httplistener.h"
#include "httptransport.h"
#include "pipeengine.h"

#include <QPointer>
#include <QTcpSocket>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

const QString tooLarge = u"the request body is larger than this pipe accepts"_s;

// A pipe's result may carry the headers of an answer it passed on: their length and
// connection are not this answer's.
HttpHeaders withoutFraming(const HttpHeaders &headers)
{
    HttpHeaders kept;
    kept.reserve(headers.size());
    for (const auto &[name, value] : headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) != 0
            && name.compare("connection", Qt::CaseInsensitive) != 0)
            kept.append({name, value});
    }
    return kept;
}

// One listener serves every REST pipe: each limit is the most generous any trigger asks for, and
// a connection waiting for its answer is not dropped as idle before the slowest pipe's timeout.
HttpLimits limitsOf(const PipeCatalog &catalog)
{
    const QList<PipePointer> pipes = catalog.restPipes();
    if (pipes.isEmpty())
        return {};
    HttpLimits limits = pipes.constFirst()->trigger.limits;
    int slowest = 0;
    for (const PipePointer &pipe : pipes) {
        limits = limits.loosest(pipe->trigger.limits);
        slowest = std::max(slowest, pipe->trigger.timeoutMs);
    }
    constexpr int answerMarginMs = 1000;
    limits.idleTimeoutMs = std::max(limits.idleTimeoutMs, slowest + answerMarginMs);
    return limits;
}

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
    HttpListener::Options listening;
    // the request's route decides before its body is read, so a client is not made to send it
    listening.bodyLimit = [this](QByteArrayView method, QByteArrayView path, QTcpSocket *socket) {
        Connection &connection = connectionOf(socket);
        connection.routedMethod = method.toByteArray();
        connection.routedPath = path.toByteArray();
        connection.routed = m_engine.catalog().route(QString::fromLatin1(method), path);
        return connection.routed->maxRequestBytes;
    };
    listening.tooLargeMessage = tooLarge;
    listening.limits = limitsOf(m_engine.catalog());
    auto *tcp = new HttpListener(std::move(listening), this);
    if (!tcp->listen(address, port)) {
        const QString why = tcp->errorString();
        delete tcp;
        return Result<quint16>::failure(
            Error::Code::Network, u"cannot listen on %1:%2: %3"_s.arg(address.toString()).arg(port).arg(why));
    }
    m_tcp = tcp;
    m_address = address;
    m_http = new HttpTransport(
        [this](HttpRequest &&request, QTcpSocket *socket) { handle(std::move(request), socket); }, this);
    m_http->bind(tcp);
    return tcp->serverPort();
}

quint16 PipeHost::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

HttpLimits PipeHost::limits() const
{
    return m_tcp ? m_tcp->limits() : HttpLimits();
}

int PipeHost::openConnections() const
{
    return m_tcp ? m_tcp->openConnections() : 0;
}

QUrl PipeHost::baseUrl() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_address.toString());
    url.setPort(port());
    return url;
}

PipeHost::Connection &PipeHost::connectionOf(QTcpSocket *socket)
{
    auto connection = m_connections.find(socket);
    if (connection == m_connections.end()) {
        connection = m_connections.insert(socket, {});
        connect(socket, &QObject::destroyed, this, [this, socket] { m_connections.remove(socket); });
    }
    return *connection;
}

// A request with a body was routed when its head arrived, to refuse it early; it is not matched
// again. Anything else (no body, or a head the listener did not see whole) is routed here.
PipeCatalog::Route PipeHost::routeOf(const HttpRequest &request, Connection &connection)
{
    std::optional<PipeCatalog::Route> routed = std::exchange(connection.routed, std::nullopt);
    if (routed && connection.routedMethod == request.method && connection.routedPath == request.path)
        return std::move(*routed);
    return m_engine.catalog().route(QString::fromLatin1(request.method), request.path);
}

void PipeHost::handle(HttpRequest request, QTcpSocket *socket)
{
    Connection &connection = connectionOf(socket);
    const quint64 sequence = connection.next++;
    const bool close = request.close;
    const QString method = QString::fromLatin1(request.method);
    PipeCatalog::Route route = routeOf(request, connection);
    if (!route.pipe) {
        if (!route.allowedMethods.isEmpty()) {
            const HttpHeaders allow{{"Allow", route.allowedMethods.join(u", "_s).toLatin1()}};
            return send(socket, sequence,
                HttpErrorReply::answer(405, u"%1 is not allowed here"_s.arg(method), close, allow), close);
        }
        return send(socket, sequence,
            HttpErrorReply::answer(
                404, u"no pipe answers %1 %2"_s.arg(method, QUrl::fromPercentEncoding(request.path)), close),
            close);
    }
    // a body sent in chunks announces no length for the listener to refuse early
    if (request.body.size() > route.pipe->trigger.maxRequestBytes)
        return send(socket, sequence, HttpErrorReply::answer(413, tooLarge, true), true);
    PipeRequest pipeRequest;
    pipeRequest.method = method;
    pipeRequest.path = QUrl::fromPercentEncoding(request.path);
    pipeRequest.params = std::move(route.params);
    QByteArray contentType;
    for (const auto &[name, value] : std::as_const(request.headers)) {
        const QString key = QString::fromLatin1(name).toLower();
        pipeRequest.headers.insert(key, QString::fromUtf8(value));
        if (key == u"content-type")
            contentType = value;
    }
    if (!request.query.isEmpty()) {
        const QUrlQuery query(QString::fromLatin1(request.query));
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
            pipeRequest.query.insert(name, value);
    }
    pipeRequest.body = PipeRequest::parseBody(request.body, contentType);
    QPointer<QTcpSocket> guarded(socket);
    m_engine.execute(
        route.pipe, pipeRequest, this, [this, guarded, sequence, close](const PipeResult &result) {
            HttpHeaders headers = withoutFraming(result.headers);
            headers.append({"X-Execution-Key", result.executionKey.toLatin1()});
            send(guarded, sequence,
                HttpAnswer::bytes(
                    result.status, headers, result.body, close, HttpAnswer::UnnamedStatus::OkOrError),
                close);
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
