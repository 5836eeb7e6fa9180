#include "mocktcpserver.h"

#include <QByteArrayView>
#include <QTcpSocket>

#include <array>

namespace jb {

MockTcpServer::MockTcpServer(QObject *parent)
    : QTcpServer(parent)
{ }

void MockTcpServer::incomingConnection(qintptr handle)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(handle)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ++m_open;
    ++m_accepted;
    connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    // Connected before the HTTP server's own handler, so it looks at the request first.
    connect(socket, &QTcpSocket::readyRead, socket, [socket] { answerExpectContinue(socket); });
    addPendingConnection(socket);
}

void MockTcpServer::answerExpectContinue(QTcpSocket *socket)
{
    // Peek into a stack buffer: no allocation on the hot path, and the request stays unread.
    std::array<char, 4096> buffer;
    const qint64 peeked = socket->peek(buffer.data(), static_cast<qint64>(buffer.size()));
    if (peeked <= 0)
        return;
    const QByteArrayView data(buffer.data(), peeked);
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;
    const QByteArrayView head = data.first(headEnd + 2);
    static constexpr QByteArrayView expect("\r\nexpect:");
    qsizetype at = 0;
    while ((at = head.indexOf('\r', at)) >= 0) {
        const QByteArrayView rest = head.sliced(at);
        if (rest.size() >= expect.size()
            && rest.first(expect.size()).compare(expect, Qt::CaseInsensitive) == 0) {
            const qsizetype lineEnd = rest.indexOf('\r', 2);
            const QByteArrayView value = rest.sliced(expect.size(), lineEnd - expect.size()).trimmed();
            if (value.compare("100-continue", Qt::CaseInsensitive) == 0
                && data.size() == headEnd + 4) // the body has not started yet
                socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            return;
        }
        ++at;
    }
}

} // namespace jb
