#pragma once

#include <QHash>
#include <QList>
#include <QObject>

#include <memory>

class QNetworkAccessManager;
class QTcpSocket;

namespace jb {

// A worker thread's HTTP access. Plain http goes over its own pool of keep-alive connections
// (HttpExchange): no extra thread, no per-request object graph, exact connect and read timeouts, and
// as many connections per host as there are calls in flight. https goes through a
// QNetworkAccessManager (TLS, certificates, proxies), made on first use.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)

public:
    static constexpr int maxIdlePerHost = 256;

    explicit HttpClient(QObject *parent = nullptr);
    ~HttpClient() override;

    QNetworkAccessManager &network();

    // An idle connection to host:port, or nullptr. The caller owns it until it gives it back.
    QTcpSocket *takeIdle(const QString &host, quint16 port);
    // A connection whose last answer was complete and kept alive, ready for the next request.
    void giveBack(const QString &host, quint16 port, QTcpSocket *socket);
    int idleCount() const;

private:
    void drop(QTcpSocket *socket);

    QHash<QString, QList<QTcpSocket *>> m_idle; // "host:port" -> idle connections, most recent last
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace jb
