// Live operations end to end, through real requests: draining and maintenance, removing and
// adding backends under traffic, retries on refused connections, max_conn queues, slow start,
// passive and active health, and operators' session pins. Each test asserts what a client
// notices (status, which backend answered, its cookie) and what an operator sees (snapshot,
// decisions, events).

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include <QDateTime>
#include <QHash>
#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <chrono>
#include <future>
#include <optional>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace LimpetTest;
using Limpet::BackendState;

namespace {

/// The route inside an SRV value "<8 hex>-<route>-<8 hex>".
QByteArray routeOf(const QByteArray &srv)
{
    const QList<QByteArray> parts = srv.split('-');
    return parts.size() == 3 ? parts[1] : QByteArray();
}

/// A well-formed insert cookie naming `route` (as a client of that backend would hold).
QByteArray cookieNaming(const QByteArray &route)
{
    return "0badc0de-" + route + "-0badc0de";
}

HeaderList withCookie(const QByteArray &srv)
{
    return {{"Cookie", "SRV=" + srv}};
}

/// Opens new sessions (fresh connections, no cookie) until `count` of them landed on
/// `backend`; returns their SRV values (fewer when 40 tries were not enough).
QList<QByteArray> sessionsOn(quint16 port, const QByteArray &backend, int count)
{
    QList<QByteArray> out;
    for (int i = 0; i < 40 && out.size() < count; ++i) {
        const HttpResponse r = httpGet(port, "/");
        if (r.status == 200 && r.body == backend)
            out.append(r.setCookieValue("SRV"));
    }
    return out;
}

/// The pool's config with these backends (insert cookie SRV, roundrobin), listening on port 0.
Limpet::Config configOf(const QList<const TestBackend *> &backends, int workers = 1)
{
    ProxyOptions options;
    options.workers = workers;
    return proxyConfig(backends, options);
}

std::optional<Limpet::BackendSnapshot> snapshotOf(
    const Limpet::Engine &engine, const QString &backend)
{
    for (const Limpet::PoolSnapshot &p : engine.snapshot().pools) {
        for (const Limpet::BackendSnapshot &b : p.backends) {
            if (b.name == backend)
                return b;
        }
    }
    return std::nullopt;
}

/// A backend's health as the snapshot shows it ("up", "down"), "gone" when it left its pool.
QString healthOf(const Limpet::Engine &engine, const QString &backend)
{
    const std::optional<Limpet::BackendSnapshot> b = snapshotOf(engine, backend);
    return b ? Limpet::toString(b->health) : u"gone"_s;
}

/// Decisions of one session (by the key it sent or was given), newest first.
QList<Limpet::Decision> decisionsOf(const Limpet::Engine &engine, const QByteArray &key)
{
    return engine.decisions(1000, key);
}

QString reasonOf(const Limpet::Decision &d)
{
    return Limpet::reasonCodeName(d.reason);
}

/// The newest decision whose response had `status` (a default Decision when there is none).
Limpet::Decision decisionWithStatus(const Limpet::Engine &engine, int status)
{
    for (const Limpet::Decision &d : engine.decisions(1000)) {
        if (d.status == status)
            return d;
    }
    return {};
}

/// Whether an event of `kind` about `backend` (and, when given, changing to `to`) was recorded,
/// and its message contains `text`.
bool hasEvent(const Limpet::Engine &engine, const QString &kind, const QString &backend,
    const QString &to = {}, const QString &text = {})
{
    for (const Limpet::EngineEvent &e : engine.events(1000)) {
        if (e.kind == kind && e.backend == backend && (to.isEmpty() || e.to == to)
            && e.message.contains(text))
            return true;
    }
    return false;
}

/// The error message of a refused operation, empty when it succeeded.
template <typename T>
QString errorOf(const Limpet::OpResult<T> &result)
{
    if (const auto *e = std::get_if<Limpet::OpError>(&result))
        return e->message.isEmpty() ? u"refused"_s : e->message;
    return {};
}

/// A request sent from its own thread with a blocking client, for requests that must overlap.
std::future<HttpResponse> requestAsync(quint16 port, HeaderList headers = {})
{
    return std::async(std::launch::async, [port, headers] {
        TestClient client(port);
        return client.request("GET", "/", headers);
    });
}

template <typename T>
bool isReady(const std::future<T> &f)
{
    return f.wait_for(0ms) == std::future_status::ready;
}

/// Requests a backend received from clients (health checks left out).
int clientRequests(const TestBackend &backend)
{
    int n = 0;
    for (const ReceivedRequest &r : backend.requests())
        n += r.header("user-agent") != "Limpet-health-check";
    return n;
}

/// New sessions, one per request on one kept-alive connection; how many each backend took.
QHash<QByteArray, int> spreadNewSessions(quint16 port, int count)
{
    QHash<QByteArray, int> by;
    TestClient client(port);
    for (int i = 0; i < count; ++i) {
        const HttpResponse r = client.request("GET", "/");
        by[r.status == 200 ? r.body : "error " + QByteArray::number(r.status)] += 1;
    }
    return by;
}

} // namespace

class TestOperations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drainKeepsSessionsMaintMovesThem();
    void forcedRemovalLetsInFlightRequestFinish();
    void removalWaitsForSessions();
    void addBackendUnderLoad();
    void refusedConnectionsRetriedElsewhere();
    void withoutRetriesRefusedConnectionIs502();
    void postNeverSentTwice();
    void maxConnQueuesRequests();
    void queueTimeoutAnswers503();
    void fullQueueAnswers503AtOnce();
    void slowStartRampsWeight();
    void passiveHealthTakesFailingBackendDown();
    void activeHealthDownAndUp();
    void pinnedSessionOverridesCookieForTtl();
    void learntSessionsSurviveReloadOfPoolSettings();
};

void TestOperations::drainKeepsSessionsMaintMovesThem()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s), b3(u"b3"_s);
    TestProxy proxy(configOf({&b1, &b2, &b3}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();

    const QList<QByteArray> bound = sessionsOn(proxy.port(), "b1", 3);
    QCOMPARE(bound.size(), 3);

    const auto drained = engine.control().setState(u"web"_s, u"b1"_s, BackendState::Drain);
    QVERIFY2(errorOf(drained).isEmpty(), qPrintable(errorOf(drained)));
    QVERIFY(hasEvent(engine, u"state"_s, u"b1"_s, u"drain"_s));

    // Its sessions stay, with the cookie they have.
    for (const QByteArray &srv : bound) {
        TestClient client(proxy.port());
        for (int i = 0; i < 2; ++i) {
            const HttpResponse r = client.request("GET", "/", withCookie(srv));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("b1"));
            QVERIFY(r.setCookieValue("SRV").isNull());
        }
        QTRY_COMPARE(decisionsOf(engine, srv).size(), 3);
        QCOMPARE(reasonOf(decisionsOf(engine, srv).first()), u"backend-draining-kept"_s);
    }
    // New sessions never land on it.
    const int b1Before = b1.requestCount();
    for (int i = 0; i < 30; ++i) {
        const HttpResponse r = httpGet(proxy.port(), "/");
        QCOMPARE(r.status, 200);
        QVERIFY2(r.body != "b1", r.body.constData());
        QCOMPARE(routeOf(r.setCookieValue("SRV")), r.body);
    }
    QCOMPARE(b1.requestCount(), b1Before);

    // Maintenance: its sessions move, each with a cookie of its new backend that sticks.
    const auto maint = engine.control().setState(u"web"_s, u"b1"_s, BackendState::Maint);
    QVERIFY2(errorOf(maint).isEmpty(), qPrintable(errorOf(maint)));
    for (const QByteArray &srv : bound) {
        TestClient client(proxy.port());
        const HttpResponse moved = client.request("GET", "/", withCookie(srv));
        QCOMPARE(moved.status, 200);
        QVERIFY(moved.body == "b2" || moved.body == "b3");
        const QByteArray reissued = moved.setCookieValue("SRV");
        QVERIFY2(!reissued.isEmpty() && reissued != srv, moved.rawHead.constData());
        QCOMPARE(routeOf(reissued), moved.body);
        QTRY_COMPARE(decisionsOf(engine, srv).size(), 4);
        const Limpet::Decision d = decisionsOf(engine, srv).first();
        QCOMPARE(reasonOf(d), u"backend-down-redispatched"_s);
        QVERIFY(d.changedBackend);
        QCOMPARE(d.previousBackend, u"b1"_s);

        const HttpResponse after = client.request("GET", "/", withCookie(reissued));
        QCOMPARE(after.body, moved.body);
        QVERIFY(after.setCookieValue("SRV").isNull());
    }
    QCOMPARE(b1.requestCount(), b1Before);
}

void TestOperations::forcedRemovalLetsInFlightRequestFinish()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s);
    TestProxy proxy(configOf({&b1, &b2}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();
    const QList<QByteArray> bound = sessionsOn(proxy.port(), "b1", 1);
    QCOMPARE(bound.size(), 1);
    const QByteArray srv = bound.first();

    Behaviour slow;
    slow.delayMs = 500;
    b1.setBehaviour(slow);
    const int before = b1.requestCount();
    std::future<HttpResponse> inFlight = requestAsync(proxy.port(), withCookie(srv));
    QTRY_COMPARE(b1.requestCount(), before + 1); // b1 has it and is taking its time

    const Limpet::OpResult<bool> removed = engine.control().removeBackend(u"web"_s, u"b1"_s, true);
    QVERIFY2(errorOf(removed).isEmpty(), qPrintable(errorOf(removed)));
    QCOMPARE(std::get<bool>(removed), true);
    QVERIFY(!snapshotOf(engine, u"b1"_s)); // gone from the pool at once
    QVERIFY(hasEvent(engine, u"backend-removed"_s, u"b1"_s));
    QVERIFY(!isReady(inFlight));

    // The request under way still gets its answer from b1.
    QTRY_VERIFY_WITH_TIMEOUT(isReady(inFlight), 5000);
    const HttpResponse finished = inFlight.get();
    QCOMPARE(finished.status, 200);
    QCOMPARE(finished.body, QByteArray("b1"));

    // The next request of that session goes to b2, with a cookie of b2.
    const HttpResponse next = httpGet(proxy.port(), "/", withCookie(srv));
    QCOMPARE(next.status, 200);
    QCOMPARE(next.body, QByteArray("b2"));
    QCOMPARE(routeOf(next.setCookieValue("SRV")), QByteArray("b2"));
    QCOMPARE(b1.requestCount(), before + 1);
}

void TestOperations::removalWaitsForSessions()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s);
    TestProxy proxy(configOf({&b1, &b2}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();
    const QList<QByteArray> bound = sessionsOn(proxy.port(), "b1", 1);
    QCOMPARE(bound.size(), 1);
    const QByteArray srv = bound.first();

    // A session is bound to it: it drains instead of leaving.
    const Limpet::OpResult<bool> removed = engine.control().removeBackend(u"web"_s, u"b1"_s, false);
    QVERIFY2(errorOf(removed).isEmpty(), qPrintable(errorOf(removed)));
    QCOMPARE(std::get<bool>(removed), false);
    const std::optional<Limpet::BackendSnapshot> b1Snapshot = snapshotOf(engine, u"b1"_s);
    QVERIFY(b1Snapshot);
    QCOMPARE(Limpet::toString(b1Snapshot->state), u"drain"_s);
    QVERIFY(b1Snapshot->removing);
    QCOMPARE(b1Snapshot->sessions, 1);

    // Its session is still served there; new ones are not.
    const HttpResponse kept = httpGet(proxy.port(), "/", withCookie(srv));
    QCOMPARE(kept.body, QByteArray("b1"));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(httpGet(proxy.port(), "/").body, QByteArray("b2"));
    QVERIFY(hasEvent(engine, u"backend-removing"_s, u"b1"_s));
    QVERIFY(snapshotOf(engine, u"b1"_s));

    // Once its last session is forgotten, the next tick (once a second) removes it.
    const Limpet::OpResult<bool> forgotten = engine.control().forgetSession(u"web"_s, srv);
    QVERIFY2(errorOf(forgotten).isEmpty(), qPrintable(errorOf(forgotten)));
    QTRY_VERIFY_WITH_TIMEOUT(!snapshotOf(engine, u"b1"_s), 5000);
    QTRY_VERIFY(hasEvent(engine, u"backend-removed"_s, u"b1"_s)); // recorded just after
    const HttpResponse moved = httpGet(proxy.port(), "/", withCookie(srv));
    QCOMPARE(moved.body, QByteArray("b2"));
}

void TestOperations::addBackendUnderLoad()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s), b3(u"b3"_s);
    TestProxy proxy(configOf({&b1, &b2}, 2));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();
    const quint16 port = proxy.port();

    struct LoadResult
    {
        int requests = 0;
        QList<QByteArray> failures; ///< "status body" of each response other than 200
        int stickyBroken = 0; ///< a returning session answered by another backend
        QHash<QByteArray, int> newSessionsBy; ///< backend → new sessions it took
    };
    std::atomic<bool> stop{false};
    std::atomic<int> done{0};
    // Alternates new sessions (fresh connections) and returning ones (their cookie, on one
    // kept-alive connection), without pause, until told to stop.
    std::future<LoadResult> load = std::async(std::launch::async, [&stop, &done, port] {
        LoadResult out;
        QList<QByteArray> cookies;
        TestClient returning(port);
        for (int i = 0; !stop.load(); ++i) {
            const bool fresh = i % 2 == 0 || cookies.isEmpty();
            HttpResponse r;
            QByteArray sent;
            if (fresh) {
                r = httpGet(port, "/");
            } else {
                sent = cookies.at((i / 2) % cookies.size());
                if (!returning.isConnected() || returning.peerClosed())
                    returning.connectTo(port);
                r = returning.request("GET", "/", withCookie(sent));
            }
            ++out.requests;
            done.fetch_add(1);
            if (r.status != 200) {
                out.failures.append(QByteArray::number(r.status) + ' ' + r.body);
                continue;
            }
            if (fresh) {
                out.newSessionsBy[r.body] += 1;
                cookies.append(r.setCookieValue("SRV"));
            } else if (routeOf(sent) != r.body) {
                ++out.stickyBroken;
            }
        }
        return out;
    });
    // Whatever happens below, the load thread ends before `load` waits for it.
    const auto stopLoad = qScopeGuard([&stop] { stop = true; });

    QTRY_VERIFY_WITH_TIMEOUT(done.load() >= 40, 5000);
    const auto added = engine.control().addBackend(u"web"_s, backendConfig(b3));
    QVERIFY2(errorOf(added).isEmpty(), qPrintable(errorOf(added)));
    QVERIFY(hasEvent(engine, u"backend-added"_s, u"b3"_s));
    const int atAdd = done.load();
    QTRY_VERIFY_WITH_TIMEOUT(b3.requestCount() >= 10 && done.load() >= atAdd + 60, 5000);
    stop = true;
    QTRY_VERIFY_WITH_TIMEOUT(isReady(load), 5000);
    const LoadResult result = load.get();

    QVERIFY2(result.failures.isEmpty(), result.failures.join(", ").constData());
    QCOMPARE(result.stickyBroken, 0);
    QVERIFY(result.requests >= 100);
    QVERIFY(result.newSessionsBy.value("b3") >= 5);
    // Returning sessions of b3 came back to it as well: it saw more than its new sessions.
    QVERIFY(b3.requestCount() > result.newSessionsBy.value("b3"));
}

void TestOperations::refusedConnectionsRetriedElsewhere()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s);
    Limpet::Config config = configOf({&b1, &b2});
    Limpet::BackendConfig dead;
    dead.name = u"dead"_s;
    dead.address = Limpet::Endpoint{QHostAddress::LocalHost, unusedPort()};
    QVERIFY(dead.address.port != 0);
    config.pools[0].backends.prepend(dead);
    QCOMPARE(config.pools[0].retries, 2); // the default
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();

    // New sessions: a third of them are balanced onto the dead backend first, and still get
    // their answer (and a cookie) from a live one.
    for (int i = 0; i < 12; ++i) {
        const HttpResponse r = httpGet(proxy.port(), "/");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body == "b1" || r.body == "b2");
        QCOMPARE(routeOf(r.setCookieValue("SRV")), r.body);
    }
    QCOMPARE(b1.requestCount() + b2.requestCount(), 12);
    const quint64 retries = snapshotOf(engine, u"dead"_s)->retries;
    QVERIFY2(retries >= 3, qPrintable(QString::number(retries)));
    QCOMPARE(snapshotOf(engine, u"b1"_s)->retries, quint64(0));

    // A session whose cookie names the dead backend moves to a live one, with a new cookie.
    const QByteArray stale = cookieNaming("dead");
    TestClient client(proxy.port());
    const HttpResponse moved = client.request("GET", "/", withCookie(stale));
    QCOMPARE(moved.status, 200);
    QVERIFY(moved.body == "b1" || moved.body == "b2");
    const QByteArray reissued = moved.setCookieValue("SRV");
    QCOMPARE(routeOf(reissued), moved.body);
    QTRY_COMPARE(decisionsOf(engine, stale).size(), 1);
    const Limpet::Decision d = decisionsOf(engine, stale).first();
    QCOMPARE(reasonOf(d), u"connect-failed-redispatched"_s);
    QVERIFY(d.changedBackend);
    QCOMPARE(d.previousBackend, u"dead"_s);
    QCOMPARE(d.retries, 1);
    QCOMPARE(d.status, 200);
    QCOMPARE(snapshotOf(engine, u"dead"_s)->retries, retries + 1);

    // The new cookie sticks.
    const HttpResponse after = client.request("GET", "/", withCookie(reissued));
    QCOMPARE(after.body, moved.body);
    QVERIFY(after.setCookieValue("SRV").isNull());
}

void TestOperations::withoutRetriesRefusedConnectionIs502()
{
    TestBackend b1(u"b1"_s);
    Limpet::Config config = configOf({&b1});
    Limpet::BackendConfig dead;
    dead.name = u"dead"_s;
    dead.address = Limpet::Endpoint{QHostAddress::LocalHost, unusedPort()};
    config.pools[0].backends.append(dead);
    config.pools[0].retries = 0;
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    const HttpResponse bound = httpGet(proxy.port(), "/", withCookie(cookieNaming("dead")));
    QCOMPARE(bound.status, 502);
    // New sessions alternate between the two: those balanced onto the dead one get 502.
    QHash<int, int> statuses;
    for (int i = 0; i < 4; ++i)
        statuses[httpGet(proxy.port(), "/").status] += 1;
    QCOMPARE(statuses.value(502), 2);
    QCOMPARE(statuses.value(200), 2);
    QCOMPARE(b1.requestCount(), 2);
    QCOMPARE(snapshotOf(proxy.engine(), u"dead"_s)->retries, quint64(0));
}

void TestOperations::postNeverSentTwice()
{
    Behaviour hangUp;
    hangUp.mode = Behaviour::Mode::CloseWithoutAnswer;
    TestBackend b1(u"b1"_s, hangUp), b2(u"b2"_s);
    TestProxy proxy(configOf({&b1, &b2}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    const HttpResponse r
        = client.request("POST", "/order", {{"Cookie", "SRV=" + cookieNaming("b1")}}, "amount=100");
    QCOMPARE(r.status, 502);
    // b1 got it once (and hung up); nobody got it a second time.
    QCOMPARE(b1.requestCount(), 1);
    QCOMPARE(b1.requests().first().body, QByteArray("amount=100"));
    QCOMPARE(b2.requestCount(), 0);
    QTRY_COMPARE(proxy.engine().decisions(10).size(), 1);
    QCOMPARE(proxy.engine().decisions(1).first().status, 502);
}

void TestOperations::maxConnQueuesRequests()
{
    Behaviour slow;
    slow.delayMs = 400;
    TestBackend b1(u"b1"_s, slow);
    Limpet::Config config = configOf({&b1});
    config.pools[0].backends[0].maxConn = 1;
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();

    std::future<HttpResponse> first = requestAsync(proxy.port());
    QTRY_COMPARE(b1.requestCount(), 1);
    std::future<HttpResponse> second = requestAsync(proxy.port());
    // The second waits in the proxy's queue while b1 still has only the first.
    QTRY_COMPARE(snapshotOf(engine, u"b1"_s)->queued, 1);
    QCOMPARE(b1.requestCount(), 1);
    QCOMPARE(snapshotOf(engine, u"b1"_s)->active, 1);

    QTRY_VERIFY_WITH_TIMEOUT(isReady(first) && isReady(second), 5000);
    QCOMPARE(first.get().status, 200);
    QCOMPARE(second.get().status, 200);
    QCOMPARE(b1.requestCount(), 2);
    QCOMPARE(snapshotOf(engine, u"b1"_s)->queueTimeouts, quint64(0));
    QCOMPARE(snapshotOf(engine, u"b1"_s)->queued, 0);
}

void TestOperations::queueTimeoutAnswers503()
{
    Behaviour slow;
    slow.delayMs = 600;
    TestBackend b1(u"b1"_s, slow);
    Limpet::Config config = configOf({&b1});
    config.pools[0].maxConn = 1;
    config.pools[0].queueTimeout = 100ms;
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();

    std::future<HttpResponse> first = requestAsync(proxy.port());
    QTRY_COMPARE(b1.requestCount(), 1);
    std::future<HttpResponse> second = requestAsync(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(isReady(second), 5000);
    QVERIFY(!isReady(first)); // refused after queue_timeout, while b1 still has the first
    QCOMPARE(second.get().status, 503);
    QTRY_VERIFY_WITH_TIMEOUT(isReady(first), 5000);
    QCOMPARE(first.get().status, 200);
    QCOMPARE(b1.requestCount(), 1);

    QCOMPARE(snapshotOf(engine, u"b1"_s)->queueTimeouts, quint64(1));
    QTRY_COMPARE(engine.decisions(10).size(), 2);
    QCOMPARE(reasonOf(decisionWithStatus(engine, 503)), u"queue-timeout"_s);
    QCOMPARE(reasonOf(decisionWithStatus(engine, 200)), u"cookie-absent"_s);
}

void TestOperations::fullQueueAnswers503AtOnce()
{
    Behaviour slow;
    slow.delayMs = 600;
    TestBackend b1(u"b1"_s, slow);
    Limpet::Config config = configOf({&b1});
    config.pools[0].maxConn = 1;
    config.pools[0].maxQueue = 0;
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    std::future<HttpResponse> first = requestAsync(proxy.port());
    QTRY_COMPARE(b1.requestCount(), 1);
    const HttpResponse second = httpGet(proxy.port(), "/");
    QCOMPARE(second.status, 503);
    QVERIFY(!isReady(first)); // no wait: refused while the first is still under way
    QTRY_VERIFY_WITH_TIMEOUT(isReady(first), 5000);
    QCOMPARE(first.get().status, 200);
    QCOMPARE(b1.requestCount(), 1);
    QTRY_COMPARE(proxy.engine().decisions(10).size(), 2);
    QCOMPARE(reasonOf(decisionWithStatus(proxy.engine(), 503)), u"queue-timeout"_s);
}

void TestOperations::slowStartRampsWeight()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s), b3(u"b3"_s);
    Limpet::Config config = proxyConfig({});
    config.pools[0].backends
        = {backendConfig(b1, 10), backendConfig(b2, 10), backendConfig(b3, 10)};
    config.pools[0].slowStart = 10s;
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();
    QCOMPARE(snapshotOf(engine, u"b1"_s)->effectiveWeight, 10); // never went away: full weight

    QVERIFY(errorOf(engine.control().setState(u"web"_s, u"b1"_s, BackendState::Maint)).isEmpty());
    QVERIFY(errorOf(engine.control().setState(u"web"_s, u"b1"_s, BackendState::Ready)).isEmpty());
    const std::optional<Limpet::BackendSnapshot> ramping = snapshotOf(engine, u"b1"_s);
    QCOMPARE(ramping->weight, 10);
    QVERIFY2(ramping->effectiveWeight < 10, qPrintable(QString::number(ramping->effectiveWeight)));

    const QHash<QByteArray, int> by = spreadNewSessions(proxy.port(), 30);
    QCOMPARE(by.value("b1") + by.value("b2") + by.value("b3"), 30);
    QVERIFY2(by.value("b1") <= 3, qPrintable(QString::number(by.value("b1"))));
    QVERIFY(by.value("b2") >= 12);
    QVERIFY(by.value("b3") >= 12);
}

void TestOperations::passiveHealthTakesFailingBackendDown()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s);
    Limpet::Config config = configOf({&b1, &b2});
    Limpet::HealthConfig &health = config.pools[0].health;
    health.enabled = true;
    health.path = u"/health"_s;
    health.interval = 60s; // one check each at start, none during the test
    health.maxFails = 2;
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();
    QTRY_VERIFY(snapshotOf(engine, u"b1"_s)->check.lastCheckMs != 0
        && snapshotOf(engine, u"b2"_s)->check.lastCheckMs != 0);
    QCOMPARE(healthOf(engine, u"b1"_s), u"up"_s);

    Behaviour failing;
    failing.status = 500;
    failing.reason = "Internal Server Error";
    b1.setBehaviour(failing);
    const QByteArray srv = cookieNaming("b1");
    TestClient client(proxy.port());
    // Two 5xx in a row (passed on to the client as they are) take it down.
    QCOMPARE(client.request("GET", "/", withCookie(srv)).status, 500);
    QCOMPARE(healthOf(engine, u"b1"_s), u"up"_s);
    QCOMPARE(client.request("GET", "/", withCookie(srv)).status, 500);
    QCOMPARE(healthOf(engine, u"b1"_s), u"down"_s);
    QVERIFY(hasEvent(engine, u"health"_s, u"b1"_s, u"down"_s, u"passive"_s));

    // Traffic avoids it: its session moves to b2, new sessions go to b2.
    const int b1Seen = clientRequests(b1);
    const HttpResponse moved = client.request("GET", "/", withCookie(srv));
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.body, QByteArray("b2"));
    QCOMPARE(routeOf(moved.setCookieValue("SRV")), QByteArray("b2"));
    QTRY_COMPARE(decisionsOf(engine, srv).size(), 3);
    QCOMPARE(reasonOf(decisionsOf(engine, srv).first()), u"backend-down-redispatched"_s);
    const QHash<QByteArray, int> by = spreadNewSessions(proxy.port(), 10);
    QCOMPARE(by.value("b2"), 10);
    QCOMPARE(clientRequests(b1), b1Seen);
}

void TestOperations::activeHealthDownAndUp()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s);
    Limpet::Config config = configOf({&b1, &b2});
    Limpet::HealthConfig &health = config.pools[0].health;
    health.enabled = true;
    health.path = u"/health"_s;
    health.interval = 100ms;
    health.fall = 2;
    health.rise = 2;
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();
    const QList<QByteArray> bound = sessionsOn(proxy.port(), "b1", 1);
    QCOMPARE(bound.size(), 1);
    const QByteArray srv = bound.first();

    Behaviour failing;
    failing.status = 500;
    failing.reason = "Internal Server Error";
    b1.setBehaviour(failing);
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(engine, u"b1"_s), u"down"_s, 5000);
    QTRY_VERIFY(hasEvent(engine, u"health"_s, u"b1"_s, u"down"_s, u"checks failed"_s));
    QVERIFY(!snapshotOf(engine, u"b1"_s)->check.lastPassed);
    QCOMPARE(snapshotOf(engine, u"b1"_s)->check.lastStatus, 500);

    // Down: new sessions go to b2, b1's session moves there with a new cookie.
    const int b1Seen = clientRequests(b1);
    QHash<QByteArray, int> by = spreadNewSessions(proxy.port(), 10);
    QCOMPARE(by.value("b2"), 10);
    const HttpResponse moved = httpGet(proxy.port(), "/", withCookie(srv));
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.body, QByteArray("b2"));
    QCOMPARE(routeOf(moved.setCookieValue("SRV")), QByteArray("b2"));
    QTRY_COMPARE(decisionsOf(engine, srv).size(), 2);
    QCOMPARE(reasonOf(decisionsOf(engine, srv).first()), u"backend-down-redispatched"_s);
    QCOMPARE(clientRequests(b1), b1Seen);

    // Healthy again: up after `rise` passing checks, and it takes new sessions.
    b1.setBehaviour(Behaviour());
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(engine, u"b1"_s), u"up"_s, 5000);
    QTRY_VERIFY(hasEvent(engine, u"health"_s, u"b1"_s, u"up"_s, u"checks passed"_s));
    by = spreadNewSessions(proxy.port(), 10);
    QVERIFY2(by.value("b1") >= 3, qPrintable(QString::number(by.value("b1"))));
    QCOMPARE(by.value("b1") + by.value("b2"), 10);
}

void TestOperations::pinnedSessionOverridesCookieForTtl()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s);
    TestProxy proxy(configOf({&b1, &b2}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();
    const QList<QByteArray> bound = sessionsOn(proxy.port(), "b1", 1);
    QCOMPARE(bound.size(), 1);
    const QByteArray srv = bound.first();

    const Limpet::OpResult<Limpet::SessionInfo> pinned
        = engine.control().pinSession(u"web"_s, srv, u"b2"_s, 1);
    QVERIFY2(errorOf(pinned).isEmpty(), qPrintable(errorOf(pinned)));
    const qint64 until = std::get<Limpet::SessionInfo>(pinned).pinUntilMs;
    QVERIFY(until > 0);
    QVERIFY(hasEvent(engine, u"session-pinned"_s, u"b2"_s, u"b2"_s));

    // The pin wins over the cookie naming b1, even once b2 drains; the cookie stays as it is.
    TestClient client(proxy.port());
    const HttpResponse r = client.request("GET", "/", withCookie(srv));
    QCOMPARE(r.body, QByteArray("b2"));
    QVERIFY(r.setCookieValue("SRV").isNull());
    QTRY_COMPARE(decisionsOf(engine, srv).size(), 2);
    QCOMPARE(reasonOf(decisionsOf(engine, srv).first()), u"session-pinned"_s);
    QVERIFY(errorOf(engine.control().setState(u"web"_s, u"b2"_s, BackendState::Drain)).isEmpty());
    const HttpResponse draining = client.request("GET", "/", withCookie(srv));
    QCOMPARE(draining.body, QByteArray("b2"));
    QTRY_COMPARE(decisionsOf(engine, srv).size(), 3);
    QCOMPARE(reasonOf(decisionsOf(engine, srv).first()), u"session-pinned"_s);

    // After the ttl the cookie decides again.
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > until, 5000);
    const HttpResponse back = client.request("GET", "/", withCookie(srv));
    QCOMPARE(back.body, QByteArray("b1"));
    QTRY_COMPARE(decisionsOf(engine, srv).size(), 4);
    QCOMPARE(reasonOf(decisionsOf(engine, srv).first()), u"cookie-hit"_s);
}

void TestOperations::learntSessionsSurviveReloadOfPoolSettings()
{
    // Each backend's application sets its own PHPSESSID; Limpet learns which backend set it.
    const auto app = [](const QByteArray &name) {
        Behaviour b;
        b.headers.append({"Set-Cookie", "PHPSESSID=sess-" + name + "; Path=/"});
        return b;
    };
    TestBackend b1(u"b1"_s, app("b1")), b2(u"b2"_s, app("b2")), b3(u"b3"_s, app("b3"));
    ProxyOptions options;
    options.stickyMode = u"learn"_s;
    options.cookie = u"PHPSESSID"_s;
    const Limpet::Config config = proxyConfig({&b1, &b2, &b3}, options);
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();

    const HttpResponse first = httpGet(proxy.port(), "/login");
    QCOMPARE(first.status, 200);
    const QByteArray home = first.header("X-Backend");
    const QByteArray value = first.setCookieValue("PHPSESSID");
    QCOMPARE(value, "sess-" + home);

    // A reload that changes the pool's own settings (another balancing algorithm) builds a new
    // pool: what learn mode knew comes along, so the session is not balanced anew.
    Limpet::Config changed = config;
    changed.pools[0].balance = u"leastconn"_s;
    const Limpet::OpResult<QStringList> applied = engine.apply(changed);
    QVERIFY2(errorOf(applied).isEmpty(), qPrintable(errorOf(applied)));
    QVERIFY2(std::get<QStringList>(applied).contains(u"pool web: settings changed"_s),
        qPrintable(std::get<QStringList>(applied).join(u"; "_s)));
    for (int i = 0; i < 6; ++i) {
        const QByteArray target = "/cart/" + QByteArray::number(i);
        const HttpResponse r = httpGet(proxy.port(), target, {{"Cookie", "PHPSESSID=" + value}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Backend"), home);
        // The decision is recorded when the exchange ends, maybe just after the answer.
        const auto newest = [&] {
            const QList<Limpet::Decision> d = engine.decisions(1);
            return d.isEmpty() ? Limpet::Decision() : d.first();
        };
        QTRY_COMPARE(newest().target, target);
        QCOMPARE(newest().reason, Limpet::ReasonCode::LearnedHit);
    }
}

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
