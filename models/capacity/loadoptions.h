#pragma once

#include "core/result.h"

#include <cstdint>
#include <string>

namespace jb {

// How hard and how long a load run pushes. Closed: `connections` connections, each sending its
// next request as soon as the last one answered (wrk). Open: requests are due at a constant rate
// (or one ramping linearly from `rate` to `rampTo` over the run), sent on `connections`
// keep-alive connections, and timed from when they were due, not from when a free connection
// sent them: a server that stalls cannot hide its queue (wrk2's coordinated-omission correction).
struct LoadOptions final
{
    enum class Model
    {
        Closed,
        Open,
    };

    Model model = Model::Closed;
    int connections = 10;
    double rate = 0; // requests per second, open model
    double rampTo = 0; // 0: constant rate
    std::int64_t durationMs = 10'000;
    std::int64_t maxRequests = 0; // 0: bounded by the duration only
    int threads = 1;
    std::int64_t timeoutMs = 5'000;
    std::string method = "GET";
    std::string body;
    std::string contentType;

    Status validate() const;
};

} // namespace jb
