#pragma once

#include <QDeadlineTimer>
#include <QtGlobal>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

class QJSEngine;

namespace jb {

// Stops a script that would never give its thread back. Scripts run synchronously on their
// thread, so nothing on that thread (a QTimer deadline included) can run while a `for (;;)` spins:
// a thread of the watchdog's own looks at the evaluation in progress and interrupts its engine
// (QJSEngine::setInterrupted, which may be called from any thread) when the deadline has passed
// or when the process's resident memory grew past the bound since the evaluation began (a fast
// allocator takes gigabytes well before a 30 s deadline, and the machine goes before the script).
//
// One per thread that runs scripts, shared by every engine of that thread (the pipe runtime's and
// the mapping runners'). Guards are made on that thread only.
//
// Cost on the normal path: arming is two relaxed stores, one sequentially consistent store and a
// load; disarming one exchange: no lock and no wake-up while the watchdog's thread is awake. It
// polls every `pollMs` (reading /proc/self/statm only while an evaluation is armed) and parks
// after a second with nothing armed; the first evaluation after that wakes it once (one mutex and
// one notify).
class ScriptWatchdog final
{
public:
    enum class Trip
    {
        None,
        Deadline, // the deadline passed during the evaluation
        Memory, // resident memory grew past the bound during the evaluation
    };
    struct Limits
    {
        // How much the process's resident memory may grow while one evaluation runs; 0: no bound.
        qint64 memoryBytes = qint64(1024) << 20;
        int pollMs = 5;
    };

    ScriptWatchdog();
    explicit ScriptWatchdog(Limits limits);
    ~ScriptWatchdog();
    Q_DISABLE_COPY_MOVE(ScriptWatchdog)

    const Limits &limits() const { return m_limits; }
    // Starts a watch: the following evaluations must end by `deadline` (Forever: only the memory
    // bound applies), and the last trip is forgotten.
    void watchUntil(QDeadlineTimer deadline)
    {
        m_deadline = deadline;
        m_trip = Trip::None;
    }
    QDeadlineTimer deadline() const { return m_deadline; }
    // What interrupted an evaluation since the last call (None if nothing), forgotten after it.
    Trip takeTrip();
    static QString describe(Trip trip, const Limits &limits);

    // Watches one evaluation in `engine` for its lifetime. A guard inside another guard of the
    // same watchdog does nothing: the outer one already watches.
    class Guard final
    {
    public:
        Guard(ScriptWatchdog *watchdog, QJSEngine &engine);
        ~Guard() { end(); }
        Q_DISABLE_COPY_MOVE(Guard)
        // Disarms (once) and says whether the evaluation was interrupted; the engine is usable
        // again afterwards.
        Trip end();

    private:
        ScriptWatchdog *m_watchdog;
        bool m_armed = false; // the outermost guard
        bool m_ended = false;
        Trip m_trip = Trip::None;
    };

    // The process's resident memory, in bytes (0 when /proc is not there).
    static qint64 residentBytes();

private:
    bool arm(QJSEngine &engine);
    Trip disarm();
    void watch();

    const Limits m_limits;
    // Shared with the watchdog's thread. m_state is 0 when idle, 2 * token while an evaluation
    // is armed, 2 * token + 1 once the watchdog is interrupting it.
    std::atomic<quint64> m_state = 0;
    std::atomic<qint64> m_deadlineMs = 0; // QDeadlineTimer::deadline() of the armed evaluation
    std::atomic<QJSEngine *> m_engine = nullptr;
    std::atomic<int> m_reason = 0; // the Trip of the firing evaluation
    std::atomic<quint64> m_fired = 0; // the state the watchdog has finished interrupting
    std::atomic<bool> m_parked = false;
    std::atomic<bool> m_stop = false;
    std::mutex m_mutex; // only to park and wake the watchdog's thread
    std::condition_variable m_wake;
    std::thread m_thread;
    // The owner thread's.
    QDeadlineTimer m_deadline{QDeadlineTimer::Forever};
    quint64 m_nextToken = 1;
    int m_depth = 0;
    Trip m_trip = Trip::None;
};

} // namespace jb
