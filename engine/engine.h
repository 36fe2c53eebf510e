#pragma once

#include "config/config.h"
#include "pool/decision.h"
#include "session/sessiontable.h"
#include "snapshot.h"

#include <QObject>
#include <QThread>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace Limpet {

class Listener;
class Worker;
struct Runtime;

/// The proxy engine: a listener and a fixed pool of worker threads, each with its own event
/// loop. The Engine object itself lives in the thread that created it (the GUI or main thread)
/// and never touches a socket; the UI reads it through value snapshots.
class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    /// Starts the workers and binds the listener. Returns an error message (and leaves nothing
    /// running) when the listener cannot bind. Blocks only for the bind itself.
    [[nodiscard]] std::optional<QString> start(const Config &config);
    /// Graceful stop: stops accepting, lets in-flight requests finish for up to `grace`, then
    /// closes what is left and joins the threads. Idempotent.
    void stop(std::chrono::milliseconds grace);
    [[nodiscard]] bool isRunning() const { return m_runtime != nullptr; }

    /// The address actually bound (port resolved when the config said 0).
    [[nodiscard]] Endpoint listenAddress() const { return m_listenAddress; }
    [[nodiscard]] const Config &config() const;
    /// Counters and states, read without stopping the workers. Any thread.
    [[nodiscard]] EngineSnapshot snapshot() const;
    /// A copy of the session table. Any thread.
    [[nodiscard]] QList<SessionInfo> sessions() const;
    /// The newest decision records first (at most `limit`), optionally of one affinity key or
    /// one client address. Any thread.
    [[nodiscard]] QList<Decision> decisions(
        int limit, const QByteArray &key = {}, const QString &client = {}) const;
    /// A backend of a running pool, to change its state or weight (atomics: any thread), or
    /// nullptr. The live API of a later release goes through here.
    [[nodiscard]] BackendPtr backend(const QString &pool, const QString &name) const;

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

    std::shared_ptr<Runtime> m_runtime;
    std::vector<std::unique_ptr<QThread, ThreadStopper>> m_threads;
    QList<Worker *> m_workers; ///< each lives in its thread; deleted when it finishes
    Listener *m_listener = nullptr; ///< lives in the first worker's thread
    Endpoint m_listenAddress;
};

} // namespace Limpet
