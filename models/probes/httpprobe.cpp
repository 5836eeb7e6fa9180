#include "httpprobe.h"

#include "core/enumtable.h"
#include "statusexpectation.h"
#include "tlsprobe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// ProbeSpec::redirects; a key not here follows no redirect
constexpr auto redirectPolicies = enumTable<QNetworkRequest::RedirectPolicy>({
    {QNetworkRequest::ManualRedirectPolicy, u"none"},
    {QNetworkRequest::NoLessSafeRedirectPolicy, u"safe"},
    {QNetworkRequest::SameOriginRedirectPolicy, u"same-origin"},
});

QNetworkRequest::RedirectPolicy redirectPolicy(const QString &key)
{
    return redirectPolicies.fromKey(key).value_or(QNetworkRequest::ManualRedirectPolicy);
}

// Network-level failures, in the words of the probe.
QString transportFailure(QNetworkReply::NetworkError error, const QString &message, const QString &tlsErrors)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return u"refused: nothing listens there"_s;
    case QNetworkReply::HostNotFoundError:
        return u"host not found"_s;
    case QNetworkReply::SslHandshakeFailedError:
        return tlsErrors.isEmpty() ? u"TLS handshake failed: %1"_s.arg(message)
                                   : u"TLS verification failed: %1"_s.arg(tlsErrors);
    case QNetworkReply::TooManyRedirectsError:
        return u"too many redirects"_s;
    case QNetworkReply::InsecureRedirectError:
        return u"redirect refused by the policy: %1"_s.arg(message);
    case QNetworkReply::RemoteHostClosedError:
        return u"the server closed the connection without an answer"_s;
    default:
        return u"request failed: %1"_s.arg(message);
    }
}

} // namespace

HttpProbe::Authorization HttpProbe::authorization(const ProbeSpec &spec, ProbeControl &control)
{
    if (spec.auth.isEmpty() || spec.auth == u"none")
        return {};
    if (spec.secret.isEmpty())
        return {{}, {}, u"authentication \"%1\" needs a secret name"_s.arg(spec.auth)};
    const Result<QString> secret = control.secret(spec.secret);
    if (!secret)
        return {{}, {}, secret.errorString()};
    const QByteArray value = secret.value().toUtf8();
    if (spec.auth == u"bearer" || spec.auth == u"oauth2")
        return {"Authorization", "Bearer " + value, {}};
    if (spec.auth == u"basic" || spec.auth == u"password")
        return {"Authorization", "Basic " + QByteArray(spec.user.toUtf8() + ':' + value).toBase64(), {}};
    if (spec.auth == u"api-key")
        return {"X-API-Key", value, {}};
    return {{}, {}, u"authentication \"%1\" is not supported by the HTTP probe"_s.arg(spec.auth)};
}

ProbeResult HttpProbe::run(const ProbeSpec &spec, ProbeControl &control)
{
    const QUrl url(spec.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != u"http" && scheme != u"https"))
        return ProbeResult::make(ProbeStatus::Error, u"\"%1\" is not an http(s) URL"_s.arg(spec.url));
    const Result<StatusExpectation> expected = StatusExpectation::parse(spec.expectStatus);
    if (!expected)
        return ProbeResult::make(ProbeStatus::Error, expected.errorString());
    const Authorization auth = authorization(spec, control);
    if (!auth.error.isEmpty())
        return ProbeResult::make(ProbeStatus::Error, auth.error);

    const int port = url.port(scheme == u"https" ? 443 : 80);
    const Endpoint endpoint = control.context().endpoint(url.host(), port);
    QUrl wire = url;
    QNetworkRequest request;
    if (endpoint.redirected) {
        wire.setHost(endpoint.host);
        wire.setPort(endpoint.port);
        // the server and the certificate check still see the recorded name
        request.setRawHeader("Host",
            (url.host() + (url.port() > 0 ? QString(u':' + QString::number(url.port())) : QString()))
                .toUtf8());
        request.setPeerVerifyName(url.host());
    }
    request.setUrl(wire);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, redirectPolicy(spec.redirects));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setHeader(
        QNetworkRequest::UserAgentHeader, u"JourneyBench/%1 probe"_s.arg(QStringLiteral(JB_VERSION)));
    if (!auth.header.isEmpty())
        request.setRawHeader(auth.header, auth.value);
    if (scheme == u"https")
        request.setSslConfiguration(TlsProbe::configuration(control.context()));

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    manager.setAutoDeleteReplies(false);
    const QByteArray method = spec.method.isEmpty() ? QByteArray("GET") : spec.method.toUpper().toLatin1();
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QNetworkReply> reply(method == "HEAD" ? manager.head(request)
            : method == "GET"                             ? manager.get(request)
                                                          : manager.sendCustomRequest(request, method));
    QEventLoop loop;
    bool finished = false;
    bool truncated = false;
    QByteArray body;
    QString tlsErrors;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        body += reply->read(maxBodyBytes - body.size());
        if (body.size() >= maxBodyBytes && reply->bytesAvailable() > 0) {
            truncated = true;
            reply->abort(); // we have what an assertion may look at
        }
    });
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, &loop, [&](const QList<QSslError> &errors) {
        tlsErrors = TlsProbe::describe(errors);
        if (spec.insecure)
            reply->ignoreSslErrors();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    const ProbeControl::Wait waited = control.wait(loop, [&] { return finished; });
    const double latency = double(clock.nsecsElapsed()) / 1e6;

    QStringList details{u"%1 %2"_s.arg(QString::fromLatin1(method), spec.url)};
    if (endpoint.redirected)
        details.append(
            u"connected to %1:%2 instead (connect-to rule)"_s.arg(endpoint.host).arg(endpoint.port));
    if (spec.insecure) {
        details.prepend(u"WARNING: TLS certificate verification is OFF for this probe (insecure)"_s);
        if (!tlsErrors.isEmpty())
            details.append(u"certificate problems ignored: "_s + tlsErrors);
    }
    ProbeResult result;
    if (waited == ProbeControl::Wait::Cancelled) {
        reply->abort();
        return ProbeResult::make(ProbeStatus::Skipped, u"cancelled"_s);
    }
    if (waited == ProbeControl::Wait::TimedOut) {
        reply->abort();
        result = ProbeResult::make(ProbeStatus::Fail, u"no answer within %1"_s.arg(control.timeoutText()));
    } else {
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            result = ProbeResult::make(ProbeStatus::Fail,
                transportFailure(
                    reply->error(), reply->errorString(), spec.insecure ? QString() : tlsErrors));
            details.append(u"network error: "_s + reply->errorString());
        } else {
            const int status = statusAttribute.toInt();
            const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            result.latencyMs = latency;
            result.facts.insert(u"status"_s, status);
            result.facts.insert(u"url"_s, reply->url().toString());
            details.append(u"answer: HTTP %1 %2 in %3 ms"_s.arg(status).arg(reason).arg(latency, 0, 'f', 1));
            if (reply->url() != wire)
                details.append(u"after redirects: "_s + reply->url().toString());
            const QByteArray location = reply->rawHeader("Location");
            if (!location.isEmpty())
                details.append(u"Location: "_s + QString::fromUtf8(location));
            for (const QByteArray &name : {QByteArray("Content-Type"), QByteArray("Server")}) {
                if (reply->hasRawHeader(name))
                    details.append(
                        QString::fromLatin1(name) + u": "_s + QString::fromUtf8(reply->rawHeader(name)));
            }
            QStringList problems;
            if (!expected.value().matches(status)) {
                problems.append(
                    u"expected status %1, got %2 %3"_s.arg(expected.value().text()).arg(status).arg(reason));
                if (status >= 300 && status < 400 && !location.isEmpty())
                    problems.last() += u" (redirect to %1, not followed: redirects %2)"_s.arg(
                        QString::fromUtf8(location), spec.redirects);
            }
            if (!spec.expectHeader.isEmpty()) {
                const qsizetype colon = spec.expectHeader.indexOf(u':');
                const QByteArray name = spec.expectHeader.left(colon).trimmed().toLatin1();
                const QString text = colon < 0 ? QString() : spec.expectHeader.mid(colon + 1).trimmed();
                if (!reply->hasRawHeader(name))
                    problems.append(u"header %1 missing"_s.arg(QString::fromLatin1(name)));
                else if (!QString::fromUtf8(reply->rawHeader(name)).contains(text, Qt::CaseInsensitive))
                    problems.append(u"header %1 is \"%2\", expected it to contain \"%3\""_s.arg(
                        QString::fromLatin1(name), QString::fromUtf8(reply->rawHeader(name)), text));
            }
            if (!spec.expectBody.isEmpty() && !QString::fromUtf8(body).contains(spec.expectBody)) {
                problems.append(u"body does not contain \"%1\"%2"_s.arg(
                    spec.expectBody, truncated ? u" (within its first 1 MiB)"_s : QString()));
            }
            details.append(
                u"body: %1 bytes%2"_s.arg(body.size()).arg(truncated ? u" (truncated)"_s : QString()));
            if (problems.isEmpty()) {
                result.status = ProbeStatus::Pass;
                result.summary = u"HTTP %1 %2 in %3 ms"_s.arg(status).arg(reason).arg(latency, 0, 'f', 1);
            } else {
                result.status = ProbeStatus::Fail;
                result.summary = problems.join(u"; "_s);
            }
        }
    }
    if (spec.insecure) {
        result.insecure = true;
        result.warning = true;
        result.summary = u"INSECURE (TLS verification off): "_s + result.summary;
    }
    details.append(u"result: "_s + result.summary);
    result.details = details.join(u'\n');
    return result;
}

} // namespace jb
