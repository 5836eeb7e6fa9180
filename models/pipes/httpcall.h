#pragma once

#include "pipeerror.h"
#include "piperesult.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkReply;

namespace jb {

class HttpClient;
class HttpExchange;
struct HttpCallAnswer;

// What an http step asks for, its templates already evaluated.
struct HttpCallSpec
{
    static constexpr int defaultTimeoutMs = 30000;
    static constexpr qint64 defaultMaxResponseBytes = 5 * 1024 * 1024;

    QByteArray method = "GET";
    QUrl url;
    HttpHeaders headers;
    QByteArray body;
    int connectTimeoutMs = defaultTimeoutMs;
    int readTimeoutMs = defaultTimeoutMs; // silence allowed between bytes once the request is sent
    int retries = 0; // extra attempts after a retriable failure
    int retryWaitMs = 1000;
    bool stopOnClientError = false; // a 4xx answer fails the step
    bool stopOnServerError = false; // a 5xx answer fails the step
    qint64 maxResponseBytes = defaultMaxResponseBytes;
};

// What came back: an answer (status > 0) and, when the step fails, why.
struct HttpOutcome
{
    int status = 0;
    QString statusMessage;
    HttpHeaders headers; // names in lower case
    QByteArray body;
    std::optional<PipeError> failure; // code, class and message; `step` is left to the caller
    int attempts = 0;
    QStringList logs; // one line per failed attempt that was retried
};

// One outgoing HTTP call of an http step, with its retries, through the worker's HttpClient
// (plain http on its own keep-alive pool, https through QNetworkAccessManager). Asynchronous:
// `done` is called once, unless abort() came first.
class HttpCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpCall)

public:
    using Done = std::function<void(HttpOutcome)>;

    HttpCall(HttpClient &client, HttpCallSpec spec, Done done, QObject *parent = nullptr);
    ~HttpCall() override;

    void start();
    // Stops the call; `done` is not called.
    void abort();

private:
    void startAttempt();
    void startReply();
    void replyFinished();
    void exchangeFinished(HttpCallAnswer answer);
    void concludeAttempt(HttpOutcome outcome);
    std::optional<PipeError> statusFailure(const HttpOutcome &answer) const;
    void timedOut();
    void finish(HttpOutcome outcome);
    std::optional<PipeError> failureOf(QNetworkReply *reply, const HttpOutcome &answer) const;
    QString target() const;

    HttpClient &m_client;
    HttpCallSpec m_spec;
    Done m_done;
    QPointer<QNetworkReply> m_reply;
    QPointer<HttpExchange> m_exchange;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int m_attempt = 0;
    bool m_timedOut = false;
    bool m_tooLarge = false;
    bool m_sent = false;
    QStringList m_logs;
};

} // namespace jb
