#pragma once

#include "httpcall.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace jb {

class HttpClient;

// What one plain-HTTP request of an http step got: an answer (status > 0), or why not
// (failureCode). Not HttpAnswer, the writer of answers in models/http: one name, one type.
struct HttpCallAnswer
{
    int status = 0;
    QString statusMessage;
    HttpHeaders headers; // names in lower case
    QByteArray body;
    QString failureCode; // timeout, connection-refused, connection-reset, host-not-found,
                         // connection-failed, protocol-error, too-large
    QString failureMessage;
    bool sent = false; // the request was on the wire (a timeout after it is a read timeout)
};

// One HTTP/1.1 request and its answer on a keep-alive connection of an HttpClient: writes the
// request, parses the answer (Content-Length, chunked, or until the server closes), enforces the
// connect and read timeouts and the size limit, and gives the connection back when it can be used
// again. A reused connection that the server had closed meanwhile is retried once on a new one.
class HttpExchange final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpExchange)

public:
    using Done = std::function<void(HttpCallAnswer)>;

    HttpExchange(HttpClient &client, const HttpCallSpec &spec, Done done, QObject *parent = nullptr);
    ~HttpExchange() override;

    void start();

    // The bytes of the request (exposed for tests).
    static QByteArray requestBytes(const HttpCallSpec &spec);

private:
    enum class Body
    {
        None,
        Length,
        Chunked,
        UntilClose,
    };

    void connectSocket(bool reuse);
    void send();
    void readyRead();
    void socketError();
    void timedOut();
    bool parseHead();
    bool parseChunks();
    void succeed();
    void failWith(const QString &code, const QString &message);
    void finish(HttpCallAnswer answer, bool keepConnection);

    HttpClient &m_client;
    const HttpCallSpec &m_spec;
    Done m_done;
    QString m_host;
    quint16 m_port = 80;
    QPointer<QTcpSocket> m_socket;
    bool m_reused = false;
    bool m_retriedFresh = false;
    bool m_received = false;
    QTimer m_timer;
    QByteArray m_buffer;
    HttpCallAnswer m_answer;
    bool m_headDone = false;
    Body m_body = Body::None;
    qint64 m_length = 0;
    bool m_keepAlive = true;
};

} // namespace jb
