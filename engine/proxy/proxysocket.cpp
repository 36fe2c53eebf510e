#include "proxy/proxysocket.h"

#include <QDateTime>

#include <QPointer>
#include <QTimerEvent>
#include <sys/socket.h>

namespace Limpet {

ProxySocket::ProxySocket(DeadlineSweeper *sweeper, QObject *parent)
    : QTcpSocket(parent)
    , m_sweeper(sweeper)
{
    setReadBufferSize(ReadBufferSize);
    // Direct connections: the socket and its coroutine live in this thread.
    connect(this, &QIODevice::readyRead, this, &ProxySocket::onActivity);
    connect(this, &QIODevice::bytesWritten, this, &ProxySocket::onActivity);
    connect(this, &QAbstractSocket::connected, this, &ProxySocket::onActivity);
    connect(this, &QAbstractSocket::disconnected, this, &ProxySocket::onActivity);
    connect(this, &QAbstractSocket::errorOccurred, this, &ProxySocket::onActivity);
}

ProxySocket::~ProxySocket()
{
    if (m_sweeper)
        m_sweeper->unwatch(this);
}

bool ProxySocket::isClosed() const
{
    return state() != QAbstractSocket::ConnectedState;
}

bool ProxySocket::holds(Condition c) const
{
    switch (c) {
    case Condition::Readable:
        return bytesAvailable() > 0 || isClosed();
    case Condition::Writable:
        return bytesToWrite() <= WriteLowWater || isClosed();
    case Condition::Flushed:
        return bytesToWrite() == 0 || isClosed();
    case Condition::Connected:
        return state() == ConnectedState || state() == UnconnectedState;
    }
    return true;
}

bool ProxySocket::readyNow(Condition c)
{
    if (!holds(c))
        return false;
    slotFor(c).result = Wake::Ready;
    return true;
}

ProxySocket::Wake ProxySocket::wakeResult(Condition c) const
{
    const Slot &slot = slotFor(c);
    if (slot.result == Wake::Timeout)
        return Wake::Timeout;
    switch (c) {
    case Condition::Readable:
        return bytesAvailable() > 0 ? Wake::Ready : Wake::Closed;
    case Condition::Writable:
    case Condition::Flushed:
        return isClosed() ? Wake::Closed : Wake::Ready;
    case Condition::Connected:
        return state() == ConnectedState ? Wake::Ready : Wake::Closed;
    }
    return Wake::Closed;
}

void ProxySocket::suspend(
    Condition c, std::coroutine_handle<> handle, std::chrono::milliseconds timeout)
{
    Slot &slot = slotFor(c);
    Q_ASSERT(!slot.handle); // one waiter per direction
    slot.handle = handle;
    slot.condition = c;
    slot.result = Wake::Ready;
    slot.deadline = timeout.count() >= 0
        ? QDateTime::currentMSecsSinceEpoch() + qMax<qint64>(1, timeout.count())
        : 0;
    if (slot.deadline && m_sweeper)
        m_sweeper->watch(this);
}

void ProxySocket::resume(Slot &slot, Wake result)
{
    std::coroutine_handle<> h = std::exchange(slot.handle, {});
    slot.deadline = 0;
    slot.result = result;
    h.resume();
}

void ProxySocket::onActivity()
{
    // Resuming may run the coroutine to its end and schedule this socket's deletion
    // (deleteLater only), so nothing here touches members after a resume it does not need.
    if (m_read.handle && holds(m_read.condition))
        resume(m_read, Wake::Ready);
    if (m_write.handle && holds(m_write.condition))
        resume(m_write, Wake::Ready);
    if (m_sweeper && !hasDeadline())
        m_sweeper->unwatch(this);
}

void ProxySocket::send(QByteArrayView data)
{
    if (data.isEmpty() || state() != ConnectedState)
        return;
    qsizetype sent = 0;
    if (bytesToWrite() == 0) {
        const ssize_t n = ::send(static_cast<int>(socketDescriptor()), data.data(),
            static_cast<size_t>(data.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        // On EAGAIN the rest is queued; on a hard error Qt's own write finds and reports it.
        sent = n > 0 ? n : 0;
    }
    if (sent < data.size())
        write(data.data() + sent, data.size() - sent);
}

QByteArray ProxySocket::takeAll()
{
    const qint64 available = bytesAvailable();
    if (available <= 0)
        return {};
    QByteArray out(available, Qt::Uninitialized);
    const qint64 got = read(out.data(), available);
    out.resize(qMax<qint64>(0, got));
    return out;
}

void ProxySocket::expireDeadlines(qint64 nowMs)
{
    if (m_read.handle && m_read.deadline && nowMs >= m_read.deadline)
        resume(m_read, Wake::Timeout);
    if (m_write.handle && m_write.deadline && nowMs >= m_write.deadline)
        resume(m_write, Wake::Timeout);
}

DeadlineSweeper::DeadlineSweeper(QObject *parent)
    : QObject(parent)
{ }

void DeadlineSweeper::watch(ProxySocket *socket)
{
    m_sockets.insert(socket);
    if (!m_timerId)
        m_timerId = startTimer(std::chrono::milliseconds(50));
}

void DeadlineSweeper::unwatch(ProxySocket *socket)
{
    m_sockets.remove(socket);
}

void DeadlineSweeper::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timerId)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Collect first: expiring resumes coroutines, which may add, remove or delete sockets.
    QList<QPointer<ProxySocket>> due;
    for (auto it = m_sockets.begin(); it != m_sockets.end();) {
        ProxySocket *s = *it;
        if (!s->hasDeadline()) {
            it = m_sockets.erase(it);
            continue;
        }
        if (s->isDue(now))
            due.append(s);
        ++it;
    }
    for (const QPointer<ProxySocket> &s : std::as_const(due)) {
        if (s)
            s->expireDeadlines(now);
    }
    if (m_sockets.isEmpty()) {
        killTimer(m_timerId);
        m_timerId = 0;
    }
}

} // namespace Limpet
