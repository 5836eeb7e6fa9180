#include "inventoryhashes.h"

#include "core/jsonwriter.h"
#include "projectformat.h"

#include <QCryptographicHash>
#include <QSet>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace jb {

InventoryHashes InventoryHashes::of(const QList<EntityRecord> &entities)
{
    InventoryHashes hashes;
    for (const EntityRecord &record : entities)
        hashes.add(record, record.kind + u'/' + record.id());
    return hashes;
}

InventoryHashes InventoryHashes::ofSources(
    const QList<EntityRecord> &entities, const QList<ProbeSpec> &probes)
{
    QSet<QString> sources;
    for (const ProbeSpec &probe : probes) {
        for (const QString &source : probe.sources)
            sources.insert(source);
    }
    InventoryHashes hashes;
    for (const EntityRecord &record : entities) {
        if (const QString key = record.kind + u'/' + record.id(); sources.contains(key))
            hashes.add(record, key);
    }
    return hashes;
}

void InventoryHashes::add(const EntityRecord &record, const QString &key)
{
    const QByteArray bytes = ProjectFormat::entityBytes(record);
    m_hashes.insert(
        key, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
}

QString InventoryHashes::probeHash(const ProbeSpec &spec)
{
    // The hash of the probe's JSON with its keys sorted, as JsonWriter writes a QJsonObject, minus
    // what does not change what it tests. Streamed without the QJsonObject: the same bytes, so the
    // hashes in earlier evidence still match.
    std::vector<std::pair<QString, QJsonValue>> members;
    members.reserve(16);
    spec.forEachMember([&members](const QString &key, const QJsonValue &value) {
        if (key != u"name" && key != u"notes" && key != u"hostKeySha256")
            members.emplace_back(key, value);
    });
    std::sort(members.begin(), members.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    JsonStream json;
    json.beginObject();
    for (const auto &[key, value] : members)
        JsonWriter::write(json.key(key), value);
    json.endObject();
    return QString::fromLatin1(QCryptographicHash::hash(json.take(), QCryptographicHash::Sha256).toHex());
}

ProbeStamp InventoryHashes::stamp(const ProbeSpec &spec) const
{
    ProbeStamp stamp;
    stamp.name = spec.name;
    stamp.type = spec.type;
    stamp.phase = spec.phase;
    stamp.probeHash = probeHash(spec);
    for (const QString &source : spec.sources)
        stamp.sourceHashes.insert(source, hash(source));
    return stamp;
}

QHash<QString, ProbeStamp> InventoryHashes::stamps(const QList<ProbeSpec> &specs) const
{
    QHash<QString, ProbeStamp> stamps;
    stamps.reserve(specs.size());
    for (const ProbeSpec &spec : specs)
        stamps.insert(spec.id, stamp(spec));
    return stamps;
}

void InventoryHashes::applyStamps(ProbeRun &run, const QHash<QString, ProbeStamp> &stamps)
{
    for (const ProbeResult &result : std::as_const(run.results)) {
        const auto found = stamps.constFind(result.probeId);
        if (found != stamps.constEnd())
            run.stamps.insert(result.probeId, found.value());
    }
}

void InventoryHashes::stampRun(ProbeRun &run, const QList<ProbeSpec> &specs) const
{
    applyStamps(run, stamps(specs));
}

} // namespace jb
