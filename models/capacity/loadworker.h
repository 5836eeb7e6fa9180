#pragma once

#include "loadoptions.h"
#include "loadresult.h"
#include "loadtarget.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace jb {

// What the threads of one run share: the request budget they claim from, the live counters the
// runner reads each second, and the stop flag. Atomics only; results are merged after the join.
struct LoadShared final
{
    std::atomic<std::int64_t> claimed{0};
    std::atomic<std::int64_t> answered{0};
    std::atomic<std::int64_t> failed{0};
    std::atomic<bool> stop{false};
};

// One load thread: an epoll loop over its share of the connections, non-blocking sockets with
// keep-alive and a minimal HTTP/1.1 response reader (status line, Content-Length, chunked, or
// until close). It owns everything it touches; run() returns when the run is over.
class LoadWorker final
{
public:
    LoadWorker(const LoadTarget &target, const LoadOptions &options, int index, LoadShared &shared);

    ~LoadWorker();
    LoadWorker(const LoadWorker &) = delete;
    LoadWorker &operator=(const LoadWorker &) = delete;

    LoadResult run();

private:
    struct Connection;
    static std::int64_t nowNs();
    std::int64_t intendedNs(std::int64_t k) const;
    bool claimRequest();
    void open(Connection &connection);
    void closeSocket(Connection &connection);
    void send(Connection &connection, std::int64_t intended);
    void writeMore(Connection &connection);
    void readMore(Connection &connection);
    void fail(Connection &connection, std::int64_t LoadErrors::*kind);
    void finish(Connection &connection, int status, bool close);
    void watch(Connection &connection, bool wantWrite);

    const LoadTarget m_target;
    const LoadOptions m_options;
    const int m_index;
    LoadShared &m_shared;
    std::string m_request;
    std::vector<Connection> m_connections;
    int m_epoll = -1;
    std::int64_t m_startNs = 0;
    std::int64_t m_endNs = 0;
    bool m_sending = true;
    bool m_budgetSpent = false;
    LoadResult m_result;
};

} // namespace jb
