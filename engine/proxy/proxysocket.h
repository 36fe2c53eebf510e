#pragma once

#include <QPointer>
#include <QSet>
#include <QTcpSocket>

#include <chrono>
#include <coroutine>

namespace Limpet {

class DeadlineSweeper;

/// A QTcpSocket a connection coroutine can co_await on: readable, writable (its write buffer
/// below the low-water mark), or connected — each with a timeout.
///
/// Why not QCoro's waitForReadyRead(): that builds a helper QObject, its signal connections and
/// a QTimer on every wait, several times per proxied request. Here the signal connections are
/// made once per socket and timeouts are deadlines checked by the worker's DeadlineSweeper, so a
/// wait costs no allocation and an idle connection owns no timer. Coroutines stay QCoro::Task.
///
/// One reader and one writer may wait at the same time (a tunnel reads one way while it writes
/// the other). Lives in, and is only touched from, the thread of its worker.
class ProxySocket final : public QTcpSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProxySocket)

public:
    /// What a wait ended with.
    enum class Wake {
        Ready, ///< the condition holds
        Timeout, ///< the deadline passed first
        Closed ///< the connection is gone (and, for reads, nothing is left to read)
    };
    enum class Condition {
        Readable, ///< bytes to read, or the peer closed
        Writable, ///< write buffer at or below WriteLowWater
        Flushed, ///< write buffer empty
        Connected ///< connectToHost() finished, either way
    };

    static constexpr qint64 ReadBufferSize = 256 * 1024;
    static constexpr qint64 WriteHighWater = 256 * 1024;
    static constexpr qint64 WriteLowWater = 64 * 1024;

    explicit ProxySocket(DeadlineSweeper *sweeper, QObject *parent = nullptr);
    ~ProxySocket() override;

    class Awaiter
    {
    public:
        Awaiter(ProxySocket *socket, Condition condition, std::chrono::milliseconds timeout)
            : m_socket(socket)
            , m_condition(condition)
            , m_timeout(timeout)
        { }
        bool await_ready() const { return m_socket->readyNow(m_condition); }
        void await_suspend(std::coroutine_handle<> handle)
        {
            m_socket->suspend(m_condition, handle, m_timeout);
        }
        Wake await_resume() const { return m_socket->wakeResult(m_condition); }

    private:
        ProxySocket *m_socket;
        Condition m_condition;
        std::chrono::milliseconds m_timeout;
    };

    /// co_await waitFor(Readable, 5s): Ready when bytes are available (even after a close),
    /// Closed when the peer closed and nothing is left, Timeout after `timeout`.
    /// A negative timeout never expires.
    [[nodiscard]] Awaiter waitFor(Condition c, std::chrono::milliseconds timeout)
    {
        return Awaiter(this, c, timeout);
    }

    /// Sends `data` now with one send(2) when nothing is queued, and queues in Qt's write buffer
    /// only what the kernel did not take. Keeps byte order with earlier writes.
    /// Why: QIODevice::write() copies every write into a 16 KiB buffer chunk that the socket then
    /// keeps for its whole life, and sends it only on the next event-loop pass.
    void send(QByteArrayView data);

    /// Everything readable now, in an array of exactly that size.
    [[nodiscard]] QByteArray takeAll();

    /// Called by the sweeper: wakes waiters whose deadline passed.
    void expireDeadlines(qint64 nowMs);
    [[nodiscard]] bool hasDeadline() const { return m_read.deadline || m_write.deadline; }
    [[nodiscard]] bool isDue(qint64 nowMs) const
    {
        return (m_read.deadline && nowMs >= m_read.deadline)
            || (m_write.deadline && nowMs >= m_write.deadline);
    }

private:
    struct Slot
    {
        std::coroutine_handle<> handle;
        qint64 deadline = 0; ///< ms since epoch; 0 = none
        Wake result = Wake::Ready;
        Condition condition = Condition::Readable;
    };

    [[nodiscard]] bool holds(Condition c) const;
    /// holds(), and when it does, forgets the result of the previous wait of that direction.
    bool readyNow(Condition c);
    [[nodiscard]] bool isClosed() const;
    [[nodiscard]] Wake wakeResult(Condition c) const;
    void suspend(Condition c, std::coroutine_handle<> handle, std::chrono::milliseconds timeout);
    void onActivity();
    Slot &slotFor(Condition c) { return c == Condition::Readable ? m_read : m_write; }
    const Slot &slotFor(Condition c) const { return c == Condition::Readable ? m_read : m_write; }
    static void resume(Slot &slot, Wake result);

    QPointer<DeadlineSweeper> m_sweeper; ///< the worker's; may go first at thread end
    Slot m_read;
    Slot m_write;
};

/// Checks the deadlines of a worker's waiting sockets a few times a second, so timeouts need no
/// timer of their own. Precision is the sweep interval (50 ms). Lives in the worker's thread.
class DeadlineSweeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeadlineSweeper)

public:
    explicit DeadlineSweeper(QObject *parent = nullptr);
    void watch(ProxySocket *socket);
    void unwatch(ProxySocket *socket);

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    QSet<ProxySocket *> m_sockets; ///< sockets waiting with a deadline
    int m_timerId = 0;
};

} // namespace Limpet
