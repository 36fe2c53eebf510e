#pragma once

#include "client/clusterclient.h"
#include "session/sessiontable.h"

#include <QByteArray>
#include <QHash>

#include <optional>

namespace Limpet {

/// Session table changes read while the Sessions view is hidden (SessionFeed::Paused), merged
/// so the view gets them as one update when it shows again. Reading on while hidden keeps the
/// reader's place in the table; merging keeps what the view is sent down to what it needs
/// (a session changed ten times comes once; one added then removed not at all).
class PendingSessionChanges
{
public:
    /// Changes kept for a hidden view beyond this many sessions are dropped: it gets the whole
    /// table when it shows again (cheaper than following a table that changes wholesale).
    static constexpr qsizetype MaxSessions = 100'000;

    struct Passed
    {
        std::optional<SessionChanges> send; ///< what to send the view now
        /// More than MaxSessions piled up while paused: all was dropped, and the reader must
        /// start over from a whole table.
        bool dropped = false;
    };
    /// What a reader does with what it just read, given its view's feed: while On, send it,
    /// merged with anything kept (nothing when there is nothing); while Paused, keep it.
    [[nodiscard]] Passed pass(SessionChanges &&changes, SessionFeed feed);
    [[nodiscard]] bool isEmpty() const
    {
        return !m_full && m_sessions.isEmpty() && m_removed.isEmpty();
    }
    void clear();

private:
    /// Merges `changes` (removals before changes, as a reader applies them). Returns false, and
    /// empties the buffer, when more than `limit` sessions would be pending.
    bool add(SessionChanges &&changes, qsizetype limit);
    /// Everything pending as one update, and empties the buffer.
    [[nodiscard]] SessionChanges take();

    bool m_full = false; ///< m_sessions is the whole table
    qsizetype m_notSent = 0; ///< m_full: what that whole table left out (SessionChanges)
    QHash<QByteArray, SessionInfo> m_sessions; ///< by pool + '\0' + key
    QHash<QByteArray, SessionKey> m_removed;
};

} // namespace Limpet
