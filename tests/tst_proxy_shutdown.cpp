// End-to-end tests of stopping a running engine: idle connections close at once, requests in
// flight finish within the grace period, and whatever is left is cut off — without the process
// falling over. Kept apart from the other proxy tests: a crash here must not hide their results.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include <QElapsedTimer>
#include <QTest>

using namespace LimpetTest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Mode = LimpetTest::Behaviour::Mode;

class TestProxyShutdown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stopClosesIdleConnections();
    void gracefulStopFinishesInFlightRequest();
    void stopAbortsRequestWaitingForBackend();
    void stopAbortsStreamingResponse();
    void stopAbortsTunnel();
};

void TestProxyShutdown::stopClosesIdleConnections()
{
    TestBackend backend(u"b1"_s);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    const quint16 port = proxy.port();

    TestClient client(port);
    QCOMPARE(client.request("GET", "/").status, 200);
    QElapsedTimer timer;
    timer.start();
    proxy.engine().stop(5000ms);
    QVERIFY2(timer.elapsed() < 2000, "an idle keep-alive connection held up the stop");
    QVERIFY(client.waitForClosed(3000));
    TestClient after;
    QVERIFY(!after.connectTo(port, 2000));
}

void TestProxyShutdown::gracefulStopFinishesInFlightRequest()
{
    Behaviour slow;
    slow.delayMs = 500;
    TestBackend backend(u"b1"_s, slow);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    QVERIFY(client.send("GET /slow HTTP/1.1\r\nHost: a\r\n\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(backend.requestCount(), 1, 5000);
    QElapsedTimer timer;
    timer.start();
    proxy.engine().stop(5000ms); // returns once the request is done (the response is buffered)
    QVERIFY2(timer.elapsed() < 4000, "stop waited for the whole grace period");
    const HttpResponse r = client.readResponse(5000);
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.body, QByteArray("b1"));
    // The response says the connection ends, and it does.
    QCOMPARE(r.header("connection").toLower(), QByteArray("close"));
    QVERIFY(client.waitForClosed(3000));
}

void TestProxyShutdown::stopAbortsRequestWaitingForBackend()
{
    Behaviour b;
    b.mode = Mode::NeverAnswer;
    TestBackend backend(u"b1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    QVERIFY(client.send("GET /hang HTTP/1.1\r\nHost: a\r\n\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(backend.requestCount(), 1, 5000);
    QElapsedTimer timer;
    timer.start();
    proxy.engine().stop(300ms); // the grace period passes, then the request is cut off
    QVERIFY(timer.elapsed() < 3000);
    QVERIFY(client.waitForClosed(3000));
    QTRY_COMPARE_WITH_TIMEOUT(backend.openConnectionCount(), 0, 5000);
}

void TestProxyShutdown::stopAbortsStreamingResponse()
{
    Behaviour b;
    b.mode = Mode::Huge;
    b.hugeBytes = 4 * 1024 * 1024 * 1024LL;
    TestBackend backend(u"b1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    client.socket().setReadBufferSize(64 * 1024);
    QVERIFY(client.send("GET /endless HTTP/1.1\r\nHost: a\r\n\r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(backend.streamedBytes() > 1024 * 1024, 5000);
    proxy.engine().stop(0ms);
    QVERIFY(client.waitForClosed(5000));
    QTRY_COMPARE_WITH_TIMEOUT(backend.streamsAborted(), 1, 5000);
}

void TestProxyShutdown::stopAbortsTunnel()
{
    Behaviour b;
    b.mode = Mode::WebSocketEcho;
    TestBackend backend(u"b1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    TestClient client(proxy.port());
    QVERIFY(client.send(
        "GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"));
    QCOMPARE(client.readResponse(5000).status, 101);
    QVERIFY(client.send("ping"));
    QCOMPARE(client.readRaw(4, 5000), QByteArray("ping"));
    proxy.engine().stop(200ms);
    QVERIFY(client.waitForClosed(5000));
    QTRY_COMPARE_WITH_TIMEOUT(backend.openConnectionCount(), 0, 5000);
}

QTEST_GUILESS_MAIN(TestProxyShutdown)
#include "tst_proxy_shutdown.moc"
