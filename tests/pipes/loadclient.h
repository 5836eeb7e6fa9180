#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace jb::test {

// An HTTP/1.1 client for tests that need many keep-alive connections at once (QNetworkAccessManager
// opens at most six per host): `connections` sockets share the list of targets, each sending its
// next request once the previous answer is complete. Every request gets an entry in answers();
// status 0 when the connection broke before its answer.
class LoadClient final : public QObject
{
public:
    struct Answer
    {
        int status = 0;
        QByteArray headers; // the raw head, status line included
        QByteArray body;
    };

    LoadClient(quint16 port, QList<QByteArray> targets, int connections)
        : m_port(port)
        , m_targets(std::move(targets))
        , m_answers(m_targets.size())
    {
        for (int i = 0; i < qMin<qsizetype>(connections, m_targets.size()); ++i)
            open();
    }

    // Waits until every request has its answer (bounded).
    bool wait(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (m_done < m_targets.size() && clock.elapsed() < timeoutMs)
            QTest::qWait(5);
        return m_done == m_targets.size();
    }

    const QList<Answer> &answers() const { return m_answers; }
    qsizetype done() const { return m_done; }
    // requests written so far; once the server is gone, done() catches up with it and stays
    qsizetype sent() const { return m_next; }
    qsizetype connectionsOpened() const { return m_connections.size(); }

private:
    struct Connection
    {
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        qsizetype current = -1; // the target index waiting for its answer
    };

    void open()
    {
        auto connection = std::make_shared<Connection>();
        connection->socket = std::make_unique<QTcpSocket>();
        QTcpSocket *socket = connection->socket.get();
        Connection *c = connection.get(); // kept alive by m_connections
        connect(socket, &QTcpSocket::connected, this, [this, c] { sendNext(*c); });
        connect(socket, &QTcpSocket::readyRead, this, [this, c] { read(*c); });
        connect(socket, &QTcpSocket::disconnected, this, [this, c] { broken(*c); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, c] { broken(*c); });
        m_connections.append(connection);
        socket->connectToHost(QHostAddress::LocalHost, m_port);
    }

    void sendNext(Connection &connection)
    {
        if (m_next >= m_targets.size()) {
            connection.socket->disconnectFromHost();
            return;
        }
        connection.current = m_next++;
        connection.socket->write(
            "GET " + m_targets.at(connection.current) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    }

    void read(Connection &connection)
    {
        connection.buffer += connection.socket->readAll();
        while (connection.current >= 0) {
            const qsizetype end = connection.buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = connection.buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (connection.buffer.size() < end + 4 + length)
                return;
            Answer &answer = m_answers[connection.current];
            answer.status = head.mid(9, 3).toInt();
            answer.headers = head;
            answer.body = connection.buffer.mid(end + 4, length);
            connection.buffer.remove(0, end + 4 + length);
            connection.current = -1;
            ++m_done;
            if (head.toLower().contains("connection: close"))
                return;
            sendNext(connection);
        }
    }

    void broken(Connection &connection)
    {
        if (connection.current < 0)
            return;
        // the request is lost with its connection: count it as unanswered, go on with a new one
        connection.current = -1;
        ++m_done;
        if (m_next < m_targets.size())
            open();
    }

    quint16 m_port;
    QList<QByteArray> m_targets;
    QList<Answer> m_answers;
    QList<std::shared_ptr<Connection>> m_connections;
    qsizetype m_next = 0;
    qsizetype m_done = 0;
};

} // namespace jb::test
