#include "pool/backend.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Limpet {

QString toString(BackendState state)
{
    switch (state) {
    case BackendState::Ready:
        return u"ready"_s;
    case BackendState::Drain:
        return u"drain"_s;
    case BackendState::Maint:
        return u"maint"_s;
    case BackendState::Standby:
        return u"standby"_s;
    }
    return {};
}

QString toString(Health health)
{
    return health == Health::Up ? u"up"_s : u"down"_s;
}

std::optional<BackendState> backendStateFromString(QStringView text)
{
    for (BackendState s :
        {BackendState::Ready, BackendState::Drain, BackendState::Maint, BackendState::Standby}) {
        if (text == toString(s))
            return s;
    }
    return std::nullopt;
}

void Backend::setState(BackendState s, qint64 nowMs)
{
    const BackendState was = m_state.exchange(s, std::memory_order_relaxed);
    if (was == s)
        return;
    m_stateSince.store(nowMs, std::memory_order_relaxed);
    // Back from maintenance: traffic ramps up again (slow_start).
    if (was == BackendState::Maint)
        m_upSince.store(nowMs, std::memory_order_relaxed);
}

bool Backend::setHealth(Health h, qint64 nowMs)
{
    if (h == Health::Up)
        m_downPassively.store(false, std::memory_order_relaxed);
    if (m_health.exchange(h, std::memory_order_relaxed) == h)
        return false;
    if (h == Health::Up) {
        m_upSince.store(nowMs, std::memory_order_relaxed);
        m_failStreak.store(0, std::memory_order_relaxed);
    }
    return true;
}

int Backend::balanceWeight(qint64 nowMs) const
{
    const int full = qMax(weight(), 0) * 16;
    const qint64 ramp = m_slowStartMs.load(std::memory_order_relaxed);
    const qint64 since = m_upSince.load(std::memory_order_relaxed);
    if (ramp <= 0 || since == 0 || full == 0)
        return full;
    const qint64 elapsed = nowMs - since;
    if (elapsed >= ramp)
        return full;
    return static_cast<int>(qMax<qint64>(1, full * qMax<qint64>(elapsed, 0) / ramp));
}

int Backend::balanceWeight() const
{
    if (m_slowStartMs.load(std::memory_order_relaxed) <= 0)
        return qMax(weight(), 0) * 16;
    return balanceWeight(QDateTime::currentMSecsSinceEpoch());
}

void Backend::setLastCheck(const CheckResult &result)
{
    QMutexLocker lock(&m_lock);
    m_lastCheck = result;
}

std::optional<CheckResult> Backend::lastCheck() const
{
    QMutexLocker lock(&m_lock);
    return m_lastCheck;
}

bool Backend::reportFailure(int maxFails, std::chrono::milliseconds window, qint64 nowMs)
{
    if (maxFails <= 0)
        return false;
    const qint64 start = m_failStreakStart.load(std::memory_order_relaxed);
    int streak = m_failStreak.load(std::memory_order_relaxed);
    if (streak == 0 || nowMs - start > window.count()) {
        // A new streak (the old one is over, or too old to count).
        m_failStreakStart.store(nowMs, std::memory_order_relaxed);
        m_failStreak.store(1, std::memory_order_relaxed);
        streak = 1;
    } else {
        streak = m_failStreak.fetch_add(1, std::memory_order_relaxed) + 1;
    }
    if (streak < maxFails)
        return false;
    if (!setHealth(Health::Down, nowMs))
        return false; // already down (checks or another worker took it down)
    // Races with a check bringing it up in between are harmless: at worst one later check
    // brings it back without waiting for `rise`.
    m_downPassively.store(true, std::memory_order_relaxed);
    return true;
}

void Backend::recordResponse(int status, qint64 durationUs)
{
    counters.responses[qBound(0, status / 100, 5)].fetch_add(1, std::memory_order_relaxed);
    const double ms = static_cast<double>(durationUs) / 1000.0;
    size_t bucket = 0;
    while (bucket < LatencyBucketsMs.size() && ms > LatencyBucketsMs[bucket])
        ++bucket;
    counters.latency[bucket].fetch_add(1, std::memory_order_relaxed);
    counters.latencySumUs.fetch_add(
        static_cast<quint64>(qMax<qint64>(durationUs, 0)), std::memory_order_relaxed);
}

Backend::Slot Backend::acquireSlot(const SlotWaiterPtr &waiter, int maxQueue)
{
    const int limit = maxConn();
    if (limit <= 0)
        return Slot::Unlimited; // the hot path takes no lock
    QMutexLocker lock(&m_lock);
    if (m_inUse < limit) {
        ++m_inUse;
        return Slot::Acquired;
    }
    if (static_cast<int>(m_waiters.size()) >= maxQueue)
        return Slot::QueueFull;
    m_waiters.push_back(waiter);
    return Slot::Queued;
}

void Backend::releaseSlot()
{
    SlotWaiterPtr next;
    {
        QMutexLocker lock(&m_lock);
        const int limit = maxConn();
        // The slot passes straight to the oldest waiter (it stays in use), unless the limit
        // was lowered meanwhile and this slot is one too many.
        if (!m_waiters.empty() && (limit <= 0 || m_inUse <= limit)) {
            next = std::move(m_waiters.front());
            m_waiters.pop_front();
        } else {
            --m_inUse;
        }
    }
    if (next)
        next->grant();
}

bool Backend::cancelWait(const SlotWaiterPtr &waiter)
{
    QMutexLocker lock(&m_lock);
    const auto it = std::find(m_waiters.begin(), m_waiters.end(), waiter);
    if (it == m_waiters.end())
        return false;
    m_waiters.erase(it);
    return true;
}

int Backend::queued() const
{
    QMutexLocker lock(&m_lock);
    return static_cast<int>(m_waiters.size());
}

Backend::Backend(const BackendConfig &config, quint32 id)
    : m_id(id)
    , m_name(config.name)
    , m_address(config.address)
    , m_route(config.route.isEmpty() ? config.name : config.route)
    , m_routeBytes(m_route.toUtf8())
    , m_weight(config.weight)
    , m_state(backendStateFromString(config.state).value_or(BackendState::Ready))
    , m_maxConn(config.maxConn.value_or(0))
{ }

} // namespace Limpet
