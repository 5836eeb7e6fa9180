#include "proberun.h"

#include "core/jsonwriter.h"
#include "core/utctext.h"

#include <QJsonArray>

#include <cmath>

using namespace Qt::StringLiterals;

namespace jb {

int ProbeRun::count(ProbeStatus status) const
{
    return int(std::count_if(
        results.cbegin(), results.cend(), [status](const ProbeResult &r) { return r.status == status; }));
}

bool ProbeRun::allPassed() const
{
    return !results.isEmpty() && count(ProbeStatus::Pass) == results.size();
}

const ProbeResult *ProbeRun::result(const QString &probeId) const
{
    for (const ProbeResult &r : results) {
        if (r.probeId == probeId)
            return &r;
    }
    return nullptr;
}

QByteArray ProbeRun::toJsonBytes() const
{
    JsonStream json(1024 + results.size() * 1024);
    json.beginObject();
    json.key(u"kind").string(u"journeybench.probe-run");
    json.key(u"environment").string(environment);
    json.key(u"startedAt").string(utcText(startedAt));
    json.key(u"finishedAt").string(utcText(finishedAt));
    json.key(u"tool").string(toolVersion);
    json.key(u"cancelled").boolean(cancelled);
    json.key(u"summary").beginObject();
    json.key(u"pass").number(count(ProbeStatus::Pass));
    json.key(u"fail").number(count(ProbeStatus::Fail));
    json.key(u"error").number(count(ProbeStatus::Error));
    json.key(u"skipped").number(count(ProbeStatus::Skipped));
    json.endObject();
    json.key(u"results").beginArray();
    for (const ProbeResult &r : results) {
        const auto stamp = stamps.constFind(r.probeId);
        const bool stamped = stamp != stamps.cend();
        json.beginObject();
        json.key(u"probe").string(r.probeId);
        if (stamped) {
            json.key(u"name").string(stamp->name);
            json.key(u"type").string(ProbeSpec::typeKey(stamp->type));
            json.key(u"phase").number(stamp->phase);
        }
        json.key(u"target").string(r.target);
        json.key(u"status").string(ProbeResult::statusKey(r.status));
        json.key(u"summary").string(r.summary);
        json.key(u"details").string(r.details);
        if (r.hasLatency())
            json.key(u"latencyMs").number(std::round(r.latencyMs * 1000.0) / 1000.0);
        json.key(u"timestamp").string(utcText(r.timestamp));
        if (r.warning)
            json.key(u"warning").boolean(true);
        if (r.insecure)
            json.key(u"insecure").boolean(true);
        if (stamped) {
            json.key(u"probeHash").string(stamp->probeHash);
            if (!stamp->sourceHashes.isEmpty()) {
                json.key(u"sources").beginObject();
                for (auto s = stamp->sourceHashes.cbegin(); s != stamp->sourceHashes.cend(); ++s)
                    json.key(s.key()).string(s.value());
                json.endObject();
            }
        }
        if (!r.facts.isEmpty())
            JsonWriter::write(json.key(u"facts"), r.facts);
        json.endObject();
    }
    json.endArray();
    json.endObject();
    return json.take();
}

ProbeRun ProbeRun::fromJson(const QJsonObject &o)
{
    ProbeRun run;
    run.environment = o.value(u"environment"_s).toString();
    run.startedAt = QDateTime::fromString(o.value(u"startedAt"_s).toString(), Qt::ISODateWithMs);
    run.finishedAt = QDateTime::fromString(o.value(u"finishedAt"_s).toString(), Qt::ISODateWithMs);
    run.toolVersion = o.value(u"tool"_s).toString();
    run.cancelled = o.value(u"cancelled"_s).toBool();
    const QJsonArray array = o.value(u"results"_s).toArray();
    for (const QJsonValue &value : array) {
        const QJsonObject entry = value.toObject();
        const ProbeResult result = ProbeResult::fromJson(entry);
        run.results.append(result);
        if (entry.contains(u"probeHash"_s)) {
            ProbeStamp stamp;
            stamp.name = entry.value(u"name"_s).toString();
            stamp.type = ProbeSpec::typeFromKey(entry.value(u"type"_s).toString()).value_or(ProbeType::Tcp);
            stamp.phase = entry.value(u"phase"_s).toInt(2);
            stamp.probeHash = entry.value(u"probeHash"_s).toString();
            const QJsonObject sources = entry.value(u"sources"_s).toObject();
            for (auto it = sources.begin(); it != sources.end(); ++it)
                stamp.sourceHashes.insert(it.key(), it.value().toString());
            run.stamps.insert(result.probeId, stamp);
        }
    }
    return run;
}

} // namespace jb
