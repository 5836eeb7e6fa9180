#pragma once

#include "core/result.h"
#include "httplimits.h"
#include "mockrouter.h"
#include "requestlog.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace jb {

class HttpListener;
class HttpTransport;

// The mock HTTP server: a MockRouter behind a loopback socket. It writes every answer itself
// (status line, headers, Content-Length, body) so the bytes are exactly the routes', keeps
// connections alive, carries out the socket-level faults (delay, reset, no answer, blocked), and
// logs each request in memory. It lives on one thread; use it from that thread.
class MockServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockServer)

public:
    struct Options
    {
        QHostAddress address{QHostAddress::LocalHost};
        quint16 port = 0; // 0: the OS picks one; port() tells which
        bool allowNonLoopback = false; // binding beyond loopback must be asked for explicitly
        int maxHoldMs = 60000; // the longest a no-answer fault keeps a connection open
        HttpLimits limits; // what a client may take of the mock (mocks/server.json)
    };

    // For answers that take time (a pipe calling out): return false to let the routes answer, or
    // true and call `answer` later, once, on this thread. Faults apply to these answers too.
    using Answer = std::function<void(MockResponse response)>;
    using AsyncHandler = std::function<bool(const HttpRequest &request, const Answer &answer)>;

    explicit MockServer(QObject *parent = nullptr);
    ~MockServer() override;

    MockRouter &router() { return m_router; }
    RequestLog &log() { return m_log; }
    void setAsyncHandler(AsyncHandler handler) { m_async = std::move(handler); }

    Status start();
    Status start(const Options &options);
    void stop(); // closes the listener and every open connection
    bool isListening() const;
    QHostAddress address() const;
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    int openConnections() const;
    quint64 acceptedConnections() const; // since start()
    int maxHoldMs() const { return m_options.maxHoldMs; }

Q_SIGNALS:
    void warning(const QString &message);

private:
    struct Exchange;

    void serve(HttpRequest &&request, QTcpSocket *socket);
    void deliver(QTcpSocket *socket, Exchange &exchange);
    void finish(QTcpSocket *socket, Exchange &exchange);
    void record(const Exchange &exchange, int status);

    MockRouter m_router;
    RequestLog m_log;
    AsyncHandler m_async;
    Options m_options;
    QPointer<HttpTransport> m_transport;
    QPointer<HttpListener> m_listener;
};

} // namespace jb
