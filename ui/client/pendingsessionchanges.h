#pragma once

#include "session/sessiontable.h"

#include <QByteArray>
#include <QHash>

namespace Limpet {

/// Session table changes read while the Sessions view is hidden (SessionFeed::Paused), merged
/// so the view gets them as one update when it shows again. Reading on while hidden keeps the
/// reader's place in the table; merging keeps what the view is sent down to what it needs
/// (a session changed ten times comes once; one added then removed not at all).
class PendingSessionChanges
{
public:
    /// Merges `changes` (removals before changes, as a reader applies them). Returns false when
    /// more than `limit` sessions would be pending: the buffer is then emptied, and the reader
    /// must start over from a whole table (cheaper than following a table that changes
    /// wholesale).
    bool add(SessionChanges &&changes, qsizetype limit);
    [[nodiscard]] bool isEmpty() const
    {
        return !m_full && m_sessions.isEmpty() && m_removed.isEmpty();
    }
    /// Everything pending as one update, and empties the buffer.
    [[nodiscard]] SessionChanges take();
    void clear();

private:
    bool m_full = false; ///< m_sessions is the whole table
    QHash<QByteArray, SessionInfo> m_sessions; ///< by pool + '\0' + key
    QHash<QByteArray, SessionKey> m_removed;
};

} // namespace Limpet
