#pragma once

#include "faultrule.h"
#include "httprequest.h"

#include <QByteArray>
#include <QString>

namespace jb {

// The faults applied to one answer: at most one that changes the outcome, plus a delay.
struct AppliedFault
{
    FaultKind kind = FaultKind::None; // the outcome fault; Latency when only a delay was applied
    int delayMs = 0; // answer (or reset, or close) this much later
    int holdMs = 0; // NoAnswer: how long to hold the connection (0 = the server's maximum)

    bool isNone() const { return kind == FaultKind::None && delayMs == 0; }
    // "none", "latency 120 ms", "http-500", "latency 120 ms + reset", ...
    QString describe() const;
};

// One HTTP answer as the routes produce it. The transport adds Content-Length (and Connection:
// close when the client asked for it) and writes exactly these bytes.
struct MockResponse
{
    int status = 200;
    HttpHeaders headers; // in the order written; no Content-Length
    QByteArray body;
    QString route; // the route key that answered, e.g. "GET /ws/{cep}/json/"; empty: no route matched
    qsizetype rule = -1; // which rule of its route set answered, for sets that tell them apart
    AppliedFault fault;
    // The whole message prebuilt (routes prebuild their fixed answers, so serving one costs no
    // formatting). Whoever changes status, headers or body afterwards must clear it.
    QByteArray wire;

    // The bytes to write: `wire` when prebuilt and the connection stays open, else built now.
    QByteArray serialized(bool closeConnection = false) const;
    // The status line and headers alone, ending with the blank line.
    QByteArray head(bool closeConnection = false) const;
    void prebuild() { wire = serialized(false); }

    static MockResponse withBody(int status, const QByteArray &contentType, const QByteArray &body);
};

} // namespace jb
