#include "httpclient.h"

#include <QNetworkAccessManager>
#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

QString keyOf(const QString &host, quint16 port)
{
    return host + u':' + QString::number(port);
}

} // namespace

HttpClient::HttpClient(QObject *parent)
    : QObject(parent)
{ }

HttpClient::~HttpClient() = default;

QNetworkAccessManager &HttpClient::network()
{
    if (!m_network) {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    return *m_network;
}

QTcpSocket *HttpClient::takeIdle(const QString &host, quint16 port)
{
    const auto it = m_idle.find(keyOf(host, port));
    if (it == m_idle.end())
        return nullptr;
    while (!it->isEmpty()) {
        QTcpSocket *socket = it->takeLast();
        socket->disconnect(this);
        if (socket->state() == QAbstractSocket::ConnectedState && socket->bytesAvailable() == 0)
            return socket;
        socket->deleteLater();
    }
    return nullptr;
}

void HttpClient::giveBack(const QString &host, quint16 port, QTcpSocket *socket)
{
    QList<QTcpSocket *> &idle = m_idle[keyOf(host, port)];
    if (idle.size() >= maxIdlePerHost || socket->state() != QAbstractSocket::ConnectedState) {
        socket->deleteLater();
        return;
    }
    socket->setParent(this);
    // an idle connection that the server closes, or that says something unasked, is dropped
    connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
    connect(socket, &QTcpSocket::readyRead, this, [this, socket] { drop(socket); });
    idle.append(socket);
}

void HttpClient::drop(QTcpSocket *socket)
{
    for (auto it = m_idle.begin(); it != m_idle.end(); ++it) {
        if (it->removeOne(socket))
            break;
    }
    socket->disconnect(this);
    socket->deleteLater();
}

int HttpClient::idleCount() const
{
    int count = 0;
    for (const QList<QTcpSocket *> &idle : m_idle)
        count += int(idle.size());
    return count;
}

} // namespace jb
