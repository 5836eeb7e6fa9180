#pragma once

#include "httprequest.h"

#include <QObject>

#include <functional>

class QTcpSocket;

namespace jb {

class HttpListener;

// The only place that sees QtHttpServer (a technical preview in Qt 6.4, whose API changed
// later): it parses the requests arriving on an HttpListener's sockets and hands each one over
// as a plain HttpRequest together with its socket. Every byte of the answer is the handler's,
// written on that socket now or later.
class HttpTransport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpTransport)

public:
    using Handler = std::function<void(HttpRequest &&request, QTcpSocket *socket)>;

    explicit HttpTransport(Handler handler, QObject *parent = nullptr);
    ~HttpTransport() override;

    // Starts parsing what arrives on `listener`'s connections.
    void bind(HttpListener *listener);

private:
    class Parser;

    Parser *m_parser; // a child of this object
};

} // namespace jb
