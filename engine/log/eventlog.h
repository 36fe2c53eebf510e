#pragma once

#include <QList>
#include <QMutex>
#include <QString>

#include <deque>

namespace Limpet {

/// Something that changed in the cluster: a backend's state, weight or health, a backend added
/// or removed, a session pinned or forgotten, a reload. Values; safe to copy across threads.
struct EngineEvent
{
    quint64 id = 0; ///< 1, 2, ... in the order they happened
    qint64 timeMs = 0; ///< ms since the epoch
    QString kind; ///< state, weight, health, backend-added, ... (engine/admin/API.md)
    QString pool;
    QString backend;
    QString from;
    QString to;
    QString message;
};

/// The engine's events: logged (category `limpet.events`), counted, and kept in a bounded ring
/// that the API's event stream, `GET /api/v1/events/recent` and the GUI's log view read.
/// Thread-safe.
class EventLog final
{
public:
    explicit EventLog(int capacity = 2000);
    Q_DISABLE_COPY_MOVE(EventLog)

    /// Records an event (its id and time are set here) and logs it. Returns its id.
    quint64 add(EngineEvent event);
    /// Events with an id above `afterId`, oldest first, at most `limit` (the newest of them).
    [[nodiscard]] QList<EngineEvent> since(quint64 afterId, int limit) const;
    /// The newest `limit` events, newest first.
    [[nodiscard]] QList<EngineEvent> recent(int limit) const;
    [[nodiscard]] quint64 total() const;

private:
    mutable QMutex m_lock;
    std::deque<EngineEvent> m_ring; ///< guarded by m_lock
    quint64 m_nextId = 1; ///< guarded by m_lock
    const size_t m_capacity;
};

} // namespace Limpet
