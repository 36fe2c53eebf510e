// End-to-end tests with real clients and the real program: curl and its cookie jar through an
// in-process engine, and the `limpet` executable ($LIMPET_BINARY) run headless with a config,
// serving through curl and stopping cleanly on SIGTERM.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace LimpetTest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

QString curlPath()
{
    return QStandardPaths::findExecutable(u"curl"_s);
}

struct CurlResult
{
    int exitCode = -1;
    QByteArray body;
    QByteArray error;
};

/// Runs curl to completion (bounded). `args` come before the URL.
CurlResult runCurl(const QStringList &args, const QString &url, int timeoutMs = 20000)
{
    QProcess curl;
    curl.start(curlPath(), args + QStringList{u"--max-time"_s, u"15"_s, url});
    CurlResult r;
    if (!curl.waitForFinished(timeoutMs)) {
        curl.kill();
        curl.waitForFinished(1000);
        r.error = "curl did not finish";
        return r;
    }
    r.exitCode = curl.exitStatus() == QProcess::NormalExit ? curl.exitCode() : -1;
    r.body = curl.readAllStandardOutput();
    r.error = curl.readAllStandardError();
    return r;
}

/// A running `limpet --no-gui ...`; killed in the destructor if still running.
class LimpetProcess
{
public:
    ~LimpetProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    /// Starts it and waits for the line announcing where it listens. Returns the port, 0 on
    /// failure (see output()).
    quint16 start(const QStringList &args, const QRegularExpression &announce)
    {
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(qEnvironmentVariable("LIMPET_BINARY"), args);
        if (!m_process.waitForStarted(10000))
            return 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 15000) {
            m_stdout += m_process.readAllStandardOutput();
            const QRegularExpressionMatch m = announce.match(QString::fromUtf8(m_stdout));
            if (m.hasMatch())
                return quint16(m.captured(1).toUInt());
            if (m_process.state() == QProcess::NotRunning)
                return 0;
            m_process.waitForReadyRead(500);
        }
        return 0;
    }

    QProcess &process() { return m_process; }
    QByteArray output()
    {
        m_stdout += m_process.readAllStandardOutput();
        return m_stdout + "\n[stderr]\n" + m_process.readAllStandardError();
    }

private:
    QProcess m_process;
    QByteArray m_stdout;
};

QByteArray configFor(const QList<const TestBackend *> &backends, quint16 listenPort)
{
    QByteArray toml = "[listener]\nbind = \"127.0.0.1:" + QByteArray::number(listenPort)
        + "\"\nworkers = 2\n\n[timeouts]\nshutdown = 5000\n\n[[pool]]\nname = \"web\"\n"
          "[pool.sticky]\nmode = \"insert\"\ncookie = \"SRV\"\n";
    for (const TestBackend *b : backends)
        toml += "\n[[pool.backend]]\nname = \"" + b->name().toUtf8()
            + "\"\naddress = \"127.0.0.1:" + QByteArray::number(b->port()) + "\"\n";
    return toml;
}

} // namespace

class TestProxyBinary : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void curlCookieJarStaysOnOneBackend();
    void binaryServesAndStopsOnSigterm();
    void binarySigtermFinishesInFlightRequest();
    void binaryWithBusyPortFails();
    void binaryDemoCluster();
};

void TestProxyBinary::initTestCase()
{
    if (curlPath().isEmpty())
        QSKIP("curl is not installed");
}

void TestProxyBinary::curlCookieJarStaysOnOneBackend()
{
    TestBackend b1(u"app1"_s), b2(u"app2"_s), b3(u"app3"_s);
    ProxyOptions options;
    options.workers = 2;
    TestProxy proxy({&b1, &b2, &b3}, options);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString jar = dir.filePath(u"jar.txt"_s);
    const QString url = u"http://127.0.0.1:%1/"_s.arg(proxy.port());

    QByteArray first;
    for (int i = 0; i < 6; ++i) {
        const CurlResult r = runCurl({u"-s"_s, u"-f"_s, u"-c"_s, jar, u"-b"_s, jar}, url);
        QVERIFY2(r.exitCode == 0, r.error.constData());
        if (i == 0)
            first = r.body;
        QCOMPARE(r.body, first);
    }
    QVERIFY(first.startsWith("app"));
    QFile jarFile(jar);
    QVERIFY(jarFile.open(QIODevice::ReadOnly));
    const QByteArray jarText = jarFile.readAll();
    QVERIFY2(jarText.contains("\tSRV\t"), jarText.constData());

    // Without the jar, curl is a new session each time and is spread over the backends.
    QSet<QByteArray> served;
    for (int i = 0; i < 3; ++i) {
        const CurlResult r = runCurl({u"-s"_s, u"-f"_s}, url);
        QCOMPARE(r.exitCode, 0);
        served.insert(r.body);
    }
    QCOMPARE(served.size(), 3);
}

void TestProxyBinary::binaryServesAndStopsOnSigterm()
{
    if (qEnvironmentVariableIsEmpty("LIMPET_BINARY"))
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
    TestBackend b1(u"app1"_s), b2(u"app2"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(configFor({&b1, &b2}, 0)); // port 0: the program prints the port it bound
    }
    LimpetProcess limpet;
    const quint16 port
        = limpet.start({u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config},
            QRegularExpression(u"Limpet listening on http://127\\.0\\.0\\.1:(\\d+)/"_s));
    QVERIFY2(port != 0, limpet.output().constData());

    const QString jar = dir.filePath(u"jar.txt"_s);
    QByteArray first;
    for (int i = 0; i < 4; ++i) {
        const CurlResult r = runCurl({u"-s"_s, u"-f"_s, u"-c"_s, jar, u"-b"_s, jar},
            u"http://127.0.0.1:%1/hello"_s.arg(port));
        QVERIFY2(r.exitCode == 0, r.error.constData());
        if (i == 0)
            first = r.body;
        QCOMPARE(r.body, first);
    }
    QVERIFY(first == "app1" || first == "app2");
    QCOMPARE(b1.requestCount() + b2.requestCount(), 4);

    QElapsedTimer timer;
    timer.start();
    limpet.process().terminate(); // SIGTERM
    QVERIFY2(limpet.process().waitForFinished(10000), "limpet did not stop on SIGTERM");
    QCOMPARE(limpet.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(limpet.process().exitCode(), 0);
    QVERIFY(timer.elapsed() < 5000); // idle: nothing to wait for
    // It no longer accepts connections.
    TestClient after;
    QVERIFY(!after.connectTo(port, 2000));
}

void TestProxyBinary::binarySigtermFinishesInFlightRequest()
{
    if (qEnvironmentVariableIsEmpty("LIMPET_BINARY"))
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
    Behaviour slow;
    slow.delayMs = 800;
    TestBackend b1(u"app1"_s, slow);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(configFor({&b1}, 0));
    }
    LimpetProcess limpet;
    const quint16 port
        = limpet.start({u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config},
            QRegularExpression(u"Limpet listening on http://127\\.0\\.0\\.1:(\\d+)/"_s));
    QVERIFY2(port != 0, limpet.output().constData());

    TestClient client(port);
    QVERIFY(client.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(b1.requestCount(), 1, 5000);
    limpet.process().terminate();
    // The request in flight is answered completely before the program exits.
    const HttpResponse r = client.readResponse(10000);
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.body, QByteArray("app1"));
    QVERIFY(limpet.process().waitForFinished(10000));
    QCOMPARE(limpet.process().exitCode(), 0);
}

void TestProxyBinary::binaryWithBusyPortFails()
{
    if (qEnvironmentVariableIsEmpty("LIMPET_BINARY"))
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
    TestBackend b1(u"app1"_s);
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dir;
    const QString config = dir.filePath(u"limpet.toml"_s);
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(configFor({&b1}, busy.serverPort()));
    }
    QProcess limpet;
    limpet.start(qEnvironmentVariable("LIMPET_BINARY"),
        {u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config});
    QVERIFY(limpet.waitForFinished(10000));
    QCOMPARE(limpet.exitCode(), 1);
    const QByteArray err = limpet.readAllStandardError();
    QVERIFY2(err.contains(QByteArray::number(busy.serverPort())), err.constData());
}

void TestProxyBinary::binaryDemoCluster()
{
    if (qEnvironmentVariableIsEmpty("LIMPET_BINARY"))
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
    {
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 8080))
            QSKIP("port 8080 is busy: the demo cannot start here");
    }
    LimpetProcess limpet;
    const quint16 port = limpet.start(
        {u"--no-gui"_s}, QRegularExpression(u"open http://127\\.0\\.0\\.1:(\\d+)/"_s));
    QVERIFY2(port == 8080, limpet.output().constData());

    QTemporaryDir dir;
    const QString jar = dir.filePath(u"jar.txt"_s);
    QByteArray servedBy;
    for (int i = 0; i < 3; ++i) {
        const CurlResult r
            = runCurl({u"-s"_s, u"-f"_s, u"-c"_s, jar, u"-b"_s, jar}, u"http://127.0.0.1:8080/"_s);
        QVERIFY2(r.exitCode == 0, r.error.constData());
        const qsizetype at = r.body.indexOf("Served by <b>");
        QVERIFY2(at >= 0, r.body.constData());
        const QByteArray name = r.body.mid(at + 13, r.body.indexOf('<', at + 13) - at - 13);
        if (i == 0)
            servedBy = name;
        QCOMPARE(name, servedBy);
        // The demo app counts this session's visits: stickiness keeps the count going.
        QVERIFY2(r.body.contains(
                     QByteArray("in this session: <b>" + QByteArray::number(i + 1) + "</b>")),
            r.body.constData());
    }
    limpet.process().terminate();
    QVERIFY(limpet.process().waitForFinished(10000));
    QCOMPARE(limpet.process().exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestProxyBinary)
#include "tst_proxy_binary.moc"
