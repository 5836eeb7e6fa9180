#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QJsonValue>

namespace jb {

// How much a client may take of a JourneyBench HTTP server (the mock, the pipe host) before it is
// cut off: time to send a head, time to send a body, time a kept-alive connection may stay silent,
// the size of a head and of its lines, and the number of connections open at once. Kept in a
// pipe's REST trigger and in the mock's settings as {"limits": {...}}; every key is optional.
struct HttpLimits
{
    static constexpr int defaultHeaderTimeoutMs = 10000;
    static constexpr int defaultBodyTimeoutMs = 30000;
    static constexpr int defaultIdleTimeoutMs = 60000;
    static constexpr int defaultMaxHeaderBytes = 64 * 1024;
    static constexpr int defaultMaxLineBytes = 8 * 1024;
    static constexpr int defaultMaxConnections = 512;
    // QtHttpServer's own parser gives up on a head past 80 KiB, without an answer: ours answers first.
    static constexpr int maxMaxHeaderBytes = 80 * 1024;
    static constexpr int maxTimeoutMs = 3600000;
    static constexpr int maxMaxConnections = 10000;

    int headerTimeoutMs = defaultHeaderTimeoutMs; // from the connection or the head's first byte to its end
    int bodyTimeoutMs = defaultBodyTimeoutMs; // from the end of the head to the end of the body
    int idleTimeoutMs = defaultIdleTimeoutMs; // from a request read (or a byte written) to the next head
    int maxHeaderBytes = defaultMaxHeaderBytes; // request line and fields; past it: 431
    int maxLineBytes = defaultMaxLineBytes; // any one line; past it: 414 (request line) or 431
    int maxConnections = defaultMaxConnections; // open at once; past it: 503

    // `value` is the "limits" object or undefined (all defaults); `where` prefixes the messages.
    static Result<HttpLimits> fromJson(const QJsonValue &value, const QString &where);
    // The keys that differ from the defaults, so that a file states only what it changed.
    QJsonObject toJson() const;
    // Each limit at the more generous of the two: one listener serving several pipes cuts no
    // pipe's clients off sooner than that pipe's trigger allows.
    HttpLimits loosest(const HttpLimits &other) const;

    bool operator==(const HttpLimits &) const = default;
};

} // namespace jb
