#include "checklistevidence.h"

#include "core/enumtable.h"

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr auto stateNames = enumTable<ItemEvidence::State>({
    {ItemEvidence::State::Missing, u"missing"},
    {ItemEvidence::State::Current, u"current"},
    {ItemEvidence::State::Stale, u"stale"},
    {ItemEvidence::State::Failed, u"failed"},
});

} // namespace

QString ItemEvidence::stateKey(State state)
{
    return stateNames.key(state).value_or(QString());
}

ChecklistEvidence::ItemKey ChecklistEvidence::itemFor(const ProbeSpec &spec)
{
    switch (spec.type) {
    case ProbeType::Tls:
        return {Phase::Connection, u"tls-checked"_s};
    case ProbeType::Database:
        return {Phase::ServersDb, u"db-access"_s};
    case ProbeType::Ftp:
    case ProbeType::Sftp:
        return {Phase::ServersDb, u"file-servers"_s};
    default:
        return spec.phase == 1 ? ItemKey{Phase::Connection, u"reachability-tested"_s}
                               : ItemKey{Phase::ServersDb, u"ports-open"_s};
    }
}

QList<ChecklistEvidence::ItemKey> ChecklistEvidence::evidencedItems()
{
    return probeItems() + testItems();
}

QList<ChecklistEvidence::ItemKey> ChecklistEvidence::probeItems()
{
    return {{Phase::Connection, u"reachability-tested"_s}, {Phase::Connection, u"tls-checked"_s},
        {Phase::ServersDb, u"ports-open"_s}, {Phase::ServersDb, u"db-access"_s},
        {Phase::ServersDb, u"file-servers"_s}};
}

QList<ItemEvidence> ChecklistEvidence::compute(
    const QList<ProbeSpec> &planned, const QList<EvidenceStore::Entry> &runs, const InventoryHashes &now)
{
    const QHash<QString, EvidenceStore::Latest> latest = EvidenceStore::latest(runs);
    QList<ItemEvidence> items;
    for (const ItemKey &key : probeItems()) {
        ItemEvidence item;
        item.phase = key.phase;
        item.itemId = key.itemId;
        int ran = 0;
        bool failed = false;
        for (const ProbeSpec &spec : planned) {
            const ItemKey mine = itemFor(spec);
            if (!spec.enabled || mine.phase != key.phase || mine.itemId != key.itemId)
                continue;
            ++item.probes;
            const auto found = latest.constFind(spec.id);
            if (found == latest.cend() || found->result.status == ProbeStatus::Skipped) {
                item.reasons.append(u"%1 has not run yet"_s.arg(spec.id));
                continue;
            }
            ++ran;
            const EvidenceStore::Latest &last = *found;
            if (!item.testedAt.isValid() || last.result.timestamp > item.testedAt) {
                item.testedAt = last.result.timestamp;
                item.evidencePath = last.path;
            }
            bool holds = true;
            if (!last.result.passed()) {
                holds = false;
                failed = true;
                item.reasons.append(u"%1 %2: %3"_s.arg(spec.id,
                    last.result.status == ProbeStatus::Error ? u"could not run"_s : u"failed"_s,
                    last.result.summary));
            }
            if (last.stamped && last.stamp.probeHash != InventoryHashes::probeHash(spec)) {
                holds = false;
                item.reasons.append(u"%1 was edited after it ran"_s.arg(spec.id));
            }
            for (const QString &source : spec.sources) {
                const QString current = now.hash(source);
                const QString tested = last.stamp.sourceHashes.value(source);
                if (!last.stamped || tested != current) {
                    holds = false;
                    item.reasons.append(current.isEmpty()
                            ? u"%1 no longer exists"_s.arg(source)
                            : u"%1 changed after %2 ran"_s.arg(source, spec.id));
                }
            }
            if (holds)
                ++item.passed;
        }
        item.reasons.removeDuplicates();
        if (ran == 0)
            item.state = ItemEvidence::State::Missing;
        else if (item.passed == item.probes)
            item.state = ItemEvidence::State::Current;
        else if (failed)
            item.state = ItemEvidence::State::Failed;
        else
            item.state = ItemEvidence::State::Stale;
        if (item.probes == 0)
            item.reasons.append(u"no probe evidences this item in this environment"_s);
        items.append(item);
    }
    return items;
}

} // namespace jb
