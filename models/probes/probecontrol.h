#pragma once

#include "core/result.h"
#include "probecontext.h"

#include <QDeadlineTimer>
#include <QStringList>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

class QEventLoop;

namespace jb {

using CancelFlag = std::shared_ptr<const std::atomic_bool>;

// The running state of one probe on its worker thread: its deadline (the per-probe timeout, counted
// from the moment the probe starts, not from when it was queued), the run's cancel flag, and the
// secrets it read, so that their values can be scrubbed from anything it reports.
class ProbeControl final
{
public:
    enum class Wait
    {
        Done,
        TimedOut,
        Cancelled,
    };

    ProbeControl(const ProbeContext &context, std::chrono::milliseconds timeout, CancelFlag cancel = {});

    const ProbeContext &context() const { return m_context; }
    std::chrono::milliseconds timeout() const { return m_timeout; }
    QString timeoutText() const; // "5.0 s"
    bool cancelled() const;
    bool expired() const { return m_deadline.hasExpired(); }
    qint64 remainingMs() const;
    qint64 elapsedMs() const;

    // Runs `loop` until `done()` holds (checked whenever the loop quits), the deadline passes or the
    // run is cancelled. Whoever makes done() true must also quit the loop.
    Wait wait(QEventLoop &loop, const std::function<bool()> &done) const;

    // A secret's value, remembered for scrubbing.
    Result<QString> secret(const QString &name);
    // `text` with every secret value read so far replaced by "********".
    QString scrub(QString text) const;
    bool usedSecrets() const { return !m_secretValues.isEmpty(); }

private:
    const ProbeContext &m_context;
    std::chrono::milliseconds m_timeout;
    QDeadlineTimer m_deadline;
    qint64 m_startMs = 0;
    CancelFlag m_cancel;
    QStringList m_secretValues;
};

} // namespace jb
