#pragma once

#include "config/config.h"
#include "pool/decision.h"
#include "session/sessiontable.h"
#include "snapshot.h"

#include <QString>

#include <memory>
#include <optional>
#include <variant>

namespace Limpet {

struct Runtime;

/// Why an operation was refused, as a value. `kind` maps to the API's status.
struct OpError
{
    enum class Kind {
        Invalid, ///< 400: a bad value
        NotFound, ///< 404: unknown pool, backend or session
        Conflict ///< 409: clashes with what is there (a name taken, ...)
    };
    Kind kind = Kind::Invalid;
    QString message;
    QStringList details; ///< e.g. one "file:line:col: message" per config error
};

template <typename T>
using OpResult = std::variant<T, OpError>;

/// What to decide in a dry run (POST /api/v1/inspect).
struct InspectRequest
{
    QByteArray method = "GET";
    QByteArray host;
    QByteArray path = "/";
    QByteArray cookie; ///< the Cookie header's value, without "Cookie:"
    QList<std::pair<QByteArray, QByteArray>> headers; ///< more request headers
    QHostAddress client{QHostAddress::LocalHost};
};

struct InspectResult
{
    Decision decision; ///< what would happen now (backend null for a new session: see candidates)
    std::optional<SessionInfo> session; ///< the session table's entry for its key, if any
    QString summary; ///< one sentence, for people
};

/// The operations an operator has on a running engine: backend state, weight, max_conn, add and
/// remove; forget, pin and rebind sessions; dry runs. Each one is applied at once to the shared
/// pools and session table (atomics and short locks), recorded as an event, and never blocks a
/// worker. Thread-safe: the admin API (control thread) and the GUI (its thread) both call it.
class Controller final
{
public:
    explicit Controller(std::shared_ptr<Runtime> runtime);
    Q_DISABLE_COPY_MOVE(Controller)

    OpResult<BackendSnapshot> setState(
        const QString &pool, const QString &backend, BackendState state);
    OpResult<BackendSnapshot> setWeight(const QString &pool, const QString &backend, int weight);
    OpResult<BackendSnapshot> setMaxConn(const QString &pool, const QString &backend, int maxConn);
    OpResult<BackendSnapshot> addBackend(const QString &pool, const BackendConfig &config);
    /// force: out of the pool at once (in-flight requests complete). Otherwise it drains and
    /// leaves when no session is bound to it and no request is in flight (see tick()).
    /// Returns whether it is gone already.
    OpResult<bool> removeBackend(const QString &pool, const QString &backend, bool force);

    OpResult<bool> forgetSession(const QString &pool, const QByteArray &key);
    /// ttl: a pin for that long; none: a rebind (for good).
    OpResult<SessionInfo> pinSession(const QString &pool, const QByteArray &key,
        const QString &backend, std::optional<qint64> ttlSeconds);

    OpResult<InspectResult> inspect(const InspectRequest &request) const;

    /// Once a second, from the control thread: drain leave rates, pending removals.
    void tick(qint64 nowMs);

    /// Value snapshot of one backend (with its pool's name).
    [[nodiscard]] static BackendSnapshot snapshotOf(const QString &pool, const Backend &b);

private:
    struct Found
    {
        std::shared_ptr<class Pool> pool;
        std::shared_ptr<Backend> backend;
    };
    OpResult<Found> find(const QString &pool, const QString &backend) const;
    void event(const QString &kind, const QString &pool, const QString &backend,
        const QString &from, const QString &to, const QString &message = {}) const;

    std::shared_ptr<Runtime> m_runtime;
    QMutex m_lock; ///< one operation at a time (they read, then change)
    QHash<quint32, int> m_lastSessions; ///< backend id → bound sessions at the last tick
};

} // namespace Limpet
