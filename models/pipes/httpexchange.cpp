#include "httpexchange.h"

#include "chunkedbody.h"
#include "httpclient.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr qsizetype maxHeadBytes = 64 * 1024;

} // namespace

HttpExchange::HttpExchange(HttpClient &client, const HttpCallSpec &spec, Done done, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_spec(spec)
    , m_done(std::move(done))
    , m_host(spec.url.host())
    , m_port(quint16(spec.url.port(80)))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpExchange::timedOut);
}

HttpExchange::~HttpExchange()
{
    // an exchange dropped before its answer takes its connection with it: the stream is mid-answer
    delete m_socket;
}

QByteArray HttpExchange::requestBytes(const HttpCallSpec &spec)
{
    QByteArray target = spec.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    if (spec.url.hasQuery())
        target += '?' + spec.url.query(QUrl::FullyEncoded).toLatin1();
    QByteArray bytes;
    bytes.reserve(256 + spec.body.size());
    bytes
        += spec.method + ' ' + target + " HTTP/1.1\r\nHost: " + spec.url.host(QUrl::FullyEncoded).toLatin1();
    if (spec.url.port() > 0)
        bytes += ':' + QByteArray::number(spec.url.port());
    bytes += "\r\n";
    bool hasAgent = false;
    bool hasType = false;
    for (const auto &[name, value] : spec.headers) {
        const QByteArray lower = name.toLower();
        if (lower == "content-length" || lower == "host" || lower == "connection")
            continue;
        hasAgent = hasAgent || lower == "user-agent";
        hasType = hasType || lower == "content-type";
        bytes += name + ": " + value + "\r\n";
    }
    if (!hasAgent)
        bytes += "User-Agent: JourneyBench/" JB_VERSION "\r\n";
    const bool withBody
        = !spec.body.isEmpty() || spec.method == "POST" || spec.method == "PUT" || spec.method == "PATCH";
    if (withBody) {
        if (!hasType && !spec.body.isEmpty())
            bytes += "Content-Type: application/json; charset=utf-8\r\n";
        bytes += "Content-Length: " + QByteArray::number(spec.body.size()) + "\r\n";
    }
    bytes += "\r\n";
    bytes += spec.body;
    return bytes;
}

void HttpExchange::start()
{
    connectSocket(true);
}

void HttpExchange::connectSocket(bool reuse)
{
    QTcpSocket *socket = reuse ? m_client.takeIdle(m_host, m_port) : nullptr;
    m_reused = socket != nullptr;
    if (!socket)
        socket = new QTcpSocket;
    socket->setParent(this);
    m_socket = socket;
    connect(socket, &QTcpSocket::readyRead, this, &HttpExchange::readyRead);
    connect(socket, &QTcpSocket::errorOccurred, this, &HttpExchange::socketError);
    if (m_reused) {
        send();
        return;
    }
    connect(socket, &QTcpSocket::connected, this, [this] {
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        send();
    });
    m_timer.start(m_spec.connectTimeoutMs);
    socket->connectToHost(m_host, m_port);
}

void HttpExchange::send()
{
    m_answer.sent = true;
    m_timer.start(m_spec.readTimeoutMs);
    m_socket->write(requestBytes(m_spec));
}

void HttpExchange::readyRead()
{
    m_buffer += m_socket->readAll();
    m_received = true;
    m_timer.start(m_spec.readTimeoutMs);
    if (!m_headDone && !parseHead())
        return;
    switch (m_body) {
    case Body::None:
        return succeed();
    case Body::Length:
        if (m_buffer.size() >= m_length) {
            m_answer.body = m_buffer.left(m_length);
            m_buffer.remove(0, m_length); // anything left over is unasked for: succeed() drops the connection
            return succeed();
        }
        break;
    case Body::Chunked:
        if (parseChunks())
            return succeed();
        break;
    case Body::UntilClose:
        break;
    }
    if (m_buffer.size() > m_spec.maxResponseBytes)
        failWith(u"too-large"_s, QString());
}

bool HttpExchange::parseHead()
{
    while (true) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > maxHeadBytes)
                failWith(u"protocol-error"_s, u"the answer's head is larger than 64 KiB"_s);
            return false;
        }
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QByteArray statusLine = lines.constFirst().trimmed();
        const bool http11 = statusLine.startsWith("HTTP/1.1 ");
        if (!http11 && !statusLine.startsWith("HTTP/1.0 ")) {
            failWith(u"protocol-error"_s, u"not an HTTP answer"_s);
            return false;
        }
        bool ok = false;
        const int status = statusLine.mid(9, 3).toInt(&ok);
        if (!ok || status < 100) {
            failWith(u"protocol-error"_s, u"bad status line"_s);
            return false;
        }
        m_buffer.remove(0, end + 4);
        if (status < 200)
            continue; // 100 Continue and friends: the real answer follows
        m_answer.status = status;
        m_answer.statusMessage = QString::fromLatin1(statusLine.mid(13));
        m_keepAlive = http11;
        bool chunked = false;
        qint64 length = -1;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray &line = lines.at(i);
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed();
            m_answer.headers.append({name, value});
            if (name == "content-length")
                length = value.toLongLong();
            else if (name == "transfer-encoding")
                chunked = value.toLower().contains("chunked");
            else if (name == "connection")
                m_keepAlive = value.compare("close", Qt::CaseInsensitive) != 0
                    && (http11 || value.compare("keep-alive", Qt::CaseInsensitive) == 0);
        }
        m_headDone = true;
        if (length > m_spec.maxResponseBytes) {
            failWith(u"too-large"_s, QString());
            return false;
        }
        const bool noBody = m_spec.method == "HEAD" || status == 204 || status == 304;
        if (noBody || length == 0)
            m_body = Body::None;
        else if (chunked)
            m_body = Body::Chunked;
        else if (length > 0) {
            m_body = Body::Length;
            m_length = length;
        } else {
            m_body = Body::UntilClose;
            m_keepAlive = false;
        }
        return true;
    }
}

bool HttpExchange::parseChunks()
{
    ChunkedBody chunks = ChunkedBody::decode(m_buffer);
    switch (chunks.state) {
    case ChunkedBody::State::Incomplete:
        return false;
    case ChunkedBody::State::Malformed:
        failWith(u"protocol-error"_s, QString::fromLatin1(chunks.error));
        return false;
    case ChunkedBody::State::Complete:
        break;
    }
    m_answer.body = std::move(chunks.body);
    m_buffer.remove(0, chunks.consumed);
    return true;
}

void HttpExchange::socketError()
{
    if (!m_done)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError) {
        if (m_headDone && m_body == Body::UntilClose) {
            m_answer.body = m_buffer;
            return finish(std::move(m_answer), false);
        }
        if (m_reused && !m_received && !m_retriedFresh) {
            // the server had closed this idle connection: the request never reached it
            m_retriedFresh = true;
            m_socket->disconnect(this);
            m_socket->deleteLater();
            m_socket = nullptr;
            m_answer = HttpAnswer{};
            m_buffer.clear();
            return connectSocket(false);
        }
        return failWith(u"connection-reset"_s, u"the connection was closed before a complete answer"_s);
    }
    const QString detail = m_socket->errorString();
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return failWith(u"connection-refused"_s, u"connection refused: "_s + detail);
    case QAbstractSocket::HostNotFoundError:
        return failWith(u"host-not-found"_s, u"host not found: "_s + detail);
    default:
        return failWith(u"connection-failed"_s, detail);
    }
}

void HttpExchange::timedOut()
{
    failWith(u"timeout"_s, QString());
}

void HttpExchange::succeed()
{
    finish(std::move(m_answer), m_keepAlive && m_buffer.isEmpty());
}

void HttpExchange::failWith(const QString &code, const QString &message)
{
    HttpAnswer answer = std::move(m_answer);
    answer.failureCode = code;
    answer.failureMessage = message;
    finish(std::move(answer), false);
}

void HttpExchange::finish(HttpAnswer answer, bool keepConnection)
{
    m_timer.stop();
    Done done = std::exchange(m_done, nullptr);
    if (!done)
        return;
    if (QTcpSocket *socket = m_socket.data()) {
        m_socket = nullptr;
        socket->disconnect(this);
        if (keepConnection) {
            m_client.giveBack(m_host, m_port, socket);
        } else {
            socket->setParent(nullptr);
            socket->abort();
            socket->deleteLater();
        }
    }
    done(std::move(answer));
}

} // namespace jb
