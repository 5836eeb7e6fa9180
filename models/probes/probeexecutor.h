#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

namespace jb {

// Runs one probe to its result on the calling thread, which must be a worker (probes wait in local
// event loops and in libcurl): ProbeRunner calls it from its pool, tests call it directly.
// Stamps the result (probe id, target, time) and scrubs every secret the probe read out of it.
class ProbeExecutor final
{
public:
    static ProbeResult run(const ProbeSpec &spec, const ProbeContext &context, CancelFlag cancel = {});
    // Stamps a result made elsewhere (a TcpSweep) as run() stamps its own.
    static ProbeResult finish(const ProbeSpec &spec, ProbeResult result, const ProbeControl &control);
    static ProbeResult cancelledBeforeStart(); // what a cancelled run says of a probe it never started
    static std::chrono::milliseconds timeoutFor(const ProbeSpec &spec, const ProbeContext &context);
};

} // namespace jb
