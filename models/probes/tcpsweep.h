#pragma once

#include "probecontrol.h"
#include "probespec.h"
#include "tcpprobe.h"

#include <QHostAddress>
#include <QList>

#include <chrono>
#include <functional>
#include <optional>

namespace jb {

class ProbeBudget;

// One connect of a sweep: an address (nothing to resolve) and a port, bounded by its own timeout.
struct SweepTarget
{
    QHostAddress address;
    quint16 port = 0;
    std::chrono::milliseconds timeout{5000};
};

// How a sweep's connect ended; `started` is false for a target the cancel reached first.
struct SweepOutcome
{
    qsizetype index = 0; // into the sweep's targets
    TcpOutcome outcome;
    bool started = true;
};

// TCP connects to many addresses from one thread, as a port scanner makes them: non-blocking
// sockets watched together with poll(), each started when the budget gives it a slot and ended by
// an answer or by its own timeout (counted from its own start). A thread, an event loop and a
// QTcpSocket per probe cost more than the connect itself on a fast network; this is where a sweep
// of a thousand ports spends its time. Names are not resolved here (that would block the others):
// only targets that already are addresses are swept, the rest go through TcpProbe.
class TcpSweep final
{
public:
    // After every round, on the sweep's thread: the targets that started and those that ended.
    using Report = std::function<void(const QList<qsizetype> &started, const QList<SweepOutcome> &ended)>;

    // `spec`'s target as a sweep target, when it is a TCP probe whose endpoint (after the connect-to
    // rules) is an address and a valid port.
    static std::optional<SweepTarget> targetOf(
        const ProbeSpec &spec, const ProbeContext &context, std::chrono::milliseconds timeout);

    // Returns when every target has ended: answered, timed out, or reached by `cancel`.
    static void run(const QList<SweepTarget> &targets, ProbeBudget &budget, const CancelFlag &cancel,
        const Report &report);
};

} // namespace jb
