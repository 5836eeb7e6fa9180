#include "tlsprobe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkProxy>
#include <QSslCipher>
#include <QSslSocket>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString names(const QSslCertificate &certificate, QSslCertificate::SubjectInfo info, bool issuer = false)
{
    const QStringList values = issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
    return values.join(u", "_s);
}

QString distinguished(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<std::pair<QSslCertificate::SubjectInfo, QString>> fields
        = {{QSslCertificate::CommonName, u"CN"_s}, {QSslCertificate::Organization, u"O"_s},
            {QSslCertificate::CountryName, u"C"_s}};
    for (const auto &[info, label] : fields) {
        const QString value = names(certificate, info, issuer);
        if (!value.isEmpty())
            parts.append(label + u'=' + value);
    }
    return parts.join(u", "_s);
}

bool has(const QList<QSslError> &errors, QSslError::SslError kind)
{
    return std::any_of(
        errors.cbegin(), errors.cend(), [kind](const QSslError &e) { return e.error() == kind; });
}

} // namespace

QSslConfiguration TlsProbe::configuration(const ProbeContext &context)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!context.extraCaCertificates.isEmpty())
        configuration.addCaCertificates(context.extraCaCertificates);
    return configuration;
}

QString TlsProbe::describe(const QList<QSslError> &errors)
{
    QStringList texts;
    for (const QSslError &error : errors) {
        if (!texts.contains(error.errorString()))
            texts.append(error.errorString());
    }
    return texts.join(u"; "_s);
}

QString TlsProbe::protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return u"TLS 1.2"_s;
    case QSsl::TlsV1_3:
        return u"TLS 1.3"_s;
    case QSsl::DtlsV1_2:
        return u"DTLS 1.2"_s;
    default:
        return u"an old or unknown protocol (%1)"_s.arg(int(protocol));
    }
}

ProbeResult TlsProbe::run(const ProbeSpec &spec, ProbeControl &control)
{
    if (spec.host.isEmpty() || spec.port < 1 || spec.port > 65535)
        return ProbeResult::make(ProbeStatus::Error, u"the probe needs a host and a port (1-65535)"_s);
    const Endpoint endpoint = control.context().endpoint(spec.host, spec.port);
    QSslSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.setSslConfiguration(configuration(control.context()));
    QEventLoop loop;
    bool finished = false;
    QList<QSslError> errors;
    QObject::connect(&socket, &QSslSocket::sslErrors, &loop, [&](const QList<QSslError> &found) {
        errors = found;
        socket.ignoreSslErrors(); // finish the handshake so that the certificate can be reported
    });
    QObject::connect(&socket, &QSslSocket::encrypted, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QObject::connect(&socket, &QSslSocket::errorOccurred, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QElapsedTimer clock;
    clock.start();
    socket.connectToHostEncrypted(endpoint.host, quint16(endpoint.port), spec.host);
    const ProbeControl::Wait waited = control.wait(loop, [&] { return finished; });
    const double latency = double(clock.nsecsElapsed()) / 1e6;

    QStringList details{u"TLS handshake with %1:%2 (server name %1)"_s.arg(spec.host).arg(spec.port)};
    if (endpoint.redirected)
        details.append(
            u"connected to %1:%2 instead (connect-to rule)"_s.arg(endpoint.host).arg(endpoint.port));
    ProbeResult result;
    if (waited == ProbeControl::Wait::Cancelled) {
        socket.abort();
        return ProbeResult::make(ProbeStatus::Skipped, u"cancelled"_s);
    }
    if (waited == ProbeControl::Wait::TimedOut || !socket.isEncrypted()) {
        const bool connected = socket.state() == QAbstractSocket::ConnectedState;
        if (waited == ProbeControl::Wait::TimedOut) {
            result = ProbeResult::make(ProbeStatus::Fail,
                connected ? u"the TLS handshake did not finish within %1"_s.arg(control.timeoutText())
                          : u"filtered: no answer within %1"_s.arg(control.timeoutText()));
        } else if (socket.error() == QAbstractSocket::ConnectionRefusedError) {
            result = ProbeResult::make(ProbeStatus::Fail, u"refused: nothing listens there"_s);
        } else {
            result = ProbeResult::make(
                ProbeStatus::Fail, u"TLS handshake failed: %1"_s.arg(socket.errorString()));
        }
        socket.abort();
        details.append(u"result: "_s + result.summary);
        result.details = details.join(u'\n');
        return result;
    }

    const QSslCertificate certificate = socket.peerCertificate();
    const QString protocol = protocolName(socket.sessionProtocol());
    const QString cipher = socket.sessionCipher().name();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 daysLeft = now.daysTo(certificate.expiryDate());
    QStringList sans;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it)
        sans.append(it.value());
    const bool hostMatches = !has(errors, QSslError::HostNameMismatch);
    socket.disconnectFromHost();

    result.latencyMs = latency;
    result.facts = QJsonObject{{u"protocol"_s, protocol}, {u"cipher"_s, cipher},
        {u"subject"_s, distinguished(certificate, false)}, {u"issuer"_s, distinguished(certificate, true)},
        {u"subjectAltNames"_s, QJsonArray::fromStringList(sans)},
        {u"notBefore"_s, certificate.effectiveDate().toUTC().toString(Qt::ISODate)},
        {u"notAfter"_s, certificate.expiryDate().toUTC().toString(Qt::ISODate)},
        {u"daysLeft"_s, double(daysLeft)}, {u"hostNameMatches"_s, hostMatches},
        {u"sha256"_s, QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'))}};
    details += {u"protocol: "_s + protocol, u"cipher: "_s + cipher,
        u"subject: "_s + distinguished(certificate, false), u"issuer: "_s + distinguished(certificate, true),
        u"alternative names: "_s + (sans.isEmpty() ? u"none"_s : sans.join(u", "_s)),
        u"valid from %1 to %2 (%3 days left)"_s
            .arg(certificate.effectiveDate().toUTC().toString(Qt::ISODate),
                certificate.expiryDate().toUTC().toString(Qt::ISODate))
            .arg(daysLeft),
        u"host name %1: %2"_s.arg(spec.host, hostMatches ? u"matches"_s : u"does NOT match"_s)};
    if (!errors.isEmpty())
        details.append(u"verification: "_s + describe(errors));

    QStringList problems;
    if (has(errors, QSslError::CertificateExpired)) {
        problems.append(u"certificate expired %1 days ago (%2)"_s.arg(-daysLeft).arg(
            certificate.expiryDate().toUTC().date().toString(Qt::ISODate)));
    }
    if (has(errors, QSslError::CertificateNotYetValid))
        problems.append(u"certificate not valid before %1"_s.arg(
            certificate.effectiveDate().toUTC().toString(Qt::ISODate)));
    if (!hostMatches) {
        problems.append(u"host name mismatch: the certificate is for %1, not %2"_s.arg(
            sans.isEmpty() ? names(certificate, QSslCertificate::CommonName) : sans.join(u", "_s),
            spec.host));
    }
    QList<QSslError> others;
    for (const QSslError &error : std::as_const(errors)) {
        if (error.error() != QSslError::CertificateExpired && error.error() != QSslError::HostNameMismatch
            && error.error() != QSslError::CertificateNotYetValid)
            others.append(error);
    }
    if (!others.isEmpty())
        problems.append(u"untrusted certificate: "_s + describe(others));

    const QString overview = u"%1, %2; certificate for %3"_s.arg(
        protocol, cipher, names(certificate, QSslCertificate::CommonName));
    if (problems.isEmpty() || spec.insecure) {
        result.status = ProbeStatus::Pass;
        result.summary = u"%1 valid for %2 more days"_s.arg(overview).arg(daysLeft);
        if (daysLeft < spec.warnDays) {
            result.warning = true;
            result.summary = u"warning: certificate expires in %1 days (warn under %2); %3"_s.arg(daysLeft)
                                 .arg(spec.warnDays)
                                 .arg(overview);
        }
        if (spec.insecure) {
            result.insecure = true;
            result.warning = true;
            details.prepend(u"WARNING: TLS certificate verification is OFF for this probe (insecure)"_s);
            result.summary = u"INSECURE (TLS verification off): "_s
                + (problems.isEmpty() ? result.summary : problems.join(u"; "_s) + u" (ignored)"_s);
        }
    } else {
        result.status = ProbeStatus::Fail;
        result.summary = problems.join(u"; "_s);
    }
    details.append(u"result: "_s + result.summary);
    result.details = details.join(u'\n');
    return result;
}

} // namespace jb
