// The probe workbench: running probes, and the evidence each run leaves.
#include "core/whendone.h"
#include "inventoryhashes.h"
#include "probeplanner.h"
#include "proberesultsmodel.h"
#include "proberunner.h"
#include "probeworkbench.h"
#include "projectdocument.h"
#include "projectsession.h"

#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

bool ProbeWorkbench::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

void ProbeWorkbench::runProbes(const QStringList &ids)
{
    QList<ProbeSpec> probes;
    for (const ProbeSpec &spec : std::as_const(m_plan)) {
        if (ids.contains(spec.id))
            probes.append(spec);
    }
    start(probes);
}

void ProbeWorkbench::runPhase(int phase)
{
    start(phase == 0 ? m_plan : ProbePlanner::ofPhase(m_plan, phase));
}

void ProbeWorkbench::runAll()
{
    start(m_plan);
}

void ProbeWorkbench::cancel()
{
    m_runner->cancel();
}

void ProbeWorkbench::start(const QList<ProbeSpec> &probes)
{
    if (probes.isEmpty() || m_environment.isEmpty())
        return;
    ProbeContext context;
    context.projectFolder = m_session->document()->folder();
    context.secrets = m_secrets;
    m_runner->setContext(context);
    m_running = probes;
    Q_EMIT runStarting();
    m_runner->start(probes, m_environment);
    Q_EMIT statusMessage(u"Running %1 probes in %2…"_s.arg(probes.size()).arg(m_environment));
}

void ProbeWorkbench::onFinished(const ProbeRun &run)
{
    const QList<ProbeSpec> probes = std::exchange(m_running, {});
    Q_EMIT runFinished(run);
    Q_EMIT statusMessage(u"%1 passed, %2 failed, %3 errors, %4 skipped"_s.arg(run.count(ProbeStatus::Pass))
                             .arg(run.count(ProbeStatus::Fail))
                             .arg(run.count(ProbeStatus::Error))
                             .arg(run.count(ProbeStatus::Skipped)));
    storeEvidence(run, probes);
}

// Every run is evidence, a cancelled one too (it says so). The stamps hash the inventory as it was
// when the run ended, so a later edit of a server makes this evidence stale, as it should.
void ProbeWorkbench::storeEvidence(const ProbeRun &run, const QList<ProbeSpec> &probes)
{
    const QString folder = m_session->document()->folder();
    if (folder.isEmpty() || run.results.isEmpty())
        return;
    const QList<EntityRecord> entities = m_session->document()->allEntities();
    const quint64 generation = m_evidenceGeneration;
    whenDone(QtConcurrent::run(&m_io,
                 [folder, entities, probes, run] {
                     ProbeRun stamped = run;
                     InventoryHashes::ofSources(entities, probes).stampRun(stamped, probes);
                     const Result<QString> written = EvidenceStore(folder).write(stamped);
                     return std::make_pair(stamped, written);
                 }),
        this, [this, folder, generation](const std::pair<ProbeRun, Result<QString>> &outcome) {
            const auto &[stamped, written] = outcome;
            if (!written) {
                Q_EMIT statusMessage(written.errorString());
                Q_EMIT evidenceWritten({}, written.errorString());
                return;
            }
            // the project or the environment changed meanwhile: the file is written, but not for this view
            if (generation == m_evidenceGeneration && stamped.environment == m_environment) {
                m_entries.append({written.value(), stamped});
                for (const ProbeResult &result : stamped.results)
                    m_evidencePath.insert(result.probeId, written.value());
                Q_EMIT evidenceChanged();
            }
            Q_EMIT evidenceWritten(QDir(folder).filePath(written.value()), {});
        });
}

void ProbeWorkbench::loadEvidence()
{
    const quint64 generation = ++m_evidenceGeneration;
    const QString folder = m_session->document()->folder();
    const QString environment = m_environment;
    if (folder.isEmpty() || environment.isEmpty()) {
        applyLatest({});
        return;
    }
    whenDone(
        QtConcurrent::run(&m_io, [folder, environment] { return EvidenceStore(folder).load(environment); }),
        this, [this, generation](const QList<EvidenceStore::Entry> &entries) {
            if (generation != m_evidenceGeneration)
                return;
            applyLatest(entries);
            Q_EMIT evidenceLoaded();
        });
}

void ProbeWorkbench::applyLatest(const QList<EvidenceStore::Entry> &entries)
{
    m_entries = entries;
    m_evidencePath.clear();
    const QHash<QString, EvidenceStore::Latest> latest = EvidenceStore::latest(entries);
    QList<ProbeResult> results;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it) {
        results.append(it->result);
        m_evidencePath.insert(it.key(), it->path);
    }
    m_results->clearResults();
    m_results->setResults(results);
    Q_EMIT evidenceChanged();
}

} // namespace jb
