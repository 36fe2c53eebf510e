// The admin API (engine/admin/API.md) of a running engine, end to end: every route called over a
// real socket, with what an operator would notice — statuses, JSON bodies, and what the proxy
// then does with real client requests (which backend answers, which cookie it sets).

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include "config/configloader.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace LimpetTest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QByteArray Token = "s3cret";

/// One answer of the admin API as a client saw it.
struct Reply
{
    int status = 0;
    HttpResponse http;
    QJsonObject json; ///< the body, when it is a JSON object
    bool isJsonObject = false;

    [[nodiscard]] QByteArray header(QByteArrayView name) const { return http.header(name); }
    /// For failure messages.
    [[nodiscard]] QByteArray describe() const
    {
        return QByteArray::number(status) + ' ' + http.body.left(2000);
    }
};

/// One request to the admin API on its own connection. `token` empty: no Authorization header.
Reply api(quint16 port, const QByteArray &method, const QByteArray &target,
    const QByteArray &body = {}, const QByteArray &token = Token)
{
    TestClient client(port);
    HeaderList headers;
    if (!token.isEmpty())
        headers.emplaceBack("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        headers.emplaceBack("Content-Type", "application/json");
    Reply r;
    r.http = client.request(method, target, headers, body);
    r.status = r.http.status;
    const QJsonDocument doc = QJsonDocument::fromJson(r.http.body);
    r.isJsonObject = doc.isObject();
    r.json = doc.object();
    return r;
}

QByteArray toJson(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The route inside an SRV value "<8 hex>-<route>-<8 hex>".
QByteArray routeOf(const QByteArray &srv)
{
    const QList<QByteArray> parts = srv.split('-');
    return parts.size() == 3 ? parts[1] : QByteArray();
}

/// The backend object named `name` in a /cluster or /pools answer (first pool), or {}.
QJsonObject backendIn(const QJsonObject &cluster, const QString &name)
{
    const QJsonArray pools = cluster.value(u"pools"_s).toArray();
    const QJsonObject pool = pools.isEmpty() ? cluster : pools.first().toObject();
    for (const QJsonValue &b : pool.value(u"backends"_s).toArray()) {
        if (b.toObject().value(u"name"_s).toString() == name)
            return b.toObject();
    }
    return {};
}

QStringList backendNames(const QJsonObject &cluster)
{
    QStringList out;
    const QJsonObject pool = cluster.value(u"pools"_s).toArray().at(0).toObject();
    for (const QJsonValue &b : pool.value(u"backends"_s).toArray())
        out.append(b.toObject().value(u"name"_s).toString());
    return out;
}

QStringList eventKinds(const QJsonObject &recent)
{
    QStringList out;
    for (const QJsonValue &e : recent.value(u"events"_s).toArray())
        out.append(e.toObject().value(u"kind"_s).toString());
    return out;
}

/// The newest event of `kind` (about `backend`, when given) in a /events/recent answer, or {}.
QJsonObject eventOf(const QJsonObject &recent, const QString &kind, const QString &backend = {})
{
    for (const QJsonValue &v : recent.value(u"events"_s).toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value(u"kind"_s).toString() == kind
            && (backend.isEmpty() || e.value(u"backend"_s).toString() == backend))
            return e;
    }
    return {};
}

/// Three (or `count`) TestBackends b1, b2, ... and an engine over them (pool "web", insert mode,
/// cookie SRV, roundrobin) with the admin API on 127.0.0.1:0 and token Token. `tweak` may change
/// (or replace) the config before the engine starts.
struct Setup
{
    explicit Setup(int count = 3, const std::function<void(Limpet::Config &)> &tweak = {})
    {
        for (int i = 1; i <= count; ++i)
            backends.push_back(std::make_unique<TestBackend>(u"b%1"_s.arg(i)));
        QList<const TestBackend *> list;
        for (const auto &b : backends)
            list.append(b.get());
        Limpet::Config c = proxyConfig(list);
        c.admin = Limpet::AdminConfig{};
        c.admin->bind = Limpet::Endpoint{QHostAddress::LocalHost, 0};
        c.admin->token = Token;
        if (tweak)
            tweak(c);
        token = c.admin ? c.admin->token : QByteArray();
        proxy = std::make_unique<TestProxy>(c);
    }

    [[nodiscard]] bool isRunning() const { return proxy->isRunning() && adminPort() != 0; }
    [[nodiscard]] QString error() const { return proxy->error(); }
    [[nodiscard]] quint16 port() const { return proxy->port(); }
    [[nodiscard]] quint16 adminPort() const
    {
        const std::optional<Limpet::Endpoint> a = proxy->engine().adminAddress();
        return a ? a->port : 0;
    }
    [[nodiscard]] TestBackend &backend(int i) const { return *backends.at(size_t(i - 1)); }

    Reply call(
        const QByteArray &method, const QByteArray &target, const QByteArray &body = {}) const
    {
        return api(adminPort(), method, target, body, token);
    }
    Reply get(const QByteArray &target) const { return call("GET", target); }
    [[nodiscard]] QJsonObject cluster() const { return get("/api/v1/cluster").json; }
    [[nodiscard]] QJsonObject backendJson(const QString &name) const
    {
        return backendIn(cluster(), name);
    }
    [[nodiscard]] QJsonArray decisions(const QByteArray &query = {}) const
    {
        return get("/api/v1/decisions" + query).json.value(u"decisions"_s).toArray();
    }
    [[nodiscard]] QJsonObject newestDecision(const QByteArray &key) const
    {
        return decisions("?limit=1&session=" + QUrl::toPercentEncoding(QString::fromUtf8(key)))
            .at(0)
            .toObject();
    }
    [[nodiscard]] QJsonObject recentEvents() const { return get("/api/v1/events/recent").json; }

    /// A GET through the proxy on a fresh connection, with cookie SRV=`srv` when given.
    [[nodiscard]] HttpResponse request(
        const QByteArray &srv = {}, const QByteArray &target = "/") const
    {
        HeaderList headers;
        if (!srv.isEmpty())
            headers.append({"Cookie", "SRV=" + srv});
        return httpGet(port(), target, headers);
    }
    /// The backend that answered a request with cookie SRV=`srv`.
    [[nodiscard]] QByteArray backendFor(const QByteArray &srv) const
    {
        return request(srv).header("X-Backend");
    }
    /// Starts new sessions until one lands on `backend`; returns its SRV value (empty: none did).
    [[nodiscard]] QByteArray sessionOn(const QByteArray &backend) const
    {
        for (int i = 0; i < 20; ++i) {
            const HttpResponse r = request();
            if (r.header("X-Backend") == backend)
                return r.setCookieValue("SRV");
        }
        return {};
    }

    std::vector<std::unique_ptr<TestBackend>> backends;
    std::unique_ptr<TestProxy> proxy;
    QByteArray token;
};

/// One Server-Sent Event.
struct SseEvent
{
    QByteArray id;
    QByteArray kind; ///< the `event:` field
    QJsonObject data;
};

/// A client of GET /api/v1/events on a raw socket, read with bounded waits.
class EventStream final
{
public:
    /// `target`: the stream's path and query.
    bool open(quint16 port, const QByteArray &token, int timeoutMs = 5000,
        const QByteArray &target = "/api/v1/events")
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        if (!m_socket.waitForConnected(timeoutMs))
            return false;
        m_socket.write("GET " + target
            + " HTTP/1.1\r\nHost: admin\r\nAccept: text/event-stream\r\n"
              "Authorization: Bearer "
            + token + "\r\n\r\n");
        const QDeadlineTimer deadline(timeoutMs);
        while (!m_buffer.contains("\r\n\r\n")) {
            if (!readMore(deadline))
                return false;
        }
        const qsizetype end = m_buffer.indexOf("\r\n\r\n") + 4;
        m_head = m_buffer.left(end);
        m_buffer.remove(0, end);
        return true;
    }

    [[nodiscard]] const QByteArray &head() const { return m_head; }

    /// The next event of `kind` for which `match` holds, skipping the others, or nothing when
    /// none came within the timeout.
    std::optional<SseEvent> waitFor(
        QByteArrayView kind, const std::function<bool(const QJsonObject &)> &match, int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            while (std::optional<SseEvent> e = take()) {
                if (e->kind == kind && (!match || match(e->data)))
                    return e;
            }
            if (!readMore(deadline))
                return std::nullopt;
        }
    }

    /// The next event of any kind, or nothing when none came within the timeout.
    std::optional<SseEvent> next(int timeoutMs)
    {
        const QDeadlineTimer deadline(timeoutMs);
        for (;;) {
            if (std::optional<SseEvent> e = take())
                return e;
            if (!readMore(deadline))
                return std::nullopt;
        }
    }

private:
    bool readMore(const QDeadlineTimer &deadline)
    {
        if (m_socket.bytesAvailable() == 0) {
            const qint64 left = deadline.remainingTime();
            if (left <= 0 || !m_socket.waitForReadyRead(int(qMax<qint64>(1, left))))
                return false;
        }
        m_buffer += m_socket.readAll();
        return true;
    }

    /// Parses one complete event off the buffer (comments and empty blocks are skipped).
    std::optional<SseEvent> take()
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\n\n");
            if (end < 0)
                return std::nullopt;
            const QByteArray block = m_buffer.left(end);
            m_buffer.remove(0, end + 2);
            SseEvent e;
            QByteArray data;
            for (const QByteArray &line : block.split('\n')) {
                if (line.startsWith("id: "))
                    e.id = line.mid(4);
                else if (line.startsWith("event: "))
                    e.kind = line.mid(7);
                else if (line.startsWith("data: "))
                    data += line.mid(6);
            }
            if (e.kind.isEmpty() && data.isEmpty())
                continue; // a keep-alive comment
            e.data = QJsonDocument::fromJson(data).object();
            return e;
        }
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QByteArray m_head;
};

/// A config file for the reload tests: pool "web" over `backends` (insert mode, cookie SRV).
QByteArray configText(const QList<const TestBackend *> &backends)
{
    QByteArray text = "[listener]\n"
                      "bind = \"127.0.0.1:0\"\n"
                      "workers = 1\n"
                      "\n"
                      "[admin]\n"
                      "bind = \"127.0.0.1:0\"\n"
                      "token = \""
        + Token
        + "\"\n"
          "\n"
          "[[pool]]\n"
          "name = \"web\"\n"
          "balance = \"roundrobin\"\n"
          "\n"
          "  [pool.sticky]\n"
          "  mode = \"insert\"\n"
          "  cookie = \"SRV\"\n";
    for (const TestBackend *b : backends) {
        text += "\n  [[pool.backend]]\n  name = \"" + b->name().toUtf8()
            + "\"\n  address = \"127.0.0.1:" + QByteArray::number(b->port()) + "\"\n";
    }
    return text;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text) == text.size();
}

/// Expects the warning the admin API logs for each failed authentication.
void expectAuthFailureWarning()
{
    QTest::ignoreMessage(
        QtWarningMsg, QRegularExpression(u"^admin: authentication failed from 127\\.0\\.0\\.1"_s));
}

} // namespace

class TestAdminApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bearerTokenGuardsEveryRoute();
    void noTokenOnLoopbackNeedsNone();
    void clusterDescribesInstancePoolsAndBackends();
    void drainKeepsExistingSessionsOnly();
    void maintenanceCountsBackendChangesByCause();
    void weightAndMaxConn();
    void patchRejectsBadRequests_data();
    void patchRejectsBadRequests();
    void addBackendTakesNewSessions();
    void addBackendRejectsBadRequests_data();
    void addBackendRejectsBadRequests();
    void forcedRemovalDropsBackendAndSessions();
    void removalWaitsForSessionsToLeave();
    void sessionsListFilterAndPage();
    void sessionChangesFollowTheTable();
    void forgetSession();
    void keyWithSlashIsPercentEncoded();
    void pinForTtlThenBack();
    void rebindReissuesCookie();
    void pinRejectsBadRequests_data();
    void pinRejectsBadRequests();
    void decisionsBySessionAndClient();
    void eventStream();
    void eventStreamSamplesAndFollows();
    void inspectIsADryRun();
    void inspectRejectsBadRequests_data();
    void inspectRejectsBadRequests();
    void configWithoutFileCannotReload();
    void reloadFromFile();
    void metricsMatchCluster();
    void unknownRoutesAndMethods_data();
    void unknownRoutesAndMethods();
};

void TestAdminApi::bearerTokenGuardsEveryRoute()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const quint16 port = s.adminPort();

    expectAuthFailureWarning();
    const Reply none = api(port, "GET", "/api/v1/cluster", {}, {});
    QCOMPARE(none.status, 401);
    QCOMPARE(none.header("WWW-Authenticate"), QByteArray("Bearer"));
    QVERIFY(none.isJsonObject);
    QVERIFY(!none.json.value(u"error"_s).toString().isEmpty());
    QVERIFY(!none.http.body.contains("instance"));

    expectAuthFailureWarning();
    const Reply wrong = api(port, "GET", "/api/v1/cluster", {}, "not-the-token");
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.header("WWW-Authenticate"), QByteArray("Bearer"));

    // A change without the token changes nothing.
    expectAuthFailureWarning();
    QCOMPARE(
        api(port, "PATCH", "/api/v1/pools/web/backends/b1", R"({"state": "maint"})", {}).status,
        401);

    // /metrics is no exception.
    expectAuthFailureWarning();
    const Reply metrics = api(port, "GET", "/metrics", {}, {});
    QCOMPARE(metrics.status, 401);
    QVERIFY(!metrics.http.body.contains("limpet_"));

    const Reply right = api(port, "GET", "/api/v1/cluster");
    QVERIFY2(right.status == 200, right.describe().constData());
    QVERIFY(right.json.contains(u"instance"_s));
    QCOMPARE(backendIn(right.json, u"b1"_s).value(u"state"_s).toString(), u"ready"_s);
    QCOMPARE(api(port, "GET", "/metrics").status, 200);

    // Each failure is an event an operator can see.
    const QJsonObject recent = s.recentEvents();
    QCOMPARE(eventKinds(recent).count(u"auth-failed"_s), 4);
    QVERIFY(
        eventOf(recent, u"auth-failed"_s).value(u"message"_s).toString().contains(u"127.0.0.1"_s));
}

void TestAdminApi::noTokenOnLoopbackNeedsNone()
{
    Setup s(2, [](Limpet::Config &c) { c.admin->token.clear(); });
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const Reply r = api(s.adminPort(), "GET", "/api/v1/cluster", {}, {});
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(backendNames(r.json), (QStringList{u"b1"_s, u"b2"_s}));
    QCOMPARE(api(s.adminPort(), "GET", "/metrics", {}, {}).status, 200);
    // A token sent anyway does no harm.
    QCOMPARE(api(s.adminPort(), "GET", "/api/v1/cluster", {}, "whatever").status, 200);
}

void TestAdminApi::clusterDescribesInstancePoolsAndBackends()
{
    Setup s(3, [](Limpet::Config &c) { c.workers = 2; });
    QVERIFY2(s.isRunning(), qPrintable(s.error()));

    // Three new sessions (one per backend, roundrobin), then two more requests of the first.
    QList<QByteArray> keys;
    for (int i = 0; i < 3; ++i) {
        const HttpResponse r = s.request();
        QCOMPARE(r.status, 200);
        keys.append(r.setCookieValue("SRV"));
    }
    const QByteArray first = routeOf(keys.first());
    QCOMPARE(s.backendFor(keys.first()), first);
    QCOMPARE(s.backendFor(keys.first()), first);

    const auto decisionsOf = [&](const QString &reason) {
        return s.cluster()
            .value(u"pools"_s)
            .toArray()
            .at(0)
            .toObject()
            .value(u"decisions"_s)
            .toObject()
            .value(reason)
            .toInt();
    };
    QTRY_COMPARE(decisionsOf(u"cookie-absent"_s), 3);
    QTRY_COMPARE(decisionsOf(u"cookie-hit"_s), 2);

    const Reply r = s.get("/api/v1/cluster");
    QVERIFY2(r.status == 200, r.describe().constData());
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    const QJsonObject instance = r.json.value(u"instance"_s).toObject();
    QCOMPARE(instance.value(u"version"_s).toString(), QStringLiteral(LIMPET_VERSION));
    QCOMPARE(instance.value(u"listen"_s).toString(), u"127.0.0.1:%1"_s.arg(s.port()));
    QCOMPARE(instance.value(u"admin"_s).toString(), u"127.0.0.1:%1"_s.arg(s.adminPort()));
    QCOMPARE(instance.value(u"workers"_s).toInt(), 2);
    QCOMPARE(instance.value(u"sessions"_s).toInt(), 3);
    QVERIFY(instance.value(u"config_file"_s).isNull());
    QCOMPARE(instance.value(u"reloads"_s).toInt(), 0);
    QCOMPARE(instance.value(u"connections_accepted"_s).toInt(), 5); // one per proxied request
    QTRY_COMPARE(
        s.cluster().value(u"instance"_s).toObject().value(u"connections_open"_s).toInt(), 0);
    QVERIFY(QDateTime::fromString(instance.value(u"started"_s).toString(), Qt::ISODateWithMs)
                .isValid());

    const QJsonArray pools = r.json.value(u"pools"_s).toArray();
    QCOMPARE(pools.size(), 1);
    const QJsonObject pool = pools.first().toObject();
    QCOMPARE(pool.value(u"name"_s).toString(), u"web"_s);
    QCOMPARE(pool.value(u"mode"_s).toString(), u"insert"_s);
    QCOMPARE(pool.value(u"balance"_s).toString(), u"roundrobin"_s);
    QCOMPARE(pool.value(u"backend_changes"_s).toInt(), 0);
    QCOMPARE(backendNames(r.json), (QStringList{u"b1"_s, u"b2"_s, u"b3"_s}));
    for (int i = 1; i <= 3; ++i) {
        const TestBackend &tb = s.backend(i);
        const QJsonObject b = backendIn(r.json, tb.name());
        QCOMPARE(b.value(u"pool"_s).toString(), u"web"_s);
        QCOMPARE(b.value(u"address"_s).toString(), u"127.0.0.1:%1"_s.arg(tb.port()));
        QCOMPARE(b.value(u"route"_s).toString(), tb.name());
        QCOMPARE(b.value(u"state"_s).toString(), u"ready"_s);
        QCOMPARE(b.value(u"health"_s).toString(), u"up"_s);
        QCOMPARE(b.value(u"weight"_s).toInt(), 1);
        QCOMPARE(b.value(u"removing"_s).toBool(), false);
        QCOMPARE(b.value(u"sessions"_s).toInt(), 1);
        const int expected = tb.name().toUtf8() == first ? 3 : 1;
        QCOMPARE(tb.requestCount(), expected);
        QCOMPARE(b.value(u"requests"_s).toInt(), expected);
        QCOMPARE(b.value(u"responses"_s).toObject().value(u"2xx"_s).toInt(), expected);
        QCOMPARE(b.value(u"responses"_s).toObject().value(u"5xx"_s).toInt(), 0);
    }

    // The same pool alone, and one backend alone.
    const Reply poolReply = s.get("/api/v1/pools/web/backends");
    QCOMPARE(poolReply.status, 200);
    QCOMPARE(poolReply.json.value(u"name"_s).toString(), u"web"_s);
    QCOMPARE(poolReply.json.value(u"backends"_s).toArray().size(), 3);
    const Reply one = s.get("/api/v1/pools/web/backends/b2");
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(u"name"_s).toString(), u"b2"_s);
}

void TestAdminApi::drainKeepsExistingSessionsOnly()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray held = s.sessionOn("b1");
    QVERIFY(!held.isEmpty());

    const Reply r = s.call("PATCH", "/api/v1/pools/web/backends/b1", R"({"state": "drain"})");
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json.value(u"name"_s).toString(), u"b1"_s);
    QCOMPARE(r.json.value(u"state"_s).toString(), u"drain"_s);
    QVERIFY(!r.json.value(u"state_since"_s).isNull());
    QCOMPARE(s.backendJson(u"b1"_s).value(u"state"_s).toString(), u"drain"_s);

    // New clients never land on b1; the client holding its cookie still does.
    const int before = s.backend(1).requestCount();
    QSet<QByteArray> reached;
    for (int i = 0; i < 12; ++i) {
        const HttpResponse fresh = s.request();
        QCOMPARE(fresh.status, 200);
        QVERIFY(fresh.header("X-Backend") != "b1");
        QVERIFY(routeOf(fresh.setCookieValue("SRV")) != "b1");
        reached.insert(fresh.header("X-Backend"));
        const HttpResponse kept = s.request(held);
        QCOMPARE(kept.header("X-Backend"), QByteArray("b1"));
        QVERIFY(kept.setCookieValue("SRV").isNull()); // its cookie is left alone
    }
    QCOMPARE(reached, (QSet<QByteArray>{"b2", "b3"}));
    QCOMPARE(s.backend(1).requestCount(), before + 12);
    QTRY_COMPARE(s.newestDecision(held).value(u"reason"_s).toString(), u"backend-draining-kept"_s);

    // Ready again: new sessions reach it again.
    const Reply ready = s.call("PATCH", "/api/v1/pools/web/backends/b1", R"({"state": "ready"})");
    QCOMPARE(ready.status, 200);
    QCOMPARE(ready.json.value(u"state"_s).toString(), u"ready"_s);
    QVERIFY(!s.sessionOn("b1").isEmpty());

    const QJsonObject recent = s.recentEvents();
    const QJsonObject drained = eventOf(recent, u"state"_s, u"b1"_s); // newest first: → ready
    QCOMPARE(drained.value(u"from"_s).toString(), u"drain"_s);
    QCOMPARE(drained.value(u"to"_s).toString(), u"ready"_s);
}

void TestAdminApi::maintenanceCountsBackendChangesByCause()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray held = s.sessionOn("b1");
    QVERIFY(!held.isEmpty());
    const Reply r = s.call("PATCH", "/api/v1/pools/web/backends/b1", R"({"state": "maint"})");
    QVERIFY2(r.status == 200, r.describe().constData());

    // The session's next request moves: one backend change, counted under its cause.
    const HttpResponse moved = s.request(held);
    QCOMPARE(moved.status, 200);
    QVERIFY(moved.header("X-Backend") != "b1");
    const QJsonObject pool = s.cluster().value(u"pools"_s).toArray().first().toObject();
    QCOMPARE(pool.value(u"backend_changes"_s).toInt(), 1);
    const QJsonObject causes = pool.value(u"backend_changes_by_cause"_s).toObject();
    QCOMPARE(causes.keys(), QStringList{u"backend-down-redispatched"_s});
    QCOMPARE(causes.value(u"backend-down-redispatched"_s).toInt(), 1);
}

void TestAdminApi::weightAndMaxConn()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));

    const Reply r = s.call("PATCH", "/api/v1/pools/web/backends/b1", R"({"weight": 3})");
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json.value(u"weight"_s).toInt(), 3);
    QCOMPARE(r.json.value(u"state"_s).toString(), u"ready"_s);
    QCOMPARE(s.backendJson(u"b1"_s).value(u"weight"_s).toInt(), 3);

    // New sessions now go 3 : 1 : 1.
    QHash<QByteArray, int> counts;
    for (int i = 0; i < 25; ++i)
        ++counts[s.request().header("X-Backend")];
    QVERIFY2(counts.value("b1") >= 13, qPrintable(u"b1 took %1 of 25"_s.arg(counts.value("b1"))));
    QVERIFY(counts.value("b2") > 0 && counts.value("b3") > 0);

    const Reply both
        = s.call("PATCH", "/api/v1/pools/web/backends/b2", R"({"weight": 0, "max_conn": 5})");
    QVERIFY2(both.status == 200, both.describe().constData());
    QCOMPARE(both.json.value(u"weight"_s).toInt(), 0);
    QCOMPARE(both.json.value(u"max_conn"_s).toInt(), 5);
    for (int i = 0; i < 6; ++i)
        QVERIFY(s.request().header("X-Backend") != "b2"); // weight 0: no new sessions

    const QJsonObject weight = eventOf(s.recentEvents(), u"weight"_s, u"b1"_s);
    QCOMPARE(weight.value(u"from"_s).toString(), u"1"_s);
    QCOMPARE(weight.value(u"to"_s).toString(), u"3"_s);
}

void TestAdminApi::patchRejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    const QByteArray b1 = "/api/v1/pools/web/backends/b1";
    QTest::newRow("bogus-state") << QByteArray("PATCH") << b1 << QByteArray(R"({"state": "bogus"})")
                                 << 400;
    QTest::newRow("negative-weight")
        << QByteArray("PATCH") << b1 << QByteArray(R"({"weight": -1})") << 400;
    QTest::newRow("weight-too-big")
        << QByteArray("PATCH") << b1 << QByteArray(R"({"weight": 1001})") << 400;
    QTest::newRow("weight-as-text")
        << QByteArray("PATCH") << b1 << QByteArray(R"({"weight": "3"})") << 400;
    QTest::newRow("unknown-field")
        << QByteArray("PATCH") << b1 << QByteArray(R"({"colour": "red"})") << 400;
    QTest::newRow("valid-and-invalid")
        << QByteArray("PATCH") << b1 << QByteArray(R"({"weight": 5, "state": "bogus"})") << 400;
    QTest::newRow("not-json") << QByteArray("PATCH") << b1 << QByteArray("state=drain") << 400;
    QTest::newRow("json-array") << QByteArray("PATCH") << b1 << QByteArray(R"(["drain"])") << 400;
    QTest::newRow("empty-object") << QByteArray("PATCH") << b1 << QByteArray("{}") << 400;
    QTest::newRow("unknown-pool") << QByteArray("PATCH")
                                  << QByteArray("/api/v1/pools/nope/backends/b1")
                                  << QByteArray(R"({"state": "drain"})") << 404;
    QTest::newRow("unknown-backend")
        << QByteArray("PATCH") << QByteArray("/api/v1/pools/web/backends/b9")
        << QByteArray(R"({"state": "drain"})") << 404;
    QTest::newRow("put") << QByteArray("PUT") << b1 << QByteArray(R"({"state": "drain"})") << 405;
}

void TestAdminApi::patchRejectsBadRequests()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));

    const Reply r = s.call(method, target, body);
    QVERIFY2(r.status == status, r.describe().constData());
    QVERIFY(r.isJsonObject);
    QVERIFY(!r.json.value(u"error"_s).toString().isEmpty());
    if (status == 405)
        QCOMPARE(r.header("Allow"), QByteArray("GET, PATCH, DELETE"));
    // Nothing changed.
    const QJsonObject b1 = s.backendJson(u"b1"_s);
    QCOMPARE(b1.value(u"state"_s).toString(), u"ready"_s);
    QCOMPARE(b1.value(u"weight"_s).toInt(), 1);
    QVERIFY(eventOf(s.recentEvents(), u"state"_s).isEmpty());
    QVERIFY(eventOf(s.recentEvents(), u"weight"_s).isEmpty());
}

void TestAdminApi::addBackendTakesNewSessions()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    TestBackend b4(u"b4"_s);
    const QByteArray body
        = toJson({{u"name"_s, u"b4"_s}, {u"address"_s, u"127.0.0.1:%1"_s.arg(b4.port())}});

    const Reply r = s.call("POST", "/api/v1/pools/web/backends", body);
    QVERIFY2(r.status == 201, r.describe().constData());
    QCOMPARE(r.json.value(u"name"_s).toString(), u"b4"_s);
    QCOMPARE(r.json.value(u"pool"_s).toString(), u"web"_s);
    QCOMPARE(r.json.value(u"address"_s).toString(), u"127.0.0.1:%1"_s.arg(b4.port()));
    QCOMPARE(r.json.value(u"route"_s).toString(), u"b4"_s);
    QCOMPARE(r.json.value(u"state"_s).toString(), u"ready"_s);
    QCOMPARE(r.json.value(u"weight"_s).toInt(), 1);
    QCOMPARE(backendNames(s.cluster()), (QStringList{u"b1"_s, u"b2"_s, u"b3"_s, u"b4"_s}));

    // Roundrobin over four: new sessions reach it, with a cookie naming it that keeps them there.
    QByteArray onB4;
    for (int i = 0; i < 8; ++i) {
        const HttpResponse fresh = s.request();
        QCOMPARE(fresh.status, 200);
        if (fresh.header("X-Backend") == "b4") {
            QCOMPARE(fresh.body, QByteArray("b4"));
            onB4 = fresh.setCookieValue("SRV");
        }
    }
    QCOMPARE(b4.requestCount(), 2);
    QCOMPARE(routeOf(onB4), QByteArray("b4"));
    QCOMPARE(s.backendFor(onB4), QByteArray("b4"));
    QTRY_COMPARE(s.backendJson(u"b4"_s).value(u"requests"_s).toInt(), 3);
    QCOMPARE(eventOf(s.recentEvents(), u"backend-added"_s, u"b4"_s).value(u"to"_s).toString(),
        u"ready"_s);

    // The same name again: a conflict, and nothing changes.
    const Reply again = s.call("POST", "/api/v1/pools/web/backends", body);
    QVERIFY2(again.status == 409, again.describe().constData());
    QVERIFY(!again.json.value(u"error"_s).toString().isEmpty());
    QCOMPARE(backendNames(s.cluster()).size(), 4);
}

void TestAdminApi::addBackendRejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    const QByteArray web = "/api/v1/pools/web/backends";
    QTest::newRow("bad-address") << web << QByteArray(R"({"name": "b4", "address": "nowhere"})")
                                 << 400;
    QTest::newRow("port-zero") << web << QByteArray(R"({"name": "b4", "address": "127.0.0.1:0"})")
                               << 400;
    QTest::newRow("missing-name") << web << QByteArray(R"({"address": "127.0.0.1:9"})") << 400;
    QTest::newRow("missing-address") << web << QByteArray(R"({"name": "b4"})") << 400;
    QTest::newRow("bad-route") << web
                               << QByteArray(
                                      R"({"name": "b4", "address": "127.0.0.1:9", "route": "a-b"})")
                               << 400;
    QTest::newRow("bad-state") << web
                               << QByteArray(
                                      R"({"name": "b4", "address": "127.0.0.1:9", "state": "up"})")
                               << 400;
    QTest::newRow("unknown-field")
        << web << QByteArray(R"({"name": "b4", "address": "127.0.0.1:9", "x": 1})") << 400;
    QTest::newRow("not-json") << web << QByteArray("name=b4") << 400;
    QTest::newRow("unknown-pool") << QByteArray("/api/v1/pools/nope/backends")
                                  << QByteArray(R"({"name": "b4", "address": "127.0.0.1:9"})")
                                  << 404;
}

void TestAdminApi::addBackendRejectsBadRequests()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));

    const Reply r = s.call("POST", target, body);
    QVERIFY2(r.status == status, r.describe().constData());
    QVERIFY(!r.json.value(u"error"_s).toString().isEmpty());
    QCOMPARE(backendNames(s.cluster()), (QStringList{u"b1"_s, u"b2"_s, u"b3"_s}));
}

void TestAdminApi::forcedRemovalDropsBackendAndSessions()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray held = s.sessionOn("b2");
    QVERIFY(!held.isEmpty());
    QTRY_COMPARE(s.backendJson(u"b2"_s).value(u"sessions"_s).toInt(), 1);

    const Reply r = s.call("DELETE", "/api/v1/pools/web/backends/b2?force=1");
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json, (QJsonObject{{u"removed"_s, u"b2"_s}}));
    QCOMPARE(backendNames(s.cluster()), (QStringList{u"b1"_s, u"b3"_s}));
    QCOMPARE(s.get("/api/v1/sessions?backend=b2").json.value(u"total"_s).toInt(), 0);
    QVERIFY(eventOf(s.recentEvents(), u"backend-removed"_s, u"b2"_s)
                .value(u"message"_s)
                .toString()
                .contains(u"forced"_s));

    // Its client moves with a new cookie; no one reaches b2 any more.
    const int before = s.backend(2).requestCount();
    const HttpResponse moved = s.request(held);
    QCOMPARE(moved.status, 200);
    QVERIFY(moved.header("X-Backend") != "b2");
    QCOMPARE(routeOf(moved.setCookieValue("SRV")), moved.header("X-Backend"));
    for (int i = 0; i < 6; ++i)
        QVERIFY(s.request().header("X-Backend") != "b2");
    QCOMPARE(s.backend(2).requestCount(), before);

    QCOMPARE(s.call("DELETE", "/api/v1/pools/web/backends/b2?force=1").status, 404);
    QCOMPARE(s.call("DELETE", "/api/v1/pools/nope/backends/b1?force=1").status, 404);
}

void TestAdminApi::removalWaitsForSessionsToLeave()
{
    Setup s(3, [](Limpet::Config &c) { c.sessions.idle = 2s; });
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray held = s.sessionOn("b1");
    QVERIFY(!held.isEmpty());
    QTRY_COMPARE(s.backendJson(u"b1"_s).value(u"sessions"_s).toInt(), 1);

    // A backend with a bound session drains first.
    const Reply r = s.call("DELETE", "/api/v1/pools/web/backends/b1");
    QVERIFY2(r.status == 202, r.describe().constData());
    QCOMPARE(r.json.value(u"name"_s).toString(), u"b1"_s);
    QCOMPARE(r.json.value(u"removing"_s).toBool(), true);
    QCOMPARE(r.json.value(u"state"_s).toString(), u"drain"_s);
    const QJsonObject listed = s.backendJson(u"b1"_s);
    QCOMPARE(listed.value(u"removing"_s).toBool(), true);
    QCOMPARE(listed.value(u"state"_s).toString(), u"drain"_s);
    QCOMPARE(s.backendFor(held), QByteArray("b1")); // its session still gets there
    QVERIFY(s.request().header("X-Backend") != "b1");

    // Once the session has expired (idle 2 s), the backend goes.
    QTRY_VERIFY_WITH_TIMEOUT(!backendNames(s.cluster()).contains(u"b1"_s), 15000);
    const QJsonObject recent = s.recentEvents();
    QVERIFY(!eventOf(recent, u"backend-removing"_s, u"b1"_s).isEmpty());
    QVERIFY(!eventOf(recent, u"backend-removed"_s, u"b1"_s).isEmpty());
    const QJsonObject drained = eventOf(recent, u"state"_s, u"b1"_s);
    QCOMPARE(drained.value(u"from"_s).toString(), u"ready"_s);
    QCOMPARE(drained.value(u"to"_s).toString(), u"drain"_s);
    const HttpResponse moved = s.request(held);
    QVERIFY(moved.header("X-Backend") != "b1");
    QCOMPARE(routeOf(moved.setCookieValue("SRV")), moved.header("X-Backend"));

    // Without sessions, a removal is immediate even without force.
    QTRY_VERIFY_WITH_TIMEOUT(s.backendJson(u"b3"_s).value(u"sessions"_s).toInt() == 0, 15000);
    const Reply now = s.call("DELETE", "/api/v1/pools/web/backends/b3");
    QVERIFY2(now.status == 200, now.describe().constData());
    QCOMPARE(now.json, (QJsonObject{{u"removed"_s, u"b3"_s}}));
    QCOMPARE(backendNames(s.cluster()), QStringList{u"b2"_s});
}

void TestAdminApi::sessionsListFilterAndPage()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    QHash<QByteArray, QByteArray> backendOfKey;
    for (int i = 0; i < 6; ++i) {
        const HttpResponse r = s.request();
        backendOfKey.insert(r.setCookieValue("SRV"), r.header("X-Backend"));
    }
    QTRY_COMPARE(s.get("/api/v1/sessions").json.value(u"total"_s).toInt(), 6);

    const Reply all = s.get("/api/v1/sessions");
    QCOMPARE(all.status, 200);
    const QJsonArray sessions = all.json.value(u"sessions"_s).toArray();
    QCOMPARE(sessions.size(), 6);
    QString previous;
    for (const QJsonValue &v : sessions) {
        const QJsonObject o = v.toObject();
        const QByteArray key = o.value(u"key"_s).toString().toUtf8();
        QVERIFY2(backendOfKey.contains(key), key.constData());
        QCOMPARE(o.value(u"backend"_s).toString().toUtf8(), backendOfKey.value(key));
        QCOMPARE(o.value(u"pool"_s).toString(), u"web"_s);
        QCOMPARE(o.value(u"client"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(o.value(u"requests"_s).toInt(), 1);
        QVERIFY(o.value(u"pin"_s).isNull());
        const QString lastSeen = o.value(u"last_seen"_s).toString();
        QVERIFY(previous.isEmpty() || lastSeen <= previous); // newest first
        previous = lastSeen;
    }

    const auto total = [&](const QByteArray &query) {
        return s.get("/api/v1/sessions" + query).json.value(u"total"_s).toInt();
    };
    QCOMPARE(total("?pool=web"), 6);
    QCOMPARE(total("?pool=other"), 0);
    QCOMPARE(total("?backend=b1"), 2);
    QCOMPARE(total("?q=127.0.0"), 6);
    const QByteArray someKey = backendOfKey.keys().first();
    const Reply byKey = s.get("/api/v1/sessions?q=" + someKey.right(8));
    QCOMPARE(byKey.json.value(u"total"_s).toInt(), 1);
    QCOMPARE(byKey.json.value(u"sessions"_s).toArray().at(0).toObject().value(u"key"_s).toString(),
        QString::fromUtf8(someKey));
    for (const QJsonValue &v :
        s.get("/api/v1/sessions?backend=b2").json.value(u"sessions"_s).toArray())
        QCOMPARE(v.toObject().value(u"backend"_s).toString(), u"b2"_s);

    const Reply page = s.get("/api/v1/sessions?limit=2");
    QCOMPARE(page.json.value(u"total"_s).toInt(), 6);
    QCOMPARE(page.json.value(u"sessions"_s).toArray().size(), 2);
    const Reply last = s.get("/api/v1/sessions?limit=4&offset=4");
    QCOMPARE(last.json.value(u"total"_s).toInt(), 6);
    QCOMPARE(last.json.value(u"sessions"_s).toArray().size(), 2);
    QCOMPARE(s.get("/api/v1/sessions?offset=6").json.value(u"sessions"_s).toArray().size(), 0);

    QCOMPARE(s.get("/api/v1/sessions?limit=-1").status, 400);
    QCOMPARE(s.get("/api/v1/sessions?limit=10001").status, 400);
    QCOMPARE(s.get("/api/v1/sessions?offset=x").status, 400);
}

void TestAdminApi::sessionChangesFollowTheTable()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray first = s.request().setCookieValue("SRV");
    const QByteArray second = s.request().setCookieValue("SRV");
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    QTRY_COMPARE(s.get("/api/v1/sessions").json.value(u"total"_s).toInt(), 2);

    // The first read is the whole table, with a cursor for the next.
    const Reply whole = s.get("/api/v1/sessions/changes");
    QVERIFY2(whole.status == 200, whole.describe().constData());
    QCOMPARE(whole.json.value(u"full"_s).toBool(), true);
    QCOMPARE(whole.json.value(u"truncated"_s).toBool(), false);
    QCOMPARE(whole.json.value(u"total"_s).toInt(), 2);
    QCOMPARE(whole.json.value(u"sessions"_s).toArray().size(), 2);
    QVERIFY(whole.json.value(u"removed"_s).toArray().isEmpty());
    QByteArray cursor = whole.json.value(u"cursor"_s).toString().toLatin1();
    QVERIFY(!cursor.isEmpty());

    // Then only what changed: the session that came back and the new one, and a forgotten key.
    QCOMPARE(s.request(first).header("X-Backend").isEmpty(), false);
    const QByteArray third = s.request().setCookieValue("SRV");
    QCOMPARE(s.call("DELETE", "/api/v1/sessions/web/" + second).status, 200);
    QHash<QByteArray, QJsonObject> changed;
    QList<QByteArray> removed;
    const auto follow = [&] {
        const Reply r = s.get("/api/v1/sessions/changes?cursor=" + cursor);
        if (r.status != 200 || r.json.value(u"full"_s).toBool())
            return false;
        cursor = r.json.value(u"cursor"_s).toString().toLatin1();
        for (const QJsonValue &v : r.json.value(u"sessions"_s).toArray())
            changed.insert(v.toObject().value(u"key"_s).toString().toUtf8(), v.toObject());
        for (const QJsonValue &v : r.json.value(u"removed"_s).toArray()) {
            if (v.toObject().value(u"pool"_s).toString() == u"web"_s)
                removed.append(v.toObject().value(u"key"_s).toString().toUtf8());
        }
        return changed.contains(first) && changed.value(first).value(u"requests"_s).toInt() == 2
            && changed.contains(third) && removed.contains(second);
    };
    QTRY_VERIFY(follow());
    QCOMPARE(changed.size(), 2);
    QCOMPARE(removed, QList<QByteArray>{second});
    QCOMPARE(changed.value(third).value(u"requests"_s).toInt(), 1);

    // Nothing new: an empty answer, not the table again.
    const Reply quiet = s.get("/api/v1/sessions/changes?cursor=" + cursor);
    QCOMPARE(quiet.json.value(u"full"_s).toBool(), false);
    QVERIFY(quiet.json.value(u"sessions"_s).toArray().isEmpty());
    QVERIFY(quiet.json.value(u"total"_s).isNull());

    // Readers follow independently: a second one starts whole, then both get only changes.
    const Reply other = s.get("/api/v1/sessions/changes");
    QCOMPARE(other.json.value(u"full"_s).toBool(), true);
    QCOMPARE(other.json.value(u"sessions"_s).toArray().size(), 2);
    QByteArray otherCursor = other.json.value(u"cursor"_s).toString().toLatin1();
    const QByteArray replayed = cursor;
    QCOMPARE(s.request(third).header("X-Backend").isEmpty(), false);
    const auto onlyThird = [&](QByteArray &c) {
        const Reply r = s.get("/api/v1/sessions/changes?cursor=" + c);
        if (r.status != 200 || r.json.value(u"full"_s).toBool())
            return false;
        c = r.json.value(u"cursor"_s).toString().toLatin1();
        const QJsonArray sessions = r.json.value(u"sessions"_s).toArray();
        return sessions.size() == 1
            && sessions.first().toObject().value(u"key"_s).toString().toUtf8() == third
            && sessions.first().toObject().value(u"requests"_s).toInt() == 2;
    };
    // (Each call reads, so each is waited for once, not checked again.)
    QVERIFY(QTest::qWaitFor([&] { return onlyThird(cursor); }, 5000));
    QVERIFY(QTest::qWaitFor([&] { return onlyThird(otherCursor); }, 5000));
    // A cursor used already (a replayed answer) no longer matches its reader: whole again.
    const Reply stale = s.get("/api/v1/sessions/changes?cursor=" + replayed);
    QCOMPARE(stale.json.value(u"full"_s).toBool(), true);
    QCOMPARE(stale.json.value(u"sessions"_s).toArray().size(), 2);

    for (const QByteArray bad : {QByteArray("nonsense"), QByteArray("MS4yLjM"), QByteArray("%%")}) {
        const Reply r = s.get("/api/v1/sessions/changes?cursor=" + bad);
        QVERIFY2(r.status == 400, r.describe().constData());
        QVERIFY(r.json.value(u"error"_s).toString().contains(u"cursor"_s));
    }
    QCOMPARE(s.call("POST", "/api/v1/sessions/changes").status, 405);
}

void TestAdminApi::forgetSession()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray key = s.request().setCookieValue("SRV");
    QVERIFY(!key.isEmpty());
    QTRY_COMPARE(s.get("/api/v1/sessions").json.value(u"total"_s).toInt(), 1);

    const Reply r = s.call("DELETE", "/api/v1/sessions/web/" + key);
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json, (QJsonObject{{u"forgotten"_s, QString::fromUtf8(key)}}));
    QCOMPARE(s.get("/api/v1/sessions").json.value(u"total"_s).toInt(), 0);
    QCOMPARE(eventOf(s.recentEvents(), u"session-forgotten"_s).value(u"from"_s).toString(),
        QString::fromUtf8(key));

    const Reply again = s.call("DELETE", "/api/v1/sessions/web/" + key);
    QVERIFY2(again.status == 404, again.describe().constData());
    QVERIFY(!again.json.value(u"error"_s).toString().isEmpty());
    QCOMPARE(s.call("DELETE", "/api/v1/sessions/nope/" + key).status, 404);
}

void TestAdminApi::keyWithSlashIsPercentEncoded()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));

    // Keys are whatever the affinity mode reads (hash modes: paths, headers): "a/b" travels as
    // one path segment, a%2Fb.
    const Reply pinned = s.call("PUT", "/api/v1/sessions/web/a%2Fb", R"({"backend": "b2"})");
    QVERIFY2(pinned.status == 200, pinned.describe().constData());
    QCOMPARE(pinned.json.value(u"key"_s).toString(), u"a/b"_s);
    QCOMPARE(pinned.json.value(u"pin"_s).toObject().value(u"backend"_s).toString(), u"b2"_s);

    const Reply listed = s.get("/api/v1/sessions?q=a%2Fb");
    QCOMPARE(listed.json.value(u"total"_s).toInt(), 1);
    QCOMPARE(listed.json.value(u"sessions"_s).toArray().at(0).toObject().value(u"key"_s).toString(),
        u"a/b"_s);
    const Reply one = s.get("/api/v1/sessions/web/a%2Fb");
    QCOMPARE(one.status, 200);
    QCOMPARE(one.json.value(u"key"_s).toString(), u"a/b"_s);

    const Reply r = s.call("DELETE", "/api/v1/sessions/web/a%2Fb");
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json.value(u"forgotten"_s).toString(), u"a/b"_s);
    QCOMPARE(s.call("DELETE", "/api/v1/sessions/web/a%2Fb").status, 404);
    // Unencoded, "a/b" is two segments: not a session route.
    QCOMPARE(s.call("DELETE", "/api/v1/sessions/web/a/b").status, 404);
}

void TestAdminApi::pinForTtlThenBack()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray key = s.sessionOn("b1");
    QVERIFY(!key.isEmpty());
    const QByteArray path = "/api/v1/sessions/web/" + key;

    const Reply r = s.call("PUT", path, R"({"backend": "b2", "ttl": 2})");
    QVERIFY2(r.status == 200, r.describe().constData());
    QCOMPARE(r.json.value(u"key"_s).toString(), QString::fromUtf8(key));
    const QJsonObject pin = r.json.value(u"pin"_s).toObject();
    QCOMPARE(pin.value(u"backend"_s).toString(), u"b2"_s);
    const QDateTime expires
        = QDateTime::fromString(pin.value(u"expires"_s).toString(), Qt::ISODateWithMs);
    QVERIFY(expires.isValid());
    QVERIFY(expires > QDateTime::currentDateTimeUtc());

    // Pinned: its requests go to b2, and its cookie is left as it is.
    const HttpResponse during = s.request(key);
    QCOMPARE(during.header("X-Backend"), QByteArray("b2"));
    QVERIFY(during.setCookieValue("SRV").isNull());
    QTRY_COMPARE(s.newestDecision(key).value(u"reason"_s).toString(), u"session-pinned"_s);
    QCOMPARE(s.newestDecision(key).value(u"backend"_s).toString(), u"b2"_s);
    QCOMPARE(eventOf(s.recentEvents(), u"session-pinned"_s).value(u"to"_s).toString(), u"b2"_s);

    // After the ttl it is back on its own backend, with the same cookie.
    QTRY_COMPARE_WITH_TIMEOUT(s.backendFor(key), QByteArray("b1"), 10000);
    const HttpResponse after = s.request(key);
    QCOMPARE(after.header("X-Backend"), QByteArray("b1"));
    QVERIFY(after.setCookieValue("SRV").isNull());
    QTRY_COMPARE(s.newestDecision(key).value(u"reason"_s).toString(), u"cookie-hit"_s);
}

void TestAdminApi::rebindReissuesCookie()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray key = s.sessionOn("b1");
    QVERIFY(!key.isEmpty());

    const Reply r = s.call("PUT", "/api/v1/sessions/web/" + key, R"({"backend": "b2"})");
    QVERIFY2(r.status == 200, r.describe().constData());
    const QJsonObject pin = r.json.value(u"pin"_s).toObject();
    QCOMPARE(pin.value(u"backend"_s).toString(), u"b2"_s);
    QVERIFY(pin.contains(u"expires"_s));
    QVERIFY(pin.value(u"expires"_s).isNull()); // for good

    // The next request moves, with a new cookie naming b2.
    const HttpResponse moved = s.request(key);
    QCOMPARE(moved.header("X-Backend"), QByteArray("b2"));
    const QByteArray fresh = moved.setCookieValue("SRV");
    QVERIFY(!fresh.isEmpty());
    QVERIFY(fresh != key);
    QCOMPARE(routeOf(fresh), QByteArray("b2"));
    QTRY_COMPARE(s.decisions("?limit=1").at(0).toObject().value(u"reason"_s).toString(),
        u"session-rebound"_s);
    const QJsonObject rebound = s.decisions("?limit=1").at(0).toObject();
    QCOMPARE(rebound.value(u"backend"_s).toString(), u"b2"_s);
    QCOMPARE(rebound.value(u"key"_s).toString(), QString::fromUtf8(fresh));

    // The new cookie keeps it there on its own.
    for (int i = 0; i < 3; ++i) {
        const HttpResponse next = s.request(fresh);
        QCOMPARE(next.header("X-Backend"), QByteArray("b2"));
        QVERIFY(next.setCookieValue("SRV").isNull());
    }
    QTRY_COMPARE(s.newestDecision(fresh).value(u"reason"_s).toString(), u"cookie-hit"_s);
    const QJsonObject event = eventOf(s.recentEvents(), u"session-rebound"_s);
    QCOMPARE(event.value(u"from"_s).toString(), u"b1"_s);
    QCOMPARE(event.value(u"to"_s).toString(), u"b2"_s);
}

void TestAdminApi::pinRejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("pool");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    QTest::newRow("unknown-backend")
        << QByteArray("web") << QByteArray(R"({"backend": "b9"})") << 404;
    QTest::newRow("unknown-pool") << QByteArray("nope") << QByteArray(R"({"backend": "b2"})")
                                  << 404;
    QTest::newRow("ttl-zero") << QByteArray("web") << QByteArray(R"({"backend": "b2", "ttl": 0})")
                              << 400;
    QTest::newRow("ttl-negative") << QByteArray("web")
                                  << QByteArray(R"({"backend": "b2", "ttl": -5})") << 400;
    QTest::newRow("ttl-text") << QByteArray("web")
                              << QByteArray(R"({"backend": "b2", "ttl": "1m"})") << 400;
    QTest::newRow("no-backend") << QByteArray("web") << QByteArray(R"({"ttl": 10})") << 400;
    QTest::newRow("unknown-field")
        << QByteArray("web") << QByteArray(R"({"backend": "b2", "until": 10})") << 400;
    QTest::newRow("not-json") << QByteArray("web") << QByteArray("backend=b2") << 400;
}

void TestAdminApi::pinRejectsBadRequests()
{
    QFETCH(QByteArray, pool);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray key = s.sessionOn("b1");
    QVERIFY(!key.isEmpty());

    const Reply r = s.call("PUT", "/api/v1/sessions/" + pool + '/' + key, body);
    QVERIFY2(r.status == status, r.describe().constData());
    QVERIFY(!r.json.value(u"error"_s).toString().isEmpty());
    // The session is where it was, unpinned.
    QCOMPARE(s.backendFor(key), QByteArray("b1"));
    QTRY_VERIFY(s.get("/api/v1/sessions")
                    .json.value(u"sessions"_s)
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(u"pin"_s)
                    .isNull());
}

void TestAdminApi::decisionsBySessionAndClient()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    // Session A: three requests; session B: one.
    const HttpResponse a1 = s.request({}, "/a1");
    const QByteArray a = a1.setCookieValue("SRV");
    QCOMPARE(s.request(a, "/a2").status, 200);
    QCOMPARE(s.request(a, "/a3").status, 200);
    const HttpResponse b1 = s.request({}, "/b1");
    const QByteArray b = b1.setCookieValue("SRV");
    QTRY_COMPARE(s.decisions().size(), 4);

    const QByteArray encodedA = QUrl::toPercentEncoding(QString::fromUtf8(a));
    const Reply r = s.get("/api/v1/decisions?session=" + encodedA);
    QVERIFY2(r.status == 200, r.describe().constData());
    const QJsonArray ofA = r.json.value(u"decisions"_s).toArray();
    QCOMPARE(ofA.size(), 3);
    // Newest first.
    QCOMPARE(ofA[0].toObject().value(u"target"_s).toString(), u"/a3"_s);
    QCOMPARE(ofA[2].toObject().value(u"target"_s).toString(), u"/a1"_s);
    const QJsonObject firstOfA = ofA[2].toObject();
    QCOMPARE(firstOfA.value(u"reason"_s).toString(), u"cookie-absent"_s);
    QCOMPARE(firstOfA.value(u"backend"_s).toString().toUtf8(), a1.header("X-Backend"));
    QCOMPARE(firstOfA.value(u"key"_s).toString().toUtf8(), a);
    QVERIFY(firstOfA.value(u"set_cookie"_s)
                .toString()
                .toUtf8()
                .startsWith(QByteArray("SRV=" + a + ';')));
    QVERIFY(firstOfA.value(u"key_seen"_s).isNull());
    for (const QJsonValue &v : ofA) {
        const QJsonObject d = v.toObject();
        QCOMPARE(d.value(u"pool"_s).toString(), u"web"_s);
        QCOMPARE(d.value(u"status"_s).toInt(), 200);
        QCOMPARE(d.value(u"method"_s).toString(), u"GET"_s);
        QCOMPARE(d.value(u"client"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(d.value(u"mode"_s).toString(), u"insert"_s);
        QCOMPARE(d.value(u"changed_backend"_s).toBool(), false);
        QVERIFY(d.value(u"change_cause"_s).isNull());
        QVERIFY(QDateTime::fromString(d.value(u"time"_s).toString(), Qt::ISODateWithMs).isValid());
    }
    const QJsonObject hit = ofA[0].toObject();
    QCOMPARE(hit.value(u"reason"_s).toString(), u"cookie-hit"_s);
    QCOMPARE(hit.value(u"key_seen"_s).toString().toUtf8(), a);
    QCOMPARE(hit.value(u"backend"_s).toString().toUtf8(), a1.header("X-Backend"));
    QVERIFY(hit.value(u"set_cookie"_s).isNull());

    const QJsonArray ofB = s.decisions("?session=" + QUrl::toPercentEncoding(QString::fromUtf8(b)));
    QCOMPARE(ofB.size(), 1);
    QCOMPARE(ofB[0].toObject().value(u"target"_s).toString(), u"/b1"_s);

    QCOMPARE(s.decisions("?client=127.0.0.1").size(), 4);
    QCOMPARE(s.decisions("?client=10.0.0.1").size(), 0);
    const QJsonArray newest = s.decisions("?limit=1");
    QCOMPARE(newest.size(), 1);
    QCOMPARE(newest[0].toObject().value(u"target"_s).toString(), u"/b1"_s);
    QCOMPARE(s.decisions("?limit=2&session=" + encodedA).size(), 2);
    QCOMPARE(s.decisions("?session=nope").size(), 0);
    QCOMPARE(s.get("/api/v1/decisions?limit=10001").status, 400);
    QCOMPARE(s.get("/api/v1/decisions?limit=many").status, 400);
}

void TestAdminApi::eventStream()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    EventStream stream;
    QVERIFY(stream.open(s.adminPort(), Token));
    QVERIFY2(stream.head().startsWith("HTTP/1.1 200"), stream.head().constData());
    QVERIFY2(stream.head().contains("Content-Type: text/event-stream"), stream.head().constData());

    // Counters come about once a second: a cluster object.
    const std::optional<SseEvent> counters = stream.waitFor("counters", {}, 2500);
    QVERIFY(counters);
    QVERIFY(!counters->id.isEmpty());
    QCOMPARE(counters->data.value(u"instance"_s).toObject().value(u"listen"_s).toString(),
        u"127.0.0.1:%1"_s.arg(s.port()));
    QCOMPARE(backendNames(counters->data).size(), 3);

    // A proxied request: its decision names the backend that answered.
    const HttpResponse r = s.request({}, "/streamed");
    QCOMPARE(r.status, 200);
    const std::optional<SseEvent> decision = stream.waitFor(
        "decision",
        [](const QJsonObject &d) { return d.value(u"target"_s).toString() == u"/streamed"_s; },
        5000);
    QVERIFY(decision);
    QCOMPARE(decision->data.value(u"backend"_s).toString().toUtf8(), r.header("X-Backend"));
    QCOMPARE(decision->data.value(u"reason"_s).toString(), u"cookie-absent"_s);
    QCOMPARE(decision->data.value(u"key"_s).toString().toUtf8(), r.setCookieValue("SRV"));

    // A change by an operator: a state event.
    QCOMPARE(s.call("PATCH", "/api/v1/pools/web/backends/b3", R"({"state": "maint"})").status, 200);
    const std::optional<SseEvent> event = stream.waitFor(
        "event", [](const QJsonObject &e) { return e.value(u"kind"_s).toString() == u"state"_s; },
        5000);
    QVERIFY(event);
    QCOMPARE(event->data.value(u"backend"_s).toString(), u"b3"_s);
    QCOMPARE(event->data.value(u"from"_s).toString(), u"ready"_s);
    QCOMPARE(event->data.value(u"to"_s).toString(), u"maint"_s);
    QVERIFY(event->id.toInt() > counters->id.toInt());

    // And counters keep coming, showing the change.
    const std::optional<SseEvent> later = stream.waitFor(
        "counters",
        [](const QJsonObject &c) {
            return backendIn(c, u"b3"_s).value(u"state"_s).toString() == u"maint"_s;
        },
        2500);
    QVERIFY(later);

    const QJsonObject recent = s.recentEvents();
    const QJsonObject state = eventOf(recent, u"state"_s, u"b3"_s);
    QCOMPARE(state.value(u"to"_s).toString(), u"maint"_s);
    QCOMPARE(state.value(u"pool"_s).toString(), u"web"_s);
    QCOMPARE(state.value(u"id"_s).toInteger(), event->data.value(u"id"_s).toInteger());
    QCOMPARE(s.get("/api/v1/events/recent?limit=1").json.value(u"events"_s).toArray().size(), 1);
    QCOMPARE(s.get("/api/v1/events/recent?limit=-1").status, 400);
}

void TestAdminApi::eventStreamSamplesAndFollows()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    QCOMPARE(s.get("/api/v1/events?decisions=-1").status, 400);
    QCOMPARE(s.get("/api/v1/events?decisions=5001").status, 400);
    QCOMPARE(s.get("/api/v1/events?decisions=many").status, 400);
    QCOMPARE(s.get("/api/v1/events?client=not-an-address").status, 400);

    // A stream that samples no decision but follows one session: only that session's come.
    const QByteArray key = s.request({}, "/first").setCookieValue("SRV");
    QVERIFY(!key.isEmpty());
    EventStream stream;
    QVERIFY(stream.open(s.adminPort(), Token, 5000,
        "/api/v1/events?decisions=0&session=" + QUrl::toPercentEncoding(QString::fromUtf8(key))));
    QVERIFY2(stream.head().startsWith("HTTP/1.1 200"), stream.head().constData());
    QCOMPARE(s.request({}, "/other").status, 200); // another session, before the followed one's
    QCOMPARE(s.request(key, "/mine").status, 200);
    // (The session's own first request may be recorded just after the stream began: it is the
    // followed session's too.)
    const std::optional<SseEvent> first = stream.waitFor(
        "decision",
        [](const QJsonObject &d) { return d.value(u"target"_s).toString() != u"/first"_s; }, 5000);
    QVERIFY(first);
    QCOMPARE(first->data.value(u"target"_s).toString(), u"/mine"_s);
    QCOMPARE(first->data.value(u"key_seen"_s).toString().toUtf8(), key);
    // Counters still come.
    QVERIFY(stream.waitFor("counters", {}, 2500));

    // A stream reopened with the last event its client got starts with the events since.
    QCOMPARE(s.call("PATCH", "/api/v1/pools/web/backends/b2", R"({"state": "drain"})").status, 200);
    const QJsonObject drained = eventOf(s.recentEvents(), u"state"_s, u"b2"_s);
    const qint64 drainedId = drained.value(u"id"_s).toInteger();
    QVERIFY(drainedId > 0);
    EventStream resumed;
    QVERIFY(resumed.open(s.adminPort(), Token, 5000,
        "/api/v1/events?events_after=" + QByteArray::number(drainedId - 1)));
    const std::optional<SseEvent> again = resumed.next(5000);
    QVERIFY(again);
    QCOMPARE(again->kind, "event"_ba);
    QCOMPARE(again->data.value(u"id"_s).toInteger(), drainedId);
    QCOMPARE(again->data.value(u"to"_s).toString(), u"drain"_s);
    // An id this instance never gave (another run's) is ignored: the stream starts from now,
    // its first tick bringing only counters.
    EventStream fresh;
    QVERIFY(fresh.open(s.adminPort(), Token, 5000, "/api/v1/events?events_after=999999"));
    const std::optional<SseEvent> firstOfFresh = fresh.next(5000);
    QVERIFY(firstOfFresh);
    QCOMPARE(firstOfFresh->kind, "counters"_ba);
    QCOMPARE(s.get("/api/v1/events?events_after=x").status, 400);

    // The default stream samples them all at this rate.
    EventStream all;
    QVERIFY(all.open(s.adminPort(), Token));
    QCOMPARE(s.request({}, "/other").status, 200);
    const std::optional<SseEvent> other = all.waitFor("decision", {}, 5000);
    QVERIFY(other);
    QCOMPARE(other->data.value(u"target"_s).toString(), u"/other"_s);
}

void TestAdminApi::inspectIsADryRun()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray key = s.sessionOn("b2");
    QVERIFY(!key.isEmpty());
    const int requests
        = s.backend(1).requestCount() + s.backend(2).requestCount() + s.backend(3).requestCount();
    QTRY_COMPARE(s.decisions().size(), requests);

    const auto state = [&] {
        const QJsonObject cluster = s.cluster();
        return QJsonArray{s.decisions("?limit=10000").size(),
            cluster.value(u"instance"_s).toObject().value(u"sessions"_s),
            cluster.value(u"pools"_s).toArray().at(0).toObject().value(u"decisions"_s),
            s.get("/api/v1/sessions").json.value(u"total"_s)};
    };
    const QJsonArray before = state();

    const Reply hit = s.call("POST", "/api/v1/inspect",
        toJson({{u"cookie"_s, QString(u"SRV="_s + QString::fromUtf8(key))}}));
    QVERIFY2(hit.status == 200, hit.describe().constData());
    QCOMPARE(hit.json.value(u"pool"_s).toString(), u"web"_s);
    QCOMPARE(hit.json.value(u"mode"_s).toString(), u"insert"_s);
    QCOMPARE(hit.json.value(u"reason"_s).toString(), u"cookie-hit"_s);
    QCOMPARE(hit.json.value(u"backend"_s).toString(), u"b2"_s);
    QCOMPARE(hit.json.value(u"key"_s).toString().toUtf8(), key);
    QCOMPARE(hit.json.value(u"decoded"_s).toString(), u"b2"_s);
    QVERIFY2(hit.json.value(u"summary"_s).toString().contains(u"b2"_s), hit.describe().constData());
    QCOMPARE(hit.json.value(u"session"_s).toObject().value(u"backend"_s).toString(), u"b2"_s);

    const Reply fresh = s.call("POST", "/api/v1/inspect", "{}");
    QVERIFY2(fresh.status == 200, fresh.describe().constData());
    QCOMPARE(fresh.json.value(u"reason"_s).toString(), u"cookie-absent"_s);
    QVERIFY(fresh.json.value(u"backend"_s).isNull());
    QCOMPARE(fresh.json.value(u"algorithm"_s).toString(), u"roundrobin"_s);
    QStringList candidates;
    for (const QJsonValue &c : fresh.json.value(u"candidates"_s).toArray())
        candidates.append(c.toString());
    candidates.sort();
    QCOMPARE(candidates, (QStringList{u"b1"_s, u"b2"_s, u"b3"_s}));
    QVERIFY(fresh.json.value(u"session"_s).isNull());

    // A draining backend leaves the candidates; its session would stay.
    QCOMPARE(s.call("PATCH", "/api/v1/pools/web/backends/b1", R"({"state": "drain"})").status, 200);
    const Reply drained = s.call("POST", "/api/v1/inspect", R"({"path": "/x", "method": "POST"})");
    QCOMPARE(drained.status, 200);
    candidates.clear();
    for (const QJsonValue &c : drained.json.value(u"candidates"_s).toArray())
        candidates.append(c.toString());
    candidates.sort();
    QCOMPARE(candidates, (QStringList{u"b2"_s, u"b3"_s}));
    QCOMPARE(drained.json.value(u"target"_s).toString(), u"/x"_s);
    QCOMPARE(drained.json.value(u"method"_s).toString(), u"POST"_s);

    // Nothing was recorded, counted or created.
    QCOMPARE(state(), before);
    QCOMPARE(
        s.backend(1).requestCount() + s.backend(2).requestCount() + s.backend(3).requestCount(),
        requests);
}

void TestAdminApi::inspectRejectsBadRequests_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("path-without-slash") << QByteArray(R"({"path": "x"})");
    QTest::newRow("client-not-an-address") << QByteArray(R"({"client": "somewhere"})");
    QTest::newRow("lower-case-method") << QByteArray(R"({"method": "get"})");
    QTest::newRow("line-break") << QByteArray(R"({"cookie": "SRV=a\r\nX: y"})");
    QTest::newRow("unknown-field") << QByteArray(R"({"url": "/"})");
    QTest::newRow("not-json") << QByteArray("cookie=SRV");
}

void TestAdminApi::inspectRejectsBadRequests()
{
    QFETCH(QByteArray, body);
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const Reply r = s.call("POST", "/api/v1/inspect", body);
    QVERIFY2(r.status == 400, r.describe().constData());
    QVERIFY(!r.json.value(u"error"_s).toString().isEmpty());
}

void TestAdminApi::configWithoutFileCannotReload()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const Reply config = s.get("/api/v1/config");
    QVERIFY2(config.status == 200, config.describe().constData());
    QVERIFY(config.json.contains(u"file"_s));
    QVERIFY(config.json.value(u"file"_s).isNull());
    QVERIFY(config.json.contains(u"text"_s));
    QVERIFY(config.json.value(u"text"_s).isNull());
    QCOMPARE(config.json.value(u"reloads"_s).toInt(), 0);
    QVERIFY(QDateTime::fromString(config.json.value(u"loaded"_s).toString(), Qt::ISODateWithMs)
                .isValid());

    const Reply reload = s.call("POST", "/api/v1/reload");
    QVERIFY2(reload.status == 409, reload.describe().constData());
    QVERIFY(!reload.json.value(u"error"_s).toString().isEmpty());
    QCOMPARE(s.get("/api/v1/config").json.value(u"reloads"_s).toInt(), 0);
}

void TestAdminApi::reloadFromFile()
{
    TestBackend b1(u"b1"_s);
    TestBackend b2(u"b2"_s);
    TestBackend b3(u"b3"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"limpet.toml"_s);
    const QByteArray original = configText({&b1, &b2});
    QVERIFY(writeFile(path, original));
    Limpet::ConfigResult loaded = Limpet::loadConfigFile(path);
    if (const auto *errors = std::get_if<QList<Limpet::ConfigError>>(&loaded))
        QFAIL(qPrintable(errors->value(0).toString()));
    Setup s(0, [&](Limpet::Config &c) { c = std::get<Limpet::Config>(loaded); });
    QVERIFY2(s.isRunning(), qPrintable(s.error()));

    const Reply config = s.get("/api/v1/config");
    QVERIFY2(config.status == 200, config.describe().constData());
    QCOMPARE(config.json.value(u"file"_s).toString(), path);
    QCOMPARE(config.json.value(u"text"_s).toString().toUtf8(), original);
    QCOMPARE(config.json.value(u"reloads"_s).toInt(), 0);
    const QString loadedAt = config.json.value(u"loaded"_s).toString();
    QVERIFY(QDateTime::fromString(loadedAt, Qt::ISODateWithMs).isValid());
    QCOMPARE(s.cluster().value(u"instance"_s).toObject().value(u"config_file"_s).toString(), path);
    QCOMPARE(backendNames(s.cluster()), (QStringList{u"b1"_s, u"b2"_s}));

    // A backend added to the file joins on reload.
    const QByteArray withB3 = configText({&b1, &b2, &b3});
    QVERIFY(writeFile(path, withB3));
    const Reply reload = s.call("POST", "/api/v1/reload");
    QVERIFY2(reload.status == 200, reload.describe().constData());
    QCOMPARE(reload.json.value(u"reloaded"_s).toBool(), true);
    const QJsonArray changes = reload.json.value(u"changes"_s).toArray();
    QStringList changeList;
    for (const QJsonValue &c : changes)
        changeList.append(c.toString());
    QVERIFY2(changeList.contains(u"pool web: backend b3 added (127.0.0.1:%1)"_s.arg(b3.port())),
        reload.describe().constData());
    QCOMPARE(backendNames(s.cluster()), (QStringList{u"b1"_s, u"b2"_s, u"b3"_s}));
    QCOMPARE(s.cluster().value(u"instance"_s).toObject().value(u"reloads"_s).toInt(), 1);
    QCOMPARE(eventOf(s.recentEvents(), u"backend-added"_s, u"b3"_s).value(u"message"_s).toString(),
        u"reload"_s);
    QVERIFY(!eventOf(s.recentEvents(), u"reload"_s).isEmpty());
    const Reply after = s.get("/api/v1/config");
    QCOMPARE(after.json.value(u"text"_s).toString().toUtf8(), withB3);
    QCOMPARE(after.json.value(u"reloads"_s).toInt(), 1);
    QVERIFY(after.json.value(u"loaded"_s).toString() >= loadedAt);
    QVERIFY(!s.sessionOn("b3").isEmpty()); // new sessions reach it

    // An invalid file: 400 with every error located, and the running config stays.
    QByteArray broken = withB3;
    broken.replace("name = \"b3\"", "name = \"b3\"\n  weight = \"heavy\"");
    broken += "\n[listener2]\nbind = 1\n";
    QVERIFY(writeFile(path, broken));
    const Reply bad = s.call("POST", "/api/v1/reload");
    QVERIFY2(bad.status == 400, bad.describe().constData());
    QVERIFY(!bad.json.value(u"error"_s).toString().isEmpty());
    const QJsonArray errors = bad.json.value(u"errors"_s).toArray();
    QVERIFY2(errors.size() >= 2, bad.describe().constData());
    const QRegularExpression located(u"^%1:\\d+:\\d+: .+"_s.arg(QRegularExpression::escape(path)));
    for (const QJsonValue &e : errors)
        QVERIFY2(located.match(e.toString()).hasMatch(), qPrintable(e.toString()));
    QCOMPARE(backendNames(s.cluster()), (QStringList{u"b1"_s, u"b2"_s, u"b3"_s}));
    QCOMPARE(s.backendJson(u"b3"_s).value(u"weight"_s).toInt(), 1);
    const Reply unchanged = s.get("/api/v1/config");
    QCOMPARE(unchanged.json.value(u"text"_s).toString().toUtf8(), withB3);
    QCOMPARE(unchanged.json.value(u"reloads"_s).toInt(), 1);
    QCOMPARE(eventKinds(s.recentEvents()).value(0), u"reload-failed"_s);
    QCOMPARE(s.request().status, 200); // still serving
}

void TestAdminApi::metricsMatchCluster()
{
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));
    const QByteArray key = s.sessionOn("b1");
    QVERIFY(!key.isEmpty());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(s.backendFor(key), QByteArray("b1"));
    QTRY_COMPARE(s.decisions().size(),
        s.backend(1).requestCount() + s.backend(2).requestCount() + s.backend(3).requestCount());

    const Reply r = s.get("/metrics");
    QVERIFY2(r.status == 200, r.describe().constData());
    QVERIFY2(r.header("Content-Type").startsWith("text/plain; version=0.0.4"),
        r.header("Content-Type").constData());

    // Every sample line is `name{labels} value`.
    const QRegularExpression sample(
        u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\})? (\\S+)$"_s);
    QHash<QString, double> values; // "name{labels}" → value
    int samples = 0;
    for (const QByteArray &line : r.http.body.split('\n')) {
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QRegularExpressionMatch m = sample.match(QString::fromUtf8(line));
        QVERIFY2(m.hasMatch(), line.constData());
        bool ok = false;
        const double v = m.captured(4).toDouble(&ok);
        QVERIFY2(ok || m.captured(4) == "+Inf"_L1 || m.captured(4) == "-Inf"_L1
                || m.captured(4) == "NaN"_L1,
            line.constData());
        values.insert(m.captured(1) + m.captured(2), v);
        ++samples;
    }
    QVERIFY(samples > 10);

    const QJsonObject cluster = s.cluster();
    for (int i = 1; i <= 3; ++i) {
        const QString name = s.backend(i).name();
        const QString series
            = u"limpet_backend_requests_total{pool=\"web\",backend=\"%1\"}"_s.arg(name);
        QVERIFY2(values.contains(series), qPrintable(series));
        QCOMPARE(values.value(series), backendIn(cluster, name).value(u"requests"_s).toDouble());
        QCOMPARE(values.value(series), double(s.backend(i).requestCount()));
    }
    QCOMPARE(values.value(u"limpet_backend_requests_total{pool=\"web\",backend=\"b1\"}"_s), 5.0);
}

void TestAdminApi::unknownRoutesAndMethods_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("allow");

    QTest::newRow("unknown-api-route")
        << QByteArray("GET") << QByteArray("/api/v1/nothing") << 404 << QByteArray();
    QTest::newRow("outside-api") << QByteArray("GET") << QByteArray("/index.html") << 404
                                 << QByteArray();
    QTest::newRow("other-version")
        << QByteArray("GET") << QByteArray("/api/v2/cluster") << 404 << QByteArray();
    QTest::newRow("too-deep") << QByteArray("GET") << QByteArray("/api/v1/pools/web/backends/b1/x")
                              << 404 << QByteArray();
    QTest::newRow("post-cluster") << QByteArray("POST") << QByteArray("/api/v1/cluster") << 405
                                  << QByteArray("GET");
    QTest::newRow("delete-sessions")
        << QByteArray("DELETE") << QByteArray("/api/v1/sessions") << 405 << QByteArray("GET");
    QTest::newRow("post-session") << QByteArray("POST") << QByteArray("/api/v1/sessions/web/k")
                                  << 405 << QByteArray("GET, PUT, DELETE");
    QTest::newRow("put-backends") << QByteArray("PUT") << QByteArray("/api/v1/pools/web/backends")
                                  << 405 << QByteArray("GET, POST");
    QTest::newRow("delete-decisions")
        << QByteArray("DELETE") << QByteArray("/api/v1/decisions") << 405 << QByteArray("GET");
    QTest::newRow("post-events") << QByteArray("POST") << QByteArray("/api/v1/events") << 405
                                 << QByteArray("GET");
    QTest::newRow("delete-recent")
        << QByteArray("DELETE") << QByteArray("/api/v1/events/recent") << 405 << QByteArray("GET");
    QTest::newRow("get-inspect") << QByteArray("GET") << QByteArray("/api/v1/inspect") << 405
                                 << QByteArray("POST");
    QTest::newRow("put-config") << QByteArray("PUT") << QByteArray("/api/v1/config") << 405
                                << QByteArray("GET");
    QTest::newRow("get-reload") << QByteArray("GET") << QByteArray("/api/v1/reload") << 405
                                << QByteArray("POST");
    QTest::newRow("post-metrics") << QByteArray("POST") << QByteArray("/metrics") << 405
                                  << QByteArray("GET");
}

void TestAdminApi::unknownRoutesAndMethods()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, status);
    QFETCH(QByteArray, allow);
    Setup s;
    QVERIFY2(s.isRunning(), qPrintable(s.error()));

    const Reply r = s.call(method, target);
    QVERIFY2(r.status == status, r.describe().constData());
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QVERIFY(r.isJsonObject);
    QVERIFY(!r.json.value(u"error"_s).toString().isEmpty());
    QCOMPARE(r.header("Allow"), allow);
}

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_admin_api.moc"
