#include "dnsprobe.h"

#include <QDnsLookup>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QHostInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace jb {

DnsProbe::Answer DnsProbe::systemLookup(const QString &host, ProbeControl &control)
{
    QEventLoop loop;
    std::optional<QHostInfo> info;
    const int id = QHostInfo::lookupHost(host, &loop, [&](const QHostInfo &answer) {
        info = answer;
        loop.quit();
    });
    Answer answer;
    answer.wait = control.wait(loop, [&] { return info.has_value(); });
    if (answer.wait != ProbeControl::Wait::Done) {
        QHostInfo::abortHostLookup(id);
        return answer;
    }
    if (info->error() != QHostInfo::NoError) {
        answer.error = info->errorString();
        answer.notFound = info->error() == QHostInfo::HostNotFound;
        return answer;
    }
    for (const QHostAddress &address : info->addresses())
        answer.addresses.append(address.toString());
    return answer;
}

DnsProbe::Answer DnsProbe::serverLookup(const QString &host, const QString &nameserver, ProbeControl &control)
{
    Answer answer;
    for (const QDnsLookup::Type type : {QDnsLookup::A, QDnsLookup::AAAA}) {
        QEventLoop loop;
        QDnsLookup lookup(type, host, QHostAddress(nameserver));
        bool finished = false;
        QObject::connect(&lookup, &QDnsLookup::finished, &loop, [&] {
            finished = true;
            loop.quit();
        });
        lookup.lookup();
        answer.wait = control.wait(loop, [&] { return finished; });
        if (answer.wait != ProbeControl::Wait::Done) {
            lookup.abort();
            return answer;
        }
        if (lookup.error() != QDnsLookup::NoError) {
            answer.error = lookup.errorString();
            answer.notFound = lookup.error() == QDnsLookup::NotFoundError;
            return answer;
        }
        for (const QDnsHostAddressRecord &record : lookup.hostAddressRecords())
            answer.addresses.append(record.value().toString());
        if (!answer.addresses.isEmpty())
            break;
    }
    if (answer.addresses.isEmpty()) {
        answer.error = u"the name server has no address record for it"_s;
        answer.notFound = true;
    }
    return answer;
}

ProbeResult DnsProbe::run(const ProbeSpec &spec, ProbeControl &control)
{
    if (spec.host.isEmpty())
        return ProbeResult::make(ProbeStatus::Error, u"the probe needs a host name"_s);
    if (!spec.nameserver.isEmpty() && QHostAddress(spec.nameserver).isNull()) {
        return ProbeResult::make(
            ProbeStatus::Error, u"the name server \"%1\" is not an IP address"_s.arg(spec.nameserver));
    }
    const QString resolver
        = spec.nameserver.isEmpty() ? u"the system resolver"_s : u"the name server %1"_s.arg(spec.nameserver);
    QElapsedTimer clock;
    clock.start();
    const Answer answer = spec.nameserver.isEmpty() ? systemLookup(spec.host, control)
                                                    : serverLookup(spec.host, spec.nameserver, control);
    const double latency = double(clock.nsecsElapsed()) / 1e6;
    QStringList details{u"resolve %1 with %2"_s.arg(spec.host, resolver)};
    ProbeResult result;
    if (answer.wait == ProbeControl::Wait::Cancelled)
        return ProbeResult::make(ProbeStatus::Skipped, u"cancelled"_s);
    if (answer.wait == ProbeControl::Wait::TimedOut) {
        result = ProbeResult::make(
            ProbeStatus::Fail, u"no answer from %1 within %2"_s.arg(resolver, control.timeoutText()));
    } else if (!answer.error.isEmpty()) {
        result = ProbeResult::make(ProbeStatus::Fail,
            answer.notFound ? u"does not resolve: %1 has no such name"_s.arg(resolver)
                            : u"lookup failed: %1"_s.arg(answer.error));
        details.append(u"resolver error: "_s + answer.error);
    } else {
        const bool expected = spec.expectAddress.isEmpty()
            || std::any_of(answer.addresses.cbegin(), answer.addresses.cend(),
                [&](const QString &a) { return QHostAddress(a).isEqual(QHostAddress(spec.expectAddress)); });
        const QString listed = answer.addresses.join(u", "_s);
        result = expected ? ProbeResult::make(
                     ProbeStatus::Pass, u"resolves to %1 in %2 ms"_s.arg(listed).arg(latency, 0, 'f', 1))
                          : ProbeResult::make(ProbeStatus::Fail,
                              u"resolves to %1, not the recorded %2"_s.arg(listed, spec.expectAddress));
        result.latencyMs = latency;
        result.facts.insert(u"addresses"_s, QJsonArray::fromStringList(answer.addresses));
        details.append(u"addresses: "_s + listed);
    }
    details.append(u"result: "_s + result.summary);
    result.details = details.join(u'\n');
    return result;
}

} // namespace jb
