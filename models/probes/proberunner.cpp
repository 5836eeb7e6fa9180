#include "proberunner.h"

#include "core/whendone.h"
#include "probebudget.h"
#include "probeexecutor.h"
#include "tcpprobe.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

ProbeRunner::ProbeRunner(ProbeContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    setConcurrency(defaultConcurrency);
    m_pool.setObjectName(u"probes"_s);
    m_sweeper.setMaxThreadCount(1);
    m_sweeper.setObjectName(u"tcp sweep"_s);
}

ProbeRunner::~ProbeRunner()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
    m_sweeper.waitForDone();
}

void ProbeRunner::setConcurrency(int concurrency)
{
    m_concurrency = std::max(1, concurrency);
    m_pool.setMaxThreadCount(m_concurrency);
}

int ProbeRunner::concurrency() const
{
    return m_concurrency;
}

int ProbeRunner::peakConcurrency() const
{
    return m_budget ? m_budget->peak() : 0;
}

void ProbeRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ProbeRunner::start(const QList<ProbeSpec> &probes, const QString &environment)
{
    cancel(); // the stale run's probes end soon; its results no longer count
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_budget = std::make_shared<ProbeBudget>(m_concurrency);
    m_probes = probes;
    m_results = QList<std::optional<ProbeResult>>(probes.size());
    m_done = 0;
    m_running = true;
    m_run = ProbeRun();
    m_run.environment = environment;
    m_run.startedAt = QDateTime::currentDateTimeUtc();
    m_run.toolVersion = u"journeybench %1"_s.arg(QStringLiteral(JB_VERSION));
    Q_EMIT started(int(probes.size()));
    if (probes.isEmpty()) {
        finish();
        return;
    }
    QList<qsizetype> swept;
    QList<SweepTarget> targets;
    QList<qsizetype> pooled;
    for (qsizetype i = 0; i < probes.size(); ++i) {
        const ProbeSpec &spec = probes.at(i);
        if (!spec.enabled) {
            ProbeResult skipped = ProbeExecutor::run(spec, m_context); // answers at once, on this thread
            QMetaObject::invokeMethod(
                this, [this, generation, i, skipped] { record(generation, i, skipped); },
                Qt::QueuedConnection);
        } else if (std::optional<SweepTarget> target
            = TcpSweep::targetOf(spec, m_context, ProbeExecutor::timeoutFor(spec, m_context))) {
            swept.append(i);
            targets.append(*target);
        } else {
            pooled.append(i);
        }
    }
    if (!targets.isEmpty())
        startSweep(generation, swept, targets);
    for (const qsizetype index : std::as_const(pooled))
        startOnPool(generation, index);
}

void ProbeRunner::startSweep(
    quint64 generation, const QList<qsizetype> &indexes, const QList<SweepTarget> &targets)
{
    // copies only: the sweep's thread never touches this object, it posts each round's results. The
    // probes are shared, not copied one by one: the list is never changed while a run uses it.
    m_sweeper.start([this, generation, indexes, targets, probes = m_probes, context = m_context,
                        budget = m_budget, cancel = CancelFlag(m_cancel)] {
        TcpSweep::run(targets, *budget, cancel,
            [&](const QList<qsizetype> &startedNow, const QList<SweepOutcome> &endedNow) {
                QStringList startedIds;
                startedIds.reserve(startedNow.size());
                for (const qsizetype i : startedNow)
                    startedIds.append(probes.at(indexes.at(i)).id);
                QList<std::pair<qsizetype, ProbeResult>> results;
                results.reserve(endedNow.size());
                for (const SweepOutcome &ended : endedNow) {
                    const ProbeSpec &spec = probes.at(indexes.at(ended.index));
                    const ProbeControl control(context, targets.at(ended.index).timeout, cancel);
                    ProbeResult result = ended.started ? TcpProbe::result(spec, ended.outcome, control)
                                                       : ProbeExecutor::cancelledBeforeStart();
                    results.append(
                        {indexes.at(ended.index), ProbeExecutor::finish(spec, std::move(result), control)});
                }
                QMetaObject::invokeMethod(
                    this,
                    [this, generation, startedIds, results] {
                        if (generation != m_generation)
                            return;
                        for (const QString &id : startedIds)
                            Q_EMIT probeStarted(id);
                        for (const auto &[index, result] : results)
                            record(generation, index, result);
                    },
                    Qt::QueuedConnection);
            });
    });
}

void ProbeRunner::startOnPool(quint64 generation, qsizetype index)
{
    // copies only: the worker never touches this object
    auto work = [this, spec = m_probes.at(index), context = m_context, cancel = CancelFlag(m_cancel),
                    budget = m_budget, generation] {
        budget->take();
        QMetaObject::invokeMethod(
            this,
            [this, generation, id = spec.id] {
                if (generation == m_generation)
                    Q_EMIT probeStarted(id);
            },
            Qt::QueuedConnection);
        ProbeResult result = ProbeExecutor::run(spec, context, cancel);
        budget->give();
        return result;
    };
    whenDone(QtConcurrent::run(&m_pool, std::move(work)), this,
        [this, generation, index](const ProbeResult &result) { record(generation, index, result); });
}

void ProbeRunner::record(quint64 generation, qsizetype index, const ProbeResult &result)
{
    if (generation != m_generation || !m_running || m_results.at(index))
        return;
    m_results[index] = result;
    ++m_done;
    Q_EMIT probeFinished(result);
    Q_EMIT progress(m_done, int(m_results.size()));
    if (m_done == m_results.size())
        finish();
}

void ProbeRunner::finish()
{
    m_running = false;
    m_run.finishedAt = QDateTime::currentDateTimeUtc();
    m_run.cancelled = m_cancel && m_cancel->load();
    // moved, not copied: a thousand results are half a megabyte
    m_run.results.reserve(m_results.size());
    for (std::optional<ProbeResult> &result : m_results)
        m_run.results.append(std::move(*result));
    m_results.clear();
    Q_EMIT finished(m_run);
}

} // namespace jb
