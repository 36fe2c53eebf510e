// Tests of the affinity modes that use the application's own session value
// (engine/affinity/cookieprefixaffinity.h, routeaffinity.h, learnaffinity.h), through
// Pool::decide and the response step, as a worker runs them; and the recipes of the seeds they
// replace: HAProxy `cookie PHPSESSID prefix nocache`, mod_proxy_balancer `stickysession=BALANCEID`,
// Plone's quoted STICKY_ROUTE, nginx `sticky learn`.

#include "affinity/learnaffinity.h"
#include "http/httpparser.h"
#include "pool/pool.h"
#include "session/sessiontable.h"

#include <QRegularExpression>
#include <QTest>

#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Limpet::BackendState;
using Limpet::Decision;
using Limpet::Health;
using Limpet::HttpHead;
using Limpet::ReasonCode;

namespace {

const QHostAddress client(u"198.51.100.7"_s);
constexpr qint64 T0 = 1'700'000'000'000;

Limpet::BackendConfig backendConfig(const QString &name, quint16 port)
{
    Limpet::BackendConfig b;
    b.name = name;
    b.route = name;
    b.address = Limpet::Endpoint{QHostAddress::LocalHost, port};
    return b;
}

/// The pools the tests run on, by preset name:
/// - prefix, prefix-cacheable: s1 s2 s3, `cookie PHPSESSID prefix [nocache]`;
/// - route: www1 www2 www3, names JSESSIONID, jsessionid (Tomcat), set by the backend;
/// - route-balanceid: www1 www2 www3, names BALANCEID (seed 001);
/// - route-plone: node1 node2 node3, names STICKY_ROUTE (seed 003);
/// - route-balancer: www1 www2 www3, names ROUTEID, set by Limpet with every attribute;
/// - learn: s1 s2 s3, cookie PHPSESSID.
Limpet::PoolConfig poolConfig(const QString &preset)
{
    Limpet::PoolConfig c;
    c.name = u"web"_s;
    c.balance = u"roundrobin"_s;
    QString prefix = u"s"_s;
    Limpet::StickyConfig &s = c.sticky;
    if (preset.startsWith("prefix"_L1)) {
        s.mode = u"prefix"_s;
        s.cookie = u"PHPSESSID"_s;
        s.nocache = preset == "prefix"_L1;
    } else if (preset == "learn"_L1) {
        s.mode = u"learn"_s;
        s.cookie = u"PHPSESSID"_s;
    } else {
        s.mode = u"route"_s;
        prefix = u"www"_s;
        if (preset == "route"_L1) {
            s.names = {u"JSESSIONID"_s, u"jsessionid"_s};
        } else if (preset == "route-balanceid"_L1) {
            s.names = {u"BALANCEID"_s};
        } else if (preset == "route-plone"_L1) {
            s.names = {u"STICKY_ROUTE"_s};
            prefix = u"node"_s;
        } else if (preset == "route-balancer"_L1) {
            s.names = {u"ROUTEID"_s};
            s.set = u"balancer"_s;
            s.path = u"/shop"_s;
            s.domain = u"example.com"_s;
            s.secure = true;
            s.httpOnly = true;
            s.sameSite = u"Lax"_s;
            s.maxAge = 3600;
        } else {
            qFatal("unknown preset");
        }
    }
    for (int i = 1; i <= 3; ++i)
        c.backends.append(backendConfig(prefix + QString::number(i), quint16(9100 + i)));
    return c;
}

HttpHead parse(Limpet::HttpParser::Kind kind, const QByteArray &raw)
{
    Limpet::HttpParser parser(kind);
    qsizetype consumed = 0;
    if (parser.feed(raw, 0, consumed) != Limpet::HttpParser::Event::HeadComplete)
        qFatal("test message did not parse: %s", parser.errorReason().constData());
    return parser.head();
}

/// A request as the proxy has it: parsed from raw bytes. `cookie`: the Cookie header's value,
/// none when empty.
HttpHead request(const QByteArray &target, const QByteArray &cookie = {})
{
    QByteArray raw = "GET " + target + " HTTP/1.1\r\nHost: shop.example\r\n";
    if (!cookie.isEmpty())
        raw += "Cookie: " + cookie + "\r\n";
    raw += "Accept: */*\r\n\r\n";
    return parse(Limpet::HttpParser::Kind::Request, raw);
}

/// A backend's 200 response head with the given extra header lines ("Name: value\r\n"...).
HttpHead response(const QByteArray &headers = {})
{
    return parse(Limpet::HttpParser::Kind::Response,
        "HTTP/1.1 200 OK\r\n" + headers + "Content-Length: 0\r\n\r\n");
}

/// The values of the header lines called `name` in a serialized head, in order.
QByteArrayList headerValues(const QByteArray &serialized, QByteArrayView name)
{
    QByteArrayList out;
    const QByteArrayList lines = serialized.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && QByteArrayView(line).first(colon).compare(name, Qt::CaseInsensitive) == 0)
            out.append(line.sliced(colon + 1).trimmed());
    }
    return out;
}

/// The Set-Cookie and Cache-Control lines of a serialized response, in order.
QStringList cookieAndCacheLines(const QByteArray &serialized)
{
    QStringList out;
    const QByteArrayList lines = serialized.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const QByteArray lower = line.toLower();
        if (lower.startsWith("set-cookie:") || lower.startsWith("cache-control:"))
            out.append(QString::fromLatin1(line));
    }
    return out;
}

/// One request and its response, as a worker runs them.
struct Exchange
{
    Decision decision;
    QByteArray forwarded; ///< the request head the backend gets
    QByteArray clientResponse; ///< the response head the client gets (empty: no backend)
};

Exchange exchange(Limpet::Pool &pool, Limpet::SessionTable &sessions, HttpHead head,
    const QByteArray &responseHeaders, qint64 nowMs)
{
    Exchange e;
    Limpet::AffinityRequest r{head, client, nowMs};
    e.decision = pool.decide(r, sessions);
    e.forwarded = head.serializeRequest();
    if (e.decision.backend) {
        HttpHead answer = response(responseHeaders);
        Limpet::AffinityResponse a{answer, e.decision, nowMs};
        e.decision.setCookie = pool.affinity().onResponse(a);
        e.clientResponse = answer.serializeResponse();
    }
    return e;
}

/// The decision alone (no response step: nothing is learnt).
Decision decideOnly(Limpet::Pool &pool, Limpet::SessionTable &sessions, HttpHead head, qint64 nowMs)
{
    Limpet::AffinityRequest r{head, client, nowMs};
    return pool.decide(r, sessions);
}

/// A response of `backend` setting `setCookie`, outside any request (teaches learn mode).
void backendSets(
    Limpet::Pool &pool, const QString &backend, const QByteArray &setCookie, qint64 nowMs)
{
    Decision d;
    d.backend = pool.backendByName(backend);
    Q_ASSERT(d.backend);
    HttpHead answer = response("Set-Cookie: " + setCookie + "\r\n");
    Limpet::AffinityResponse a{answer, d, nowMs};
    pool.affinity().onResponse(a);
}

/// ready, drain, maint, standby (operator states) or down (health).
void applyState(Limpet::Backend &backend, const QString &state)
{
    if (state == "down"_L1) {
        backend.setHealth(Health::Down);
        return;
    }
    const std::optional<BackendState> s = Limpet::backendStateFromString(state);
    Q_ASSERT(s);
    backend.setState(*s, T0 - 1000);
}

/// `expected`: a backend name, "!name" for any backend but that one, "*" for any backend.
bool backendMatches(const Decision &d, const QString &expected)
{
    if (!d.backend)
        return false;
    if (expected == "*"_L1)
        return true;
    if (expected.startsWith(u'!'))
        return d.backend->name() != expected.sliced(1);
    return d.backend->name() == expected;
}

QString reasonName(ReasonCode r)
{
    return Limpet::reasonCodeName(r);
}

} // namespace

class TestAffinityModes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void modesAreRegistered_data();
    void modesAreRegistered();
    void requestDecisions_data();
    void requestDecisions();
    void responses_data();
    void responses();

    void haproxyPrefixRecipe();
    void prefixRedispatchKeepsApplicationValue();
    void modProxyBalancerRecipe();
    void ploneQuotedRouteRecipe();
    void routeSetByBalancerRoundTrip();
    void learnRecipe();
    void learnForgetsDeletedCookie();
    void learnTableIsBounded();
    void learnBindingsExpireWhenIdle();
    void learnIsThreadSafe();
    void learnKeepsBindingsWhenPoolIsRebuilt();
};

void TestAffinityModes::modesAreRegistered_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("prefix") << u"prefix"_s;
    QTest::newRow("route") << u"route"_s;
    QTest::newRow("learn") << u"learn"_s;
}

void TestAffinityModes::modesAreRegistered()
{
    QFETCH(QString, mode);
    Limpet::StickyConfig sticky;
    sticky.mode = mode;
    sticky.cookie = u"PHPSESSID"_s;
    sticky.names = {u"JSESSIONID"_s};
    const std::unique_ptr<Limpet::AffinityMode> m = Limpet::makeAffinityMode(sticky);
    QVERIFY(m);
    QCOMPARE(m->name(), mode);
}

void TestAffinityModes::requestDecisions_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("subject"); ///< the backend whose state is set
    QTest::addColumn<QString>("state");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("cookie"); ///< request Cookie header; empty: none
    QTest::addColumn<QString>("expected"); ///< backend, "!backend" or "*"
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QByteArray>("keySeen");
    QTest::addColumn<QByteArray>("forwardedCookie"); ///< Cookie the backend gets; empty: none
    QTest::addColumn<QString>("detail"); ///< regular expression; empty: unchecked

    const QString none;
    const QString ready = u"ready"_s;

    // HAProxy `cookie PHPSESSID prefix`.
    QTest::newRow("prefix/no-cookie")
        << u"prefix"_s << none << ready << "/"_ba << QByteArray() << u"*"_s << u"cookie-absent"_s
        << QByteArray() << QByteArray() << QString();
    QTest::newRow("prefix/valid") << u"prefix"_s << u"s2"_s << ready << "/"_ba
                                  << "PHPSESSID=s2~abc"_ba << u"s2"_s << u"cookie-hit"_s
                                  << "s2~abc"_ba
                                  << "PHPSESSID=abc"_ba << u"found route s2"_s;
    QTest::newRow("prefix/among-other-cookies")
        << u"prefix"_s << u"s3"_s << ready << "/"_ba
        << "lang=fr; PHPSESSID=s3~abc; theme=dark"_ba << u"s3"_s << u"cookie-hit"_s << "s3~abc"_ba
        << "lang=fr; PHPSESSID=abc; theme=dark"_ba << QString();
    QTest::newRow("prefix/quoted")
        << u"prefix"_s << u"s1"_s << ready << "/"_ba
        << "PHPSESSID=\"s1~abc\""_ba << u"s1"_s << u"cookie-hit"_s << "\"s1~abc\""_ba
        << "PHPSESSID=\"abc\""_ba << QString();
    QTest::newRow("prefix/drain") << u"prefix"_s << u"s2"_s << u"drain"_s << "/"_ba
                                  << "PHPSESSID=s2~abc"_ba << u"s2"_s << u"backend-draining-kept"_s
                                  << "s2~abc"_ba
                                  << "PHPSESSID=abc"_ba << QString();
    QTest::newRow("prefix/maint") << u"prefix"_s << u"s2"_s << u"maint"_s << "/"_ba
                                  << "PHPSESSID=s2~abc"_ba << u"!s2"_s
                                  << u"backend-down-redispatched"_s << "s2~abc"_ba
                                  << "PHPSESSID=abc"_ba << QString();
    QTest::newRow("prefix/down") << u"prefix"_s << u"s2"_s << u"down"_s << "/"_ba
                                 << "PHPSESSID=s2~abc"_ba << u"!s2"_s
                                 << u"backend-down-redispatched"_s << "s2~abc"_ba
                                 << "PHPSESSID=abc"_ba << QString();
    QTest::newRow("prefix/standby")
        << u"prefix"_s << u"s2"_s << u"standby"_s << "/"_ba
        << "PHPSESSID=s2~abc"_ba << u"!s2"_s << u"standby-returned"_s << "s2~abc"_ba
        << "PHPSESSID=abc"_ba << QString();
    QTest::newRow("prefix/unknown-route")
        << u"prefix"_s << none << ready << "/"_ba
        << "PHPSESSID=s9~abc"_ba << u"*"_s << u"cookie-unknown-backend"_s << "s9~abc"_ba
        << "PHPSESSID=abc"_ba << QString();
    QTest::newRow("prefix/malformed")
        << u"prefix"_s << none << ready << "/"_ba
        << "PHPSESSID=abc"_ba << u"*"_s << u"cookie-malformed"_s << "abc"_ba
        << "PHPSESSID=abc"_ba << u"no route prefix"_s;
    QTest::newRow("prefix/other-cookie-only") << u"prefix"_s << none << ready << "/"_ba
                                              << "lang=fr"_ba << u"*"_s << u"cookie-absent"_s
                                              << QByteArray() << "lang=fr"_ba << QString();

    // mod_proxy_balancer stickysession=JSESSIONID|jsessionid (Tomcat jvmRoute).
    QTest::newRow("route/no-cookie")
        << u"route"_s << none << ready << "/shop"_ba << QByteArray() << u"*"_s << u"route-absent"_s
        << QByteArray() << QByteArray()
        << u"^found value \\(null\\) for stickysession JSESSIONID\\|jsessionid$"_s;
    QTest::newRow("route/cookie")
        << u"route"_s << u"www2"_s << ready << "/shop"_ba
        << "JSESSIONID=A1B2C3.www2"_ba << u"www2"_s << u"route-hit"_s << "A1B2C3.www2"_ba
        << "JSESSIONID=A1B2C3.www2"_ba
        << u"^found value A1B2C3\\.www2 for stickysession JSESSIONID; found route www2$"_s;
    QTest::newRow("route/path-parameter")
        << u"route"_s << u"www3"_s << ready << "/shop;jsessionid=A1B2C3.www3?item=7"_ba
        << QByteArray() << u"www3"_s << u"route-hit"_s << "A1B2C3.www3"_ba << QByteArray()
        << u"^found value A1B2C3\\.www3 for stickysession jsessionid \\(URL path\\); found route "
           "www3$"_s;
    QTest::newRow("route/path-parameter-mid-path")
        << u"route"_s << u"www1"_s << ready << "/app;jsessionid=A1B2C3.www1/cart"_ba << QByteArray()
        << u"www1"_s << u"route-hit"_s << "A1B2C3.www1"_ba << QByteArray() << QString();
    QTest::newRow("route/query-parameter")
        << u"route"_s << u"www1"_s << ready << "/shop?item=7&jsessionid=A1B2C3.www1"_ba
        << QByteArray() << u"www1"_s << u"route-hit"_s << "A1B2C3.www1"_ba << QByteArray()
        << u"\\(URL query\\); found route www1$"_s;
    QTest::newRow("route/query-parameter-first")
        << u"route"_s << u"www3"_s << ready << "/shop?jsessionid=A1B2C3.www3&item=7"_ba
        << QByteArray() << u"www3"_s << u"route-hit"_s << "A1B2C3.www3"_ba << QByteArray()
        << QString();
    QTest::newRow("route/last-separator")
        << u"route"_s << u"www2"_s << ready << "/"_ba
        << "JSESSIONID=node.a.b.www2"_ba << u"www2"_s << u"route-hit"_s << "node.a.b.www2"_ba
        << "JSESSIONID=node.a.b.www2"_ba << QString();
    QTest::newRow("route/cookie-before-url")
        << u"route"_s << u"www1"_s << ready << "/shop;jsessionid=Y.www3"_ba
        << "JSESSIONID=X.www1"_ba << u"www1"_s << u"route-hit"_s << "X.www1"_ba
        << "JSESSIONID=X.www1"_ba << QString();
    QTest::newRow("route/names-in-order")
        << u"route"_s << u"www2"_s << ready << "/"_ba
        << "jsessionid=Y.www3; JSESSIONID=X.www2"_ba << u"www2"_s << u"route-hit"_s << "X.www2"_ba
        << "jsessionid=Y.www3; JSESSIONID=X.www2"_ba << QString();
    QTest::newRow("route/unknown-route")
        << u"route"_s << none << ready << "/"_ba
        << "JSESSIONID=A1B2C3.www9"_ba << u"*"_s << u"cookie-unknown-backend"_s << "A1B2C3.www9"_ba
        << "JSESSIONID=A1B2C3.www9"_ba << u"found route www9$"_s;
    QTest::newRow("route/no-separator")
        << u"route"_s << none << ready << "/"_ba
        << "JSESSIONID=A1B2C3"_ba << u"*"_s << u"route-absent"_s << "A1B2C3"_ba
        << "JSESSIONID=A1B2C3"_ba
        << u"^found value A1B2C3 for stickysession JSESSIONID; no route in it"_s;
    QTest::newRow("route/empty-route")
        << u"route"_s << none << ready << "/"_ba
        << "JSESSIONID=A1B2C3."_ba << u"*"_s << u"route-absent"_s << "A1B2C3."_ba
        << "JSESSIONID=A1B2C3."_ba << u"no route in it"_s;
    QTest::newRow("route/similar-names-ignored")
        << u"route"_s << none << ready << "/shop;xjsessionid=A.www3?notjsessionid=B.www3"_ba
        << "XJSESSIONID=C.www3"_ba << u"*"_s << u"route-absent"_s << QByteArray()
        << "XJSESSIONID=C.www3"_ba << u"\\(null\\)"_s;
    QTest::newRow("route/drain") << u"route"_s << u"www2"_s << u"drain"_s << "/"_ba
                                 << "JSESSIONID=A1.www2"_ba << u"www2"_s
                                 << u"backend-draining-kept"_s << "A1.www2"_ba
                                 << "JSESSIONID=A1.www2"_ba << QString();
    QTest::newRow("route/maint") << u"route"_s << u"www2"_s << u"maint"_s << "/"_ba
                                 << "JSESSIONID=A1.www2"_ba << u"!www2"_s
                                 << u"backend-down-redispatched"_s << "A1.www2"_ba
                                 << "JSESSIONID=A1.www2"_ba << QString();
    QTest::newRow("route/down") << u"route"_s << u"www2"_s << u"down"_s << "/"_ba
                                << "JSESSIONID=A1.www2"_ba << u"!www2"_s
                                << u"backend-down-redispatched"_s << "A1.www2"_ba
                                << "JSESSIONID=A1.www2"_ba << QString();
    QTest::newRow("route/standby")
        << u"route"_s << u"www2"_s << u"standby"_s << "/"_ba
        << "JSESSIONID=A1.www2"_ba << u"!www2"_s << u"standby-returned"_s << "A1.www2"_ba
        << "JSESSIONID=A1.www2"_ba << QString();

    // Seed 001: mod_proxy_balancer with PHP, the backend sets BALANCEID=balancer.www1.
    QTest::newRow("balanceid/seed")
        << u"route-balanceid"_s << u"www1"_s << ready << "/"_ba
        << "BALANCEID=balancer.www1"_ba << u"www1"_s << u"route-hit"_s << "balancer.www1"_ba
        << "BALANCEID=balancer.www1"_ba
        << u"^found value balancer\\.www1 for stickysession BALANCEID; found route www1$"_s;
    QTest::newRow("balanceid/first-request")
        << u"route-balanceid"_s << none << ready << "/"_ba << QByteArray() << u"*"_s
        << u"route-absent"_s << QByteArray() << QByteArray()
        << u"^found value \\(null\\) for stickysession BALANCEID$"_s;
    QTest::newRow("balanceid/with-php-session")
        << u"route-balanceid"_s << u"www2"_s << ready << "/"_ba
        << "PHPSESSID=k2j3h4; BALANCEID=balancer.www2"_ba << u"www2"_s << u"route-hit"_s
        << "balancer.www2"_ba
        << "PHPSESSID=k2j3h4; BALANCEID=balancer.www2"_ba << QString();

    // Seed 003: Zope quotes the cookie value.
    QTest::newRow("plone/quoted")
        << u"route-plone"_s << u"node2"_s << ready << "/"_ba
        << "STICKY_ROUTE=\"route.node2\""_ba << u"node2"_s << u"route-hit"_s << "route.node2"_ba
        << "STICKY_ROUTE=\"route.node2\""_ba
        << u"^found value route\\.node2 for stickysession STICKY_ROUTE; found route node2$"_s;
    QTest::newRow("plone/unquoted")
        << u"route-plone"_s << u"node3"_s << ready << "/"_ba
        << "STICKY_ROUTE=route.node3"_ba << u"node3"_s << u"route-hit"_s << "route.node3"_ba
        << "STICKY_ROUTE=route.node3"_ba << QString();
    QTest::newRow("plone/quoted-node-down") << u"route-plone"_s << u"node2"_s << u"down"_s << "/"_ba
                                            << "STICKY_ROUTE=\"route.node2\""_ba << u"!node2"_s
                                            << u"backend-down-redispatched"_s << "route.node2"_ba
                                            << "STICKY_ROUTE=\"route.node2\""_ba << QString();

    // nginx `sticky learn`: the table knows PHPSESSID=xyz from s2 (taught before each row).
    QTest::newRow("learn/no-cookie")
        << u"learn"_s << none << ready << "/"_ba << QByteArray() << u"*"_s << u"learned-absent"_s
        << QByteArray() << QByteArray() << QString();
    QTest::newRow("learn/known") << u"learn"_s << u"s2"_s << ready << "/"_ba
                                 << "PHPSESSID=xyz"_ba << u"s2"_s << u"learned-hit"_s << "xyz"_ba
                                 << "PHPSESSID=xyz"_ba << QString();
    QTest::newRow("learn/unknown")
        << u"learn"_s << none << ready << "/"_ba
        << "PHPSESSID=nope"_ba << u"*"_s << u"learned-absent"_s << "nope"_ba
        << "PHPSESSID=nope"_ba << QString();
    QTest::newRow("learn/drain") << u"learn"_s << u"s2"_s << u"drain"_s << "/"_ba
                                 << "PHPSESSID=xyz"_ba << u"s2"_s << u"backend-draining-kept"_s
                                 << "xyz"_ba
                                 << "PHPSESSID=xyz"_ba << QString();
    QTest::newRow("learn/maint") << u"learn"_s << u"s2"_s << u"maint"_s << "/"_ba
                                 << "PHPSESSID=xyz"_ba << u"!s2"_s << u"backend-down-redispatched"_s
                                 << "xyz"_ba
                                 << "PHPSESSID=xyz"_ba << QString();
    QTest::newRow("learn/down") << u"learn"_s << u"s2"_s << u"down"_s << "/"_ba
                                << "PHPSESSID=xyz"_ba << u"!s2"_s << u"backend-down-redispatched"_s
                                << "xyz"_ba
                                << "PHPSESSID=xyz"_ba << QString();
    QTest::newRow("learn/standby")
        << u"learn"_s << u"s2"_s << u"standby"_s << "/"_ba
        << "PHPSESSID=xyz"_ba << u"!s2"_s << u"standby-returned"_s << "xyz"_ba
        << "PHPSESSID=xyz"_ba << QString();
}

void TestAffinityModes::requestDecisions()
{
    QFETCH(QString, preset);
    QFETCH(QString, subject);
    QFETCH(QString, state);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, cookie);
    QFETCH(QString, expected);
    QFETCH(QString, reason);
    QFETCH(QByteArray, keySeen);
    QFETCH(QByteArray, forwardedCookie);
    QFETCH(QString, detail);

    Limpet::Pool pool(poolConfig(preset));
    Limpet::SessionTable sessions(1000, 3600s);
    if (preset == "learn"_L1)
        backendSets(pool, u"s2"_s, "PHPSESSID=xyz; path=/"_ba, T0 - 500);
    if (!subject.isEmpty())
        applyState(*pool.backendByName(subject), state);

    HttpHead head = request(target, cookie);
    Limpet::AffinityRequest r{head, client, T0};
    const Decision d = pool.decide(r, sessions);
    QVERIFY2(backendMatches(d, expected),
        qPrintable(u"went to %1, expected %2"_s.arg(
            d.backend ? d.backend->name() : u"nothing"_s, expected)));
    QCOMPARE(reasonName(d.reason), reason);
    QCOMPARE(d.keySeen, keySeen);
    QCOMPARE(d.mode, pool.affinity().name());

    const QByteArray forwarded = head.serializeRequest();
    QVERIFY2(
        forwarded.startsWith(QByteArray("GET " + target + " HTTP/1.1\r\n")), forwarded.constData());
    const QByteArrayList cookies = headerValues(forwarded, "cookie");
    QCOMPARE(
        cookies, forwardedCookie.isEmpty() ? QByteArrayList() : QByteArrayList{forwardedCookie});
    QCOMPARE(headerValues(forwarded, "host"), QByteArrayList{"shop.example"_ba});
    QCOMPARE(headerValues(forwarded, "accept"), QByteArrayList{"*/*"_ba});

    if (!detail.isEmpty()) {
        const QRegularExpression re(detail);
        QVERIFY2(re.match(d.detail).hasMatch(), qPrintable(d.detail));
    }
}

void TestAffinityModes::responses_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QByteArray>("cookie"); ///< request Cookie header; empty: none
    QTest::addColumn<QByteArray>("responseHeaders"); ///< what the backend sends
    /// Set-Cookie and Cache-Control lines the client gets, in order: regular expressions,
    /// <route> = the route of the backend that answered.
    QTest::addColumn<QStringList>("expectedLines");
    QTest::addColumn<QString>("returned"); ///< the Set-Cookie the mode reports; empty: none

    const QString none;
    const QString ready = u"ready"_s;

    QTest::newRow("prefix/backend-sets-cookie")
        << u"prefix"_s << none << ready << QByteArray()
        << "Set-Cookie: PHPSESSID=abc; Path=/; HttpOnly\r\n"_ba
        << QStringList{u"Set-Cookie: PHPSESSID=<route>~abc; Path=/; HttpOnly"_s,
               u"Cache-Control: private"_s}
        << u"PHPSESSID=<route>~abc; Path=/; HttpOnly"_s;
    QTest::newRow("prefix/keeps-cache-control")
        << u"prefix"_s << none << ready << QByteArray()
        << "Cache-Control: no-store\r\nSet-Cookie: PHPSESSID=abc\r\n"_ba
        << QStringList{u"Cache-Control: no-store"_s, u"Set-Cookie: PHPSESSID=<route>~abc"_s}
        << u"PHPSESSID=<route>~abc"_s;
    QTest::newRow("prefix/nocache-off")
        << u"prefix-cacheable"_s << none << ready << QByteArray()
        << "Set-Cookie: PHPSESSID=abc; Path=/\r\n"_ba
        << QStringList{u"Set-Cookie: PHPSESSID=<route>~abc; Path=/"_s}
        << u"PHPSESSID=<route>~abc; Path=/"_s;
    QTest::newRow("prefix/delete-cookie-unprefixed")
        << u"prefix"_s << none << ready << "PHPSESSID=s1~abc"_ba
        << "Set-Cookie: PHPSESSID=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/\r\n"_ba
        << QStringList{u"Set-Cookie: PHPSESSID=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"_s}
        << QString();
    QTest::newRow("prefix/other-cookies-untouched")
        << u"prefix"_s << none << ready << QByteArray()
        << "Set-Cookie: lang=fr; Path=/\r\nSet-Cookie: PHPSESSID=abc; Path=/\r\n"_ba
        << QStringList{u"Set-Cookie: lang=fr; Path=/"_s,
               u"Set-Cookie: PHPSESSID=<route>~abc; Path=/"_s, u"Cache-Control: private"_s}
        << u"PHPSESSID=<route>~abc; Path=/"_s;
    QTest::newRow("prefix/no-set-cookie") << u"prefix"_s << none << ready << "PHPSESSID=s2~abc"_ba
                                          << QByteArray() << QStringList() << QString();
    QTest::newRow("prefix/quoted-set-cookie")
        << u"prefix"_s << none << ready << QByteArray() << "Set-Cookie: PHPSESSID=\"abc\"\r\n"_ba
        << QStringList{u"Set-Cookie: PHPSESSID=\"<route>~abc\""_s, u"Cache-Control: private"_s}
        << u"PHPSESSID=\"<route>~abc\""_s;
    QTest::newRow("prefix/redispatched-new-session")
        << u"prefix"_s << u"s2"_s << u"down"_s << "PHPSESSID=s2~old"_ba
        << "Set-Cookie: PHPSESSID=new; Path=/\r\n"_ba
        << QStringList{u"Set-Cookie: PHPSESSID=s[13]~new; Path=/"_s, u"Cache-Control: private"_s}
        << u"PHPSESSID=<route>~new; Path=/"_s;

    QTest::newRow("route/backend-sets-its-cookie")
        << u"route"_s << none << ready << QByteArray()
        << "Set-Cookie: JSESSIONID=A1B2C3.www1; Path=/\r\n"_ba
        << QStringList{u"Set-Cookie: JSESSIONID=A1B2C3\\.www1; Path=/"_s} << QString();
    QTest::newRow("route/no-cookie-nothing-set") << u"route"_s << none << ready << QByteArray()
                                                 << QByteArray() << QStringList() << QString();

    const QString balancerCookie
        = u"Set-Cookie: ROUTEID=[0-9a-f]{16}\\.<route>; Path=/shop; Domain=example\\.com; Secure; "
          "HttpOnly; SameSite=Lax; Max-Age=3600"_s;
    const QString balancerValue = balancerCookie.sliced(u"Set-Cookie: "_s.size());
    QTest::newRow("route-balancer/new-session")
        << u"route-balancer"_s << none << ready << QByteArray() << QByteArray()
        << QStringList{balancerCookie} << balancerValue;
    QTest::newRow("route-balancer/hit-sets-nothing")
        << u"route-balancer"_s << none << ready << "ROUTEID=0123456789abcdef.www2"_ba
        << QByteArray() << QStringList() << QString();
    QTest::newRow("route-balancer/unknown-route-reissued")
        << u"route-balancer"_s << none << ready << "ROUTEID=0123456789abcdef.www9"_ba
        << QByteArray() << QStringList{balancerCookie} << balancerValue;
    QTest::newRow("route-balancer/no-separator-reissued")
        << u"route-balancer"_s << none << ready << "ROUTEID=garbage"_ba << QByteArray()
        << QStringList{balancerCookie} << balancerValue;
    QTest::newRow("route-balancer/down-reissued")
        << u"route-balancer"_s << u"www2"_s << u"down"_s << "ROUTEID=0123456789abcdef.www2"_ba
        << QByteArray() << QStringList{balancerCookie} << balancerValue;
    QTest::newRow("route-balancer/drain-kept")
        << u"route-balancer"_s << u"www2"_s << u"drain"_s << "ROUTEID=0123456789abcdef.www2"_ba
        << QByteArray() << QStringList() << QString();

    QTest::newRow("learn/invisible")
        << u"learn"_s << none << ready << QByteArray() << "Set-Cookie: PHPSESSID=xyz; Path=/\r\n"_ba
        << QStringList{u"Set-Cookie: PHPSESSID=xyz; Path=/"_s} << QString();
}

void TestAffinityModes::responses()
{
    QFETCH(QString, preset);
    QFETCH(QString, subject);
    QFETCH(QString, state);
    QFETCH(QByteArray, cookie);
    QFETCH(QByteArray, responseHeaders);
    QFETCH(QStringList, expectedLines);
    QFETCH(QString, returned);

    Limpet::Pool pool(poolConfig(preset));
    Limpet::SessionTable sessions(1000, 3600s);
    if (!subject.isEmpty())
        applyState(*pool.backendByName(subject), state);

    const Exchange e = exchange(pool, sessions, request("/shop", cookie), responseHeaders, T0);
    QVERIFY(e.decision.backend);
    const QString route = QRegularExpression::escape(e.decision.backend->route());

    const QStringList lines = cookieAndCacheLines(e.clientResponse);
    QCOMPARE(lines.size(), expectedLines.size());
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString pattern = expectedLines.at(i);
        const QRegularExpression re(
            QRegularExpression::anchoredPattern(QString(pattern).replace(u"<route>"_s, route)));
        QVERIFY2(re.match(lines.at(i)).hasMatch(),
            qPrintable(u"line %1: %2 !~ %3"_s.arg(i).arg(lines.at(i), pattern)));
    }
    if (returned.isEmpty()) {
        QCOMPARE(e.decision.setCookie, QByteArray());
    } else {
        const QRegularExpression re(
            QRegularExpression::anchoredPattern(QString(returned).replace(u"<route>"_s, route)));
        QVERIFY2(re.match(QString::fromLatin1(e.decision.setCookie)).hasMatch(),
            e.decision.setCookie.constData());
    }
    // The response's own head survives the edits.
    QVERIFY(e.clientResponse.startsWith("HTTP/1.1 200 OK\r\n"));
    QCOMPARE(headerValues(e.clientResponse, "content-length"), QByteArrayList{"0"_ba});
}

// Seed 002: `cookie PHPSESSID prefix nocache`, servers s1 s2.
void TestAffinityModes::haproxyPrefixRecipe()
{
    Limpet::Pool pool(poolConfig(u"prefix"_s));
    Limpet::SessionTable sessions(1000, 3600s);

    // Login: no cookie yet; the application starts its session on the balanced backend.
    const Exchange login = exchange(
        pool, sessions, request("/login"), "Set-Cookie: PHPSESSID=abc; path=/\r\n"_ba, T0);
    QCOMPARE(reasonName(login.decision.reason), u"cookie-absent"_s);
    QVERIFY(login.decision.backend);
    QCOMPARE(login.decision.backend->name(), u"s1"_s); // round-robin starts at the first
    QCOMPARE(headerValues(login.clientResponse, "set-cookie"),
        QByteArrayList{"PHPSESSID=s1~abc; path=/"_ba});
    QCOMPARE(headerValues(login.clientResponse, "cache-control"), QByteArrayList{"private"_ba});
    QCOMPARE(login.decision.setCookie, "PHPSESSID=s1~abc; path=/"_ba);

    // Every later request goes back to s1, which sees its own value only.
    for (int i = 0; i < 5; ++i) {
        const Exchange next = exchange(pool, sessions, request("/cart", "PHPSESSID=s1~abc"),
            QByteArray(), T0 + 1000 * (i + 1));
        QCOMPARE(next.decision.backend->name(), u"s1"_s);
        QCOMPARE(reasonName(next.decision.reason), u"cookie-hit"_s);
        QCOMPARE(next.decision.keySeen, "s1~abc"_ba);
        QCOMPARE(headerValues(next.forwarded, "cookie"), QByteArrayList{"PHPSESSID=abc"_ba});
        QVERIFY(!next.forwarded.contains("s1~"));
        // No cookie set, so nothing to keep out of caches.
        QCOMPARE(headerValues(next.clientResponse, "cache-control"), QByteArrayList());
        QCOMPARE(headerValues(next.clientResponse, "set-cookie"), QByteArrayList());
    }
}

// s1 goes down: the session moves, the application still gets its value unprefixed, and when
// it starts a new session the client's cookie names the new backend.
void TestAffinityModes::prefixRedispatchKeepsApplicationValue()
{
    Limpet::Pool pool(poolConfig(u"prefix"_s));
    Limpet::SessionTable sessions(1000, 3600s);
    pool.backendByName(u"s1"_s)->setHealth(Health::Down);

    const Exchange moved = exchange(pool, sessions, request("/cart", "PHPSESSID=s1~abc"),
        "Set-Cookie: PHPSESSID=def; path=/\r\n"_ba, T0);
    QVERIFY(moved.decision.backend);
    const QString now = moved.decision.backend->name();
    QVERIFY(now != "s1"_L1);
    QCOMPARE(reasonName(moved.decision.reason), u"backend-down-redispatched"_s);
    QCOMPARE(headerValues(moved.forwarded, "cookie"), QByteArrayList{"PHPSESSID=abc"_ba});
    QCOMPARE(headerValues(moved.clientResponse, "set-cookie"),
        QByteArrayList{"PHPSESSID=" + now.toLatin1() + "~def; path=/"});

    const Exchange after = exchange(pool, sessions,
        request("/cart", "PHPSESSID=" + now.toLatin1() + "~def"), QByteArray(), T0 + 1000);
    QCOMPARE(after.decision.backend->name(), now);
    QCOMPARE(reasonName(after.decision.reason), u"cookie-hit"_s);
    QCOMPARE(headerValues(after.forwarded, "cookie"), QByteArrayList{"PHPSESSID=def"_ba});
}

// Seed 001: the backend sets BALANCEID=balancer.www1 itself (mod_rewrite CO=...), Limpet reads
// the route after the dot; with failover=Off a session whose backend is gone gets a 503.
void TestAffinityModes::modProxyBalancerRecipe()
{
    Limpet::PoolConfig config = poolConfig(u"route-balanceid"_s);
    config.failover = false;
    Limpet::Pool pool(config);
    Limpet::SessionTable sessions(1000, 3600s);

    const Exchange first = exchange(pool, sessions, request("/"),
        "Set-Cookie: BALANCEID=balancer.www1; path=/; "
        "domain=.example.com\r\n"_ba,
        T0);
    QCOMPARE(reasonName(first.decision.reason), u"route-absent"_s);
    QCOMPARE(first.decision.detail, u"found value (null) for stickysession BALANCEID"_s);
    QCOMPARE(first.decision.backend->name(), u"www1"_s);
    // The application's cookie reaches the client as it was set.
    QCOMPARE(headerValues(first.clientResponse, "set-cookie"),
        QByteArrayList{"BALANCEID=balancer.www1; path=/; domain=.example.com"_ba});
    QCOMPARE(first.decision.setCookie, QByteArray());

    for (int i = 0; i < 3; ++i) {
        const Exchange next = exchange(pool, sessions, request("/", "BALANCEID=balancer.www1"),
            QByteArray(), T0 + 1000 * (i + 1));
        QCOMPARE(next.decision.backend->name(), u"www1"_s);
        QCOMPARE(reasonName(next.decision.reason), u"route-hit"_s);
        QCOMPARE(next.decision.detail,
            u"found value balancer.www1 for stickysession BALANCEID; found route www1"_s);
        QCOMPARE(next.decision.decoded, u"www1"_s);
        QCOMPARE(
            headerValues(next.forwarded, "cookie"), QByteArrayList{"BALANCEID=balancer.www1"_ba});
    }

    pool.backendByName(u"www1"_s)->setHealth(Health::Down);
    const Decision refused
        = decideOnly(pool, sessions, request("/", "BALANCEID=balancer.www1"), T0 + 10000);
    QVERIFY(!refused.backend);
    QCOMPARE(reasonName(refused.reason), u"failover-refused"_s);
}

// Seed 003: Zope sets STICKY_ROUTE="route.<node>" at login, quoted; the route matches without
// the trailing quote mod_proxy_balancer needed in its BalancerMember routes.
void TestAffinityModes::ploneQuotedRouteRecipe()
{
    Limpet::Pool pool(poolConfig(u"route-plone"_s));
    Limpet::SessionTable sessions(1000, 3600s);
    const QByteArray cookies = "__ac=\"YWRtaW4=\"; STICKY_ROUTE=\"route.node2\"";
    for (int i = 0; i < 4; ++i) {
        const Exchange e
            = exchange(pool, sessions, request("/plone/folder", cookies), QByteArray(), T0 + i);
        QCOMPARE(e.decision.backend->name(), u"node2"_s);
        QCOMPARE(reasonName(e.decision.reason), u"route-hit"_s);
        QCOMPARE(e.decision.keySeen, "route.node2"_ba);
        QCOMPARE(headerValues(e.forwarded, "cookie"), QByteArrayList{cookies});
    }
}

// set = balancer: Limpet issues the route cookie, and a client that returns it stays.
void TestAffinityModes::routeSetByBalancerRoundTrip()
{
    Limpet::Pool pool(poolConfig(u"route-balancer"_s));
    Limpet::SessionTable sessions(1000, 3600s);
    const Exchange first = exchange(pool, sessions, request("/shop"), QByteArray(), T0);
    QCOMPARE(reasonName(first.decision.reason), u"route-absent"_s);
    const QByteArray setCookie = first.decision.setCookie;
    const QByteArray value = setCookie.sliced(8, setCookie.indexOf(';') - 8); // after "ROUTEID="
    QVERIFY2(value.endsWith(QByteArray("." + first.decision.backend->routeBytes())),
        setCookie.constData());
    QCOMPARE(first.decision.key, value);
    QCOMPARE(sessions.backendOf(u"web"_s, value), std::optional(first.decision.backend->name()));

    const Exchange next
        = exchange(pool, sessions, request("/shop", "ROUTEID=" + value), QByteArray(), T0 + 1000);
    QCOMPARE(next.decision.backend, first.decision.backend);
    QCOMPARE(reasonName(next.decision.reason), u"route-hit"_s);
    QCOMPARE(next.decision.setCookie, QByteArray());
    QCOMPARE(headerValues(next.forwarded, "cookie"), QByteArrayList{"ROUTEID=" + value});

    // Each new session gets its own key.
    const Exchange other = exchange(pool, sessions, request("/shop"), QByteArray(), T0 + 2000);
    QVERIFY(other.decision.key != first.decision.key);
}

// nginx `sticky learn create=$upstream_cookie_phpsessid lookup=$cookie_phpsessid`.
void TestAffinityModes::learnKeepsBindingsWhenPoolIsRebuilt()
{
    Limpet::Pool before(poolConfig(u"learn"_s));
    backendSets(before, u"s2"_s, "PHPSESSID=xyz; path=/", T0);
    backendSets(before, u"s3"_s, "PHPSESSID=abc; path=/", T0 + 1);
    Limpet::SessionTable sessions(1000, 3600s);
    const auto decideOn = [&](Limpet::Pool &pool, const QByteArray &cookie) {
        return decideOnly(pool, sessions, request("/cart", cookie), T0 + 1000);
    };

    // A reload that changes the pool's own settings builds a new pool: the sessions it learnt
    // stay where they are (round-robin alone would send xyz to s1).
    Limpet::PoolConfig changed = poolConfig(u"learn"_s);
    changed.balance = u"leastconn"_s;
    Limpet::Pool after(changed, before.backends(), &before);
    Decision d = decideOn(after, "PHPSESSID=xyz");
    QCOMPARE(reasonName(d.reason), u"learned-hit"_s);
    QCOMPARE(d.backend->name(), u"s2"_s);
    d = decideOn(after, "PHPSESSID=abc");
    QCOMPARE(reasonName(d.reason), u"learned-hit"_s);
    QCOMPARE(d.backend->name(), u"s3"_s);
    // Without the previous pool (a pool built from scratch) nothing is known.
    Limpet::Pool fresh(changed, before.backends());
    QCOMPARE(reasonName(decideOn(fresh, "PHPSESSID=xyz").reason), u"learned-absent"_s);

    // A smaller table keeps the most recently used.
    changed.sticky.learnMaxEntries = 1;
    Limpet::Pool small(changed, before.backends(), &before);
    QCOMPARE(reasonName(decideOn(small, "PHPSESSID=abc").reason), u"learned-hit"_s);
    QCOMPARE(reasonName(decideOn(small, "PHPSESSID=xyz").reason), u"learned-absent"_s);

    // Another cookie: the values learnt were of PHPSESSID, not of it.
    Limpet::PoolConfig renamed = poolConfig(u"learn"_s);
    renamed.sticky.cookie = u"SID"_s;
    Limpet::Pool other(renamed, before.backends(), &before);
    QCOMPARE(reasonName(decideOn(other, "SID=xyz").reason), u"learned-absent"_s);
}

void TestAffinityModes::learnRecipe()
{
    Limpet::Pool pool(poolConfig(u"learn"_s));
    Limpet::SessionTable sessions(1000, 3600s);

    const Exchange first = exchange(
        pool, sessions, request("/login"), "Set-Cookie: PHPSESSID=xyz; path=/\r\n"_ba, T0);
    QCOMPARE(reasonName(first.decision.reason), u"learned-absent"_s);
    QCOMPARE(first.decision.keySeen, QByteArray());
    const QString home = first.decision.backend->name();
    // Nothing the client sees changes.
    QCOMPARE(headerValues(first.clientResponse, "set-cookie"),
        QByteArrayList{"PHPSESSID=xyz; path=/"_ba});
    QCOMPARE(first.decision.setCookie, QByteArray());

    // Round-robin would spread these over all three: the learnt binding keeps them home.
    for (int i = 0; i < 6; ++i) {
        const Exchange next = exchange(
            pool, sessions, request("/cart", "PHPSESSID=xyz"), QByteArray(), T0 + 1000 * (i + 1));
        QCOMPARE(next.decision.backend->name(), home);
        QCOMPARE(reasonName(next.decision.reason), u"learned-hit"_s);
        QCOMPARE(next.decision.keySeen, "xyz"_ba);
        QCOMPARE(headerValues(next.forwarded, "cookie"), QByteArrayList{"PHPSESSID=xyz"_ba});
        QCOMPARE(headerValues(next.clientResponse, "set-cookie"), QByteArrayList());
    }

    // Its backend goes down: the session moves once, and stays where it went even though the
    // application there accepted the value without setting it again.
    pool.backendByName(home)->setHealth(Health::Down);
    const Exchange moved
        = exchange(pool, sessions, request("/cart", "PHPSESSID=xyz"), QByteArray(), T0 + 10000);
    QCOMPARE(reasonName(moved.decision.reason), u"backend-down-redispatched"_s);
    const QString second = moved.decision.backend->name();
    QVERIFY(second != home);
    for (int i = 0; i < 4; ++i) {
        const Exchange next = exchange(
            pool, sessions, request("/cart", "PHPSESSID=xyz"), QByteArray(), T0 + 11000 + i);
        QCOMPARE(next.decision.backend->name(), second);
        QCOMPARE(reasonName(next.decision.reason), u"learned-hit"_s);
    }

    // A value it never saw (Limpet restarted, or the binding expired) is bound where it lands.
    const Exchange stranger
        = exchange(pool, sessions, request("/cart", "PHPSESSID=old"), QByteArray(), T0 + 20000);
    QCOMPARE(reasonName(stranger.decision.reason), u"learned-absent"_s);
    const Decision again
        = decideOnly(pool, sessions, request("/cart", "PHPSESSID=old"), T0 + 21000);
    QCOMPARE(reasonName(again.reason), u"learned-hit"_s);
    QCOMPARE(again.backend, stranger.decision.backend);
}

void TestAffinityModes::learnForgetsDeletedCookie()
{
    Limpet::Pool pool(poolConfig(u"learn"_s));
    Limpet::SessionTable sessions(1000, 3600s);
    backendSets(pool, u"s3"_s, "PHPSESSID=xyz"_ba, T0);
    QCOMPARE(reasonName(decideOnly(pool, sessions, request("/", "PHPSESSID=xyz"), T0).reason),
        u"learned-hit"_s);

    // Logout: the application deletes its cookie.
    Decision logout = decideOnly(pool, sessions, request("/logout", "PHPSESSID=xyz"), T0 + 1);
    QCOMPARE(logout.backend->name(), u"s3"_s);
    HttpHead answer = response("Set-Cookie: PHPSESSID=; Max-Age=0; path=/\r\n"_ba);
    Limpet::AffinityResponse r{answer, logout, T0 + 1};
    QCOMPARE(pool.affinity().onResponse(r), QByteArray());
    QCOMPARE(headerValues(answer.serializeResponse(), "set-cookie"),
        QByteArrayList{"PHPSESSID=; Max-Age=0; path=/"_ba});

    const Decision after = decideOnly(pool, sessions, request("/", "PHPSESSID=xyz"), T0 + 2);
    QCOMPARE(reasonName(after.reason), u"learned-absent"_s);
}

void TestAffinityModes::learnTableIsBounded()
{
    Limpet::PoolConfig config = poolConfig(u"learn"_s);
    config.sticky.learnMaxEntries = 3;
    Limpet::Pool pool(config);
    Limpet::SessionTable sessions(1000, 3600s);
    auto *learn = dynamic_cast<Limpet::LearnAffinity *>(&pool.affinity());
    QVERIFY(learn);

    backendSets(pool, u"s1"_s, "PHPSESSID=a"_ba, T0 + 1000);
    backendSets(pool, u"s2"_s, "PHPSESSID=b"_ba, T0 + 2000);
    backendSets(pool, u"s3"_s, "PHPSESSID=c"_ba, T0 + 3000);
    QCOMPARE(learn->size(), 3);
    // A hit makes `a` the most recently used: `b` is now the least.
    QCOMPARE(decideOnly(pool, sessions, request("/", "PHPSESSID=a"), T0 + 4000).backend->name(),
        u"s1"_s);
    backendSets(pool, u"s1"_s, "PHPSESSID=d"_ba, T0 + 5000);
    QCOMPARE(learn->size(), 3);

    const struct
    {
        QByteArray value;
        const char *reason;
        const char *backend;
    } expected[] = {{"a", "learned-hit", "s1"}, {"b", "learned-absent", nullptr},
        {"c", "learned-hit", "s3"}, {"d", "learned-hit", "s1"}};
    for (const auto &e : expected) {
        const Decision d
            = decideOnly(pool, sessions, request("/", "PHPSESSID=" + e.value), T0 + 6000);
        QCOMPARE(reasonName(d.reason), QString::fromLatin1(e.reason));
        if (e.backend)
            QCOMPARE(d.backend->name(), QString::fromLatin1(e.backend));
    }

    // Many sessions later the table still holds no more than its bound.
    for (int i = 0; i < 100; ++i)
        backendSets(pool, u"s2"_s, "PHPSESSID=v" + QByteArray::number(i), T0 + 7000 + i);
    QCOMPARE(learn->size(), 3);
    QCOMPARE(
        reasonName(decideOnly(pool, sessions, request("/", "PHPSESSID=v99"), T0 + 8000).reason),
        u"learned-hit"_s);
    QCOMPARE(
        reasonName(decideOnly(pool, sessions, request("/", "PHPSESSID=v96"), T0 + 8000).reason),
        u"learned-absent"_s);
}

void TestAffinityModes::learnBindingsExpireWhenIdle()
{
    Limpet::PoolConfig config = poolConfig(u"learn"_s);
    config.sticky.learnIdleSeconds = 60;
    Limpet::Pool pool(config);
    Limpet::SessionTable sessions(1000, 3600s);
    auto *learn = dynamic_cast<Limpet::LearnAffinity *>(&pool.affinity());
    QVERIFY(learn);

    backendSets(pool, u"s2"_s, "PHPSESSID=xyz"_ba, T0);
    backendSets(pool, u"s3"_s, "PHPSESSID=idle"_ba, T0);
    // Each use restarts the idle clock.
    qint64 now = T0;
    for (int i = 0; i < 3; ++i) {
        now += 59'000;
        const Decision d = decideOnly(pool, sessions, request("/", "PHPSESSID=xyz"), now);
        QCOMPARE(reasonName(d.reason), u"learned-hit"_s);
        QCOMPARE(d.backend->name(), u"s2"_s);
    }
    // The unused one is gone, and no longer held.
    QCOMPARE(reasonName(decideOnly(pool, sessions, request("/", "PHPSESSID=idle"), now).reason),
        u"learned-absent"_s);
    QCOMPARE(learn->size(), 1);

    now += 61'000;
    QCOMPARE(reasonName(decideOnly(pool, sessions, request("/", "PHPSESSID=xyz"), now).reason),
        u"learned-absent"_s);
    QCOMPARE(learn->size(), 0);
}

// Every worker calls lookup and onResponse at once; the table stays consistent and bounded.
void TestAffinityModes::learnIsThreadSafe()
{
    Limpet::PoolConfig config = poolConfig(u"learn"_s);
    config.sticky.learnMaxEntries = 50;
    Limpet::Pool pool(config);
    Limpet::SessionTable sessions(100000, 3600s);
    auto *learn = dynamic_cast<Limpet::LearnAffinity *>(&pool.affinity());
    QVERIFY(learn);

    constexpr int Threads = 4;
    constexpr int Rounds = 2000;
    std::atomic<int> misrouted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < Rounds; ++i) {
                const QByteArray value
                    = "t" + QByteArray::number(t) + "v" + QByteArray::number(i % 20);
                const Exchange e = exchange(pool, sessions, request("/", "PHPSESSID=" + value),
                    "Set-Cookie: PHPSESSID=" + value + "\r\n", T0 + i);
                const Decision d
                    = decideOnly(pool, sessions, request("/", "PHPSESSID=" + value), T0 + i);
                if (d.reason == ReasonCode::LearnedHit && d.backend != e.decision.backend)
                    misrouted.fetch_add(1);
            }
        });
    }
    for (std::thread &th : threads)
        th.join();
    QVERIFY(learn->size() <= 50);
    QVERIFY(learn->size() > 0);
    // Threads use distinct values: a binding only ever names the backend that set it.
    QCOMPARE(misrouted.load(), 0);
}

QTEST_GUILESS_MAIN(TestAffinityModes)
#include "tst_affinity_modes.moc"
