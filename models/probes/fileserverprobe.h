#pragma once

#include "probecontrol.h"
#include "proberesult.h"
#include "probespec.h"

#include <QByteArray>

namespace jb {

class CurlLibrary;

// FTP, FTPS and SFTP through libcurl (loaded on first use: CurlLibrary), one easy handle per probe
// on the probe's worker thread: connect, log in (password, or for SFTP a private key), list the
// folder, and check that a file exists when the probe names one. SFTP verifies the server's host key
// against the recorded SHA256 fingerprint; with none recorded it reads the key on first contact and
// reports it in the facts ("hostKeySha256", "hostKeyFirstContact") for the caller to record on success.
class FileServerProbe final
{
public:
    static constexpr qint64 maxListingBytes = 1024 * 1024;

    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control);
    // The same with a given libcurl; a failed load makes the probe an Error with the load's message.
    static ProbeResult run(const ProbeSpec &spec, ProbeControl &control, const Result<CurlLibrary> &library);
    // OpenSSH's form of a host key fingerprint: "SHA256:" + unpadded base64 of the key blob's hash.
    static QString fingerprint(const QByteArray &keyBlob);
    // The SSH library libcurl uses, e.g. "libssh2/1.10.0" (empty without SFTP support or libcurl).
    static QString sshLibraryVersion();
};

} // namespace jb
