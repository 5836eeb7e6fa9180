#pragma once

#include "mockrequest.h"

#include <QAbstractHttpServer>

#include <functional>

class QTcpSocket;

namespace jb {

// The only place that sees QtHttpServer (a technical preview in Qt 6.4, whose API changed
// later): it parses requests, hands each one over as a plain MockRequest together with its
// socket, and leaves every byte of the answer to the handler.
class MockHttpTransport final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MockHttpTransport)

public:
    using Handler = std::function<void(MockRequest &&request, bool closeRequested, QTcpSocket *socket)>;

    explicit MockHttpTransport(Handler handler, QObject *parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace jb
