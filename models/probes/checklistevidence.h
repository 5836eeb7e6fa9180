#pragma once

#include "evidencestore.h"
#include "inventoryhashes.h"
#include "phase.h"
#include "testrunevidence.h"

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
    int probes = 0; // enabled probes that evidence it (a unit test item: the cases, or the pipes)
    int passed = 0; // of those, whose latest result passed and still holds
    bool fromTests = false; // evidenced by a unit test run rather than by probes
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
    // The items of phase 7 a run of every unit suite proves: "tests-written" (every pipe has a
    // suite that runs each of its steps) and "tests-passed" (every case passed).
    static QList<ItemKey> testItems();

    // One entry per probe-evidenced item, in evidencedItems() order. `planned` are the current probes of
    // the environment, `runs` that environment's evidence, `now` the inventory's current hashes.
    static QList<ItemEvidence> compute(
        const QList<ProbeSpec> &planned, const QList<EvidenceStore::Entry> &runs, const InventoryHashes &now);
    // One entry per testItems() item, from `latest` (the newest run of every suite in the
    // environment, TestRunEvidence::latestFull) against the project's entities as they are now:
    // stale when a suite, a pipe or the environment it ran on changed, or a suite was added since.
    static QList<ItemEvidence> computeTests(const std::optional<TestRunEvidence> &latest,
        const QList<EntityRecord> &entities, const QString &environment);

private:
    static QList<ItemKey> probeItems();
};

} // namespace jb
