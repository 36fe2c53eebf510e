#pragma once

#include "pool/decision.h"

#include <QFile>
#include <QHostAddress>
#include <QList>
#include <QMutex>

#include <optional>
#include <vector>

namespace Limpet {

/// The decisions a live reader follows exactly, however few of the others it samples: those of
/// some session keys (as sent or as issued) and/or of one client address.
struct DecisionFilter
{
    QList<QByteArray> keys;
    QHostAddress client; ///< null: none

    [[nodiscard]] bool isEmpty() const { return keys.isEmpty() && client.isNull(); }
    [[nodiscard]] bool matches(const Decision &d) const
    {
        if (!client.isNull() && d.client.isEqual(client, QHostAddress::TolerantConversion))
            return true;
        for (const QByteArray &k : keys) {
            if ((!d.keySeen.isEmpty() && d.keySeen == k) || (!d.key.isEmpty() && d.key == k))
                return true;
        }
        return false;
    }
    /// A followed session that was issued a new key (a re-issued cookie) goes on under it:
    /// adds the new keys of the matching `decisions`, keeping the newest `maxKeys`.
    void follow(const QList<Decision> &decisions, qsizetype maxKeys = 16)
    {
        if (keys.isEmpty())
            return; // a client is followed by address, whatever its keys
        for (const Decision &d : decisions) {
            if (!d.key.isEmpty() && !keys.contains(d.key) && matches(d)) {
                keys.append(d.key);
                if (keys.size() > maxKeys)
                    keys.removeFirst();
            }
        }
    }
};

/// Where decision records go: a bounded in-memory ring (newest kept; read by the tracing view
/// and the API), an optional access log file (Apache combined format plus backend, affinity key
/// and reason code, as the mod_rewrite recipe's CustomLog), and debug lines in category
/// `limpet.affinity` that read like mod_proxy_balancer's (enable with
/// QT_LOGGING_RULES="limpet.affinity.debug=true").
/// Thread-safe: record() takes the ring lock for one copy; the file lock for one write.
class DecisionLog final
{
public:
    explicit DecisionLog(int capacity);
    Q_DISABLE_COPY_MOVE(DecisionLog)

    /// Opens (appends to) the access log. Returns an error message when it cannot.
    [[nodiscard]] std::optional<QString> openAccessLog(const QString &path);
    [[nodiscard]] bool hasAccessLog() const { return m_file.isOpen(); }

    /// Extra request facts the access log needs (only gathered when it is open).
    struct RequestFacts
    {
        QByteArray requestLine; ///< "GET /x HTTP/1.1"
        QByteArray referer;
        QByteArray userAgent;
    };
    /// Records a finished request.
    void record(Decision decision, const RequestFacts &facts);
    /// The newest records first, at most `limit`, optionally only one session key or client.
    [[nodiscard]] QList<Decision> recent(
        int limit, const QByteArray &key = {}, const QString &client = {}) const;
    [[nodiscard]] quint64 total() const;
    /// Records made after the first `seen` ones (oldest first; at most `limit`, the newest of
    /// them when more are waiting, plus every older one `filter` matches), and the new total to
    /// pass next time. For live streams: a sample under load, exact for what they follow.
    [[nodiscard]] std::pair<QList<Decision>, quint64> since(
        quint64 seen, int limit, const DecisionFilter &filter = {}) const;

    /// One access log line (no newline), for tests and the file.
    [[nodiscard]] static QByteArray accessLine(const Decision &d, const RequestFacts &facts);

private:
    mutable QMutex m_lock;
    std::vector<Decision> m_ring; ///< guarded by m_lock
    size_t m_next = 0; ///< guarded by m_lock
    quint64 m_total = 0; ///< guarded by m_lock
    const size_t m_capacity;
    QMutex m_fileLock;
    QFile m_file; ///< guarded by m_fileLock
};

} // namespace Limpet
