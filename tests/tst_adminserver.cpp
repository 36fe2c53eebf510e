// The admin API's HTTP server as a client sees it: requests handed to the handler (method,
// decoded path and segments, query, body), keep-alive and pipelining, the bearer token and its
// rate limit, bounded bodies, protocol errors as JSON, and event streams that end when the
// client goes. The server runs in its own thread so the tests can use blocking clients.

#include "testclient.h"

#include "admin/adminserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QRegularExpression>
#include <QSemaphore>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace LimpetTest;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Limpet::AdminRequest;
using Limpet::AdminResponse;
using Limpet::AdminServer;

namespace {

const QByteArray Token = "s3cret-admin-token";

/// What the handler saw of one request; written in the server's thread, read in the test's.
struct Seen
{
    QByteArray method;
    QString path;
    QStringList segments;
    QList<std::pair<QString, QString>> query;
    QByteArray body;
    QHostAddress client;
};

/// The handler's side of a test: records requests and counts event streams.
struct Recorder
{
    QMutex mutex;
    QList<Seen> seen; ///< guarded by mutex
    std::atomic<int> openStreams{0}; ///< stream functions the server still holds
    std::atomic<int> streamCalls{0};
    std::atomic<int> authFailures{0}; ///< calls of the auth-failure hook
    QSemaphore buildStarted; ///< released when a /built answer starts being built
    QSemaphore buildMayFinish; ///< what a /built answer waits for
    QSemaphore buildFinished; ///< released when a /built answer was built
    QHostAddress lastFailureAddress; ///< guarded by mutex

    QList<Seen> snapshot()
    {
        QMutexLocker lock(&mutex);
        return seen;
    }
};

/// Alive as long as a copy of a stream function is: counts the streams the server holds.
struct StreamGuard
{
    explicit StreamGuard(Recorder *r)
        : recorder(r)
    {
        recorder->openStreams.fetch_add(1);
    }
    ~StreamGuard() { recorder->openStreams.fetch_sub(1); }
    Q_DISABLE_COPY_MOVE(StreamGuard)
    Recorder *recorder;
};

/// Runs in the server's thread. `/stream`: an event stream of numbered `data:` events every
/// 50 ms; `/missing`: a 404 error; anything else: 200 with a JSON echo of the request.
AdminResponse handle(const std::shared_ptr<Recorder> &recorder, const AdminRequest &request)
{
    Seen seen{request.method, request.path, request.segments,
        request.query.queryItems(QUrl::FullyDecoded), request.body, request.client};
    {
        QMutexLocker lock(&recorder->mutex);
        recorder->seen.append(seen);
    }
    if (request.path == u"/built") {
        // Built in a pool thread, and only when the test says so.
        AdminResponse response;
        Recorder *r = recorder.get();
        response.build = [r] {
            r->buildStarted.release();
            const bool inTime = r->buildMayFinish.tryAcquire(1, 10000);
            r->buildFinished.release();
            return inTime ? QByteArray("{\"built\": true}")
                          : QByteArray("{\"built\": \"too late\"}");
        };
        return response;
    }
    if (request.path == u"/stream") {
        AdminResponse response;
        response.streamInterval = 50ms;
        auto guard = std::make_shared<StreamGuard>(recorder.get());
        Recorder *r = recorder.get();
        response.stream = [guard, r, n = 0]() mutable -> QByteArray {
            r->streamCalls.fetch_add(1);
            ++n;
            if (n % 2 == 0)
                return {}; // nothing new this time: nothing is sent
            return "event: counters\ndata: {\"n\": " + QByteArray::number(n) + "}\n\n";
        };
        return response;
    }
    if (request.path == u"/missing")
        return AdminServer::error(404, u"no such thing"_s);
    QJsonObject echo{{u"method"_s, QString::fromLatin1(request.method)}, {u"path"_s, request.path},
        {u"segments"_s, QJsonArray::fromStringList(request.segments)},
        {u"body"_s, QString::fromUtf8(request.body)}};
    AdminResponse response;
    response.status = request.method == "POST" ? 201 : 200;
    response.body = QJsonDocument(echo).toJson(QJsonDocument::Compact);
    response.headers.emplaceBack("X-Limpet-Test", "yes");
    return response;
}

/// An AdminServer on 127.0.0.1:0 in a thread of its own, created, used and deleted there.
class ServerThread final
{
public:
    explicit ServerThread(QByteArray token)
        : recorder(std::make_shared<Recorder>())
    {
        m_thread.setObjectName(u"admin"_s);
        m_thread.start();
        m_context.moveToThread(&m_thread);
        std::shared_ptr<Recorder> r = recorder;
        QMetaObject::invokeMethod(
            &m_context,
            [this, r, token] {
                m_server = new AdminServer(
                    token, [r](const AdminRequest &request) { return handle(r, request); });
                m_server->setAuthFailureHook([r](const QHostAddress &address) {
                    {
                        QMutexLocker lock(&r->mutex);
                        r->lastFailureAddress = address;
                    }
                    r->authFailures.fetch_add(1);
                });
                const std::optional<QString> error
                    = m_server->listen(Limpet::Endpoint{QHostAddress::LocalHost, 0});
                if (error)
                    qWarning() << "listen failed:" << *error;
                port = m_server->address().port;
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait(); // m_context, destroyed first, then lives in a finished thread
    }
    Q_DISABLE_COPY_MOVE(ServerThread)

    /// Deletes the server now; the thread goes on (and so does its event loop).
    void destroyServer()
    {
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                delete m_server;
                m_server = nullptr;
            },
            Qt::BlockingQueuedConnection);
    }
    /// Returns once the thread has handled what was posted to it before.
    void sync()
    {
        QMetaObject::invokeMethod(
            &m_context, [] {}, Qt::BlockingQueuedConnection);
    }

    void closeServer()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { m_server->close(); }, Qt::BlockingQueuedConnection);
    }

    std::shared_ptr<Recorder> recorder;
    quint16 port = 0;

private:
    QThread m_thread;
    QObject m_context; ///< lives in m_thread: the target of the calls made there
    AdminServer *m_server = nullptr; ///< touched only in m_thread
};

HeaderList bearer(const QByteArray &token)
{
    return {{"Authorization", "Bearer " + token}};
}

QJsonObject jsonBody(const HttpResponse &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

/// Reads an event stream's bytes until `count` `data:` lines arrived (or 5 s passed).
QByteArray readEvents(TestClient &client, int count)
{
    QByteArray received = client.leftover();
    QTcpSocket &socket = client.socket();
    QDeadlineTimer deadline(5000);
    while (received.count("\ndata: ") + (received.startsWith("data: ") ? 1 : 0) < count
        && !deadline.hasExpired()) {
        if (socket.bytesAvailable() == 0
            && !socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        received.append(socket.readAll());
    }
    return received;
}

} // namespace

class TestAdminServer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void getReachesHandler();
    void segmentsDecodedSeparately();
    void postBody_data();
    void postBody();
    void headAnswersWithoutBody();
    void handlerErrorIsJson();
    void builtBodyLeavesServerFree();
    void serverDeletedWhileBuilding();
    void keepAlive();
    void pipelinedAnsweredInOrder();
    void http10Closes();
    void tokenRequired_data();
    void tokenRequired();
    void rightTokenAccepted();
    void failedAttemptsRateLimited();
    void noTokenNoAuth();
    void bodyTooLarge();
    void chunkedBodyTooLarge();
    void bodyTooLargeWithCurl();
    void garbageRefused();
    void unknownMethodRefused();
    void eventStream();
    void closeEndsStreams();
    void destroyedWithOpenConnections();
    void listenFailureIsAnError();
};

void TestAdminServer::getReachesHandler()
{
    ServerThread server(Token);
    QVERIFY(server.port != 0);
    const HttpResponse r
        = httpGet(server.port, "/api/v1/sessions?pool=app&q=a+b%26c&limit=10", bearer(Token));
    QVERIFY2(r.complete, r.error.constData());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.reason, "OK"_ba);
    QCOMPARE(r.header("content-type"), "application/json"_ba);
    QCOMPARE(r.header("cache-control"), "no-store"_ba);
    QCOMPARE(r.header("content-length"), QByteArray::number(r.body.size()));
    QCOMPARE(r.header("x-limpet-test"), "yes"_ba);
    QVERIFY(!r.hasHeader("connection")); // HTTP/1.1: kept alive
    QCOMPARE(jsonBody(r).value(u"path"_s).toString(), u"/api/v1/sessions"_s);

    const QList<Seen> seen = server.recorder->snapshot();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, "GET"_ba);
    QCOMPARE(seen[0].path, u"/api/v1/sessions"_s);
    QCOMPARE(seen[0].segments, QStringList({u"api"_s, u"v1"_s, u"sessions"_s}));
    const QList<std::pair<QString, QString>> query{
        {u"pool"_s, u"app"_s}, {u"q"_s, u"a b&c"_s}, {u"limit"_s, u"10"_s}};
    QCOMPARE(seen[0].query, query);
    QVERIFY(seen[0].body.isEmpty());
    QCOMPARE(seen[0].client, QHostAddress(QHostAddress::LocalHost));
}

void TestAdminServer::segmentsDecodedSeparately()
{
    ServerThread server(Token);
    const HttpResponse r
        = httpGet(server.port, "/api/v1/sessions//app/a%2Fb%20c%C3%A9", bearer(Token));
    QCOMPARE(r.status, 200);
    const QStringList expected{u"api"_s, u"v1"_s, u"sessions"_s, u"app"_s, u"a/b cé"_s};
    QCOMPARE(jsonBody(r).value(u"segments"_s).toVariant().toStringList(), expected);
    const QList<Seen> seen = server.recorder->snapshot();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].segments, expected);
    QCOMPARE(seen[0].path, u"/api/v1/sessions//app/a/b cé"_s);
}

void TestAdminServer::postBody_data()
{
    QTest::addColumn<QByteArray>("framing"); // headers announcing the body, then the body bytes
    const QByteArray json = R"({"name":"app3","address":"127.0.0.1:9103"})"_ba;
    const QByteArray contentLength
        = "Content-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
    const QByteArray chunked = "Transfer-Encoding: chunked\r\n\r\n" + QByteArray::number(10, 16)
        + "\r\n" + json.first(10) + "\r\n" + QByteArray::number(json.size() - 10, 16) + "\r\n"
        + json.sliced(10) + "\r\n0\r\n\r\n";
    QTest::newRow("content-length") << contentLength;
    QTest::newRow("chunked") << chunked;
}

void TestAdminServer::postBody()
{
    QFETCH(QByteArray, framing);
    const QByteArray json = R"({"name":"app3","address":"127.0.0.1:9103"})"_ba;
    ServerThread server(Token);
    TestClient client(server.port);
    QVERIFY(client.send("POST /api/v1/pools/app/backends HTTP/1.1\r\nHost: admin\r\n"
                        "Authorization: Bearer "
        + Token + "\r\nContent-Type: application/json\r\n" + framing));
    const HttpResponse r = client.readResponse(5000);
    QVERIFY2(r.complete, r.error.constData());
    QCOMPARE(r.status, 201);
    QCOMPARE(r.reason, "Created"_ba);
    QCOMPARE(jsonBody(r).value(u"body"_s).toString().toUtf8(), json);
    const QList<Seen> seen = server.recorder->snapshot();
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].method, "POST"_ba);
    QCOMPARE(seen[0].body, json);
    QCOMPARE(seen[0].segments.last(), u"backends"_s);
}

void TestAdminServer::headAnswersWithoutBody()
{
    ServerThread server(QByteArray{});
    TestClient client(server.port);
    const HttpResponse head = client.request("HEAD", "/api/v1/cluster");
    QVERIFY2(head.complete, head.error.constData());
    QCOMPARE(head.status, 200);
    QVERIFY(head.body.isEmpty());
    const HttpResponse get = client.request("GET", "/api/v1/cluster");
    QCOMPARE(get.status, 200);
    QCOMPARE(head.header("content-length"), QByteArray::number(get.body.size()));
    QCOMPARE(server.recorder->snapshot().first().method, "GET"_ba);
}

void TestAdminServer::handlerErrorIsJson()
{
    ServerThread server(QByteArray{});
    const HttpResponse r = httpGet(server.port, "/missing");
    QCOMPARE(r.status, 404);
    QCOMPARE(r.reason, "Not Found"_ba);
    QCOMPARE(r.header("content-type"), "application/json"_ba);
    QCOMPARE(jsonBody(r), QJsonObject({{u"error"_s, u"no such thing"_s}}));

    const AdminResponse e = AdminServer::error(409, u"name \"app1\" taken"_s);
    QCOMPARE(e.status, 409);
    QCOMPARE(QJsonDocument::fromJson(e.body).object(),
        QJsonObject({{u"error"_s, u"name \"app1\" taken"_s}}));
}

void TestAdminServer::builtBodyLeavesServerFree()
{
    ServerThread server(QByteArray{});
    TestClient slow(server.port);
    QVERIFY(slow.isConnected());
    QVERIFY(slow.send("GET /built HTTP/1.1\r\nHost: x\r\n\r\n"));
    QVERIFY(server.recorder->buildStarted.tryAcquire(1, 5000));

    // While that answer is being built, the server answers others.
    const HttpResponse other = httpGet(server.port, "/echo");
    QCOMPARE(other.status, 200);
    QCOMPARE(jsonBody(other).value(u"path"_s).toString(), u"/echo"_s);

    server.recorder->buildMayFinish.release();
    const HttpResponse built = slow.readResponse();
    QCOMPARE(built.status, 200);
    QCOMPARE(built.header("content-type"), "application/json"_ba);
    QCOMPARE(jsonBody(built), QJsonObject({{u"built"_s, true}}));
    // The connection goes on as usual.
    QCOMPARE(slow.request("GET", "/echo").status, 200);
}

void TestAdminServer::serverDeletedWhileBuilding()
{
    ServerThread server(QByteArray{});
    TestClient waiting(server.port);
    QVERIFY(waiting.isConnected());
    QVERIFY(waiting.send("GET /built HTTP/1.1\r\nHost: x\r\n\r\n"));
    QVERIFY(server.recorder->buildStarted.tryAcquire(1, 5000));

    // The server goes while the answer is built, its thread and event loop stay: the connection
    // ends with it, and the answer finished later touches nothing of the server.
    server.destroyServer();
    server.recorder->buildMayFinish.release();
    QVERIFY(server.recorder->buildFinished.tryAcquire(1, 5000));
    server.sync();
    server.sync();
    const HttpResponse r = waiting.readResponse(5000);
    QCOMPARE(r.status, 0); // closed without an answer
}

void TestAdminServer::keepAlive()
{
    ServerThread server(Token);
    TestClient client(server.port);
    const HttpResponse first = client.request("GET", "/api/v1/cluster", bearer(Token));
    QCOMPARE(first.status, 200);
    QVERIFY(!first.closed);
    const HttpResponse second = client.request("GET", "/api/v1/decisions", bearer(Token));
    QCOMPARE(second.status, 200);
    QCOMPARE(jsonBody(second).value(u"path"_s).toString(), u"/api/v1/decisions"_s);
    QVERIFY(client.isConnected());
    QCOMPARE(server.recorder->snapshot().size(), 2);
}

void TestAdminServer::pipelinedAnsweredInOrder()
{
    ServerThread server(Token);
    TestClient client(server.port);
    QByteArray requests;
    for (const char *path : {"/one", "/two", "/three"}) {
        requests += "GET "_ba + path + " HTTP/1.1\r\nHost: admin\r\nAuthorization: Bearer " + Token
            + "\r\n\r\n";
    }
    requests += "POST /four HTTP/1.1\r\nHost: admin\r\nAuthorization: Bearer " + Token
        + "\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbody";
    QVERIFY(client.send(requests)); // one write: the server reads them together
    for (const char *path : {"/one", "/two", "/three", "/four"}) {
        const HttpResponse r = client.readResponse(5000);
        QVERIFY2(r.complete, path);
        QCOMPARE(jsonBody(r).value(u"path"_s).toString(), QString::fromLatin1(path));
    }
    QVERIFY(client.waitForClosed(5000)); // the last one asked for close
    QCOMPARE(server.recorder->snapshot().last().body, "body"_ba);
}

void TestAdminServer::http10Closes()
{
    ServerThread server(QByteArray{});
    TestClient client(server.port);
    QVERIFY(client.send("GET /api/v1/cluster HTTP/1.0\r\n\r\n"));
    const HttpResponse r = client.readResponse(5000);
    QVERIFY2(r.complete, r.error.constData());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("connection").toLower(), "close"_ba);
    QVERIFY(client.waitForClosed(5000));
}

void TestAdminServer::tokenRequired_data()
{
    QTest::addColumn<HeaderList>("headers");
    QTest::addColumn<QString>("reason");
    QTest::newRow("no-header") << HeaderList{} << u"no bearer token"_s;
    QTest::newRow("wrong-token") << bearer("s3cret-admin-tokeN") << u"wrong bearer token"_s;
    QTest::newRow("token-prefix") << bearer("s3cret") << u"wrong bearer token"_s;
    QTest::newRow("basic-scheme") << HeaderList{{"Authorization", "Basic YWRtaW46YWRtaW4="}}
                                  << u"no bearer token"_s;
    QTest::newRow("empty-bearer") << HeaderList{{"Authorization", "Bearer "}}
                                  << u"no bearer token"_s;
}

void TestAdminServer::tokenRequired()
{
    QFETCH(HeaderList, headers);
    QFETCH(QString, reason);
    ServerThread server(Token);
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(u"^admin: authentication failed from 127\\.0\\.0\\.1: "_s + reason));
    const HttpResponse r = httpGet(server.port, "/api/v1/cluster", headers);
    QVERIFY2(r.complete, r.error.constData());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.reason, "Unauthorized"_ba);
    QCOMPARE(r.header("www-authenticate"), "Bearer"_ba);
    QCOMPARE(r.header("content-type"), "application/json"_ba);
    QVERIFY(!jsonBody(r).value(u"error"_s).toString().isEmpty());
    QVERIFY(server.recorder->snapshot().isEmpty()); // the handler never saw it
    QCOMPARE(server.recorder->authFailures.load(), 1);
    QMutexLocker lock(&server.recorder->mutex);
    QCOMPARE(server.recorder->lastFailureAddress, QHostAddress(QHostAddress::LocalHost));
}

void TestAdminServer::rightTokenAccepted()
{
    ServerThread server(Token);
    QCOMPARE(httpGet(server.port, "/api/v1/cluster", bearer(Token)).status, 200);
    // The scheme is case-insensitive (RFC 9110 11.1).
    const HeaderList lower{{"authorization", "bearer " + Token}};
    QCOMPARE(httpGet(server.port, "/api/v1/cluster", lower).status, 200);
    QCOMPARE(server.recorder->authFailures.load(), 0);
}

void TestAdminServer::failedAttemptsRateLimited()
{
    ServerThread server(Token);
    TestClient client(server.port);
    for (int i = 0; i < 10; ++i) {
        QTest::ignoreMessage(QtWarningMsg,
            QRegularExpression(u"^admin: authentication failed from 127\\.0\\.0\\.1"_s));
    }
    QTest::ignoreMessage(QtWarningMsg,
        QRegularExpression(u"^admin: blocking 127\\.0\\.0\\.1 for 60 s after 10 failed"_s));
    for (int i = 0; i < 10; ++i) {
        const HttpResponse r = client.request("GET", "/api/v1/cluster", bearer("guess"));
        QCOMPARE(r.status, 401);
    }
    QCOMPARE(server.recorder->authFailures.load(), 10);

    const HttpResponse blocked = client.request("GET", "/api/v1/cluster", bearer("guess"));
    QCOMPARE(blocked.status, 429);
    QCOMPARE(blocked.reason, "Too Many Requests"_ba);
    QCOMPARE(
        jsonBody(blocked).value(u"error"_s).toString(), u"too many failed attempts; retry later"_s);
    bool ok = false;
    const int retryAfter = blocked.header("retry-after").toInt(&ok);
    QVERIFY(ok);
    QVERIFY2(retryAfter > 0 && retryAfter <= 60, blocked.header("retry-after").constData());

    // Blocked even with the right token, on a new connection too.
    QCOMPARE(httpGet(server.port, "/api/v1/cluster", bearer(Token)).status, 429);
    QVERIFY(server.recorder->snapshot().isEmpty());

    // Another address is not blocked.
    TestClient other;
    QVERIFY(other.socket().bind(QHostAddress(u"127.0.0.2"_s)));
    other.socket().connectToHost(QHostAddress::LocalHost, server.port);
    QVERIFY(other.socket().waitForConnected(5000));
    const HttpResponse fromOther = other.request("GET", "/api/v1/cluster", bearer(Token));
    QCOMPARE(fromOther.status, 200);
    QCOMPARE(server.recorder->snapshot().first().client, QHostAddress(u"127.0.0.2"_s));
}

void TestAdminServer::noTokenNoAuth()
{
    ServerThread server(QByteArray{});
    const HttpResponse r = httpGet(server.port, "/api/v1/cluster");
    QCOMPARE(r.status, 200);
    // Whatever a client sends, nothing is checked.
    QCOMPARE(httpGet(server.port, "/api/v1/cluster", bearer("anything")).status, 200);
    QCOMPARE(server.recorder->snapshot().size(), 2);
}

void TestAdminServer::bodyTooLarge()
{
    ServerThread server(Token);
    TestClient client(server.port);
    const qsizetype size = 2 * 1024 * 1024;
    QVERIFY(client.send("POST /api/v1/inspect HTTP/1.1\r\nHost: admin\r\nAuthorization: Bearer "
        + Token + "\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n"
        + QByteArray(64 * 1024, 'x')));
    const HttpResponse r = client.readResponse(5000);
    QVERIFY2(r.complete, r.error.constData());
    QCOMPARE(r.status, 413);
    QCOMPARE(r.header("connection").toLower(), "close"_ba);
    QVERIFY(!jsonBody(r).value(u"error"_s).toString().isEmpty());
    QVERIFY(client.waitForClosed(5000));
    QVERIFY(server.recorder->snapshot().isEmpty());
}

void TestAdminServer::chunkedBodyTooLarge()
{
    ServerThread server(Token);
    TestClient client(server.port);
    QVERIFY(client.send("POST /api/v1/inspect HTTP/1.1\r\nHost: admin\r\nAuthorization: Bearer "
        + Token + "\r\nTransfer-Encoding: chunked\r\n\r\n"));
    const QByteArray chunk
        = QByteArray::number(256 * 1024, 16) + "\r\n" + QByteArray(256 * 1024, 'x') + "\r\n";
    // 1.25 MiB in five chunks: the server refuses once it holds more than 1 MiB.
    for (int i = 0; i < 5; ++i)
        QVERIFY(client.send(chunk));
    const HttpResponse r = client.readResponse(5000);
    QVERIFY2(r.complete, r.error.constData());
    QCOMPARE(r.status, 413);
    QVERIFY(client.waitForClosed(5000));
    QVERIFY(server.recorder->snapshot().isEmpty());
}

void TestAdminServer::bodyTooLargeWithCurl()
{
    const QString curl = QStandardPaths::findExecutable(u"curl"_s);
    if (curl.isEmpty())
        QSKIP("curl is not installed");
    ServerThread server(Token);
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(QByteArray(2 * 1024 * 1024, 'x'));
    file.flush();
    QProcess process;
    process.start(curl,
        {u"-s"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s, u"-H"_s,
            u"Authorization: Bearer "_s + QString::fromLatin1(Token), u"--data-binary"_s,
            u"@"_s + file.fileName(), u"http://127.0.0.1:%1/api/v1/inspect"_s.arg(server.port)});
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.readAllStandardOutput(), "413"_ba);
}

void TestAdminServer::garbageRefused()
{
    ServerThread server(Token);
    TestClient client(server.port);
    QVERIFY(client.send("THIS IS NOT HTTP\r\n\r\n"));
    const HttpResponse r = client.readResponse(5000);
    QVERIFY2(r.complete, r.error.constData());
    QCOMPARE(r.status, 400);
    QCOMPARE(r.header("content-type"), "application/json"_ba);
    QCOMPARE(r.header("connection").toLower(), "close"_ba);
    QVERIFY(!jsonBody(r).value(u"error"_s).toString().isEmpty());
    QVERIFY(client.waitForClosed(5000));
}

void TestAdminServer::unknownMethodRefused()
{
    ServerThread server(Token);
    TestClient client(server.port);
    const HttpResponse r = client.request("PROPFIND", "/api/v1/cluster", bearer(Token));
    QCOMPARE(r.status, 501);
    QVERIFY(!jsonBody(r).value(u"error"_s).toString().isEmpty());
    QVERIFY(server.recorder->snapshot().isEmpty());
    // The connection stays usable.
    QCOMPARE(client.request("GET", "/api/v1/cluster", bearer(Token)).status, 200);
}

void TestAdminServer::eventStream()
{
    ServerThread server(Token);
    TestClient client(server.port);
    QVERIFY(client.send("GET /stream HTTP/1.1\r\nHost: admin\r\nAuthorization: Bearer " + Token
        + "\r\nAccept: text/event-stream\r\n\r\n"));
    const QByteArray received = readEvents(client, 3);
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    QVERIFY2(headEnd > 0, received.constData());
    const QByteArray head = received.first(headEnd).toLower();
    QVERIFY2(head.startsWith("http/1.1 200 ok\r\n"), head.constData());
    QVERIFY(head.contains("\r\ncontent-type: text/event-stream"));
    QVERIFY(head.contains("\r\ncache-control: no-cache"));
    QVERIFY(head.contains("\r\nconnection: close"));
    QVERIFY(!head.contains("content-length"));
    const QByteArray events = received.sliced(headEnd + 4);
    // Only what the stream function returned, whole events in order: n = 1, 3, 5 (the even
    // calls returned nothing).
    QVERIFY2(events.startsWith("event: counters\ndata: {\"n\": 1}\n\n"
                               "event: counters\ndata: {\"n\": 3}\n\n"),
        events.constData());
    QCOMPARE(server.recorder->openStreams.load(), 1);

    client.close();
    QTRY_COMPARE_WITH_TIMEOUT(server.recorder->openStreams.load(), 0, 5000);
    QCOMPARE(httpGet(server.port, "/api/v1/cluster", bearer(Token)).status, 200);
}

void TestAdminServer::closeEndsStreams()
{
    ServerThread server(QByteArray{});
    TestClient client(server.port);
    QVERIFY(client.send("GET /stream HTTP/1.1\r\nHost: admin\r\n\r\n"));
    QVERIFY(readEvents(client, 1).contains("data: "));
    QCOMPARE(server.recorder->openStreams.load(), 1);
    server.closeServer();
    QVERIFY(client.waitForClosed(5000));
    QCOMPARE(server.recorder->openStreams.load(), 0);
    TestClient refused(server.port, 1000);
    QVERIFY(!refused.isConnected()); // not listening any more
}

void TestAdminServer::destroyedWithOpenConnections()
{
    auto server = std::make_unique<ServerThread>(QByteArray{});
    const std::shared_ptr<Recorder> recorder = server->recorder;
    TestClient idle(server->port);
    QCOMPARE(idle.request("GET", "/api/v1/cluster").status, 200); // kept alive, now idle
    TestClient streaming(server->port);
    QVERIFY(streaming.send("GET /stream HTTP/1.1\r\nHost: admin\r\n\r\n"));
    QVERIFY(readEvents(streaming, 1).contains("data: "));
    TestClient partial(server->port);
    QVERIFY(partial.send(
        "POST /api/v1/inspect HTTP/1.1\r\nHost: admin\r\nContent-Length: 10\r\n\r\nabc"));
    QTRY_VERIFY(recorder->snapshot().size() == 2); // both complete requests reached the handler
    server.reset();
    QVERIFY(idle.waitForClosed(5000));
    QVERIFY(streaming.waitForClosed(5000));
    QVERIFY(partial.waitForClosed(5000));
    QCOMPARE(recorder->openStreams.load(), 0);
}

void TestAdminServer::listenFailureIsAnError()
{
    ServerThread first(QByteArray{});
    AdminServer second(QByteArray{}, [](const AdminRequest &) { return AdminResponse(); });
    const std::optional<QString> error
        = second.listen(Limpet::Endpoint{QHostAddress::LocalHost, first.port});
    QVERIFY(error.has_value());
    QVERIFY2(error->contains(QString::number(first.port)), qPrintable(*error));
    QCOMPARE(second.address().port, quint16(0));
}

QTEST_GUILESS_MAIN(TestAdminServer)
#include "tst_adminserver.moc"
