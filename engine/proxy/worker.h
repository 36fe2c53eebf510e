#pragma once

#include "proxy/backendconnectionpool.h"
#include "proxy/proxysocket.h"
#include "proxy/runtime.h"

#include <QObject>
#include <QSet>

#include <memory>

namespace Limpet {

class ClientConnection;

/// One worker thread's share of the proxy: it serves the client connections handed to it (one
/// coroutine each) and keeps its own pool of idle backend connections.
/// Lives in its own thread; every member function is called from that thread only.
class Worker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker(std::shared_ptr<Runtime> runtime, int index);
    ~Worker() override;

    /// Starts housekeeping. Call once, in the worker's thread.
    void init();
    /// Takes over an accepted socket descriptor and serves it until it closes.
    void acceptConnection(qintptr descriptor);
    /// Graceful shutdown: idle client connections close now, busy ones after their response.
    /// idle() is emitted when the last one is gone.
    void beginShutdown();
    /// Closes every connection at once (end of the shutdown grace period).
    void abortAll();

    [[nodiscard]] Runtime &runtime() { return *m_runtime; }
    /// The routing in force (this thread's cached copy, refreshed after a reload). The
    /// reference stays valid until the next call; hold a copy across suspensions.
    [[nodiscard]] const RoutingPtr &routing()
    {
        const quint64 g = m_runtime->generation.load(std::memory_order_acquire);
        if (g != m_generation || !m_routing) {
            m_routing = m_runtime->routing();
            m_generation = g;
        }
        return m_routing;
    }
    [[nodiscard]] DeadlineSweeper *sweeper() { return m_sweeper; }
    [[nodiscard]] BackendConnectionPool &backendPool() { return m_backendPool; }
    [[nodiscard]] bool stopping() const { return m_runtime->stopping.load(); }
    [[nodiscard]] int index() const { return m_index; }

    void connectionClosed(ClientConnection *connection);

Q_SIGNALS:
    void idle();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    std::shared_ptr<Runtime> m_runtime;
    RoutingPtr m_routing;
    quint64 m_generation = 0;
    const int m_index;
    DeadlineSweeper *m_sweeper;
    BackendConnectionPool m_backendPool;
    QSet<ClientConnection *> m_connections;
    int m_housekeepingTimer = 0;
};

} // namespace Limpet
