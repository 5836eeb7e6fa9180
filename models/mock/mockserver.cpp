#include "mockserver.h"

#include "httplistener.h"
#include "httptransport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <sys/socket.h>
#endif

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

Q_LOGGING_CATEGORY(lcMock, "jb.mock")

namespace {

// Bodies at least this big are written after their head instead of being copied next to it.
constexpr qsizetype separateBodyBytes = 64 * 1024;
// The mock looks for "Expect: 100-continue" in the first 4 KiB only: a head that fits on the stack.
constexpr qsizetype mockHeadBytes = 4096;

// A reset, not a close: with SO_LINGER {on, 0} the kernel answers with RST, which clients report
// as "connection reset by peer".
void resetConnection(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0) {
        const linger hard{1, 0};
        ::setsockopt(static_cast<int>(fd), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
#endif
    socket->abort();
}

// Straight into the kernel when QTcpSocket holds nothing back: that saves copying the answer into
// its write buffer and a turn of the event loop (it only writes buffered data when its write
// notifier fires). Whatever the kernel does not take now is left to QTcpSocket, in order.
void writeNow(QTcpSocket *socket, const QByteArray &bytes)
{
#ifdef Q_OS_UNIX
    const qintptr fd = socket->socketDescriptor();
    if (fd >= 0 && socket->bytesToWrite() == 0) {
        qsizetype done = 0;
        while (done < bytes.size()) {
            const ssize_t sent = ::send(static_cast<int>(fd), bytes.constData() + done,
                static_cast<size_t>(bytes.size() - done), MSG_NOSIGNAL);
            if (sent < 0 && errno == EINTR)
                continue;
            if (sent <= 0)
                break; // EAGAIN (a full socket buffer) or an error QTcpSocket will meet and report
            done += sent;
        }
        if (done < bytes.size())
            socket->write(bytes.constData() + done, bytes.size() - done);
        return;
    }
#endif
    socket->write(bytes);
}

} // namespace

struct MockServer::Exchange
{
    QByteArray method;
    QByteArray path;
    QByteArray query;
    QByteArray body; // the request's, for the log
    qint64 timeMs = 0;
    QElapsedTimer clock;
    bool closeRequested = false;
    MockResponse response;
};

MockServer::MockServer(QObject *parent)
    : QObject(parent)
{ }

MockServer::~MockServer()
{
    delete m_transport; // its sockets and their pending timers go with it, before the router
}

Status MockServer::start()
{
    return start(Options());
}

Status MockServer::start(const Options &options)
{
    if (isListening())
        return Status::failure(
            Error::Code::Refused, u"the mock server is already listening on %1"_s.arg(baseUrl().toString()));
    const bool loopback = options.address.isLoopback();
    if (!loopback && !options.allowNonLoopback)
        return Status::failure(Error::Code::Refused,
            u"refusing to bind the mock server to %1: it would be reachable from other machines; "
            "ask for it explicitly (--bind ADDRESS) to allow it"_s.arg(options.address.toString()));
    m_options = options;
    m_options.maxHoldMs = std::max(1, options.maxHoldMs);

    auto *transport = new HttpTransport(
        [this](HttpRequest &&request, QTcpSocket *socket) { serve(std::move(request), socket); }, this);
    HttpListener::Options listening;
    listening.maxHeadBytes = mockHeadBytes;
    listening.limits = options.limits;
    auto *listener = new HttpListener(listening, transport);
    if (!listener->listen(options.address, options.port)) {
        const QString why = listener->errorString();
        delete transport;
        return Status::failure(Error::Code::Network,
            u"cannot listen on %1 port %2: %3"_s.arg(options.address.toString()).arg(options.port).arg(why));
    }
    transport->bind(listener);
    m_transport = transport;
    m_listener = listener;
    if (!loopback) {
        const QString message
            = u"the mock server listens on %1, beyond loopback: other machines can reach it"_s.arg(
                baseUrl().toString());
        qCWarning(lcMock).noquote() << message;
        Q_EMIT warning(message);
    }
    return {};
}

void MockServer::stop()
{
    if (!m_transport)
        return;
    m_listener->close();
    for (QTcpSocket *socket : m_listener->findChildren<QTcpSocket *>(Qt::FindDirectChildrenOnly))
        socket->abort();
    // deleted later: stop() may be running inside one of these sockets' own signals
    m_transport->deleteLater();
    m_transport = nullptr;
    m_listener = nullptr;
}

bool MockServer::isListening() const
{
    return m_listener && m_listener->isListening();
}

QHostAddress MockServer::address() const
{
    return isListening() ? m_listener->serverAddress() : QHostAddress();
}

quint16 MockServer::port() const
{
    return isListening() ? m_listener->serverPort() : 0;
}

QUrl MockServer::baseUrl() const
{
    if (!isListening())
        return {};
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(address().toString());
    url.setPort(port());
    return url;
}

int MockServer::openConnections() const
{
    return m_listener ? m_listener->openConnections() : 0;
}

quint64 MockServer::acceptedConnections() const
{
    return m_listener ? m_listener->acceptedConnections() : 0;
}

void MockServer::serve(HttpRequest &&request, QTcpSocket *socket)
{
    Exchange exchange;
    exchange.clock.start();
    exchange.timeMs = QDateTime::currentMSecsSinceEpoch();
    exchange.method = request.method;
    exchange.path = request.path;
    exchange.query = request.query;
    exchange.body = request.body; // shared, not copied
    exchange.closeRequested = request.close;

    if (m_async) {
        const QPointer<MockServer> self(this);
        const QPointer<QTcpSocket> guard(socket);
        auto pending = std::make_shared<Exchange>(exchange);
        const Answer answer = [self, guard, pending](MockResponse response) {
            if (!self)
                return;
            self->m_router.faults().apply(response);
            pending->response = std::move(response);
            if (!guard) {
                self->record(*pending, 0); // the client left before the answer was ready
                return;
            }
            self->deliver(guard, *pending);
        };
        if (m_async(request, answer))
            return;
    }
    exchange.response = m_router.handle(request);
    deliver(socket, exchange);
}

void MockServer::deliver(QTcpSocket *socket, Exchange &exchange)
{
    const int delay = exchange.response.fault.delayMs;
    if (delay <= 0) {
        finish(socket, exchange);
        return;
    }
    // the socket is the context: if the client goes first, the timer goes with it
    QTimer::singleShot(delay, socket, [this, socket, exchange]() mutable { finish(socket, exchange); });
}

void MockServer::finish(QTcpSocket *socket, Exchange &exchange)
{
    if (socket->state() != QAbstractSocket::ConnectedState) {
        record(exchange, 0);
        return;
    }
    const MockResponse &response = exchange.response;
    switch (response.fault.kind) {
    case FaultKind::Reset:
        resetConnection(socket);
        record(exchange, 0);
        return;
    case FaultKind::Blocked:
        // The provider's firewall would refuse the connection itself, but the listening socket
        // stays up for everyone else, so the closest we can do is close it unanswered.
        socket->abort();
        record(exchange, 0);
        return;
    case FaultKind::NoAnswer: {
        const int hold = response.fault.holdMs > 0 ? std::min(response.fault.holdMs, m_options.maxHoldMs)
                                                   : m_options.maxHoldMs;
        QTimer::singleShot(hold, socket, [socket] { socket->abort(); });
        record(exchange, 0);
        return;
    }
    default:
        break;
    }
    if (exchange.method == "HEAD") {
        writeNow(socket, response.head(exchange.closeRequested));
    } else if (response.wire.isEmpty() && response.body.size() >= separateBodyBytes) {
        writeNow(socket, response.head(exchange.closeRequested));
        writeNow(socket, response.body);
    } else {
        writeNow(socket, response.serialized(exchange.closeRequested));
    }
    if (exchange.closeRequested)
        socket->disconnectFromHost();
    record(exchange, response.status);
}

void MockServer::record(const Exchange &exchange, int status)
{
    RequestLogEntry entry;
    entry.timeMs = exchange.timeMs;
    entry.method = exchange.method;
    entry.path = exchange.path;
    entry.query = exchange.query;
    entry.setBodies(exchange.body, status > 0 ? exchange.response.body : QByteArray());
    entry.route = exchange.response.route;
    entry.status = status;
    entry.latencyUs = exchange.clock.nsecsElapsed() / 1000;
    entry.fault = exchange.response.fault;
    m_log.append(std::move(entry));
}

} // namespace jb
