// Tests of the cookie insert affinity mode in full (value styles, signatures, dates, cookie
// attributes, indirect / nocache / preserve, the seed recipes) and of the hash modes (source,
// domain, header, param), through Pool::decide and the mode's response step.

#include "affinity/cookieinsertaffinity.h"
#include "http/httpparser.h"
#include "pool/pool.h"
#include "session/sessiontable.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Limpet::Decision;
using Limpet::HttpHead;
using Limpet::ReasonCode;

namespace {

const QHostAddress client(u"198.51.100.7"_s);
constexpr qint64 T0 = 1'700'000'000'000; // ms since the epoch
constexpr qint64 Second = 1000;
const QByteArray okResponse = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"_ba;

Limpet::StickyConfig sticky(const QString &value = u"masked"_s)
{
    Limpet::StickyConfig s;
    s.mode = u"insert"_s;
    s.cookie = u"SRV"_s;
    s.value = value;
    return s;
}

/// Pool "web": s1/s2/s3 at 127.0.0.1:9101..9103, round-robin.
Limpet::PoolConfig poolConfig(const Limpet::StickyConfig &s)
{
    Limpet::PoolConfig c;
    c.name = u"web"_s;
    c.balance = u"roundrobin"_s;
    c.sticky = s;
    for (int i = 1; i <= 3; ++i) {
        Limpet::BackendConfig b;
        b.name = u"s%1"_s.arg(i);
        b.address = Limpet::Endpoint{QHostAddress::LocalHost, quint16(9100 + i)};
        c.backends.append(b);
    }
    return c;
}

/// What Pool should do when it is built (see CookieInsertAffinity::knowBackend).
void introduceBackends(Limpet::Pool &pool)
{
    auto *insert = dynamic_cast<Limpet::CookieInsertAffinity *>(&pool.affinity());
    if (!insert)
        return;
    for (const Limpet::BackendPtr &b : pool.backends())
        insert->knowBackend(*b);
}

HttpHead parse(const QByteArray &raw, Limpet::HttpParser::Kind kind)
{
    Limpet::HttpParser parser(kind);
    qsizetype from = 0;
    while (from < raw.size()) {
        qsizetype consumed = 0;
        const Limpet::HttpParser::Event e = parser.feed(raw, from, consumed);
        if (e == Limpet::HttpParser::Event::HeadComplete)
            return parser.head();
        if (e == Limpet::HttpParser::Event::Error || consumed == 0)
            break;
        from += consumed;
    }
    qFatal("test message did not parse: %s", parser.errorReason().constData());
}

HttpHead request(const QByteArray &headers = {}, const QByteArray &target = "/cart"_ba)
{
    return parse(QByteArray("GET " + target + " HTTP/1.1\r\nHost: shop.example\r\n" + headers
                     + "Accept: */*\r\n\r\n"),
        Limpet::HttpParser::Kind::Request);
}

HttpHead cookieRequest(const QByteArray &cookieName, const QByteArray &value)
{
    return request(QByteArray("Cookie: a=1; " + cookieName + '=' + value + "\r\n"));
}

/// Lines of a serialized head (first line excluded) starting with `name:` (case-insensitive).
QByteArrayList headerLines(const QByteArray &serialized, QByteArrayView name)
{
    QByteArrayList out;
    const QByteArrayList lines = serialized.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray l = lines.at(i);
        if (l.endsWith('\r'))
            l.chop(1);
        if (l.size() > name.size() && l.at(name.size()) == ':'
            && QByteArrayView(l).first(name.size()).compare(name, Qt::CaseInsensitive) == 0)
            out.append(l);
    }
    return out;
}

/// One request through the pool and its response through the affinity mode, as a worker does.
struct Exchange
{
    Decision d;
    QByteArray forwarded; ///< the request as the backend gets it
    QByteArray setCookie; ///< what onResponse returned
    QByteArray response; ///< the response as the client gets it
};

Exchange exchange(Limpet::Pool &pool, Limpet::SessionTable &sessions, HttpHead head, qint64 nowMs,
    const QHostAddress &from = client, const QByteArray &rawResponse = okResponse)
{
    Exchange x;
    Limpet::AffinityRequest req{head, from, nowMs};
    x.d = pool.decide(req, sessions);
    x.forwarded = head.serializeRequest();
    if (x.d.backend) {
        HttpHead resp = parse(rawResponse, Limpet::HttpParser::Kind::Response);
        Limpet::AffinityResponse r{resp, x.d, nowMs};
        x.setCookie = pool.affinity().onResponse(r);
        x.d.setCookie = x.setCookie;
        x.response = resp.serializeResponse();
    }
    return x;
}

/// "SRV=<value>; Path=/..." → <value>.
QByteArray cookieValue(const QByteArray &setCookie)
{
    const qsizetype eq = setCookie.indexOf('=');
    const qsizetype semi = setCookie.indexOf(';');
    return setCookie.mid(eq + 1, semi < 0 ? -1 : semi - eq - 1);
}

QByteArray sha1Hex(const QByteArray &text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Sha1).toHex();
}

QByteArray hmac(const QByteArray &secret, const QByteArray &payload)
{
    return QMessageAuthenticationCode::hash(payload, secret, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray base36(qint64 ms)
{
    return QByteArray::number(ms / 1000, 36);
}

/// Captures messages of category "limpet.affinity" while alive.
class LogCapture final
{
public:
    LogCapture()
    {
        s_lines.clear();
        m_previous = qInstallMessageHandler(&LogCapture::handle);
    }
    ~LogCapture() { qInstallMessageHandler(m_previous); }
    Q_DISABLE_COPY_MOVE(LogCapture)
    [[nodiscard]] static const QStringList &lines() { return s_lines; }

private:
    static void handle(QtMsgType, const QMessageLogContext &context, const QString &message)
    {
        if (context.category && qstrcmp(context.category, "limpet.affinity") == 0)
            s_lines.append(message);
    }
    static inline QStringList s_lines;
    QtMessageHandler m_previous = nullptr;
};

} // namespace

namespace QTest {
template <>
char *toString(const ReasonCode &r)
{
    return qstrdup(Limpet::reasonCodeName(r).toUtf8().constData());
}
} // namespace QTest

class TestAffinityInsert final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valueStylesRoundTrip_data();
    void valueStylesRoundTrip();
    void perlbalHashIsStableAcrossRestarts();
    void undecodableValues_data();
    void undecodableValues();
    void badSignature_data();
    void badSignature();
    void expiry_data();
    void expiry();
    void refreshKeepsFirstSeenUntilMaxLife();
    void undatedCookieGetsDates();
    void attributes_data();
    void attributes();
    void indirect_data();
    void indirect();
    void nocache_data();
    void nocache();
    void preserve_data();
    void preserve();
    void seedRecipes_data();
    void seedRecipes();

    void sourceSameClientSameBackend();
    void sourceForwardedFor_data();
    void sourceForwardedFor();
    void domainIgnoresCaseAndPort();
    void domainsSpread();
    void headerAndParam_data();
    void headerAndParam();
    void hashKeyAbsent_data();
    void hashKeyAbsent();
};

void TestAffinityInsert::valueStylesRoundTrip_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<bool>("dated");
    QTest::addColumn<QString>("form"); // %R: the backend's route, %H: its hash

    const QString sig = u"\\.[A-Za-z0-9_-]{43}"_s;
    const QString dates = u"\\|[0-9a-z]+\\|[0-9a-z]+"_s;
    QTest::newRow("masked") << u"masked"_s << QString() << false << u"[0-9a-f]{8}-%R-[0-9a-f]{8}"_s;
    QTest::newRow("route") << u"route"_s << QString() << false << u"%R"_s;
    QTest::newRow("hash") << u"hash"_s << QString() << false << u"%H"_s;
    QTest::newRow("masked-signed")
        << u"masked"_s << u"k3y"_s << false << u"[0-9a-f]{8}-%R-[0-9a-f]{8}"_s + sig;
    QTest::newRow("route-signed") << u"route"_s << u"k3y"_s << false << u"%R"_s + sig;
    QTest::newRow("hash-signed") << u"hash"_s << u"k3y"_s << false << u"%H"_s + sig;
    QTest::newRow("masked-dated") << u"masked"_s << QString() << true
                                  << u"[0-9a-f]{8}-%R-[0-9a-f]{8}"_s + dates;
    QTest::newRow("route-dated-signed") << u"route"_s << u"k3y"_s << true << u"%R"_s + dates + sig;
    QTest::newRow("hash-dated-signed") << u"hash"_s << u"k3y"_s << true << u"%H"_s + dates + sig;
}

void TestAffinityInsert::valueStylesRoundTrip()
{
    QFETCH(QString, value);
    QFETCH(QString, secret);
    QFETCH(bool, dated);
    QFETCH(QString, form);
    Limpet::StickyConfig s = sticky(value);
    s.secret = secret;
    s.sign = !secret.isEmpty();
    if (dated) {
        s.maxIdle = 3600;
        s.maxLife = 86400;
    }
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);

    for (int i = 0; i < 3; ++i) { // one session per backend (round-robin)
        const Exchange first = exchange(pool, sessions, request(), T0 + i);
        QCOMPARE(first.d.reason, ReasonCode::CookieAbsent);
        QVERIFY(first.d.backend);
        const QString hash
            = QString::fromLatin1(sha1Hex(first.d.backend->address().toString().toLatin1()));
        const QRegularExpression re(u"^SRV=("_s
            + QString(form).replace(u"%R"_s, first.d.backend->route()).replace(u"%H"_s, hash)
            + u"); Path=/; HttpOnly$"_s);
        const QRegularExpressionMatch m = re.match(QString::fromLatin1(first.setCookie));
        QVERIFY2(m.hasMatch(), first.setCookie.constData());
        QCOMPARE(m.captured(1).toLatin1(), first.d.key);
        QCOMPARE(headerLines(first.response, "Set-Cookie"),
            QByteArrayList{QByteArray("Set-Cookie: " + first.setCookie)});

        for (int j = 1; j <= 3; ++j) {
            const Exchange again
                = exchange(pool, sessions, cookieRequest("SRV", first.d.key), T0 + j * Second);
            QCOMPARE(again.d.reason, ReasonCode::CookieHit);
            QCOMPARE(again.d.backend, first.d.backend);
            QCOMPARE(again.d.decoded, first.d.backend->route());
            QCOMPARE(again.setCookie, QByteArray());
            QVERIFY(headerLines(again.response, "Set-Cookie").isEmpty());
            QCOMPARE(headerLines(again.forwarded, "Cookie"), QByteArrayList{"Cookie: a=1"});
        }
    }
}

void TestAffinityInsert::perlbalHashIsStableAcrossRestarts()
{
    Limpet::StickyConfig s = sticky(u"hash"_s);
    s.cookie = u"X-SERVERID"_s;
    s.salt = u"helloworld"_s;
    const QByteArray expected = sha1Hex("helloworld127.0.0.1:9101");

    QByteArray issued;
    {
        Limpet::Pool before(poolConfig(s));
        Limpet::SessionTable sessions(1000, 3600s);
        before.backends().at(1)->setState(Limpet::BackendState::Maint);
        before.backends().at(2)->setState(Limpet::BackendState::Maint);
        const Exchange x = exchange(before, sessions, request(), T0);
        QCOMPARE(x.d.backend->name(), u"s1"_s);
        QCOMPARE(x.setCookie, "X-SERVERID=" + expected + "; Path=/; HttpOnly");
        issued = x.d.key;
    }
    QCOMPARE(issued, expected);

    // A new process with the same salt issues the same value and knows it at once.
    Limpet::Pool after(poolConfig(s));
    introduceBackends(after);
    Limpet::SessionTable sessions(1000, 3600s);
    for (int i = 0; i < 3; ++i) {
        const Exchange x = exchange(after, sessions, cookieRequest("X-SERVERID", issued), T0 + i);
        QCOMPARE(x.d.reason, ReasonCode::CookieHit);
        QCOMPARE(x.d.backend->name(), u"s1"_s);
        QCOMPARE(x.setCookie, QByteArray());
    }
    after.backends().at(0)->setState(Limpet::BackendState::Maint);
    const Exchange moved = exchange(after, sessions, cookieRequest("X-SERVERID", issued), T0 + 9);
    QCOMPARE(moved.d.reason, ReasonCode::BackendDownRedispatched);
    QCOMPARE(moved.d.key, sha1Hex("helloworld" + moved.d.backend->address().toString().toLatin1()));

    // Another salt: the old value names no backend; re-issued.
    s.salt = u"other"_s;
    Limpet::Pool resalted(poolConfig(s));
    introduceBackends(resalted);
    const Exchange stale = exchange(resalted, sessions, cookieRequest("X-SERVERID", issued), T0);
    QCOMPARE(stale.d.reason, ReasonCode::CookieUnknownBackend);
    QCOMPARE(stale.d.decoded, QString::fromLatin1(issued));
    QVERIFY(!stale.setCookie.isEmpty());
    QVERIFY(stale.d.key != issued);
}

void TestAffinityInsert::undecodableValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("dated");
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<ReasonCode>("reason");

    const QByteArray unknownHash = sha1Hex("127.0.0.1:9999");
    QTest::newRow("route-unknown")
        << u"route"_s << false << "s9"_ba << ReasonCode::CookieUnknownBackend;
    QTest::newRow("route-bad-char")
        << u"route"_s << false << "s-1"_ba << ReasonCode::CookieMalformed;
    QTest::newRow("route-empty") << u"route"_s << false << ""_ba << ReasonCode::CookieMalformed;
    QTest::newRow("route-half-dated")
        << u"route"_s << true << "s1|abc"_ba << ReasonCode::CookieMalformed;
    QTest::newRow("route-bad-date")
        << u"route"_s << true << "s1|ABC|abc"_ba << ReasonCode::CookieMalformed;
    QTest::newRow("route-negative-date")
        << u"route"_s << true << "s1|-1|-1"_ba << ReasonCode::CookieMalformed;
    QTest::newRow("hash-unknown") << u"hash"_s << false << unknownHash
                                  << ReasonCode::CookieUnknownBackend;
    QTest::newRow("hash-upper") << u"hash"_s << false << sha1Hex("127.0.0.1:9101").toUpper()
                                << ReasonCode::CookieMalformed;
    QTest::newRow("hash-short") << u"hash"_s << false << unknownHash.chopped(1)
                                << ReasonCode::CookieMalformed;
    QTest::newRow("hash-given-route")
        << u"hash"_s << false << "s1"_ba << ReasonCode::CookieMalformed;
    QTest::newRow("masked-given-route")
        << u"masked"_s << false << "s1"_ba << ReasonCode::CookieMalformed;
    QTest::newRow("masked-unknown")
        << u"masked"_s << false << "0123abcd-s9-89abcdef"_ba << ReasonCode::CookieUnknownBackend;
}

void TestAffinityInsert::undecodableValues()
{
    QFETCH(QString, value);
    QFETCH(bool, dated);
    QFETCH(QByteArray, cookie);
    QFETCH(ReasonCode, reason);
    Limpet::StickyConfig s = sticky(value);
    if (dated)
        s.maxIdle = 600;
    Limpet::Pool pool(poolConfig(s));
    introduceBackends(pool);
    Limpet::SessionTable sessions(1000, 3600s);
    const Exchange x = exchange(pool, sessions, cookieRequest("SRV", cookie), T0);
    QCOMPARE(x.d.reason, reason);
    QCOMPARE(x.d.keySeen, cookie);
    QVERIFY(x.d.backend);
    QVERIFY(!x.setCookie.isEmpty()); // re-issued
    QVERIFY(x.d.key != cookie);
    QCOMPARE(headerLines(x.forwarded, "Cookie"), QByteArrayList{"Cookie: a=1"});
}

void TestAffinityInsert::badSignature_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("forged"); // %K: the issued key, %P: its unsigned part

    QTest::newRow("flipped-last-char") << u"masked"_s << "%K~"_ba;
    QTest::newRow("signature-removed") << u"masked"_s << "%P"_ba;
    QTest::newRow("signature-truncated") << u"route"_s << "%P.abc"_ba;
    QTest::newRow("other-secret") << u"route"_s << "%P.%O"_ba;
    QTest::newRow("forged-unsigned-route") << u"route"_s << "s2"_ba;
    QTest::newRow("forged-unsigned-masked") << u"masked"_s << "0123abcd-s2-89abcdef"_ba;
    QTest::newRow("forged-unsigned-hash") << u"hash"_s << sha1Hex("127.0.0.1:9102");
    QTest::newRow("empty") << u"hash"_s << ""_ba;
}

void TestAffinityInsert::badSignature()
{
    QFETCH(QString, value);
    QFETCH(QByteArray, forged);
    const QByteArray secret = "s3cr3t-do-not-log"_ba;
    Limpet::StickyConfig s = sticky(value);
    s.secret = QString::fromLatin1(secret);
    s.sign = true;
    Limpet::Pool pool(poolConfig(s));
    introduceBackends(pool);
    Limpet::SessionTable sessions(1000, 3600s);

    const Exchange issued = exchange(pool, sessions, request(), T0);
    const QByteArray unsigned_ = issued.d.key.first(issued.d.key.lastIndexOf('.'));
    QCOMPARE(issued.d.key, unsigned_ + '.' + hmac(secret, unsigned_));
    if (forged.contains("%K")) // flip the last character of the signature
        forged = issued.d.key.chopped(1) + (issued.d.key.back() == 'A' ? 'B' : 'A');
    forged.replace("%P", unsigned_).replace("%O", hmac("another", unsigned_));

    LogCapture log;
    const Exchange x = exchange(pool, sessions, cookieRequest("SRV", forged), T0 + 1);
    QCOMPARE(x.d.reason, ReasonCode::CookieInvalidSignature);
    QCOMPARE(x.d.keySeen, forged);
    QVERIFY(x.d.backend);
    QVERIFY(x.d.decoded.isEmpty());
    QVERIFY(!x.setCookie.isEmpty()); // re-issued, properly signed
    QVERIFY(x.d.key != forged);
    const QByteArray fresh = x.d.key.first(x.d.key.lastIndexOf('.'));
    QCOMPARE(x.d.key, fresh + '.' + hmac(secret, fresh));
    QCOMPARE(headerLines(x.forwarded, "Cookie"), QByteArrayList{"Cookie: a=1"});

    // Logged once, with the client and nothing secret.
    QCOMPARE(log.lines().size(), 1);
    const QString line = log.lines().first();
    QVERIFY2(line.contains(client.toString()) && line.contains(u"signature"_s), qPrintable(line));
    QVERIFY(!line.contains(QString::fromLatin1(secret)));
    QVERIFY(!line.contains(QString::fromLatin1(hmac(secret, unsigned_))));

    // The genuine cookie still hits.
    const Exchange genuine = exchange(pool, sessions, cookieRequest("SRV", issued.d.key), T0 + 2);
    QCOMPARE(genuine.d.reason, ReasonCode::CookieHit);
    QCOMPARE(genuine.d.backend, issued.d.backend);
}

void TestAffinityInsert::expiry_data()
{
    QTest::addColumn<qint64>("maxIdle"); // 0: none
    QTest::addColumn<qint64>("maxLife"); // 0: none
    QTest::addColumn<bool>("sign");
    QTest::addColumn<qint64>("laterMs"); // when the cookie comes back, after T0
    QTest::addColumn<ReasonCode>("reason");
    QTest::addColumn<bool>("refreshed"); // on a hit: the cookie is sent again

    QTest::newRow("idle-fresh") << 600LL << 0LL << false << 100 * Second << ReasonCode::CookieHit
                                << false;
    QTest::newRow("idle-half-refreshed")
        << 600LL << 0LL << false << 300 * Second << ReasonCode::CookieHit << true;
    QTest::newRow("idle-at-limit")
        << 600LL << 0LL << true << 600 * Second << ReasonCode::CookieHit << true;
    QTest::newRow("idle-expired") << 600LL << 0LL << false << 601 * Second
                                  << ReasonCode::CookieExpired << false;
    QTest::newRow("idle-expired-signed")
        << 600LL << 0LL << true << 601 * Second << ReasonCode::CookieExpired << false;
    QTest::newRow("life-fresh") << 0LL << 3600LL << false << 3599 * Second << ReasonCode::CookieHit
                                << false;
    QTest::newRow("life-expired") << 0LL << 3600LL << true << 3601 * Second
                                  << ReasonCode::CookieExpired << false;
    QTest::newRow("far-future") << 600LL << 3600LL << true << 100LL * 365 * 86400 * Second
                                << ReasonCode::CookieExpired << false;
    QTest::newRow("dated-ahead-within-a-day")
        << 600LL << 0LL << false << -3600 * Second << ReasonCode::CookieHit << false;
    QTest::newRow("dated-more-than-a-day-ahead")
        << 600LL << 0LL << false << -2 * 86400 * Second << ReasonCode::CookieExpired << false;
}

void TestAffinityInsert::expiry()
{
    QFETCH(qint64, maxIdle);
    QFETCH(qint64, maxLife);
    QFETCH(bool, sign);
    QFETCH(qint64, laterMs);
    QFETCH(ReasonCode, reason);
    QFETCH(bool, refreshed);
    Limpet::StickyConfig s = sticky(u"route"_s);
    if (maxIdle)
        s.maxIdle = maxIdle;
    if (maxLife)
        s.maxLife = maxLife;
    s.sign = sign;
    s.secret = sign ? u"k"_s : QString();
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);

    const Exchange issued = exchange(pool, sessions, request(), T0);
    QVERIFY2(issued.d.key.startsWith(
                 QByteArray(issued.d.backend->routeBytes() + '|' + base36(T0) + '|' + base36(T0))),
        issued.d.key.constData());

    const qint64 now = T0 + laterMs;
    const Exchange x = exchange(pool, sessions, cookieRequest("SRV", issued.d.key), now);
    QCOMPARE(x.d.reason, reason);
    if (reason == ReasonCode::CookieExpired) {
        // Re-issued with fresh dates.
        QVERIFY(x.d.key != issued.d.key);
        QVERIFY2(x.d.key.startsWith(
                     QByteArray(x.d.backend->routeBytes() + '|' + base36(now) + '|' + base36(now))),
            x.d.key.constData());
        QCOMPARE(cookieValue(x.setCookie), x.d.key);
        return;
    }
    QCOMPARE(x.d.backend, issued.d.backend);
    QCOMPARE(x.d.key, issued.d.key);
    if (!refreshed) {
        QCOMPARE(x.setCookie, QByteArray());
        return;
    }
    // Same backend and first-seen date, last-seen date now, signature redone.
    const QByteArray value = cookieValue(x.setCookie);
    QByteArray payload = value;
    if (sign) {
        payload = value.first(value.lastIndexOf('.'));
        QCOMPARE(value, payload + '.' + hmac("k", payload));
    }
    QCOMPARE(payload, issued.d.backend->routeBytes() + '|' + base36(now) + '|' + base36(T0));
    QCOMPARE(headerLines(x.response, "Set-Cookie"),
        QByteArrayList{QByteArray("Set-Cookie: " + x.setCookie)});
    // The refreshed cookie is good for another maxidle.
    const Exchange next
        = exchange(pool, sessions, cookieRequest("SRV", value), now + (maxIdle - 1) * Second);
    QCOMPARE(next.d.reason, ReasonCode::CookieHit);
    QCOMPARE(next.d.backend, issued.d.backend);
}

void TestAffinityInsert::refreshKeepsFirstSeenUntilMaxLife()
{
    Limpet::StickyConfig s = sticky(u"masked"_s);
    s.maxIdle = 600;
    s.maxLife = 3600;
    s.secret = u"k"_s;
    s.sign = true;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    const Exchange issued = exchange(pool, sessions, request(), T0);
    QByteArray cookie = issued.d.key;
    qint64 now = T0;
    int refreshes = 0;
    // A busy client: back every 400 s, each time refreshed; still bound until maxlife.
    while (now + 400 * Second <= T0 + 3600 * Second) {
        now += 400 * Second;
        const Exchange x = exchange(pool, sessions, cookieRequest("SRV", cookie), now);
        QCOMPARE(x.d.reason, ReasonCode::CookieHit);
        QCOMPARE(x.d.backend, issued.d.backend);
        QVERIFY(!x.setCookie.isEmpty());
        cookie = cookieValue(x.setCookie);
        QVERIFY2(cookie.contains(QByteArray('|' + base36(T0) + '.')), cookie.constData());
        ++refreshes;
    }
    QCOMPARE(refreshes, 9);
    const Exchange old = exchange(pool, sessions, cookieRequest("SRV", cookie), now + 400 * Second);
    QCOMPARE(old.d.reason, ReasonCode::CookieExpired);
    QVERIFY(!old.setCookie.isEmpty());
}

void TestAffinityInsert::undatedCookieGetsDates()
{
    // Cookies issued before maxidle was configured are accepted, and dated in the response.
    Limpet::StickyConfig s = sticky(u"masked"_s);
    Limpet::Pool plain(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    const Exchange issued = exchange(plain, sessions, request(), T0);
    QVERIFY(!issued.d.key.contains('|'));

    s.maxIdle = 600;
    Limpet::Pool dated(poolConfig(s));
    const Exchange x = exchange(dated, sessions, cookieRequest("SRV", issued.d.key), T0 + 5000);
    QCOMPARE(x.d.reason, ReasonCode::CookieHit);
    QCOMPARE(x.d.backend->name(), issued.d.backend->name());
    QCOMPARE(
        cookieValue(x.setCookie), issued.d.key + '|' + base36(T0 + 5000) + '|' + base36(T0 + 5000));

    // And the other way round: dates are ignored where none are configured.
    const Exchange back
        = exchange(plain, sessions, cookieRequest("SRV", cookieValue(x.setCookie)), T0 + 6000);
    QCOMPARE(back.d.reason, ReasonCode::CookieHit);
    QCOMPARE(back.d.backend, issued.d.backend);
    QCOMPARE(back.setCookie, QByteArray());
}

void TestAffinityInsert::attributes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("secure");
    QTest::addColumn<bool>("httpOnly");
    QTest::addColumn<QString>("sameSite");
    QTest::addColumn<qint64>("maxAge"); // -1: none
    QTest::addColumn<QByteArray>("rendered");

    QTest::newRow("defaults") << u"/"_s << QString() << false << true << QString() << -1LL
                              << "; Path=/; HttpOnly"_ba;
    QTest::newRow("path-domain") << u"/shop"_s << u"example.com"_s << false << true << QString()
                                 << -1LL << "; Path=/shop; Domain=example.com; HttpOnly"_ba;
    QTest::newRow("secure-no-httponly")
        << u"/"_s << QString() << true << false << QString() << -1LL << "; Path=/; Secure"_ba;
    QTest::newRow("samesite-none-forces-secure")
        << u"/"_s << QString() << false << true << u"None"_s << -1LL
        << "; Path=/; Secure; HttpOnly; SameSite=None"_ba;
    QTest::newRow("samesite-lax") << u"/"_s << QString() << false << true << u"Lax"_s << -1LL
                                  << "; Path=/; HttpOnly; SameSite=Lax"_ba;
    QTest::newRow("samesite-strict-secure")
        << u"/"_s << QString() << true << true << u"Strict"_s << -1LL
        << "; Path=/; Secure; HttpOnly; SameSite=Strict"_ba;
    QTest::newRow("max-age") << u"/"_s << QString() << false << true << QString() << 3600LL
                             << "; Path=/; Max-Age=3600; HttpOnly"_ba;
    QTest::newRow("everything")
        << u"/app"_s << u".example.org"_s << true << true << u"Lax"_s << 86400LL
        << "; Path=/app; Domain=.example.org; Max-Age=86400; Secure; HttpOnly; SameSite=Lax"_ba;
}

void TestAffinityInsert::attributes()
{
    QFETCH(QString, path);
    QFETCH(QString, domain);
    QFETCH(bool, secure);
    QFETCH(bool, httpOnly);
    QFETCH(QString, sameSite);
    QFETCH(qint64, maxAge);
    QFETCH(QByteArray, rendered);
    Limpet::StickyConfig s = sticky(u"route"_s);
    s.path = path;
    s.domain = domain;
    s.secure = secure;
    s.httpOnly = httpOnly;
    s.sameSite = sameSite;
    if (maxAge >= 0)
        s.maxAge = maxAge;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    const Exchange x = exchange(pool, sessions, request(), T0);
    QCOMPARE(x.setCookie, "SRV=" + x.d.backend->routeBytes() + rendered);
    QCOMPARE(headerLines(x.response, "Set-Cookie"),
        QByteArrayList{QByteArray("Set-Cookie: " + x.setCookie)});
}

void TestAffinityInsert::indirect_data()
{
    QTest::addColumn<bool>("indirect");
    QTest::newRow("indirect") << true;
    QTest::newRow("direct") << false;
}

void TestAffinityInsert::indirect()
{
    QFETCH(bool, indirect);
    Limpet::StickyConfig s = sticky(u"route"_s);
    s.indirect = indirect;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    const Exchange issued = exchange(pool, sessions, request(), T0);
    const Exchange x = exchange(pool, sessions, cookieRequest("SRV", issued.d.key), T0 + 1);
    QCOMPARE(x.d.reason, ReasonCode::CookieHit);
    QCOMPARE(x.d.backend, issued.d.backend);
    QCOMPARE(headerLines(x.forwarded, "Cookie"),
        indirect ? QByteArrayList{"Cookie: a=1"}
                 : QByteArrayList{QByteArray("Cookie: a=1; SRV=" + issued.d.key)});
}

void TestAffinityInsert::nocache_data()
{
    QTest::addColumn<bool>("nocache");
    QTest::addColumn<bool>("newSession"); // else: a hit, no cookie set
    QTest::addColumn<QByteArray>("backendCacheControl"); // empty: none
    QTest::addColumn<QByteArrayList>("expected");

    QTest::newRow("new-session") << true << true << QByteArray()
                                 << QByteArrayList{"Cache-Control: private"};
    QTest::newRow("backend-cache-control-kept")
        << true << true << "no-store"_ba << QByteArrayList{"Cache-Control: no-store"};
    QTest::newRow("hit-untouched") << true << false << QByteArray() << QByteArrayList{};
    QTest::newRow("hit-backend-public") << true << false << "public, max-age=60"_ba
                                        << QByteArrayList{"Cache-Control: public, max-age=60"};
    QTest::newRow("off") << false << true << QByteArray() << QByteArrayList{};
}

void TestAffinityInsert::nocache()
{
    QFETCH(bool, nocache);
    QFETCH(bool, newSession);
    QFETCH(QByteArray, backendCacheControl);
    QFETCH(QByteArrayList, expected);
    Limpet::StickyConfig s = sticky(u"masked"_s);
    s.nocache = nocache;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    const QByteArray response = backendCacheControl.isEmpty()
        ? okResponse
        : QByteArray("HTTP/1.1 200 OK\r\nCache-Control: " + backendCacheControl
            + "\r\nContent-Length: 0\r\n\r\n");
    HttpHead head = request();
    if (!newSession)
        head = cookieRequest("SRV", exchange(pool, sessions, request(), T0).d.key);
    const Exchange x = exchange(pool, sessions, head, T0 + 1, client, response);
    QCOMPARE(x.setCookie.isEmpty(), !newSession);
    QCOMPARE(headerLines(x.response, "Cache-Control"), expected);
}

void TestAffinityInsert::preserve_data()
{
    QTest::addColumn<bool>("preserve");
    QTest::addColumn<bool>("newSession");
    QTest::newRow("preserve-new-session") << true << true;
    QTest::newRow("preserve-hit") << true << false;
    QTest::newRow("replace-new-session") << false << true;
    QTest::newRow("replace-hit") << false << false;
}

void TestAffinityInsert::preserve()
{
    QFETCH(bool, preserve);
    QFETCH(bool, newSession);
    Limpet::StickyConfig s = sticky(u"route"_s);
    s.preserve = preserve;
    s.nocache = true;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    // The application logs the user out by expiring the cookie itself.
    const QByteArray response
        = "HTTP/1.1 200 OK\r\nSet-Cookie: lang=en\r\n"
          "Set-Cookie: SRV=; Max-Age=0; Path=/\r\nContent-Length: 0\r\n\r\n"_ba;
    HttpHead head = request();
    if (!newSession)
        head = cookieRequest("SRV", exchange(pool, sessions, request(), T0).d.key);
    const Exchange x = exchange(pool, sessions, head, T0 + 1, client, response);
    QVERIFY(x.d.backend);
    const QByteArrayList cookies = headerLines(x.response, "Set-Cookie");
    if (preserve) {
        QCOMPARE(x.setCookie, QByteArray());
        QCOMPARE(cookies,
            QByteArrayList({"Set-Cookie: lang=en", "Set-Cookie: SRV=; Max-Age=0; Path=/"}));
        QVERIFY(headerLines(x.response, "Cache-Control").isEmpty());
    } else if (newSession) {
        QCOMPARE(cookies,
            QByteArrayList({"Set-Cookie: lang=en", QByteArray("Set-Cookie: " + x.setCookie)}));
        QCOMPARE(x.setCookie, "SRV=" + x.d.backend->routeBytes() + "; Path=/; HttpOnly");
    } else {
        QCOMPARE(x.setCookie, QByteArray());
        QCOMPARE(cookies, QByteArrayList{"Set-Cookie: lang=en"});
    }
}

void TestAffinityInsert::seedRecipes_data()
{
    QTest::addColumn<QString>("cookie");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("salt");
    QTest::addColumn<bool>("nocache");
    QTest::addColumn<QString>("form"); // %R route, %H hash; the whole Set-Cookie

    // Apache mod_rewrite recipe (seed 000): _bes=<random>-<backend>-<random>.
    QTest::newRow("apache-bes") << u"_bes"_s << u"masked"_s << QString() << false
                                << u"_bes=[0-9a-f]{8}-%R-[0-9a-f]{8}; Path=/; HttpOnly"_s;
    // HAProxy (seed 002): cookie BACKENDID insert indirect nocache, server s1 ... cookie s1.
    QTest::newRow("haproxy-backendid")
        << u"BACKENDID"_s << u"route"_s << QString() << true << u"BACKENDID=%R; Path=/; HttpOnly"_s;
    // Perlbal SessionAffinity (seed 004): X-SERVERID = sha1hex(salt . "ip:port").
    QTest::newRow("perlbal-x-serverid") << u"X-SERVERID"_s << u"hash"_s << u"helloworld"_s << false
                                        << u"X-SERVERID=%H; Path=/; HttpOnly"_s;
}

void TestAffinityInsert::seedRecipes()
{
    QFETCH(QString, cookie);
    QFETCH(QString, value);
    QFETCH(QString, salt);
    QFETCH(bool, nocache);
    QFETCH(QString, form);
    Limpet::StickyConfig s = sticky(value);
    s.cookie = cookie;
    s.salt = salt;
    s.nocache = nocache;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);

    QSet<QString> used;
    for (int i = 0; i < 3; ++i) {
        const Exchange first = exchange(pool, sessions, request(), T0 + i);
        const Limpet::BackendPtr backend = first.d.backend;
        used.insert(backend->name());
        const QString hash = QString::fromLatin1(
            sha1Hex(salt.toLatin1() + backend->address().toString().toLatin1()));
        const QRegularExpression re(
            u'^' + QString(form).replace(u"%R"_s, backend->route()).replace(u"%H"_s, hash) + u'$');
        QVERIFY2(
            re.match(QString::fromLatin1(first.setCookie)).hasMatch(), first.setCookie.constData());
        QCOMPARE(headerLines(first.response, "Cache-Control"),
            nocache ? QByteArrayList{"Cache-Control: private"} : QByteArrayList{});

        const QByteArray name = cookie.toLatin1();
        const Exchange again = exchange(pool, sessions, cookieRequest(name, first.d.key), T0 + 9);
        QCOMPARE(again.d.reason, ReasonCode::CookieHit);
        QCOMPARE(again.d.backend, backend);
        QCOMPARE(again.setCookie, QByteArray());
        QVERIFY(!again.forwarded.contains(QByteArray(name + '='))); // indirect
    }
    QCOMPARE(used.size(), 3);
    if (cookie == "BACKENDID"_L1) {
        const Exchange s1 = exchange(pool, sessions, cookieRequest("BACKENDID", "s1"), T0);
        QCOMPARE(s1.d.backend->name(), u"s1"_s);
    }
}

void TestAffinityInsert::sourceSameClientSameBackend()
{
    Limpet::StickyConfig s;
    s.mode = u"source"_s;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    QCOMPARE(pool.affinity().name(), u"source"_s);

    QSet<QString> used;
    for (int c = 1; c <= 30; ++c) {
        const QHostAddress from(u"203.0.113.%1"_s.arg(c));
        const Exchange first = exchange(pool, sessions, request(), T0, from);
        QCOMPARE(first.d.reason, ReasonCode::Hash);
        QCOMPARE(first.d.keySeen, from.toString().toLatin1());
        QCOMPARE(first.setCookie, QByteArray());
        QVERIFY(headerLines(first.response, "Set-Cookie").isEmpty());
        used.insert(first.d.backend->name());
        for (int i = 1; i < 4; ++i) {
            const Exchange again = exchange(pool, sessions, request(), T0 + i, from);
            QCOMPARE(again.d.backend, first.d.backend);
        }
    }
    QCOMPARE(used.size(), 3);

    // A dual-stack socket's IPv4-mapped address is the same client.
    const Exchange v4 = exchange(pool, sessions, request(), T0, QHostAddress(u"203.0.113.1"_s));
    const Exchange mapped
        = exchange(pool, sessions, request(), T0, QHostAddress(u"::ffff:203.0.113.1"_s));
    QCOMPARE(mapped.d.keySeen, "203.0.113.1"_ba);
    QCOMPARE(mapped.d.backend, v4.d.backend);
}

void TestAffinityInsert::sourceForwardedFor_data()
{
    QTest::addColumn<QString>("peer");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("key");

    QTest::newRow("trusted-proxy") << u"10.0.0.1"_s << "X-Forwarded-For: 203.0.113.5\r\n"_ba
                                   << "203.0.113.5"_ba;
    QTest::newRow("untrusted-peer-ignored")
        << u"198.51.100.9"_s << "X-Forwarded-For: 203.0.113.5\r\n"_ba
        << "198.51.100.9"_ba;
    QTest::newRow("chain-of-trusted")
        << u"10.0.0.1"_s << "X-Forwarded-For: 203.0.113.5, 10.1.2.3\r\n"_ba
        << "203.0.113.5"_ba;
    QTest::newRow("client-spoofed-left")
        << u"10.0.0.1"_s << "X-Forwarded-For: 1.2.3.4, 203.0.113.5\r\n"_ba
        << "203.0.113.5"_ba;
    QTest::newRow("several-headers")
        << u"10.0.0.1"_s
        << "X-Forwarded-For: 1.2.3.4\r\nX-Forwarded-For: 203.0.113.5, 10.0.0.2\r\n"_ba
        << "203.0.113.5"_ba;
    QTest::newRow("all-trusted") << u"10.0.0.1"_s << "X-Forwarded-For: 10.9.9.9, 10.0.0.2\r\n"_ba
                                 << "10.9.9.9"_ba;
    QTest::newRow("garbage-stops")
        << u"10.0.0.1"_s << "X-Forwarded-For: 203.0.113.5, unknown, 10.0.0.2\r\n"_ba
        << "10.0.0.2"_ba;
    QTest::newRow("with-port") << u"10.0.0.1"_s << "X-Forwarded-For: 203.0.113.5:4711\r\n"_ba
                               << "203.0.113.5"_ba;
    QTest::newRow("ipv6") << u"::1"_s << "X-Forwarded-For: [2001:db8::7]:443\r\n"_ba
                          << "2001:db8::7"_ba;
    QTest::newRow("no-header") << u"10.0.0.1"_s << QByteArray() << "10.0.0.1"_ba;
}

void TestAffinityInsert::sourceForwardedFor()
{
    QFETCH(QString, peer);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, key);
    Limpet::StickyConfig s;
    s.mode = u"source"_s;
    s.trustedProxies
        = {Limpet::Cidr{QHostAddress(u"10.0.0.0"_s), 8}, Limpet::Cidr{QHostAddress(u"::1"_s), 128}};
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);

    const Exchange viaProxy = exchange(pool, sessions, request(headers), T0, QHostAddress(peer));
    QCOMPARE(viaProxy.d.reason, ReasonCode::Hash);
    QCOMPARE(viaProxy.d.keySeen, key);
    // Where the client would go when it came directly.
    const Exchange direct
        = exchange(pool, sessions, request(), T0, QHostAddress(QString::fromLatin1(key)));
    QCOMPARE(viaProxy.d.backend, direct.d.backend);
    QCOMPARE(headerLines(viaProxy.forwarded, "X-Forwarded-For"),
        headerLines(request(headers).serializeRequest(), "X-Forwarded-For")); // untouched
}

void TestAffinityInsert::domainIgnoresCaseAndPort()
{
    Limpet::StickyConfig s;
    s.mode = u"domain"_s;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    QCOMPARE(pool.affinity().name(), u"domain"_s);

    const auto withHost = [](const QByteArray &host) {
        return parse(QByteArray("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"),
            Limpet::HttpParser::Kind::Request);
    };
    const Exchange first = exchange(pool, sessions, withHost("shop.example"), T0);
    QCOMPARE(first.d.reason, ReasonCode::Hash);
    QCOMPARE(first.d.keySeen, "shop.example"_ba);
    QCOMPARE(first.setCookie, QByteArray());
    for (const QByteArray &host :
        {"Shop.Example"_ba, "SHOP.EXAMPLE:8080"_ba, "shop.example."_ba, "shop.example:443"_ba}) {
        const Exchange x
            = exchange(pool, sessions, withHost(host), T0 + 1, QHostAddress(u"192.0.2.1"_s));
        QCOMPARE(x.d.keySeen, "shop.example"_ba);
        QCOMPARE(x.d.backend, first.d.backend);
    }
    const Exchange v6 = exchange(pool, sessions, withHost("[2001:DB8::1]:8443"), T0);
    QCOMPARE(v6.d.keySeen, "[2001:db8::1]"_ba);
}

void TestAffinityInsert::domainsSpread()
{
    Limpet::StickyConfig s;
    s.mode = u"domain"_s;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    QHash<QString, int> perBackend;
    for (int i = 0; i < 30; ++i) {
        const QByteArray host = "site" + QByteArray::number(i) + ".example";
        HttpHead head = parse(QByteArray("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n"),
            Limpet::HttpParser::Kind::Request);
        const Exchange x = exchange(pool, sessions, head, T0);
        ++perBackend[x.d.backend->name()];
    }
    QCOMPARE(perBackend.size(), 3); // every backend gets some of the domains
}

void TestAffinityInsert::headerAndParam_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("key");

    QTest::newRow("header") << u"header"_s << "X-User-Id: u-42\r\n"_ba
                            << "/"_ba
                            << "u-42"_ba;
    QTest::newRow("header-any-case") << u"header"_s << "x-user-id: u-42\r\n"_ba
                                     << "/"_ba
                                     << "u-42"_ba;
    QTest::newRow("header-first-of-two")
        << u"header"_s << "X-User-Id: u-42\r\nX-User-Id: u-7\r\n"_ba
        << "/"_ba
        << "u-42"_ba;
    QTest::newRow("param-only") << u"param"_s << QByteArray() << "/cart?session=abc"_ba
                                << "abc"_ba;
    QTest::newRow("param-among-others")
        << u"param"_s << QByteArray() << "/cart?x=1&session=abc&y=2"_ba
        << "abc"_ba;
    QTest::newRow("param-raw-value") << u"param"_s << QByteArray() << "/c?session=a%20b"_ba
                                     << "a%20b"_ba;
    QTest::newRow("param-first-wins")
        << u"param"_s << QByteArray() << "/c?session=abc&session=def"_ba
        << "abc"_ba;
    QTest::newRow("param-not-prefix")
        << u"param"_s << QByteArray() << "/c?xsession=zzz&session=abc"_ba
        << "abc"_ba;
}

void TestAffinityInsert::headerAndParam()
{
    QFETCH(QString, mode);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, key);
    Limpet::StickyConfig s;
    s.mode = mode;
    s.header = u"X-User-Id"_s;
    s.param = u"session"_s;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    QCOMPARE(pool.affinity().name(), mode);

    const Exchange first = exchange(pool, sessions, request(headers, target), T0);
    QCOMPARE(first.d.reason, ReasonCode::Hash);
    QCOMPARE(first.d.keySeen, key);
    QCOMPARE(first.d.key, key);
    QCOMPARE(first.setCookie, QByteArray());
    QVERIFY(headerLines(first.response, "Set-Cookie").isEmpty());
    QCOMPARE(first.forwarded, request(headers, target).serializeRequest()); // not edited
    for (int i = 0; i < 5; ++i) {
        const Exchange again = exchange(pool, sessions, request(headers, target), T0 + i,
            QHostAddress(u"192.0.2.%1"_s.arg(i + 1)));
        QCOMPARE(again.d.backend, first.d.backend);
    }
}

void TestAffinityInsert::hashKeyAbsent_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("target");

    QTest::newRow("header-missing") << u"header"_s << QByteArray() << "/"_ba;
    QTest::newRow("header-empty") << u"header"_s << "X-User-Id: \r\n"_ba
                                  << "/"_ba;
    QTest::newRow("param-no-query") << u"param"_s << QByteArray() << "/cart"_ba;
    QTest::newRow("param-other") << u"param"_s << QByteArray() << "/cart?sessionx=1&x=2"_ba;
    QTest::newRow("param-empty") << u"param"_s << QByteArray() << "/cart?session="_ba;
    QTest::newRow("param-no-value") << u"param"_s << QByteArray() << "/cart?session"_ba;
    QTest::newRow("param-in-fragment") << u"param"_s << QByteArray() << "/cart?x=1#session=1"_ba;
}

void TestAffinityInsert::hashKeyAbsent()
{
    QFETCH(QString, mode);
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, target);
    Limpet::StickyConfig s;
    s.mode = mode;
    s.header = u"X-User-Id"_s;
    s.param = u"session"_s;
    Limpet::Pool pool(poolConfig(s));
    Limpet::SessionTable sessions(1000, 3600s);
    QSet<QString> used;
    for (int i = 0; i < 6; ++i) {
        const Exchange x = exchange(pool, sessions, request(headers, target), T0 + i);
        QCOMPARE(x.d.reason, ReasonCode::HashKeyAbsent);
        QVERIFY(x.d.backend); // still served, balanced
        QCOMPARE(x.d.algorithm, u"roundrobin"_s);
        QCOMPARE(x.d.keySeen, QByteArray());
        QCOMPARE(x.setCookie, QByteArray());
        used.insert(x.d.backend->name());
    }
    QCOMPARE(used.size(), 3);
    QCOMPARE(sessions.size(), 0);
}

QTEST_GUILESS_MAIN(TestAffinityInsert)
#include "tst_affinity_insert.moc"
