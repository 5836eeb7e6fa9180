#pragma once

#include "httprequest.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

namespace jb::test {

// One parsed HTTP answer as the bytes came off the socket.
struct RawResponse
{
    int status = 0;
    QByteArray statusLine;
    HttpHeaders headers;
    QByteArray body;
    QByteArray raw; // everything received for this answer

    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

// A deliberately plain HTTP/1.1 client on a QTcpSocket, so the tests see the server's exact bytes
// and can do what QNetworkAccessManager hides (keep one connection, stop mid-request). Waits spin
// the event loop, since the server under test runs on the same thread.
class RawHttpClient final
{
public:
    static constexpr int waitMs = 10000;

    explicit RawHttpClient(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        // isConnected() tells the test whether this worked
        static_cast<void>(
            QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, waitMs));
    }

    QTcpSocket &socket() { return m_socket; }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

    void send(const QByteArray &bytes) { m_socket.write(bytes); }

    static QByteArray get(const QByteArray &target, const QByteArray &extraHeaders = {})
    {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders + "\r\n";
    }

    // The next complete answer; nullopt when the connection ended (or nothing came) first.
    std::optional<RawResponse> read(int timeoutMs = waitMs)
    {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            m_buffer += m_socket.readAll();
            if (std::optional<RawResponse> response = take())
                return response;
            if (m_socket.state() == QAbstractSocket::UnconnectedState || clock.hasExpired(timeoutMs))
                return std::nullopt;
            QTest::qWait(1);
        }
    }

    std::optional<RawResponse> request(const QByteArray &target, const QByteArray &extraHeaders = {})
    {
        send(get(target, extraHeaders));
        return read();
    }

    // Waits for the server to close the connection; true when it did.
    bool waitForClose(int timeoutMs = waitMs)
    {
        return QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }

    QByteArray unreadBytes() const { return m_buffer; }

private:
    std::optional<RawResponse> take()
    {
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return std::nullopt;
        RawResponse response;
        const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
        response.statusLine = lines.first().trimmed();
        response.status = response.statusLine.split(' ').value(1).toInt();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
            if (line.left(colon).compare("content-length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        const bool interim = response.status == 100;
        if (interim)
            length = 0;
        const qsizetype total = headEnd + 4 + length;
        if (m_buffer.size() < total)
            return std::nullopt;
        response.raw = m_buffer.left(total);
        response.body = m_buffer.mid(headEnd + 4, length);
        m_buffer.remove(0, total);
        return response;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace jb::test
