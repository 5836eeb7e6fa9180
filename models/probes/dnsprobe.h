#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

namespace jb {

// DNS: the name resolves; the addresses are listed, and one of them must be the recorded address
// when the probe names it. Asks the system resolver (what the integration's programs will use), or
// a given name server directly.
class DnsProbe final
{
public:
    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control);

private:
    struct Answer
    {
        QStringList addresses;
        QString error; // empty on success
        bool notFound = false; // the name does not exist (NXDOMAIN), as opposed to no answer
        ProbeControl::Wait wait = ProbeControl::Wait::Done;
    };
    static Answer systemLookup(const QString &host, ProbeControl &control);
    static Answer serverLookup(const QString &host, const QString &nameserver, ProbeControl &control);
};

} // namespace jb
