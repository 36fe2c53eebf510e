#include "client/pendingsessionchanges.h"

#include <limits>
#include <utility>

namespace Limpet {

namespace {

QByteArray idOf(const QString &pool, const QByteArray &key)
{
    return pool.toUtf8() + '\0' + key;
}

} // namespace

PendingSessionChanges::Passed PendingSessionChanges::pass(
    SessionChanges &&changes, SessionFeed feed)
{
    if (feed == SessionFeed::On && isEmpty()) {
        if (changes.isEmpty())
            return {};
        return Passed{std::move(changes), false};
    }
    // Shown again, the view takes whatever is pending, however much.
    const qsizetype limit
        = feed == SessionFeed::Paused ? MaxSessions : std::numeric_limits<qsizetype>::max();
    if (!add(std::move(changes), limit))
        return Passed{std::nullopt, true};
    if (feed == SessionFeed::On)
        return Passed{take(), false};
    return {};
}

bool PendingSessionChanges::add(SessionChanges &&changes, qsizetype limit)
{
    if (changes.full) {
        m_full = true;
        m_notSent = changes.notSent;
        m_sessions.clear();
        m_removed.clear();
    }
    for (const SessionKey &k : std::as_const(changes.removed)) {
        const QByteArray id = idOf(k.pool, k.key);
        m_sessions.remove(id);
        if (!m_full)
            m_removed.insert(id, k);
    }
    for (SessionInfo &s : changes.sessions) {
        const QByteArray id = idOf(s.pool, s.key);
        m_removed.remove(id);
        m_sessions.insert(id, std::move(s));
    }
    if (m_sessions.size() + m_removed.size() <= limit)
        return true;
    clear();
    return false;
}

SessionChanges PendingSessionChanges::take()
{
    return SessionChanges{std::exchange(m_full, false), std::exchange(m_sessions, {}).values(),
        std::exchange(m_removed, {}).values(), std::exchange(m_notSent, 0)};
}

void PendingSessionChanges::clear()
{
    m_full = false;
    m_notSent = 0;
    m_sessions.clear();
    m_removed.clear();
}

} // namespace Limpet
