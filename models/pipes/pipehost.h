#pragma once

#include "core/result.h"
#include "httplimits.h"
#include "httprequest.h"
#include "pipecatalog.h"

#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <optional>

class QTcpSocket;

namespace jb {

class HttpListener;
class HttpTransport;
class PipeEngine;
struct PipeResult;

// Serves every REST-triggered pipe of an engine's project over HTTP/1.1 with keep-alive, on
// loopback by default. Each request becomes an execution; its answer is written when the engine
// delivers it, in request order on each connection. No pipe: 404; other method: 405; a body over
// the pipe's limit: 413; the pipe's timeout: 504 (from the engine).
class PipeHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeHost)

public:
    explicit PipeHost(PipeEngine &engine, QObject *parent = nullptr);
    ~PipeHost() override;

    Result<quint16> listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const;
    QUrl baseUrl() const;
    qint64 answered() const { return m_answered; }
    // What the listener holds clients to (the loosest of the REST triggers' limits); defaults
    // before listen().
    HttpLimits limits() const;
    int openConnections() const;

private:
    struct Connection
    {
        quint64 next = 0; // sequence number for the next request read
        quint64 toWrite = 0; // the next answer to write
        QMap<quint64, std::pair<QByteArray, bool>> ready; // answers that came back early
        // What the listener routed for the body limit, kept for the request it belongs to.
        QByteArray routedMethod;
        QByteArray routedPath;
        std::optional<PipeCatalog::Route> routed;
    };

    Connection &connectionOf(QTcpSocket *socket);
    PipeCatalog::Route routeOf(const HttpRequest &request, Connection &connection);

    void handle(HttpRequest request, QTcpSocket *socket);
    void send(QTcpSocket *socket, quint64 sequence, QByteArray bytes, bool close);

    PipeEngine &m_engine;
    HttpTransport *m_http = nullptr;
    HttpListener *m_tcp = nullptr;
    QHostAddress m_address;
    QHash<QTcpSocket *, Connection> m_connections;
    qint64 m_answered = 0;
};

} // namespace jb
