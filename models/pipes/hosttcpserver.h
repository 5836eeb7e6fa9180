#pragma once

#include <QTcpServer>

#include <functional>

namespace jb {

// The listening socket of the pipe host. It sees each request's head before QtHttpServer parses
// it, to do what QtHttpServer 6.4 does not: answer "Expect: 100-continue" at once (6.4 lets the
// client wait a second) and refuse a body announced as too large with 413 before reading it.
class HostTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostTcpServer)

public:
    // The request size limit for a request line's path (the limit of the pipe it reaches).
    using LimitFor = std::function<qint64(QByteArrayView path)>;
    static constexpr const char *rejectedProperty = "jb.rejected";

    explicit HostTcpServer(LimitFor limitFor, QObject *parent = nullptr);

    // The socket has been answered (413) and is closing: its request must not be handled.
    static bool isRejected(const QTcpSocket *socket);
    // Call when a request has been received in full, so that the next one may get its 100.
    static void requestReceived(QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void inspect(QTcpSocket *socket);

    LimitFor m_limitFor;
};

} // namespace jb
