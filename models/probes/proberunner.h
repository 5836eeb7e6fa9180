#pragma once

#include "probecontext.h"
#include "proberun.h"
#include "probespec.h"
#include "tcpsweep.h"

#include <QObject>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace jb {

class ProbeBudget;

// Runs probes off the GUI thread: one probe, a phase's or all, at most concurrency() at a time,
// each bounded by its timeout (counted from when it starts). TCP probes to addresses are connected
// together by one TcpSweep; every other probe runs on a worker of the pool. Both draw on the same
// budget of concurrency() slots. A new start() cancels the run before it
// (a generation counter drops its late results). Reports each result once, progress as they come,
// and the whole run at the end; a cancelled run still ends with finished(), the probes it did not
// run marked skipped.
class ProbeRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProbeRunner)

public:
    static constexpr int defaultConcurrency = 32;

    explicit ProbeRunner(ProbeContext context, QObject *parent = nullptr);
    ~ProbeRunner() override; // cancels, and waits for the probes still running

    void setContext(ProbeContext context) { m_context = std::move(context); }
    const ProbeContext &context() const { return m_context; }
    void setConcurrency(int concurrency);
    int concurrency() const;

    void start(const QList<ProbeSpec> &probes, const QString &environment = {});
    void cancel();
    bool isRunning() const { return m_running; }
    const ProbeRun &lastRun() const { return m_run; }
    // The most probes seen running at once in the last run (for tests and the benchmark).
    int peakConcurrency() const;

Q_SIGNALS:
    void started(int total);
    void probeStarted(const QString &probeId);
    void probeFinished(const jb::ProbeResult &result);
    void progress(int done, int total);
    void finished(const jb::ProbeRun &run);

private:
    void startSweep(quint64 generation, const QList<qsizetype> &indexes, const QList<SweepTarget> &targets);
    void startOnPool(quint64 generation, qsizetype index);
    void record(quint64 generation, qsizetype index, const ProbeResult &result);
    void finish();

    ProbeContext m_context;
    QThreadPool m_pool; // one thread per slot: probes start in their order
    QThreadPool m_sweeper; // the sweep's own thread, which holds a slot per connect in flight
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<ProbeBudget> m_budget;
    int m_concurrency = defaultConcurrency;
    QList<ProbeSpec> m_probes;
    QList<std::optional<ProbeResult>> m_results;
    ProbeRun m_run;
    int m_done = 0;
    bool m_running = false;
};

} // namespace jb
