#pragma once

#include "proberun.h"
#include "projectdata.h"

#include <QHash>

namespace jb {

// Fingerprints of the inventory as it is now: SHA-256 of each entity's canonical file, by
// "kind/id". Evidence records them for the entities a probe tested; comparing with the current
// ones tells whether the evidence still describes the inventory (file times would not survive git).
class InventoryHashes final
{
public:
    static InventoryHashes of(const QList<EntityRecord> &entities);
    // Only the entities `probes` name as their sources: all that the stamps of a run of them need
    // (a thousand probes of their own files name none).
    static InventoryHashes ofSources(const QList<EntityRecord> &entities, const QList<ProbeSpec> &probes);

    // The hash of "kind/id", or an empty string when no such entity exists.
    QString hash(const QString &source) const { return m_hashes.value(source); }
    // A probe's definition, minus what does not change what it tests (name, notes, a host key the
    // probe itself recorded).
    static QString probeHash(const ProbeSpec &spec);
    ProbeStamp stamp(const ProbeSpec &spec) const;
    // The stamps of `specs`, by probe id. They do not depend on results: a caller may make them
    // while the probes run.
    QHash<QString, ProbeStamp> stamps(const QList<ProbeSpec> &specs) const;
    // Adds to `run` the stamp of every result's probe found in `stamps`.
    static void applyStamps(ProbeRun &run, const QHash<QString, ProbeStamp> &stamps);
    // Both at once: a stamp for every result whose probe is in `specs`.
    void stampRun(ProbeRun &run, const QList<ProbeSpec> &specs) const;

private:
    void add(const EntityRecord &record, const QString &key);

    QHash<QString, QString> m_hashes;
};

} // namespace jb
