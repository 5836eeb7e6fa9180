#include "probeexecutor.h"

#include "databaseprobe.h"
#include "dnsprobe.h"
#include "fileserverprobe.h"
#include "httpprobe.h"
#include "tcpprobe.h"
#include "tlsprobe.h"
#include "vpnprobe.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace jb {

ProbeResult ProbeExecutor::cancelledBeforeStart()
{
    return ProbeResult::make(ProbeStatus::Skipped, u"cancelled before it started"_s);
}

std::chrono::milliseconds ProbeExecutor::timeoutFor(const ProbeSpec &spec, const ProbeContext &context)
{
    return spec.timeoutMs > 0 ? std::chrono::milliseconds(spec.timeoutMs) : context.defaultTimeout;
}

ProbeResult ProbeExecutor::run(const ProbeSpec &spec, const ProbeContext &context, CancelFlag cancel)
{
    ProbeControl control(context, timeoutFor(spec, context), cancel);
    ProbeResult result;
    if (!spec.enabled) {
        result = ProbeResult::make(ProbeStatus::Skipped, u"disabled"_s);
    } else if (control.cancelled()) {
        result = cancelledBeforeStart();
    } else {
        switch (spec.type) {
        case ProbeType::Dns:
            result = DnsProbe::run(spec, control);
            break;
        case ProbeType::Tcp:
            result = TcpProbe::run(spec, control);
            break;
        case ProbeType::Http:
            result = HttpProbe::run(spec, control);
            break;
        case ProbeType::Tls:
            result = TlsProbe::run(spec, control);
            break;
        case ProbeType::Ftp:
        case ProbeType::Sftp:
            result = FileServerProbe::run(spec, control);
            break;
        case ProbeType::Database:
            result = DatabaseProbe::run(spec, control);
            break;
        case ProbeType::Vpn:
            result = VpnProbe::run(spec, control);
            break;
        }
    }
    return finish(spec, std::move(result), control);
}

ProbeResult ProbeExecutor::finish(const ProbeSpec &spec, ProbeResult result, const ProbeControl &control)
{
    result.probeId = spec.id;
    result.target = spec.target();
    result.timestamp = QDateTime::currentDateTimeUtc();
    if (result.details.isEmpty())
        result.details = result.summary;
    if (control.usedSecrets()) {
        result.summary = control.scrub(result.summary);
        result.details = control.scrub(result.details);
        const QString facts = QString::fromUtf8(QJsonDocument(result.facts).toJson(QJsonDocument::Compact));
        result.facts = QJsonDocument::fromJson(control.scrub(facts).toUtf8()).object();
    }
    return result;
}

} // namespace jb
