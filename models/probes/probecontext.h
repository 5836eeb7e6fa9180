#pragma once

#include "core/result.h"
#include "secretstore.h"

#include <QList>
#include <QSslCertificate>
#include <QString>

#include <chrono>
#include <memory>

namespace jb {

// "Connect to this host and port instead of that one", like curl's --connect-to: the probe still
// names, verifies and logs the recorded target, but the socket goes elsewhere (a test server on a
// free port, an SSH tunnel's local end). Written "HOST:PORT:TO_HOST:TO_PORT".
struct ConnectTo
{
    QString host;
    int port = 0;
    QString toHost;
    int toPort = 0;

    static Result<ConnectTo> parse(const QString &text);
    QString toString() const;
};

struct Endpoint
{
    QString host;
    int port = 0;
    bool redirected = false;
};

// Everything a probe needs besides its own definition. Copied into every worker: it holds no
// QObject and its secret store is thread-safe.
struct ProbeContext
{
    QString projectFolder; // relative SQLite files are found here
    std::shared_ptr<const SecretStore> secrets;
    QList<QSslCertificate> extraCaCertificates; // trusted besides the system's (a test CA, a company CA)
    QList<ConnectTo> connectTo;
    std::chrono::milliseconds defaultTimeout{5000};

    // Where to connect for `host`:`port` once the connect-to rules are applied.
    Endpoint endpoint(const QString &host, int port) const;
    // The extra CA certificates read from PEM files; an Error names the first file that fails.
    static Result<QList<QSslCertificate>> loadCaFiles(const QStringList &paths);
};

} // namespace jb
