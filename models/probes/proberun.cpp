#include "proberun.h"

#include <QJsonArray>

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

QJsonObject ProbeRun::toJson() const
{
    QJsonArray array;
    for (const ProbeResult &r : results) {
        QJsonObject entry = r.toJson();
        if (const auto it = stamps.constFind(r.probeId); it != stamps.cend()) {
            entry.insert(u"name"_s, it->name);
            entry.insert(u"type"_s, ProbeSpec::typeKey(it->type));
            entry.insert(u"phase"_s, it->phase);
            entry.insert(u"probeHash"_s, it->probeHash);
            QJsonObject sources;
            for (auto s = it->sourceHashes.cbegin(); s != it->sourceHashes.cend(); ++s)
                sources.insert(s.key(), s.value());
            if (!sources.isEmpty())
                entry.insert(u"sources"_s, sources);
        }
        array.append(entry);
    }
    return QJsonObject{{u"kind"_s, u"journeybench.probe-run"_s}, {u"environment"_s, environment},
        {u"startedAt"_s, startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"finishedAt"_s, finishedAt.toUTC().toString(Qt::ISODateWithMs)}, {u"tool"_s, toolVersion},
        {u"cancelled"_s, cancelled},
        {u"summary"_s,
            QJsonObject{{u"pass"_s, count(ProbeStatus::Pass)}, {u"fail"_s, count(ProbeStatus::Fail)},
                {u"error"_s, count(ProbeStatus::Error)}, {u"skipped"_s, count(ProbeStatus::Skipped)}}},
        {u"results"_s, array}};
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
