// The cookie inspector: what a pasted cookie is (Limpet's own formats, and those of the
// balancers users migrate from), what in it breaks stickiness, and the dry run on the instance.

#include "fakeclient.h"

#include "affinity/cookieinsertaffinity.h"
#include "inspector/cookieformats.h"
#include "inspector/cookietablemodel.h"
#include "inspector/inspectorview.h"
#include "pool/backend.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using Limpet::CookieFormat;
using Limpet::CookieFormats;
using Limpet::CookieReport;
using Limpet::CookieWarning;

Q_DECLARE_METATYPE(Limpet::CookieFormat)
Q_DECLARE_METATYPE(Limpet::CookieWarning::Kind)

namespace {

constexpr qint64 NowMs = 1'780'000'000'000; // a fixed "now": dates in cookies are made for it

QDateTime now()
{
    return QDateTime::fromMSecsSinceEpoch(NowMs, QTimeZone::utc());
}

/// The backends of pool "web" as the view learns them from snapshots.
QList<Limpet::BackendHint> webBackends()
{
    return {{u"web"_s, u"app1"_s, u"app1"_s, u"10.0.0.1:80"_s},
        {u"web"_s, u"app2"_s, u"app2"_s, u"10.0.0.2:80"_s}};
}

CookieFormats::Context context(QList<Limpet::PoolHint> pools = {})
{
    CookieFormats::Context c;
    c.pools = std::move(pools);
    c.backends = webBackends();
    c.now = now();
    return c;
}

/// A cookie value as a Limpet pool issues it for backend app1 (10.0.0.1:80).
QString limpetKey(const QString &value, bool sign, bool dated)
{
    Limpet::StickyConfig sticky;
    sticky.value = value;
    if (sign) {
        sticky.sign = true;
        sticky.secret = u"s3cret"_s;
    }
    if (dated)
        sticky.maxIdle = 1800;
    Limpet::BackendConfig config;
    config.name = u"app1"_s;
    config.route = u"app1"_s;
    config.address = *Limpet::Endpoint::parse(u"10.0.0.1:80"_s, false);
    const Limpet::Backend backend(config, 1);
    return QString::fromLatin1(Limpet::CookieInsertAffinity(sticky).newKey(backend, NowMs));
}

QString hexHash(QCryptographicHash::Algorithm algorithm, const char *text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text, algorithm).toHex());
}

QList<CookieWarning::Kind> kinds(const CookieReport &report)
{
    QList<CookieWarning::Kind> out;
    for (const CookieWarning &w : report.warnings)
        out.append(w.kind);
    return out;
}

} // namespace

class TestUiInspector final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void limpetFormats_data();
    void limpetFormats();
    void limpetShapesWithoutHints();
    void limpetDates();
    void otherBalancers_data();
    void otherBalancers();
    void warnings_data();
    void warnings();
    void setCookieInput();
    void rawRequestInput();
    void viewSendsDryRunAndShowsAnswer();
    void viewPicksRecentRequest();
};

void TestUiInspector::limpetFormats_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<CookieFormat>("format");
    QTest::addColumn<bool>("signedValue");
    QTest::addColumn<bool>("dated");

    QTest::newRow("masked") << limpetKey(u"masked"_s, false, false) << CookieFormat::LimpetMasked
                            << false << false;
    QTest::newRow("route") << limpetKey(u"route"_s, false, false) << CookieFormat::LimpetRoute
                           << false << false;
    QTest::newRow("hash") << limpetKey(u"hash"_s, false, false) << CookieFormat::LimpetHash << false
                          << false;
    QTest::newRow("masked-signed")
        << limpetKey(u"masked"_s, true, false) << CookieFormat::LimpetMasked << true << false;
    QTest::newRow("route-signed-dated")
        << limpetKey(u"route"_s, true, true) << CookieFormat::LimpetRoute << true << true;
    QTest::newRow("hash-dated") << limpetKey(u"hash"_s, false, true) << CookieFormat::LimpetHash
                                << false << true;
}

void TestUiInspector::limpetFormats()
{
    QFETCH(QString, value);
    QFETCH(CookieFormat, format);
    QFETCH(bool, signedValue);
    QFETCH(bool, dated);

    // The pool's cookie is called "lb" here: known from a decision's Set-Cookie.
    const CookieReport report = CookieFormats::inspect(u"Cookie: lb="_s + value,
        context({{u"web"_s, u"insert"_s, u"lb"_s}, {u"api"_s, u"source"_s, {}}}));
    QCOMPARE(report.input, CookieReport::Input::CookieHeader);
    QCOMPARE(report.cookies.size(), 1);
    const Limpet::InspectedCookie &c = report.cookies.first();
    QVERIFY(!c.readings.isEmpty());
    const Limpet::CookieReading &r = c.readings.first();
    QCOMPARE(r.format, format);
    QCOMPARE(r.pool, u"web"_s);
    QVERIFY(r.byName);
    // The hash is matched to its backend by address (no salt configured).
    QCOMPARE(r.backend, u"app1"_s);
    QCOMPARE(c.signedValue, signedValue);
    QCOMPARE(CookieFormats::signatureText(c),
        signedValue ? u"signed — checked by the instance (dry run below)"_s : u"not signed"_s);
    QCOMPARE(c.lastSeen.has_value(), dated);
    if (dated) {
        QCOMPARE(c.firstSeen->toMSecsSinceEpoch(), NowMs);
        QVERIFY2(CookieFormats::ageText(c, now()).contains(u"issued"_s),
            qPrintable(CookieFormats::ageText(c, now())));
    }
    QVERIFY2(report.warnings.isEmpty(), qPrintable(report.warnings.value(0).text));
}

void TestUiInspector::limpetShapesWithoutHints()
{
    // Nothing known of the pools: the masked and the signed forms still give themselves away.
    const QString masked = limpetKey(u"masked"_s, false, false);
    const QString signedRoute = limpetKey(u"route"_s, true, false);
    const CookieReport report
        = CookieFormats::inspect(u"Cookie: X="_s + masked + u"; Y="_s + signedRoute, context());
    QCOMPARE(report.cookies.size(), 2);
    QCOMPARE(report.cookies.at(0).readings.value(0).format, CookieFormat::LimpetMasked);
    QCOMPARE(report.cookies.at(0).readings.value(0).route, u"app1"_s);
    QCOMPARE(report.cookies.at(0).readings.value(0).backend, u"app1"_s);
    QCOMPARE(report.cookies.at(1).readings.value(0).format, CookieFormat::LimpetRoute);
    QVERIFY(report.cookies.at(1).signedValue);

    // A name the pool uses with a value Limpet never issues.
    const CookieReport bad
        = CookieFormats::inspect(u"SRV=not-ours!"_s, context({{u"web"_s, u"insert"_s, u"SRV"_s}}));
    QCOMPARE(bad.cookies.value(0).readings.value(0).format, CookieFormat::LimpetMalformed);
}

void TestUiInspector::limpetDates()
{
    // Issued an hour ago, last used ten minutes ago: base 36 epoch seconds, as Limpet writes.
    const qint64 nowS = NowMs / 1000;
    const QString value = u"3f9a0c1d-app1-77b2e410|%1|%2"_s.arg(
        QString::number(nowS - 600, 36), QString::number(nowS - 3600, 36));
    const CookieReport report = CookieFormats::inspect(u"SRV="_s + value, context());
    const Limpet::InspectedCookie &c = report.cookies.value(0);
    QCOMPARE(c.readings.value(0).format, CookieFormat::LimpetMasked);
    QCOMPARE(c.lastSeen->toSecsSinceEpoch(), nowS - 600);
    QCOMPARE(c.firstSeen->toSecsSinceEpoch(), nowS - 3600);
    QCOMPARE(CookieFormats::ageText(c, now()),
        u"issued 60 min ago, last used 10 min ago (maxidle/maxlife dates)"_s);
}

void TestUiInspector::otherBalancers_data()
{
    QTest::addColumn<QString>("cookie");
    QTest::addColumn<CookieFormat>("format");
    QTest::addColumn<QString>("route");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("backend");

    QTest::newRow("haproxy-insert")
        << u"SERVERID=s1"_s << CookieFormat::HAProxyInsert << u"s1"_s << QString() << QString();
    QTest::newRow("haproxy-insert-names-backend")
        << u"LB=app2"_s << CookieFormat::HAProxyInsert << u"app2"_s << QString() << u"app2"_s;
    QTest::newRow("haproxy-prefix") << u"JSESSIONID=s1~a3f2c9"_s << CookieFormat::HAProxyPrefix
                                    << u"s1"_s << QString() << QString();
    QTest::newRow("apache-route") << u"JSESSIONID=A1B2C3D4.node1"_s << CookieFormat::ApacheRoute
                                  << u"node1"_s << QString() << QString();
    QTest::newRow("apache-balanceid") << u"BALANCEID=balancer.www1"_s << CookieFormat::ApacheRoute
                                      << u"www1"_s << QString() << QString();
    QTest::newRow("apache-route-names-backend")
        << u"ROUTEID=.app2"_s << CookieFormat::ApacheRoute << u"app2"_s << QString() << u"app2"_s;
    QTest::newRow("zope-quoted") << u"STICKY_ROUTE=\"route.192-168-1-10\""_s
                                 << CookieFormat::ApacheRoute << u"192-168-1-10"_s << QString()
                                 << QString();
    QTest::newRow("nginx-md5") << u"route="_s + hexHash(QCryptographicHash::Md5, "10.0.0.2:80")
                               << CookieFormat::NginxSticky << QString() << QString() << u"app2"_s;
    QTest::newRow("nginx-md5-unknown")
        << u"route=6c6c5e2c4ad9b0e9d1e0f5b7a9c3d2e1"_s << CookieFormat::NginxSticky << QString()
        << QString() << QString();
    QTest::newRow("traefik-v1") << u"_TRAEFIK_BACKEND=http://10.0.0.1:80"_s
                                << CookieFormat::TraefikUrl << QString() << u"10.0.0.1:80"_s
                                << u"app1"_s;
    QTest::newRow("traefik-v2") << u"_1d52e=http://10.0.0.9:8080/"_s << CookieFormat::TraefikUrl
                                << QString() << u"10.0.0.9:8080"_s << QString();
    QTest::newRow("envoy") << u"sticky-host=\"MTAuMC4wLjE6ODA=\""_s << CookieFormat::EnvoyBase64
                           << QString() << u"10.0.0.1:80"_s << u"app1"_s;
    QTest::newRow("perlbal") << u"X-SERVERID="_s + hexHash(QCryptographicHash::Sha1, "10.0.0.2:80")
                             << CookieFormat::PerlbalSha1 << QString() << QString() << u"app2"_s;
    QTest::newRow("plain-address") << u"BACKEND=10.0.0.3:8080"_s << CookieFormat::PlainAddress
                                   << QString() << u"10.0.0.3:8080"_s << QString();
}

void TestUiInspector::otherBalancers()
{
    QFETCH(QString, cookie);
    QFETCH(CookieFormat, format);
    QFETCH(QString, route);
    QFETCH(QString, address);
    QFETCH(QString, backend);

    const CookieReport report = CookieFormats::inspect(u"Cookie: "_s + cookie, context());
    QCOMPARE(report.cookies.size(), 1);
    const QList<Limpet::CookieReading> &readings = report.cookies.first().readings;
    QVERIFY(!readings.isEmpty());
    const Limpet::CookieReading &r = readings.first();
    QCOMPARE(r.format, format);
    QCOMPARE(r.route, route);
    QCOMPARE(r.address, address);
    QCOMPARE(r.backend, backend);
    QVERIFY(!r.decoded.isEmpty());
    QVERIFY(!CookieFormats::formatName(r.format).isEmpty());
    QCOMPARE(CookieFormats::signatureText(report.cookies.first()), QString());
}

void TestUiInspector::warnings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("appPath");
    QTest::addColumn<QList<CookieWarning::Kind>>("expected");
    using K = CookieWarning::Kind;

    QTest::newRow("clean")
        << u"Set-Cookie: SRV=3f9a0c1d-app1-77b2e410; Path=/; Domain=.example.com; "
           "Secure; HttpOnly; SameSite=None"_s
        << u"shop.example.com:8443"_s << QString() << QList<K>{};
    QTest::newRow("clean-cookie-header") << u"Cookie: SERVERID=s1; JSESSIONID=abc.node1"_s
                                         << u"example.com"_s << QString() << QList<K>{};
    QTest::newRow("samesite-none-without-secure")
        << u"Set-Cookie: SRV=app1; Path=/; SameSite=None"_s << QString() << QString()
        << QList<K>{K::SameSiteNoneWithoutSecure};
    QTest::newRow("narrow-path") << u"Set-Cookie: SRV=app1; Path=/login"_s << QString() << QString()
                                 << QList<K>{K::NarrowPath};
    QTest::newRow("path-of-the-app")
        << u"Set-Cookie: SRV=app1; Path=/shop"_s << QString() << u"/shop/cart"_s << QList<K>{};
    QTest::newRow("narrower-than-the-app") << u"Set-Cookie: SRV=app1; Path=/shop/cart"_s
                                           << QString() << u"/shop"_s << QList<K>{K::NarrowPath};
    QTest::newRow("domain-mismatch")
        << u"Set-Cookie: SRV=app1; Path=/; Domain=example.org"_s << u"www.example.com"_s
        << QString() << QList<K>{K::DomainMismatch};
    QTest::newRow("domain-suffix-is-not-a-subdomain")
        << u"Set-Cookie: SRV=app1; Domain=ample.com"_s << u"example.com"_s << QString()
        << QList<K>{K::DomainMismatch};
    QTest::newRow("traefik-leaks") << u"Cookie: _TRAEFIK_BACKEND=http://10.0.0.1:80"_s << QString()
                                   << QString() << QList<K>{K::InternalAddress};
    QTest::newRow("envoy-leaks") << u"Cookie: sticky-host=\"MTAuMC4wLjE6ODA=\""_s << QString()
                                 << QString() << QList<K>{K::InternalAddress};
    QTest::newRow("plain-address-leaks") << u"Cookie: BACKEND=192.168.4.20:8080"_s << QString()
                                         << QString() << QList<K>{K::InternalAddress};
    QTest::newRow("zope-route-leaks") << u"Cookie: STICKY_ROUTE=\"route.192-168-1-10\""_s
                                      << QString() << QString() << QList<K>{K::InternalAddress};
    QTest::newRow("all-at-once") << u"Set-Cookie: lb=http://127.0.0.1:9000; Path=/api; "
                                    "Domain=other.net; SameSite=None"_s
                                 << u"www.example.com"_s << QString()
                                 << QList<K>{K::SameSiteNoneWithoutSecure, K::NarrowPath,
                                        K::DomainMismatch, K::InternalAddress};
}

void TestUiInspector::warnings()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(QString, appPath);
    QFETCH(QList<CookieWarning::Kind>, expected);

    CookieFormats::Context c = context();
    c.host = host;
    c.appPath = appPath;
    const CookieReport report = CookieFormats::inspect(text, c);
    QVERIFY(!report.cookies.isEmpty());
    QCOMPARE(kinds(report), expected);
    for (const CookieWarning &w : report.warnings) {
        QVERIFY(!w.text.isEmpty());
        QVERIFY(!w.text.contains(u'\n'));
        QVERIFY(w.text.startsWith(w.cookie + u":"_s));
    }
}

void TestUiInspector::setCookieInput()
{
    const QString value = limpetKey(u"masked"_s, true, true);
    const CookieReport report = CookieFormats::inspect(
        u"set-cookie: SRV=%1; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Lax\n"
        "Set-Cookie: lang=fr; Expires=Wed, 21 Oct 2099 07:28:00 GMT\n"
        "theme=dark; Path=/; Expires=Thu, 01 Jan 2015 00:00:00 GMT"_s.arg(value),
        context({{u"web"_s, u"insert"_s, u"SRV"_s}}));
    QCOMPARE(report.input, CookieReport::Input::SetCookie);
    QCOMPARE(report.cookies.size(), 3);

    const Limpet::InspectedCookie &srv = report.cookies.at(0);
    QVERIFY(srv.fromSetCookie);
    QCOMPARE(srv.value, value);
    QCOMPARE(srv.path, u"/"_s);
    QVERIFY(srv.secure);
    QVERIFY(srv.httpOnly);
    QCOMPARE(srv.sameSite, u"Lax"_s);
    QCOMPARE(srv.maxAge.value_or(-1), 3600);
    QCOMPARE(srv.readings.value(0).format, CookieFormat::LimpetMasked);
    QVERIFY(srv.signedValue);
    const QString age = CookieFormats::ageText(srv, now());
    QVERIFY2(age.contains(u"expires in 60 min (Max-Age=3600)"_s), qPrintable(age));
    QVERIFY2(age.contains(u"issued 0 s ago"_s), qPrintable(age));

    const Limpet::InspectedCookie &lang = report.cookies.at(1);
    QVERIFY(lang.expires);
    QCOMPARE(*lang.expires, QDateTime(QDate(2099, 10, 21), QTime(7, 28), QTimeZone::utc()));
    QVERIFY(lang.readings.isEmpty()); // a short token under a name no balancer uses
    QVERIFY(CookieFormats::ageText(lang, now()).startsWith(u"expires in"_s));

    // Without its header name, a line with attributes is still a Set-Cookie.
    const Limpet::InspectedCookie &theme = report.cookies.at(2);
    QVERIFY(theme.fromSetCookie);
    QVERIFY(CookieFormats::ageText(theme, now()).contains(u"deletes the cookie"_s));

    // What the browser would send back, for the dry run.
    QCOMPARE(report.cookieHeader, QByteArray("SRV=" + value.toLatin1() + "; lang=fr; theme=dark"));
}

void TestUiInspector::rawRequestInput()
{
    const QString masked = limpetKey(u"masked"_s, false, false);
    const CookieReport report = CookieFormats::inspect(u"GET /shop/cart?item=4 HTTP/1.1\r\n"
                                                       "Host: shop.example.com\r\n"
                                                       "User-Agent: curl/8.0\r\n"
                                                       "Cookie: SRV=%1; JSESSIONID=s2~77ab\r\n"
                                                       "Accept: */*\r\n"
                                                       "\r\n"
                                                       "Cookie: not=a-header\r\n"_s.arg(masked),
        context());
    QCOMPARE(report.input, CookieReport::Input::Request);
    QCOMPARE(report.method, u"GET"_s);
    QCOMPARE(report.host, u"shop.example.com"_s);
    QCOMPARE(report.target, u"/shop/cart?item=4"_s);
    QCOMPARE(report.path, u"/shop/cart"_s);
    QCOMPARE(report.cookies.size(), 2);
    QCOMPARE(report.cookies.at(0).readings.value(0).format, CookieFormat::LimpetMasked);
    QCOMPARE(report.cookies.at(1).readings.value(0).format, CookieFormat::HAProxyPrefix);
    QCOMPARE(report.cookies.at(1).readings.value(0).route, u"s2"_s);
    QCOMPARE(report.cookieHeader, QByteArray("SRV=" + masked.toLatin1() + "; JSESSIONID=s2~77ab"));

    // The request's own host and path check the response's cookie when the fields are empty.
    const CookieReport absolute = CookieFormats::inspect(
        u"POST http://api.example.com:8080/v1/login HTTP/1.1\nCookie: a=b\n"_s, context());
    QCOMPARE(absolute.host, u"api.example.com:8080"_s);
    QCOMPARE(absolute.target, u"/v1/login"_s);
    QCOMPARE(absolute.path, u"/v1/login"_s);
    QCOMPARE(absolute.method, u"POST"_s);
}

void TestUiInspector::viewSendsDryRunAndShowsAnswer()
{
    LimpetTest::FakeClient client;
    Limpet::InspectorView view;
    view.setClient(&client);
    // Hidden, it wants only a small sample of the live decisions (enough to learn cookies).
    QCOMPARE(client.decisionFeed, Limpet::DecisionFeed::Sample);
    // Shown (the shortcut needs an active window): the offscreen platform says it cannot size it.
    if (QGuiApplication::platformName() == "offscreen"_L1)
        QTest::ignoreMessage(QtWarningMsg, "This plugin does not support propagateSizeHints()");
    view.show();
    // Its list of recent requests wants the bigger sample, only while it can be seen.
    QCOMPARE(client.decisionFeed, Limpet::DecisionFeed::Full);
    view.hide();
    QCOMPARE(client.decisionFeed, Limpet::DecisionFeed::Sample);
    view.show();
    QCOMPARE(client.decisionFeed, Limpet::DecisionFeed::Full);

    auto *text = view.findChild<QPlainTextEdit *>(u"cookieText"_s);
    auto *host = view.findChild<QLineEdit *>(u"host"_s);
    auto *path = view.findChild<QLineEdit *>(u"path"_s);
    auto *button = view.findChild<QPushButton *>(u"inspectButton"_s);
    auto *table = view.findChild<QTableView *>(u"cookies"_s);
    auto *warnings = view.findChild<QListWidget *>(u"warnings"_s);
    auto *summary = view.findChild<QLabel *>(u"drySummary"_s);
    QVERIFY(text && host && path && button && table && warnings && summary);

    text->setPlainText(u"Set-Cookie: SRV=3f9a0c1d-app1-77b2e410; Path=/app; SameSite=None"_s);
    host->setText(u"www.example.com"_s);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(client.calls.value(client.calls.size() - 1), u"inspect SRV=3f9a0c1d-app1-77b2e410"_s);

    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, Limpet::CookieTableModel::NameColumn).data().toString(), u"SRV"_s);
    QCOMPARE(model->index(0, Limpet::CookieTableModel::RecognisedColumn).data().toString(),
        u"Limpet insert (masked)"_s);
    QVERIFY(model->index(0, Limpet::CookieTableModel::DecodedColumn)
                .data()
                .toString()
                .contains(u"route app1"_s));
    QCOMPARE(warnings->count(), 2); // SameSite=None without Secure, Path narrower than /
    QVERIFY(!warnings->item(0)->icon().isNull());
    QCOMPARE(summary->text(), u"Asking the instance…"_s);

    Limpet::InspectAnswer answer;
    answer.decision.pool = u"web"_s;
    answer.decision.mode = u"insert"_s;
    answer.decision.reason = u"cookie-hit"_s;
    answer.decision.backend = u"app1"_s;
    answer.summary = u"Pool web would send it to app1 (cookie-hit)."_s;
    Limpet::SessionInfo session;
    session.pool = u"web"_s;
    session.backend = u"app1"_s;
    session.requests = 12;
    session.lastSeenMs = QDateTime::currentMSecsSinceEpoch();
    answer.session = session;
    Q_EMIT client.inspectReady(answer);
    QCOMPARE(summary->text(), answer.summary);
    QCOMPARE(view.findChild<QLabel *>(u"dryReason"_s)->text(), u"cookie-hit"_s);
    QCOMPARE(view.findChild<QLabel *>(u"dryBackend"_s)->text(), u"app1"_s);
    QVERIFY(view.findChild<QLabel *>(u"drySession"_s)->text().contains(u"12 request"_s));

    // An answer nobody here asked for (another view's dry run) changes nothing.
    answer.summary = u"someone else's"_s;
    Q_EMIT client.inspectReady(answer);
    QCOMPARE(summary->text(), u"Pool web would send it to app1 (cookie-hit)."_s);

    // Ctrl+Return in the paste box inspects again, with the request's own path.
    text->setPlainText(u"GET /cart HTTP/1.1\nHost: shop.example.com\nCookie: SERVERID=s1\n"_s);
    host->clear();
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    text->setFocus();
    QTest::keyClick(text, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(client.calls.value(client.calls.size() - 1), u"inspect SERVERID=s1"_s);
    QCOMPARE(model->index(0, Limpet::CookieTableModel::RecognisedColumn).data().toString(),
        u"HAProxy insert"_s);
}

void TestUiInspector::viewPicksRecentRequest()
{
    LimpetTest::FakeClient client;
    Limpet::InspectorView view;
    view.setClient(&client);

    Limpet::EngineSnapshot snapshot;
    Limpet::PoolSnapshot pool;
    pool.name = u"web"_s;
    pool.affinityMode = u"insert"_s;
    Limpet::BackendSnapshot b;
    b.pool = u"web"_s;
    b.name = u"app1"_s;
    b.route = u"r1"_s;
    b.address = u"10.0.0.1:80"_s;
    pool.backends.append(b);
    snapshot.pools.append(pool);
    Q_EMIT client.snapshotUpdated(snapshot);

    Limpet::TraceRecord fresh; // a new session: the pool's Set-Cookie names its cookie
    fresh.timeMs = NowMs;
    fresh.pool = u"web"_s;
    fresh.mode = u"insert"_s;
    fresh.method = u"GET"_s;
    fresh.target = u"/"_s;
    fresh.key = u"0badcafe-r1-12345678"_s;
    fresh.reason = u"cookie-absent"_s;
    fresh.backend = u"app1"_s;
    fresh.setCookie = u"lb_web=0badcafe-r1-12345678; Path=/"_s;
    Limpet::TraceRecord next = fresh;
    next.timeMs += 1000;
    next.target = u"/cart?id=3"_s;
    next.keySeen = fresh.key;
    next.reason = u"cookie-hit"_s;
    next.setCookie.clear();
    Limpet::TraceRecord hashed = next; // source mode: its key is no cookie
    hashed.mode = u"source"_s;
    hashed.keySeen = u"192.0.2.1"_s;
    Q_EMIT client.decisionsArrived({fresh, next, hashed, next});

    // Another tab is on top: the list is filled when the inspector shows.
    auto *recent = view.findChild<QComboBox *>(u"recentRequests"_s);
    QVERIFY(recent);
    QCOMPARE(recent->count(), 1);
    view.show();
    QCOMPARE(recent->count(), 2); // the placeholder, and the one request that carried a cookie
    Q_EMIT recent->activated(1);
    QCOMPARE(view.findChild<QPlainTextEdit *>(u"cookieText"_s)->toPlainText(),
        u"Cookie: lb_web=0badcafe-r1-12345678"_s);
    QCOMPARE(view.findChild<QLineEdit *>(u"path"_s)->text(), u"/cart"_s);
    QCOMPARE(client.calls.value(client.calls.size() - 1), u"inspect lb_web=0badcafe-r1-12345678"_s);

    // Newer requests go on top, without moving the current item.
    Limpet::TraceRecord later = next;
    later.timeMs += 1000;
    later.keySeen = u"0badcafe-r1-87654321"_s;
    Q_EMIT client.decisionsArrived({later, next});
    QCOMPARE(recent->count(), 3);
    QCOMPARE(recent->itemData(1, Qt::ToolTipRole).toString(), later.keySeen);
    QCOMPARE(recent->itemData(2, Qt::ToolTipRole).toString(), next.keySeen);

    // The pool's cookie name and backends were learnt: the cookie reads as that pool's.
    auto *table = view.findChild<QTableView *>(u"cookies"_s);
    QVERIFY(table->model()
                ->index(0, Limpet::CookieTableModel::DecodedColumn)
                .data()
                .toString()
                .contains(u"backend app1 (pool web)"_s));
}

QTEST_MAIN(TestUiInspector)
#include "tst_ui_inspector.moc"
