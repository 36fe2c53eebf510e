// Tests of routing decisions (engine/pool/pool.h): cookie insert affinity, backend states and
// smooth weighted round-robin.

#include "config/configloader.h"
#include "http/httpparser.h"
#include "pool/pool.h"
#include "session/sessiontable.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Limpet::BackendState;
using Limpet::Decision;
using Limpet::Health;
using Limpet::HttpHead;
using Limpet::ReasonCode;

namespace {

const QHostAddress client(u"198.51.100.7"_s);

Limpet::BackendConfig backendConfig(
    const QString &name, const QString &route, int weight, quint16 port)
{
    Limpet::BackendConfig b;
    b.name = name;
    b.route = route;
    b.weight = weight;
    b.address = Limpet::Endpoint{QHostAddress::LocalHost, port};
    return b;
}

/// Pool "web": app1/app2/app3 with routes r1/r2/r3, cookie insert "SRV".
Limpet::PoolConfig threeBackends(const QString &mode = u"insert"_s)
{
    Limpet::PoolConfig c;
    c.name = u"web"_s;
    c.balance = u"roundrobin"_s;
    c.sticky.mode = mode;
    c.sticky.cookie = u"SRV"_s;
    c.backends = {backendConfig(u"app1"_s, u"r1"_s, 1, 9101),
        backendConfig(u"app2"_s, u"r2"_s, 1, 9102), backendConfig(u"app3"_s, u"r3"_s, 1, 9103)};
    return c;
}

Limpet::PoolConfig weighted(const QList<int> &weights)
{
    Limpet::PoolConfig c;
    c.name = u"web"_s;
    for (int i = 0; i < weights.size(); ++i) {
        const QString name = QString(QChar(u'a' + i));
        c.backends.append(backendConfig(name, name, weights.at(i), quint16(9100 + i)));
    }
    return c;
}

/// A request head as the proxy has it: parsed from raw bytes.
HttpHead request(const QByteArray &extraHeaders = {})
{
    const QByteArray raw
        = "GET /cart HTTP/1.1\r\nHost: shop.example\r\n" + extraHeaders + "Accept: */*\r\n\r\n";
    Limpet::HttpParser parser(Limpet::HttpParser::Kind::Request);
    qsizetype consumed = 0;
    if (parser.feed(raw, 0, consumed) != Limpet::HttpParser::Event::HeadComplete)
        qFatal("test request did not parse: %s", parser.errorReason().constData());
    return parser.head();
}

/// Header lines of a serialized head, parsed back; the request line excluded.
QByteArrayList forwardedLines(const HttpHead &head)
{
    const QByteArray bytes = head.serializeRequest();
    QByteArrayList lines = bytes.split('\n');
    QByteArrayList out;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray l = lines.at(i);
        if (l.endsWith('\r'))
            l.chop(1);
        if (!l.isEmpty())
            out.append(l);
    }
    return out;
}

QByteArrayList cookieLines(const HttpHead &head)
{
    QByteArrayList out;
    for (const QByteArray &l : forwardedLines(head)) {
        if (l.toLower().startsWith("cookie:"))
            out.append(l);
    }
    return out;
}

QByteArray cookieValue(const QByteArray &setCookie)
{
    // "SRV=<value>; Path=/; HttpOnly"
    const qsizetype eq = setCookie.indexOf('=');
    const qsizetype semi = setCookie.indexOf(';');
    return setCookie.mid(eq + 1, semi - eq - 1);
}

/// RFC 6265 cookie-octet: %x21 / %x23-2B / %x2D-3A / %x3C-5B / %x5D-7E.
bool isCookieValue(QByteArrayView v)
{
    for (const char ch : v) {
        const uchar c = uchar(ch);
        if (!(c == 0x21 || (c >= 0x23 && c <= 0x2b) || (c >= 0x2d && c <= 0x3a)
                || (c >= 0x3c && c <= 0x5b) || (c >= 0x5d && c <= 0x7e)))
            return false;
    }
    return !v.isEmpty();
}

/// Decides like a worker does: the pool's decision, then the affinity mode's response step on
/// an empty response, which fills Decision::setCookie.
Decision decideOn(Limpet::Pool &pool, HttpHead &head, const QHostAddress &client,
    Limpet::SessionTable &sessions, qint64 nowMs)
{
    Limpet::AffinityRequest request{head, client, nowMs};
    Decision d = pool.decide(request, sessions);
    if (d.backend) {
        HttpHead response;
        Limpet::AffinityResponse r{response, d, nowMs};
        d.setCookie = pool.affinity().onResponse(r);
    }
    return d;
}

} // namespace

namespace QTest {
template <>
char *toString(const ReasonCode &r)
{
    return qstrdup(Limpet::reasonCodeName(r).toUtf8().constData());
}
} // namespace QTest

class TestAffinity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newSessionGetsCookie();
    void validCookieHits();
    void affinityCookieIsStripped_data();
    void affinityCookieIsStripped();
    void malformedCookie_data();
    void malformedCookie();
    void cookieNamingUnknownRoute();
    void otherCookieNameIsUsed();
    void drainingBackendKeepsSessions();
    void downBackendRedispatches_data();
    void downBackendRedispatches();
    void noUsableBackend();
    void standbyTakesOverWhenNoReadyBackend();
    void zeroWeightGetsNoNewSessions();
    void roundRobinIsEven();
    void weightsAreHonoured_data();
    void weightsAreHonoured();
    void smoothWeightedInterleaving();
    void modeNone();
    void loaderAcceptedNamesKeepTheirSessions_data();
    void loaderAcceptedNamesKeepTheirSessions();
    void reasonCodeNames_data();
    void reasonCodeNames();
};

void TestAffinity::newSessionGetsCookie()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead head = request();
    const QByteArray before = head.serializeRequest();
    const Decision d = decideOn(pool, head, client, sessions, 123456);

    QCOMPARE(d.reason, ReasonCode::CookieAbsent);
    QVERIFY(d.backend);
    QCOMPARE(d.pool, u"web"_s);
    QCOMPARE(d.client, client);
    QCOMPARE(d.timeMs, qint64(123456));
    QCOMPARE(d.algorithm, u"roundrobin"_s);
    QCOMPARE(d.keySeen, QByteArray());
    QVERIFY(d.decoded.isEmpty());
    QVERIFY(!d.changedBackend);

    const QRegularExpression form(
        u"^SRV=([0-9a-f]{8})-(r[123])-([0-9a-f]{8}); Path=/; HttpOnly$"_s);
    const QRegularExpressionMatch m = form.match(QString::fromLatin1(d.setCookie));
    QVERIFY2(m.hasMatch(), d.setCookie.constData());
    QCOMPARE(m.captured(2), d.backend->route());
    QCOMPARE(d.key, cookieValue(d.setCookie));
    QCOMPARE(sessions.backendOf(u"web"_s, d.key), std::optional<QString>(d.backend->name()));
    QCOMPARE(sessions.size(), 1);
    QCOMPARE(head.serializeRequest(), before); // nothing to strip

    // Every session gets its own key, even on the same backend.
    QSet<QByteArray> keys{d.key};
    for (int i = 0; i < 30; ++i) {
        HttpHead h = request();
        keys.insert(decideOn(pool, h, client, sessions, 123457 + i).key);
    }
    QCOMPARE(keys.size(), 31);
    QCOMPARE(sessions.size(), 31);
}

void TestAffinity::validCookieHits()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead first = request();
    const Decision issued = decideOn(pool, first, client, sessions, 1000);
    QVERIFY(issued.backend);

    // The same client comes back again and again: always the same backend, though round-robin
    // would rotate, and no new cookie.
    for (int i = 0; i < 10; ++i) {
        HttpHead head = request("Cookie: SRV=" + issued.key + "\r\n");
        const Decision d = decideOn(pool, head, client, sessions, 2000 + i);
        QCOMPARE(d.reason, ReasonCode::CookieHit);
        QCOMPARE(d.backend, issued.backend);
        QCOMPARE(d.setCookie, QByteArray());
        QCOMPARE(d.algorithm, QString());
        QCOMPARE(d.keySeen, issued.key);
        QCOMPARE(d.key, issued.key);
        QCOMPARE(d.decoded, issued.backend->route());
        QVERIFY(!d.changedBackend);
        QVERIFY(cookieLines(head).isEmpty()); // the only cookie was ours: no Cookie header left
        QVERIFY(!head.serializeRequest().contains("SRV"));
        // Cookie-less requests in between keep rotating the others.
        HttpHead other = request();
        (void)decideOn(pool, other, client, sessions, 2000 + i);
    }
    QCOMPARE(sessions.size(), 11);
    const QList<Limpet::SessionInfo> all = sessions.snapshot();
    for (const Limpet::SessionInfo &s : all) {
        if (s.key == issued.key) {
            QCOMPARE(s.requests, quint64(11));
            QCOMPARE(s.firstSeenMs, qint64(1000));
            QCOMPARE(s.lastSeenMs, qint64(2009));
            QCOMPARE(s.backend, issued.backend->name());
        }
    }
}

void TestAffinity::affinityCookieIsStripped_data()
{
    QTest::addColumn<QByteArray>("cookies"); // Cookie header line(s); %K stands for the key
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("middle") << "Cookie: a=1; SRV=%K; b=2\r\n"_ba
                            << QByteArrayList{"Cookie: a=1; b=2"};
    QTest::newRow("first") << "Cookie: SRV=%K; b=2\r\n"_ba << QByteArrayList{"Cookie: b=2"};
    QTest::newRow("last") << "Cookie: a=1; SRV=%K\r\n"_ba << QByteArrayList{"Cookie: a=1"};
    QTest::newRow("only") << "Cookie: SRV=%K\r\n"_ba << QByteArrayList{};
    QTest::newRow("no-spaces") << "Cookie: a=1;SRV=%K;b=2\r\n"_ba
                               << QByteArrayList{"Cookie: a=1; b=2"};
    QTest::newRow("own-header") << "Cookie: a=1\r\nCookie: SRV=%K\r\n"_ba
                                << QByteArrayList{"Cookie: a=1"};
    QTest::newRow("similar-names-kept") << "Cookie: XSRV=1; SRV=%K; SRVX=2; srv=3\r\n"_ba
                                        << QByteArrayList{"Cookie: XSRV=1; SRVX=2; srv=3"};
    QTest::newRow("twice") << "Cookie: SRV=%K; a=1; SRV=%K\r\n"_ba << QByteArrayList{"Cookie: a=1"};
}

void TestAffinity::affinityCookieIsStripped()
{
    QFETCH(QByteArray, cookies);
    QFETCH(QByteArrayList, expected);
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead first = request();
    const Decision issued = decideOn(pool, first, client, sessions, 1);

    HttpHead head = request(cookies.replace("%K", issued.key));
    const Decision d = decideOn(pool, head, client, sessions, 2);
    QCOMPARE(d.reason, ReasonCode::CookieHit);
    QCOMPARE(d.backend, issued.backend);
    QCOMPARE(cookieLines(head), expected);
    QVERIFY(!head.serializeRequest().contains(issued.key));
    // The rest of the head is forwarded as it came.
    QByteArrayList others;
    for (const QByteArray &l : forwardedLines(head)) {
        if (!l.toLower().startsWith("cookie:"))
            others.append(l);
    }
    QCOMPARE(others, QByteArrayList({"Host: shop.example", "Accept: */*"}));
    QVERIFY(head.serializeRequest().startsWith("GET /cart HTTP/1.1\r\n"));
}

void TestAffinity::malformedCookie_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("garbage") << "garbage"_ba;
    QTest::newRow("empty") << ""_ba;
    QTest::newRow("uppercase-hex") << "ABCDEF01-r1-01234567"_ba;
    QTest::newRow("short-mask") << "abcdef0-r1-01234567"_ba;
    QTest::newRow("no-route") << "abcdef01--01234567"_ba;
    QTest::newRow("dash-in-route") << "abcdef01-r-1-01234567"_ba;
    QTest::newRow("not-hex") << "abcdefgh-r1-01234567"_ba;
    QTest::newRow("plain-route") << "r1"_ba;
}

void TestAffinity::malformedCookie()
{
    QFETCH(QByteArray, value);
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead head = request("Cookie: a=1; SRV=" + value + "\r\n");
    const Decision d = decideOn(pool, head, client, sessions, 1);
    QCOMPARE(d.reason, ReasonCode::CookieMalformed);
    QCOMPARE(d.keySeen, value);
    QVERIFY(d.decoded.isEmpty());
    QVERIFY(d.backend);
    QCOMPARE(d.algorithm, u"roundrobin"_s);
    QVERIFY2(d.setCookie.startsWith("SRV=") && d.setCookie.endsWith("; Path=/; HttpOnly"),
        d.setCookie.constData());
    QVERIFY(d.key != value);
    QCOMPARE(sessions.backendOf(u"web"_s, d.key), std::optional<QString>(d.backend->name()));
    QCOMPARE(cookieLines(head), QByteArrayList{"Cookie: a=1"});
}

void TestAffinity::cookieNamingUnknownRoute()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    const QByteArray stale = "0123abcd-gone-89abcdef"_ba;
    HttpHead head = request("Cookie: SRV=" + stale + "\r\n");
    const Decision d = decideOn(pool, head, client, sessions, 1);
    QCOMPARE(d.reason, ReasonCode::CookieUnknownBackend);
    QCOMPARE(d.keySeen, stale);
    QCOMPARE(d.decoded, u"gone"_s);
    QVERIFY(d.backend);
    QCOMPARE(d.algorithm, u"roundrobin"_s);
    // Re-issued: a fresh key naming the backend chosen now.
    QVERIFY(d.key != stale);
    QVERIFY2(d.key.contains(QByteArray('-' + d.backend->routeBytes() + '-')), d.key.constData());
    QCOMPARE(d.setCookie, "SRV=" + d.key + "; Path=/; HttpOnly");
    QVERIFY(cookieLines(head).isEmpty());
    QCOMPARE(sessions.backendOf(u"web"_s, stale), std::nullopt);
}

void TestAffinity::otherCookieNameIsUsed()
{
    Limpet::PoolConfig config = threeBackends();
    config.sticky.cookie = u"SHOPID"_s;
    Limpet::Pool pool(config);
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead first = request("Cookie: SRV=abc\r\n");
    const Decision issued = decideOn(pool, first, client, sessions, 1);
    QCOMPARE(issued.reason, ReasonCode::CookieAbsent);
    QVERIFY2(issued.setCookie.startsWith("SHOPID="), issued.setCookie.constData());
    QCOMPARE(cookieLines(first), QByteArrayList{"Cookie: SRV=abc"}); // not ours: untouched

    HttpHead again = request("Cookie: SRV=abc; SHOPID=" + issued.key + "\r\n");
    const Decision d = decideOn(pool, again, client, sessions, 2);
    QCOMPARE(d.reason, ReasonCode::CookieHit);
    QCOMPARE(d.backend, issued.backend);
    QCOMPARE(cookieLines(again), QByteArrayList{"Cookie: SRV=abc"});
}

void TestAffinity::drainingBackendKeepsSessions()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead first = request();
    const Decision issued = decideOn(pool, first, client, sessions, 1);
    issued.backend->setState(BackendState::Drain);

    HttpHead head = request("Cookie: SRV=" + issued.key + "\r\n");
    const Decision d = decideOn(pool, head, client, sessions, 2);
    QCOMPARE(d.reason, ReasonCode::BackendDrainingKept);
    QCOMPARE(d.backend, issued.backend);
    QCOMPARE(d.setCookie, QByteArray());
    QCOMPARE(d.key, issued.key);
    QVERIFY(cookieLines(head).isEmpty());

    // New sessions go to the other two, evenly.
    QHash<QString, int> picks;
    for (int i = 0; i < 30; ++i) {
        HttpHead h = request();
        const Decision n = decideOn(pool, h, client, sessions, 3 + i);
        QCOMPARE(n.reason, ReasonCode::CookieAbsent);
        QVERIFY(n.backend != issued.backend);
        ++picks[n.backend->name()];
    }
    QCOMPARE(picks.size(), 2);
    for (const int n : std::as_const(picks))
        QCOMPARE(n, 15);
}

void TestAffinity::downBackendRedispatches_data()
{
    QTest::addColumn<bool>("maint"); // else: health down
    QTest::newRow("maint") << true;
    QTest::newRow("down") << false;
}

void TestAffinity::downBackendRedispatches()
{
    QFETCH(bool, maint);
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead first = request();
    const Decision issued = decideOn(pool, first, client, sessions, 1);
    if (maint)
        issued.backend->setState(BackendState::Maint);
    else
        issued.backend->setHealth(Health::Down);

    HttpHead head = request("Cookie: SRV=" + issued.key + "; theme=dark\r\n");
    const Decision d = decideOn(pool, head, client, sessions, 2);
    QCOMPARE(d.reason, ReasonCode::BackendDownRedispatched);
    QVERIFY(d.backend);
    QVERIFY(d.backend != issued.backend);
    QCOMPARE(d.keySeen, issued.key);
    QCOMPARE(d.decoded, issued.backend->route());
    QCOMPARE(d.algorithm, u"roundrobin"_s);
    QVERIFY(d.key != issued.key);
    QVERIFY2(d.key.contains(QByteArray('-' + d.backend->routeBytes() + '-')), d.key.constData());
    QCOMPARE(d.setCookie, "SRV=" + d.key + "; Path=/; HttpOnly");
    QCOMPARE(cookieLines(head), QByteArrayList{"Cookie: theme=dark"});
    QCOMPARE(sessions.backendOf(u"web"_s, d.key), std::optional<QString>(d.backend->name()));
    // The client's session did move: its previous request went to the backend now down.
    QVERIFY2(d.changedBackend, "a redispatched session is not reported as changedBackend");

    // Back in service: the old cookie works again.
    issued.backend->setState(BackendState::Ready);
    issued.backend->setHealth(Health::Up);
    HttpHead back = request("Cookie: SRV=" + issued.key + "\r\n");
    QCOMPARE(decideOn(pool, back, client, sessions, 3).reason, ReasonCode::CookieHit);
}

void TestAffinity::noUsableBackend()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead first = request();
    const Decision issued = decideOn(pool, first, client, sessions, 1);
    QCOMPARE(sessions.size(), 1);

    const QList<Limpet::BackendPtr> all = pool.backends();
    QCOMPARE(all.size(), 3);
    all.at(0)->setState(BackendState::Maint);
    all.at(1)->setHealth(Health::Down);
    all.at(2)->setState(BackendState::Drain); // keeps its sessions but takes no new one

    const QByteArrayList cookies
        = {QByteArray(), "Cookie: SRV=" + issued.key + "\r\n", "Cookie: SRV=junk\r\n"_ba};
    for (const QByteArray &cookie : cookies) {
        if (issued.backend == all.at(2) && !cookie.isEmpty() && cookie.contains(issued.key))
            continue; // that session is on the draining backend: it is kept (tested elsewhere)
        HttpHead head = request(cookie);
        const Decision d = decideOn(pool, head, client, sessions, 2);
        QCOMPARE(d.reason, ReasonCode::NoBackend);
        QVERIFY(!d.backend);
        QCOMPARE(d.setCookie, QByteArray());
        QVERIFY(cookieLines(head).isEmpty()); // still stripped
    }
    QCOMPARE(sessions.size(), 1);
}

void TestAffinity::standbyTakesOverWhenNoReadyBackend()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    const QList<Limpet::BackendPtr> all = pool.backends();
    all.at(1)->setState(BackendState::Standby);
    all.at(2)->setState(BackendState::Standby);
    for (int i = 0; i < 6; ++i) {
        HttpHead h = request();
        QCOMPARE(decideOn(pool, h, client, sessions, i).backend, all.at(0));
    }
    all.at(0)->setHealth(Health::Down);
    QHash<QString, int> picks;
    for (int i = 0; i < 6; ++i) {
        HttpHead h = request();
        const Decision d = decideOn(pool, h, client, sessions, 10 + i);
        QVERIFY(d.backend);
        QVERIFY(d.backend != all.at(0));
        ++picks[d.backend->name()];
    }
    QCOMPARE(picks.value(u"app2"_s), 3);
    QCOMPARE(picks.value(u"app3"_s), 3);
}

void TestAffinity::zeroWeightGetsNoNewSessions()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(1000, 3600s);
    HttpHead first = request();
    const Decision issued = decideOn(pool, first, client, sessions, 1);
    issued.backend->setWeight(0);
    for (int i = 0; i < 20; ++i) {
        HttpHead h = request();
        QVERIFY(decideOn(pool, h, client, sessions, 2 + i).backend != issued.backend);
    }
    // Its existing session stays with it.
    HttpHead head = request("Cookie: SRV=" + issued.key + "\r\n");
    const Decision d = decideOn(pool, head, client, sessions, 30);
    QCOMPARE(d.reason, ReasonCode::CookieHit);
    QCOMPARE(d.backend, issued.backend);
}

void TestAffinity::roundRobinIsEven()
{
    Limpet::Pool pool(threeBackends());
    Limpet::SessionTable sessions(100000, 3600s);
    QHash<QString, int> picks;
    QList<QString> order;
    for (int i = 0; i < 300; ++i) {
        HttpHead h = request();
        const Decision d = decideOn(pool, h, client, sessions, i);
        QCOMPARE(d.reason, ReasonCode::CookieAbsent);
        ++picks[d.backend->name()];
        order.append(d.backend->name());
    }
    QCOMPARE(picks.value(u"app1"_s), 100);
    QCOMPARE(picks.value(u"app2"_s), 100);
    QCOMPARE(picks.value(u"app3"_s), 100);
    // Interleaved: every three consecutive picks name three different backends.
    for (int i = 0; i + 3 <= order.size(); i += 3)
        QCOMPARE(QSet<QString>({order.at(i), order.at(i + 1), order.at(i + 2)}).size(), 3);
    QCOMPARE(sessions.size(), 300);
}

void TestAffinity::weightsAreHonoured_data()
{
    QTest::addColumn<QList<int>>("weights");
    QTest::addColumn<int>("rounds"); // complete rounds of sum(weights) picks
    QTest::newRow("3-1") << QList<int>{3, 1} << 25;
    QTest::newRow("1-3") << QList<int>{1, 3} << 25;
    QTest::newRow("2-2") << QList<int>{2, 2} << 25;
    QTest::newRow("5-3-2") << QList<int>{5, 3, 2} << 10;
    QTest::newRow("1000-1") << QList<int>{1000, 1} << 2;
}

void TestAffinity::weightsAreHonoured()
{
    QFETCH(QList<int>, weights);
    QFETCH(int, rounds);
    Limpet::Pool pool(weighted(weights));
    Limpet::SessionTable sessions(1000000, 3600s);
    int total = 0;
    for (const int w : weights)
        total += w;
    QHash<QString, int> picks;
    for (int round = 0; round < rounds; ++round) {
        QHash<QString, int> inRound;
        for (int i = 0; i < total; ++i) {
            HttpHead h = request();
            const Decision d = decideOn(pool, h, client, sessions, round * total + i);
            ++inRound[d.backend->name()];
            ++picks[d.backend->name()];
        }
        // Over any sum(weights) picks each backend is chosen exactly `weight` times.
        for (int b = 0; b < weights.size(); ++b)
            QCOMPARE(inRound.value(QString(QChar(u'a' + b))), weights.at(b));
    }
    for (int b = 0; b < weights.size(); ++b)
        QCOMPARE(picks.value(QString(QChar(u'a' + b))), weights.at(b) * rounds);
}

void TestAffinity::smoothWeightedInterleaving()
{
    // nginx's smooth weighted round-robin with weights 5, 1, 1: a a b a c a a, then again.
    Limpet::Pool pool(weighted({5, 1, 1}));
    Limpet::SessionTable sessions(1000, 3600s);
    QString sequence;
    for (int i = 0; i < 14; ++i) {
        HttpHead h = request();
        sequence += decideOn(pool, h, client, sessions, i).backend->name();
    }
    QCOMPARE(sequence, u"aabacaaaabacaa"_s);

    // 2, 1: a b a, never a burst of the heavier one longer than its share.
    Limpet::Pool pool21(weighted({2, 1}));
    QString seq21;
    for (int i = 0; i < 6; ++i) {
        HttpHead h = request();
        seq21 += decideOn(pool21, h, client, sessions, i).backend->name();
    }
    QCOMPARE(seq21, u"abaaba"_s);
}

void TestAffinity::modeNone()
{
    Limpet::Pool pool(threeBackends(u"none"_s));
    Limpet::SessionTable sessions(1000, 3600s);
    QHash<QString, int> picks;
    for (int i = 0; i < 30; ++i) {
        HttpHead head = request("Cookie: a=1; SRV=0123abcd-r1-89abcdef\r\n");
        const Decision d = decideOn(pool, head, client, sessions, i);
        QCOMPARE(d.reason, ReasonCode::NoAffinity);
        QVERIFY(d.backend);
        QCOMPARE(d.setCookie, QByteArray());
        QCOMPARE(d.key, QByteArray());
        QCOMPARE(d.keySeen, QByteArray());
        QCOMPARE(d.algorithm, u"roundrobin"_s);
        // Without affinity Limpet owns no cookie: the request's cookies are left alone.
        QCOMPARE(cookieLines(head), QByteArrayList{"Cookie: a=1; SRV=0123abcd-r1-89abcdef"});
        ++picks[d.backend->name()];
    }
    QCOMPARE(picks.value(u"app1"_s), 10);
    QCOMPARE(picks.value(u"app2"_s), 10);
    QCOMPARE(picks.value(u"app3"_s), 10);
    QCOMPARE(sessions.size(), 0);
    QCOMPARE(pool.affinity().name(), u"none"_s);
}

void TestAffinity::loaderAcceptedNamesKeepTheirSessions_data()
{
    // Backends named without an explicit route: the route defaults to the name.
    QTest::addColumn<QString>("name");
    QTest::newRow("plain") << u"app1"_s;
    QTest::newRow("underscore-and-dot") << u"app_1.eu"_s;
    QTest::newRow("dash") << u"app-1"_s;
    QTest::newRow("space") << u"app 1"_s;
    QTest::newRow("semicolon") << u"app;1"_s;
    QTest::newRow("non-ascii") << u"äpp"_s;
}

void TestAffinity::loaderAcceptedNamesKeepTheirSessions()
{
    QFETCH(QString, name);
    // Either the loader refuses a name it cannot use as a route, or stickiness works with it.
    const QByteArray text = "[[pool]]\nname = \"web\"\n[[pool.backend]]\nname = \"" + name.toUtf8()
        + "\"\naddress = \"127.0.0.1:9101\"\n[[pool.backend]]\nname = \"other\"\n"
          "address = \"127.0.0.1:9102\"\n";
    const Limpet::ConfigResult result = Limpet::loadConfigText(text, u"names.toml"_s);
    if (const auto *errors = std::get_if<QList<Limpet::ConfigError>>(&result)) {
        QVERIFY(!errors->isEmpty());
        QCOMPARE(errors->first().line, 4); // at the name (or its missing route)
        return;
    }
    const Limpet::Config config = std::get<Limpet::Config>(result);
    Limpet::Pool pool(config.pools.first());
    Limpet::SessionTable sessions(1000, 3600s);
    const Limpet::BackendPtr target = pool.backendByName(name);
    QVERIFY(target);
    pool.backendByName(u"other"_s)->setState(BackendState::Maint);

    HttpHead first = request();
    const Decision issued = decideOn(pool, first, client, sessions, 1);
    QCOMPARE(issued.backend, target);
    QVERIFY2(isCookieValue(cookieValue(issued.setCookie)),
        qPrintable(u"not a valid cookie value: "_s + QString::fromUtf8(issued.setCookie)));

    pool.backendByName(u"other"_s)->setState(BackendState::Ready);
    HttpHead again = request("Cookie: SRV=" + issued.key + "\r\n");
    const Decision d = decideOn(pool, again, client, sessions, 2);
    QVERIFY2(d.reason == ReasonCode::CookieHit,
        qPrintable(u"got "_s + Limpet::reasonCodeName(d.reason) + u" for cookie "_s
            + QString::fromUtf8(issued.key)));
    QCOMPARE(d.backend, target);
}

void TestAffinity::reasonCodeNames_data()
{
    QTest::addColumn<ReasonCode>("reason");
    QTest::addColumn<QString>("name");
    QTest::newRow("cookie-hit") << ReasonCode::CookieHit << u"cookie-hit"_s;
    QTest::newRow("cookie-absent") << ReasonCode::CookieAbsent << u"cookie-absent"_s;
    QTest::newRow("cookie-malformed") << ReasonCode::CookieMalformed << u"cookie-malformed"_s;
    QTest::newRow("cookie-unknown-backend")
        << ReasonCode::CookieUnknownBackend << u"cookie-unknown-backend"_s;
    QTest::newRow("backend-draining-kept")
        << ReasonCode::BackendDrainingKept << u"backend-draining-kept"_s;
    QTest::newRow("backend-down-redispatched")
        << ReasonCode::BackendDownRedispatched << u"backend-down-redispatched"_s;
    QTest::newRow("no-affinity") << ReasonCode::NoAffinity << u"no-affinity"_s;
    QTest::newRow("no-backend") << ReasonCode::NoBackend << u"no-backend"_s;
}

void TestAffinity::reasonCodeNames()
{
    QFETCH(ReasonCode, reason);
    QFETCH(QString, name);
    QCOMPARE(Limpet::reasonCodeName(reason), name);
}

QTEST_GUILESS_MAIN(TestAffinity)
#include "tst_affinity.moc"
