#include "httpcall.h"

#include "httpclient.h"
#include "httpexchange.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct Failure
{
    QString code;
    QString message;
};

Failure failureOfError(QNetworkReply::NetworkError error, const QString &detail)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return {u"connection-refused"_s, u"connection refused: %1"_s.arg(detail)};
    case QNetworkReply::RemoteHostClosedError:
        return {
            u"connection-reset"_s, u"the connection was closed before a complete answer: %1"_s.arg(detail)};
    case QNetworkReply::HostNotFoundError:
        return {u"host-not-found"_s, u"host not found: %1"_s.arg(detail)};
    case QNetworkReply::TimeoutError:
        return {u"timeout"_s, u"timed out: %1"_s.arg(detail)};
    case QNetworkReply::SslHandshakeFailedError:
        return {u"tls-error"_s, u"TLS handshake failed: %1"_s.arg(detail)};
    case QNetworkReply::ProtocolFailure:
        return {u"protocol-error"_s, u"not a valid HTTP answer: %1"_s.arg(detail)};
    default:
        return {u"connection-failed"_s, detail};
    }
}

} // namespace

HttpCall::HttpCall(HttpClient &client, HttpCallSpec spec, Done done, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_spec(std::move(spec))
    , m_done(std::move(done))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpCall::timedOut);
}

HttpCall::~HttpCall()
{
    abort();
}

void HttpCall::start()
{
    m_clock.start();
    startAttempt();
}

void HttpCall::abort()
{
    m_done = nullptr;
    m_timer.stop();
    delete m_exchange;
    if (m_reply) {
        m_reply->disconnect(this);
        if (!m_reply->isFinished())
            m_reply->abort();
        m_reply->deleteLater();
    }
}

void HttpCall::startAttempt()
{
    ++m_attempt;
    if (m_spec.url.scheme() == u"http") {
        m_exchange = new HttpExchange(
            m_client, m_spec, [this](HttpCallAnswer answer) { exchangeFinished(std::move(answer)); }, this);
        m_exchange->start();
        return;
    }
    startReply();
}

QString HttpCall::target() const
{
    return QString::fromLatin1(m_spec.method) + u' ' + m_spec.url.toDisplayString();
}

void HttpCall::exchangeFinished(HttpCallAnswer answer)
{
    m_exchange->deleteLater();
    m_exchange = nullptr;
    HttpOutcome outcome;
    if (answer.failureCode.isEmpty()) {
        outcome.status = answer.status;
        outcome.statusMessage = answer.statusMessage;
        outcome.headers = std::move(answer.headers);
        outcome.body = std::move(answer.body);
        outcome.failure = statusFailure(outcome);
    } else if (answer.failureCode == u"timeout") {
        outcome.failure = PipeError{{}, PipeError::Class::Connectivity, answer.failureCode,
            answer.sent
                ? u"no answer from %1 within %2 ms"_s.arg(target()).arg(m_spec.readTimeoutMs)
                : u"could not connect to %1 within %2 ms"_s.arg(target()).arg(m_spec.connectTimeoutMs),
            0};
    } else if (answer.failureCode == u"too-large") {
        outcome.status = answer.status;
        outcome.failure = PipeError{{}, PipeError::Class::Volume, answer.failureCode,
            u"the answer of %1 is larger than %2 bytes"_s.arg(target()).arg(m_spec.maxResponseBytes),
            answer.status};
    } else {
        outcome.failure = PipeError{{}, PipeError::Class::Connectivity, answer.failureCode,
            target() + u": "_s + answer.failureMessage, 0};
    }
    concludeAttempt(std::move(outcome));
}

void HttpCall::startReply()
{
    m_timedOut = false;
    m_tooLarge = false;
    m_sent = false;
    QNetworkRequest request(m_spec.url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("User-Agent", "JourneyBench/" JB_VERSION);
    for (const auto &[name, value] : std::as_const(m_spec.headers))
        request.setRawHeader(name, value);
    if (!m_spec.body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setRawHeader("Content-Type", "application/json; charset=utf-8");

    QNetworkReply *reply = m_spec.body.isEmpty() && m_spec.method != "POST" && m_spec.method != "PUT"
            && m_spec.method != "PATCH"
        ? m_client.network().sendCustomRequest(request, m_spec.method)
        : m_client.network().sendCustomRequest(request, m_spec.method, m_spec.body);
    m_reply = reply;
    // the connect timeout runs until the request is on the wire; then the read timeout measures
    // silence, restarted by every chunk of the answer
    m_timer.start(m_spec.connectTimeoutMs);
    connect(reply, &QNetworkReply::requestSent, this, [this] {
        m_sent = true;
        m_timer.start(m_spec.readTimeoutMs);
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const qint64 length = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_spec.maxResponseBytes && !reply->isFinished()) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        m_timer.start(m_spec.readTimeoutMs);
        if (reply->bytesAvailable() > m_spec.maxResponseBytes && !reply->isFinished()) {
            m_tooLarge = true;
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this, &HttpCall::replyFinished);
}

void HttpCall::timedOut()
{
    if (!m_reply || m_reply->isFinished())
        return;
    m_timedOut = true;
    m_reply->abort();
}

std::optional<PipeError> HttpCall::failureOf(QNetworkReply *reply, const HttpOutcome &answer) const
{
    const QString target = this->target();
    if (m_timedOut) {
        const QString phase = m_sent
            ? u"no answer from %1 within %2 ms"_s.arg(target).arg(m_spec.readTimeoutMs)
            : u"could not connect to %1 within %2 ms"_s.arg(target).arg(m_spec.connectTimeoutMs);
        return PipeError{{}, PipeError::Class::Connectivity, u"timeout"_s, phase, 0};
    }
    if (m_tooLarge)
        return PipeError{{}, PipeError::Class::Volume, u"too-large"_s,
            u"the answer of %1 is larger than %2 bytes"_s.arg(target).arg(m_spec.maxResponseBytes),
            answer.status};
    if (answer.status == 0) {
        const Failure failure = failureOfError(reply->error(), target + u": "_s + reply->errorString());
        return PipeError{{}, PipeError::Class::Connectivity, failure.code, failure.message, 0};
    }
    return statusFailure(answer);
}

std::optional<PipeError> HttpCall::statusFailure(const HttpOutcome &answer) const
{
    if (answer.status >= 500 && m_spec.stopOnServerError)
        return PipeError{{}, PipeError::Class::Connectivity, u"server-error"_s,
            u"%1 answered %2 %3"_s.arg(target()).arg(answer.status).arg(answer.statusMessage), answer.status};
    if (answer.status >= 400 && answer.status < 500 && m_spec.stopOnClientError)
        return PipeError{{}, PipeError::classForStatus(answer.status), u"client-error"_s,
            u"%1 answered %2 %3"_s.arg(target()).arg(answer.status).arg(answer.statusMessage), answer.status};
    return std::nullopt;
}

void HttpCall::replyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_timer.stop();
    m_reply = nullptr;
    reply->deleteLater();

    HttpOutcome outcome;
    outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (outcome.status > 0 && !m_timedOut && !m_tooLarge) {
        outcome.statusMessage = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            outcome.headers.append({name.toLower(), value});
        outcome.body = reply->readAll();
        // a connection cut in the middle of the body still has a status: it is not an answer
        if (reply->error() == QNetworkReply::RemoteHostClosedError
            || reply->error() == QNetworkReply::ProtocolFailure)
            outcome.status = 0;
    }
    outcome.failure = failureOf(reply, outcome);
    concludeAttempt(std::move(outcome));
}

void HttpCall::concludeAttempt(HttpOutcome outcome)
{
    if (outcome.failure && outcome.failure->retriable() && m_attempt <= m_spec.retries) {
        m_logs.append(u"attempt %1 failed (%2): %3; retrying in %4 ms"_s.arg(m_attempt)
                          .arg(outcome.failure->code, outcome.failure->message)
                          .arg(m_spec.retryWaitMs));
        QTimer::singleShot(m_spec.retryWaitMs, this, &HttpCall::startAttempt);
        return;
    }
    finish(std::move(outcome));
}

void HttpCall::finish(HttpOutcome outcome)
{
    outcome.attempts = m_attempt;
    outcome.logs = m_logs;
    if (Done done = std::exchange(m_done, nullptr))
        done(std::move(outcome));
}

} // namespace jb
