#include "admin/json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace Limpet::Json {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonValue bytesOrNull(const QByteArray &b)
{
    return b.isEmpty() ? QJsonValue() : QJsonValue(QString::fromUtf8(b));
}

} // namespace

QJsonValue time(qint64 ms)
{
    if (ms <= 0)
        return QJsonValue();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs); // "...Z"
}

QJsonObject backend(const BackendSnapshot &b)
{
    QJsonObject responses{{u"1xx"_s, double(b.responses[1])}, {u"2xx"_s, double(b.responses[2])},
        {u"3xx"_s, double(b.responses[3])}, {u"4xx"_s, double(b.responses[4])},
        {u"5xx"_s, double(b.responses[5])}, {u"errors"_s, double(b.responses[0])}};
    QJsonValue eta;
    if (b.state == BackendState::Drain && b.sessions > 0 && b.sessionsLeaveRate > 0.01)
        eta = qRound(b.sessions / b.sessionsLeaveRate);
    else if (b.state == BackendState::Drain && b.sessions == 0)
        eta = 0;
    QJsonValue check;
    if (b.check.lastCheckMs > 0) {
        check = QJsonObject{{u"type"_s, orNull(b.check.type)},
            {u"last_check"_s, time(b.check.lastCheckMs)}, {u"passed"_s, b.check.lastPassed},
            {u"status"_s, b.check.lastStatus}, {u"latency_ms"_s, b.check.lastLatencyMs},
            {u"error"_s, b.check.lastError}};
    }
    return QJsonObject{{u"pool"_s, b.pool}, {u"name"_s, b.name}, {u"address"_s, b.address},
        {u"route"_s, b.route}, {u"state"_s, toString(b.state)},
        {u"state_since"_s, time(b.stateSinceMs)}, {u"health"_s, toString(b.health)},
        {u"weight"_s, b.weight}, {u"effective_weight"_s, b.effectiveWeight},
        {u"max_conn"_s, b.maxConn}, {u"requests"_s, double(b.requests)}, {u"active"_s, b.active},
        {u"queued"_s, b.queued}, {u"failures"_s, double(b.failures)},
        {u"retries"_s, double(b.retries)}, {u"queue_timeouts"_s, double(b.queueTimeouts)},
        {u"bytes_in"_s, double(b.bytesIn)}, {u"bytes_out"_s, double(b.bytesOut)},
        {u"responses"_s, responses}, {u"sessions"_s, b.sessions},
        {u"sessions_leave_rate"_s, qRound(b.sessionsLeaveRate * 100) / 100.0},
        {u"drain_eta_s"_s, eta}, {u"removing"_s, b.removing}, {u"check"_s, check}};
}

/// The non-zero counts of `counts` by reason code name.
QJsonObject reasonCounts(const ReasonCounts &counts)
{
    QJsonObject out;
    for (int i = 0; i < ReasonCodeCount; ++i) {
        if (counts[static_cast<size_t>(i)] > 0)
            out.insert(
                reasonCodeName(static_cast<ReasonCode>(i)), double(counts[static_cast<size_t>(i)]));
    }
    return out;
}

QJsonObject pool(const PoolSnapshot &p)
{
    const QJsonObject decisions = reasonCounts(p.decisions);
    QJsonArray backends;
    for (const BackendSnapshot &b : p.backends)
        backends.append(backend(b));
    return QJsonObject{{u"name"_s, p.name}, {u"mode"_s, p.affinityMode},
        {u"balance"_s, p.balancing}, {u"decisions"_s, decisions},
        {u"backend_changes"_s, double(p.backendChanges)},
        {u"backend_changes_by_cause"_s, reasonCounts(p.backendChangeCauses)},
        {u"backends"_s, backends}};
}

QJsonObject instance(const EngineSnapshot &s)
{
    return QJsonObject{{u"version"_s, s.version}, {u"listen"_s, s.listen},
        {u"admin"_s, orNull(s.admin)}, {u"workers"_s, s.workers},
        {u"config_file"_s, orNull(s.configFile)}, {u"started"_s, time(s.startedMs)},
        {u"uptime_s"_s, double((s.timeMs - s.startedMs) / 1000)}, {u"reloads"_s, double(s.reloads)},
        {u"connections_open"_s, s.connectionsOpen},
        {u"connections_accepted"_s, double(s.connectionsAccepted)}, {u"sessions"_s, s.sessions},
        {u"events"_s, double(s.events)}};
}

QJsonObject cluster(const EngineSnapshot &s)
{
    QJsonArray pools;
    for (const PoolSnapshot &p : s.pools)
        pools.append(pool(p));
    return QJsonObject{{u"instance"_s, instance(s)}, {u"pools"_s, pools}};
}

QJsonObject session(const SessionInfo &s)
{
    QJsonValue pin;
    if (!s.pinnedBackend.isEmpty())
        pin = QJsonObject{{u"backend"_s, s.pinnedBackend}, {u"expires"_s, time(s.pinUntilMs)}};
    return QJsonObject{{u"pool"_s, s.pool}, {u"key"_s, QString::fromUtf8(s.key)},
        {u"backend"_s, s.backend}, {u"client"_s, s.client.toString()},
        {u"first_seen"_s, time(s.firstSeenMs)}, {u"last_seen"_s, time(s.lastSeenMs)},
        {u"requests"_s, double(s.requests)}, {u"pin"_s, pin}};
}

QJsonObject decision(const Decision &d)
{
    QJsonArray candidates;
    for (const QString &c : d.candidates)
        candidates.append(c);
    return QJsonObject{{u"time"_s, time(d.timeMs)}, {u"pool"_s, orNull(d.pool)},
        {u"client"_s, d.client.toString()}, {u"method"_s, QString::fromLatin1(d.method)},
        {u"target"_s, QString::fromUtf8(d.target)}, {u"mode"_s, orNull(d.mode)},
        {u"key_seen"_s, bytesOrNull(d.keySeen)}, {u"key"_s, bytesOrNull(d.key)},
        {u"decoded"_s, orNull(d.decoded)}, {u"detail"_s, orNull(d.detail)},
        {u"reason"_s, reasonCodeName(d.reason)},
        {u"backend"_s, d.backend ? QJsonValue(d.backend->name()) : QJsonValue()},
        {u"algorithm"_s, orNull(d.algorithm)}, {u"set_cookie"_s, bytesOrNull(d.setCookie)},
        {u"changed_backend"_s, d.changedBackend},
        {u"previous_backend"_s, orNull(d.previousBackend)},
        {u"change_cause"_s,
            d.changedBackend ? QJsonValue(reasonCodeName(d.changeCause)) : QJsonValue()},
        {u"status"_s, d.status}, {u"duration_ms"_s, double(d.durationMs)},
        {u"bytes_sent"_s, double(d.bytesSent)}, {u"retries"_s, d.retries},
        {u"candidates"_s, candidates}};
}

QJsonObject event(const EngineEvent &e)
{
    return QJsonObject{{u"id"_s, double(e.id)}, {u"time"_s, time(e.timeMs)}, {u"kind"_s, e.kind},
        {u"pool"_s, orNull(e.pool)}, {u"backend"_s, orNull(e.backend)}, {u"from"_s, orNull(e.from)},
        {u"to"_s, orNull(e.to)}, {u"message"_s, orNull(e.message)}};
}

QJsonObject inspect(const InspectResult &r)
{
    const Decision &d = r.decision;
    QJsonObject o = decision(d);
    o.insert(u"session"_s, r.session ? QJsonValue(session(*r.session)) : QJsonValue());
    o.insert(u"summary"_s, r.summary);
    return o;
}

} // namespace Limpet::Json
