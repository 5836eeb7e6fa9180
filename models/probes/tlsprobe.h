#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

#include <QSslConfiguration>
#include <QSslError>

namespace jb {

// TLS: a handshake with host:port, then what it shows: protocol, cipher, the certificate's subject,
// issuer and alternative names, whether it matches the host name, and the days left before it
// expires (a pass with a warning under the probe's threshold). The helpers are shared with the
// HTTP probe.
class TlsProbe final
{
public:
    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control);

    // The system's trust store plus the context's extra CAs, peer verification on.
    static QSslConfiguration configuration(const ProbeContext &context);
    // "The certificate has expired; The host name did not match any of the valid hosts ..."
    static QString describe(const QList<QSslError> &errors);
    static QString protocolName(QSsl::SslProtocol protocol);
};

} // namespace jb
