#pragma once

#include <QByteArrayView>
#include <QTcpSocket>

#include <chrono>

namespace jb {

class HttpListener;
struct HttpLimits;

// One client connection of an HttpListener: the socket QtHttpServer reads, plus where its
// current request stands (head, body, or between requests) and when that stage must be over.
// The listener's single sweep timer reads the deadline, so a request costs a clock read and a
// store, not a timer of its own.
class HttpConnection final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    using Clock = std::chrono::steady_clock;

    enum class Stage
    {
        Head, // waiting for, or reading, a request's head
        Body, // the head is in; the body is still arriving
        Idle, // a request was read whole; waiting for its answer or for the next head
        Closing, // refused: the answer is on its way, then the connection is dropped
    };

    // What a look at newly arrived head bytes found.
    enum class HeadScan
    {
        Incomplete,
        Complete, // `headEnd` bytes of the look were head (the rest is body)
        TooLarge, // the head passes maxHeaderBytes
        RequestLineTooLong,
        LineTooLong,
    };

    HttpConnection(HttpListener *listener, const HttpLimits &limits);
    ~HttpConnection() override;

    Stage stage() const { return m_stage; }
    bool isRejected() const { return m_stage == Stage::Closing; }
    Clock::time_point deadline() const { return m_deadline; }
    // Bytes of the current head seen before this look.
    qsizetype headBytes() const { return m_headBytes; }

    // New bytes after a request: they start the next head (its clock starts only if it does not
    // arrive in one piece).
    void beginHead();
    // Scans `data`, the next bytes of the head, for its end and its sizes.
    HeadScan scanHead(QByteArrayView data, qsizetype &headEnd);
    // The head ended; `bodyExpected` false when it announced none, so no body clock is needed.
    void headReceived(bool bodyExpected);
    void requestReceived();

    // Answers `bytes` (a whole error answer with Connection: close), stops reading, and drops the
    // connection once the client has had `graceMs` to read it.
    void refuse(const QByteArray &bytes, int graceMs);
    // Called by the sweep when the deadline passed.
    void expire(int graceMs);

    bool continued = false; // the current request was sent its 100 Continue
    // Set by HttpListener's destructor: the connection outlives the list it is in.
    void detach() { m_listener = nullptr; }
    qsizetype slot = -1; // where the listener keeps it
    bool served = true; // false: refused at once (503), never handed to the parser

private:
    void setDeadline(int ms) { m_deadline = Clock::now() + std::chrono::milliseconds(ms); }

    HttpListener *m_listener;
    const HttpLimits &m_limits;
    Stage m_stage = Stage::Head;
    bool m_headTimed = true; // the first head's clock starts with the connection
    char m_lastByte = 0;
    qsizetype m_headBytes = 0;
    qsizetype m_lineBytes = 0;
    qsizetype m_lines = 0;
    Clock::time_point m_deadline;
};

} // namespace jb
