#include "tcpprobe.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkProxy>
#include <QTcpSocket>

#include <memory>
#include <sys/socket.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace jb {

QString TcpOutcome::describe(const ProbeControl &control) const
{
    switch (kind) {
    case Kind::Open:
        return u"open in "_s + QString::number(latencyMs, 'f', latencyMs < 10 ? 2 : 1) + u" ms"_s;
    case Kind::Refused:
        return u"refused: nothing listens there"_s;
    case Kind::Filtered:
        return u"filtered: no answer within %1 (a firewall drops the packets, or the host is down)"_s.arg(
            control.timeoutText());
    case Kind::HostNotFound:
        return u"host not found: %1"_s.arg(error);
    case Kind::Unreachable:
        return u"unreachable: %1"_s.arg(error);
    case Kind::Cancelled:
        return u"cancelled"_s;
    case Kind::OtherError:
        return u"connection failed: %1"_s.arg(error);
    }
    return {};
}

ProbeStatus TcpOutcome::status() const
{
    switch (kind) {
    case Kind::Open:
        return ProbeStatus::Pass;
    case Kind::Cancelled:
        return ProbeStatus::Skipped;
    default:
        return ProbeStatus::Fail;
    }
}

TcpOutcome TcpProbe::connect(const QString &host, int port, const ProbeControl &control)
{
    return connectAll({{host, port}}, control).constFirst();
}

QList<TcpOutcome> TcpProbe::connectAll(
    const QList<std::pair<QString, int>> &targets, const ProbeControl &control)
{
    // all attempts at once, in one loop: a filtered target must not eat the others' time
    QEventLoop loop;
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<double> latencies(targets.size(), -1);
    std::vector<bool> finished(targets.size(), false);
    QElapsedTimer clock;
    clock.start();
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const Endpoint endpoint = control.context().endpoint(targets.at(i).first, targets.at(i).second);
        auto socket = std::make_unique<QTcpSocket>();
        socket->setProxy(QNetworkProxy::NoProxy);
        QTcpSocket *raw = socket.get();
        QObject::connect(raw, &QTcpSocket::connected, &loop, [&, i] {
            latencies[size_t(i)] = double(clock.nsecsElapsed()) / 1e6;
            finished[size_t(i)] = true;
            loop.quit();
        });
        QObject::connect(raw, &QTcpSocket::errorOccurred, &loop, [&, i] {
            finished[size_t(i)] = true;
            loop.quit();
        });
        sockets.push_back(std::move(socket));
        raw->connectToHost(endpoint.host, quint16(endpoint.port));
    }
    const ProbeControl::Wait waited = control.wait(
        loop, [&] { return std::all_of(finished.cbegin(), finished.cend(), [](bool f) { return f; }); });
    QList<TcpOutcome> outcomes;
    for (size_t i = 0; i < sockets.size(); ++i) {
        QTcpSocket &socket = *sockets[i];
        TcpOutcome outcome;
        if (socket.state() == QAbstractSocket::ConnectedState) {
            outcome.kind = TcpOutcome::Kind::Open;
            outcome.latencyMs = latencies[i];
            outcome.peerAddress = socket.peerAddress().toString();
        } else if (!finished[i]) {
            outcome.kind = waited == ProbeControl::Wait::Cancelled ? TcpOutcome::Kind::Cancelled
                                                                   : TcpOutcome::Kind::Filtered;
        } else {
            outcome.error = socket.errorString();
            switch (socket.error()) {
            case QAbstractSocket::ConnectionRefusedError:
                outcome.kind = TcpOutcome::Kind::Refused;
                break;
            case QAbstractSocket::HostNotFoundError:
                outcome.kind = TcpOutcome::Kind::HostNotFound;
                break;
            case QAbstractSocket::NetworkError:
                outcome.kind = TcpOutcome::Kind::Unreachable;
                break;
            case QAbstractSocket::SocketTimeoutError:
                outcome.kind = TcpOutcome::Kind::Filtered;
                break;
            default:
                outcome.kind = TcpOutcome::Kind::OtherError;
            }
        }
        if (outcome.open())
            resetOnClose(socket.socketDescriptor());
        socket.abort();
        outcomes.append(outcome);
    }
    return outcomes;
}

void TcpProbe::resetOnClose(qintptr fd)
{
    const linger reset{1, 0};
    ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
}

ProbeResult TcpProbe::run(const ProbeSpec &spec, ProbeControl &control)
{
    if (spec.host.isEmpty() || spec.port < 1 || spec.port > 65535)
        return ProbeResult::make(ProbeStatus::Error, u"the probe needs a host and a port (1-65535)"_s);
    return result(spec, connect(spec.host, spec.port, control), control);
}

ProbeResult TcpProbe::result(const ProbeSpec &spec, const TcpOutcome &outcome, const ProbeControl &control)
{
    // made for each of a sweep's thousand ports: concatenated, not formatted with arg()
    ProbeResult result = ProbeResult::make(outcome.status(), outcome.describe(control));
    result.latencyMs = outcome.latencyMs;
    QString details = u"TCP connect to "_s + spec.host + u':' + QString::number(spec.port);
    if (const Endpoint endpoint = control.context().endpoint(spec.host, spec.port); endpoint.redirected)
        details += u"\nconnected to "_s + endpoint.host + u':' + QString::number(endpoint.port)
            + u" instead (connect-to rule)"_s;
    details += u"\nresult: "_s + result.summary;
    if (!outcome.error.isEmpty())
        details += u"\nsocket error: "_s + outcome.error;
    if (outcome.open()) {
        details += u"\npeer address: "_s + outcome.peerAddress;
        result.facts.insert(u"peerAddress"_s, outcome.peerAddress);
    }
    result.facts.insert(u"state"_s,
        outcome.open()                                       ? u"open"_s
            : outcome.kind == TcpOutcome::Kind::Refused      ? u"refused"_s
            : outcome.kind == TcpOutcome::Kind::Filtered     ? u"filtered"_s
            : outcome.kind == TcpOutcome::Kind::HostNotFound ? u"host-not-found"_s
            : outcome.kind == TcpOutcome::Kind::Unreachable  ? u"unreachable"_s
                                                             : u"error"_s);
    result.details = std::move(details);
    return result;
}

} // namespace jb
