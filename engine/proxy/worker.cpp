#include "proxy/worker.h"

#include "proxy/clientconnection.h"

#include <QDateTime>
#include <QTimerEvent>

namespace Limpet {

Worker::Worker(std::shared_ptr<Runtime> runtime, int index)
    : m_runtime(std::move(runtime))
    , m_index(index)
    , m_sweeper(new DeadlineSweeper(this))
    , m_backendPool(m_runtime->routing()->config.timeouts.keepalive)
{ }

Worker::~Worker()
{
    // Connections still open here are abandoned mid-await; their coroutine frames go with the
    // thread. Close their sockets so peers see the end.
    abortAll();
}

void Worker::init()
{
    m_housekeepingTimer = startTimer(std::chrono::seconds(1));
}

void Worker::acceptConnection(qintptr descriptor)
{
    auto *connection = new ClientConnection(this, descriptor);
    m_connections.insert(connection);
    m_runtime->connectionsAccepted.fetch_add(1, std::memory_order_relaxed);
    m_runtime->connectionsOpen.fetch_add(1, std::memory_order_relaxed);
    connection->start();
}

void Worker::connectionClosed(ClientConnection *connection)
{
    m_connections.remove(connection);
    m_runtime->connectionsOpen.fetch_sub(1, std::memory_order_relaxed);
    if (stopping() && m_connections.isEmpty())
        Q_EMIT idle();
}

void Worker::beginShutdown()
{
    m_backendPool.closeAll();
    const QSet<ClientConnection *> all = m_connections;
    for (ClientConnection *c : all) {
        if (m_connections.contains(c))
            c->closeIfIdle();
    }
    if (m_connections.isEmpty())
        Q_EMIT idle();
}

void Worker::abortAll()
{
    const QSet<ClientConnection *> all = m_connections;
    for (ClientConnection *c : all)
        c->abortSocket();
    m_backendPool.closeAll();
}

void Worker::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_housekeepingTimer)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_backendPool.expire(now);
    // (The shared session table is swept by the engine's control thread.)
}

} // namespace Limpet
