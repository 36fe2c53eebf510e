#include "log/eventlog.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcEvents, "limpet.events", QtInfoMsg)

namespace Limpet {

EventLog::EventLog(int capacity)
    : m_capacity(static_cast<size_t>(qMax(1, capacity)))
{ }

quint64 EventLog::add(EngineEvent event)
{
    event.timeMs = QDateTime::currentMSecsSinceEpoch();
    QString where = event.pool;
    if (!event.backend.isEmpty())
        where += u'/' + event.backend;
    QString change;
    if (!event.from.isEmpty() || !event.to.isEmpty())
        change = event.from + u" -> " + event.to;
    qCInfo(lcEvents).noquote() << event.kind << where << change << event.message;
    QMutexLocker lock(&m_lock);
    event.id = m_nextId++;
    m_ring.push_back(std::move(event));
    if (m_ring.size() > m_capacity)
        m_ring.pop_front();
    return m_ring.back().id;
}

QList<EngineEvent> EventLog::since(quint64 afterId, int limit) const
{
    QMutexLocker lock(&m_lock);
    QList<EngineEvent> out;
    auto it = m_ring.end();
    for (int taken = 0; it != m_ring.begin() && std::prev(it)->id > afterId && taken < limit;
         ++taken)
        --it;
    for (; it != m_ring.end(); ++it)
        out.append(*it);
    return out;
}

QList<EngineEvent> EventLog::recent(int limit) const
{
    QMutexLocker lock(&m_lock);
    QList<EngineEvent> out;
    for (auto it = m_ring.rbegin(); it != m_ring.rend() && out.size() < limit; ++it)
        out.append(*it);
    return out;
}

quint64 EventLog::total() const
{
    QMutexLocker lock(&m_lock);
    return m_nextId - 1;
}

} // namespace Limpet
