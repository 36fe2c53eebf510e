#pragma once

#include "config/config.h"
#include "control/controller.h"
#include "log/decisionlog.h"
#include "log/eventlog.h"
#include "pool/decision.h"
#include "session/sessiontable.h"
#include "snapshot.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace Limpet {

class Listener;
class Supervisor;
class Worker;
struct Runtime;

/// The proxy engine: a listener and a fixed pool of worker threads, each with its own event
/// loop, plus one control thread for what runs beside the traffic (the admin API, health
/// checks, the once-a-second housekeeping). The Engine object itself lives in the thread that
/// created it (the GUI or main thread) and never touches a socket; the UI reads it through value
/// snapshots and changes it through control() — the same operations the admin API uses.
/// Read and control functions are thread-safe; start() and stop() belong to the owning thread.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    /// Starts the workers, restores the state file (if the config names one), binds the
    /// listener and the admin API (if configured). Returns an error message (and leaves
    /// nothing running) when something cannot start. Blocks only for the binds.
    [[nodiscard]] std::optional<QString> start(const Config &config);
    /// Graceful stop: stops accepting, lets in-flight requests finish for up to `grace`, then
    /// closes what is left, saves the state file and joins the threads. Idempotent.
    void stop(std::chrono::milliseconds grace);
    [[nodiscard]] bool isRunning() const { return m_runtime != nullptr; }

    /// The address actually bound (port resolved when the config said 0).
    [[nodiscard]] Endpoint listenAddress() const;
    /// The admin API's address, when it runs.
    [[nodiscard]] std::optional<Endpoint> adminAddress() const;
    /// The config in force (a copy: a reload replaces it). Any thread.
    [[nodiscard]] Config config() const;
    /// Counters and states, read without stopping the workers. Any thread.
    [[nodiscard]] EngineSnapshot snapshot() const;
    /// A copy of the session table. Any thread.
    [[nodiscard]] QList<SessionInfo> sessions() const;
    /// What changed in the session table since `cursor` (see SessionTable::changes): the whole
    /// table at first or after a restart. Any thread.
    [[nodiscard]] SessionChanges sessionChanges(SessionCursor &cursor) const;
    /// The session table, sharing ownership of the running engine's state: a reader in another
    /// thread may go on using it after the engine stops. Null when the engine is not running.
    [[nodiscard]] std::shared_ptr<const SessionTable> sessionTable() const;
    /// One session, if the table has it. Any thread.
    [[nodiscard]] std::optional<SessionInfo> session(
        const QString &pool, const QByteArray &key) const;
    /// The newest decision records first (at most `limit`), optionally of one affinity key or
    /// one client address. Any thread.
    [[nodiscard]] QList<Decision> decisions(
        int limit, const QByteArray &key = {}, const QString &client = {}) const;
    /// Decisions recorded after the first `seen` (oldest first) and the new count. Any thread.
    /// `filter`: older decisions it matches come too (DecisionLog::since).
    [[nodiscard]] std::pair<QList<Decision>, quint64> decisionsSince(
        quint64 seen, int limit, const DecisionFilter &filter = {}) const;
    /// Events (state, health, backends, sessions, reloads). Any thread.
    [[nodiscard]] QList<EngineEvent> events(int limit) const;
    [[nodiscard]] QList<EngineEvent> eventsSince(quint64 afterId, int limit) const;
    /// A backend of a running pool, or nullptr. Any thread.
    [[nodiscard]] BackendPtr backend(const QString &pool, const QString &name) const;

    /// Operations on backends and sessions. Only while running.
    [[nodiscard]] Controller &control() { return *m_controller; }

    /// Re-reads the config file and applies it (see apply()). Errors: no config file (demo),
    /// or the file's errors as "file:line:col: message" details. Any thread but a worker's.
    OpResult<QStringList> reload();
    /// Applied by reload() to every config it reads: what the command line set over the file
    /// (--listen, --workers, --admin) must outlive a reload. Set before start().
    void setReloadOverrides(std::function<void(Config &)> overrides)
    {
        m_reloadOverrides = std::move(overrides);
    }
    /// Applies a new config without dropping a connection: pools and backends are brought in
    /// line (bindings to backends that still exist are kept; backends added at run time stay),
    /// a changed listener is rebound, timeouts and limits apply to new requests. Returns what
    /// changed. Settings that need a restart are listed as such and left as they are.
    OpResult<QStringList> apply(const Config &next);

    /// Saves session bindings and runtime state changes to the config's state file now.
    [[nodiscard]] std::optional<QString> saveState() const;

private:
    struct ThreadStopper
    {
        void operator()(QThread *t) const
        {
            t->quit();
            t->wait();
            delete t;
        }
    };
    /// Creates a listener on `bind` in worker 0's thread; error message on failure.
    std::optional<QString> bindListener(const Endpoint &bind);
    void stopControlThread();

    std::shared_ptr<Runtime> m_runtime;
    std::unique_ptr<Controller> m_controller;
    std::vector<std::unique_ptr<QThread, ThreadStopper>> m_threads;
    QList<Worker *> m_workers; ///< each lives in its thread; deleted when it finishes
    std::unique_ptr<QThread, ThreadStopper> m_controlThread;
    Supervisor *m_supervisor = nullptr; ///< lives in m_controlThread
    mutable QMutex m_lock; ///< guards the members below, and serializes apply()
    Listener *m_listener = nullptr; ///< lives in the first worker's thread
    Endpoint m_listenAddress;
    std::optional<Endpoint> m_adminAddress;
    qint64 m_startedMs = 0;
    bool m_stateRestored = false; ///< the state file was read (or absent): stop() may write it
    quint64 m_reloads = 0;
    std::function<void(Config &)> m_reloadOverrides; ///< see setReloadOverrides()
};

} // namespace Limpet
