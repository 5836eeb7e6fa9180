#include "proberesult.h"

#include "core/enumtable.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr auto statusNames = enumTable<ProbeStatus>({
    {ProbeStatus::Pass, u"pass", u"Passed"},
    {ProbeStatus::Fail, u"fail", u"Failed"},
    {ProbeStatus::Error, u"error", u"Error"},
    {ProbeStatus::Skipped, u"skipped", u"Skipped"},
});

} // namespace

QString ProbeResult::statusKey(ProbeStatus status)
{
    return statusNames.key(status).value_or(QString());
}

std::optional<ProbeStatus> ProbeResult::statusFromKey(const QString &key)
{
    return statusNames.fromKey(key);
}

QString ProbeResult::statusLabel(ProbeStatus status)
{
    return statusNames.label(status).value_or(QString());
}

ProbeResult ProbeResult::make(ProbeStatus status, QString summary, QString details)
{
    ProbeResult result;
    result.status = status;
    result.summary = std::move(summary);
    result.details = std::move(details);
    return result;
}

QJsonObject ProbeResult::toJson() const
{
    QJsonObject o{{u"probe"_s, probeId}, {u"target"_s, target}, {u"status"_s, statusKey(status)},
        {u"summary"_s, summary}, {u"details"_s, details},
        {u"timestamp"_s, timestamp.toUTC().toString(Qt::ISODateWithMs)}};
    if (hasLatency())
        o.insert(u"latencyMs"_s, std::round(latencyMs * 1000.0) / 1000.0);
    if (warning)
        o.insert(u"warning"_s, true);
    if (insecure)
        o.insert(u"insecure"_s, true);
    if (!facts.isEmpty())
        o.insert(u"facts"_s, facts);
    return o;
}

ProbeResult ProbeResult::fromJson(const QJsonObject &o)
{
    ProbeResult result;
    result.probeId = o.value(u"probe"_s).toString();
    result.target = o.value(u"target"_s).toString();
    result.status = statusFromKey(o.value(u"status"_s).toString()).value_or(ProbeStatus::Error);
    result.summary = o.value(u"summary"_s).toString();
    result.details = o.value(u"details"_s).toString();
    result.latencyMs = o.value(u"latencyMs"_s).toDouble(-1);
    result.timestamp = QDateTime::fromString(o.value(u"timestamp"_s).toString(), Qt::ISODateWithMs);
    result.warning = o.value(u"warning"_s).toBool(false);
    result.insecure = o.value(u"insecure"_s).toBool(false);
    result.facts = o.value(u"facts"_s).toObject();
    return result;
}

} // namespace jb
