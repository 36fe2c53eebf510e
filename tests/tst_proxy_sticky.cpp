// End-to-end tests of sticky sessions through a running engine: the SRV cookie Limpet inserts
// keeps a client on its backend, new sessions are spread by weight, the backend never sees the
// affinity cookie, and cookies Limpet cannot honour are replaced.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace LimpetTest;
using namespace Qt::StringLiterals;
using Mode = LimpetTest::Behaviour::Mode;

namespace {

/// The route inside an SRV value "<8 hex>-<route>-<8 hex>".
QByteArray routeOf(const QByteArray &srv)
{
    const QList<QByteArray> parts = srv.split('-');
    return parts.size() == 3 ? parts[1] : QByteArray();
}

struct Cluster
{
    std::vector<std::unique_ptr<TestBackend>> backends;
    QList<const TestBackend *> list() const
    {
        QList<const TestBackend *> out;
        for (const auto &b : backends)
            out.append(b.get());
        return out;
    }
    TestBackend *byName(QByteArrayView name) const
    {
        for (const auto &b : backends) {
            if (b->name().toUtf8() == name)
                return b.get();
        }
        return nullptr;
    }
};

Cluster makeCluster(int n)
{
    Cluster c;
    for (int i = 1; i <= n; ++i)
        c.backends.push_back(std::make_unique<TestBackend>(u"app%1"_s.arg(i)));
    return c;
}

} // namespace

class TestProxySticky : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneCookieOneBackend();
    void cookielessRequestsSpreadEvenly();
    void weightsShareNewSessions();
    void affinityCookieHiddenFromBackend();
    void unknownBackendCookieReissued();
    void malformedCookieReissued();
    void sessionIsRecorded();
    void backendCookiesKeptNextToAffinityCookie();
    void modeNoneSetsNoCookie();
};

void TestProxySticky::oneCookieOneBackend()
{
    Cluster cluster = makeCluster(3);
    ProxyOptions options;
    options.workers = 2;
    TestProxy proxy(cluster.list(), options);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    const HttpResponse first = httpGet(proxy.port(), "/");
    QCOMPARE(first.status, 200);
    const QByteArray srv = first.setCookieValue("SRV");
    QVERIFY(!srv.isEmpty());
    QCOMPARE(routeOf(srv), first.body); // the cookie names the backend that answered
    const QByteArray cookie = "SRV=" + srv;

    // 100 requests with that cookie, over fresh and kept-alive connections alike (and so over
    // both workers): every one lands on the same backend, none gets a new cookie.
    int n = 0;
    for (int c = 0; c < 10; ++c) {
        TestClient client(proxy.port());
        for (int i = 0; i < 10; ++i, ++n) {
            const HttpResponse r
                = client.request("GET", "/page" + QByteArray::number(n), {{"Cookie", cookie}});
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, first.body);
            QVERIFY(r.headerValues("set-cookie").isEmpty());
        }
    }
    for (const auto &b : cluster.backends) {
        const int expected = b->name().toUtf8() == first.body ? 101 : 0;
        QCOMPARE(b->requestCount(), expected);
    }
}

void TestProxySticky::cookielessRequestsSpreadEvenly()
{
    Cluster cluster = makeCluster(3);
    ProxyOptions options;
    options.workers = 2;
    TestProxy proxy(cluster.list(), options);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    // 300 requests without a cookie (30 connections x 10): each is a new session.
    QSet<QByteArray> keys;
    for (int c = 0; c < 30; ++c) {
        TestClient client(proxy.port());
        for (int i = 0; i < 10; ++i) {
            const HttpResponse r = client.request("GET", "/");
            QCOMPARE(r.status, 200);
            const QByteArray srv = r.setCookieValue("SRV");
            QCOMPARE(routeOf(srv), r.body);
            keys.insert(srv);
        }
    }
    QCOMPARE(keys.size(), 300); // a new session key each time
    for (const auto &b : cluster.backends)
        QCOMPARE(b->requestCount(), 100);
}

void TestProxySticky::weightsShareNewSessions()
{
    TestBackend heavy(u"heavy"_s);
    TestBackend light(u"light"_s);
    Limpet::Config config = proxyConfig({});
    config.pools[0].backends = {backendConfig(heavy, 3), backendConfig(light, 1)};
    TestProxy proxy(config);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    for (int i = 0; i < 400; ++i)
        QCOMPARE(client.request("GET", "/").status, 200);
    QCOMPARE(heavy.requestCount(), 300);
    QCOMPARE(light.requestCount(), 100);
}

void TestProxySticky::affinityCookieHiddenFromBackend()
{
    Cluster cluster = makeCluster(2);
    TestProxy proxy(cluster.list());
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    const HttpResponse first = httpGet(proxy.port(), "/");
    const QByteArray srv = first.setCookieValue("SRV");
    QVERIFY(!srv.isEmpty());
    TestBackend *sticky = cluster.byName(first.body);
    QVERIFY(sticky);
    sticky->clearRequests();

    TestClient client(proxy.port());
    QCOMPARE(
        client.request("GET", "/", {{"Cookie", "lang=en; SRV=" + srv + "; theme=dark"}}).status,
        200);
    QCOMPARE(client.request("GET", "/", {{"Cookie", "SRV=" + srv}}).status, 200);
    QCOMPARE(
        client.request("GET", "/", {{"Cookie", "a=1"}, {"Cookie", "SRV=" + srv + "; b=2"}}).status,
        200);

    const QList<ReceivedRequest> seen = sticky->requests();
    QCOMPARE(seen.size(), 3);
    for (const ReceivedRequest &r : seen)
        QVERIFY2(!r.rawHead.contains(srv), r.rawHead.constData());
    // Other cookies are passed on unchanged.
    QCOMPARE(seen[0].headerValues("cookie"), QList<QByteArray>{QByteArray("lang=en; theme=dark")});
    // A Cookie header with nothing else left is dropped.
    QVERIFY(!seen[1].hasHeader("cookie"));
    QList<QByteArray> cookies = seen[2].headerValues("cookie");
    std::sort(cookies.begin(), cookies.end());
    QCOMPARE(cookies, (QList<QByteArray>{"a=1", "b=2"}));
}

void TestProxySticky::unknownBackendCookieReissued()
{
    Cluster cluster = makeCluster(2);
    TestProxy proxy(cluster.list());
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    const QByteArray stale = "0badc0de-retired-0badc0de"; // a backend that no longer exists
    TestClient client(proxy.port());
    const HttpResponse r = client.request("GET", "/", {{"Cookie", "SRV=" + stale}});
    QCOMPARE(r.status, 200);
    const QByteArray fresh = r.setCookieValue("SRV");
    QVERIFY(!fresh.isEmpty());
    QVERIFY(fresh != stale);
    QCOMPARE(routeOf(fresh), r.body);
    QVERIFY(r.header("set-cookie").contains("Path=/"));

    // The new cookie sticks, and is not re-issued again.
    for (int i = 0; i < 5; ++i) {
        const HttpResponse next = client.request("GET", "/", {{"Cookie", "SRV=" + fresh}});
        QCOMPARE(next.body, r.body);
        QVERIFY(next.headerValues("set-cookie").isEmpty());
    }
}

void TestProxySticky::malformedCookieReissued()
{
    Cluster cluster = makeCluster(2);
    TestProxy proxy(cluster.list());
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    const HttpResponse r = httpGet(proxy.port(), "/", {{"Cookie", "SRV=app1"}}); // not Limpet's
    QCOMPARE(r.status, 200);
    const QByteArray fresh = r.setCookieValue("SRV");
    QCOMPARE(routeOf(fresh), r.body);
    for (const auto &b : cluster.backends) {
        for (const ReceivedRequest &seen : b->requests())
            QVERIFY(!seen.header("cookie").contains("SRV"));
    }
}

void TestProxySticky::sessionIsRecorded()
{
    Cluster cluster = makeCluster(2);
    TestProxy proxy(cluster.list());
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    const HttpResponse first = httpGet(proxy.port(), "/");
    const QByteArray srv = first.setCookieValue("SRV");
    for (int i = 0; i < 4; ++i)
        QCOMPARE(httpGet(proxy.port(), "/", {{"Cookie", "SRV=" + srv}}).status, 200);

    const QList<Limpet::SessionInfo> sessions = proxy.engine().sessions();
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(sessions[0].key, srv);
    QCOMPARE(sessions[0].backend.toUtf8(), first.body);
    QCOMPARE(sessions[0].requests, quint64(5));
    const Limpet::EngineSnapshot snap = proxy.engine().snapshot();
    QCOMPARE(snap.sessions, 1);
    quint64 requests = 0;
    for (const Limpet::BackendSnapshot &b : snap.pools.value(0).backends)
        requests += b.requests;
    QCOMPARE(requests, quint64(5));
}

void TestProxySticky::backendCookiesKeptNextToAffinityCookie()
{
    Behaviour b;
    b.headers = {{"Set-Cookie", "PHPSESSID=abc; Path=/"}, {"Set-Cookie", "lang=en"}};
    TestBackend backend(u"app1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    const HttpResponse r = httpGet(proxy.port(), "/");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.headerValues("set-cookie").size(), 3);
    QCOMPARE(r.setCookieValue("PHPSESSID"), QByteArray("abc"));
    QCOMPARE(r.setCookieValue("lang"), QByteArray("en"));
    QCOMPARE(routeOf(r.setCookieValue("SRV")), QByteArray("app1"));
}

void TestProxySticky::modeNoneSetsNoCookie()
{
    Cluster cluster = makeCluster(2);
    ProxyOptions options;
    options.stickyMode = u"none"_s;
    TestProxy proxy(cluster.list(), options);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    QSet<QByteArray> served;
    for (int i = 0; i < 10; ++i) {
        const HttpResponse r = client.request("GET", "/", {{"Cookie", "SRV=x"}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.headerValues("set-cookie").isEmpty());
        served.insert(r.body);
    }
    QCOMPARE(served.size(), 2);
    // With no affinity, the SRV cookie is an ordinary cookie and passes through.
    QCOMPARE(cluster.backends[0]->requests().value(0).header("cookie"), QByteArray("SRV=x"));
}

QTEST_GUILESS_MAIN(TestProxySticky)
#include "tst_proxy_sticky.moc"
