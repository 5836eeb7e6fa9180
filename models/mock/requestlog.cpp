#include "requestlog.h"

#include <algorithm>

namespace jb {

RequestLog::RequestLog(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(std::max<qsizetype>(1, capacity))
{
    m_notify.setSingleShot(true);
    m_notify.setInterval(defaultNotifyIntervalMs);
    connect(&m_notify, &QTimer::timeout, this, &RequestLog::entriesAdded);
}

void RequestLog::append(RequestLogEntry entry)
{
    entry.sequence = m_next;
    if (m_ring.size() < m_capacity)
        m_ring.append(std::move(entry));
    else
        m_ring[static_cast<qsizetype>(m_next % static_cast<quint64>(m_capacity))] = std::move(entry);
    ++m_next;
    if (!m_notify.isActive())
        m_notify.start();
}

void RequestLog::clear()
{
    // The ring keeps its slots (so entry n still lives at n % capacity); entries before m_cleared
    // are simply no longer held. Sequences go on, so a listener can tell old entries from new ones.
    m_cleared = m_next;
    m_notify.stop();
    Q_EMIT cleared();
}

quint64 RequestLog::firstSequence() const
{
    const auto held = static_cast<quint64>(m_capacity);
    const quint64 first = m_next > held ? m_next - held : 0;
    return std::max(first, m_cleared);
}

const RequestLogEntry &RequestLog::at(qsizetype index) const
{
    const quint64 sequence = firstSequence() + static_cast<quint64>(index);
    return m_ring.at(static_cast<qsizetype>(sequence % static_cast<quint64>(m_capacity)));
}

QList<RequestLogEntry> RequestLog::entriesSince(quint64 sequence) const
{
    QList<RequestLogEntry> entries;
    const quint64 from = std::max(sequence, firstSequence());
    if (from >= m_next)
        return entries;
    entries.reserve(static_cast<qsizetype>(m_next - from));
    for (quint64 s = from; s < m_next; ++s)
        entries.append(m_ring.at(static_cast<qsizetype>(s % static_cast<quint64>(m_capacity))));
    return entries;
}

} // namespace jb
