#include "httplimits.h"
#include "httplistener.h"
#include "httptransport.h"

#include <QDir>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace jb;

// The listener held to its HttpLimits on loopback, by clients that misbehave: heads trickled or
// never finished, lines and heads too large, bodies absurd, late or malformed, connections by
// the hundred. After each, the server must answer a normal request correctly and hold no more
// descriptors than before (counted in /proc/self/fd).
class TestHttpBounds final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void abuse_data();
    void abuse();
    void silentConnectionIsClosed();
    void manyConnectionsOpenedAndDropped();
    void connectionsPastTheMaximum();
    void keepAliveWithinTheLimits();

private:
    void start(HttpLimits limits);
    std::unique_ptr<QTcpSocket> connectClient();
    // What arrives until the server closes the connection (or `ms` pass).
    static QByteArray receiveUntilClosed(QTcpSocket &socket, int ms = 5000);
    // A normal request on a new connection is answered, and handled once more.
    void answersNormally();
    static int openDescriptors();

    std::unique_ptr<HttpTransport> m_transport;
    HttpListener *m_listener = nullptr;
    QList<HttpRequest> m_handled;
};

namespace {

const QByteArray okAnswer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
constexpr qint64 bodyLimit = 1024 * 1024;

// Short clocks, so that the tests wait a fraction of a second, not the 10 s of the defaults.
HttpLimits testLimits()
{
    HttpLimits limits;
    limits.headerTimeoutMs = 300;
    limits.bodyTimeoutMs = 300;
    limits.idleTimeoutMs = 600;
    limits.maxHeaderBytes = 8192;
    limits.maxLineBytes = 1024;
    limits.maxConnections = 600;
    return limits;
}

struct Trickle
{
    QByteArray piece;
    int times = 0;
    int everyMs = 0;
};

} // namespace

Q_DECLARE_METATYPE(Trickle)

void TestHttpBounds::cleanup()
{
    m_transport.reset();
    m_listener = nullptr;
    m_handled.clear();
}

void TestHttpBounds::start(HttpLimits limits)
{
    m_transport = std::make_unique<HttpTransport>([this](HttpRequest &&request, QTcpSocket *socket) {
        m_handled.append(std::move(request));
        socket->write(okAnswer);
    });
    HttpListener::Options options;
    options.limits = limits;
    options.bodyLimit = [](QByteArrayView, QByteArrayView, QTcpSocket *) { return bodyLimit; };
    m_listener = new HttpListener(std::move(options), m_transport.get());
    QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
    m_transport->bind(m_listener);
}

std::unique_ptr<QTcpSocket> TestHttpBounds::connectClient()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

QByteArray TestHttpBounds::receiveUntilClosed(QTcpSocket &socket, int ms)
{
    QByteArray received;
    // a timeout is no failure here: the caller checks the state and what did arrive
    const bool closed = QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        ms);
    Q_UNUSED(closed);
    received += socket.readAll();
    return received;
}

void TestHttpBounds::answersNormally()
{
    const qsizetype before = m_handled.size();
    const auto client = connectClient();
    QVERIFY(client);
    client->write("GET /after?x=1 HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += client->readAll()).size() >= okAnswer.size(), 5000);
    QCOMPARE(received, okAnswer);
    QCOMPARE(m_handled.size(), before + 1);
    QCOMPARE(m_handled.constLast().path, QByteArray("/after"));
    QCOMPARE(m_handled.constLast().query, QByteArray("x=1"));
}

int TestHttpBounds::openDescriptors()
{
    return int(QDir(u"/proc/self/fd"_s).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size());
}

void TestHttpBounds::abuse_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<Trickle>("trickle");
    QTest::addColumn<QByteArray>("answer"); // the status line the server answers with

    const QByteArray requestLine = "GET / HTTP/1.1\r\n";
    QTest::addRow("slowloris: fields trickled past the head timeout")
        << requestLine << Trickle{"X-Slow: 1\r\n", 20, 50} << QByteArray("HTTP/1.1 408 Request Timeout");
    QTest::addRow("a head that never ends")
        << (requestLine + "Host: x\r\n") << Trickle{} << QByteArray("HTTP/1.1 408 Request Timeout");
    QTest::addRow("a 1 MB header line")
        << (requestLine + "X-Big: " + QByteArray(1024 * 1024, 'a') + "\r\n\r\n") << Trickle{}
        << QByteArray("HTTP/1.1 431 Request Header Fields Too Large");
    QTest::addRow("a header line past the limit, trickled")
        << (requestLine + "X-Big: ") << Trickle{QByteArray(100, 'b'), 12, 5}
        << QByteArray("HTTP/1.1 431 Request Header Fields Too Large");
    QTest::addRow("a head past the limit in short lines")
        << (requestLine + QByteArray("X-Many: " + QByteArray(90, 'c') + "\r\n").repeated(100)) << Trickle{}
        << QByteArray("HTTP/1.1 431 Request Header Fields Too Large");
    QTest::addRow("a request line past the limit")
        << QByteArray("GET /" + QByteArray(4000, 'p') + " HTTP/1.1\r\n\r\n") << Trickle{}
        << QByteArray("HTTP/1.1 414 URI Too Long");
    QTest::addRow("an absurd Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999\r\n\r\nabc") << Trickle{}
        << QByteArray("HTTP/1.1 413 Payload Too Large");
    QTest::addRow("a Content-Length past 64 bits")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\nabc") << Trickle{}
        << QByteArray("HTTP/1.1 400 Bad Request");
    QTest::addRow("a negative Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -5\r\n\r\nabc") << Trickle{}
        << QByteArray("HTTP/1.1 400 Bad Request");
    QTest::addRow("a body that stops short")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n0123456789") << Trickle{}
        << QByteArray("HTTP/1.1 408 Request Timeout");
    QTest::addRow("a body trickled past the body timeout")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n") << Trickle{"x", 40, 25}
        << QByteArray("HTTP/1.1 408 Request Timeout");
    QTest::addRow("a bad chunked body")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nhello\r\n") << Trickle{}
        << QByteArray();
    QTest::addRow("a chunked body that never ends")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n") << Trickle{}
        << QByteArray("HTTP/1.1 408 Request Timeout");
}

void TestHttpBounds::abuse()
{
    QFETCH(QByteArray, sent);
    QFETCH(Trickle, trickle);
    QFETCH(QByteArray, answer);
    start(testLimits());
    const int descriptors = openDescriptors();
    {
        const auto client = connectClient();
        QVERIFY(client);
        client->write(sent);
        QByteArray received;
        for (int i = 0; i < trickle.times && client->state() == QAbstractSocket::ConnectedState; ++i) {
            QTest::qWait(trickle.everyMs);
            client->write(trickle.piece);
            received += client->readAll();
        }
        received += receiveUntilClosed(*client);
        QCOMPARE(client->state(), QAbstractSocket::UnconnectedState);
        if (answer.isEmpty()) {
            // the parser's to judge: whatever it answers, the connection ends and the server goes on
            QVERIFY2(received.isEmpty() || received.startsWith("HTTP/1.1 "), received.left(80).constData());
            m_handled.clear();
        } else {
            QVERIFY2(received.startsWith(QByteArray(answer + "\r\n")), received.left(80).constData());
            QVERIFY(received.contains("\r\nConnection: close\r\n"));
            QVERIFY(received.endsWith("\"}")); // the JSON error reply, whole
        }
        QVERIFY(m_handled.isEmpty());
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_listener->openConnections(), 0, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(openDescriptors(), descriptors, 5000);
    answersNormally();
}

void TestHttpBounds::silentConnectionIsClosed()
{
    start(testLimits());
    const int descriptors = openDescriptors();
    {
        const auto client = connectClient();
        QVERIFY(client);
        QTRY_COMPARE(m_listener->openConnections(), 1);
        // a connection that sends nothing hears nothing and is closed after the head timeout
        QCOMPARE(receiveUntilClosed(*client), QByteArray());
        QCOMPARE(client->state(), QAbstractSocket::UnconnectedState);
    }
    QTRY_COMPARE(m_listener->openConnections(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(openDescriptors(), descriptors, 5000);
    answersNormally();
}

void TestHttpBounds::manyConnectionsOpenedAndDropped()
{
    HttpLimits limits = testLimits();
    limits.headerTimeoutMs = 10000; // they are dropped by the clients here, not by the clock
    start(limits);
    const int descriptors = openDescriptors();
    constexpr int count = 500;
    {
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < count; ++i) {
            auto client = std::make_unique<QTcpSocket>();
            client->connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
            clients.push_back(std::move(client));
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_listener->openConnections(), count, 10000);
        // while they are open, the server still answers
        answersNormally();
        for (auto &client : clients)
            client->abort();
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_listener->openConnections(), 0, 5000);
    QCOMPARE(m_listener->acceptedConnections(), quint64(count + 1));
    QCOMPARE(m_listener->refusedConnections(), quint64(0));
    QTRY_COMPARE_WITH_TIMEOUT(openDescriptors(), descriptors, 5000);
    answersNormally();
}

void TestHttpBounds::connectionsPastTheMaximum()
{
    HttpLimits limits = testLimits();
    limits.maxConnections = 3;
    limits.headerTimeoutMs = 5000; // the held connections must outlive the test's steps
    start(limits);
    const int descriptors = openDescriptors();
    {
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(connectClient());
            QVERIFY(held.back());
        }
        QTRY_COMPARE(m_listener->openConnections(), 3);
        const auto extra = connectClient();
        QVERIFY(extra);
        extra->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray refused = receiveUntilClosed(*extra);
        QVERIFY2(refused.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), refused.constData());
        QVERIFY(refused.contains("\r\nRetry-After: 1\r\n"));
        QVERIFY(refused.endsWith(
            R"({"error":"the server has 3 connections open, as many as it serves at once; try again later"})"));
        QCOMPARE(m_listener->refusedConnections(), quint64(1));
        // the connections it holds are served all the same
        held.front()->write("GET /held HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY((received += held.front()->readAll()).size() >= okAnswer.size());
        QCOMPARE(received, okAnswer);
        QCOMPARE(m_handled.size(), 1);
        held.pop_back();
        QTRY_COMPARE(m_listener->openConnections(), 2);
        answersNormally(); // one place free again
    }
    QTRY_COMPARE(m_listener->openConnections(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(openDescriptors(), descriptors, 5000);
}

void TestHttpBounds::keepAliveWithinTheLimits()
{
    start(testLimits());
    const auto client = connectClient();
    QVERIFY(client);
    // requests spaced less than the idle limit apart keep one connection; a trickled head that
    // ends within the head timeout is served
    for (int i = 0; i < 3; ++i) {
        client->write("GET /a HTTP/1.1\r\n");
        QTest::qWait(100);
        client->write("Host: x\r\n\r\n");
        QByteArray received;
        QTRY_VERIFY((received += client->readAll()).size() >= okAnswer.size());
        QCOMPARE(received, okAnswer);
        QTest::qWait(300);
    }
    QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(m_listener->acceptedConnections(), quint64(1));
    QCOMPARE(m_handled.size(), 3);
    // then silence past the idle limit closes it
    QCOMPARE(receiveUntilClosed(*client), QByteArray());
    QCOMPARE(client->state(), QAbstractSocket::UnconnectedState);
}

QTEST_GUILESS_MAIN(TestHttpBounds)

#include "tst_httpbounds.moc"
