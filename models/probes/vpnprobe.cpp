#include "vpnprobe.h"

#include "tcpprobe.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace jb {

std::optional<std::pair<QString, int>> VpnProbe::parseTarget(const QString &text)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString host = trimmed.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int port = trimmed.mid(colon + 1).toInt(&ok);
    if (!ok || port < 1 || port > 65535 || host.isEmpty())
        return std::nullopt;
    return std::make_pair(host, port);
}

ProbeResult VpnProbe::run(const ProbeSpec &spec, ProbeControl &control)
{
    QList<std::pair<QString, int>> targets;
    for (const QString &text : spec.targets) {
        const auto target = parseTarget(text);
        if (!target)
            return ProbeResult::make(ProbeStatus::Error, u"\"%1\" is not host:port"_s.arg(text));
        targets.append(*target);
    }
    if (targets.isEmpty())
        return ProbeResult::make(
            ProbeStatus::Error, u"no hosts behind the tunnel are recorded for this environment"_s);
    const QList<TcpOutcome> outcomes = TcpProbe::connectAll(targets, control);
    QStringList details{u"TCP to the %1 hosts and ports behind the tunnel, at once"_s.arg(targets.size())};
    QStringList failures;
    QList<double> latencies;
    QJsonArray facts;
    bool cancelled = false;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const TcpOutcome &outcome = outcomes.at(i);
        const QString where = u"%1:%2"_s.arg(targets.at(i).first).arg(targets.at(i).second);
        details.append(where + u": "_s + outcome.describe(control));
        facts.append(QJsonObject{{u"target"_s, where}, {u"open"_s, outcome.open()}});
        if (outcome.open())
            latencies.append(outcome.latencyMs);
        else if (outcome.kind == TcpOutcome::Kind::Cancelled)
            cancelled = true;
        else
            failures.append(where + u' ' + outcome.describe(control).section(u':', 0, 0));
    }
    if (cancelled)
        return ProbeResult::make(ProbeStatus::Skipped, u"cancelled"_s);
    ProbeResult result;
    result.facts.insert(u"targets"_s, facts);
    if (failures.isEmpty()) {
        std::sort(latencies.begin(), latencies.end());
        result.status = ProbeStatus::Pass;
        result.latencyMs = latencies.last();
        result.summary = u"all %1 hosts behind the tunnel answer (slowest %2 ms)"_s.arg(targets.size())
                             .arg(result.latencyMs, 0, 'f', 1);
    } else {
        result.status = ProbeStatus::Fail;
        result.summary = u"%1 of %2 behind the tunnel do not answer: %3"_s.arg(failures.size())
                             .arg(targets.size())
                             .arg(failures.join(u", "_s));
    }
    details.append(u"result: "_s + result.summary);
    result.details = details.join(u'\n');
    return result;
}

} // namespace jb
