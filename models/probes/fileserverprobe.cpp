#include "fileserverprobe.h"

#include "curllibrary.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QUrl>

#include <cerrno>
#include <memory>
#include <sys/mman.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct Transfer
{
    QByteArray listing;
    bool truncated = false;
    QStringList serverLines; // FTP replies, for the details
    QByteArray hostKey; // SFTP, first contact: the key the server presented
    const ProbeControl *control = nullptr;
};

size_t onData(char *data, size_t size, size_t count, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    const qint64 bytes = qint64(size * count);
    const qint64 room = FileServerProbe::maxListingBytes - transfer->listing.size();
    transfer->listing.append(data, qsizetype(std::min(bytes, std::max<qint64>(room, 0))));
    if (bytes > room)
        transfer->truncated = true;
    return size * count; // keep going: the listing is bounded, the transfer is small
}

int onProgress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<Transfer *>(user)->control->cancelled() ? 1 : 0;
}

int onDebug(CURL *, curl_infotype type, char *data, size_t size, void *user)
{
    // only what the server said: what we sent includes the password
    auto *transfer = static_cast<Transfer *>(user);
    if (type == CURLINFO_HEADER_IN && transfer->serverLines.size() < 40)
        transfer->serverLines.append(QString::fromUtf8(data, qsizetype(size)).trimmed());
    return 0;
}

int onHostKey(CURL *, const curl_khkey *, const curl_khkey *found, curl_khmatch, void *user)
{
    auto *transfer = static_cast<Transfer *>(user);
    if (found && found->key) {
        transfer->hostKey = found->len > 0 ? QByteArray(found->key, qsizetype(found->len))
                                           : QByteArray::fromBase64(QByteArray(found->key));
    }
    return CURLKHSTAT_FINE; // accepted for this session, written nowhere: the caller records it
}

struct EasyDeleter
{
    const CurlLibrary *curl;
    void operator()(CURL *handle) const { curl->easyCleanup(handle); }
};
struct ListDeleter
{
    const CurlLibrary *curl;
    void operator()(curl_slist *list) const { curl->slistFreeAll(list); }
};

// A private key handed to libssh2 by path without touching the disk: an anonymous memory file.
class MemoryFile final
{
public:
    explicit MemoryFile(const QByteArray &bytes)
        : m_fd(memfd_create("journeybench-key", MFD_CLOEXEC))
    {
        if (m_fd >= 0 && write(m_fd, bytes.constData(), size_t(bytes.size())) != bytes.size()) {
            close(m_fd);
            m_fd = -1;
        }
    }
    ~MemoryFile()
    {
        if (m_fd >= 0)
            close(m_fd);
    }
    MemoryFile(const MemoryFile &) = delete;
    MemoryFile &operator=(const MemoryFile &) = delete;

    bool ok() const { return m_fd >= 0; }
    QByteArray path() const { return "/proc/self/fd/" + QByteArray::number(m_fd); }

private:
    int m_fd = -1;
};

QByteArray caBundle(const ProbeContext &context)
{
    QByteArray pem;
    for (const QSslCertificate &certificate : QSslConfiguration::systemCaCertificates())
        pem += certificate.toPem();
    for (const QSslCertificate &certificate : context.extraCaCertificates)
        pem += certificate.toPem();
    return pem;
}

QString stripFingerprint(QString text)
{
    text = text.trimmed();
    if (text.startsWith(u"SHA256:", Qt::CaseInsensitive))
        text = text.mid(7);
    while (text.endsWith(u'='))
        text.chop(1);
    return text;
}

} // namespace

QString FileServerProbe::fingerprint(const QByteArray &keyBlob)
{
    QByteArray base64 = QCryptographicHash::hash(keyBlob, QCryptographicHash::Sha256).toBase64();
    while (base64.endsWith('='))
        base64.chop(1);
    return u"SHA256:"_s + QString::fromLatin1(base64);
}

QString FileServerProbe::sshLibraryVersion()
{
    const Result<CurlLibrary> &curl = CurlLibrary::shared();
    if (!curl)
        return {};
    const char *version = curl.value().versionInfo(CURLVERSION_NOW)->libssh_version;
    return version ? QString::fromLatin1(version) : QString();
}

ProbeResult FileServerProbe::run(const ProbeSpec &spec, ProbeControl &control)
{
    return run(spec, control, CurlLibrary::shared());
}

ProbeResult FileServerProbe::run(
    const ProbeSpec &spec, ProbeControl &control, const Result<CurlLibrary> &library)
{
    const bool sftp = spec.type == ProbeType::Sftp;
    if (spec.host.isEmpty())
        return ProbeResult::make(ProbeStatus::Error, u"the probe needs a host"_s);
    if (spec.port < 0 || spec.port > 65535)
        return ProbeResult::make(ProbeStatus::Error, u"the port must go from 1 to 65535"_s);
    const bool implicitTls = !sftp && spec.ftps == u"implicit";
    const bool explicitTls = !sftp && spec.ftps == u"explicit";
    const int port = spec.port > 0 ? spec.port : sftp ? 22 : implicitTls ? 990 : 21;
    const bool keyAuth = spec.auth == u"key";
    if (keyAuth && !sftp)
        return ProbeResult::make(
            ProbeStatus::Error, u"key authentication is for SFTP; FTP logs in with a password"_s);

    QString password;
    QByteArray privateKey;
    if (!spec.secret.isEmpty() && spec.auth != u"none") {
        const Result<QString> secret = control.secret(spec.secret);
        if (!secret)
            return ProbeResult::make(ProbeStatus::Error, secret.errorString());
        if (keyAuth) {
            privateKey = secret.value().toUtf8();
            if (!privateKey.endsWith('\n'))
                privateKey += '\n';
        } else {
            password = secret.value();
        }
    } else if (keyAuth || spec.auth == u"password") {
        return ProbeResult::make(
            ProbeStatus::Error, u"authentication \"%1\" needs a secret name"_s.arg(spec.auth));
    }

    if (!library)
        return ProbeResult::make(ProbeStatus::Error, library.errorString());
    const CurlLibrary &lib = library.value();
    std::unique_ptr<CURL, EasyDeleter> easy(lib.easyInit(), EasyDeleter{&lib});
    if (!easy)
        return ProbeResult::make(ProbeStatus::Error, u"libcurl could not make a handle"_s);
    CURL *curl = easy.get();

    QUrl url;
    url.setScheme(sftp ? u"sftp"_s : implicitTls ? u"ftps"_s : u"ftp"_s);
    url.setHost(spec.host);
    url.setPort(port);
    QString folder = spec.path.isEmpty() ? u"/"_s : spec.path;
    if (!folder.startsWith(u'/'))
        folder.prepend(u'/');
    if (!folder.endsWith(u'/'))
        folder += u'/';
    url.setPath(folder);
    const QByteArray urlBytes = url.toEncoded();

    Transfer transfer;
    transfer.control = &control;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    lib.easySetopt(curl, CURLOPT_URL, urlBytes.constData());
    lib.easySetopt(curl, CURLOPT_NOSIGNAL, 1L);
    lib.easySetopt(curl, CURLOPT_PROXY, ""); // a direct connection, whatever ftp_proxy says
    lib.easySetopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    lib.easySetopt(curl, CURLOPT_DIRLISTONLY, 1L);
    lib.easySetopt(curl, CURLOPT_WRITEFUNCTION, &onData);
    lib.easySetopt(curl, CURLOPT_WRITEDATA, &transfer);
    lib.easySetopt(curl, CURLOPT_NOPROGRESS, 0L);
    lib.easySetopt(curl, CURLOPT_XFERINFOFUNCTION, &onProgress);
    lib.easySetopt(curl, CURLOPT_XFERINFODATA, &transfer);
    lib.easySetopt(curl, CURLOPT_DEBUGFUNCTION, &onDebug);
    lib.easySetopt(curl, CURLOPT_DEBUGDATA, &transfer);
    lib.easySetopt(curl, CURLOPT_VERBOSE, 1L); // feeds onDebug; nothing is printed
    const long remaining = long(std::max<qint64>(1, control.remainingMs()));
    lib.easySetopt(curl, CURLOPT_CONNECTTIMEOUT_MS, remaining);
    lib.easySetopt(curl, CURLOPT_TIMEOUT_MS, remaining);

    const Endpoint endpoint = control.context().endpoint(spec.host, port);
    std::unique_ptr<curl_slist, ListDeleter> connectTo(nullptr, ListDeleter{&lib});
    if (endpoint.redirected) {
        const QByteArray rule = (spec.host + u':' + QString::number(port) + u':' + endpoint.host + u':'
            + QString::number(endpoint.port))
                                    .toUtf8();
        connectTo.reset(lib.slistAppend(nullptr, rule.constData()));
        lib.easySetopt(curl, CURLOPT_CONNECT_TO, connectTo.get());
    }

    const QByteArray user = spec.user.toUtf8();
    const QByteArray passwordBytes = password.toUtf8();
    if (!user.isEmpty())
        lib.easySetopt(curl, CURLOPT_USERNAME, user.constData());
    if (!password.isEmpty())
        lib.easySetopt(curl, CURLOPT_PASSWORD, passwordBytes.constData());

    std::unique_ptr<MemoryFile> keyFile;
    QByteArray keyPath;
    const QByteArray recordedKey = stripFingerprint(spec.hostKeySha256).toLatin1();
    if (sftp) {
        lib.easySetopt(curl, CURLOPT_SSH_AUTH_TYPES,
            keyAuth ? long(CURLSSH_AUTH_PUBLICKEY) : long(CURLSSH_AUTH_PASSWORD));
        if (keyAuth) {
            keyFile = std::make_unique<MemoryFile>(privateKey);
            if (!keyFile->ok())
                return ProbeResult::make(ProbeStatus::Error, u"could not hand the private key to libssh2"_s);
            keyPath = keyFile->path();
            lib.easySetopt(curl, CURLOPT_SSH_PRIVATE_KEYFILE, keyPath.constData());
            lib.easySetopt(curl, CURLOPT_SSH_PUBLIC_KEYFILE, ""); // derived from the private key
        }
        if (!recordedKey.isEmpty()) {
            lib.easySetopt(curl, CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, recordedKey.constData());
        } else {
            // first contact: an empty known-hosts list makes libcurl show us the key, which we hash
            lib.easySetopt(curl, CURLOPT_SSH_KNOWNHOSTS, "/dev/null");
            lib.easySetopt(curl, CURLOPT_SSH_KEYFUNCTION, &onHostKey);
            lib.easySetopt(curl, CURLOPT_SSH_KEYDATA, &transfer);
        }
    } else {
        if (explicitTls)
            lib.easySetopt(curl, CURLOPT_USE_SSL, long(CURLUSESSL_ALL));
        lib.easySetopt(curl, CURLOPT_FTP_USE_EPSV, 1L);
    }
    QByteArray bundle;
    if (!sftp && (explicitTls || implicitTls)) {
        if (spec.insecure) {
            lib.easySetopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
            lib.easySetopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
        } else if (!control.context().extraCaCertificates.isEmpty()) {
            bundle = caBundle(control.context());
            curl_blob blob{bundle.data(), size_t(bundle.size()), CURL_BLOB_NOCOPY};
            lib.easySetopt(curl, CURLOPT_CAINFO_BLOB, &blob);
        }
    }

    const CURLcode code = lib.easyPerform(curl);
    curl_off_t totalUs = 0;
    lib.easyGetinfo(curl, CURLINFO_TOTAL_TIME_T, &totalUs);
    const double latency = double(totalUs) / 1000.0;
    const QString curlError = QString::fromUtf8(errorBuffer).trimmed();
    const QString detailError = curlError.isEmpty() ? QString::fromUtf8(lib.easyStrerror(code)) : curlError;

    QStringList details{
        u"%1 as %2, list %3"_s.arg(url.toString(), spec.user.isEmpty() ? u"anonymous"_s : spec.user, folder)};
    if (endpoint.redirected)
        details.append(
            u"connected to %1:%2 instead (connect-to rule)"_s.arg(endpoint.host).arg(endpoint.port));
    if (sftp)
        details.append(recordedKey.isEmpty()
                ? u"host key: none recorded yet (first contact)"_s
                : u"host key: must match SHA256:%1"_s.arg(QString::fromLatin1(recordedKey)));
    if (spec.insecure && (explicitTls || implicitTls))
        details.prepend(u"WARNING: TLS certificate verification is OFF for this probe (insecure)"_s);
    for (const QString &line : std::as_const(transfer.serverLines)) {
        if (!line.isEmpty())
            details.append(u"server: "_s + line);
    }

    ProbeResult result;
    const QString who = spec.user.isEmpty() ? u"anonymous"_s : spec.user;
    const QString presented = transfer.hostKey.isEmpty() ? QString() : fingerprint(transfer.hostKey);
    switch (code) {
    case CURLE_OK: {
        const QStringList names = QString::fromUtf8(transfer.listing).split(u'\n', Qt::SkipEmptyParts);
        QStringList entries;
        for (const QString &name : names) {
            const QString entry = name.trimmed();
            if (!entry.isEmpty() && entry != u"." && entry != u"..")
                entries.append(entry);
        }
        result.latencyMs = latency;
        result.facts.insert(u"entries"_s, int(entries.size()));
        details.append(u"listing: %1 entries%2"_s.arg(entries.size())
                           .arg(transfer.truncated ? u" (truncated)"_s : QString()));
        if (!spec.file.isEmpty() && !entries.contains(spec.file)) {
            result.status = ProbeStatus::Fail;
            result.summary = u"logged in as %1, but %2 has no file %3"_s.arg(who, folder, spec.file);
        } else {
            result.status = ProbeStatus::Pass;
            result.summary = u"logged in as %1, listed %2 (%3 entries)%4 in %5 ms"_s.arg(who, folder)
                                 .arg(entries.size())
                                 .arg(spec.file.isEmpty() ? QString() : u", %1 found"_s.arg(spec.file))
                                 .arg(latency, 0, 'f', 1);
            if (sftp && !presented.isEmpty()) {
                result.facts.insert(u"hostKeySha256"_s, presented);
                result.facts.insert(u"hostKeyFirstContact"_s, true);
                result.summary += u"; host key %1 seen for the first time: record it"_s.arg(presented);
            }
        }
        break;
    }
    case CURLE_COULDNT_CONNECT: {
        long osError = 0;
        lib.easyGetinfo(curl, CURLINFO_OS_ERRNO, &osError);
        result = ProbeResult::make(ProbeStatus::Fail,
            osError == ECONNREFUSED ? u"refused: nothing listens there"_s
                                    : u"could not connect: %1"_s.arg(detailError));
        break;
    }
    case CURLE_OPERATION_TIMEDOUT: {
        curl_off_t connectUs = 0;
        lib.easyGetinfo(curl, CURLINFO_CONNECT_TIME_T, &connectUs);
        result = ProbeResult::make(ProbeStatus::Fail,
            connectUs == 0
                ? u"filtered: no answer within %1"_s.arg(control.timeoutText())
                : u"the server stopped answering: no result within %1"_s.arg(control.timeoutText()));
        break;
    }
    case CURLE_COULDNT_RESOLVE_HOST:
        result = ProbeResult::make(ProbeStatus::Fail, u"host not found: %1"_s.arg(spec.host));
        break;
    case CURLE_LOGIN_DENIED:
        result = ProbeResult::make(ProbeStatus::Fail,
            u"login failed for %1 (%2 authentication)"_s.arg(who, keyAuth ? u"key"_s : u"password"_s));
        if (keyAuth && privateKey.contains("RSA PRIVATE KEY")) {
            // libssh2 before 1.11 signs with ssh-rsa (SHA-1), which OpenSSH 8.8 and later refuse
            details.append(u"hint: this libssh2 (%1) may sign RSA keys only with SHA-1 (ssh-rsa), which "
                           "OpenSSH 8.8 and later refuse by default; use an ed25519 or ECDSA key"_s.arg(
                               sshLibraryVersion()));
        }
        break;
    case CURLE_REMOTE_ACCESS_DENIED:
    case CURLE_REMOTE_FILE_NOT_FOUND:
    case CURLE_FTP_COULDNT_RETR_FILE:
        result = ProbeResult::make(ProbeStatus::Fail,
            u"logged in as %1, but the folder %2 is missing or not readable"_s.arg(who, folder));
        break;
    case CURLE_PEER_FAILED_VERIFICATION:
        if (sftp) {
            static const QRegularExpression remote(u"Remote ([A-Za-z0-9+/=]+) is not equal"_s);
            const QString seen = remote.match(curlError).captured(1);
            result = ProbeResult::make(ProbeStatus::Fail,
                u"host key mismatch: the server presented SHA256:%1, recorded SHA256:%2 (a new server, or someone in between)"_s
                    .arg(stripFingerprint(seen), QString::fromLatin1(recordedKey)));
            if (!seen.isEmpty())
                result.facts.insert(u"hostKeySha256"_s, QString(u"SHA256:"_s + stripFingerprint(seen)));
        } else {
            result = ProbeResult::make(ProbeStatus::Fail, u"TLS verification failed: %1"_s.arg(detailError));
        }
        break;
    case CURLE_USE_SSL_FAILED:
        result = ProbeResult::make(ProbeStatus::Fail, u"the server does not offer FTPS (AUTH TLS refused)"_s);
        break;
    case CURLE_SSL_CONNECT_ERROR:
        result = ProbeResult::make(ProbeStatus::Fail, u"TLS handshake failed: %1"_s.arg(detailError));
        break;
    case CURLE_ABORTED_BY_CALLBACK:
        result = ProbeResult::make(ProbeStatus::Skipped, u"cancelled"_s);
        break;
    default:
        result = ProbeResult::make(
            ProbeStatus::Fail, u"%1 failed: %2"_s.arg(sftp ? u"SFTP"_s : u"FTP"_s, detailError));
    }
    if (code != CURLE_OK) {
        details.append(u"libcurl: %1 (%2)"_s.arg(detailError).arg(int(code)));
        if (!presented.isEmpty())
            details.append(u"the server's host key: "_s + presented);
    }
    if (spec.insecure && (explicitTls || implicitTls)) {
        result.insecure = true;
        result.warning = true;
        result.summary = u"INSECURE (TLS verification off): "_s + result.summary;
    }
    details.append(u"result: "_s + result.summary);
    result.details = details.join(u'\n');
    return result;
}

} // namespace jb
