#include "proxy/listener.h"

#include "proxy/worker.h"

#include <QThread>

namespace Limpet {

Listener::Listener(QList<Worker *> workers, QObject *parent)
    : QTcpServer(parent)
    , m_workers(std::move(workers))
{ }

void Listener::incomingConnection(qintptr descriptor)
{
    Worker *worker = m_workers.at(m_next);
    m_next = (m_next + 1) % m_workers.size();
    if (worker->thread() == QThread::currentThread()) {
        worker->acceptConnection(descriptor);
        return;
    }
    // The worker lives in another thread: the descriptor crosses by a queued call, and the
    // worker wraps it in a socket there.
    QMetaObject::invokeMethod(
        worker, [worker, descriptor] { worker->acceptConnection(descriptor); },
        Qt::QueuedConnection);
}

} // namespace Limpet
