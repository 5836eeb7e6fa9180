#pragma once

// Evidence on disk the way a probe run leaves it, for the suites about checklist evidence: a copy of
// the sample project, and runs of the probes behind chosen checklist items, each probe with the
// status asked for, stamped against the inventory as it is and stored through EvidenceStore.
#include "checklistevidence.h"
#include "evidencestore.h"
#include "inventoryhashes.h"
#include "probeplanner.h"
#include "projectloader.h"
#include "testfolder.h"

#include <QDir>
#include <QDirIterator>

namespace jb::test {

// One line per checklist item: "phase item: state passed/probes".
inline QString printItems(const QList<ItemEvidence> &items)
{
    QStringList lines;
    for (const ItemEvidence &item : items)
        lines.append(QStringLiteral("%1 %2: %3 %4/%5")
                         .arg(Phases::info(item.phase).key, item.itemId, ItemEvidence::stateKey(item.state))
                         .arg(item.passed)
                         .arg(item.probes));
    return lines.join(u'\n');
}

inline QList<EntityRecord> entitiesOf(const QString &folder)
{
    Result<ProjectLoad> loaded = ProjectLoader::load(folder);
    if (!loaded)
        qFatal("cannot load %s: %s", qPrintable(folder), qPrintable(loaded.errorString()));
    return loaded.value().data.entities;
}

// The enabled probes of `plan` that evidence checklist item `itemId`.
inline QList<ProbeSpec> probesOf(const QList<ProbeSpec> &plan, const QString &itemId)
{
    QList<ProbeSpec> probes;
    for (const ProbeSpec &spec : plan) {
        if (spec.enabled && ChecklistEvidence::itemFor(spec).itemId == itemId)
            probes.append(spec);
    }
    return probes;
}

// A run of `probes` started at `at`, each passing unless `failing` names it.
inline ProbeRun runOf(const QList<ProbeSpec> &probes, const QList<EntityRecord> &entities,
    const QDateTime &at, const QStringList &failing = {}, const QString &environment = QStringLiteral("test"))
{
    ProbeRun run;
    run.environment = environment;
    run.startedAt = at;
    run.finishedAt = at.addSecs(1);
    run.toolVersion = QStringLiteral("journeybench test");
    for (const ProbeSpec &spec : probes) {
        const bool fails = failing.contains(spec.id);
        ProbeResult result = ProbeResult::make(fails ? ProbeStatus::Fail : ProbeStatus::Pass,
            fails ? QStringLiteral("connection refused") : QStringLiteral("answered"));
        result.probeId = spec.id;
        result.target = spec.target();
        result.timestamp = at.addMSecs(500);
        result.latencyMs = fails ? -1 : 1.5;
        run.results.append(result);
    }
    InventoryHashes::of(entities).stampRun(run, probes);
    return run;
}

// Stores `run` in the project at `folder`; its path relative to the folder, empty when it failed.
inline QString writeRun(const QString &folder, const ProbeRun &run)
{
    const Result<QString> written = EvidenceStore(folder).write(run);
    if (!written)
        qWarning("cannot write evidence: %s", qPrintable(written.errorString()));
    return written ? written.value() : QString();
}

} // namespace jb::test
