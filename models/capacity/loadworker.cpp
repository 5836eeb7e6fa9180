#include "loadworker.h"

#include "loadanswer.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <ctime>
#include <netinet/tcp.h>
#include <string_view>
#include <sys/epoll.h>
#include <unistd.h>

namespace jb {

namespace {

constexpr std::int64_t NsPerMs = 1'000'000;
// After a refused connect, wait before the next try instead of spinning on the error.
constexpr std::int64_t RefusedBackoffNs = 50 * NsPerMs;

} // namespace

struct LoadWorker::Connection
{
    enum class State
    {
        Closed,
        Connecting,
        Idle,
        Busy,
    };

    int fd = -1;
    State state = State::Closed;
    bool wantWrite = false;
    std::string in;
    std::size_t written = 0;
    std::int64_t intendedNs = 0;
    std::int64_t deadlineNs = 0;
    std::int64_t reopenAtNs = 0;
};

LoadWorker::LoadWorker(const LoadTarget &target, const LoadOptions &options, int index, LoadShared &shared)
    : m_target(target)
    , m_options(options)
    , m_index(index)
    , m_shared(shared)
{
    m_request = m_options.method + ' ' + m_target.path + " HTTP/1.1\r\nHost: " + m_target.host + ':'
        + std::to_string(m_target.port) + "\r\nUser-Agent: journeybench-load\r\nAccept: */*\r\n";
    if (!m_options.body.empty() || m_options.method == "POST" || m_options.method == "PUT") {
        if (!m_options.contentType.empty())
            m_request += "Content-Type: " + m_options.contentType + "\r\n";
        m_request += "Content-Length: " + std::to_string(m_options.body.size()) + "\r\n";
    }
    m_request += "\r\n" + m_options.body;
}

LoadWorker::~LoadWorker() = default;

std::int64_t LoadWorker::nowNs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

std::int64_t LoadWorker::intendedNs(std::int64_t k) const
{
    // This thread's share of the rate; the threads are offset by a fraction of one interval so
    // that they do not all send at the same instant.
    const double threads = m_options.threads;
    const double r0 = m_options.rate / threads;
    const double r1 = (m_options.rampTo > 0 ? m_options.rampTo : m_options.rate) / threads;
    const double phase = double(m_index) / m_options.rate;
    const double duration = double(m_options.durationMs) / 1000.0;
    double seconds = 0;
    if (r1 == r0) {
        seconds = double(k) / r0;
    } else {
        // k requests are due by t when r0·t + (r1 − r0)·t²/2D = k
        const double a = (r1 - r0) / (2 * duration);
        const double discriminant = r0 * r0 + 4 * a * double(k);
        if (discriminant < 0)
            return m_endNs + 1;
        seconds = (-r0 + std::sqrt(discriminant)) / (2 * a);
    }
    return m_startNs + std::int64_t((seconds + phase) * 1e9);
}

bool LoadWorker::claimRequest()
{
    if (m_options.maxRequests == 0)
        return true;
    return m_shared.claimed.fetch_add(1, std::memory_order_relaxed) < m_options.maxRequests;
}

void LoadWorker::watch(Connection &connection, bool wantWrite)
{
    epoll_event event{};
    event.events = EPOLLIN | (wantWrite ? EPOLLOUT : 0u);
    event.data.u32 = std::uint32_t(&connection - m_connections.data());
    epoll_ctl(m_epoll, EPOLL_CTL_MOD, connection.fd, &event);
    connection.wantWrite = wantWrite;
}

void LoadWorker::open(Connection &connection)
{
    connection.in.clear();
    connection.fd = ::socket(m_target.address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (connection.fd < 0) {
        connection.state = Connection::State::Connecting;
        fail(connection, &LoadErrors::refused);
        return;
    }
    const int one = 1;
    setsockopt(connection.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    epoll_event event{};
    event.events = EPOLLIN | EPOLLOUT;
    event.data.u32 = std::uint32_t(&connection - m_connections.data());
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, connection.fd, &event);
    connection.wantWrite = true;
    connection.state = Connection::State::Connecting;
    const int rc = ::connect(
        connection.fd, reinterpret_cast<const sockaddr *>(&m_target.address), m_target.addressLength);
    if (rc != 0 && errno != EINPROGRESS)
        fail(connection, errno == ECONNREFUSED ? &LoadErrors::refused : &LoadErrors::reset);
}

void LoadWorker::closeSocket(Connection &connection)
{
    if (connection.fd >= 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, connection.fd, nullptr);
        ::close(connection.fd);
    }
    connection.fd = -1;
    connection.state = Connection::State::Closed;
    connection.in.clear();
}

void LoadWorker::fail(Connection &connection, std::int64_t LoadErrors::*kind)
{
    // A request in flight, or a connect that failed, counts once; the connection starts over.
    if (connection.state == Connection::State::Busy || connection.state == Connection::State::Connecting) {
        ++(m_result.errors.*kind);
        m_shared.failed.fetch_add(1, std::memory_order_relaxed);
    }
    closeSocket(connection);
    connection.reopenAtNs = nowNs() + (kind == &LoadErrors::refused ? RefusedBackoffNs : 0);
}

void LoadWorker::send(Connection &connection, std::int64_t intended)
{
    const std::int64_t now = nowNs();
    connection.intendedNs = intended;
    connection.deadlineNs = now + m_options.timeoutMs * NsPerMs;
    connection.written = 0;
    connection.in.clear();
    connection.state = Connection::State::Busy;
    writeMore(connection);
}

void LoadWorker::writeMore(Connection &connection)
{
    while (connection.written < m_request.size()) {
        const ssize_t n = ::send(connection.fd, m_request.data() + connection.written,
            m_request.size() - connection.written, MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                if (!connection.wantWrite)
                    watch(connection, true);
                return;
            }
            fail(connection, &LoadErrors::reset);
            return;
        }
        connection.written += std::size_t(n);
        m_result.bytesWritten += n;
    }
    if (connection.wantWrite)
        watch(connection, false);
}

void LoadWorker::finish(Connection &connection, int status, bool close)
{
    const std::int64_t now = nowNs();
    m_result.latency.record((now - connection.intendedNs) / 1000);
    ++m_result.answered;
    m_shared.answered.fetch_add(1, std::memory_order_relaxed);
    if (status >= 500) {
        ++m_result.errors.status5xx;
    } else if (status >= 400) {
        ++m_result.errors.status4xx;
    } else {
        ++m_result.succeeded;
    }
    if (status >= 400)
        m_shared.failed.fetch_add(1, std::memory_order_relaxed);
    connection.in.clear();
    if (close) {
        closeSocket(connection);
        connection.reopenAtNs = now;
        return;
    }
    connection.state = Connection::State::Idle;
    if (m_options.model == LoadOptions::Model::Closed && m_sending && claimRequest())
        send(connection, now);
    else if (m_sending && m_options.model == LoadOptions::Model::Closed) {
        m_sending = false;
        m_budgetSpent = true;
    }
}

void LoadWorker::readMore(Connection &connection)
{
    char buffer[64 * 1024];
    const ssize_t n = ::recv(connection.fd, buffer, sizeof buffer, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
        return;
    const bool busy = connection.state == Connection::State::Busy;
    if (n <= 0) {
        int status = 0;
        // The end of a body that runs until close, else a reset (or a keep-alive the server
        // closed between requests, which costs nothing).
        if (busy && n == 0
            && LoadAnswer::parse(connection.in, m_options.method == "HEAD", true, status)
                == LoadAnswer::CompleteAndClose) {
            finish(connection, status, true);
            return;
        }
        if (busy) {
            fail(connection, &LoadErrors::reset);
        } else {
            closeSocket(connection);
            connection.reopenAtNs = nowNs();
        }
        return;
    }
    m_result.bytesRead += n;
    if (!busy)
        return; // nothing asked: drop it
    connection.in.append(buffer, std::size_t(n));
    int status = 0;
    switch (LoadAnswer::parse(connection.in, m_options.method == "HEAD", false, status)) {
    case LoadAnswer::Incomplete:
        return;
    case LoadAnswer::Complete:
        finish(connection, status, false);
        return;
    case LoadAnswer::CompleteAndClose:
        finish(connection, status, true);
        return;
    case LoadAnswer::Malformed:
        fail(connection, &LoadErrors::protocol);
        return;
    }
}

LoadResult LoadWorker::run()
{
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    const int threads = m_options.threads;
    const int share = m_options.connections / threads + (m_index < m_options.connections % threads ? 1 : 0);
    m_connections.resize(std::size_t(share));
    const bool openModel = m_options.model == LoadOptions::Model::Open;

    m_startNs = nowNs();
    m_endNs = m_startNs + m_options.durationMs * NsPerMs;
    std::int64_t stoppedNs = 0;
    std::int64_t drainUntilNs = 0;
    std::int64_t lastAnswerNs = m_startNs;
    std::int64_t nextDue = 0; // open model: this thread's next request
    std::int64_t lastScanNs = m_startNs;
    for (auto &connection : m_connections)
        open(connection);

    // Open model: every request due by now goes out on an idle connection; the rest wait for one,
    // their latency already running from when they were due.
    const auto issueDue = [&](std::int64_t now) {
        for (auto &connection : m_connections) {
            if (connection.state != Connection::State::Idle)
                continue;
            const std::int64_t due = intendedNs(nextDue);
            if (due > now || due >= m_endNs)
                return;
            if (!claimRequest()) {
                m_sending = false;
                m_budgetSpent = true;
                return;
            }
            ++nextDue;
            send(connection, due);
        }
    };

    epoll_event events[256];
    for (;;) {
        std::int64_t now = nowNs();
        if (m_sending && (now >= m_endNs || m_shared.stop.load(std::memory_order_relaxed))) {
            // Requests that fell due between the last turn and the end still go out.
            if (openModel && !m_shared.stop.load())
                issueDue(now);
            m_sending = false;
        }
        if (!m_sending && !stoppedNs) {
            stoppedNs = std::min(now, m_endNs);
            drainUntilNs = m_shared.stop.load()
                ? now
                : now + std::min<std::int64_t>(m_options.timeoutMs, 2000) * NsPerMs;
            if (openModel) {
                while (intendedNs(nextDue) < stoppedNs) {
                    ++m_result.notSent;
                    ++nextDue;
                }
            }
        }
        const bool anyBusy = std::any_of(m_connections.begin(), m_connections.end(),
            [](const Connection &c) { return c.state == Connection::State::Busy; });
        if (!m_sending && (!anyBusy || now >= drainUntilNs))
            break;

        if (m_sending) {
            if (openModel) {
                issueDue(now);
            } else {
                // Closed model: a connection that just (re)connected sends its first request.
                for (auto &connection : m_connections) {
                    if (connection.state != Connection::State::Idle)
                        continue;
                    if (!claimRequest()) {
                        m_sending = false;
                        m_budgetSpent = true;
                        break;
                    }
                    send(connection, now);
                }
            }
            if (m_options.maxRequests && m_shared.claimed.load() >= m_options.maxRequests && !anyBusy)
                m_budgetSpent = true;
        }

        if (now - lastScanNs >= 10 * NsPerMs) {
            lastScanNs = now;
            for (auto &connection : m_connections) {
                if (connection.state == Connection::State::Busy && now > connection.deadlineNs)
                    fail(connection, &LoadErrors::timeout);
                if (connection.state == Connection::State::Closed && connection.reopenAtNs <= now
                    && (m_sending || anyBusy))
                    open(connection);
            }
        }

        int waitMs = 10;
        if (openModel && m_sending) {
            const std::int64_t due = intendedNs(nextDue);
            if (due > now)
                waitMs = int(std::min<std::int64_t>(10, (due - now + NsPerMs - 1) / NsPerMs));
        }
        const int ready = epoll_wait(m_epoll, events, 256, waitMs);
        for (int i = 0; i < ready; ++i) {
            auto &connection = m_connections[events[i].data.u32];
            if (connection.fd < 0)
                continue;
            if (connection.state == Connection::State::Connecting) {
                int error = 0;
                socklen_t length = sizeof error;
                getsockopt(connection.fd, SOL_SOCKET, SO_ERROR, &error, &length);
                if (error) {
                    fail(connection, error == ECONNREFUSED ? &LoadErrors::refused : &LoadErrors::reset);
                    continue;
                }
                connection.state = Connection::State::Idle;
                watch(connection, false);
                continue;
            }
            if ((events[i].events & EPOLLOUT) && connection.wantWrite)
                writeMore(connection);
            if (connection.fd >= 0 && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) {
                const auto before = m_result.answered;
                readMore(connection);
                if (m_result.answered != before)
                    lastAnswerNs = nowNs();
            }
            // A connection that closed after its answer opens again right away.
            if (connection.state == Connection::State::Closed && connection.reopenAtNs <= nowNs()
                && m_sending)
                open(connection);
        }
        if (m_budgetSpent && m_sending)
            m_sending = false;
    }
    for (auto &connection : m_connections)
        closeSocket(connection);
    ::close(m_epoll);
    // A run bounded by its request count lasts until its last answer; one bounded by its duration
    // lasts the duration (answers drained after it still count, as wrk's in-flight ones do not).
    const std::int64_t endNs = m_budgetSpent ? lastAnswerNs : stoppedNs;
    m_result.elapsedSeconds = double(endNs - m_startNs) / 1e9;
    return m_result;
}

} // namespace jb
