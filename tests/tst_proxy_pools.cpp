// Pools by host and path, excluded paths, path prefixes, backend states seen end to end, and
// the decision record of each request (ring and access log).

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include "routing/router.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace LimpetTest;
using Limpet::BackendState;
using Limpet::ReasonCode;

namespace {

Limpet::PoolConfig poolOf(const QString &name, const QList<const TestBackend *> &backends)
{
    Limpet::PoolConfig p;
    p.name = name;
    for (const TestBackend *b : backends)
        p.backends.append(backendConfig(*b));
    return p;
}

Limpet::Config configOf(const QList<Limpet::PoolConfig> &pools)
{
    Limpet::Config c;
    c.listen = Limpet::Endpoint{QHostAddress::LocalHost, 0};
    c.workers = 1;
    c.timeouts = ProxyOptions::defaultTimeouts();
    c.pools = pools;
    return c;
}

/// The SRV value from a response's Set-Cookie, or empty.
QByteArray srvCookie(const HttpResponse &r)
{
    const QByteArray sc = r.header("set-cookie");
    if (!sc.startsWith("SRV="))
        return {};
    return sc.mid(4, sc.indexOf(';') - 4);
}

} // namespace

class TestProxyPools final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void prefixMatching_data();
    void prefixMatching();
    void targetRewrite_data();
    void targetRewrite();
    void poolsByPathAndHost();
    void excludedPathAnswered404();
    void prefixesRewrittenBothWays();
    void maintenanceMovesSessionWithNewCookie();
    void drainKeepsSessionsTakesNoNewOnes();
    void drainDeadlineMovesSessions();
    void failoverOffRefuses();
    void standbyUsedThenLeft();
    void decisionsRecordedAndLogged();
};

void TestProxyPools::prefixMatching_data()
{
    QTest::addColumn<QByteArray>("pattern");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("matches");
    QTest::newRow("root-any") << QByteArray("/") << QByteArray("/x/y") << true;
    QTest::newRow("exact") << QByteArray("/app") << QByteArray("/app") << true;
    QTest::newRow("subpath") << QByteArray("/app") << QByteArray("/app/x") << true;
    QTest::newRow("query") << QByteArray("/app") << QByteArray("/app?q=1") << true;
    QTest::newRow("path-param") << QByteArray("/app") << QByteArray("/app;jsessionid=a.b") << true;
    QTest::newRow("not-a-segment") << QByteArray("/app") << QByteArray("/apple") << false;
    QTest::newRow("trailing-slash-pattern") << QByteArray("/app/") << QByteArray("/app/x") << true;
    QTest::newRow("other") << QByteArray("/app") << QByteArray("/static/app") << false;
}

void TestProxyPools::prefixMatching()
{
    QFETCH(QByteArray, pattern);
    QFETCH(QByteArray, path);
    QFETCH(bool, matches);
    QCOMPARE(Limpet::Router::prefixMatches(pattern, path), matches);
}

void TestProxyPools::targetRewrite_data()
{
    QTest::addColumn<QString>("strip");
    QTest::addColumn<QString>("add");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("strip") << u"/app"_s << QString() << QByteArray("/app/x?y=1")
                           << QByteArray("/x?y=1");
    QTest::newRow("strip-to-root")
        << u"/app"_s << QString() << QByteArray("/app") << QByteArray("/");
    QTest::newRow("add") << QString() << u"/VirtualHostBase/http/www.example.com:80/plone"_s
                         << QByteArray("/news")
                         << QByteArray("/VirtualHostBase/http/www.example.com:80/plone/news");
    QTest::newRow("strip-and-add")
        << u"/site"_s << u"/plone"_s << QByteArray("/site/a") << QByteArray("/plone/a");
    QTest::newRow("no-match-kept")
        << u"/app"_s << QString() << QByteArray("/other") << QByteArray("/other");
}

void TestProxyPools::targetRewrite()
{
    QFETCH(QString, strip);
    QFETCH(QString, add);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, expected);
    Limpet::PoolConfig p;
    p.stripPrefix = strip;
    p.addPrefix = add;
    QCOMPARE(Limpet::Router::rewriteTarget(p, target), expected);
}

void TestProxyPools::poolsByPathAndHost()
{
    TestBackend web(u"web1"_s), api(u"api1"_s), shop(u"shop1"_s);
    Limpet::PoolConfig webPool = poolOf(u"web"_s, {&web});
    Limpet::PoolConfig apiPool = poolOf(u"api"_s, {&api});
    apiPool.paths = {u"/api"_s};
    Limpet::PoolConfig shopPool = poolOf(u"shop"_s, {&shop});
    shopPool.hosts = {u"shop.example.com"_s};
    TestProxy proxy(configOf({webPool, apiPool, shopPool}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    QCOMPARE(client.request("GET", "/index.html").body, QByteArray("web1"));
    QCOMPARE(client.request("GET", "/api/v2/items").body, QByteArray("api1"));
    QCOMPARE(client.request("GET", "/apiary").body, QByteArray("web1")); // not under /api
    QCOMPARE(
        client.request("GET", "/", {{"Host", "SHOP.example.com:8080"}}).body, QByteArray("shop1"));
    QCOMPARE(web.requestCount(), 2);
    QCOMPARE(api.requestCount(), 1);
    QCOMPARE(shop.requestCount(), 1);
}

void TestProxyPools::excludedPathAnswered404()
{
    TestBackend b(u"b1"_s);
    Limpet::PoolConfig p = poolOf(u"web"_s, {&b});
    p.exclude = {u"/balancer-manager"_s};
    TestProxy proxy(configOf({p}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    const HttpResponse r = client.request("GET", "/balancer-manager?x=1");
    QCOMPARE(r.status, 404);
    QCOMPARE(b.requestCount(), 0);
    QTRY_COMPARE(proxy.engine().decisions(100).size(), 1);
    const QList<Limpet::Decision> d = proxy.engine().decisions(1);
    QCOMPARE(d.size(), 1);
    QCOMPARE(Limpet::reasonCodeName(d.first().reason), u"excluded"_s);

    TestClient again(proxy.port());
    QCOMPARE(again.request("GET", "/balancer").status, 200); // only the excluded prefix
}

void TestProxyPools::prefixesRewrittenBothWays()
{
    Behaviour redirect;
    redirect.status = 302;
    redirect.reason = "Found";
    redirect.headers = {{"Location", "/plone/login"}};
    TestBackend b(u"b1"_s, redirect);
    Limpet::PoolConfig p = poolOf(u"plone"_s, {&b});
    p.paths = {u"/site"_s};
    p.stripPrefix = u"/site"_s;
    p.addPrefix = u"/plone"_s;
    TestProxy proxy(configOf({p}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    const HttpResponse r = client.request("GET", "/site/news?page=2");
    QCOMPARE(r.status, 302);
    QCOMPARE(b.requests().value(0).target, QByteArray("/plone/news?page=2"));
    QCOMPARE(r.header("location"), QByteArray("/site/login"));
}

void TestProxyPools::maintenanceMovesSessionWithNewCookie()
{
    TestBackend a(u"a"_s), b(u"b"_s);
    TestProxy proxy({&a, &b});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    const HttpResponse first = client.request("GET", "/");
    const QByteArray cookie = srvCookie(first);
    QVERIFY(!cookie.isEmpty());
    const QString home = QString::fromLatin1(first.body);
    proxy.engine().backend(u"web"_s, home)->setState(BackendState::Maint);

    const HttpResponse moved = client.request("GET", "/", {{"Cookie", "SRV=" + cookie}});
    QCOMPARE(moved.status, 200);
    QVERIFY(QString::fromLatin1(moved.body) != home);
    const QByteArray reissued = srvCookie(moved);
    QVERIFY2(!reissued.isEmpty() && reissued != cookie, moved.rawHead.constData());

    // Decisions are recorded when the response is done: wait for the second one.
    QTRY_COMPARE(proxy.engine().decisions(100).size(), 2);
    const Limpet::Decision d = proxy.engine().decisions(1).value(0);
    QCOMPARE(Limpet::reasonCodeName(d.reason), u"backend-down-redispatched"_s);
    QVERIFY(d.changedBackend);
    QCOMPARE(d.previousBackend, home);

    // The new cookie sticks to the new backend.
    const HttpResponse after = client.request("GET", "/", {{"Cookie", "SRV=" + reissued}});
    QCOMPARE(after.body, moved.body);
    QVERIFY(srvCookie(after).isEmpty());
}

void TestProxyPools::drainKeepsSessionsTakesNoNewOnes()
{
    TestBackend a(u"a"_s), b(u"b"_s);
    TestProxy proxy({&a, &b});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    TestClient client(proxy.port());
    const HttpResponse first = client.request("GET", "/");
    const QByteArray cookie = srvCookie(first);
    const QString home = QString::fromLatin1(first.body);
    proxy.engine().backend(u"web"_s, home)->setState(BackendState::Drain);

    for (int i = 0; i < 5; ++i) {
        const HttpResponse kept = client.request("GET", "/", {{"Cookie", "SRV=" + cookie}});
        QCOMPARE(QString::fromLatin1(kept.body), home);
    }
    QTRY_COMPARE(proxy.engine().decisions(100).size(), 6);
    QCOMPARE(Limpet::reasonCodeName(proxy.engine().decisions(1).value(0).reason),
        u"backend-draining-kept"_s);
    for (int i = 0; i < 10; ++i) {
        TestClient fresh(proxy.port());
        QVERIFY(QString::fromLatin1(fresh.request("GET", "/").body) != home);
    }
}

void TestProxyPools::drainDeadlineMovesSessions()
{
    TestBackend a(u"a"_s), b(u"b"_s);
    Limpet::PoolConfig p = poolOf(u"web"_s, {&a, &b});
    p.drainDeadlineSeconds = 60;
    TestProxy proxy(configOf({p}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    TestClient client(proxy.port());
    const HttpResponse first = client.request("GET", "/");
    const QByteArray cookie = srvCookie(first);
    const QString home = QString::fromLatin1(first.body);

    // Draining since two minutes ago: past the 60 s deadline.
    proxy.engine()
        .backend(u"web"_s, home)
        ->setState(BackendState::Drain, QDateTime::currentMSecsSinceEpoch() - 120000);
    const HttpResponse moved = client.request("GET", "/", {{"Cookie", "SRV=" + cookie}});
    QVERIFY(QString::fromLatin1(moved.body) != home);
    QVERIFY(!srvCookie(moved).isEmpty());
    QTRY_COMPARE(proxy.engine().decisions(100).size(), 2);
    QCOMPARE(Limpet::reasonCodeName(proxy.engine().decisions(1).value(0).reason),
        u"drain-deadline-redispatched"_s);
}

void TestProxyPools::failoverOffRefuses()
{
    TestBackend a(u"a"_s), b(u"b"_s);
    Limpet::PoolConfig p = poolOf(u"web"_s, {&a, &b});
    p.failover = false;
    TestProxy proxy(configOf({p}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    TestClient client(proxy.port());
    const HttpResponse first = client.request("GET", "/");
    const QByteArray cookie = srvCookie(first);
    const QString home = QString::fromLatin1(first.body);
    proxy.engine().backend(u"web"_s, home)->setHealth(Limpet::Health::Down);

    TestClient again(proxy.port());
    const HttpResponse refused = again.request("GET", "/", {{"Cookie", "SRV=" + cookie}});
    QCOMPARE(refused.status, 503);
    QTRY_COMPARE(proxy.engine().decisions(100).size(), 2);
    QCOMPARE(
        Limpet::reasonCodeName(proxy.engine().decisions(1).value(0).reason), u"failover-refused"_s);
    // New sessions are still served by the backend that is up.
    TestClient fresh(proxy.port());
    QCOMPARE(fresh.request("GET", "/").status, 200);
}

void TestProxyPools::standbyUsedThenLeft()
{
    TestBackend main(u"main"_s), backup(u"backup"_s);
    Limpet::PoolConfig p = poolOf(u"web"_s, {&main, &backup});
    p.backends[1].state = u"standby"_s;
    TestProxy proxy(configOf({p}));
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    for (int i = 0; i < 4; ++i) {
        TestClient c(proxy.port());
        QCOMPARE(c.request("GET", "/").body, QByteArray("main"));
    }
    proxy.engine().backend(u"web"_s, u"main"_s)->setHealth(Limpet::Health::Down);
    TestClient client(proxy.port());
    const HttpResponse onBackup = client.request("GET", "/");
    QCOMPARE(onBackup.body, QByteArray("backup"));
    QTRY_COMPARE(proxy.engine().decisions(100).size(), 5);
    QCOMPARE(
        Limpet::reasonCodeName(proxy.engine().decisions(1).value(0).reason), u"standby-used"_s);
    const QByteArray cookie = srvCookie(onBackup);

    proxy.engine().backend(u"web"_s, u"main"_s)->setHealth(Limpet::Health::Up);
    const HttpResponse back = client.request("GET", "/", {{"Cookie", "SRV=" + cookie}});
    QCOMPARE(back.body, QByteArray("main"));
    QTRY_COMPARE(proxy.engine().decisions(100).size(), 6);
    QCOMPARE(
        Limpet::reasonCodeName(proxy.engine().decisions(1).value(0).reason), u"standby-returned"_s);
}

void TestProxyPools::decisionsRecordedAndLogged()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TestBackend a(u"a"_s);
    Limpet::Config c = configOf({poolOf(u"web"_s, {&a})});
    c.log.access = dir.filePath(u"access.log"_s);
    TestProxy proxy(c);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    const HttpResponse first = client.request(
        "GET", "/page?x=1", {{"User-Agent", "tester/1.0"}, {"Referer", "http://r/"}});
    const QByteArray cookie = srvCookie(first);
    client.request("GET", "/next", {{"Cookie", "SRV=" + cookie}});

    QTRY_COMPARE(proxy.engine().decisions(10).size(), 2);
    const QList<Limpet::Decision> decisions = proxy.engine().decisions(10);
    QCOMPARE(Limpet::reasonCodeName(decisions.at(0).reason), u"cookie-hit"_s);
    QCOMPARE(Limpet::reasonCodeName(decisions.at(1).reason), u"cookie-absent"_s);
    QCOMPARE(decisions.at(1).algorithm, u"roundrobin"_s);
    QVERIFY(!decisions.at(1).setCookie.isEmpty());
    QCOMPARE(decisions.at(0).status, 200);
    QCOMPARE(decisions.at(0).target, QByteArray("/next"));
    QCOMPARE(proxy.engine().decisions(10, cookie).size(), 2); // filtered by session key

    const auto logText = [&] {
        QFile log(c.log.access);
        return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
    };
    QTRY_COMPARE(logText().count('\n'), 2);
    const QList<QByteArray> lines = logText().split('\n');
    QVERIFY2(lines.at(0).contains("\"GET /page?x=1 HTTP/1.1\" 200 1 \"http://r/\" \"tester/1.0\""),
        lines.at(0).constData());
    QVERIFY(lines.at(0).contains(QByteArray(" backend=a key=" + cookie + " reason=cookie-absent")));
    QVERIFY(lines.at(1).contains(" reason=cookie-hit"));
}

QTEST_GUILESS_MAIN(TestProxyPools)
#include "tst_proxy_pools.moc"
