#pragma once

#include "latencyhistogram.h"

#include <cstdint>

namespace jb {

// Failed requests by kind: what the server answered (4xx, 5xx) or what the connection did.
struct LoadErrors final
{
    std::int64_t status4xx = 0;
    std::int64_t status5xx = 0;
    std::int64_t timeout = 0;
    std::int64_t refused = 0;
    std::int64_t reset = 0;
    std::int64_t protocol = 0; // an answer the parser could not read

    std::int64_t total() const { return status4xx + status5xx + timeout + refused + reset + protocol; }
    void add(const LoadErrors &other)
    {
        status4xx += other.status4xx;
        status5xx += other.status5xx;
        timeout += other.timeout;
        refused += other.refused;
        reset += other.reset;
        protocol += other.protocol;
    }
};

// What a load run (or one of its threads) measured. Latencies are of answered requests, errors
// included, in µs; in the open model they count from each request's intended send time.
struct LoadResult final
{
    std::int64_t answered = 0; // requests with a complete response, any status
    std::int64_t succeeded = 0; // 1xx..3xx
    std::int64_t notSent = 0; // open model: due before the end but never sent (all connections busy)
    LoadErrors errors;
    std::int64_t bytesRead = 0;
    std::int64_t bytesWritten = 0;
    double elapsedSeconds = 0; // the sending window: the duration, or less when the request count ran out
    LatencyHistogram latency;

    double requestsPerSecond() const { return elapsedSeconds > 0 ? double(answered) / elapsedSeconds : 0; }
    void add(const LoadResult &other)
    {
        answered += other.answered;
        succeeded += other.succeeded;
        notSent += other.notSent;
        errors.add(other.errors);
        bytesRead += other.bytesRead;
        bytesWritten += other.bytesWritten;
        latency.merge(other.latency);
    }
};

} // namespace jb
