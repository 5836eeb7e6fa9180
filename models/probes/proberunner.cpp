#include "proberunner.h"

#include "core/whendone.h"
#include "probeexecutor.h"

#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::StringLiterals;

namespace jb {

ProbeRunner::ProbeRunner(ProbeContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    m_pool.setMaxThreadCount(defaultConcurrency);
    m_pool.setObjectName(u"probes"_s);
}

ProbeRunner::~ProbeRunner()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
}

void ProbeRunner::setConcurrency(int concurrency)
{
    m_pool.setMaxThreadCount(std::max(1, concurrency));
}

int ProbeRunner::concurrency() const
{
    return m_pool.maxThreadCount();
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
    m_inFlight = std::make_shared<std::atomic_int>(0);
    m_peak = std::make_shared<std::atomic_int>(0);
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
    for (qsizetype i = 0; i < probes.size(); ++i) {
        const ProbeSpec &spec = probes.at(i);
        if (!spec.enabled) {
            ProbeResult skipped = ProbeExecutor::run(spec, m_context); // answers at once, on this thread
            QMetaObject::invokeMethod(
                this, [this, generation, i, skipped] { record(generation, i, skipped); },
                Qt::QueuedConnection);
            continue;
        }
        // copies only: the worker never touches this object
        auto work = [this, spec, context = m_context, cancel = CancelFlag(m_cancel), inFlight = m_inFlight,
                        peak = m_peak, generation] {
            const int now = ++*inFlight;
            int seen = peak->load();
            while (now > seen && !peak->compare_exchange_weak(seen, now)) { }
            QMetaObject::invokeMethod(
                this,
                [this, generation, id = spec.id] {
                    if (generation == m_generation)
                        Q_EMIT probeStarted(id);
                },
                Qt::QueuedConnection);
            ProbeResult result = ProbeExecutor::run(spec, context, cancel);
            --*inFlight;
            return result;
        };
        whenDone(QtConcurrent::run(&m_pool, std::move(work)), this,
            [this, generation, i](const ProbeResult &result) { record(generation, i, result); });
    }
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
    for (const std::optional<ProbeResult> &result : std::as_const(m_results))
        m_run.results.append(*result);
    Q_EMIT finished(m_run);
}

} // namespace jb
