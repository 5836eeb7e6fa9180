#pragma once

#include "evidencestore.h"
#include "inventoryhashes.h"
#include "phase.h"

#include <optional>

namespace jb {

// Where a checklist item of phases 1-2 stands on probe evidence.
struct ItemEvidence
{
    enum class State
    {
        Missing, // no probe for it has run yet
        Current, // every probe for it passed, on the inventory as it is now
        Stale, // a probe never ran, or tested an entity (or a probe definition) since changed
        Failed, // the latest run of one of its probes failed or could not run: it says so, not "stale"
    };

    Phase phase = Phase::Connection;
    QString itemId;
    State state = State::Missing;
    QString evidencePath; // the newest evidence file among its probes' latest results
    QDateTime testedAt;
    int probes = 0; // enabled probes that evidence it
    int passed = 0; // of those, whose latest result passed and still holds
    QStringList reasons; // why it is stale or missing, one sentence each

    static QString stateKey(State state);
};

// Links the checklist items that probes can evidence ("reachability-tested", "tls-checked",
// "ports-open", "db-access", "file-servers") to their latest evidence, and says when that evidence
// is stale. The GUI shows this next to the checklist; nothing here writes the manifest.
class ChecklistEvidence final
{
public:
    struct ItemKey
    {
        Phase phase;
        QString itemId;
    };

    // The checklist item a probe evidences.
    static ItemKey itemFor(const ProbeSpec &spec);
    static QList<ItemKey> evidencedItems();

    // One entry per evidenced item, in evidencedItems() order. `planned` are the current probes of
    // the environment, `runs` that environment's evidence, `now` the inventory's current hashes.
    static QList<ItemEvidence> compute(
        const QList<ProbeSpec> &planned, const QList<EvidenceStore::Entry> &runs, const InventoryHashes &now);
};

} // namespace jb
