// End-to-end stickiness through the real program: `limpet --no-gui --config FILE` ($LIMPET_BINARY)
// with real test backends and curl as the client (its cookie jar, or the same header, query
// parameter or Host). One data-driven test per family of affinity modes (every mode and value
// style is a row), then one test per seed recipe replayed with its resources/examples/*.toml.

#include "testbackend.h"
#include "testclient.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LimpetTest;
using namespace Qt::StringLiterals;

namespace {

constexpr int StickyRequests = 20;

QString curlPath()
{
    return QStandardPaths::findExecutable(u"curl"_s);
}

/// One curl run: `curl -sS -i ...`, its response split into status, headers and body.
struct CurlResponse
{
    int exitCode = -1;
    int status = 0;
    HeaderList headers;
    QByteArray body;
    QByteArray error; ///< curl's stderr, or why it did not run

    [[nodiscard]] bool ok() const { return exitCode == 0 && status != 0; }

    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &[n, v] : headers) {
            if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }

    [[nodiscard]] QList<QByteArray> headerValues(QByteArrayView name) const
    {
        QList<QByteArray> values;
        for (const auto &[n, v] : headers) {
            if (QByteArrayView(n).compare(name, Qt::CaseInsensitive) == 0)
                values.append(v);
        }
        return values;
    }

    /// The value a Set-Cookie of this response gives cookie `name`, or a null QByteArray.
    [[nodiscard]] QByteArray setCookie(QByteArrayView name) const
    {
        for (const QByteArray &sc : headerValues("set-cookie")) {
            const qsizetype eq = sc.indexOf('=');
            if (eq <= 0 || QByteArrayView(sc).first(eq).trimmed() != name)
                continue;
            const qsizetype semi = sc.indexOf(';', eq);
            return sc.mid(eq + 1, semi < 0 ? -1 : semi - eq - 1).trimmed();
        }
        return {};
    }

    /// For failure messages.
    [[nodiscard]] QByteArray describe() const
    {
        QByteArray text = "curl exit " + QByteArray::number(exitCode) + ", status "
            + QByteArray::number(status) + ", body \"" + body.left(300) + '"';
        if (!error.isEmpty())
            text += ", stderr: " + error;
        return text;
    }
};

/// Runs `curl -sS -i [args] URL` to completion (bounded) and parses what it printed.
CurlResponse curl(const QStringList &args, const QString &url)
{
    QProcess process;
    process.start(curlPath(),
        QStringList{u"-sS"_s, u"-i"_s, u"--noproxy"_s, u"*"_s, u"--max-time"_s, u"15"_s} + args
            + QStringList{url});
    CurlResponse r;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(2000);
        r.error = "curl did not finish";
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.error = process.readAllStandardError();
    QByteArray out = process.readAllStandardOutput();
    // Heads of interim responses (1xx) come first; the final one is followed by the body.
    while (out.startsWith("HTTP/")) {
        const qsizetype end = out.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const QList<QByteArray> lines = out.first(end).split('\n');
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        const int status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
        out = out.mid(end + 4);
        if (status >= 100 && status < 200)
            continue;
        r.status = status;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                r.headers.append({line.first(colon).trimmed(), line.mid(colon + 1).trimmed()});
        }
        r.body = out;
        break;
    }
    return r;
}

/// The curl options that read and write cookie jar `jar` (a browser profile).
QStringList withJar(const QString &jar)
{
    return {u"-c"_s, jar, u"-b"_s, jar};
}

/// The value of cookie `name` in curl's Netscape-format jar, or a null QByteArray.
QByteArray jarCookie(const QString &jar, QByteArrayView name)
{
    QFile file(jar);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (QByteArray line : lines) {
        if (line.startsWith("#HttpOnly_"))
            line = line.mid(10);
        else if (line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.trimmed().split('\t');
        if (fields.size() >= 7 && fields.at(5) == name)
            return fields.at(6);
    }
    return {};
}

/// Every Cookie header a backend received with one request, joined as one list.
QByteArray cookiesSeen(const ReceivedRequest &request)
{
    return request.headerValues("cookie").join("; ");
}

/// Hex SHA-1 of salt + "ip:port": the Perlbal SessionAffinity value of a backend.
QByteArray perlbalHash(const QByteArray &salt, quint16 port)
{
    return QCryptographicHash::hash(
        QByteArray(salt + "127.0.0.1:" + QByteArray::number(port)), QCryptographicHash::Sha1)
        .toHex();
}

/// A running `limpet --no-gui --config FILE`; killed in the destructor if still running.
class LimpetProcess final
{
public:
    LimpetProcess() = default;
    ~LimpetProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Q_DISABLE_COPY_MOVE(LimpetProcess)

    /// Starts it and waits for "Limpet listening on http://127.0.0.1:PORT/". Returns the port,
    /// 0 on failure (see output()).
    quint16 start(const QString &config,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_stdout.clear();
        m_stderr.clear();
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setProcessEnvironment(environment);
        m_process.start(qEnvironmentVariable("LIMPET_BINARY"),
            {u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config});
        if (!m_process.waitForStarted(10000))
            return 0;
        static const QRegularExpression announce(
            u"Limpet listening on http://127\\.0\\.0\\.1:(\\d+)/"_s);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000) {
            m_stdout += m_process.readAllStandardOutput();
            const QRegularExpressionMatch m = announce.match(QString::fromUtf8(m_stdout));
            if (m.hasMatch())
                return quint16(m.captured(1).toUInt());
            if (m_process.state() == QProcess::NotRunning)
                return 0;
            m_process.waitForReadyRead(200);
        }
        return 0;
    }

    /// SIGTERM, then waits for a normal exit. True when it exited with code 0.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return false;
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            return false;
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0;
    }

    /// What it wrote on stderr so far.
    QByteArray errorOutput()
    {
        m_stderr += m_process.readAllStandardError();
        return m_stderr;
    }

    QByteArray output()
    {
        m_stdout += m_process.readAllStandardOutput();
        return "[stdout]\n" + m_stdout + "\n[stderr]\n" + errorOutput() + "\n[exit code] "
            + QByteArray::number(m_process.exitCode());
    }

private:
    QProcess m_process;
    QByteArray m_stdout;
    QByteArray m_stderr;
};

/// A config with one roundrobin pool "web" of `backends` (name = route = the backend's name),
/// `sticky` as the [pool.sticky] table's body.
QByteArray modeConfig(const QByteArray &sticky, const QList<const TestBackend *> &backends)
{
    QByteArray toml = "[listener]\nbind = \"127.0.0.1:0\"\nworkers = 2\n\n"
                      "[timeouts]\nshutdown = 5000\n\n"
                      "[[pool]]\nname = \"web\"\nbalance = \"roundrobin\"\n\n"
                      "  [pool.sticky]\n"
        + sticky + '\n';
    for (const TestBackend *b : backends) {
        toml += "  [[pool.backend]]\n  name = \"" + b->name().toUtf8()
            + "\"\n  address = \"127.0.0.1:" + QByteArray::number(b->port()) + "\"\n\n";
    }
    return toml;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

/// A seed recipe's example config made runnable here: each `address = "127.0.0.1:91xx"` points
/// at the test backend `ports` maps 91xx to, `bind` is 127.0.0.1:0 and the access log (if any)
/// is `accessLog`. Empty when the file cannot be read or names a port `ports` does not map.
QByteArray exampleConfig(const QString &file, const QHash<quint16, quint16> &ports,
    const QString &accessLog = QString(), QString *error = nullptr)
{
    QByteArray toml
        = readFile(qEnvironmentVariable("LIMPET_SOURCE_DIR") + u"/resources/examples/"_s + file);
    if (toml.isEmpty()) {
        if (error)
            *error = u"cannot read resources/examples/%1"_s.arg(file);
        return {};
    }
    QString text = QString::fromUtf8(toml);
    text.replace(QRegularExpression(u"bind\\s*=\\s*\"[^\"]*\""_s), u"bind = \"127.0.0.1:0\""_s);
    if (!accessLog.isEmpty())
        text.replace(QRegularExpression(u"access\\s*=\\s*\"[^\"]*\""_s),
            u"access = \"%1\""_s.arg(accessLog));
    static const QRegularExpression address(u"address\\s*=\\s*\"127\\.0\\.0\\.1:(\\d+)\""_s);
    QString out;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = address.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const quint16 original = quint16(m.captured(1).toUInt());
        if (!ports.contains(original)) {
            if (error)
                *error = u"%1: no test backend for port %2"_s.arg(file).arg(original);
            return {};
        }
        out += text.mid(from, m.capturedStart() - from);
        out += u"address = \"127.0.0.1:%1\""_s.arg(ports.value(original));
        from = m.capturedEnd();
    }
    out += text.mid(from);
    return out.toUtf8();
}

/// The value of `key = "..."` in a TOML text (the first one), e.g. the Perlbal salt.
QByteArray tomlString(const QByteArray &toml, const QString &key)
{
    const QRegularExpression re(
        u"(?m)^\\s*%1\\s*=\\s*\"([^\"]*)\""_s.arg(QRegularExpression::escape(key)));
    return re.match(QString::fromUtf8(toml)).captured(1).toUtf8();
}

Behaviour setsCookie(const QByteArray &setCookie)
{
    Behaviour b;
    if (!setCookie.isEmpty())
        b.headers.append({QByteArray("Set-Cookie"), setCookie});
    return b;
}

} // namespace

class TestProxyModes final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Every affinity mode through the binary.
    void cookieModeSticksAndSpreads_data();
    void cookieModeSticksAndSpreads();
    void hashModeSticksAndSpreads_data();
    void hashModeSticksAndSpreads();
    void noneSpreads();

    // The seed recipes, each with its resources/examples/*.toml.
    void apacheRewriteMaskedCookie();
    void modProxyBalancerRoute();
    void haproxyPrefix();
    void haproxyInsert();
    void ploneQuotedRoute();
    void perlbalAffinity();
};

void TestProxyModes::initTestCase()
{
    if (curlPath().isEmpty())
        QSKIP("curl is not installed");
    if (qEnvironmentVariableIsEmpty("LIMPET_BINARY"))
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
}

// ---------------------------------------------------------------------------------------------
// Cookie modes: 20 requests with one cookie jar stay on one backend; three fresh jars spread
// over the three backends (roundrobin); what the backend sees of the cookies.

void TestProxyModes::cookieModeSticksAndSpreads_data()
{
    QTest::addColumn<QByteArray>("sticky"); // [pool.sticky] body
    QTest::addColumn<QByteArray>("appSetCookie"); // each backend's Set-Cookie, %1 = its name
    QTest::addColumn<QByteArray>("clientCookie"); // the cookie the client keeps in its jar
    QTest::addColumn<QString>("clientValue"); // its value (regex, %1 = backend; "hash": Perlbal)
    QTest::addColumn<QString>("backendSees"); // regex: the backend's Cookie on sticky requests
    QTest::addColumn<QByteArray>("backendNever"); // never in a Cookie the backend receives

    // insert: Limpet's own cookie; the backend sets one of its own that must still arrive.
    QTest::newRow("insert value=masked")
        << QByteArray("  mode = \"insert\"\n  cookie = \"SRV\"\n  value = \"masked\"\n")
        << QByteArray("theme=dark-%1; Path=/") << QByteArray("SRV")
        << u"^[0-9a-f]{8}-%1-[0-9a-f]{8}$"_s << u"^theme=dark-%1$"_s << QByteArray("SRV=");
    QTest::newRow("insert value=route")
        << QByteArray("  mode = \"insert\"\n  cookie = \"SRV\"\n  value = \"route\"\n")
        << QByteArray("theme=dark-%1; Path=/") << QByteArray("SRV") << u"^%1$"_s
        << u"^theme=dark-%1$"_s << QByteArray("SRV=");
    QTest::newRow("insert value=hash")
        << QByteArray("  mode = \"insert\"\n  cookie = \"SRV\"\n  value = \"hash\"\n"
                      "  salt = \"pepper\"\n")
        << QByteArray("theme=dark-%1; Path=/") << QByteArray("SRV") << u"hash"_s
        << u"^theme=dark-%1$"_s << QByteArray("SRV=");
    // prefix: the application's PHPSESSID carries the route; the backend sees it unprefixed.
    QTest::newRow("prefix") << QByteArray("  mode = \"prefix\"\n  cookie = \"PHPSESSID\"\n")
                            << QByteArray("PHPSESSID=sess-%1; Path=/") << QByteArray("PHPSESSID")
                            << u"^%1~sess-%1$"_s << u"^PHPSESSID=sess-%1$"_s << QByteArray("~");
    // route, set = backend: Tomcat's jvmRoute style, the application names its route.
    QTest::newRow("route set=backend")
        << QByteArray("  mode = \"route\"\n  names = [\"JSESSIONID\"]\n  set = \"backend\"\n")
        << QByteArray("JSESSIONID=abc123.%1; Path=/") << QByteArray("JSESSIONID")
        << u"^abc123\\.%1$"_s << u"^JSESSIONID=abc123\\.%1$"_s << QByteArray();
    // route, set = balancer: Limpet sets JSESSIONID=<random>.<route>.
    QTest::newRow("route set=balancer")
        << QByteArray("  mode = \"route\"\n  names = [\"JSESSIONID\"]\n  set = \"balancer\"\n")
        << QByteArray() << QByteArray("JSESSIONID") << u"^[0-9a-f]{16}\\.%1$"_s
        << u"^JSESSIONID=[0-9a-f]{16}\\.%1$"_s << QByteArray();
    // learn: the binding PHPSESSID value → backend is learnt from the backend's Set-Cookie.
    QTest::newRow("learn") << QByteArray("  mode = \"learn\"\n  cookie = \"PHPSESSID\"\n")
                           << QByteArray("PHPSESSID=sess-%1; Path=/") << QByteArray("PHPSESSID")
                           << u"^sess-%1$"_s << u"^PHPSESSID=sess-%1$"_s << QByteArray();
}

void TestProxyModes::cookieModeSticksAndSpreads()
{
    QFETCH(QByteArray, sticky);
    QFETCH(QByteArray, appSetCookie);
    QFETCH(QByteArray, clientCookie);
    QFETCH(QString, clientValue);
    QFETCH(QString, backendSees);
    QFETCH(QByteArray, backendNever);

    const auto behaviourOf = [&](const QByteArray &name) {
        return setsCookie(QByteArray(appSetCookie).replace("%1", name));
    };
    TestBackend app1(u"app1"_s, behaviourOf("app1"));
    TestBackend app2(u"app2"_s, behaviourOf("app2"));
    TestBackend app3(u"app3"_s, behaviourOf("app3"));
    const QList<TestBackend *> all{&app1, &app2, &app3};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, modeConfig(sticky, {&app1, &app2, &app3})));
    LimpetProcess limpet;
    const quint16 port = limpet.start(config);
    QVERIFY2(port != 0, limpet.output().constData());
    const QString url = u"http://127.0.0.1:%1/page"_s.arg(port);

    const auto expectedValue = [&](const TestBackend &b) {
        if (clientValue == "hash"_L1)
            return u"^%1$"_s.arg(QString::fromLatin1(perlbalHash("pepper", b.port())));
        return clientValue.arg(QRegularExpression::escape(b.name()));
    };

    // One browser profile: every request lands where the first one did.
    const QString jar = dir.filePath(u"jar"_s);
    QByteArray home;
    for (int i = 0; i < StickyRequests; ++i) {
        const CurlResponse r = curl(withJar(jar), url);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.status, 200);
        if (i == 0) {
            home = r.body;
            QVERIFY2(home.startsWith("app"), r.describe().constData());
        }
        QCOMPARE(r.body, home);
        QCOMPARE(r.header("X-Backend"), home);
    }
    TestBackend *homeBackend = nullptr;
    for (TestBackend *b : all) {
        if (b->name().toUtf8() == home)
            homeBackend = b;
        else
            QCOMPARE(b->requestCount(), 0);
    }
    QVERIFY(homeBackend);
    QCOMPARE(homeBackend->requestCount(), StickyRequests);

    // The session cookie the client kept names the home backend in the mode's style.
    const QByteArray kept = jarCookie(jar, clientCookie);
    QVERIFY2(!kept.isEmpty(), readFile(jar).constData());
    const QRegularExpression valueRe(expectedValue(*homeBackend));
    QVERIFY2(valueRe.match(QString::fromLatin1(kept)).hasMatch(),
        QByteArray(clientCookie + '=' + kept + " does not match " + valueRe.pattern().toLatin1())
            .constData());

    // What the backend saw: after the first request, the cookies in the mode's form.
    const QList<ReceivedRequest> seen = homeBackend->requests();
    QCOMPARE(seen.size(), StickyRequests);
    QVERIFY2(cookiesSeen(seen.first()).isEmpty(), cookiesSeen(seen.first()).constData());
    const QRegularExpression seesRe(
        backendSees.arg(QRegularExpression::escape(QString::fromLatin1(home))));
    for (qsizetype i = 1; i < seen.size(); ++i) {
        const QByteArray cookies = cookiesSeen(seen.at(i));
        QVERIFY2(seesRe.match(QString::fromLatin1(cookies)).hasMatch(),
            QByteArray("request " + QByteArray::number(i) + ": backend got Cookie: " + cookies
                + " (expected " + seesRe.pattern().toLatin1() + ')')
                .constData());
    }

    // Fresh profiles are new sessions: roundrobin spreads them, each then sticks.
    QSet<QByteArray> served;
    for (int k = 0; k < 3; ++k) {
        const QString freshJar = dir.filePath(u"fresh%1"_s.arg(k));
        const CurlResponse first = curl(withJar(freshJar), url);
        QVERIFY2(first.ok(), first.describe().constData());
        QCOMPARE(first.status, 200);
        served.insert(first.body);
        for (int again = 0; again < 2; ++again) {
            const CurlResponse next = curl(withJar(freshJar), url);
            QVERIFY2(next.ok(), next.describe().constData());
            QCOMPARE(next.body, first.body);
        }
        TestBackend *b = nullptr;
        for (TestBackend *candidate : all) {
            if (candidate->name().toUtf8() == first.body)
                b = candidate;
        }
        QVERIFY2(b, first.describe().constData());
        const QByteArray freshValue = jarCookie(freshJar, clientCookie);
        QVERIFY2(
            QRegularExpression(expectedValue(*b)).match(QString::fromLatin1(freshValue)).hasMatch(),
            QByteArray(b->name().toUtf8() + " issued " + clientCookie + '=' + freshValue)
                .constData());
    }
    QCOMPARE(served.size(), 3);

    if (!backendNever.isEmpty()) {
        for (const TestBackend *b : all) {
            for (const ReceivedRequest &request : b->requests()) {
                const QByteArray cookies = cookiesSeen(request);
                QVERIFY2(!cookies.contains(backendNever),
                    QByteArray(b->name().toUtf8() + " got Cookie: " + cookies).constData());
            }
        }
    }
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// Hash modes: the same key (client address, Host, header, query parameter) always lands on the
// same backend, with no cookie; different keys spread over the backends.

void TestProxyModes::hashModeSticksAndSpreads_data()
{
    QTest::addColumn<QByteArray>("sticky");
    QTest::addColumn<QStringList>("curlArgs"); // %1 = the key
    QTest::addColumn<QString>("path"); // %1 = the key
    QTest::addColumn<QString>("keyPattern"); // %1 = a number
    QTest::addColumn<QString>("backendGets"); // regex on the backend's raw head, %1 = the key
    QTest::addColumn<bool>("spreads"); // different keys exist (not: one client address)

    QTest::newRow("source (peer address)")
        << QByteArray("  mode = \"source\"\n") << QStringList() << u"/page"_s << u"127.0.0.1"_s
        << u"\r\nX-Forwarded-For: %1\r\n"_s << false;
    QTest::newRow("source (X-Forwarded-For from a trusted proxy)")
        << QByteArray("  mode = \"source\"\n  trusted_proxies = [\"127.0.0.1/32\"]\n")
        << QStringList{u"-H"_s, u"X-Forwarded-For: %1"_s} << u"/page"_s << u"10.1.2.%1"_s
        << u"\r\nX-Forwarded-For: %1, 127\\.0\\.0\\.1\r\n"_s << true;
    QTest::newRow("domain") << QByteArray("  mode = \"domain\"\n")
                            << QStringList{u"-H"_s, u"Host: %1"_s} << u"/page"_s
                            << u"site%1.example.com"_s << u"\r\nHost: %1\r\n"_s << true;
    QTest::newRow("header") << QByteArray("  mode = \"header\"\n  header = \"X-Tenant\"\n")
                            << QStringList{u"-H"_s, u"X-Tenant: %1"_s} << u"/page"_s
                            << u"tenant-%1"_s << u"\r\nX-Tenant: %1\r\n"_s << true;
    QTest::newRow("param") << QByteArray("  mode = \"param\"\n  param = \"user\"\n")
                           << QStringList() << u"/app?x=1&user=%1"_s << u"user%1"_s
                           << u"^GET /app\\?x=1&user=%1 HTTP/1\\.1\r\n"_s << true;
}

void TestProxyModes::hashModeSticksAndSpreads()
{
    QFETCH(QByteArray, sticky);
    QFETCH(QStringList, curlArgs);
    QFETCH(QString, path);
    QFETCH(QString, keyPattern);
    QFETCH(QString, backendGets);
    QFETCH(bool, spreads);

    TestBackend app1(u"app1"_s), app2(u"app2"_s), app3(u"app3"_s);
    const QList<TestBackend *> all{&app1, &app2, &app3};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, modeConfig(sticky, {&app1, &app2, &app3})));
    LimpetProcess limpet;
    const quint16 port = limpet.start(config);
    QVERIFY2(port != 0, limpet.output().constData());

    const auto get = [&](const QString &key, const QStringList &extra = {}) {
        QStringList args;
        for (const QString &a : curlArgs)
            args.append(a.contains(u"%1"_s) ? a.arg(key) : a);
        const QString target = path.contains(u"%1"_s) ? path.arg(key) : path;
        return curl(args + extra, u"http://127.0.0.1:%1%2"_s.arg(port).arg(target));
    };

    // One key, 20 requests (with a cookie jar too: no cookie changes anything): one backend.
    const QString key = keyPattern.contains(u"%1"_s) ? keyPattern.arg(0) : keyPattern;
    const QString jar = dir.filePath(u"jar"_s);
    QByteArray home;
    for (int i = 0; i < StickyRequests; ++i) {
        const CurlResponse r = get(key, withJar(jar));
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.status, 200);
        QVERIFY2(r.headerValues("set-cookie").isEmpty(), r.describe().constData());
        if (i == 0)
            home = r.body;
        QCOMPARE(r.body, home);
        QCOMPARE(r.header("X-Backend"), home);
    }
    TestBackend *homeBackend = nullptr;
    for (TestBackend *b : all) {
        if (b->name().toUtf8() == home)
            homeBackend = b;
        else
            QCOMPARE(b->requestCount(), 0);
    }
    QVERIFY2(homeBackend, home.constData());
    QCOMPARE(homeBackend->requestCount(), StickyRequests);
    const QRegularExpression getsRe(backendGets.arg(QRegularExpression::escape(key)),
        QRegularExpression::CaseInsensitiveOption);
    for (const ReceivedRequest &request : homeBackend->requests()) {
        QVERIFY2(getsRe.match(QString::fromLatin1(request.rawHead)).hasMatch(),
            request.rawHead.constData());
    }

    if (!spreads) {
        QVERIFY2(limpet.stop(), limpet.output().constData());
        return;
    }
    // Twelve other keys: each sticks to its backend, together they use all three.
    QSet<QByteArray> served;
    for (int n = 1; n <= 12; ++n) {
        const QString other = keyPattern.arg(n);
        const CurlResponse first = get(other);
        QVERIFY2(first.ok(), first.describe().constData());
        QCOMPARE(first.status, 200);
        const CurlResponse second = get(other);
        QVERIFY2(second.ok(), second.describe().constData());
        QCOMPARE(second.body, first.body);
        served.insert(first.body);
    }
    QCOMPARE(served.size(), 3);
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// mode = none: plain roundrobin, even for a client with a cookie jar.

void TestProxyModes::noneSpreads()
{
    TestBackend app1(u"app1"_s), app2(u"app2"_s), app3(u"app3"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, modeConfig("  mode = \"none\"\n", {&app1, &app2, &app3})));
    LimpetProcess limpet;
    const quint16 port = limpet.start(config);
    QVERIFY2(port != 0, limpet.output().constData());

    const QString jar = dir.filePath(u"jar"_s);
    QHash<QByteArray, int> perBackend;
    for (int i = 0; i < 21; ++i) {
        const CurlResponse r = curl(withJar(jar), u"http://127.0.0.1:%1/"_s.arg(port));
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.status, 200);
        QVERIFY2(r.headerValues("set-cookie").isEmpty(), r.describe().constData());
        ++perBackend[r.body];
    }
    QCOMPARE(perBackend.size(), 3);
    QCOMPARE(perBackend.value("app1"), 7);
    QCOMPARE(perBackend.value("app2"), 7);
    QCOMPARE(perBackend.value("app3"), 7);
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// Seed 000: Apache mod_rewrite with RewriteMap rnd: and the masked cookie
// _bes=<random>-<backend>-<random>, a CustomLog line per request naming the backend.

void TestProxyModes::apacheRewriteMaskedCookie()
{
    TestBackend be1(u"be1"_s), be2(u"be2"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString accessLog = dir.filePath(u"access.log"_s);
    QString error;
    const QByteArray toml = exampleConfig(u"apache-rewrite-masked.toml"_s,
        {{9101, be1.port()}, {9102, be2.port()}}, accessLog, &error);
    QVERIFY2(!toml.isEmpty(), qPrintable(error));
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, toml));
    LimpetProcess limpet;
    const quint16 port = limpet.start(config);
    QVERIFY2(port != 0, limpet.output().constData());
    const QString url = u"http://127.0.0.1:%1/page"_s.arg(port);

    // The masked cookie round trip.
    const QString jar = dir.filePath(u"jar"_s);
    const CurlResponse first = curl(withJar(jar), url);
    QVERIFY2(first.ok(), first.describe().constData());
    QCOMPARE(first.status, 200);
    const QByteArray home = first.body;
    QVERIFY2(home == "be1" || home == "be2", first.describe().constData());
    const QByteArray bes = first.setCookie("_bes");
    QVERIFY2(QRegularExpression(u"^[0-9a-f]{8}-%1-[0-9a-f]{8}$"_s.arg(QString::fromLatin1(home)))
                 .match(QString::fromLatin1(bes))
                 .hasMatch(),
        first.describe().constData());
    QCOMPARE(jarCookie(jar, "_bes"), bes);
    constexpr int Requests = 10;
    for (int i = 1; i < Requests; ++i) {
        const CurlResponse r = curl(withJar(jar), url);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.body, home);
        QVERIFY2(r.setCookie("_bes").isNull(), r.describe().constData()); // not re-issued
    }
    TestBackend &served = home == "be1" ? be1 : be2;
    TestBackend &other = home == "be1" ? be2 : be1;
    QCOMPARE(served.requestCount(), Requests);
    QCOMPARE(other.requestCount(), 0);
    for (const ReceivedRequest &request : served.requests())
        QVERIFY2(!cookiesSeen(request).contains("_bes"), cookiesSeen(request).constData());

    // The CustomLog: one line per request, naming the backend and the cookie.
    QTRY_COMPARE_WITH_TIMEOUT(readFile(accessLog).count('\n'), Requests, 5000);
    const QList<QByteArray> lines = readFile(accessLog).trimmed().split('\n');
    QCOMPARE(lines.size(), Requests);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        QVERIFY2(line.startsWith("127.0.0.1 - - ["), line.constData());
        QVERIFY2(line.contains("\"GET /page HTTP/1.1\" 200 "), line.constData());
        QVERIFY2(line.contains(QByteArray(" pool=app backend=" + home + ' ')), line.constData());
        QVERIFY2(line.contains(QByteArray(" key=" + bes + ' ')), line.constData());
        QVERIFY2(line.contains(i == 0 ? " reason=cookie-absent " : " reason=cookie-hit "),
            line.constData());
    }

    // A cookie that is not a valid one is a new session: a new masked cookie.
    const CurlResponse forged = curl({u"-H"_s, u"Cookie: _bes=nonsense"_s}, url);
    QVERIFY2(forged.ok(), forged.describe().constData());
    QCOMPARE(forged.status, 200);
    QVERIFY2(
        QRegularExpression(u"^[0-9a-f]{8}-%1-[0-9a-f]{8}$"_s.arg(QString::fromLatin1(forged.body)))
            .match(QString::fromLatin1(forged.setCookie("_bes")))
            .hasMatch(),
        forged.describe().constData());

    // RewriteMap rnd: new sessions go to both backends.
    QSet<QByteArray> backends;
    for (int i = 0; i < 20 && backends.size() < 2; ++i) {
        const CurlResponse r = curl({}, url);
        QVERIFY2(r.ok(), r.describe().constData());
        backends.insert(r.body);
    }
    QCOMPARE(backends.size(), 2);
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// Seed 001: mod_proxy_balancer, stickysession=BALANCEID, the PHP backends set
// BALANCEID=balancer.<route> themselves, nofailover.

void TestProxyModes::modProxyBalancerRoute()
{
    auto www1
        = std::make_unique<TestBackend>(u"www1"_s, setsCookie("BALANCEID=balancer.www1; Path=/"));
    TestBackend www2(u"www2"_s, setsCookie("BALANCEID=balancer.www2; Path=/"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QByteArray toml = exampleConfig(u"mod-proxy-balancer-route.toml"_s,
        {{9101, www1->port()}, {9102, www2.port()}}, QString(), &error);
    QVERIFY2(!toml.isEmpty(), qPrintable(error));
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, toml));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"limpet.affinity.debug=true"_s);
    LimpetProcess limpet;
    const quint16 port = limpet.start(config, env);
    QVERIFY2(port != 0, limpet.output().constData());
    const QString url = u"http://127.0.0.1:%1/index.php"_s.arg(port);

    // A new visitor is balanced (byrequests); the node that served it sets its BALANCEID.
    // Fresh profiles until one lands on www1 (byrequests alternates).
    QString jar;
    for (int k = 0; k < 4 && jar.isEmpty(); ++k) {
        const QString candidate = dir.filePath(u"jar%1"_s.arg(k));
        const CurlResponse r = curl(withJar(candidate), url);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.setCookie("BALANCEID"), QByteArray("balancer." + r.body));
        if (r.body == "www1")
            jar = candidate;
    }
    QVERIFY2(!jar.isEmpty(), "no new session landed on www1");
    QCOMPARE(jarCookie(jar, "BALANCEID"), QByteArray("balancer.www1"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        limpet.errorOutput().contains("found value (null) for stickysession BALANCEID"),
        limpet.errorOutput().constData(), 5000);

    // Later requests go to www1.
    const int www2Before = www2.requestCount();
    for (int i = 0; i < 10; ++i) {
        const CurlResponse r = curl(withJar(jar), url);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("www1"));
    }
    QCOMPARE(www2.requestCount(), www2Before);
    QVERIFY(www1->requests().constLast().header("cookie").contains("BALANCEID=balancer.www1"));
    // LogLevel debug, as mod_proxy_balancer writes it.
    QTRY_VERIFY2_WITH_TIMEOUT(
        limpet.errorOutput().contains("found value balancer.www1 for stickysession BALANCEID; "
                                      "found route www1"),
        limpet.errorOutput().constData(), 5000);

    // The route in the URL: ;BALANCEID= path parameter and ?BALANCEID= query.
    const CurlResponse byQuery
        = curl({}, u"http://127.0.0.1:%1/index.php?BALANCEID=balancer.www2"_s.arg(port));
    QVERIFY2(byQuery.ok(), byQuery.describe().constData());
    QCOMPARE(byQuery.body, QByteArray("www2"));
    const CurlResponse byPath
        = curl({}, u"http://127.0.0.1:%1/index.php;BALANCEID=balancer.www1"_s.arg(port));
    QVERIFY2(byPath.ok(), byPath.describe().constData());
    QCOMPARE(byPath.body, QByteArray("www1"));

    // www1 goes away: nofailover, so its sessions get 503 and are not moved to www2.
    www1.reset();
    const int www2BeforeDown = www2.requestCount();
    const CurlResponse refused = curl(withJar(jar), url);
    QCOMPARE(refused.exitCode, 0);
    QVERIFY2(refused.status == 503, refused.describe().constData());
    const CurlResponse refusedAgain = curl({u"-H"_s, u"Cookie: BALANCEID=balancer.www1"_s}, url);
    QCOMPARE(refusedAgain.exitCode, 0);
    QVERIFY2(refusedAgain.status == 503, refusedAgain.describe().constData());
    QCOMPARE(www2.requestCount(), www2BeforeDown);
    // New visitors are still served (by www2 now) — at least one of two, whatever the order.
    bool servedByWww2 = false;
    for (int i = 0; i < 2 && !servedByWww2; ++i) {
        const CurlResponse r = curl({}, url);
        QCOMPARE(r.exitCode, 0);
        servedByWww2 = r.status == 200 && r.body == "www2";
    }
    QVERIFY(servedByWww2);
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// Seed 002: HAProxy "cookie PHPSESSID prefix nocache" with balance source (consistent).

void TestProxyModes::haproxyPrefix()
{
    TestBackend s1(u"s1"_s, setsCookie("PHPSESSID=abc; Path=/"));
    TestBackend s2(u"s2"_s, setsCookie("PHPSESSID=abc; Path=/"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QByteArray toml = exampleConfig(
        u"haproxy-prefix.toml"_s, {{9101, s1.port()}, {9102, s2.port()}}, QString(), &error);
    QVERIFY2(!toml.isEmpty(), qPrintable(error));
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, toml));
    LimpetProcess limpet;
    const quint16 port = limpet.start(config);
    QVERIFY2(port != 0, limpet.output().constData());
    const QString url = u"http://127.0.0.1:%1/"_s.arg(port);

    // A browser: the application's PHPSESSID comes back prefixed with the server, uncacheable.
    const QString jar = dir.filePath(u"jar"_s);
    const CurlResponse first = curl(withJar(jar), url);
    QVERIFY2(first.ok(), first.describe().constData());
    QCOMPARE(first.status, 200);
    const QByteArray home = first.body;
    QVERIFY2(home == "s1" || home == "s2", first.describe().constData());
    QCOMPARE(first.setCookie("PHPSESSID"), QByteArray(home + "~abc"));
    QCOMPARE(first.header("Cache-Control"), QByteArray("private"));
    QCOMPARE(jarCookie(jar, "PHPSESSID"), QByteArray(home + "~abc"));
    TestBackend &served = home == "s1" ? s1 : s2;
    TestBackend &other = home == "s1" ? s2 : s1;
    for (int i = 0; i < 10; ++i) {
        const CurlResponse r = curl(withJar(jar), url);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.body, home);
        QCOMPARE(r.setCookie("PHPSESSID"), QByteArray(home + "~abc"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("private"));
    }
    QCOMPARE(other.requestCount(), 0);
    QCOMPARE(served.requestCount(), 11);
    // The server only ever sees its own value.
    for (const ReceivedRequest &request : served.requests().mid(1))
        QCOMPARE(cookiesSeen(request), QByteArray("PHPSESSID=abc"));

    // PHPSESSID=s1~abc / s2~abc: the prefix picks the server, which gets PHPSESSID=abc.
    for (TestBackend *b : {&s1, &s2}) {
        const QByteArray name = b->name().toUtf8();
        b->clearRequests();
        const CurlResponse r
            = curl({u"-H"_s, u"Cookie: lang=en; PHPSESSID=%1~abc"_s.arg(b->name())}, url);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, name);
        QCOMPARE(r.setCookie("PHPSESSID"), QByteArray(name + "~abc"));
        QCOMPARE(r.header("Cache-Control"), QByteArray("private"));
        QCOMPARE(b->requestCount(), 1);
        QCOMPARE(cookiesSeen(b->requests().first()), QByteArray("lang=en; PHPSESSID=abc"));
    }
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// Seed 002: HAProxy "cookie BACKENDID insert indirect nocache": BACKENDID=s1, never seen by the
// server, responses that set it are private.

void TestProxyModes::haproxyInsert()
{
    TestBackend s1(u"s1"_s), s2(u"s2"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QByteArray toml = exampleConfig(
        u"haproxy-insert.toml"_s, {{9101, s1.port()}, {9102, s2.port()}}, QString(), &error);
    QVERIFY2(!toml.isEmpty(), qPrintable(error));
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, toml));
    LimpetProcess limpet;
    const quint16 port = limpet.start(config);
    QVERIFY2(port != 0, limpet.output().constData());
    const QString url = u"http://127.0.0.1:%1/"_s.arg(port);

    // Two browsers: one on each server (roundrobin), BACKENDID = the server's id.
    QSet<QByteArray> served;
    for (int k = 0; k < 2; ++k) {
        const QString jar = dir.filePath(u"jar%1"_s.arg(k));
        const CurlResponse first = curl(withJar(jar), url);
        QVERIFY2(first.ok(), first.describe().constData());
        QCOMPARE(first.status, 200);
        QCOMPARE(first.setCookie("BACKENDID"), first.body);
        QCOMPARE(first.header("Cache-Control"), QByteArray("private"));
        QCOMPARE(jarCookie(jar, "BACKENDID"), first.body);
        served.insert(first.body);
        for (int i = 0; i < 5; ++i) {
            const CurlResponse r = curl(withJar(jar), url);
            QVERIFY2(r.ok(), r.describe().constData());
            QCOMPARE(r.body, first.body);
            // Not set again, so nothing to keep out of caches.
            QVERIFY2(r.setCookie("BACKENDID").isNull(), r.describe().constData());
            QVERIFY2(r.header("Cache-Control").isNull(), r.describe().constData());
        }
    }
    QVERIFY(served == (QSet<QByteArray>{"s1", "s2"}));
    QCOMPARE(s1.requestCount(), 6);
    QCOMPARE(s2.requestCount(), 6);

    // indirect: the server never sees BACKENDID, the client's other cookies still arrive.
    const CurlResponse r = curl({u"-H"_s, u"Cookie: lang=en; BACKENDID=s2; theme=dark"_s}, url);
    QVERIFY2(r.ok(), r.describe().constData());
    QCOMPARE(r.body, QByteArray("s2"));
    QCOMPARE(cookiesSeen(s2.requests().constLast()), QByteArray("lang=en; theme=dark"));
    for (const TestBackend *b : {&s1, &s2}) {
        for (const ReceivedRequest &request : b->requests())
            QVERIFY2(!cookiesSeen(request).contains("BACKENDID"), cookiesSeen(request).constData());
    }
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// Seed 003: Zope/Plone behind mod_proxy_balancer: Zope sets STICKY_ROUTE="route.<node>" (quoted),
// ProxyPass /balancer-manager !, and the VirtualHostBase prefix before the backend.

void TestProxyModes::ploneQuotedRoute()
{
    TestBackend node1(u"node1"_s, setsCookie("STICKY_ROUTE=\"route.node1\"; Path=/"));
    TestBackend node2(u"node2"_s, setsCookie("STICKY_ROUTE=\"route.node2\"; Path=/"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QByteArray toml = exampleConfig(
        u"plone-route.toml"_s, {{9101, node1.port()}, {9102, node2.port()}}, QString(), &error);
    QVERIFY2(!toml.isEmpty(), qPrintable(error));
    const QByteArray prefix = tomlString(toml, u"add_prefix"_s);
    QVERIFY(!prefix.isEmpty());
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, toml));
    LimpetProcess limpet;
    const quint16 port = limpet.start(config);
    QVERIFY2(port != 0, limpet.output().constData());
    const QString base = u"http://127.0.0.1:%1"_s.arg(port);

    // The quoted cookie as Zope set it: node2, every time, under the VirtualHostBase path.
    for (int i = 0; i < 10; ++i) {
        const CurlResponse r = curl(
            {u"-H"_s, u"Cookie: __ac=xyz; STICKY_ROUTE=\"route.node2\""_s}, base + u"/news/item"_s);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("node2"));
    }
    QCOMPARE(node1.requestCount(), 0);
    QCOMPARE(node2.requestCount(), 10);
    for (const ReceivedRequest &request : node2.requests())
        QCOMPARE(request.target, QByteArray(prefix + "/news/item"));
    // Unquoted, it names the same route.
    const CurlResponse plain
        = curl({u"-H"_s, u"Cookie: STICKY_ROUTE=route.node1"_s}, base + u"/news"_s);
    QVERIFY2(plain.ok(), plain.describe().constData());
    QCOMPARE(plain.body, QByteArray("node1"));

    // A browser logging in: the node that answered sets its quoted route; the jar follows it.
    const QString jar = dir.filePath(u"jar"_s);
    const CurlResponse login = curl(withJar(jar), base + u"/login_form"_s);
    QVERIFY2(login.ok(), login.describe().constData());
    QCOMPARE(login.status, 200);
    const QByteArray home = login.body;
    QCOMPARE(login.setCookie("STICKY_ROUTE"), QByteArray("\"route." + home + '"'));
    for (int i = 0; i < 5; ++i) {
        const CurlResponse r = curl(withJar(jar), base + u"/folder/doc"_s);
        QVERIFY2(r.ok(), r.describe().constData());
        QCOMPARE(r.body, home);
    }

    // ProxyPass /balancer-manager !: answered 404 here, never proxied.
    const int before = node1.requestCount() + node2.requestCount();
    for (const QString &path : {u"/balancer-manager"_s, u"/balancer-manager/x?a=1"_s}) {
        const CurlResponse r
            = curl({u"-H"_s, u"Cookie: STICKY_ROUTE=\"route.node2\""_s}, base + path);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.status == 404, r.describe().constData());
    }
    QCOMPARE(node1.requestCount() + node2.requestCount(), before);
    QVERIFY2(limpet.stop(), limpet.output().constData());
}

// ---------------------------------------------------------------------------------------------
// Seed 004: Perlbal SessionAffinity: X-SERVERID = hex SHA-1 of salt + "ip:port", the same after a
// restart; affinity_use_domain: the Host picks the backend.

void TestProxyModes::perlbalAffinity()
{
    TestBackend n100(u"n100"_s), n101(u"n101"_s), cache1(u"cache1"_s), cache2(u"cache2"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QByteArray toml = exampleConfig(u"perlbal-affinity.toml"_s,
        {{9101, n100.port()}, {9102, n101.port()}, {9111, cache1.port()}, {9112, cache2.port()}},
        QString(), &error);
    QVERIFY2(!toml.isEmpty(), qPrintable(error));
    const QByteArray salt = tomlString(toml, u"salt"_s);
    QVERIFY(!salt.isEmpty());
    const QHash<QByteArray, QByteArray> hashOf{
        {"n100", perlbalHash(salt, n100.port())}, {"n101", perlbalHash(salt, n101.port())}};
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, toml));

    auto limpet = std::make_unique<LimpetProcess>();
    quint16 port = limpet->start(config);
    QVERIFY2(port != 0, limpet->output().constData());

    // Two browsers, one per node (roundrobin); each cookie is its node's SHA-1.
    QHash<QByteArray, QString> jarOf; // backend → a jar bound to it
    for (int k = 0; k < 2; ++k) {
        const QString jar = dir.filePath(u"jar%1"_s.arg(k));
        const CurlResponse first = curl(withJar(jar), u"http://127.0.0.1:%1/"_s.arg(port));
        QVERIFY2(first.ok(), first.describe().constData());
        QCOMPARE(first.status, 200);
        QVERIFY2(hashOf.contains(first.body), first.describe().constData());
        QCOMPARE(first.setCookie("X-SERVERID"), hashOf.value(first.body));
        QCOMPARE(jarCookie(jar, "X-SERVERID"), hashOf.value(first.body));
        for (int i = 0; i < 5; ++i) {
            const CurlResponse r = curl(withJar(jar), u"http://127.0.0.1:%1/x"_s.arg(port));
            QVERIFY2(r.ok(), r.describe().constData());
            QCOMPARE(r.body, first.body);
        }
        jarOf.insert(first.body, jar);
    }
    QCOMPARE(jarOf.size(), 2);
    for (const TestBackend *b : {&n100, &n101}) {
        for (const ReceivedRequest &request : b->requests())
            QVERIFY2(
                !cookiesSeen(request).contains("X-SERVERID"), cookiesSeen(request).constData());
    }

    // A hash of no node here (a node that left the pool): the cookie is issued again.
    const QByteArray gone = perlbalHash(salt, 1);
    const CurlResponse reissued
        = curl({u"-H"_s, u"Cookie: X-SERVERID=%1"_s.arg(QString::fromLatin1(gone))},
            u"http://127.0.0.1:%1/"_s.arg(port));
    QVERIFY2(reissued.ok(), reissued.describe().constData());
    QCOMPARE(reissued.status, 200);
    QVERIFY2(hashOf.contains(reissued.body), reissued.describe().constData());
    QCOMPARE(reissued.setCookie("X-SERVERID"), hashOf.value(reissued.body));

    // affinity_use_domain: each Host always lands on the same cache, no cookie, no n10x.
    const auto byHost = [&](quint16 listenPort) {
        QHash<QByteArray, QByteArray> where;
        for (const char *host : {"www.example.com", "blog.example.com", "shop.example.com"}) {
            for (int i = 0; i < 5; ++i) {
                const CurlResponse r = curl({u"-H"_s, u"Host: %1"_s.arg(QString::fromLatin1(host))},
                    u"http://127.0.0.1:%1/"_s.arg(listenPort));
                if (!r.ok() || r.status != 200 || !r.headerValues("set-cookie").isEmpty()
                    || (where.contains(host) && where.value(host) != r.body)) {
                    where.insert(host, "unexpected: " + r.describe());
                    return where;
                }
                where.insert(host, r.body);
            }
        }
        return where;
    };
    const int nodeRequests = n100.requestCount() + n101.requestCount();
    const QHash<QByteArray, QByteArray> domains = byHost(port);
    QCOMPARE(domains.size(), 3);
    for (auto it = domains.cbegin(); it != domains.cend(); ++it)
        QVERIFY2(it.value() == "cache1" || it.value() == "cache2",
            QByteArray(it.key() + ": " + it.value()).constData());
    QCOMPARE(cache1.requestCount() + cache2.requestCount(), 15);
    QCOMPARE(n100.requestCount() + n101.requestCount(), nodeRequests);
    QVERIFY2(limpet->stop(), limpet->output().constData());

    // Restart with the same config: the cookies issued before still name the same node, and
    // are not replaced; new sessions get the same values; the same Host the same cache.
    limpet = std::make_unique<LimpetProcess>();
    port = limpet->start(config);
    QVERIFY2(port != 0, limpet->output().constData());
    for (auto it = jarOf.cbegin(); it != jarOf.cend(); ++it) {
        const QByteArray before = jarCookie(it.value(), "X-SERVERID");
        for (int i = 0; i < 3; ++i) {
            const CurlResponse r = curl(withJar(it.value()), u"http://127.0.0.1:%1/"_s.arg(port));
            QVERIFY2(r.ok(), r.describe().constData());
            QCOMPARE(r.status, 200);
            QVERIFY2(r.body == it.key(),
                QByteArray("after restart, X-SERVERID=" + before + " (" + it.key() + ") went to "
                    + r.body + "; " + r.describe())
                    .constData());
            QVERIFY2(r.setCookie("X-SERVERID").isNull(),
                QByteArray("after restart, X-SERVERID=" + before + " was replaced: " + r.describe())
                    .constData());
        }
        QCOMPARE(jarCookie(it.value(), "X-SERVERID"), before);
    }
    for (int k = 0; k < 2; ++k) {
        const CurlResponse r = curl({}, u"http://127.0.0.1:%1/"_s.arg(port));
        QVERIFY2(r.ok(), r.describe().constData());
        QVERIFY2(hashOf.contains(r.body), r.describe().constData());
        QCOMPARE(r.setCookie("X-SERVERID"), hashOf.value(r.body));
    }
    QVERIFY2(byHost(port) == domains, "after restart, a Host landed elsewhere");
    QVERIFY2(limpet->stop(), limpet->output().constData());
}

QTEST_GUILESS_MAIN(TestProxyModes)
#include "tst_proxy_modes.moc"
