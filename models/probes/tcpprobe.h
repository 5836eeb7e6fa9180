#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

namespace jb {

// How a TCP connection attempt ended.
struct TcpOutcome
{
    enum class Kind
    {
        Open,
        Refused, // something answered: nothing listens there
        Filtered, // nothing answered before the deadline: dropped on the way, or the host is down
        HostNotFound,
        Unreachable, // no route
        Cancelled,
        OtherError,
    };

    Kind kind = Kind::OtherError;
    double latencyMs = -1;
    QString peerAddress; // the address connected to, when open
    QString error; // the socket's message, for the details

    bool open() const { return kind == Kind::Open; }
    // "open in 0.3 ms", "refused", "filtered: no answer within 5.0 s", ...
    QString describe(const ProbeControl &control) const;
    ProbeStatus status() const;
};

// TCP: connect to host:port and report open / refused / filtered with the connect latency. Its
// connect() is shared by the VPN and database probes.
class TcpProbe final
{
public:
    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control);
    // The result of `spec` for an attempt that ended as `outcome` (here or in a TcpSweep).
    static ProbeResult result(const ProbeSpec &spec, const TcpOutcome &outcome, const ProbeControl &control);
    // One attempt to host:port (after the connect-to rules), bounded by the control's deadline.
    static TcpOutcome connect(const QString &host, int port, const ProbeControl &control);
    // Several attempts at once, sharing the deadline; the outcomes in the order of `targets`.
    static QList<TcpOutcome> connectAll(
        const QList<std::pair<QString, int>> &targets, const ProbeControl &control);
    // Makes closing the connected socket `fd` send a reset: a check leaves no TIME_WAIT behind, where
    // a sweep of a thousand open ports would otherwise hold a thousand local ports for a minute.
    static void resetOnClose(qintptr fd);
};

} // namespace jb
