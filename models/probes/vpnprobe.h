#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

namespace jb {

// VPN: the hosts behind the tunnel answer by TCP on their recorded ports (ICMP would need
// privileges, and a firewall that lets ping through proves little about the ports). Every target is
// tried at once; the probe passes when all of them are open.
class VpnProbe final
{
public:
    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control);
    // "host:port" or "[v6]:port"; nullopt when it is neither.
    static std::optional<std::pair<QString, int>> parseTarget(const QString &text);
};

} // namespace jb
