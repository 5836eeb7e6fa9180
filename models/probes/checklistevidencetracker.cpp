#include "checklistevidencetracker.h"

#include "core/whendone.h"
#include "probeplanner.h"
#include "projectdocument.h"

#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

struct Job
{
    QString folder;
    QList<EntityRecord> entities;
    QString requested;
    bool reread = true;
    QList<EvidenceStore::Entry> runs; // when not re-read: the evidence last read
    QString runsEnvironment;
};

struct Outcome
{
    QString folder;
    QString environment;
    bool reread = false;
    QList<EvidenceStore::Entry> runs;
    QList<ItemEvidence> items;
};

// Off the GUI thread: works on its copies only.
Outcome compute(const Job &job)
{
    Outcome outcome;
    outcome.folder = job.folder;
    const QStringList environments = ProbePlanner::environments(job.entities);
    // the probes page's rule (EnvironmentBox::refill), so both speak of the same environment
    outcome.environment = environments.contains(job.requested)
        ? job.requested
        : ProbePlanner::defaultEnvironment(job.entities).value_or(environments.value(0));
    outcome.reread = job.reread || outcome.environment != job.runsEnvironment;
    if (!outcome.reread)
        outcome.runs = job.runs;
    else if (!outcome.environment.isEmpty())
        outcome.runs = EvidenceStore(job.folder).load(outcome.environment);
    const QList<ProbeSpec> planned = outcome.environment.isEmpty()
        ? QList<ProbeSpec>()
        : ProbePlanner::plan(job.entities, outcome.environment);
    // only the entities the planned probes test are looked at, so only they are hashed
    outcome.items = ChecklistEvidence::compute(
        planned, outcome.runs, InventoryHashes::ofSources(job.entities, planned));
    // the unit test items, from the newest run of every suite (a few small files, read each time)
    if (!outcome.environment.isEmpty())
        outcome.items.append(ChecklistEvidence::computeTests(
            TestRunEvidence::latestFull(job.folder, outcome.environment), job.entities, outcome.environment));
    return outcome;
}

} // namespace

ChecklistEvidenceTracker::ChecklistEvidenceTracker(ProjectDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_pending(new QTimer(this))
{
    m_pool.setMaxThreadCount(1);
    // an undo of several edits, or a project opening while the probes page picks its environment,
    // computes once
    m_pending->setSingleShot(true);
    m_pending->setInterval(0);
    connect(m_pending, &QTimer::timeout, this, &ChecklistEvidenceTracker::start);
    connect(m_document, &ProjectDocument::wasReset, this, [this] {
        m_requested.clear(); // as the probes page does: a new project starts at its default
        schedule(true);
    });
    const auto changed = [this] { schedule(false); };
    connect(m_document, &ProjectDocument::entityInserted, this, changed);
    connect(m_document, &ProjectDocument::entityRemoved, this, changed);
    connect(m_document, &ProjectDocument::entityChanged, this, changed);
    if (m_document->hasFolder())
        schedule(true);
}

ChecklistEvidenceTracker::~ChecklistEvidenceTracker()
{
    // the workers hold copies only; waiting keeps them from outliving the window that asked
    m_pool.waitForDone();
}

void ChecklistEvidenceTracker::setEnvironment(const QString &environment)
{
    if (environment == m_requested)
        return;
    m_requested = environment;
    schedule(false); // the worker re-reads when the environment it resolves to is another
}

void ChecklistEvidenceTracker::reload()
{
    schedule(true);
}

void ChecklistEvidenceTracker::schedule(bool reread)
{
    if (reread)
        m_runsValid = false;
    m_pending->start();
}

void ChecklistEvidenceTracker::start()
{
    const quint64 generation = ++m_generation;
    Job job;
    job.folder = m_document->folder();
    if (job.folder.isEmpty()) {
        m_folder.clear();
        m_environment.clear();
        m_items.clear();
        m_runs.clear();
        m_runsValid = false;
        m_known = false;
        Q_EMIT evidenceChanged();
        return;
    }
    job.entities = m_document->allEntities();
    job.requested = m_requested;
    // a result with freshly read files that a newer request overtakes is dropped, so until one is
    // applied every computation reads them again
    job.reread = !m_runsValid || job.folder != m_folder;
    job.runs = m_runs;
    job.runsEnvironment = m_runsEnvironment;
    whenDone(QtConcurrent::run(&m_pool, compute, job), this, [this, generation](const Outcome &outcome) {
        if (generation != m_generation)
            return;
        m_folder = outcome.folder;
        m_environment = outcome.environment;
        m_items = outcome.items;
        if (outcome.reread) {
            m_runs = outcome.runs;
            m_runsEnvironment = outcome.environment;
            m_runsValid = true;
        }
        m_known = true;
        Q_EMIT evidenceChanged();
    });
}

} // namespace jb
