#include "affinity/learnaffinity.h"

#include "affinity/cookies.h"

#include <algorithm>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace Limpet {

LearnAffinity::LearnAffinity(const StickyConfig &config)
    : m_cookie(config.cookie.toUtf8())
    , m_maxEntries(std::max(1, config.learnMaxEntries))
    , m_idleMs(std::max<qint64>(1, config.learnIdleSeconds) * 1000)
{ }

QString LearnAffinity::name() const
{
    return u"learn"_s;
}

void LearnAffinity::expireLocked(qint64 nowMs) const
{
    while (!m_byUse.empty()) {
        const auto it = m_bindings.find(m_byUse.back());
        if (it != m_bindings.end() && nowMs - it->lastUseMs <= m_idleMs)
            break;
        if (it != m_bindings.end())
            m_bindings.erase(it);
        m_byUse.pop_back();
    }
}

void LearnAffinity::touchLocked(Binding &binding, qint64 nowMs) const
{
    // Workers' clocks are read at slightly different moments: never move a last use backwards.
    binding.lastUseMs = std::max(binding.lastUseMs, nowMs);
    m_byUse.splice(m_byUse.begin(), m_byUse, binding.use);
}

void LearnAffinity::learnLocked(const QByteArray &value, const QByteArray &route, qint64 nowMs)
{
    expireLocked(nowMs);
    if (const auto it = m_bindings.find(value); it != m_bindings.end()) {
        it->route = route;
        touchLocked(*it, nowMs);
        return;
    }
    insertLocked(value, route, nowMs);
}

void LearnAffinity::insertLocked(const QByteArray &value, const QByteArray &route, qint64 lastUseMs)
{
    while (m_bindings.size() >= m_maxEntries && !m_byUse.empty()) {
        m_bindings.remove(m_byUse.back());
        m_byUse.pop_back();
    }
    m_byUse.push_front(value);
    m_bindings.insert(value, Binding{route, lastUseMs, m_byUse.begin()});
}

void LearnAffinity::forgetLocked(const QByteArray &value) const
{
    const auto it = m_bindings.find(value);
    if (it == m_bindings.end())
        return;
    m_byUse.erase(it->use);
    m_bindings.erase(it);
}

void LearnAffinity::carryOver(const AffinityMode &previous)
{
    const auto *was = dynamic_cast<const LearnAffinity *>(&previous);
    if (!was || was == this || was->m_cookie != m_cookie)
        return;
    // Copied under the old table's lock, then taken in under this one's (never both at once).
    struct Kept
    {
        QByteArray value;
        QByteArray route;
        qint64 lastUseMs;
    };
    std::vector<Kept> kept; // most recently used first
    {
        QMutexLocker lock(&was->m_lock);
        kept.reserve(
            static_cast<std::size_t>(std::min(was->m_byUse.size(), std::size_t(m_maxEntries))));
        for (const QByteArray &value : was->m_byUse) {
            if (std::cmp_greater_equal(kept.size(), m_maxEntries))
                break;
            const auto it = was->m_bindings.constFind(value);
            if (it != was->m_bindings.cend())
                kept.push_back(Kept{value, it->route, it->lastUseMs});
        }
    }
    QMutexLocker lock(&m_lock);
    // Oldest first, so the newest ends up most recently used; idle ones expire as usual.
    for (auto it = kept.crbegin(); it != kept.crend(); ++it) {
        if (!m_bindings.contains(it->value))
            insertLocked(it->value, it->route, it->lastUseMs);
    }
}

AffinityLookup LearnAffinity::lookup(AffinityRequest &request) const
{
    AffinityLookup result;
    result.hitReason = ReasonCode::LearnedHit;
    result.missReason = ReasonCode::LearnedAbsent;
    const QString cookieName = QString::fromUtf8(m_cookie);
    const std::optional<QByteArray> value = Cookies::find(request.head, m_cookie);
    if (!value || value->isEmpty()) {
        result.detail = u"no cookie %1"_s.arg(cookieName);
        return result;
    }
    result.keySeen = *value;

    QMutexLocker lock(&m_lock);
    expireLocked(request.nowMs);
    const auto it = m_bindings.find(*value);
    if (it == m_bindings.end() || request.nowMs - it->lastUseMs > m_idleMs) {
        result.detail = u"cookie %1 = %2 was not learnt (or expired)"_s.arg(
            cookieName, QString::fromUtf8(*value));
        return result;
    }
    touchLocked(*it, request.nowMs);
    result.route = it->route;
    result.detail = u"cookie %1 = %2 was learnt from route %3"_s.arg(
        cookieName, QString::fromUtf8(*value), QString::fromUtf8(it->route));
    return result;
}

QByteArray LearnAffinity::newKey(const Backend &, qint64) const
{
    return {};
}

QByteArray LearnAffinity::onResponse(AffinityResponse &response)
{
    const Decision &d = response.decision;
    if (!d.backend)
        return {};
    const QByteArray &route = d.backend->routeBytes();
    const QList<QByteArray> values = Cookies::setCookieValues(response.head, m_cookie);

    QMutexLocker lock(&m_lock);
    for (const QByteArray &value : values) {
        if (value.isEmpty()) {
            if (!d.keySeen.isEmpty())
                forgetLocked(d.keySeen); // the application ended the session
        } else {
            learnLocked(value, route, response.nowMs);
        }
    }
    if (values.isEmpty() && !d.keySeen.isEmpty()) {
        // The application kept the client's value without re-sending it (PHP does so for an id
        // it accepts): bind it where the request went, or its next requests would be balanced
        // anew each time.
        const auto it = m_bindings.find(d.keySeen);
        if (it == m_bindings.end() || it->route != route)
            learnLocked(d.keySeen, route, response.nowMs);
    }
    return {};
}

int LearnAffinity::size() const
{
    QMutexLocker lock(&m_lock);
    return int(m_bindings.size());
}

} // namespace Limpet
