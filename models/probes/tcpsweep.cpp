#include "tcpsweep.h"

#include "probebudget.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <deque>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// How often the sweep looks at the cancel flag while its connects wait: cancel answers within this.
constexpr qint64 sweepCancelPollMs = 25;
// How often it looks for a free slot while other probes hold them all and none of its own is open.
constexpr qint64 slotPollMs = 5;

qint64 nowNs()
{
    return QDeadlineTimer::current(Qt::PreciseTimer).deadlineNSecs();
}

// The address in the form connect() takes; its length, or 0 for an address it cannot take.
socklen_t socketAddress(const SweepTarget &target, sockaddr_storage &storage)
{
    std::memset(&storage, 0, sizeof storage);
    if (target.address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto &in = reinterpret_cast<sockaddr_in &>(storage);
        in.sin_family = AF_INET;
        in.sin_port = htons(target.port);
        in.sin_addr.s_addr = htonl(target.address.toIPv4Address());
        return sizeof in;
    }
    if (target.address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto &in6 = reinterpret_cast<sockaddr_in6 &>(storage);
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(target.port);
        const Q_IPV6ADDR bytes = target.address.toIPv6Address();
        std::memcpy(&in6.sin6_addr, bytes.c, sizeof bytes.c);
        in6.sin6_scope_id = target.address.scopeId().toUInt();
        return sizeof in6;
    }
    return 0;
}

QString peerAddressOf(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    return address.toString();
}

// A connect that ended with `error` (an errno value), named as the socket layer names it.
TcpOutcome failed(int error)
{
    TcpOutcome outcome;
    outcome.error = QString::fromLocal8Bit(std::strerror(error));
    switch (error) {
    case ECONNREFUSED:
        outcome.kind = TcpOutcome::Kind::Refused;
        break;
    case ENETUNREACH:
    case EHOSTUNREACH:
        outcome.kind = TcpOutcome::Kind::Unreachable;
        break;
    case ETIMEDOUT:
        outcome.kind = TcpOutcome::Kind::Filtered;
        break;
    default:
        outcome.kind = TcpOutcome::Kind::OtherError;
    }
    return outcome;
}

TcpOutcome outcomeOf(TcpOutcome::Kind kind)
{
    TcpOutcome outcome;
    outcome.kind = kind;
    return outcome;
}

// One sweep's state: the targets not started yet, the connects in flight, and what this round
// started and ended (reported, then cleared, after every round).
class Sweep final
{
public:
    Sweep(const QList<SweepTarget> &targets, ProbeBudget &budget)
        : m_targets(targets)
        , m_budget(budget)
    {
        for (qsizetype i = 0; i < targets.size(); ++i)
            m_pending.push_back(i);
    }

    bool done() const { return m_pending.empty() && m_open.empty(); }

    // Starts connects while the budget has slots; waits briefly for one when none of ours is open.
    void startWhatFits()
    {
        while (!m_pending.empty()) {
            const bool slot = m_open.empty() ? m_budget.tryTake(std::chrono::milliseconds(slotPollMs))
                                             : m_budget.tryTake();
            if (!slot)
                return;
            if (!start(m_pending.front())) {
                m_budget.give(); // out of file descriptors: retry once one of ours closes
                return;
            }
            m_pending.pop_front();
        }
    }

    // Waits for answers until the nearest deadline (or a short while, to look at the cancel flag
    // and for free slots), then ends the connects that answered or timed out.
    void waitRound()
    {
        if (m_open.empty())
            return;
        const qint64 now = nowNs();
        qint64 waitMs = sweepCancelPollMs;
        for (const Connect &connect : m_open)
            waitMs = std::min(waitMs, std::max<qint64>(0, (connect.deadlineNs - now + 999'999) / 1'000'000));
        if (!m_pending.empty())
            waitMs = std::min(waitMs, slotPollMs);
        m_polls.resize(m_open.size());
        for (size_t i = 0; i < m_open.size(); ++i)
            m_polls[i] = pollfd{m_open[i].fd, POLLOUT, 0};
        const int ready = ::poll(m_polls.data(), nfds_t(m_polls.size()), int(waitMs));
        const qint64 after = nowNs();
        // ends in place, keeping the order of those still open
        size_t kept = 0;
        for (size_t i = 0; i < m_open.size(); ++i) {
            Connect &connect = m_open[i];
            if (ready > 0 && m_polls[i].revents != 0)
                end(connect, answered(connect, after));
            else if (after >= connect.deadlineNs)
                end(connect, outcomeOf(TcpOutcome::Kind::Filtered));
            else
                m_open[kept++] = connect;
        }
        m_open.resize(kept);
    }

    // The cancel reached the sweep: what is open ends as cancelled, the rest as never started.
    void cancelAll()
    {
        for (Connect &connect : m_open)
            end(connect, outcomeOf(TcpOutcome::Kind::Cancelled));
        m_open.clear();
        for (const qsizetype index : m_pending)
            m_ended.append({index, outcomeOf(TcpOutcome::Kind::Cancelled), false});
        m_pending.clear();
    }

    void report(const TcpSweep::Report &report)
    {
        if (m_started.isEmpty() && m_ended.isEmpty())
            return;
        report(m_started, m_ended);
        m_started.clear();
        m_ended.clear();
    }

private:
    struct Connect
    {
        int fd = -1;
        qsizetype index = 0;
        qint64 startNs = 0;
        qint64 deadlineNs = 0;
    };

    // Opens a non-blocking socket and starts connecting, in the slot the caller took (given back
    // when the connect ends). False only when the process has no file descriptor left while some of
    // ours are open: the caller gives the slot back and the target waits for one of ours to close.
    bool start(qsizetype index)
    {
        const SweepTarget &target = m_targets.at(index);
        sockaddr_storage address;
        const socklen_t length = socketAddress(target, address);
        const int fd
            = length == 0 ? -1 : ::socket(address.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            const int error = length == 0 ? EAFNOSUPPORT : errno;
            if ((error == EMFILE || error == ENFILE) && !m_open.empty())
                return false;
            m_started.append(index);
            m_ended.append({index, failed(error), true});
            m_budget.give();
            return true;
        }
        Connect connect{fd, index, nowNs(), 0};
        connect.deadlineNs = connect.startNs + qint64(target.timeout.count()) * 1'000'000;
        m_started.append(index);
        if (::connect(fd, reinterpret_cast<const sockaddr *>(&address), length) == 0) {
            end(connect, answered(connect, nowNs()));
        } else if (const int error = errno; error != EINPROGRESS) {
            end(connect, failed(error));
        } else {
            m_open.push_back(connect);
        }
        return true;
    }

    // The outcome of a connect whose socket poll() marked: connected, or refused and the like.
    static TcpOutcome answered(const Connect &connect, qint64 atNs)
    {
        int error = 0;
        socklen_t length = sizeof error;
        if (::getsockopt(connect.fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
            error = errno;
        if (error != 0)
            return failed(error);
        TcpOutcome outcome;
        outcome.kind = TcpOutcome::Kind::Open;
        outcome.latencyMs = double(atNs - connect.startNs) / 1e6;
        outcome.peerAddress = peerAddressOf(connect.fd);
        return outcome;
    }

    void end(Connect &connect, const TcpOutcome &outcome)
    {
        if (outcome.open())
            TcpProbe::resetOnClose(connect.fd);
        ::close(connect.fd);
        connect.fd = -1;
        m_ended.append({connect.index, outcome, true});
        m_budget.give();
    }

    const QList<SweepTarget> &m_targets;
    ProbeBudget &m_budget;
    std::deque<qsizetype> m_pending;
    std::vector<Connect> m_open;
    std::vector<pollfd> m_polls;
    QList<qsizetype> m_started;
    QList<SweepOutcome> m_ended;
};

} // namespace

std::optional<SweepTarget> TcpSweep::targetOf(
    const ProbeSpec &spec, const ProbeContext &context, std::chrono::milliseconds timeout)
{
    if (spec.type != ProbeType::Tcp || spec.host.isEmpty() || spec.port < 1 || spec.port > 65535)
        return std::nullopt;
    const Endpoint endpoint = context.endpoint(spec.host, spec.port);
    QHostAddress address;
    if (endpoint.port < 1 || endpoint.port > 65535 || !address.setAddress(endpoint.host))
        return std::nullopt;
    return SweepTarget{address, quint16(endpoint.port), timeout};
}

void TcpSweep::run(
    const QList<SweepTarget> &targets, ProbeBudget &budget, const CancelFlag &cancel, const Report &report)
{
    Sweep sweep(targets, budget);
    // bounded: every connect ends by its deadline, and the cancel flag is read every round
    while (!sweep.done()) {
        if (cancel && cancel->load()) {
            sweep.cancelAll();
            break;
        }
        sweep.startWhatFits();
        sweep.report(report);
        sweep.waitRound();
        sweep.report(report);
    }
    sweep.report(report);
}

} // namespace jb
