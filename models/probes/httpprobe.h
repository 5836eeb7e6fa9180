#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

#include <QByteArray>

namespace jb {

// HTTP(S): one request (method, URL, authentication from a secret), then the expected status, an
// optional header and body assertion, and the redirect policy. TLS certificates are verified
// unless the probe is marked insecure, which every result of it then says in its summary.
class HttpProbe final
{
public:
    // The body is read up to this size; an assertion looks at that much.
    static constexpr qint64 maxBodyBytes = 1024 * 1024;

    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control);

private:
    struct Authorization
    {
        QByteArray header;
        QByteArray value;
        QString error;
    };
    static Authorization authorization(const ProbeSpec &spec, ProbeControl &control);
};

} // namespace jb
