#pragma once

#include <QTcpServer>

namespace jb {

// The listening socket under the mock's HTTP transport. It turns Nagle off on every connection
// (a small answer must leave at once), answers "Expect: 100-continue" itself (Qt 6.4's HTTP
// server never does, so curl would stall a second on every large POST), and counts open
// connections so that tests can see none is left behind.
class MockTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockTcpServer)

public:
    explicit MockTcpServer(QObject *parent = nullptr);

    int openConnections() const { return m_open; }
    quint64 acceptedConnections() const { return m_accepted; }

protected:
    void incomingConnection(qintptr handle) override;

private:
    static void answerExpectContinue(QTcpSocket *socket);

    int m_open = 0;
    quint64 m_accepted = 0;
};

} // namespace jb
