#pragma once

#include "evidencestore.h"

#include <optional>

namespace jb {

// What the connectivity probes last found, as the documents ask for it: read through the probe
// engine's EvidenceStore (<project>/evidence/probes/, one file per run) and looked up by the
// inventory entity a probe tested. A value: copied into document workers.
class ProbeEvidence final
{
public:
    ProbeEvidence() = default;
    explicit ProbeEvidence(QHash<QString, EvidenceStore::Latest> latest);
    // The runs of `environment` (every run when empty); unreadable files are left out (the probes
    // page reports them).
    static ProbeEvidence read(const QString &projectFolder, const QString &environment = {});

    const QHash<QString, EvidenceStore::Latest> &latest() const { return m_latest; }
    bool isEmpty() const { return m_latest.isEmpty(); }
    // The newest result of a probe generated for `kind`/`id` (its id starts "kind-id-"), or of any
    // probe that names the entity among its sources.
    std::optional<EvidenceStore::Latest> forEntity(const QString &kind, const QString &id) const;

    static QString notTested();
    // "passed on 2026-11-20 10:00 UTC", or "not tested".
    static QString statusText(const std::optional<EvidenceStore::Latest> &latest);

private:
    QHash<QString, EvidenceStore::Latest> m_latest;
};

} // namespace jb
