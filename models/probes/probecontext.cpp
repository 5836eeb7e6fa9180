#include "probecontext.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace jb {

Result<ConnectTo> ConnectTo::parse(const QString &text)
{
    // an IPv6 address is written in brackets: [::1]:8443:127.0.0.1:18443
    static const QRegularExpression pattern(
        u"^(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d{1,5}):(\\[[^\\]]+\\]|[^:\\[\\]]+):(\\d{1,5})$"_s);
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    auto unbracket = [](QString host) { return host.startsWith(u'[') ? host.mid(1, host.size() - 2) : host; };
    if (!match.hasMatch()) {
        return Result<ConnectTo>::failure(
            Error::Code::Parse, u"\"%1\": expected HOST:PORT:TO_HOST:TO_PORT"_s.arg(text));
    }
    ConnectTo rule{unbracket(match.captured(1)), match.captured(2).toInt(), unbracket(match.captured(3)),
        match.captured(4).toInt()};
    if (rule.port < 1 || rule.port > 65535 || rule.toPort < 1 || rule.toPort > 65535)
        return Result<ConnectTo>::failure(
            Error::Code::Parse, u"\"%1\": ports go from 1 to 65535"_s.arg(text));
    return rule;
}

QString ConnectTo::toString() const
{
    auto bracket = [](const QString &h) { return h.contains(u':') ? u'[' + h + u']' : h; };
    return u"%1:%2:%3:%4"_s.arg(bracket(host)).arg(port).arg(bracket(toHost)).arg(toPort);
}

Endpoint ProbeContext::endpoint(const QString &host, int port) const
{
    for (const ConnectTo &rule : connectTo) {
        if (rule.port == port && rule.host.compare(host, Qt::CaseInsensitive) == 0)
            return {rule.toHost, rule.toPort, true};
    }
    return {host, port, false};
}

Result<QList<QSslCertificate>> ProbeContext::loadCaFiles(const QStringList &paths)
{
    QList<QSslCertificate> all;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return Result<QList<QSslCertificate>>::failure(
                Error::Code::Io, u"%1: cannot read the CA file: %2"_s.arg(path, file.errorString()));
        }
        const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
        if (certificates.isEmpty()) {
            return Result<QList<QSslCertificate>>::failure(
                Error::Code::Parse, u"%1: no PEM certificate in the CA file"_s.arg(path));
        }
        all += certificates;
    }
    return all;
}

} // namespace jb
