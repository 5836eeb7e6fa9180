#include "httplistener.h"

#include "httperrorreply.h"

#include <QTcpSocket>
#include <QTimer>
#include <QVarLengthArray>
#include <QVariant>

#include <sys/socket.h>

namespace jb {

namespace {

constexpr const char *rejectedProperty = "jb.http.rejected";
constexpr const char *continuedProperty = "jb.http.continued";
// How long a refused client has to read its 413 before the connection is dropped.
constexpr int closeGraceMs = 2000;

// A head starts with an upper-case method and a space; anything else is a body still arriving.
bool startsWithRequestLine(QByteArrayView data)
{
    qsizetype i = 0;
    while (i < data.size() && data.at(i) >= 'A' && data.at(i) <= 'Z')
        ++i;
    return i > 0 && i + 1 < data.size() && data.at(i) == ' ';
}

} // namespace

HttpListener::HttpListener(Options options, QObject *parent)
    : QTcpServer(parent)
    , m_options(std::move(options))
{ }

bool HttpListener::isRejected(const QTcpSocket *socket)
{
    return socket->property(rejectedProperty).toBool();
}

void HttpListener::requestReceived(QTcpSocket *socket)
{
    socket->setProperty(continuedProperty, false);
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ++m_open;
    ++m_accepted;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    // connected before QtHttpServer connects its own handler, so this one sees the bytes first
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { inspect(socket); });
    if (m_options.idleTimeoutMs > 0)
        dropWhenIdle(socket);
    addPendingConnection(socket);
}

void HttpListener::dropWhenIdle(QTcpSocket *socket)
{
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    timer->setInterval(m_options.idleTimeoutMs);
    connect(timer, &QTimer::timeout, socket, [socket] { socket->abort(); });
    connect(socket, &QTcpSocket::readyRead, timer, qOverload<>(&QTimer::start));
    connect(socket, &QTcpSocket::bytesWritten, timer, qOverload<>(&QTimer::start));
    timer->start();
}

void HttpListener::inspect(QTcpSocket *socket)
{
    if (isRejected(socket))
        return;
    // peeked into the stack for the usual small head: no allocation, and the request stays unread
    const qint64 window = qMin<qint64>(socket->bytesAvailable(), m_options.maxHeadBytes);
    if (window <= 0)
        return;
    QVarLengthArray<char, 4096> buffer(window);
    const qint64 peeked = socket->peek(buffer.data(), window);
    if (peeked <= 0)
        return;
    const QByteArrayView data(buffer.data(), peeked);
    if (!startsWithRequestLine(data))
        return;
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    const qsizetype lineEnd = data.indexOf("\r\n");
    const QByteArrayView requestLine = data.first(lineEnd);
    const qsizetype methodEnd = requestLine.indexOf(' ');
    const QByteArrayView method = requestLine.first(methodEnd);
    QByteArrayView target = requestLine.sliced(methodEnd + 1);
    if (const qsizetype space = target.indexOf(' '); space >= 0)
        target = target.first(space);
    if (const qsizetype question = target.indexOf('?'); question >= 0)
        target = target.first(question);

    qint64 length = 0;
    bool expectContinue = false;
    if (end > lineEnd) {
        const QByteArrayView fields = data.sliced(lineEnd + 2, end - lineEnd - 2);
        qsizetype start = 0;
        while (start < fields.size()) {
            qsizetype stop = fields.indexOf('\n', start);
            if (stop < 0)
                stop = fields.size();
            const QByteArrayView line = fields.sliced(start, stop - start);
            start = stop + 1;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArrayView name = line.first(colon).trimmed();
            const QByteArrayView value = line.sliced(colon + 1).trimmed();
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toByteArray().toLongLong();
            else if (name.compare("expect", Qt::CaseInsensitive) == 0)
                expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    // only a request that announces a body asks its route for the limit: the others (most GETs)
    // are routed once, by the server that answers them
    if (length > 0 && m_options.bodyLimit && length > m_options.bodyLimit(method, target, socket))
        return refuseTooLarge(socket);
    // a client that sent its body without waiting needs no 100
    const bool bodyStarted = data.size() > end + 4;
    if (expectContinue && !bodyStarted && !socket->property(continuedProperty).toBool()) {
        socket->setProperty(continuedProperty, true);
        socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

void HttpListener::refuseTooLarge(QTcpSocket *socket)
{
    socket->setProperty(rejectedProperty, true);
    socket->write(HttpErrorReply::answer(413, m_options.tooLargeMessage, true));
    // closing with the unread body still arriving would send a reset that can overtake the
    // answer: stop writing, let the client read the 413, and drop the connection a bit later
    connect(socket, &QTcpSocket::bytesWritten, socket, [socket] {
        if (socket->bytesToWrite() == 0)
            ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
    });
    QTimer::singleShot(closeGraceMs, socket, [socket] { socket->abort(); });
}

} // namespace jb
