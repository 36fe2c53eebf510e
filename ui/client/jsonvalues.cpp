#include "client/jsonvalues.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// Counters are JSON numbers (doubles); negative or missing ones read as 0.
quint64 counter(const QJsonValue &value)
{
    const double d = value.toDouble();
    return d > 0 ? static_cast<quint64>(d) : 0;
}

int integer(const QJsonValue &value)
{
    return qRound(value.toDouble());
}

/// reasonCodeName() backwards: name → index into ReasonCounts; -1 for a name this build does
/// not know (a newer server).
int reasonIndex(const QString &name)
{
    static const QHash<QString, int> indexes = [] {
        QHash<QString, int> h;
        for (int i = 0; i < ReasonCodeCount; ++i)
            h.insert(reasonCodeName(static_cast<ReasonCode>(i)), i);
        return h;
    }();
    return indexes.value(name, -1);
}

QStringList stringList(const QJsonValue &value)
{
    QStringList out;
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

} // namespace

qint64 timeFromJson(const QJsonValue &value)
{
    if (!value.isString())
        return 0;
    const QDateTime t = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

BackendSnapshot backendSnapshotFromJson(const QJsonObject &o)
{
    BackendSnapshot b;
    b.pool = o.value(u"pool"_s).toString();
    b.name = o.value(u"name"_s).toString();
    b.address = o.value(u"address"_s).toString();
    b.route = o.value(u"route"_s).toString();
    b.state = backendStateFromString(o.value(u"state"_s).toString()).value_or(BackendState::Ready);
    b.stateSinceMs = timeFromJson(o.value(u"state_since"_s));
    b.health = o.value(u"health"_s).toString() == "down"_L1 ? Health::Down : Health::Up;
    b.weight = integer(o.value(u"weight"_s));
    b.effectiveWeight = integer(o.value(u"effective_weight"_s));
    b.maxConn = integer(o.value(u"max_conn"_s));
    b.requests = counter(o.value(u"requests"_s));
    b.active = integer(o.value(u"active"_s));
    b.queued = integer(o.value(u"queued"_s));
    b.failures = counter(o.value(u"failures"_s));
    b.retries = counter(o.value(u"retries"_s));
    b.queueTimeouts = counter(o.value(u"queue_timeouts"_s));
    b.bytesIn = counter(o.value(u"bytes_in"_s));
    b.bytesOut = counter(o.value(u"bytes_out"_s));
    const QJsonObject responses = o.value(u"responses"_s).toObject();
    b.responses[0] = counter(responses.value(u"errors"_s));
    b.responses[1] = counter(responses.value(u"1xx"_s));
    b.responses[2] = counter(responses.value(u"2xx"_s));
    b.responses[3] = counter(responses.value(u"3xx"_s));
    b.responses[4] = counter(responses.value(u"4xx"_s));
    b.responses[5] = counter(responses.value(u"5xx"_s));
    b.sessions = integer(o.value(u"sessions"_s));
    b.sessionsLeaveRate = o.value(u"sessions_leave_rate"_s).toDouble();
    b.removing = o.value(u"removing"_s).toBool();
    // The API writes `check` once a check has run; before that (or without [pool.health]) null.
    const QJsonValue check = o.value(u"check"_s);
    if (check.isObject()) {
        const QJsonObject c = check.toObject();
        b.check.enabled = true;
        b.check.type = c.value(u"type"_s).toString();
        b.check.lastCheckMs = timeFromJson(c.value(u"last_check"_s));
        b.check.lastPassed = c.value(u"passed"_s).toBool();
        b.check.lastStatus = integer(c.value(u"status"_s));
        b.check.lastLatencyMs = c.value(u"latency_ms"_s).toDouble();
        b.check.lastError = c.value(u"error"_s).toString();
    }
    return b;
}

PoolSnapshot poolSnapshotFromJson(const QJsonObject &o)
{
    PoolSnapshot p;
    p.name = o.value(u"name"_s).toString();
    p.affinityMode = o.value(u"mode"_s).toString();
    p.balancing = o.value(u"balance"_s).toString();
    const QJsonObject decisions = o.value(u"decisions"_s).toObject();
    for (auto it = decisions.begin(); it != decisions.end(); ++it) {
        const int index = reasonIndex(it.key());
        if (index >= 0)
            p.decisions[static_cast<size_t>(index)] = counter(it.value());
    }
    p.backendChanges = counter(o.value(u"backend_changes"_s));
    const QJsonObject causes = o.value(u"backend_changes_by_cause"_s).toObject();
    for (auto it = causes.begin(); it != causes.end(); ++it) {
        const int index = reasonIndex(it.key());
        if (index >= 0)
            p.backendChangeCauses[static_cast<size_t>(index)] = counter(it.value());
    }
    const QJsonArray backends = o.value(u"backends"_s).toArray();
    p.backends.reserve(backends.size());
    for (const QJsonValue &b : backends)
        p.backends.append(backendSnapshotFromJson(b.toObject()));
    return p;
}

EngineSnapshot engineSnapshotFromJson(const QJsonObject &cluster)
{
    EngineSnapshot s;
    const QJsonObject instance = cluster.value(u"instance"_s).toObject();
    s.version = instance.value(u"version"_s).toString();
    s.listen = instance.value(u"listen"_s).toString();
    s.admin = instance.value(u"admin"_s).toString();
    s.workers = integer(instance.value(u"workers"_s));
    s.configFile = instance.value(u"config_file"_s).toString();
    s.startedMs = timeFromJson(instance.value(u"started"_s));
    s.timeMs = s.startedMs + static_cast<qint64>(instance.value(u"uptime_s"_s).toDouble() * 1000);
    s.reloads = counter(instance.value(u"reloads"_s));
    s.connectionsOpen = integer(instance.value(u"connections_open"_s));
    s.connectionsAccepted = counter(instance.value(u"connections_accepted"_s));
    s.sessions = integer(instance.value(u"sessions"_s));
    s.events = counter(instance.value(u"events"_s));
    const QJsonArray pools = cluster.value(u"pools"_s).toArray();
    s.pools.reserve(pools.size());
    for (const QJsonValue &p : pools)
        s.pools.append(poolSnapshotFromJson(p.toObject()));
    return s;
}

SessionInfo sessionInfoFromJson(const QJsonObject &o)
{
    SessionInfo s;
    s.pool = o.value(u"pool"_s).toString();
    s.key = o.value(u"key"_s).toString().toUtf8();
    s.backend = o.value(u"backend"_s).toString();
    s.client = QHostAddress(o.value(u"client"_s).toString());
    s.firstSeenMs = timeFromJson(o.value(u"first_seen"_s));
    s.lastSeenMs = timeFromJson(o.value(u"last_seen"_s));
    s.requests = counter(o.value(u"requests"_s));
    const QJsonObject pin = o.value(u"pin"_s).toObject();
    s.pinnedBackend = pin.value(u"backend"_s).toString();
    s.pinUntilMs = timeFromJson(pin.value(u"expires"_s));
    return s;
}

SessionChanges sessionChangesFromJson(const QJsonObject &o)
{
    SessionChanges changes;
    changes.full = o.value(u"full"_s).toBool();
    const QJsonArray sessions = o.value(u"sessions"_s).toArray();
    changes.sessions.reserve(sessions.size());
    for (const QJsonValue &v : sessions)
        changes.sessions.append(sessionInfoFromJson(v.toObject()));
    if (changes.full && o.value(u"truncated"_s).toBool()) {
        const qint64 total = o.value(u"total"_s).toInteger();
        changes.notSent = qMax<qint64>(0, total - sessions.size());
    }
    if (!changes.full) {
        const QJsonArray removed = o.value(u"removed"_s).toArray();
        changes.removed.reserve(removed.size());
        for (const QJsonValue &v : removed) {
            const QJsonObject k = v.toObject();
            changes.removed.append(
                SessionKey{k.value(u"pool"_s).toString(), k.value(u"key"_s).toString().toUtf8()});
        }
    }
    return changes;
}

TraceRecord traceRecordFromJson(const QJsonObject &o)
{
    TraceRecord r;
    r.timeMs = timeFromJson(o.value(u"time"_s));
    r.pool = o.value(u"pool"_s).toString();
    r.client = o.value(u"client"_s).toString();
    r.method = o.value(u"method"_s).toString();
    r.target = o.value(u"target"_s).toString();
    r.mode = o.value(u"mode"_s).toString();
    r.keySeen = o.value(u"key_seen"_s).toString();
    r.key = o.value(u"key"_s).toString();
    r.decoded = o.value(u"decoded"_s).toString();
    r.detail = o.value(u"detail"_s).toString();
    r.reason = o.value(u"reason"_s).toString();
    r.backend = o.value(u"backend"_s).toString();
    r.algorithm = o.value(u"algorithm"_s).toString();
    r.setCookie = o.value(u"set_cookie"_s).toString();
    r.changedBackend = o.value(u"changed_backend"_s).toBool();
    r.previousBackend = o.value(u"previous_backend"_s).toString();
    r.changeCause = o.value(u"change_cause"_s).toString();
    r.status = integer(o.value(u"status"_s));
    r.durationMs = static_cast<qint64>(o.value(u"duration_ms"_s).toDouble());
    r.bytesSent = counter(o.value(u"bytes_sent"_s));
    r.retries = integer(o.value(u"retries"_s));
    r.candidates = stringList(o.value(u"candidates"_s));
    return r;
}

EngineEvent engineEventFromJson(const QJsonObject &o)
{
    EngineEvent e;
    e.id = counter(o.value(u"id"_s));
    e.timeMs = timeFromJson(o.value(u"time"_s));
    e.kind = o.value(u"kind"_s).toString();
    e.pool = o.value(u"pool"_s).toString();
    e.backend = o.value(u"backend"_s).toString();
    e.from = o.value(u"from"_s).toString();
    e.to = o.value(u"to"_s).toString();
    e.message = o.value(u"message"_s).toString();
    return e;
}

InspectAnswer inspectAnswerFromJson(const QJsonObject &o)
{
    InspectAnswer a;
    a.decision = traceRecordFromJson(o);
    const QJsonValue session = o.value(u"session"_s);
    if (session.isObject())
        a.session = sessionInfoFromJson(session.toObject());
    a.summary = o.value(u"summary"_s).toString();
    return a;
}

TraceRecord traceRecord(const Decision &d)
{
    TraceRecord r;
    r.timeMs = d.timeMs;
    r.pool = d.pool;
    r.client = d.client.isNull() ? QString() : d.client.toString();
    r.method = QString::fromLatin1(d.method);
    r.target = QString::fromUtf8(d.target);
    r.mode = d.mode;
    r.keySeen = QString::fromUtf8(d.keySeen);
    r.key = QString::fromUtf8(d.key);
    r.decoded = d.decoded;
    r.detail = d.detail;
    r.reason = reasonCodeName(d.reason);
    if (d.backend)
        r.backend = d.backend->name();
    r.algorithm = d.algorithm;
    r.setCookie = QString::fromUtf8(d.setCookie);
    r.changedBackend = d.changedBackend;
    if (d.changedBackend) {
        r.previousBackend = d.previousBackend;
        r.changeCause = reasonCodeName(d.changeCause);
    }
    r.status = d.status;
    r.durationMs = d.durationMs;
    r.bytesSent = d.bytesSent;
    r.retries = d.retries;
    r.candidates = d.candidates;
    return r;
}

InspectAnswer inspectAnswer(const InspectResult &result)
{
    InspectAnswer a;
    a.decision = traceRecord(result.decision);
    a.session = result.session;
    a.summary = result.summary;
    return a;
}

} // namespace Limpet
