#include "httpconnection.h"

#include "httpanswer.h"
#include "httperrorreply.h"
#include "httplimits.h"
#include "httplistener.h"

#include <sys/socket.h>

using namespace Qt::StringLiterals;

namespace jb {

HttpConnection::HttpConnection(HttpListener *listener, const HttpLimits &limits)
    : QTcpSocket(listener)
    , m_listener(listener)
    , m_limits(limits)
{
    setDeadline(m_limits.headerTimeoutMs);
}

HttpConnection::~HttpConnection()
{
    if (m_listener)
        m_listener->forget(this);
}

void HttpConnection::beginHead()
{
    m_stage = Stage::Head;
    m_headTimed = false;
    m_headBytes = 0;
    m_lineBytes = 0;
    m_lines = 0;
    m_lastByte = 0;
    continued = false;
}

HttpConnection::HeadScan HttpConnection::scanHead(QByteArrayView data, qsizetype &headEnd)
{
    qsizetype start = 0;
    while (start < data.size()) {
        const auto *found
            = static_cast<const char *>(memchr(data.data() + start, '\n', size_t(data.size() - start)));
        if (!found) {
            m_lineBytes += data.size() - start;
            m_lastByte = data.back();
            break;
        }
        const qsizetype newline = found - data.data();
        const qsizetype line = m_lineBytes + (newline - start);
        const char before = newline > start ? data.at(newline - 1) : m_lastByte;
        const bool empty = line == 0 || (line == 1 && before == '\r');
        m_lineBytes = 0;
        m_lastByte = '\n';
        start = newline + 1;
        if (line > m_limits.maxLineBytes)
            return m_lines == 0 ? HeadScan::RequestLineTooLong : HeadScan::LineTooLong;
        if (m_headBytes + start > m_limits.maxHeaderBytes)
            return HeadScan::TooLarge;
        if (!empty) {
            ++m_lines;
            continue;
        }
        if (m_lines == 0)
            continue; // empty lines before a request line are ignored (RFC 9112, 2.2)
        headEnd = start;
        m_headBytes += start;
        return HeadScan::Complete;
    }
    m_headBytes += data.size();
    if (m_lineBytes > m_limits.maxLineBytes)
        return m_lines == 0 ? HeadScan::RequestLineTooLong : HeadScan::LineTooLong;
    if (m_headBytes > m_limits.maxHeaderBytes)
        return HeadScan::TooLarge;
    if (!m_headTimed) {
        m_headTimed = true;
        setDeadline(m_limits.headerTimeoutMs);
    }
    return HeadScan::Incomplete;
}

void HttpConnection::headReceived(bool bodyExpected)
{
    m_stage = Stage::Body;
    if (bodyExpected)
        setDeadline(m_limits.bodyTimeoutMs);
}

void HttpConnection::requestReceived()
{
    if (m_stage == Stage::Closing)
        return;
    m_stage = Stage::Idle;
    continued = false;
    setDeadline(m_limits.idleTimeoutMs);
}

void HttpConnection::refuse(const QByteArray &bytes, int graceMs)
{
    m_stage = Stage::Closing;
    write(bytes);
    // closing with unread bytes still arriving would send a reset that can overtake the answer:
    // stop writing, let the client read it, and drop the connection a bit later
    connect(this, &QTcpSocket::bytesWritten, this, [this] {
        if (bytesToWrite() == 0)
            ::shutdown(int(socketDescriptor()), SHUT_WR);
    });
    setDeadline(graceMs);
}

void HttpConnection::expire(int graceMs)
{
    switch (m_stage) {
    case Stage::Head:
        // a head begun and not finished hears why; a connection that never sent one is just closed
        if (m_headBytes > 0 || m_lineBytes > 0)
            return refuse(
                HttpErrorReply::answer(408, u"the request head did not arrive in time"_s, true), graceMs);
        break;
    case Stage::Body:
        return refuse(
            HttpErrorReply::answer(408, u"the request body did not arrive in time"_s, true), graceMs);
    case Stage::Idle:
    case Stage::Closing:
        break;
    }
    abort();
    // QtHttpServer deletes a socket when it disconnects, unless it has given up on it (a request
    // it could not parse), which leaves the socket unwatched: the listener owns it, and ends it
    deleteLater();
}

} // namespace jb
