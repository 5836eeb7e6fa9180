#include "httpanswer.h"
#include "httperrorreply.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace jb;

Q_DECLARE_METATYPE(HttpAnswer::UnnamedStatus)

// The answer writer and the JSON error reply, byte for byte, without a network.
class TestHttpAnswer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reasonPhrase_data();
    void reasonPhrase();
    void bytes_data();
    void bytes();
    void errorReply_data();
    void errorReply();
};

namespace {

constexpr auto unknown = HttpAnswer::UnnamedStatus::Unknown;
constexpr auto okOrError = HttpAnswer::UnnamedStatus::OkOrError;

} // namespace

void TestHttpAnswer::reasonPhrase_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<HttpAnswer::UnnamedStatus>("unnamed");
    QTest::addColumn<QByteArray>("phrase");
    QTest::addRow("100") << 100 << unknown << QByteArray("Continue");
    QTest::addRow("200") << 200 << okOrError << QByteArray("OK");
    QTest::addRow("204") << 204 << unknown << QByteArray("No Content");
    QTest::addRow("302") << 302 << okOrError << QByteArray("Found");
    QTest::addRow("404") << 404 << unknown << QByteArray("Not Found");
    QTest::addRow("413") << 413 << okOrError << QByteArray("Payload Too Large");
    QTest::addRow("429") << 429 << okOrError << QByteArray("Too Many Requests");
    QTest::addRow("504") << 504 << unknown << QByteArray("Gateway Timeout");
    // where the mock and the pipe host have always differed
    QTest::addRow("mock: unnamed 2xx") << 207 << unknown << QByteArray("Unknown");
    QTest::addRow("mock: unnamed 4xx") << 418 << unknown << QByteArray("Unknown");
    QTest::addRow("pipe host: unnamed 2xx") << 207 << okOrError << QByteArray("OK");
    QTest::addRow("pipe host: unnamed 3xx") << 308 << okOrError << QByteArray("OK");
    QTest::addRow("pipe host: unnamed 4xx") << 418 << okOrError << QByteArray("Error");
    QTest::addRow("pipe host: unnamed 5xx") << 599 << okOrError << QByteArray("Error");
}

void TestHttpAnswer::reasonPhrase()
{
    QFETCH(int, status);
    QFETCH(HttpAnswer::UnnamedStatus, unnamed);
    QFETCH(QByteArray, phrase);
    QCOMPARE(HttpAnswer::reasonPhrase(status, unnamed), phrase);
}

void TestHttpAnswer::bytes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("close");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("keep-alive")
        << 200 << HttpHeaders{{"Content-Type", "text/plain"}} << QByteArray("hi") << false
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
    QTest::addRow("close") << 201 << HttpHeaders{{"Content-Type", "text/plain"}} << QByteArray("hi") << true
                           << QByteArray(
                                  "HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                                  "Connection: close\r\n\r\nhi");
    QTest::addRow("headers in their order")
        << 204 << HttpHeaders{{"X-B", "2"}, {"X-A", "1"}} << QByteArray() << false
        << QByteArray("HTTP/1.1 204 No Content\r\nX-B: 2\r\nX-A: 1\r\nContent-Length: 0\r\n\r\n");
    QTest::addRow("no headers") << 500 << HttpHeaders() << QByteArray("x") << false
                                << QByteArray(
                                       "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 1\r\n\r\nx");
}

void TestHttpAnswer::bytes()
{
    QFETCH(int, status);
    QFETCH(HttpHeaders, headers);
    QFETCH(QByteArray, body);
    QFETCH(bool, close);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpAnswer::bytes(status, headers, body, close), expected);
    QCOMPARE(HttpAnswer::head(status, headers, body.size(), close) + body, expected);
}

void TestHttpAnswer::errorReply_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("close");
    QTest::addColumn<HttpHeaders>("extra");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray json = "Content-Type: application/json; charset=utf-8\r\n";
    // the bytes the pipe host's listener has always refused a large body with
    const QByteArray tooLargeBody = R"({"error":"the request body is larger than this pipe accepts"})";
    QTest::addRow("413 from the head")
        << 413 << u"the request body is larger than this pipe accepts"_s << true << HttpHeaders()
        << "HTTP/1.1 413 Payload Too Large\r\n" + json + "Content-Length: "
            + QByteArray::number(tooLargeBody.size()) + "\r\nConnection: close\r\n\r\n" + tooLargeBody;
    QTest::addRow("405 with Allow") << 405 << u"PUT is not allowed here"_s << false
                                    << HttpHeaders{{"Allow", "GET, POST"}}
                                    << "HTTP/1.1 405 Method Not Allowed\r\n" + json
            + "Allow: GET, POST\r\nContent-Length: 35\r\n\r\n{\"error\":\"PUT is not allowed here\"}";
    QTest::addRow("quotes and UTF-8 escaped as JSON")
        << 404 << u"no pipe answers GET /São \"x\""_s << false << HttpHeaders()
        << "HTTP/1.1 404 Not Found\r\n" + json
            + "Content-Length: 43\r\n\r\n{\"error\":\"no pipe answers GET /S\xc3\xa3o \\\"x\\\"\"}";
}

void TestHttpAnswer::errorReply()
{
    QFETCH(int, status);
    QFETCH(QString, message);
    QFETCH(bool, close);
    QFETCH(HttpHeaders, extra);
    QFETCH(QByteArray, expected);
    QCOMPARE(HttpErrorReply::answer(status, message, close, extra), expected);
    const QByteArray body = HttpErrorReply::body(message);
    QVERIFY(expected.endsWith(QByteArray("\r\n\r\n" + body)));
    QCOMPARE(HttpErrorReply::headers(), (HttpHeaders{{"Content-Type", "application/json; charset=utf-8"}}));
}

QTEST_APPLESS_MAIN(TestHttpAnswer)

#include "tst_httpanswer.moc"
