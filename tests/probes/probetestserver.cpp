// jb-probe-testserver: the small servers the probe tests talk to, in one process, on loopback only.
//   --http ADDRESS:PORT              plain HTTP
//   --https ADDRESS:PORT:CERT:KEY    HTTP over TLS with that certificate (PEM files)
//   --silent ADDRESS:PORT            accepts connections and never says a word
//   --dns ADDRESS:PORT               a DNS server answering A queries for --record names, NXDOMAIN else
//   --record NAME=IPV4               (repeatable)
// Prints "ready" on stdout once every listener is bound; stops on SIGTERM/SIGINT (the default action).
// HTTP routes (any method; HEAD gets the headers only):
//   /status/NNN  answers NNN        /redirect -> 302 to /final      /final: "final destination"
//   /offsite-redirect -> 302 to another origin                      /json: {"ok": true}
//   /slow: never answers            /big: 3 MiB                     /auth: 200 only with the bearer
//   token of $JB_TESTSERVER_BEARER, else 401               anything else: 200 "ok", X-JourneyBench-Test: yes
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTextStream>
#include <QUdpSocket>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Listen
{
    QHostAddress address;
    quint16 port = 0;
    QString cert;
    QString key;
};

std::optional<Listen> parseListen(const QString &text, bool tls)
{
    const QStringList parts = text.split(u':');
    if (parts.size() != (tls ? 4 : 2))
        return std::nullopt;
    Listen listen{QHostAddress(parts.at(0)), quint16(parts.at(1).toUInt()), {}, {}};
    if (tls) {
        listen.cert = parts.at(2);
        listen.key = parts.at(3);
    }
    if (listen.address.isNull() || listen.port == 0)
        return std::nullopt;
    return listen;
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 302:
        return "Found";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

class HttpConnection final : public QObject
{
public:
    HttpConnection(QTcpSocket *socket, quint16 port)
        : QObject(socket)
        , m_socket(socket)
        , m_port(port)
    {
        connect(socket, &QTcpSocket::readyRead, this, [this] { onRead(); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void onRead()
    {
        m_buffer += m_socket->readAll();
        if (m_buffer.size() > 64 * 1024) {
            m_socket->abort();
            return;
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0 || m_answered)
            return;
        m_answered = true;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> request = lines.value(0).trimmed().split(' ');
        const QByteArray method = request.value(0);
        const QByteArray path = request.value(1);
        QByteArray authorization;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("authorization:"))
                authorization = line.mid(14).trimmed();
        }
        respond(method, path, authorization);
    }

    void respond(const QByteArray &method, const QByteArray &path, const QByteArray &authorization)
    {
        int status = 200;
        QByteArray body = "ok\n";
        QByteArray type = "text/plain; charset=utf-8";
        QByteArray extra;
        if (path == "/slow")
            return; // hold the connection, say nothing
        if (path.startsWith("/status/")) {
            status = path.mid(8).toInt();
            body = "status " + QByteArray::number(status) + "\n";
        } else if (path == "/redirect") {
            status = 302;
            extra = "Location: /final\r\n";
            body = "moved\n";
        } else if (path == "/final") {
            body = "final destination\n";
        } else if (path == "/offsite-redirect") {
            status = 302;
            extra = "Location: http://127.0.0.2:" + QByteArray::number(m_port) + "/final\r\n";
            body = "moved away\n";
        } else if (path == "/json") {
            type = "application/json";
            body = "{\"ok\": true}\n";
        } else if (path == "/big") {
            body = QByteArray(3 * 1024 * 1024, 'x');
        } else if (path == "/auth") {
            const QByteArray expected = "Bearer " + qgetenv("JB_TESTSERVER_BEARER");
            if (authorization != expected || expected == "Bearer ") {
                status = 401;
                body = "who are you?\n";
            } else {
                body = "welcome\n";
            }
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n"
            + "Content-Type: " + type + "\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\nX-JourneyBench-Test: yes\r\nServer: jb-probe-testserver\r\nConnection: close\r\n" + extra
            + "\r\n";
        m_socket->write(head);
        if (method != "HEAD")
            m_socket->write(body);
        m_socket->disconnectFromHost();
    }

    QTcpSocket *m_socket;
    quint16 m_port;
    QByteArray m_buffer;
    bool m_answered = false;
};

class HttpServer final : public QTcpServer
{
public:
    explicit HttpServer(Listen listen, bool silent, QObject *parent)
        : QTcpServer(parent)
        , m_listen(std::move(listen))
        , m_silent(silent)
    {
        if (!m_listen.cert.isEmpty()) {
            QFile cert(m_listen.cert);
            QFile key(m_listen.key);
            if (cert.open(QIODevice::ReadOnly))
                m_certificate = QSslCertificate(&cert, QSsl::Pem);
            if (key.open(QIODevice::ReadOnly))
                m_key = QSslKey(&key, QSsl::Rsa, QSsl::Pem);
            if (m_certificate.isNull() || m_key.isNull())
                m_error = u"cannot read %1 or %2"_s.arg(m_listen.cert, m_listen.key);
        }
    }

    QString start()
    {
        if (!m_error.isEmpty())
            return m_error;
        if (!listen(m_listen.address, m_listen.port))
            return u"cannot listen on %1:%2: %3"_s.arg(m_listen.address.toString())
                .arg(m_listen.port)
                .arg(errorString());
        return {};
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_silent) {
            auto *socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            return;
        }
        if (m_certificate.isNull()) {
            auto *socket = new QTcpSocket(this);
            socket->setSocketDescriptor(descriptor);
            new HttpConnection(socket, m_listen.port);
            return;
        }
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(socket, &QSslSocket::errorOccurred, socket, [socket] { socket->deleteLater(); });
        new HttpConnection(socket, m_listen.port);
        socket->startServerEncryption();
    }

private:
    Listen m_listen;
    bool m_silent = false;
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_error;
};

class DnsServer final : public QObject
{
public:
    DnsServer(QHash<QByteArray, QHostAddress> records, QObject *parent)
        : QObject(parent)
        , m_records(std::move(records))
    {
        connect(&m_socket, &QUdpSocket::readyRead, this, [this] { answer(); });
    }

    QString start(const QHostAddress &address, quint16 port)
    {
        if (!m_socket.bind(address, port))
            return u"cannot bind the DNS server to %1:%2: %3"_s.arg(address.toString())
                .arg(port)
                .arg(m_socket.errorString());
        return {};
    }

private:
    void answer()
    {
        while (m_socket.hasPendingDatagrams()) {
            QByteArray query(qsizetype(m_socket.pendingDatagramSize()), Qt::Uninitialized);
            QHostAddress from;
            quint16 port = 0;
            m_socket.readDatagram(query.data(), query.size(), &from, &port);
            if (query.size() < 17)
                continue;
            // the question: labels from offset 12, then type and class
            qsizetype at = 12;
            QList<QByteArray> labels;
            for (int guard = 0; guard < 64 && at < query.size() && query.at(at) != 0; ++guard) {
                const int length = quint8(query.at(at));
                labels.append(query.mid(at + 1, length).toLower());
                at += 1 + length;
            }
            const qsizetype questionEnd = at + 5;
            if (questionEnd > query.size())
                continue;
            const int type = (quint8(query.at(at + 1)) << 8) | quint8(query.at(at + 2));
            const QByteArray name = labels.join('.');
            const auto found = m_records.constFind(name);
            QByteArray reply = query.left(questionEnd);
            reply[2] = char(0x81); // response, recursion desired
            const bool known = found != m_records.cend();
            reply[3] = char(known ? 0x80 : 0x83); // recursion available; NXDOMAIN when unknown
            reply[4] = 0;
            reply[5] = 1; // one question
            reply[6] = 0;
            reply[7] = char(known && type == 1 ? 1 : 0);
            reply[8] = reply[9] = reply[10] = reply[11] = 0;
            if (known && type == 1) {
                const quint32 ip = found->toIPv4Address();
                reply += QByteArray::fromHex("c00c000100010000003c0004");
                reply += char(ip >> 24);
                reply += char((ip >> 16) & 0xff);
                reply += char((ip >> 8) & 0xff);
                reply += char(ip & 0xff);
            }
            m_socket.writeDatagram(reply, from, port);
        }
    }

    QUdpSocket m_socket;
    QHash<QByteArray, QHostAddress> m_records;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption http(u"http"_s, u"plain HTTP"_s, u"ADDRESS:PORT"_s);
    const QCommandLineOption https(u"https"_s, u"HTTPS"_s, u"ADDRESS:PORT:CERT:KEY"_s);
    const QCommandLineOption silent(u"silent"_s, u"accept and never answer"_s, u"ADDRESS:PORT"_s);
    const QCommandLineOption dns(u"dns"_s, u"DNS over UDP"_s, u"ADDRESS:PORT"_s);
    const QCommandLineOption record(u"record"_s, u"an A record"_s, u"NAME=IPV4"_s);
    parser.addOptions({http, https, silent, dns, record});
    parser.process(app);
    QTextStream err(stderr);
    auto fail = [&err](const QString &message) {
        err << u"jb-probe-testserver: "_s << message << Qt::endl;
        return 2;
    };
    std::vector<std::unique_ptr<QObject>> servers;
    for (const auto &[option, tls, quiet] :
        {std::tuple{http, false, false}, std::tuple{https, true, false}, std::tuple{silent, false, true}}) {
        for (const QString &value : parser.values(option)) {
            const std::optional<Listen> listen = parseListen(value, tls);
            if (!listen)
                return fail(u"bad listener \"%1\""_s.arg(value));
            auto server = std::make_unique<HttpServer>(*listen, quiet, nullptr);
            if (const QString error = server->start(); !error.isEmpty())
                return fail(error);
            servers.push_back(std::move(server));
        }
    }
    QHash<QByteArray, QHostAddress> records;
    for (const QString &value : parser.values(record)) {
        const QString name = value.section(u'=', 0, 0).toLower();
        records.insert(name.toUtf8(), QHostAddress(value.section(u'=', 1)));
    }
    for (const QString &value : parser.values(dns)) {
        const std::optional<Listen> listen = parseListen(value, false);
        if (!listen)
            return fail(u"bad DNS listener \"%1\""_s.arg(value));
        auto server = std::make_unique<DnsServer>(records, nullptr);
        if (const QString error = server->start(listen->address, listen->port); !error.isEmpty())
            return fail(error);
        servers.push_back(std::move(server));
    }
    QTextStream(stdout) << "ready" << Qt::endl;
    return app.exec();
}
