#pragma once

#include "mockresponse.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QTimer>

namespace jb {

// One request the mock server saw, as its live log shows it.
struct RequestLogEntry
{
    // How much of each body the log keeps: enough to read a typical message, and a full ring of
    // 10,000 entries stays under 80 MiB.
    static constexpr qsizetype keptBodyBytes = 4096;

    quint64 sequence = 0; // 0, 1, 2, ... in arrival order, never reused
    qint64 timeMs = 0; // arrival, milliseconds since the epoch (UTC)
    QByteArray method;
    QByteArray path; // as sent, without the query
    QByteArray query; // as sent, without the '?'
    QByteArray requestBody; // the first keptBodyBytes of what the client sent
    qint64 requestBytes = 0; // its whole size
    QByteArray responseBody; // the first keptBodyBytes of the answer's body (none when unanswered)
    qint64 responseBytes = 0;
    QString route; // the route key that answered; empty: no route (404)
    int status = 0; // 0: no HTTP answer (reset, blocked, no answer, client gone)
    qint64 latencyUs = 0; // arrival to the answer written (or the connection closed)
    AppliedFault fault;

    // Keeps the start of both bodies (a body within the limit is shared, not copied).
    void setBodies(const QByteArray &request, const QByteArray &response)
    {
        requestBytes = request.size();
        requestBody = request.left(keptBodyBytes);
        responseBytes = response.size();
        responseBody = response.left(keptBodyBytes);
    }
};

// The last `capacity` requests, in memory, in a ring: appending reuses a slot once the ring is
// full, and it never prints, so logging costs a request almost nothing. Listeners hear
// entriesAdded() at most once per notify interval, however fast requests come.
class RequestLog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RequestLog)

public:
    static constexpr qsizetype defaultCapacity = 10000;
    static constexpr int defaultNotifyIntervalMs = 100;

    explicit RequestLog(qsizetype capacity = defaultCapacity, QObject *parent = nullptr);

    qsizetype capacity() const { return m_capacity; }
    int notifyIntervalMs() const { return m_notify.interval(); }
    void setNotifyIntervalMs(int ms) { m_notify.setInterval(ms); }

    void append(RequestLogEntry entry); // sets entry.sequence
    void clear();

    qsizetype size() const { return static_cast<qsizetype>(m_next - firstSequence()); }
    quint64 totalCount() const { return m_next; } // every entry ever appended, dropped ones too
    quint64 firstSequence() const;
    const RequestLogEntry &at(qsizetype index) const; // 0 = the oldest held
    // The held entries from `sequence` on (those already dropped from the ring are skipped).
    QList<RequestLogEntry> entriesSince(quint64 sequence) const;

Q_SIGNALS:
    void entriesAdded(); // coalesced: fetch them with entriesSince()
    void cleared();

private:
    qsizetype m_capacity;
    QList<RequestLogEntry> m_ring; // grows to m_capacity, then entry n lives at n % m_capacity
    quint64 m_next = 0;
    quint64 m_cleared = 0; // entries before this sequence were cleared
    QTimer m_notify;
};

} // namespace jb
