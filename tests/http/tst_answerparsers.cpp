// The two readers of answers that servers we do not control send: the pipe's chunked body
// decoder and the load runner's answer scanner. Table-driven over well-formed, partial and hostile
// bytes; every hostile case must end (malformed or incomplete), never loop or read past the end.
// The first rows of each table are the defects that made the two readers pure (and fuzzed).
#include "capacity/loadanswer.h"
#include "pipes/chunkedbody.h"

#include <QTest>

#include <string>

using namespace jb;

Q_DECLARE_METATYPE(ChunkedBody::State)
Q_DECLARE_METATYPE(LoadAnswer::State)

class TestAnswerParsers final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chunkedBody_data();
    void chunkedBody();
    void chunkedBodyInPieces();
    void loadAnswer_data();
    void loadAnswer();
};

void TestAnswerParsers::chunkedBody_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<ChunkedBody::State>("state");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qsizetype>("consumed");

    using S = ChunkedBody::State;
    // a negative size once walked the reader backwards, for ever, growing the body
    QTest::newRow("negative size") << QByteArray("-6\r\nabcd\r\n0\r\n\r\n") << S::Malformed << QByteArray()
                                   << qsizetype(0);
    QTest::newRow("size past 2^62") << QByteArray("7fffffffffffffff\r\nab\r\n") << S::Malformed
                                    << QByteArray() << qsizetype(0);
    QTest::newRow("size past 64 bits")
        << QByteArray("1ffffffffffffffff\r\nab\r\n") << S::Malformed << QByteArray() << qsizetype(0);
    QTest::newRow("not hexadecimal") << QByteArray("zz\r\nab\r\n") << S::Malformed << QByteArray()
                                     << qsizetype(0);
    QTest::newRow("empty size") << QByteArray("\r\nab\r\n") << S::Malformed << QByteArray() << qsizetype(0);
    QTest::newRow("size then junk") << QByteArray("2x\r\nab\r\n0\r\n\r\n") << S::Malformed << QByteArray()
                                    << qsizetype(0);
    QTest::newRow("chunk without its CRLF")
        << QByteArray("2\r\nabXY0\r\n\r\n") << S::Malformed << QByteArray() << qsizetype(0);
    QTest::newRow("empty input") << QByteArray() << S::Incomplete << QByteArray() << qsizetype(0);
    QTest::newRow("size line unfinished")
        << QByteArray("1a") << S::Incomplete << QByteArray() << qsizetype(0);
    QTest::newRow("chunk unfinished")
        << QByteArray("5\r\nab") << S::Incomplete << QByteArray() << qsizetype(0);
    QTest::newRow("last chunk, no end yet")
        << QByteArray("2\r\nab\r\n0\r\n") << S::Incomplete << QByteArray() << qsizetype(0);
    QTest::newRow("one chunk") << QByteArray("2\r\nab\r\n0\r\n\r\n") << S::Complete << QByteArray("ab")
                               << qsizetype(12);
    QTest::newRow("two chunks, extension") << QByteArray("2;x=y\r\nab\r\n1\r\nc\r\n0\r\n\r\n") << S::Complete
                                           << QByteArray("abc") << qsizetype(22);
    QTest::newRow("upper-case hex") << QByteArray("A\r\n0123456789\r\n0\r\n\r\n") << S::Complete
                                    << QByteArray("0123456789") << qsizetype(20);
    QTest::newRow("trailers") << QByteArray("1\r\na\r\n0\r\nX-Sum: 1\r\n\r\nNEXT") << S::Complete
                              << QByteArray("a") << qsizetype(21);
}

void TestAnswerParsers::chunkedBody()
{
    QFETCH(QByteArray, bytes);
    QFETCH(ChunkedBody::State, state);
    QFETCH(QByteArray, body);
    QFETCH(qsizetype, consumed);

    const ChunkedBody decoded = ChunkedBody::decode(bytes);
    QCOMPARE(decoded.state, state);
    QCOMPARE(decoded.state == ChunkedBody::State::Malformed, decoded.error != nullptr);
    if (state == ChunkedBody::State::Complete) {
        QCOMPARE(decoded.body, body);
        QCOMPARE(decoded.consumed, consumed);
    }
}

// Every prefix of a whole body is incomplete, never malformed: answers arrive in pieces.
void TestAnswerParsers::chunkedBodyInPieces()
{
    const QByteArray whole("4\r\nWiki\r\n5;a=b\r\npedia\r\n0\r\nTrailer: x\r\n\r\n");
    for (qsizetype n = 0; n < whole.size(); ++n)
        QCOMPARE(ChunkedBody::decode(whole.first(n)).state, ChunkedBody::State::Incomplete);
    const ChunkedBody decoded = ChunkedBody::decode(whole);
    QCOMPARE(decoded.state, ChunkedBody::State::Complete);
    QCOMPARE(decoded.body, QByteArray("Wikipedia"));
    QCOMPARE(decoded.consumed, whole.size());
}

void TestAnswerParsers::loadAnswer_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("head");
    QTest::addColumn<bool>("eof");
    QTest::addColumn<LoadAnswer::State>("state");
    QTest::addColumn<int>("status");

    using S = LoadAnswer::State;
    const QByteArray ok("HTTP/1.1 200 OK\r\n");
    // a size near 2^64 once wrapped the end check around and read past the bytes received
    QTest::newRow("chunk size near 2^64")
        << ok + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffe\r\nab\r\n"
        << false << false << S::Incomplete << 200;
    QTest::newRow("negative length") << ok + "Content-Length: -5\r\n\r\n"
                                     << false << false << S::Malformed << 200;
    QTest::newRow("length with junk")
        << ok + "Content-Length: 5x\r\n\r\nhello" << false << false << S::Malformed << 200;
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH\r\n\r\n") << false << false << S::Malformed << 0;
    QTest::newRow("status not a number")
        << QByteArray("HTTP/1.1 2x0 OK\r\n\r\n") << false << false << S::Malformed << 0;
    QTest::newRow("status below 100")
        << QByteArray("HTTP/1.1 099 X\r\n\r\n") << false << false << S::Malformed << 99;
    QTest::newRow("bad chunk size") << ok + "Transfer-Encoding: chunked\r\n\r\nzz\r\n"
                                    << false << false << S::Malformed << 200;
    QTest::newRow("head unfinished") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << false << false
                                     << S::Incomplete << 0;
    QTest::newRow("head too large") << QByteArray("HTTP/1.1 200 OK\r\nX: ") + QByteArray(70'000, 'a') << false
                                    << false << S::Malformed << 0;
    QTest::newRow("length, whole") << ok + "Content-Length: 5\r\n\r\nhello" << false << false << S::Complete
                                   << 200;
    QTest::newRow("length, short") << ok + "Content-Length: 5\r\n\r\nhel" << false << false << S::Incomplete
                                   << 200;
    QTest::newRow("close asked") << QByteArray(
        "HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                                 << false << false << S::CompleteAndClose << 503;
    QTest::newRow("HTTP/1.0 closes") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n") << false
                                     << false << S::CompleteAndClose << 200;
    QTest::newRow("chunked, whole") << ok + "Transfer-Encoding: chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n"
                                    << false << false << S::Complete << 200;
    QTest::newRow("HEAD ignores length") << ok + "Content-Length: 100\r\n\r\n"
                                         << true << false << S::Complete << 200;
    QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n")
                                     << false << false << S::Complete << 204;
    QTest::newRow("until close, open") << ok + "\r\nbody" << false << false << S::Incomplete << 200;
    QTest::newRow("until close, closed") << ok + "\r\nbody" << false << true << S::CompleteAndClose << 200;
}

void TestAnswerParsers::loadAnswer()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, head);
    QFETCH(bool, eof);
    QFETCH(LoadAnswer::State, state);
    QFETCH(int, status);

    int parsedStatus = 0;
    // a std::string of its own, so that ASan sees any read past the bytes given
    const std::string in = bytes.toStdString();
    QCOMPARE(LoadAnswer::parse(in, head, eof, parsedStatus), state);
    // the status means something only once a valid head is read (rows give 0 before that)
    if (state != LoadAnswer::Malformed && status != 0)
        QCOMPARE(parsedStatus, status);
}

QTEST_APPLESS_MAIN(TestAnswerParsers)

#include "tst_answerparsers.moc"
