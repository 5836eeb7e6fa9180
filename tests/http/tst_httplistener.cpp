#include "httplistener.h"
#include "httptransport.h"

#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace jb;

// The listener and its parser on loopback, driven by a raw socket so that the test sees the
// exact bytes: the interim 100, the early 413, the head-size limit, the connection count and the
// idle limit.
class TestHttpListener final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void continueBeforeTheBody();
    void noContinueOnceTheBodyIsSent();
    void tooLargeRefusedFromTheHead();
    void longHeadIsNotLookedAt();
    void countsConnections();
    void dropsIdleConnections();

private:
    void start(HttpListener::Options options);
    std::unique_ptr<QTcpSocket> connectClient();
    // What arrives within `ms`, read until `enough` bytes came or the time ran out.
    static QByteArray receive(QTcpSocket &socket, qsizetype enough, int ms = 5000);

    std::unique_ptr<HttpTransport> m_transport;
    HttpListener *m_listener = nullptr;
    QList<HttpRequest> m_handled;
};

namespace {

constexpr qint64 smallLimit = 10;
const QByteArray okAnswer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

HttpListener::Options limited()
{
    HttpListener::Options options;
    options.bodyLimit = [](QByteArrayView, QByteArrayView path, QTcpSocket *) {
        return path == "/small" ? smallLimit : qint64(1024 * 1024);
    };
    options.tooLargeMessage = u"too large here"_s;
    return options;
}

} // namespace

void TestHttpListener::init()
{
    m_handled.clear();
}

void TestHttpListener::cleanup()
{
    m_transport.reset();
    m_listener = nullptr;
}

void TestHttpListener::start(HttpListener::Options options)
{
    m_transport = std::make_unique<HttpTransport>([this](HttpRequest &&request, QTcpSocket *socket) {
        m_handled.append(std::move(request));
        socket->write(okAnswer);
    });
    m_listener = new HttpListener(std::move(options), m_transport.get());
    QVERIFY(m_listener->listen(QHostAddress::LocalHost, 0));
    m_transport->bind(m_listener);
}

std::unique_ptr<QTcpSocket> TestHttpListener::connectClient()
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(QHostAddress::LocalHost, m_listener->serverPort());
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

QByteArray TestHttpListener::receive(QTcpSocket &socket, qsizetype enough, int ms)
{
    QByteArray received;
    // a timeout is no failure here: the caller compares what did arrive
    const bool enoughArrived = QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return received.size() >= enough || socket.state() == QAbstractSocket::UnconnectedState;
        },
        ms);
    Q_UNUSED(enoughArrived);
    received += socket.readAll();
    return received;
}

void TestHttpListener::continueBeforeTheBody()
{
    start(limited());
    const auto client = connectClient();
    QVERIFY(client);
    client->write("POST /big HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n";
    QCOMPARE(receive(*client, interim.size()), interim);
    client->write("hello");
    QCOMPARE(receive(*client, okAnswer.size()), okAnswer);
    QCOMPARE(m_handled.size(), 1);
    QCOMPARE(m_handled.first().method, QByteArray("POST"));
    QCOMPARE(m_handled.first().path, QByteArray("/big"));
    QCOMPARE(m_handled.first().body, QByteArray("hello"));
    QVERIFY(!m_handled.first().close);
}

void TestHttpListener::noContinueOnceTheBodyIsSent()
{
    start(limited());
    const auto client = connectClient();
    QVERIFY(client);
    client->write("POST /big?x=1 HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n"
                  "Connection: keep-alive, close\r\n\r\nhello");
    QCOMPARE(receive(*client, okAnswer.size()), okAnswer);
    QCOMPARE(m_handled.size(), 1);
    QCOMPARE(m_handled.first().query, QByteArray("x=1"));
    QVERIFY(m_handled.first().close);
}

void TestHttpListener::tooLargeRefusedFromTheHead()
{
    start(limited());
    const auto client = connectClient();
    QVERIFY(client);
    client->write("POST /small?x=1 HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n");
    // the body a client may send all the same is not handled
    client->write("hello world");
    const QByteArray body = R"({"error":"too large here"})";
    const QByteArray refusal
        = "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json; charset=utf-8\r\n"
          "Content-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    QCOMPARE(receive(*client, refusal.size() + 1), refusal); // and nothing after it
    QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
    QVERIFY(m_handled.isEmpty());

    // at the limit, or elsewhere, the same body is read and handled
    const auto next = connectClient();
    QVERIFY(next);
    next->write("POST /small HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n0123456789");
    QCOMPARE(receive(*next, okAnswer.size()), okAnswer);
    QCOMPARE(m_handled.size(), 1);
}

void TestHttpListener::longHeadIsNotLookedAt()
{
    HttpListener::Options options = limited();
    options.maxHeadBytes = 256;
    start(std::move(options));
    const auto client = connectClient();
    QVERIFY(client);
    // past the window the listener neither answers 100 nor refuses: the parser alone sees it
    const QByteArray padding(300, 'x');
    client->write("POST /big HTTP/1.1\r\nHost: x\r\nX-Padding: " + padding
        + "\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    QCOMPARE(receive(*client, 1, 300), QByteArray());
    client->write("hello");
    QCOMPARE(receive(*client, okAnswer.size()), okAnswer);
    QCOMPARE(m_handled.size(), 1);
}

void TestHttpListener::countsConnections()
{
    start(HttpListener::Options());
    QCOMPARE(m_listener->openConnections(), 0);
    auto first = connectClient();
    auto second = connectClient();
    QVERIFY(first && second);
    QTRY_COMPARE(m_listener->openConnections(), 2);
    QCOMPARE(m_listener->acceptedConnections(), quint64(2));
    first->disconnectFromHost();
    QTRY_COMPARE(m_listener->openConnections(), 1);
    second->disconnectFromHost();
    QTRY_COMPARE(m_listener->openConnections(), 0);
    QCOMPARE(m_listener->acceptedConnections(), quint64(2));
}

void TestHttpListener::dropsIdleConnections()
{
    HttpListener::Options options;
    options.limits.idleTimeoutMs = 200;
    start(std::move(options));
    const auto client = connectClient();
    QVERIFY(client);
    client->write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    QCOMPARE(receive(*client, okAnswer.size()), okAnswer);
    QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, 5000);
    QTRY_COMPARE(m_listener->openConnections(), 0);
}

QTEST_GUILESS_MAIN(TestHttpListener)

#include "tst_httplistener.moc"
