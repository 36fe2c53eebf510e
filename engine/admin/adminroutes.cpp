#include "admin/adminroutes.h"

#include "admin/json.h"
#include "admin/metrics.h"
#include "engine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

QByteArray jsonBytes(const QJsonObject &body)
{
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

AdminResponse json(int status, const QJsonObject &body)
{
    AdminResponse r;
    r.status = status;
    r.body = jsonBytes(body);
    return r;
}

AdminResponse fail(const OpError &e)
{
    const int status = e.kind == OpError::Kind::NotFound ? 404
        : e.kind == OpError::Kind::Conflict              ? 409
                                                         : 400;
    QJsonObject body{{u"error"_s, e.message}};
    if (!e.details.isEmpty())
        body.insert(u"errors"_s, QJsonArray::fromStringList(e.details));
    return json(status, body);
}

AdminResponse methodNotAllowed(const QString &allowed)
{
    AdminResponse r
        = AdminServer::error(405, u"method not allowed here (allowed: %1)"_s.arg(allowed));
    r.headers.append({"Allow", allowed.toLatin1()});
    return r;
}

/// The body as a JSON object, or the error to answer.
std::variant<QJsonObject, AdminResponse> bodyObject(const AdminRequest &r)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
    if (doc.isNull())
        return AdminServer::error(
            400, u"the body is not valid JSON: %1"_s.arg(error.errorString()));
    if (!doc.isObject())
        return AdminServer::error(400, u"the body must be a JSON object"_s);
    return doc.object();
}

/// A query parameter as a bounded integer: `fallback` when absent, nullopt when invalid.
std::optional<int> intParam(const QUrlQuery &q, const QString &name, int fallback, int min, int max)
{
    if (!q.hasQueryItem(name))
        return fallback;
    bool ok = false;
    const int v = q.queryItemValue(name, QUrl::FullyDecoded).toInt(&ok);
    if (!ok || v < min || v > max)
        return std::nullopt;
    return v;
}

/// Checks the body only has `allowed` keys; returns the error message otherwise.
std::optional<QString> unknownKeys(const QJsonObject &o, const QStringList &allowed)
{
    for (const QString &k : o.keys()) {
        if (!allowed.contains(k))
            return u"unknown field '%1' (allowed: %2)"_s.arg(k, allowed.join(u", "_s));
    }
    return std::nullopt;
}

/// A whole table sent by GET /api/v1/sessions/changes holds at most this many sessions.
constexpr qsizetype MaxFeedSessions = 200'000;

/// A SessionCursor as the opaque text a client hands back: "2.<table>.<reader>.<log position
/// per shard, comma-separated>", base64url. It holds no secret: a client that forges one only
/// gets a whole table, or changes it could read anyway (and makes that reader's next read
/// whole).
QString encodeCursor(const SessionCursor &cursor)
{
    QByteArray text
        = "2." + QByteArray::number(cursor.table) + '.' + QByteArray::number(cursor.reader) + '.';
    for (std::size_t i = 0; i < cursor.positions.size(); ++i) {
        if (i > 0)
            text += ',';
        text += QByteArray::number(cursor.positions[i]);
    }
    return QString::fromLatin1(
        text.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<SessionCursor> decodeCursor(const QString &token)
{
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split('.');
    if (parts.size() != 4 || parts.at(0) != "2")
        return std::nullopt;
    SessionCursor cursor;
    bool ok = false;
    cursor.table = parts.at(1).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    cursor.reader = parts.at(2).toULongLong(&ok);
    if (!ok)
        return std::nullopt;
    if (!parts.at(3).isEmpty()) {
        const QList<QByteArray> positions = parts.at(3).split(',');
        if (positions.size() > 64)
            return std::nullopt;
        for (const QByteArray &p : positions) {
            cursor.positions.push_back(p.toULongLong(&ok));
            if (!ok)
                return std::nullopt;
        }
    }
    return cursor;
}

} // namespace

AdminRoutes::AdminRoutes(Engine *engine)
    : m_engine(engine)
{ }

AdminResponse AdminRoutes::handle(const AdminRequest &r)
{
    const QStringList &s = r.segments;
    const QByteArray &m = r.method;
    if (s == QStringList{u"metrics"_s})
        return m == "GET" ? metrics() : methodNotAllowed(u"GET"_s);
    if (s.size() < 2 || s.at(0) != "api"_L1 || s.at(1) != "v1"_L1)
        return AdminServer::error(
            404, u"no such route: %1 (the API lives under /api/v1)"_s.arg(r.path));
    const QStringList rest = s.mid(2);
    const QString first = rest.value(0);
    if (rest == QStringList{u"cluster"_s})
        return m == "GET" ? cluster() : methodNotAllowed(u"GET"_s);
    if (first == "pools"_L1 && rest.size() == 3 && rest.at(2) == "backends"_L1)
        return backends(r, rest.at(1));
    if (first == "pools"_L1 && rest.size() == 4 && rest.at(2) == "backends"_L1)
        return backend(r, rest.at(1), rest.at(3));
    if (rest == QStringList{u"sessions"_s})
        return m == "GET" ? sessions(r) : methodNotAllowed(u"GET"_s);
    if (rest == QStringList{u"sessions"_s, u"changes"_s})
        return m == "GET" ? sessionChanges(r) : methodNotAllowed(u"GET"_s);
    if (first == "sessions"_L1 && rest.size() == 3)
        return session(r, rest.at(1), rest.at(2).toUtf8());
    if (rest == QStringList{u"decisions"_s})
        return m == "GET" ? decisions(r) : methodNotAllowed(u"GET"_s);
    if (rest == QStringList{u"events"_s})
        return m == "GET" ? events(r) : methodNotAllowed(u"GET"_s);
    if (rest == QStringList{u"events"_s, u"recent"_s})
        return m == "GET" ? recentEvents(r) : methodNotAllowed(u"GET"_s);
    if (rest == QStringList{u"inspect"_s})
        return m == "POST" ? inspect(r) : methodNotAllowed(u"POST"_s);
    if (rest == QStringList{u"config"_s})
        return m == "GET" ? config() : methodNotAllowed(u"GET"_s);
    if (rest == QStringList{u"reload"_s})
        return m == "POST" ? reload() : methodNotAllowed(u"POST"_s);
    return AdminServer::error(404, u"no such route: %1"_s.arg(r.path));
}

AdminResponse AdminRoutes::cluster()
{
    return json(200, Json::cluster(m_engine->snapshot()));
}

AdminResponse AdminRoutes::backends(const AdminRequest &r, const QString &pool)
{
    if (r.method == "GET") {
        for (const PoolSnapshot &p : m_engine->snapshot().pools) {
            if (p.name == pool)
                return json(200, Json::pool(p));
        }
        return AdminServer::error(404, u"no pool named '%1'"_s.arg(pool));
    }
    if (r.method != "POST")
        return methodNotAllowed(u"GET, POST"_s);
    std::variant<QJsonObject, AdminResponse> parsed = bodyObject(r);
    if (auto *error = std::get_if<AdminResponse>(&parsed))
        return *error;
    const QJsonObject o = std::get<QJsonObject>(parsed);
    if (std::optional<QString> bad = unknownKeys(
            o, {u"name"_s, u"address"_s, u"route"_s, u"weight"_s, u"state"_s, u"max_conn"_s}))
        return AdminServer::error(400, *bad);
    BackendConfig c;
    if (!o.value(u"name"_s).isString() || !o.value(u"address"_s).isString())
        return AdminServer::error(400, u"a backend needs \"name\" and \"address\" (strings)"_s);
    c.name = o.value(u"name"_s).toString();
    const std::optional<Endpoint> address
        = Endpoint::parse(o.value(u"address"_s).toString(), false);
    if (!address)
        return AdminServer::error(400,
            u"address \"%1\" is not IP:PORT (e.g. \"127.0.0.1:9104\")"_s.arg(
                o.value(u"address"_s).toString()));
    c.address = *address;
    c.route = o.value(u"route"_s).toString();
    if (o.contains(u"weight"_s)) {
        if (!o.value(u"weight"_s).isDouble())
            return AdminServer::error(400, u"weight must be a number"_s);
        c.weight = o.value(u"weight"_s).toInt(-1);
    }
    if (o.contains(u"state"_s))
        c.state = o.value(u"state"_s).toString();
    if (o.contains(u"max_conn"_s))
        c.maxConn = o.value(u"max_conn"_s).toInt(-1);
    if (c.maxConn && *c.maxConn < 0)
        return AdminServer::error(400, u"max_conn must be 0 (unlimited) or more"_s);
    OpResult<BackendSnapshot> added = m_engine->control().addBackend(pool, c);
    if (auto *e = std::get_if<OpError>(&added))
        return fail(*e);
    return json(201, Json::backend(std::get<BackendSnapshot>(added)));
}

AdminResponse AdminRoutes::backend(const AdminRequest &r, const QString &pool, const QString &name)
{
    Controller &control = m_engine->control();
    if (r.method == "GET") {
        const BackendPtr b = m_engine->backend(pool, name);
        if (!b)
            return AdminServer::error(
                404, u"pool '%1' has no backend named '%2'"_s.arg(pool, name));
        return json(200, Json::backend(Controller::snapshotOf(pool, *b)));
    }
    if (r.method == "DELETE") {
        const QString force = r.query.queryItemValue(u"force"_s);
        const bool forced = force == "1"_L1 || force == "true"_L1;
        OpResult<bool> removed = control.removeBackend(pool, name, forced);
        if (auto *e = std::get_if<OpError>(&removed))
            return fail(*e);
        if (std::get<bool>(removed))
            return json(200, QJsonObject{{u"removed"_s, name}});
        const BackendPtr b = m_engine->backend(pool, name);
        if (!b) // gone meanwhile
            return json(200, QJsonObject{{u"removed"_s, name}});
        return json(202, Json::backend(Controller::snapshotOf(pool, *b)));
    }
    if (r.method != "PATCH")
        return methodNotAllowed(u"GET, PATCH, DELETE"_s);
    std::variant<QJsonObject, AdminResponse> parsed = bodyObject(r);
    if (auto *error = std::get_if<AdminResponse>(&parsed))
        return *error;
    const QJsonObject o = std::get<QJsonObject>(parsed);
    if (std::optional<QString> bad = unknownKeys(o, {u"state"_s, u"weight"_s, u"max_conn"_s}))
        return AdminServer::error(400, *bad);
    if (o.isEmpty())
        return AdminServer::error(400, u"nothing to change: send state, weight or max_conn"_s);
    // Validate everything before changing anything.
    std::optional<BackendState> state;
    if (o.contains(u"state"_s)) {
        state = backendStateFromString(o.value(u"state"_s).toString());
        if (!state)
            return AdminServer::error(400, u"state must be ready, drain, maint or standby"_s);
    }
    if (o.contains(u"weight"_s) && !o.value(u"weight"_s).isDouble())
        return AdminServer::error(400, u"weight must be a number from 0 to 1000"_s);
    if (o.contains(u"max_conn"_s) && !o.value(u"max_conn"_s).isDouble())
        return AdminServer::error(400, u"max_conn must be a number"_s);
    OpResult<BackendSnapshot> result = OpError{OpError::Kind::Invalid, {}, {}};
    if (o.contains(u"weight"_s)) {
        result = control.setWeight(pool, name, o.value(u"weight"_s).toInt(-1));
        if (auto *e = std::get_if<OpError>(&result))
            return fail(*e);
    }
    if (o.contains(u"max_conn"_s)) {
        result = control.setMaxConn(pool, name, o.value(u"max_conn"_s).toInt(-1));
        if (auto *e = std::get_if<OpError>(&result))
            return fail(*e);
    }
    if (state) {
        result = control.setState(pool, name, *state);
        if (auto *e = std::get_if<OpError>(&result))
            return fail(*e);
    }
    return json(200, Json::backend(std::get<BackendSnapshot>(result)));
}

AdminResponse AdminRoutes::sessions(const AdminRequest &r)
{
    const std::optional<int> limit = intParam(r.query, u"limit"_s, 100, 0, 10000);
    const std::optional<int> offset = intParam(r.query, u"offset"_s, 0, 0, 100000000);
    if (!limit || !offset)
        return AdminServer::error(400, u"limit must be 0-10000 and offset 0 or more"_s);
    // Filtering and sorting a big table takes a while: in a pool thread, on a table that stays
    // valid even if the engine stops meanwhile.
    AdminResponse answer;
    answer.build = [table = m_engine->sessionTable(),
                       pool = r.query.queryItemValue(u"pool"_s, QUrl::FullyDecoded),
                       backend = r.query.queryItemValue(u"backend"_s, QUrl::FullyDecoded),
                       text = r.query.queryItemValue(u"q"_s, QUrl::FullyDecoded), limit = *limit,
                       offset = *offset] {
        const SessionPage page
            = table ? table->query(pool, backend, text, limit, offset) : SessionPage();
        QJsonArray list;
        for (const SessionInfo &s : page.sessions)
            list.append(Json::session(s));
        return jsonBytes(QJsonObject{{u"total"_s, page.total}, {u"sessions"_s, list}});
    };
    return answer;
}

AdminResponse AdminRoutes::sessionChanges(const AdminRequest &r)
{
    SessionCursor cursor;
    if (r.query.hasQueryItem(u"cursor"_s)) {
        const QString token = r.query.queryItemValue(u"cursor"_s, QUrl::FullyDecoded);
        std::optional<SessionCursor> decoded = decodeCursor(token);
        if (!decoded) {
            return AdminServer::error(400,
                u"cursor is not one this API gave: pass the \"cursor\" of the previous answer, "
                "or none for the whole table"_s);
        }
        cursor = std::move(*decoded);
    }
    // The read is quick (values copied under the shard locks); turning 100,000 sessions into
    // JSON is not: that happens in a pool thread.
    SessionChanges changes = m_engine->sessionChanges(cursor); // moves the cursor on
    AdminResponse answer;
    answer.build = [changes = std::move(changes), next = encodeCursor(cursor)] {
        const qsizetype sent = changes.full ? qMin(changes.sessions.size(), MaxFeedSessions)
                                            : changes.sessions.size();
        QJsonArray sessions;
        for (qsizetype i = 0; i < sent; ++i)
            sessions.append(Json::session(changes.sessions.at(i)));
        QJsonArray removed;
        for (const SessionKey &k : changes.removed) {
            removed.append(QJsonObject{{u"pool"_s, k.pool}, {u"key"_s, QString::fromUtf8(k.key)}});
        }
        const QJsonObject body{{u"cursor"_s, next}, {u"full"_s, changes.full},
            {u"truncated"_s, sent < changes.sessions.size()},
            {u"total"_s, changes.full ? QJsonValue(changes.sessions.size()) : QJsonValue()},
            {u"sessions"_s, sessions}, {u"removed"_s, removed}};
        return jsonBytes(body);
    };
    return answer;
}

AdminResponse AdminRoutes::session(
    const AdminRequest &r, const QString &pool, const QByteArray &key)
{
    if (r.method == "GET") {
        if (const std::optional<SessionInfo> s = m_engine->session(pool, key))
            return json(200, Json::session(*s));
        return AdminServer::error(
            404, u"pool '%1' has no session '%2'"_s.arg(pool, QString::fromUtf8(key)));
    }
    if (r.method == "DELETE") {
        OpResult<bool> forgotten = m_engine->control().forgetSession(pool, key);
        if (auto *e = std::get_if<OpError>(&forgotten))
            return fail(*e);
        return json(200, QJsonObject{{u"forgotten"_s, QString::fromUtf8(key)}});
    }
    if (r.method != "PUT")
        return methodNotAllowed(u"GET, PUT, DELETE"_s);
    std::variant<QJsonObject, AdminResponse> parsed = bodyObject(r);
    if (auto *error = std::get_if<AdminResponse>(&parsed))
        return *error;
    const QJsonObject o = std::get<QJsonObject>(parsed);
    if (std::optional<QString> bad = unknownKeys(o, {u"backend"_s, u"ttl"_s}))
        return AdminServer::error(400, *bad);
    if (!o.value(u"backend"_s).isString())
        return AdminServer::error(400, u"\"backend\" (the backend's name) is required"_s);
    std::optional<qint64> ttl;
    if (o.contains(u"ttl"_s)) {
        if (!o.value(u"ttl"_s).isDouble())
            return AdminServer::error(400, u"ttl must be a number of seconds"_s);
        ttl = static_cast<qint64>(o.value(u"ttl"_s).toDouble());
    }
    OpResult<SessionInfo> pinned
        = m_engine->control().pinSession(pool, key, o.value(u"backend"_s).toString(), ttl);
    if (auto *e = std::get_if<OpError>(&pinned))
        return fail(*e);
    return json(200, Json::session(std::get<SessionInfo>(pinned)));
}

AdminResponse AdminRoutes::decisions(const AdminRequest &r)
{
    const std::optional<int> limit = intParam(r.query, u"limit"_s, 100, 0, 10000);
    if (!limit)
        return AdminServer::error(400, u"limit must be 0-10000"_s);
    const QList<Decision> list = m_engine->decisions(*limit,
        r.query.queryItemValue(u"session"_s, QUrl::FullyDecoded).toUtf8(),
        r.query.queryItemValue(u"client"_s, QUrl::FullyDecoded));
    QJsonArray out;
    for (const Decision &d : list)
        out.append(Json::decision(d));
    return json(200, QJsonObject{{u"decisions"_s, out}});
}

AdminResponse AdminRoutes::recentEvents(const AdminRequest &r)
{
    const std::optional<int> limit = intParam(r.query, u"limit"_s, 100, 0, 10000);
    if (!limit)
        return AdminServer::error(400, u"limit must be 0-10000"_s);
    QJsonArray out;
    for (const EngineEvent &e : m_engine->events(*limit))
        out.append(Json::event(e));
    return json(200, QJsonObject{{u"events"_s, out}});
}

AdminResponse AdminRoutes::events(const AdminRequest &r)
{
    // Server-Sent Events: decisions and events as they happen, counters once a second. The
    // stream starts from now (earlier records: GET /decisions and /events/recent). Decisions
    // are a sample under load (the newest `decisions` per tick), plus every decision of the
    // session and/or client the stream follows.
    const std::optional<int> sample = intParam(r.query, u"decisions"_s, 500, 0, 5000);
    if (!sample)
        return AdminServer::error(400, u"decisions must be 0-5000"_s);
    DecisionFilter followed;
    const QString session = r.query.queryItemValue(u"session"_s, QUrl::FullyDecoded);
    if (!session.isEmpty())
        followed.keys.append(session.toUtf8());
    const QString client = r.query.queryItemValue(u"client"_s, QUrl::FullyDecoded);
    if (!client.isEmpty()) {
        followed.client = QHostAddress(client);
        if (followed.client.isNull())
            return AdminServer::error(400, u"client must be an IP address"_s);
    }
    // A client that reopens its stream passes the last event it got: the events since then
    // come first (as many as the log still holds). An id this instance never gave (it is
    // newer than the newest: another run of the instance) is ignored.
    std::optional<quint64> eventsAfter;
    if (r.query.hasQueryItem(u"events_after"_s)) {
        bool ok = false;
        eventsAfter = r.query.queryItemValue(u"events_after"_s).toULongLong(&ok);
        if (!ok)
            return AdminServer::error(400, u"events_after must be an event id"_s);
    }
    struct Cursor
    {
        quint64 decisions = 0;
        quint64 events = 0;
        qint64 lastCountersMs = 0;
        quint64 id = 0;
        DecisionFilter followed;
    };
    auto cursor = std::make_shared<Cursor>();
    cursor->decisions = m_engine->decisionsSince(~quint64(0), 0).second;
    const QList<EngineEvent> newest = m_engine->events(1);
    cursor->events = newest.isEmpty() ? 0 : newest.first().id;
    if (eventsAfter && *eventsAfter <= cursor->events)
        cursor->events = *eventsAfter;
    cursor->followed = std::move(followed);
    Engine *engine = m_engine;
    AdminResponse response;
    response.contentType = "text/event-stream";
    response.stream = [engine, cursor, sample = *sample]() -> QByteArray {
        QByteArray out;
        const auto emitOne = [&](const char *kind, const QJsonObject &o) {
            out += "id: " + QByteArray::number(++cursor->id) + "\nevent: " + kind
                + "\ndata: " + jsonBytes(o) + "\n\n";
        };
        auto [decisions, total]
            = engine->decisionsSince(cursor->decisions, sample, cursor->followed);
        cursor->decisions = total;
        cursor->followed.follow(decisions);
        for (const Decision &d : std::as_const(decisions))
            emitOne("decision", Json::decision(d));
        const QList<EngineEvent> events = engine->eventsSince(cursor->events, 500);
        for (const EngineEvent &e : events) {
            cursor->events = e.id;
            emitOne("event", Json::event(e));
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - cursor->lastCountersMs >= 1000) {
            cursor->lastCountersMs = now;
            emitOne("counters", Json::cluster(engine->snapshot()));
        }
        return out;
    };
    return response;
}

AdminResponse AdminRoutes::inspect(const AdminRequest &r)
{
    std::variant<QJsonObject, AdminResponse> parsed = bodyObject(r);
    if (auto *error = std::get_if<AdminResponse>(&parsed))
        return *error;
    const QJsonObject o = std::get<QJsonObject>(parsed);
    if (std::optional<QString> bad = unknownKeys(
            o, {u"cookie"_s, u"host"_s, u"path"_s, u"method"_s, u"client"_s, u"headers"_s}))
        return AdminServer::error(400, *bad);
    InspectRequest in;
    QString cookie = o.value(u"cookie"_s).toString().trimmed();
    if (cookie.startsWith(u"cookie:"_s, Qt::CaseInsensitive))
        cookie = cookie.mid(7).trimmed();
    in.cookie = cookie.toUtf8();
    in.host = o.value(u"host"_s).toString().toUtf8();
    if (o.contains(u"path"_s))
        in.path = o.value(u"path"_s).toString().toUtf8();
    if (o.contains(u"method"_s))
        in.method = o.value(u"method"_s).toString().toUtf8();
    if (o.contains(u"client"_s)) {
        in.client = QHostAddress(o.value(u"client"_s).toString());
        if (in.client.isNull())
            return AdminServer::error(400, u"client must be an IP address"_s);
    }
    const QJsonObject headers = o.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        in.headers.append({it.key().toUtf8(), it.value().toString().toUtf8()});
    for (const QByteArray &v : {in.cookie, in.host, in.path}) {
        if (v.contains('\r') || v.contains('\n'))
            return AdminServer::error(400, u"values must not contain line breaks"_s);
    }
    OpResult<InspectResult> result = m_engine->control().inspect(in);
    if (auto *e = std::get_if<OpError>(&result))
        return fail(*e);
    return json(200, Json::inspect(std::get<InspectResult>(result)));
}

AdminResponse AdminRoutes::config()
{
    const Config c = m_engine->config();
    const EngineSnapshot s = m_engine->snapshot();
    return json(200,
        QJsonObject{{u"file"_s, c.sourceFile.isEmpty() ? QJsonValue() : QJsonValue(c.sourceFile)},
            {u"text"_s, c.sourceText.isEmpty() ? QJsonValue() : QJsonValue(c.sourceText)},
            {u"loaded"_s, Json::time(s.configLoadedMs)}, {u"reloads"_s, double(s.reloads)}});
}

AdminResponse AdminRoutes::reload()
{
    OpResult<QStringList> result = m_engine->reload();
    if (auto *e = std::get_if<OpError>(&result))
        return fail(*e);
    return json(200,
        QJsonObject{{u"reloaded"_s, true},
            {u"changes"_s, QJsonArray::fromStringList(std::get<QStringList>(result))}});
}

AdminResponse AdminRoutes::metrics()
{
    AdminResponse r;
    r.contentType = PrometheusContentType;
    r.body = prometheusMetrics(m_engine->snapshot());
    return r;
}

} // namespace Limpet
