#include "httplistener.h"

#include "httpconnection.h"
#include "httperrorreply.h"

#include <QPointer>
#include <QVarLengthArray>

#include <algorithm>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// How long a refused client has to read its answer before the connection is dropped.
constexpr int closeGraceMs = 2000;
// Connections refused past the maximum that may wait for their 503 to be read at once; past
// this, a connection is closed unanswered rather than hold one more descriptor.
constexpr int maxUnservedClosing = 64;
// Heads are looked at on the stack up to this size.
constexpr qsizetype stackWindow = 4096;

// A head starts with an upper-case method and a space; anything else is not one we parse.
bool startsWithRequestLine(QByteArrayView data)
{
    qsizetype i = 0;
    while (i < data.size() && data.at(i) >= 'A' && data.at(i) <= 'Z')
        ++i;
    return i > 0 && i + 1 < data.size() && data.at(i) == ' ';
}

QByteArrayView withoutCr(QByteArrayView line)
{
    return line.endsWith('\r') ? line.chopped(1) : line;
}

} // namespace

HttpListener::HttpListener(Options options, QObject *parent)
    : QTcpServer(parent)
    , m_options(std::move(options))
{
    // one timer for every connection's deadline, fine enough for the shortest limit
    const HttpLimits &limits = m_options.limits;
    const int shortest = std::min({limits.headerTimeoutMs, limits.bodyTimeoutMs, limits.idleTimeoutMs});
    m_sweep.setInterval(std::clamp(shortest / 4, 5, 1000));
    m_sweep.setTimerType(Qt::CoarseTimer);
    connect(&m_sweep, &QTimer::timeout, this, &HttpListener::sweep);
    // Qt's backlog of 50 makes a burst of clients past it wait for the kernel's SYN retries
    // (1 s, 3 s, …): the kernel may queue as many as the server serves (capped by somaxconn)
    setListenBacklogSize(std::max(50, limits.maxConnections));
}

HttpListener::~HttpListener()
{
    // the connections are children, deleted after this list is gone
    for (HttpConnection *connection : m_connections)
        connection->detach();
}

bool HttpListener::isRejected(const QTcpSocket *socket)
{
    const auto *connection = qobject_cast<const HttpConnection *>(socket);
    return connection && connection->isRejected();
}

void HttpListener::requestReceived(QTcpSocket *socket)
{
    if (auto *connection = qobject_cast<HttpConnection *>(socket))
        connection->requestReceived();
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    if (m_open >= m_options.limits.maxConnections)
        return refuseConnection(descriptor);
    auto *connection = new HttpConnection(this, m_options.limits);
    if (!connection->setSocketDescriptor(descriptor)) {
        delete connection;
        return;
    }
    connection->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    ++m_open;
    ++m_accepted;
    connection->slot = qsizetype(m_connections.size());
    m_connections.push_back(connection);
    if (!m_sweep.isActive())
        m_sweep.start();
    // connected before QtHttpServer connects its own handler, so this one sees the bytes first
    connect(connection, &QTcpSocket::readyRead, this, [this, connection] { inspect(connection); });
    addPendingConnection(connection);
}

void HttpListener::refuseConnection(qintptr descriptor)
{
    ++m_refused;
    if (m_closingUnserved >= maxUnservedClosing) {
        ::close(int(descriptor));
        return;
    }
    auto *connection = new HttpConnection(this, m_options.limits);
    connection->served = false;
    if (!connection->setSocketDescriptor(descriptor)) {
        delete connection;
        return;
    }
    ++m_closingUnserved;
    connection->slot = qsizetype(m_connections.size());
    m_connections.push_back(connection);
    if (!m_sweep.isActive())
        m_sweep.start();
    connect(connection, &QTcpSocket::readyRead, this, [this, connection] { inspect(connection); });
    connect(connection, &QAbstractSocket::disconnected, connection, &QObject::deleteLater);
    connection->refuse(
        HttpErrorReply::answer(503,
            u"the server has %1 connections open, as many as it serves at once; try again later"_s.arg(
                m_options.limits.maxConnections),
            true, {{QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1")}}),
        closeGraceMs);
}

void HttpListener::forget(HttpConnection *connection)
{
    const qsizetype slot = connection->slot;
    if (slot < 0 || slot >= qsizetype(m_connections.size()) || m_connections[size_t(slot)] != connection)
        return; // never listed (its descriptor was refused)
    m_connections[size_t(slot)] = m_connections.back();
    m_connections[size_t(slot)]->slot = slot;
    m_connections.pop_back();
    if (connection->served)
        --m_open;
    else
        --m_closingUnserved;
    if (m_connections.empty())
        m_sweep.stop();
}

void HttpListener::sweep()
{
    const HttpConnection::Clock::time_point now = HttpConnection::Clock::now();
    // expiring a connection may reach code that closes others: act once the list is read
    QVarLengthArray<QPointer<HttpConnection>, 16> due;
    for (HttpConnection *connection : m_connections) {
        if (connection->deadline() <= now && connection->state() != QAbstractSocket::UnconnectedState)
            due.append(connection);
    }
    for (const QPointer<HttpConnection> &connection : due) {
        if (connection)
            connection->expire(closeGraceMs);
    }
}

void HttpListener::inspect(HttpConnection *connection)
{
    if (connection->isRejected()) {
        // refused: nothing more it sends is parsed or buffered
        connection->skip(connection->bytesAvailable());
        return;
    }
    if (connection->stage() == HttpConnection::Stage::Body)
        return; // the parser reads the body; its clock runs until the request is whole
    if (connection->stage() == HttpConnection::Stage::Idle)
        connection->beginHead();
    const qint64 available = connection->bytesAvailable();
    if (available <= 0)
        return;
    const bool fresh = connection->headBytes() == 0;
    // the head may not take more than this, so nothing past it needs a look
    const qint64 budget = m_options.limits.maxHeaderBytes - connection->headBytes() + 1;
    // peeked into the stack for the usual small head: no allocation, and the request stays unread
    QVarLengthArray<char, stackWindow> buffer(std::min({available, budget, qint64(stackWindow)}));
    const qint64 window = connection->peek(buffer.data(), buffer.size());
    if (window <= 0)
        return;
    qsizetype headEnd = -1;
    HttpConnection::HeadScan scan = connection->scanHead(QByteArrayView(buffer.data(), window), headEnd);
    qint64 peeked = window;
    if (scan == HttpConnection::HeadScan::Incomplete && available > window && window < budget) {
        // a piece larger than the stack window: look at as much more as the head may still take
        buffer.resize(std::min(available, budget));
        peeked = connection->peek(buffer.data(), buffer.size());
        if (peeked > window) {
            scan = connection->scanHead(QByteArrayView(buffer.data(), peeked).sliced(window), headEnd);
            if (scan == HttpConnection::HeadScan::Complete)
                headEnd += window;
        }
    }
    const HttpLimits &limits = m_options.limits;
    switch (scan) {
    case HttpConnection::HeadScan::Incomplete:
        return;
    case HttpConnection::HeadScan::TooLarge:
        return connection->refuse(
            HttpErrorReply::answer(431,
                u"the request head is larger than %1 bytes, the most this server reads"_s.arg(
                    limits.maxHeaderBytes),
                true),
            closeGraceMs);
    case HttpConnection::HeadScan::RequestLineTooLong:
        return connection->refuse(
            HttpErrorReply::answer(414,
                u"the request line is longer than %1 bytes, the most this server reads"_s.arg(
                    limits.maxLineBytes),
                true),
            closeGraceMs);
    case HttpConnection::HeadScan::LineTooLong:
        return connection->refuse(
            HttpErrorReply::answer(431,
                u"a request header line is longer than %1 bytes, the most this server reads"_s.arg(
                    limits.maxLineBytes),
                true),
            closeGraceMs);
    case HttpConnection::HeadScan::Complete:
        break;
    }
    const QByteArrayView data(buffer.data(), peeked);
    if (fresh && headEnd <= m_options.maxHeadBytes)
        parseHead(connection, data.first(headEnd), peeked > headEnd);
    else
        connection->headReceived(true); // a head that came in pieces: whether a body follows is the parser's
}

void HttpListener::parseHead(HttpConnection *connection, QByteArrayView head, bool bodyStarted)
{
    while (head.startsWith("\r\n"))
        head = head.sliced(2);
    while (head.startsWith('\n'))
        head = head.sliced(1);
    if (!startsWithRequestLine(head))
        return connection->headReceived(true); // not ours to judge: the parser answers it
    const qsizetype lineEnd = head.indexOf('\n');
    const QByteArrayView requestLine = withoutCr(head.first(lineEnd));
    const qsizetype methodEnd = requestLine.indexOf(' ');
    const QByteArrayView method = requestLine.first(methodEnd);
    QByteArrayView target = requestLine.sliced(methodEnd + 1);
    if (const qsizetype space = target.indexOf(' '); space >= 0)
        target = target.first(space);
    if (const qsizetype question = target.indexOf('?'); question >= 0)
        target = target.first(question);

    qint64 length = 0;
    bool chunked = false;
    bool expectContinue = false;
    qsizetype start = lineEnd + 1;
    while (start < head.size()) {
        qsizetype stop = head.indexOf('\n', start);
        if (stop < 0)
            stop = head.size();
        const QByteArrayView line = head.sliced(start, stop - start);
        start = stop + 1;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArrayView name = line.first(colon).trimmed();
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            bool ok = false;
            length = value.toByteArray().toLongLong(&ok);
            if (!ok || length < 0)
                return connection->refuse(
                    HttpErrorReply::answer(400,
                        u"Content-Length must be a number of bytes, not \"%1\""_s.arg(
                            QString::fromLatin1(value.first(std::min<qsizetype>(value.size(), 40)))),
                        true),
                    closeGraceMs);
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0)
            chunked = true;
        else if (name.compare("expect", Qt::CaseInsensitive) == 0)
            expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
    }
    // only a request that announces a body asks its route for the limit: the others (most GETs)
    // are routed once, by the server that answers them
    if (length > 0 && m_options.bodyLimit && length > m_options.bodyLimit(method, target, connection))
        return connection->refuse(HttpErrorReply::answer(413, m_options.tooLargeMessage, true), closeGraceMs);
    connection->headReceived(length > 0 || chunked);
    // a client that sent its body without waiting needs no 100
    if (expectContinue && !bodyStarted && !connection->continued) {
        connection->continued = true;
        connection->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
}

} // namespace jb
