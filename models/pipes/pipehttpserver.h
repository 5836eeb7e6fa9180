#pragma once

#include "piperesult.h"

#include <QAbstractHttpServer>

#include <functional>

namespace jb {

// One request as the pipe host handles it, free of QtHttpServer types.
struct HostRequest
{
    QByteArray method;
    QString path; // percent-encoded, no query
    QString query; // percent-encoded, no '?'
    HttpHeaders headers;
    QByteArray body;
    bool close = false; // the client asked for "Connection: close"
};

// The QtHttpServer 6.4 part of the pipe host (a technical preview there, so kept behind this
// class): it parses requests and hands them, with their socket, to a handler that answers later
// by writing on the socket itself.
class PipeHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PipeHttpServer)

public:
    using Handler = std::function<void(HostRequest, QTcpSocket *)>;
    explicit PipeHttpServer(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace jb
