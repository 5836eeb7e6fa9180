// The checklist items of phase 7 that a unit test run proves, from its evidence file.
#include "checklistevidence.h"
#include "projectformat.h"

#include <QCryptographicHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

// As TestRunRecord::hashesOf hashes them when a run starts: the entity's canonical file.
QString hashOf(const EntityRecord &record)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(ProjectFormat::entityBytes(record), QCryptographicHash::Sha256).toHex());
}

} // namespace

QList<ChecklistEvidence::ItemKey> ChecklistEvidence::testItems()
{
    return {{Phase::UnitTests, u"tests-written"_s}, {Phase::UnitTests, u"tests-passed"_s}};
}

QList<ItemEvidence> ChecklistEvidence::computeTests(const std::optional<TestRunEvidence> &latest,
    const QList<EntityRecord> &entities, const QString &environment)
{
    QMap<QString, QString> now;
    QStringList suites;
    QStringList pipes;
    QHash<QString, QString> suitePipes; // suite id -> its pipe
    for (const EntityRecord &record : entities) {
        const QString key = record.kind + u'/' + record.id();
        if (record.kind == u"test") {
            suites.append(record.id());
            suitePipes.insert(record.id(), record.data.value(u"pipe"_s).toString());
        } else if (record.kind == u"pipe") {
            pipes.append(record.id());
        } else if (!(record.kind == u"environment" && record.id() == environment)) {
            continue;
        }
        now.insert(key, hashOf(record));
    }

    ItemEvidence written;
    written.itemId = u"tests-written"_s;
    ItemEvidence passed;
    passed.itemId = u"tests-passed"_s;
    for (ItemEvidence *item : {&written, &passed}) {
        item->phase = Phase::UnitTests;
        item->fromTests = true;
    }
    written.probes = int(pipes.size());
    if (!latest) {
        const QString why = u"no run of every unit suite in %1 yet"_s.arg(environment);
        written.reasons.append(why);
        passed.reasons.append(why);
        return {written, passed};
    }

    // what changed since the run: the same for both items
    QStringList stale;
    for (auto it = latest->hashes.cbegin(); it != latest->hashes.cend(); ++it) {
        const auto current = now.constFind(it.key());
        if (current == now.cend())
            stale.append(u"%1 no longer exists"_s.arg(it.key()));
        else if (*current != it.value())
            stale.append(u"%1 changed after the run"_s.arg(it.key()));
    }
    for (const QString &suite : std::as_const(suites)) {
        if (!latest->hashes.contains(u"test/"_s + suite))
            stale.append(u"suite %1 has not run yet"_s.arg(suite));
    }
    for (ItemEvidence *item : {&written, &passed}) {
        item->evidencePath = latest->path;
        item->testedAt = latest->startedAt;
    }

    // every case passed
    passed.probes = latest->cases;
    passed.passed = latest->cases - latest->failed;
    if (latest->failed > 0)
        passed.reasons.append(u"%1 of %2 cases failed"_s.arg(latest->failed).arg(latest->cases));
    passed.reasons.append(stale);
    passed.state = latest->failed > 0 ? ItemEvidence::State::Failed
        : stale.isEmpty()             ? ItemEvidence::State::Current
                                      : ItemEvidence::State::Stale;

    // every pipe has a suite, and its suites ran each of its steps
    const QSet<QString> tested(suitePipes.cbegin(), suitePipes.cend());
    bool uncovered = false;
    for (const QString &pipe : std::as_const(pipes)) {
        const auto measured = std::find_if(latest->pipes.cbegin(), latest->pipes.cend(),
            [&pipe](const TestRunEvidence::Pipe &entry) { return entry.id == pipe; });
        if (measured == latest->pipes.cend()) {
            if (!tested.contains(pipe)) {
                uncovered = true;
                written.reasons.append(u"pipe %1 has no unit suite"_s.arg(pipe));
            }
            continue; // a suite added since the run: stale, said above
        }
        if (measured->stepsExecuted < measured->steps) {
            uncovered = true;
            written.reasons.append(u"pipe %1: %2 of %3 steps run, not %4"_s.arg(pipe)
                                       .arg(measured->stepsExecuted)
                                       .arg(measured->steps)
                                       .arg(measured->missedSteps.join(u", "_s)));
        } else {
            ++written.passed;
        }
    }
    written.reasons.append(stale);
    written.state = uncovered ? ItemEvidence::State::Failed
        : stale.isEmpty()     ? ItemEvidence::State::Current
                              : ItemEvidence::State::Stale;
    return {written, passed};
}

} // namespace jb
