#pragma once

#include "httplimits.h"

#include <QString>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <vector>

namespace jb {

class HttpConnection;

// The listening socket under every JourneyBench HTTP server (the mock, the pipe host). It sees
// each request's head before QtHttpServer parses it, to do what QtHttpServer 6.4 does not: turn
// Nagle off (a small answer must leave at once), answer "Expect: 100-continue" at once (6.4 lets
// the client wait a second), refuse a body announced as larger than its route accepts with 413
// before reading it, and hold every client to its HttpLimits: a head too large (431) or with a
// line too long (414, 431), a head or body that does not arrive in time (408), a kept-alive
// connection silent too long (dropped), connections past the maximum (503, the others served).
class HttpListener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpListener)

public:
    // The largest body the request line's route accepts (`path` percent-encoded, without query).
    // Asked only for a head that announces a body, with the socket it came on, so that a server
    // can keep what it routed for the request it is about to answer.
    using BodyLimit = std::function<qint64(QByteArrayView method, QByteArrayView path, QTcpSocket *socket)>;

    struct Options
    {
        // Only a head that has arrived whole, in one piece, within this many bytes is parsed for
        // its 100 and its early 413; a longer one goes on to QtHttpServer unparsed.
        qsizetype maxHeadBytes = 64 * 1024;
        BodyLimit bodyLimit; // unset: bodies are not refused early
        QString tooLargeMessage = QStringLiteral("the request body is larger than this route accepts");
        HttpLimits limits;
    };

    explicit HttpListener(Options options, QObject *parent = nullptr);
    ~HttpListener() override;

    const HttpLimits &limits() const { return m_options.limits; }
    int openConnections() const { return m_open; }
    quint64 acceptedConnections() const { return m_accepted; }
    quint64 refusedConnections() const { return m_refused; } // answered 503, past maxConnections

    // The socket has been refused (413, 431 …) and is closing: its request must not be handled.
    static bool isRejected(const QTcpSocket *socket);
    // Call when a request has been received in full: the next may get its 100, and the
    // connection's idle clock starts.
    static void requestReceived(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    friend class HttpConnection;

    void inspect(HttpConnection *connection);
    void parseHead(HttpConnection *connection, QByteArrayView head, bool bodyStarted);
    void refuseConnection(qintptr descriptor);
    void forget(HttpConnection *connection);
    void sweep();

    Options m_options;
    std::vector<HttpConnection *> m_connections; // served and refused, for the sweep
    QTimer m_sweep;
    int m_open = 0;
    int m_closingUnserved = 0;
    quint64 m_accepted = 0;
    quint64 m_refused = 0;
};

} // namespace jb
