#include "scriptwatchdog.h"

#include <QJSEngine>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace jb {

namespace {

constexpr int parkAfterMs = 1000;

} // namespace

ScriptWatchdog::ScriptWatchdog()
    : ScriptWatchdog(Limits{})
{ }

ScriptWatchdog::ScriptWatchdog(Limits limits)
    : m_limits(limits)
    , m_thread([this] { watch(); })
{ }

ScriptWatchdog::~ScriptWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

ScriptWatchdog::Trip ScriptWatchdog::takeTrip()
{
    return std::exchange(m_trip, Trip::None);
}

QString ScriptWatchdog::describe(Trip trip, const Limits &limits)
{
    switch (trip) {
    case Trip::None:
        break;
    case Trip::Deadline:
        return u"the script was interrupted: it ran past the deadline"_s;
    case Trip::Memory:
        return u"the script was interrupted: it grew the memory by more than %1 MiB"_s.arg(
            limits.memoryBytes >> 20);
    }
    return {};
}

qint64 ScriptWatchdog::residentBytes()
{
    // statm's second field is the resident set in pages: one small read, no parsing of status.
    // Plain POSIX: the watchdog's thread is not a Qt thread, and a QFile would be a QObject on it.
    const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buffer[128];
    const ssize_t read = ::read(fd, buffer, sizeof(buffer) - 1);
    ::close(fd);
    if (read <= 0)
        return 0;
    buffer[read] = 0;
    const char *space = static_cast<const char *>(memchr(buffer, ' ', size_t(read)));
    if (!space)
        return 0;
    static const qint64 pageSize = sysconf(_SC_PAGESIZE);
    return qint64(strtoll(space + 1, nullptr, 10)) * pageSize;
}

bool ScriptWatchdog::arm(QJSEngine &engine)
{
    if (m_depth++ > 0)
        return false; // nested: the outer guard watches
    m_engine.store(&engine, std::memory_order_relaxed);
    m_deadlineMs.store(m_deadline.deadline(), std::memory_order_relaxed);
    // seq_cst, with the park below: either the watchdog sees this evaluation or we see it parked
    m_state.store(2 * m_nextToken++);
    if (m_parked.load()) {
        std::lock_guard lock(m_mutex);
        m_wake.notify_one();
    }
    return true;
}

ScriptWatchdog::Trip ScriptWatchdog::disarm()
{
    --m_depth;
    const quint64 state = m_state.exchange(0);
    if ((state & 1) == 0)
        return Trip::None;
    // the watchdog took this evaluation: wait until its setInterrupted(true) is done (a few
    // instructions), or clearing it now would let it land on the next evaluation
    while (m_fired.load(std::memory_order_acquire) != state)
        std::this_thread::yield();
    QJSEngine *engine = m_engine.load(std::memory_order_relaxed);
    engine->setInterrupted(false);
    m_trip = Trip(m_reason.load(std::memory_order_relaxed));
    return m_trip;
}

void ScriptWatchdog::watch()
{
    quint64 seen = 0;
    qint64 baseline = 0;
    qint64 idleMs = 0;
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        const quint64 state = m_state.load();
        if (state == 0 || (state & 1) != 0) {
            idleMs += m_limits.pollMs;
            if (idleMs >= parkAfterMs) {
                m_parked = true;
                m_wake.wait(lock, [this] { return m_stop || m_state.load() != 0; });
                m_parked = false;
                idleMs = 0;
            } else {
                m_wake.wait_for(
                    lock, std::chrono::milliseconds(m_limits.pollMs), [this] { return bool(m_stop); });
            }
            continue;
        }
        idleMs = 0;
        const bool bounded = m_limits.memoryBytes > 0;
        const qint64 resident = bounded ? residentBytes() : 0;
        if (state != seen) {
            // first look at this evaluation: what it grows is measured from here (what it took
            // in the poll before is not counted)
            seen = state;
            baseline = resident;
        }
        Trip reason = Trip::None;
        if (QDeadlineTimer::current().deadline() >= m_deadlineMs.load(std::memory_order_relaxed))
            reason = Trip::Deadline;
        else if (bounded && resident - baseline > m_limits.memoryBytes)
            reason = Trip::Memory;
        quint64 expected = state;
        // fails when the evaluation ended meanwhile: then there is nothing to interrupt
        if (reason != Trip::None && m_state.compare_exchange_strong(expected, state | 1)) {
            m_reason.store(int(reason), std::memory_order_relaxed);
            m_engine.load(std::memory_order_relaxed)->setInterrupted(true);
            m_fired.store(state | 1, std::memory_order_release);
        }
        m_wake.wait_for(lock, std::chrono::milliseconds(m_limits.pollMs), [this] { return bool(m_stop); });
    }
}

ScriptWatchdog::Guard::Guard(ScriptWatchdog *watchdog, QJSEngine &engine)
    : m_watchdog(watchdog)
{
    if (m_watchdog)
        m_armed = m_watchdog->arm(engine);
}

ScriptWatchdog::Trip ScriptWatchdog::Guard::end()
{
    if (!m_watchdog)
        return Trip::None;
    if (m_ended)
        return m_trip;
    m_ended = true;
    if (m_armed)
        m_trip = m_watchdog->disarm();
    else
        --m_watchdog->m_depth;
    return m_trip;
}

} // namespace jb
