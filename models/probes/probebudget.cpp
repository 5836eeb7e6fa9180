#include "probebudget.h"

#include <algorithm>

namespace jb {

ProbeBudget::ProbeBudget(int capacity)
    : m_capacity(std::max(1, capacity))
    , m_free(m_capacity)
{ }

void ProbeBudget::take()
{
    m_free.acquire();
    taken();
}

bool ProbeBudget::tryTake()
{
    if (!m_free.tryAcquire())
        return false;
    taken();
    return true;
}

bool ProbeBudget::tryTake(std::chrono::milliseconds wait)
{
    if (!m_free.tryAcquire(1, int(wait.count())))
        return false;
    taken();
    return true;
}

void ProbeBudget::give()
{
    --m_inFlight;
    m_free.release();
}

void ProbeBudget::taken()
{
    const int now = ++m_inFlight;
    int seen = m_peak.load();
    while (now > seen && !m_peak.compare_exchange_weak(seen, now)) { }
}

} // namespace jb
