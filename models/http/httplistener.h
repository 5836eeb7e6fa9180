#pragma once

#include <QString>
#include <QTcpServer>

#include <functional>

namespace jb {

// The listening socket under every JourneyBench HTTP server (the mock, the pipe host). It sees
// each request's head before QtHttpServer parses it, to do what QtHttpServer 6.4 does not: turn
// Nagle off (a small answer must leave at once), answer "Expect: 100-continue" at once (6.4 lets
// the client wait a second), refuse a body announced as larger than its route accepts with 413
// before reading it, count connections so that tests can see none is left behind, and, when
// asked, drop connections that stay silent.
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
        // Only a head that has arrived whole within this many bytes is looked at; a longer one
        // goes on to QtHttpServer with no 100 and no early 413.
        qsizetype maxHeadBytes = 64 * 1024;
        BodyLimit bodyLimit; // unset: bodies are not refused early
        QString tooLargeMessage = QStringLiteral("the request body is larger than this route accepts");
        // A connection with no traffic either way for this long is dropped, even one waiting for
        // a slow answer; 0: never (both servers today, which leave idle clients to close).
        int idleTimeoutMs = 0;
    };

    explicit HttpListener(Options options, QObject *parent = nullptr);

    int openConnections() const { return m_open; }
    quint64 acceptedConnections() const { return m_accepted; }

    // The socket has been answered 413 from its head and is closing: its request must not be handled.
    static bool isRejected(const QTcpSocket *socket);
    // Call when a request has been received in full, so that the next one may get its 100.
    static void requestReceived(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void inspect(QTcpSocket *socket);
    void refuseTooLarge(QTcpSocket *socket);
    void dropWhenIdle(QTcpSocket *socket);

    Options m_options;
    int m_open = 0;
    quint64 m_accepted = 0;
};

} // namespace jb
