#include "proxy/backendconnectionpool.h"

#include "pool/backend.h"
#include "proxy/proxysocket.h"

namespace Limpet {

namespace {
constexpr int MaxIdlePerBackend = 256;
}

BackendConnectionPool::BackendConnectionPool(std::chrono::milliseconds idleTimeout)
    : m_idleTimeoutMs(idleTimeout.count())
{ }

BackendConnectionPool::~BackendConnectionPool()
{
    closeAll();
}

ProxySocket *BackendConnectionPool::take(const Backend &backend)
{
    auto it = m_idle.find(backend.id());
    if (it == m_idle.end())
        return nullptr;
    while (!it->isEmpty()) {
        ProxySocket *s = it->takeLast().socket;
        if (s->state() == QAbstractSocket::ConnectedState && s->bytesAvailable() == 0)
            return s;
        s->abort(); // closed by the backend, or it sent bytes nobody asked for
        s->deleteLater();
    }
    return nullptr;
}

void BackendConnectionPool::giveBack(const Backend &backend, ProxySocket *socket, qint64 nowMs)
{
    QList<Idle> &list = m_idle[backend.id()];
    if (list.size() >= MaxIdlePerBackend) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    list.append(Idle{socket, nowMs});
}

void BackendConnectionPool::expire(qint64 nowMs)
{
    for (QList<Idle> &list : m_idle) {
        list.removeIf([&](const Idle &idle) {
            const bool old = nowMs - idle.sinceMs > m_idleTimeoutMs
                || idle.socket->state() != QAbstractSocket::ConnectedState;
            if (old) {
                idle.socket->abort();
                idle.socket->deleteLater();
            }
            return old;
        });
    }
}

void BackendConnectionPool::closeAll()
{
    for (QList<Idle> &list : m_idle) {
        for (const Idle &idle : std::as_const(list)) {
            idle.socket->abort();
            idle.socket->deleteLater();
        }
    }
    m_idle.clear();
}

int BackendConnectionPool::idleCount() const
{
    int n = 0;
    for (const QList<Idle> &list : m_idle)
        n += static_cast<int>(list.size());
    return n;
}

} // namespace Limpet
