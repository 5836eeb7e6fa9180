#pragma once

#include <QSemaphore>

#include <atomic>
#include <chrono>

namespace jb {

// The run's concurrency bound, shared by the pool's probes and the TCP sweep's sockets: a slot is
// taken before a probe (or a sweep connect) starts and given back when it ends, so that at most
// `capacity` of them are ever in flight together. Also counts the most seen at once, for tests and
// the benchmark. Thread-safe.
class ProbeBudget final
{
public:
    explicit ProbeBudget(int capacity);

    void take(); // waits for a slot
    bool tryTake(); // a slot if one is free now
    bool tryTake(std::chrono::milliseconds wait); // a slot if one frees within `wait`
    void give();

    int capacity() const { return m_capacity; }
    int peak() const { return m_peak.load(); }

private:
    void taken();

    const int m_capacity;
    QSemaphore m_free;
    std::atomic_int m_inFlight = 0;
    std::atomic_int m_peak = 0;
};

} // namespace jb
