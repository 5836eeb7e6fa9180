#include "hosttcpserver.h"

#include <QTcpSocket>
#include <QTimer>
#include <QVariant>

#include <sys/socket.h>

namespace jb {

namespace {

constexpr const char *continuedProperty = "jb.continued";
constexpr qint64 maxHeadBytes = 64 * 1024;
constexpr int closeGraceMs = 2000;

bool startsWithRequestLine(QByteArrayView head)
{
    qsizetype i = 0;
    while (i < head.size() && head.at(i) >= 'A' && head.at(i) <= 'Z')
        ++i;
    return i > 0 && i + 1 < head.size() && head.at(i) == ' ';
}

} // namespace

HostTcpServer::HostTcpServer(LimitFor limitFor, QObject *parent)
    : QTcpServer(parent)
    , m_limitFor(std::move(limitFor))
{ }

bool HostTcpServer::isRejected(const QTcpSocket *socket)
{
    return socket->property(rejectedProperty).toBool();
}

void HostTcpServer::requestReceived(QTcpSocket *socket)
{
    socket->setProperty(continuedProperty, false);
}

void HostTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // connected before QtHttpServer connects its own handler, so this one sees the bytes first
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    addPendingConnection(socket);
}

void HostTcpServer::inspect(QTcpSocket *socket)
{
    if (isRejected(socket))
        return;
    const QByteArray head = socket->peek(qMin(socket->bytesAvailable(), maxHeadBytes));
    if (!startsWithRequestLine(head))
        return;
    const qsizetype end = head.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const qsizetype lineEnd = head.indexOf("\r\n");
    const QList<QByteArray> requestLine = head.left(lineEnd).split(' ');
    QByteArray target = requestLine.value(1);
    if (const qsizetype question = target.indexOf('?'); question >= 0)
        target.truncate(question);
    qint64 length = 0;
    bool expectContinue = false;
    for (const QByteArray &line : head.mid(lineEnd + 2, end - lineEnd - 2).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length")
            length = value.toLongLong();
        else if (name == "expect")
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
    }
    if (length > m_limitFor(target)) {
        socket->setProperty(rejectedProperty, true);
        const QByteArray body = R"({"error":"the request body is larger than this pipe accepts"})";
        socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
                      "Content-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        // closing with the unread body still arriving would send a reset that can overtake the
        // answer: stop writing, let the client read the 413, and drop the connection a bit later
        connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
            if (socket->bytesToWrite() == 0)
                ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
        });
        QTimer::singleShot(closeGraceMs, socket, [socket] { socket->abort(); });
        return;
    }
    if (expectContinue && !socket->property(continuedProperty).toBool()) {
        socket->setProperty(continuedProperty, true);
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

} // namespace jb
