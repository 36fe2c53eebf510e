// End-to-end streaming tests: bodies far larger than memory pass through the proxy in bounded
// memory, and a slow reader on either side pushes back on the writer instead of making the
// proxy buffer. The engine runs in this process, so its memory is this process's RSS.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"
#include "teststream.h"

#include <QElapsedTimer>
#include <QTest>

using namespace LimpetTest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Mode = LimpetTest::Behaviour::Mode;

namespace {

/// Size of the big transfers. 1 GiB through loopback takes a few seconds here; the
/// LIMPET_STREAM_MIB environment variable overrides it (e.g. on a slow machine).
qint64 bigTransferBytes()
{
    bool ok = false;
    const qint64 mib = qEnvironmentVariableIntValue("LIMPET_STREAM_MIB", &ok);
    return ok && mib > 0 ? mib * MiB : GiB;
}

/// How much more memory the process may use while a transfer runs than before it.
#if defined(__SANITIZE_ADDRESS__)
// AddressSanitizer keeps freed memory in a quarantine (256 MiB by default): RSS says little.
constexpr qint64 AllowedGrowth = 512 * MiB;
#else
constexpr qint64 AllowedGrowth = 64 * MiB;
#endif

QByteArray mib(qint64 bytes)
{
    return QByteArray::number(double(bytes) / double(MiB), 'f', 1) + " MiB";
}

/// A warmed-up proxy and backend, so thread stacks, arenas and caches exist before the baseline.
void warmUp(quint16 port)
{
    for (int i = 0; i < 3; ++i) {
        const HttpResponse r = httpGet(port, "/warm");
        QCOMPARE(r.status, 200);
    }
}

} // namespace

class TestProxyStream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bigUploadInBoundedMemory();
    void bigDownloadInBoundedMemory();
    void bigChunkedUpload();
    void slowClientPushesBackOnBackend();
    void slowBackendPushesBackOnClient();
    void slowReadingBackendGetsWholeUpload();
    void clientGoneMidDownloadStopsBackend();
};

void TestProxyStream::bigUploadInBoundedMemory()
{
    Behaviour b;
    b.storeBody = false; // count and hash only
    TestBackend backend(u"b1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    warmUp(proxy.port());
    if (QTest::currentTestFailed())
        return;
    backend.clearRequests();

    const qint64 total = bigTransferBytes();
    TestClient client(proxy.port());
    QVERIFY(client.send("PUT /big HTTP/1.1\r\nHost: a\r\nContent-Type: application/octet-stream\r\n"
                        "Content-Length: "
        + QByteArray::number(total) + "\r\n\r\n"));
    RssWatch rss;
    StreamHash sent;
    QElapsedTimer timer;
    timer.start();
    constexpr qint64 Chunk = 1 * MiB;
    qint64 offset = 0;
    QTcpSocket &socket = client.socket();
    while (offset < total) {
        while (offset < total && socket.bytesToWrite() < 2 * Chunk) {
            const QByteArray data = patternBytes(offset, qMin(Chunk, total - offset));
            sent.add(data);
            socket.write(data);
            offset += data.size();
            if ((offset % (32 * MiB)) == 0)
                rss.sample();
        }
        QVERIFY2(socket.waitForBytesWritten(15000) || socket.bytesToWrite() == 0,
            qPrintable(u"upload stalled at %1"_s.arg(QString::fromLatin1(mib(offset)))));
        QVERIFY(timer.elapsed() < 120000);
    }
    while (socket.bytesToWrite() > 0)
        QVERIFY(socket.waitForBytesWritten(15000));

    const HttpResponse r = client.readResponse(60000);
    rss.sample();
    const qint64 seconds = qMax<qint64>(1, timer.elapsed() / 1000);
    qInfo("uploaded %s in %lld ms (%lld MiB/s), RSS growth %s", mib(total).constData(),
        timer.elapsed(), total / MiB / seconds, mib(rss.growth()).constData());
    QCOMPARE(r.status, 200);
    const QList<ReceivedRequest> seen = backend.requests();
    QCOMPARE(seen.size(), 1);
    QVERIFY(seen[0].complete);
    QCOMPARE(seen[0].bodyLength, total);
    QCOMPARE(seen[0].bodyHash, sent.value());
    QVERIFY2(rss.growth() < AllowedGrowth,
        qPrintable(u"RSS grew by %1"_s.arg(QString::fromLatin1(mib(rss.growth())))));
}

void TestProxyStream::bigDownloadInBoundedMemory()
{
    TestBackend backend(u"b1"_s);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    warmUp(proxy.port());
    if (QTest::currentTestFailed())
        return;

    const qint64 total = bigTransferBytes();
    Behaviour b;
    b.mode = Mode::Huge;
    b.hugeBytes = total;
    backend.setBehaviour(b);

    TestClient client(proxy.port());
    client.socket().setReadBufferSize(1 * MiB);
    RssWatch rss;
    StreamHash received;
    qint64 nextSample = 0;
    QElapsedTimer timer;
    timer.start();
    QVERIFY(client.send("GET /big HTTP/1.1\r\nHost: a\r\n\r\n"));
    TestClient::ReadOptions options;
    options.onBody = [&](QByteArrayView data) {
        received.add(data);
        if (received.count() >= nextSample) {
            rss.sample();
            nextSample += 32 * MiB;
        }
    };
    const HttpResponse r = client.readResponse(120000, options);
    rss.sample();
    const qint64 seconds = qMax<qint64>(1, timer.elapsed() / 1000);
    qInfo("downloaded %s in %lld ms (%lld MiB/s), RSS growth %s", mib(received.count()).constData(),
        timer.elapsed(), received.count() / MiB / seconds, mib(rss.growth()).constData());
    QCOMPARE(r.status, 200);
    QVERIFY(r.complete);
    QCOMPARE(r.header("content-length"), QByteArray::number(total));
    QCOMPARE(received.count(), total);
    QCOMPARE(received.value(), backend.streamHash());
    QCOMPARE(backend.streamsCompleted(), 1);
    QVERIFY2(rss.growth() < AllowedGrowth,
        qPrintable(u"RSS grew by %1"_s.arg(QString::fromLatin1(mib(rss.growth())))));
}

void TestProxyStream::bigChunkedUpload()
{
    Behaviour b;
    b.storeBody = false;
    TestBackend backend(u"b1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    warmUp(proxy.port());
    if (QTest::currentTestFailed())
        return;
    backend.clearRequests();

    // A quarter of the big size is enough to show chunked bodies stream too.
    const qint64 total = bigTransferBytes() / 4;
    TestClient client(proxy.port());
    QVERIFY(client.send("POST /chunks HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"));
    RssWatch rss;
    StreamHash sent;
    QTcpSocket &socket = client.socket();
    constexpr qint64 Chunk = 1 * MiB - 123; // odd sizes: chunk boundaries do not align with reads
    qint64 offset = 0;
    while (offset < total) {
        while (offset < total && socket.bytesToWrite() < 4 * MiB) {
            const QByteArray data = patternBytes(offset, qMin(Chunk, total - offset));
            sent.add(data);
            socket.write(QByteArray::number(data.size(), 16) + "\r\n");
            socket.write(data);
            socket.write("\r\n");
            offset += data.size();
        }
        rss.sample();
        QVERIFY(socket.waitForBytesWritten(15000) || socket.bytesToWrite() == 0);
    }
    socket.write("0\r\nX-Total: " + QByteArray::number(total) + "\r\n\r\n");
    while (socket.bytesToWrite() > 0)
        QVERIFY(socket.waitForBytesWritten(15000));
    const HttpResponse r = client.readResponse(60000);
    rss.sample();
    QCOMPARE(r.status, 200);
    const QList<ReceivedRequest> seen = backend.requests();
    QCOMPARE(seen.size(), 1);
    QVERIFY(seen[0].complete);
    QCOMPARE(seen[0].bodyLength, total);
    QCOMPARE(seen[0].bodyHash, sent.value());
    QVERIFY2(rss.growth() < AllowedGrowth,
        qPrintable(u"RSS grew by %1"_s.arg(QString::fromLatin1(mib(rss.growth())))));
}

void TestProxyStream::slowClientPushesBackOnBackend()
{
    TestBackend backend(u"b1"_s);
    ProxyOptions options;
    options.timeouts.client = 30000ms; // the client pauses on purpose; do not time it out
    TestProxy proxy({&backend}, options);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    warmUp(proxy.port());
    if (QTest::currentTestFailed())
        return;

    const qint64 total = bigTransferBytes();
    Behaviour b;
    b.mode = Mode::Huge;
    b.hugeBytes = total;
    backend.setBehaviour(b);

    // A client that asks for a big download and then does not read: its socket buffers fill,
    // then the proxy's, then the backend's. The backend must stall instead of the proxy
    // buffering the body.
    TestClient client(proxy.port());
    client.socket().setReadBufferSize(64 * KiB);
    client.socket().setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 64 * KiB);
    RssWatch rss;
    QVERIFY(client.send("GET /big HTTP/1.1\r\nHost: a\r\n\r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(backend.streamedBytes() > 0, 10000);
    // Stalled: the backend has bytes waiting and none accepted for a while. (This is a measure
    // of the stall, not a sleep: it passes as soon as the flow stops.)
    QTRY_VERIFY_WITH_TIMEOUT(
        backend.msSinceStreamProgress() > 500 && backend.streamPendingBytes() > 0, 20000);
    rss.sample();
    const qint64 stalledAt = backend.streamedBytes();
    qInfo("backend stalled after %s, RSS growth %s", mib(stalledAt).constData(),
        mib(rss.growth()).constData());
    // What left the backend sits in kernel socket buffers (loopback autotunes them to tens of
    // MiB) and in the proxy's bounded buffers, not in an unbounded proxy queue.
    QVERIFY2(stalledAt < qMin<qint64>(total / 2, 192 * MiB), mib(stalledAt).constData());
    QVERIFY2(rss.growth() < AllowedGrowth / 2,
        qPrintable(u"RSS grew by %1"_s.arg(QString::fromLatin1(mib(rss.growth())))));
    QCOMPARE(backend.streamsCompleted(), 0);

    // Reading again resumes the flow.
    const QByteArray some = client.readRaw(8 * MiB, 15000);
    QCOMPARE(some.size(), 8 * MiB);
    QTRY_VERIFY_WITH_TIMEOUT(backend.streamedBytes() > stalledAt, 10000);

    // A client that leaves mid-download stops the backend's stream too.
    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(backend.streamsAborted(), 1, 10000);
}

void TestProxyStream::slowBackendPushesBackOnClient()
{
    Behaviour b;
    b.storeBody = false;
    TestBackend backend(u"b1"_s, b);
    ProxyOptions options;
    options.timeouts.server = 30000ms;
    TestProxy proxy({&backend}, options);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    warmUp(proxy.port());
    if (QTest::currentTestFailed())
        return;
    backend.clearRequests();

    // The backend stops reading: the upload must stall at the client (its writes stop being
    // accepted) while the proxy's memory stays flat.
    backend.setReadingPaused(true);
    const qint64 total = bigTransferBytes() / 4;
    TestClient client(proxy.port());
    QVERIFY(client.send("PUT /big HTTP/1.1\r\nHost: a\r\nContent-Length: "
        + QByteArray::number(total) + "\r\n\r\n"));
    RssWatch rss;
    StreamHash sent;
    QTcpSocket &socket = client.socket();
    qint64 offset = 0;
    constexpr qint64 Chunk = 1 * MiB;
    // Write until the socket stops taking bytes for a while (measured, not slept).
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    while (offset < total && sinceProgress.elapsed() < 1000) {
        while (offset < total && socket.bytesToWrite() < 2 * Chunk) {
            const QByteArray data = patternBytes(offset, qMin(Chunk, total - offset));
            sent.add(data);
            socket.write(data);
            offset += data.size();
        }
        const qint64 before = socket.bytesToWrite();
        socket.waitForBytesWritten(200);
        if (socket.bytesToWrite() < before)
            sinceProgress.restart();
        rss.sample();
    }
    const qint64 accepted = offset - socket.bytesToWrite();
    qInfo("client stalled after %s accepted, RSS growth %s", mib(accepted).constData(),
        mib(rss.growth()).constData());
    QVERIFY2(offset < total, "the whole upload was accepted while the backend read nothing");
    QVERIFY2(accepted < 192 * MiB, mib(accepted).constData());
    QVERIFY2(rss.growth() < AllowedGrowth / 2,
        qPrintable(u"RSS grew by %1"_s.arg(QString::fromLatin1(mib(rss.growth())))));
    QCOMPARE(backend.completeRequestCount(), 0);

    // The backend reads again: everything arrives, intact.
    backend.setReadingPaused(false);
    while (offset < total || socket.bytesToWrite() > 0) {
        while (offset < total && socket.bytesToWrite() < 2 * Chunk) {
            const QByteArray data = patternBytes(offset, qMin(Chunk, total - offset));
            sent.add(data);
            socket.write(data);
            offset += data.size();
        }
        QVERIFY(socket.waitForBytesWritten(15000) || socket.bytesToWrite() == 0);
    }
    const HttpResponse r = client.readResponse(60000);
    QCOMPARE(r.status, 200);
    const QList<ReceivedRequest> seen = backend.requests();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].bodyLength, total);
    QCOMPARE(seen[0].bodyHash, sent.value());
}

void TestProxyStream::slowReadingBackendGetsWholeUpload()
{
    // A backend that reads 64 KiB every 2 ms (~30 MiB/s at best): the upload is paced by it,
    // arrives whole, and the proxy holds no more than its buffers meanwhile.
    Behaviour b;
    b.storeBody = false;
    b.slowReadBytes = 64 * KiB;
    b.slowReadIntervalMs = 2;
    TestBackend backend(u"b1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    warmUp(proxy.port());
    if (QTest::currentTestFailed())
        return;
    backend.clearRequests();

    const qint64 total = 24 * MiB;
    TestClient client(proxy.port());
    QVERIFY(client.send("POST /slow HTTP/1.1\r\nHost: a\r\nContent-Length: "
        + QByteArray::number(total) + "\r\n\r\n"));
    RssWatch rss;
    StreamHash sent;
    QTcpSocket &socket = client.socket();
    qint64 offset = 0;
    while (offset < total || socket.bytesToWrite() > 0) {
        while (offset < total && socket.bytesToWrite() < 1 * MiB) {
            const QByteArray data = patternBytes(offset, qMin(256 * KiB, total - offset));
            sent.add(data);
            socket.write(data);
            offset += data.size();
        }
        QVERIFY(socket.waitForBytesWritten(15000) || socket.bytesToWrite() == 0);
        rss.sample();
    }
    const HttpResponse r = client.readResponse(30000);
    QCOMPARE(r.status, 200);
    const QList<ReceivedRequest> seen = backend.requests();
    QCOMPARE(seen.size(), 1);
    QVERIFY(seen[0].complete);
    QCOMPARE(seen[0].bodyLength, total);
    QCOMPARE(seen[0].bodyHash, sent.value());
    QVERIFY2(rss.growth() < AllowedGrowth / 2,
        qPrintable(u"RSS grew by %1"_s.arg(QString::fromLatin1(mib(rss.growth())))));
}

void TestProxyStream::clientGoneMidDownloadStopsBackend()
{
    Behaviour b;
    b.mode = Mode::Huge;
    b.hugeBytes = 4 * GiB; // never finishes within the test
    TestBackend backend(u"b1"_s, b);
    TestProxy proxy({&backend});
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));

    {
        TestClient client(proxy.port());
        QVERIFY(client.send("GET /endless HTTP/1.1\r\nHost: a\r\n\r\n"));
        QCOMPARE(client.readRaw(4 * MiB, 15000).size(), 4 * MiB);
    } // the client aborts here
    QTRY_COMPARE_WITH_TIMEOUT(backend.streamsAborted(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(backend.openConnectionCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.engine().snapshot().connectionsOpen, 0, 10000);
}

QTEST_GUILESS_MAIN(TestProxyStream)
#include "tst_proxy_stream.moc"
