#pragma once

#include "affinity/affinitymode.h"

#include <QHash>
#include <QMutex>

#include <list>

namespace Limpet {

/// Mode `learn` (nginx `sticky learn`, HAProxy `stick store-response`): Limpet watches the
/// application's session cookie (`PHPSESSID`) that backends set and remembers which backend set
/// each value; a request carrying a remembered value goes back there. Nothing the client sees
/// changes. The table is bounded (learnMaxEntries, least recently used dropped first) and
/// forgets values unused for learnIdleSeconds; it lives in memory, so a restart forgets it.
/// Thread-safe: the table is guarded by its own mutex, held for one table operation at a time.
class LearnAffinity final : public AffinityMode
{
public:
    explicit LearnAffinity(const StickyConfig &config);

    [[nodiscard]] QString name() const override;
    /// Reads the cookie `cookie`:
    /// - a value the table knows (and has not expired): route = its backend's route, keySeen =
    ///   the value, reason learned-hit; its last use is refreshed;
    /// - a value it does not know: keySeen = the value, learned-absent;
    /// - no cookie: learned-absent, empty keySeen.
    /// The request is forwarded unchanged. Takes the table's lock.
    [[nodiscard]] AffinityLookup lookup(AffinityRequest &request) const override;
    /// Always empty: the affinity key is the application's cookie.
    [[nodiscard]] QByteArray newKey(const Backend &backend, qint64 nowMs) const override;
    /// Learns from the response of the decision's backend:
    /// - each `Set-Cookie: <cookie>=<value>` with a value binds value → that backend;
    /// - a delete cookie (empty value) forgets the value the request carried (logout);
    /// - no Set-Cookie of that name while the request carried a value not bound to this backend
    ///   (unknown, forgotten, or its backend gone and the request redispatched) binds that value
    ///   here, so the session's next requests stay where it now is.
    /// Changes nothing in the response; returns empty. Takes the table's lock.
    QByteArray onResponse(AffinityResponse &response) override;
    /// The bindings of a previous learn mode on the same cookie, most recently used first, as
    /// many as this table holds (its own bound and idle limit apply). Another cookie: none.
    void carryOver(const AffinityMode &previous) override;

    /// Bindings held now (expired ones are dropped lazily). Any thread.
    [[nodiscard]] int size() const;

private:
    struct Binding
    {
        QByteArray route;
        qint64 lastUseMs = 0;
        std::list<QByteArray>::iterator use; ///< position in m_byUse
    };

    /// Drops bindings idle for longer than the limit. m_lock must be held.
    void expireLocked(qint64 nowMs) const;
    /// Marks a binding used now (moves it to the front of m_byUse). m_lock must be held.
    void touchLocked(Binding &binding, qint64 nowMs) const;
    /// Binds value → route, dropping the least recently used binding when full. m_lock held.
    void learnLocked(const QByteArray &value, const QByteArray &route, qint64 nowMs);
    /// Adds a binding the table does not hold, as the most recently used, dropping the least
    /// recently used one when full. m_lock must be held.
    void insertLocked(const QByteArray &value, const QByteArray &route, qint64 lastUseMs);
    /// Forgets a value. m_lock must be held.
    void forgetLocked(const QByteArray &value) const;

    const QByteArray m_cookie;
    const qsizetype m_maxEntries;
    const qint64 m_idleMs;

    mutable QMutex m_lock;
    /// value → binding; guarded by m_lock. lookup() is const but refreshes and expires entries.
    mutable QHash<QByteArray, Binding> m_bindings;
    /// values, most recently used first; guarded by m_lock.
    mutable std::list<QByteArray> m_byUse;
};

} // namespace Limpet
