// Tests of `limpet ctl` (the program $LIMPET_BINARY, run with QProcess) against a fake admin API:
// what a user sees (tables, messages, exit status) and what the API received.

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

/// One request the fake API received.
struct FakeRequest
{
    QByteArray method;
    QByteArray target; ///< as received: percent-encoded path and query
    HeaderList headers;
    QByteArray body;

    [[nodiscard]] QByteArray path() const
    {
        const qsizetype q = target.indexOf('?');
        return q < 0 ? target : target.left(q);
    }
    [[nodiscard]] QUrlQuery query() const
    {
        const qsizetype q = target.indexOf('?');
        return q < 0 ? QUrlQuery() : QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    }
    [[nodiscard]] QByteArray header(QByteArrayView name) const
    {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// What the fake API answers to one request.
struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    HeaderList headers;
    bool stream = false; ///< an event stream: send `body` and keep the connection open
};

/// Shared between the test's thread and the fake API's thread.
struct FakeState
{
    mutable QMutex lock;
    QHash<QByteArray, QList<FakeResponse>> routes; ///< "METHOD /path" → answers in turn
    QHash<QByteArray, int> served; ///< "METHOD /path" → answers given
    QList<FakeRequest> requests;
};

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 404:
        return "Not Found";
    default:
        return "Status";
    }
}

/// The listening socket of a FakeAdminApi; lives in the fake's thread. One request per
/// connection (answers say `Connection: close`), except event streams, which stay open.
class FakeServer final : public QTcpServer
{
public:
    explicit FakeServer(std::shared_ptr<FakeState> state)
        : m_state(std::move(state))
    { }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QIODevice::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QAbstractSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
        if (requestLine.size() != 3) {
            socket->abort();
            return;
        }
        FakeRequest request;
        request.method = requestLine[0];
        request.target = requestLine[1];
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = lines[i].left(colon).trimmed();
            const QByteArray value = lines[i].mid(colon + 1).trimmed();
            request.headers.append({name, value});
            if (name.compare("content-length", Qt::CaseInsensitive) == 0)
                length = value.toLongLong();
        }
        if (buffer.size() < headEnd + 4 + length)
            return; // the body is still coming
        request.body = buffer.mid(headEnd + 4, length);
        buffer.clear();

        FakeResponse response;
        {
            QMutexLocker lock(&m_state->lock);
            const QByteArray route = request.method + ' ' + request.path();
            m_state->requests.append(request);
            const QList<FakeResponse> answers = m_state->routes.value(route);
            if (answers.isEmpty()) {
                response.status = 404;
                response.body = R"({"error": "unknown route: )" + route + R"("})";
            } else {
                const int n = m_state->served[route]++;
                response = answers.at(std::min<qsizetype>(n, answers.size() - 1));
            }
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' '
            + reasonPhrase(response.status) + "\r\nContent-Type: " + response.contentType + "\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        if (response.stream) {
            socket->write(head + "Cache-Control: no-cache\r\n\r\n" + response.body);
            return;
        }
        socket->write(head + "Content-Length: " + QByteArray::number(response.body.size())
            + "\r\nConnection: close\r\n\r\n" + response.body);
        socket->disconnectFromHost();
    }

    std::shared_ptr<FakeState> m_state;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// A canned admin API on 127.0.0.1:<ephemeral>, in its own thread so that the test can block on
/// the ctl process meanwhile. Records every request (thread-safe); unknown routes get a 404.
class FakeAdminApi final
{
public:
    FakeAdminApi()
        : m_state(std::make_shared<FakeState>())
        , m_thread(std::make_unique<QThread>())
    {
        m_thread->setObjectName(u"fake-admin-api"_s);
        m_thread->start();
        auto *server = new FakeServer(m_state);
        server->moveToThread(m_thread.get());
        quint16 port = 0;
        QMetaObject::invokeMethod(
            server,
            [server, &port] {
                if (server->listen(QHostAddress::LocalHost, 0))
                    port = server->serverPort();
            },
            Qt::BlockingQueuedConnection);
        m_server = server;
        m_port = port;
    }

    ~FakeAdminApi()
    {
        FakeServer *server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }

    Q_DISABLE_COPY_MOVE(FakeAdminApi)

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString url() const { return u"http://127.0.0.1:%1"_s.arg(m_port); }

    /// Answers `method path` with `answers` in turn, the last one again and again. Any thread.
    void setRoute(const QByteArray &method, const QByteArray &path, QList<FakeResponse> answers)
    {
        QMutexLocker lock(&m_state->lock);
        m_state->routes.insert(method + ' ' + path, std::move(answers));
        m_state->served.remove(method + ' ' + path);
    }
    void setRoute(
        const QByteArray &method, const QByteArray &path, const QJsonObject &json, int status = 200)
    {
        setRoute(method, path,
            {FakeResponse{status, QJsonDocument(json).toJson(QJsonDocument::Compact)}});
    }

    [[nodiscard]] QList<FakeRequest> requests() const
    {
        QMutexLocker lock(&m_state->lock);
        return m_state->requests;
    }
    [[nodiscard]] QList<FakeRequest> requests(
        const QByteArray &method, const QByteArray &path) const
    {
        QList<FakeRequest> out;
        for (const FakeRequest &r : requests()) {
            if (r.method == method && r.path() == path)
                out.append(r);
        }
        return out;
    }

private:
    std::shared_ptr<FakeState> m_state;
    std::unique_ptr<QThread> m_thread;
    FakeServer *m_server = nullptr; ///< lives in m_thread
    quint16 m_port = 0;
};

struct CtlResult
{
    int exitCode = -1; ///< -1: crashed or did not finish
    QString out;
    QString err;
    qint64 elapsedMs = 0;

    [[nodiscard]] QStringList outLines() const { return out.split(u'\n', Qt::SkipEmptyParts); }
    [[nodiscard]] QString describe() const
    {
        return u"exit "_s + QString::number(exitCode) + u"\n[stdout]\n"_s + out + u"[stderr]\n"_s
            + err;
    }
};

/// Runs `limpet ctl <args>` to completion (bounded), with no LIMPET_URL / LIMPET_TOKEN from the
/// test's own environment unless `env` sets them.
CtlResult runCtl(const QStringList &args, const QHash<QString, QString> &env = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"LIMPET_URL"_s);
    environment.remove(u"LIMPET_TOKEN"_s);
    environment.insert(u"TZ"_s, u"UTC"_s);
    for (auto it = env.cbegin(); it != env.cend(); ++it)
        environment.insert(it.key(), it.value());
    QProcess process;
    process.setProcessEnvironment(environment);
    QElapsedTimer timer;
    timer.start();
    process.start(qEnvironmentVariable("LIMPET_BINARY"), QStringList{u"ctl"_s} + args);
    CtlResult r;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished(2000);
        r.err = u"limpet ctl did not finish\n"_s;
        return r;
    }
    r.elapsedMs = timer.elapsed();
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err += QString::fromUtf8(process.readAllStandardError());
    return r;
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

/// A backend object as the API describes it, idle and ready.
QJsonObject backendJson(const QString &name, const QString &address)
{
    return QJsonObject{{u"pool"_s, u"app"_s}, {u"name"_s, name}, {u"address"_s, address},
        {u"route"_s, name}, {u"state"_s, u"ready"_s}, {u"state_since"_s, QJsonValue::Null},
        {u"health"_s, u"up"_s}, {u"weight"_s, 1}, {u"effective_weight"_s, 1.0}, {u"max_conn"_s, 0},
        {u"requests"_s, 0}, {u"active"_s, 0}, {u"queued"_s, 0}, {u"failures"_s, 0},
        {u"retries"_s, 0}, {u"queue_timeouts"_s, 0}, {u"bytes_in"_s, 0}, {u"bytes_out"_s, 0},
        {u"responses"_s,
            QJsonObject{{u"1xx"_s, 0}, {u"2xx"_s, 0}, {u"3xx"_s, 0}, {u"4xx"_s, 0}, {u"5xx"_s, 0},
                {u"errors"_s, 0}}},
        {u"sessions"_s, 0}, {u"sessions_leave_rate"_s, 0.0}, {u"drain_eta_s"_s, QJsonValue::Null},
        {u"removing"_s, false}, {u"check"_s, QJsonValue::Null}};
}

/// A cluster answer with one pool "app" holding `backends`.
QJsonObject clusterJson(const QJsonArray &backends)
{
    const QJsonObject instance{{u"version"_s, u"0.1.0"_s}, {u"listen"_s, u"127.0.0.1:8080"_s},
        {u"admin"_s, u"127.0.0.1:9090"_s}, {u"workers"_s, 2},
        {u"config_file"_s, u"/etc/limpet.toml"_s}, {u"started"_s, u"2026-11-22T02:00:00.000Z"_s},
        {u"uptime_s"_s, 3720}, {u"reloads"_s, 0}, {u"connections_open"_s, 5},
        {u"connections_accepted"_s, 900}, {u"sessions"_s, 12}, {u"events"_s, 3}};
    const QJsonObject pool{{u"name"_s, u"app"_s}, {u"mode"_s, u"insert"_s},
        {u"balance"_s, u"roundrobin"_s}, {u"decisions"_s, QJsonObject{{u"cookie-hit"_s, 10}}},
        {u"backend_changes"_s, 0}, {u"backends"_s, backends}};
    return QJsonObject{{u"instance"_s, instance}, {u"pools"_s, QJsonArray{pool}}};
}

/// A draining app1 with `sessions` bound and `active` requests in flight.
QJsonObject drainingCluster(int sessions, int active, double rate, QJsonValue eta)
{
    QJsonObject app1 = backendJson(u"app1"_s, u"127.0.0.1:9101"_s);
    app1[u"state"_s] = u"drain"_s;
    app1[u"sessions"_s] = sessions;
    app1[u"active"_s] = active;
    app1[u"sessions_leave_rate"_s] = rate;
    app1[u"drain_eta_s"_s] = eta;
    return clusterJson({app1, backendJson(u"app2"_s, u"127.0.0.1:9102"_s)});
}

FakeResponse jsonResponse(const QJsonObject &json, int status = 200)
{
    return FakeResponse{status, QJsonDocument(json).toJson(QJsonDocument::Compact)};
}

QJsonObject decisionJson(const QDateTime &time, const QString &method, const QString &target,
    const QString &reason, const QString &backend, int status, double ms)
{
    return QJsonObject{{u"time"_s, isoTime(time)}, {u"pool"_s, u"app"_s},
        {u"client"_s, u"10.0.0.5"_s}, {u"method"_s, method}, {u"target"_s, target},
        {u"mode"_s, u"insert"_s}, {u"key_seen"_s, true}, {u"key"_s, u"3f9a-app1-77"_s},
        {u"decoded"_s, QJsonValue::Null}, {u"detail"_s, u""_s}, {u"reason"_s, reason},
        {u"backend"_s, backend}, {u"algorithm"_s, u"roundrobin"_s}, {u"set_cookie"_s, false},
        {u"changed_backend"_s, false}, {u"previous_backend"_s, QJsonValue::Null},
        {u"change_cause"_s, QJsonValue::Null}, {u"status"_s, status}, {u"duration_ms"_s, ms},
        {u"bytes_sent"_s, 120}, {u"retries"_s, 0}};
}

/// The line of `lines` containing `needle`, or an empty string.
QString lineWith(const QStringList &lines, const QString &needle)
{
    for (const QString &line : lines) {
        if (line.contains(needle))
            return line;
    }
    return {};
}

} // namespace

class TestCtl final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void helpPrintsUsage();
    void statusShowsBackendTable();
    void jsonPrintsTheApiAnswer();
    void drainSendsStateWithToken();
    void bareBackendNameAndEnvironment();
    void apiErrorExitsOne();
    void unauthorizedHintsAtToken();
    void refusedPortExitsThree();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void drainWaitReportsProgressUntilDrained();
    void drainWaitTimesOut();
    void sessionsTable();
    void forgetPinRebindAddressTheSession();
    void addAndRemoveBackends();
    void traceMarksTheMovedRow();
    void inspectSendsTheCookie();
    void reloadPrintsChanges();
    void reloadErrorsExitOne();
    void configPrintsTheText();
    void eventsStopsAfterCount();
};

void TestCtl::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("LIMPET_BINARY"))
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
}

void TestCtl::helpPrintsUsage()
{
    const CtlResult r = runCtl({u"--help"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QVERIFY(r.out.startsWith(u"Usage: limpet ctl"_s));
    for (const QString &command : {u"status"_s, u"drain"_s, u"ready"_s, u"maint"_s, u"standby"_s,
             u"weight"_s, u"add"_s, u"remove"_s, u"sessions"_s, u"forget"_s, u"pin"_s, u"rebind"_s,
             u"trace"_s, u"inspect"_s, u"reload"_s, u"config"_s, u"events"_s})
        QVERIFY2(r.out.contains(u"\n  "_s + command), qPrintable(command));
}

void TestCtl::statusShowsBackendTable()
{
    FakeAdminApi api;
    QJsonObject app1 = backendJson(u"app1"_s, u"127.0.0.1:9101"_s);
    app1[u"active"_s] = 2;
    app1[u"requests"_s] = 200;
    app1[u"sessions"_s] = 12;
    app1[u"responses"_s] = QJsonObject{{u"1xx"_s, 0}, {u"2xx"_s, 196}, {u"3xx"_s, 0}, {u"4xx"_s, 0},
        {u"5xx"_s, 3}, {u"errors"_s, 1}};
    app1[u"check"_s]
        = QJsonObject{{u"type"_s, u"http"_s}, {u"last_check"_s, u"2026-11-22T03:01:40.123Z"_s},
            {u"passed"_s, true}, {u"status"_s, 200}, {u"latency_ms"_s, 1.2}, {u"error"_s, u""_s}};
    QJsonObject app2 = backendJson(u"app2-long-name"_s, u"127.0.0.1:9102"_s);
    app2[u"state"_s] = u"drain"_s;
    app2[u"health"_s] = u"down"_s;
    app2[u"weight"_s] = 3;
    app2[u"effective_weight"_s] = 1.5;
    app2[u"check"_s] = QJsonObject{{u"type"_s, u"http"_s},
        {u"last_check"_s, u"2026-11-22T03:01:40.123Z"_s}, {u"passed"_s, false}, {u"status"_s, 0},
        {u"latency_ms"_s, QJsonValue::Null}, {u"error"_s, u"connection refused"_s}};
    api.setRoute("GET", "/api/v1/cluster", clusterJson({app1, app2}));

    const CtlResult r = runCtl({u"--url"_s, api.url(), u"status"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.outLines();
    QVERIFY2(lines.size() == 5, qPrintable(r.describe()));
    QCOMPARE(lines[0],
        u"limpet 0.1.0 listening on 127.0.0.1:8080, up 1h 2m, 5 connections open, 12 sessions"_s);
    QCOMPARE(lines[1], u"pool app: mode insert, balance roundrobin, 2 backends"_s);
    const QString header = lines[2];
    QVERIFY2(QRegularExpression(u"^NAME +ADDRESS +STATE +HEALTH +WEIGHT +ACTIVE +REQ +SESSIONS "
                                "+ERR% +CHECK$"_s)
                 .match(header)
                 .hasMatch(),
        qPrintable(header));
    const QString row1 = lineWith(lines, u"app1 "_s);
    const QString row2 = lineWith(lines, u"app2-long-name"_s);
    QCOMPARE(row1.split(u' ', Qt::SkipEmptyParts),
        QStringList({u"app1"_s, u"127.0.0.1:9101"_s, u"ready"_s, u"up"_s, u"1"_s, u"2"_s, u"200"_s,
            u"12"_s, u"2.0"_s, u"200"_s, u"1.2ms"_s}));
    QCOMPARE(row2.split(u' ', Qt::SkipEmptyParts),
        QStringList({u"app2-long-name"_s, u"127.0.0.1:9102"_s, u"drain"_s, u"down"_s, u"1.5/3"_s,
            u"0"_s, u"0"_s, u"0"_s, u"-"_s, u"connection"_s, u"refused"_s}));
    // Aligned: text columns start together, number columns end together.
    for (const QString &row : {row1, row2})
        QCOMPARE(row.indexOf(u"127.0.0.1"_s), header.indexOf(u"ADDRESS"_s));
    QCOMPARE(row1.indexOf(u" up "_s) + 1, header.indexOf(u"HEALTH"_s));
    QCOMPARE(row2.indexOf(u" down "_s) + 1, header.indexOf(u"HEALTH"_s));
    QCOMPARE(row1.indexOf(u"200 1.2ms"_s), header.indexOf(u"CHECK"_s));
    QCOMPARE(row2.indexOf(u"connection refused"_s), header.indexOf(u"CHECK"_s));
    QCOMPARE(row1.indexOf(u"2.0"_s) + 3, header.indexOf(u"ERR%"_s) + 4);
    QCOMPARE(row2.indexOf(u"1.5/3"_s) + 5, header.indexOf(u"WEIGHT"_s) + 6);

    const QList<FakeRequest> requests = api.requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].method, "GET");
    QCOMPARE(requests[0].target, "/api/v1/cluster");
    QVERIFY(requests[0].header("authorization").isEmpty());
}

void TestCtl::jsonPrintsTheApiAnswer()
{
    FakeAdminApi api;
    const QJsonObject cluster = clusterJson({backendJson(u"app1"_s, u"127.0.0.1:9101"_s)});
    api.setRoute("GET", "/api/v1/cluster", cluster);
    const CtlResult r = runCtl({u"--url"_s, api.url(), u"--json"_s, u"status"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out.toUtf8(), QJsonDocument(cluster).toJson(QJsonDocument::Compact) + '\n');

    // After the command too, and for the other commands.
    api.setRoute(
        "GET", "/api/v1/sessions", QJsonObject{{u"total"_s, 0}, {u"sessions"_s, QJsonArray()}});
    const CtlResult s = runCtl({u"--url"_s, api.url(), u"sessions"_s, u"--json"_s});
    QVERIFY2(s.exitCode == 0, qPrintable(s.describe()));
    QCOMPARE(QJsonDocument::fromJson(s.out.toUtf8()).object(),
        (QJsonObject{{u"total"_s, 0}, {u"sessions"_s, QJsonArray()}}));
}

void TestCtl::drainSendsStateWithToken()
{
    FakeAdminApi api;
    QJsonObject drained = backendJson(u"app1"_s, u"127.0.0.1:9101"_s);
    drained[u"state"_s] = u"drain"_s;
    api.setRoute("PATCH", "/api/v1/pools/app/backends/app1", drained);

    const CtlResult r
        = runCtl({u"--url"_s, api.url(), u"--token"_s, u"s3cret"_s, u"drain"_s, u"app/app1"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out, u"app/app1: state drain\n"_s);
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));

    const QList<FakeRequest> requests = api.requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].method, "PATCH");
    QCOMPARE(requests[0].target, "/api/v1/pools/app/backends/app1");
    QCOMPARE(requests[0].json(), (QJsonObject{{u"state"_s, u"drain"_s}}));
    QCOMPARE(requests[0].header("authorization"), "Bearer s3cret");
    QVERIFY(requests[0].header("content-type").startsWith("application/json"));
}

void TestCtl::bareBackendNameAndEnvironment()
{
    FakeAdminApi api;
    api.setRoute(
        "GET", "/api/v1/cluster", clusterJson({backendJson(u"app1"_s, u"127.0.0.1:9101"_s)}));
    api.setRoute(
        "PATCH", "/api/v1/pools/app/backends/app1", backendJson(u"app1"_s, u"127.0.0.1:9101"_s));

    // One pool: a bare name is enough. URL and token from the environment.
    const CtlResult r = runCtl({u"ready"_s, u"app1"_s},
        {{u"LIMPET_URL"_s, api.url()}, {u"LIMPET_TOKEN"_s, u"from-env"_s}});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out, u"app/app1: state ready\n"_s);
    const QList<FakeRequest> patches = api.requests("PATCH", "/api/v1/pools/app/backends/app1");
    QCOMPARE(patches.size(), 1);
    QCOMPARE(patches[0].json(), (QJsonObject{{u"state"_s, u"ready"_s}}));
    QCOMPARE(patches[0].header("authorization"), "Bearer from-env");

    // Two pools: which one is ambiguous, a usage error, and nothing is changed.
    QJsonObject twoPools = clusterJson({backendJson(u"app1"_s, u"127.0.0.1:9101"_s)});
    QJsonArray pools = twoPools[u"pools"_s].toArray();
    QJsonObject other = pools[0].toObject();
    other[u"name"_s] = u"api"_s;
    pools.append(other);
    twoPools[u"pools"_s] = pools;
    api.setRoute("GET", "/api/v1/cluster", twoPools);
    const CtlResult ambiguous = runCtl({u"--url"_s, api.url(), u"maint"_s, u"app1"_s});
    QVERIFY2(ambiguous.exitCode == 2, qPrintable(ambiguous.describe()));
    QVERIFY2(ambiguous.err.contains(u"app, api"_s), qPrintable(ambiguous.describe()));
    QCOMPARE(api.requests("PATCH", "/api/v1/pools/app/backends/app1").size(), 1);
}

void TestCtl::apiErrorExitsOne()
{
    FakeAdminApi api;
    api.setRoute("PATCH", "/api/v1/pools/app/backends/nope",
        QJsonObject{{u"error"_s, u"no backend nope in pool app"_s}}, 404);
    const CtlResult r = runCtl({u"--url"_s, api.url(), u"drain"_s, u"app/nope"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QCOMPARE(r.err, u"limpet ctl: 404: no backend nope in pool app\n"_s);
    QVERIFY(r.out.isEmpty());
}

void TestCtl::unauthorizedHintsAtToken()
{
    FakeAdminApi api;
    api.setRoute("GET", "/api/v1/cluster",
        {FakeResponse{401, R"({"error": "missing or invalid bearer token"})", "application/json",
            {{"WWW-Authenticate", "Bearer"}}}});
    const CtlResult r = runCtl({u"--url"_s, api.url(), u"status"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith(u"limpet ctl: 401: missing or invalid bearer token\n"_s),
        qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"LIMPET_TOKEN"_s), qPrintable(r.describe()));
}

void TestCtl::refusedPortExitsThree()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    const QString url = u"http://127.0.0.1:%1"_s.arg(port);
    const CtlResult r = runCtl({u"--url"_s, url, u"status"_s});
    QVERIFY2(r.exitCode == 3, qPrintable(r.describe()));
    QVERIFY2(
        r.err.startsWith(u"limpet ctl: cannot reach %1: "_s.arg(url)), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(r.describe()));
    QVERIFY(r.elapsedMs < 10000);
}

void TestCtl::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no-command") << QStringList() << u"no command given"_s;
    QTest::newRow("unknown-command")
        << QStringList{u"frobnicate"_s} << u"unknown command 'frobnicate'"_s;
    QTest::newRow("missing-argument")
        << QStringList{u"weight"_s, u"app/app1"_s} << u"weight: missing argument"_s;
    QTest::newRow("extra-argument")
        << QStringList{u"status"_s, u"now"_s} << u"unexpected argument 'now'"_s;
    QTest::newRow("bad-number") << QStringList{u"weight"_s, u"app/app1"_s, u"heavy"_s}
                                << u"expected a whole number from 0 to 1000, not 'heavy'"_s;
    QTest::newRow("bad-interval") << QStringList{u"drain"_s, u"app/app1"_s, u"--wait"_s,
        u"--interval"_s, u"soon"_s}
                                  << u"--interval"_s;
    QTest::newRow("timeout-without-wait")
        << QStringList{u"drain"_s, u"app/app1"_s, u"--timeout"_s, u"5"_s} << u"--wait"_s;
    QTest::newRow("unknown-option")
        << QStringList{u"status"_s, u"--verbose"_s} << u"unknown option --verbose"_s;
    QTest::newRow("option-of-another-command")
        << QStringList{u"ready"_s, u"app/app1"_s, u"--wait"_s} << u"unknown option --wait"_s;
    QTest::newRow("option-without-value")
        << QStringList{u"sessions"_s, u"--limit"_s} << u"--limit needs a value"_s;
    QTest::newRow("pin-without-ttl")
        << QStringList{u"pin"_s, u"app"_s, u"k"_s, u"app2"_s} << u"--ttl"_s;
    QTest::newRow("half-reference")
        << QStringList{u"drain"_s, u"app/"_s} << u"'app/': expected POOL/BACKEND"_s;
    QTest::newRow("bad-state") << QStringList{u"add"_s, u"app"_s, u"app3"_s, u"127.0.0.1:9103"_s,
        u"--state"_s, u"up"_s} << u"--state"_s;
    QTest::newRow("trace-needs-key") << QStringList{u"trace"_s} << u"KEY or --client"_s;
}

void TestCtl::usageErrorsExitTwo()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    FakeAdminApi api;
    const CtlResult r = runCtl(QStringList{u"--url"_s, api.url()} + args);
    QVERIFY2(r.exitCode == 2, qPrintable(r.describe()));
    QVERIFY2(r.err.startsWith(u"limpet ctl: "_s), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"Usage: limpet ctl"_s), qPrintable(r.describe()));
    QVERIFY(r.out.isEmpty());
    QVERIFY(api.requests().isEmpty()); // refused before anything is sent
}

void TestCtl::drainWaitReportsProgressUntilDrained()
{
    FakeAdminApi api;
    QJsonObject drained = backendJson(u"app1"_s, u"127.0.0.1:9101"_s);
    drained[u"state"_s] = u"drain"_s;
    api.setRoute("PATCH", "/api/v1/pools/app/backends/app1", drained);
    api.setRoute("GET", "/api/v1/cluster",
        {jsonResponse(drainingCluster(3, 1, 0.5, 6.0)),
            jsonResponse(drainingCluster(2, 0, 1.0, 2.0)),
            jsonResponse(drainingCluster(1, 0, 0.0, QJsonValue::Null)),
            jsonResponse(drainingCluster(0, 0, 0.0, QJsonValue::Null))});

    const CtlResult r = runCtl({u"--url"_s, api.url(), u"drain"_s, u"app/app1"_s, u"--wait"_s,
        u"--interval"_s, u"0.1"_s, u"--timeout"_s, u"15"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.outLines(),
        QStringList({u"app/app1: state drain"_s,
            u"app/app1: 3 sessions bound, 1 request in flight, leaving at 0.5/s, about 6 s left"_s,
            u"app/app1: 2 sessions bound, 0 requests in flight, leaving at 1.0/s, about 2 s left"_s,
            u"app/app1: 1 session bound, 0 requests in flight, leaving at 0.0/s"_s,
            u"app/app1: drained"_s}));
    QCOMPARE(api.requests("GET", "/api/v1/cluster").size(), 4);
    QVERIFY2(r.elapsedMs < 5000, qPrintable(r.describe())); // polled every 0.1 s, not every second
}

void TestCtl::drainWaitTimesOut()
{
    FakeAdminApi api;
    QJsonObject drained = backendJson(u"app1"_s, u"127.0.0.1:9101"_s);
    drained[u"state"_s] = u"drain"_s;
    api.setRoute("PATCH", "/api/v1/pools/app/backends/app1", drained);
    api.setRoute("GET", "/api/v1/cluster", drainingCluster(5, 0, 0.0, QJsonValue::Null));

    const CtlResult r = runCtl({u"--url"_s, api.url(), u"drain"_s, u"app/app1"_s, u"--wait"_s,
        u"--interval"_s, u"0.1"_s, u"--timeout"_s, u"0.5"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QVERIFY2(r.err.contains(u"app/app1: not drained after 0.5 s (5 sessions bound"_s),
        qPrintable(r.describe()));
    QVERIFY2(r.out.contains(u"app/app1: 5 sessions bound"_s), qPrintable(r.describe()));
    QVERIFY(!r.out.contains(u"drained"_s));
    QVERIFY2(r.elapsedMs >= 450 && r.elapsedMs < 8000, qPrintable(r.describe()));
    QVERIFY(api.requests("GET", "/api/v1/cluster").size() >= 3);
}

void TestCtl::sessionsTable()
{
    FakeAdminApi api;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonArray sessions{
        QJsonObject{{u"pool"_s, u"app"_s}, {u"key"_s, u"3f9a-app1-77"_s}, {u"backend"_s, u"app1"_s},
            {u"client"_s, u"10.0.0.5"_s}, {u"first_seen"_s, isoTime(now.addSecs(-300))},
            {u"last_seen"_s, isoTime(now.addSecs(-12))}, {u"requests"_s, 40},
            {u"pin"_s, QJsonValue::Null}},
        QJsonObject{{u"pool"_s, u"app"_s}, {u"key"_s, u"a/b"_s}, {u"backend"_s, u"app2"_s},
            {u"client"_s, u"10.0.0.6"_s}, {u"first_seen"_s, isoTime(now.addSecs(-7200))},
            {u"last_seen"_s, isoTime(now.addSecs(-7200))}, {u"requests"_s, 3},
            {u"pin"_s, QJsonObject{{u"backend"_s, u"app2"_s}, {u"expires"_s, QJsonValue::Null}}}}};
    api.setRoute(
        "GET", "/api/v1/sessions", QJsonObject{{u"total"_s, 7}, {u"sessions"_s, sessions}});

    const CtlResult r = runCtl({u"--url"_s, api.url(), u"sessions"_s, u"--pool"_s, u"app"_s,
        u"--filter"_s, u"10.0 &x"_s, u"--limit"_s, u"2"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.outLines();
    QVERIFY2(lines.size() == 4, qPrintable(r.describe()));
    QVERIFY2(QRegularExpression(u"^KEY +POOL +BACKEND +CLIENT +LAST-SEEN +REQUESTS +PIN$"_s)
                 .match(lines[0])
                 .hasMatch(),
        qPrintable(r.describe()));
    QVERIFY2(QRegularExpression(u"^3f9a-app1-77 +app +app1 +10\\.0\\.0\\.5 +1\\d+s ago +40 +-$"_s)
                 .match(lines[1])
                 .hasMatch(),
        qPrintable(r.describe()));
    QVERIFY2(
        QRegularExpression(u"^a/b +app +app2 +10\\.0\\.0\\.6 +2h 0m ago +3 +app2 \\(rebound\\)$"_s)
            .match(lines[2])
            .hasMatch(),
        qPrintable(r.describe()));
    QCOMPARE(lines[3], u"2 of 7 sessions"_s);

    const QList<FakeRequest> requests = api.requests("GET", "/api/v1/sessions");
    QCOMPARE(requests.size(), 1);
    const QUrlQuery query = requests[0].query();
    QCOMPARE(query.queryItemValue(u"pool"_s), u"app"_s);
    QCOMPARE(query.queryItemValue(u"q"_s, QUrl::FullyDecoded), u"10.0 &x"_s);
    QCOMPARE(query.queryItemValue(u"limit"_s), u"2"_s);
    QVERIFY(!query.hasQueryItem(u"backend"_s));
}

void TestCtl::forgetPinRebindAddressTheSession()
{
    FakeAdminApi api;
    api.setRoute("DELETE", "/api/v1/sessions/app/a%2Fb", QJsonObject{{u"forgotten"_s, u"a/b"_s}});
    const CtlResult forget = runCtl({u"--url"_s, api.url(), u"forget"_s, u"app"_s, u"a/b"_s});
    QVERIFY2(forget.exitCode == 0, qPrintable(forget.describe()));
    QCOMPARE(forget.out, u"app: forgot session a/b\n"_s);

    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(600);
    QJsonObject session{{u"pool"_s, u"app"_s}, {u"key"_s, u"k1"_s}, {u"backend"_s, u"app2"_s},
        {u"pin"_s, QJsonObject{{u"backend"_s, u"app2"_s}, {u"expires"_s, isoTime(expires)}}}};
    api.setRoute("PUT", "/api/v1/sessions/app/k1", session);
    const CtlResult pin = runCtl(
        {u"--url"_s, api.url(), u"pin"_s, u"app"_s, u"k1"_s, u"app2"_s, u"--ttl"_s, u"600"_s});
    QVERIFY2(pin.exitCode == 0, qPrintable(pin.describe()));
    QVERIFY2(pin.out.startsWith(u"app/k1: pinned to app2 until "_s), qPrintable(pin.describe()));

    session[u"pin"_s] = QJsonObject{{u"backend"_s, u"app2"_s}, {u"expires"_s, QJsonValue::Null}};
    api.setRoute("PUT", "/api/v1/sessions/app/k1", session);
    const CtlResult rebind
        = runCtl({u"--url"_s, api.url(), u"rebind"_s, u"app"_s, u"k1"_s, u"app2"_s});
    QVERIFY2(rebind.exitCode == 0, qPrintable(rebind.describe()));
    QCOMPARE(rebind.out, u"app/k1: rebound to app2\n"_s);

    const QList<FakeRequest> puts = api.requests("PUT", "/api/v1/sessions/app/k1");
    QCOMPARE(puts.size(), 2);
    QCOMPARE(puts[0].json(), (QJsonObject{{u"backend"_s, u"app2"_s}, {u"ttl"_s, 600}}));
    QCOMPARE(puts[1].json(), (QJsonObject{{u"backend"_s, u"app2"_s}}));
}

void TestCtl::addAndRemoveBackends()
{
    FakeAdminApi api;
    QJsonObject app3 = backendJson(u"app3"_s, u"127.0.0.1:9103"_s);
    app3[u"weight"_s] = 5;
    app3[u"state"_s] = u"standby"_s;
    api.setRoute("POST", "/api/v1/pools/app/backends", app3, 201);
    const CtlResult add
        = runCtl({u"--url"_s, api.url(), u"add"_s, u"app"_s, u"app3"_s, u"127.0.0.1:9103"_s,
            u"--weight"_s, u"5"_s, u"--state=standby"_s, u"--max-conn"_s, u"50"_s});
    QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
    QCOMPARE(add.out, u"added app/app3 at 127.0.0.1:9103 (state standby, weight 5)\n"_s);
    QCOMPARE(api.requests("POST", "/api/v1/pools/app/backends").value(0).json(),
        (QJsonObject{{u"name"_s, u"app3"_s}, {u"address"_s, u"127.0.0.1:9103"_s}, {u"weight"_s, 5},
            {u"state"_s, u"standby"_s}, {u"max_conn"_s, 50}}));

    app3[u"removing"_s] = true;
    api.setRoute("DELETE", "/api/v1/pools/app/backends/app3",
        {jsonResponse(app3, 202), jsonResponse(QJsonObject{{u"removed"_s, u"app3"_s}})});
    const CtlResult removing = runCtl({u"--url"_s, api.url(), u"remove"_s, u"app/app3"_s});
    QVERIFY2(removing.exitCode == 0, qPrintable(removing.describe()));
    QCOMPARE(removing.out, u"app/app3: removing (draining)\n"_s);
    const CtlResult removed
        = runCtl({u"--url"_s, api.url(), u"remove"_s, u"app/app3"_s, u"--force"_s});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
    QCOMPARE(removed.out, u"app/app3: removed\n"_s);
    const QList<FakeRequest> deletes = api.requests("DELETE", "/api/v1/pools/app/backends/app3");
    QCOMPARE(deletes.size(), 2);
    QVERIFY(!deletes[0].query().hasQueryItem(u"force"_s));
    QCOMPARE(deletes[1].query().queryItemValue(u"force"_s), u"1"_s);
}

void TestCtl::traceMarksTheMovedRow()
{
    FakeAdminApi api;
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-10);
    QJsonObject moved = decisionJson(
        t0.addSecs(2), u"GET"_s, u"/cart"_s, u"backend-down-redispatched"_s, u"app2"_s, 200, 3.5);
    moved[u"changed_backend"_s] = true;
    moved[u"previous_backend"_s] = u"app1"_s;
    moved[u"change_cause"_s] = u"backend-down-redispatched"_s;
    const QJsonArray newestFirst{moved,
        decisionJson(t0.addSecs(1), u"POST"_s, u"/cart"_s, u"cookie-hit"_s, u"app1"_s, 201, 1.5),
        decisionJson(t0, u"GET"_s, u"/"_s, u"cookie-absent"_s, u"app1"_s, 200, 0.8)};
    api.setRoute("GET", "/api/v1/decisions", QJsonObject{{u"decisions"_s, newestFirst}});

    const CtlResult r = runCtl({u"--url"_s, api.url(), u"trace"_s, u"3f9a-app1-77"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.outLines();
    QVERIFY2(lines.size() == 4, qPrintable(r.describe()));
    QVERIFY2(QRegularExpression(u"^TIME +METHOD +TARGET +REASON +BACKEND +STATUS +MS$"_s)
                 .match(lines[0])
                 .hasMatch(),
        qPrintable(r.describe()));
    // Oldest first.
    QVERIFY2(QRegularExpression(u"^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +GET +/ +cookie-absent +app1 "
                                "+200 +0\\.8$"_s)
                 .match(lines[1])
                 .hasMatch(),
        qPrintable(r.describe()));
    QVERIFY2(QRegularExpression(u" +POST +/cart +cookie-hit +app1 +201 +1\\.5$"_s)
                 .match(lines[2])
                 .hasMatch(),
        qPrintable(r.describe()));
    QVERIFY(!lines[1].contains(u"<<"_s) && !lines[2].contains(u"<<"_s));
    QVERIFY2(lines[3].contains(u"backend-down-redispatched  app2"_s), qPrintable(r.describe()));
    QVERIFY2(lines[3].endsWith(u"<< moved from app1 (backend-down-redispatched)"_s),
        qPrintable(r.describe()));

    const QList<FakeRequest> requests = api.requests("GET", "/api/v1/decisions");
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].query().queryItemValue(u"session"_s), u"3f9a-app1-77"_s);
}

void TestCtl::inspectSendsTheCookie()
{
    FakeAdminApi api;
    api.setRoute("POST", "/api/v1/inspect",
        QJsonObject{{u"pool"_s, u"app"_s}, {u"mode"_s, u"insert"_s}, {u"key_seen"_s, true},
            {u"key"_s, u"x"_s}, {u"decoded"_s, QJsonValue::Null}, {u"detail"_s, u""_s},
            {u"reason"_s, u"cookie-hit"_s}, {u"backend"_s, u"app1"_s},
            {u"candidates"_s, QJsonArray{u"app1"_s, u"app2"_s}}, {u"algorithm"_s, u"roundrobin"_s},
            {u"session"_s, QJsonValue::Null},
            {u"summary"_s, u"SRV=x names app1, which is ready and up: it goes there"_s}});
    const CtlResult r = runCtl({u"--url"_s, api.url(), u"inspect"_s, u"Cookie: a=b; SRV=x"_s,
        u"--host"_s, u"shop.example"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.outLines();
    QVERIFY2(QRegularExpression(u"^reason: +cookie-hit$"_s)
                 .match(lineWith(lines, u"reason:"_s))
                 .hasMatch(),
        qPrintable(r.describe()));
    QVERIFY2(lineWith(lines, u"candidates:"_s).endsWith(u"app1, app2"_s), qPrintable(r.describe()));
    QCOMPARE(lines.last(), u"SRV=x names app1, which is ready and up: it goes there"_s);
    QCOMPARE(api.requests("POST", "/api/v1/inspect").value(0).json(),
        (QJsonObject{{u"cookie"_s, u"a=b; SRV=x"_s}, {u"host"_s, u"shop.example"_s}}));

    // Without the "Cookie:" prefix, the same.
    const CtlResult bare = runCtl({u"--url"_s, api.url(), u"inspect"_s, u"a=b; SRV=x"_s});
    QVERIFY2(bare.exitCode == 0, qPrintable(bare.describe()));
    QCOMPARE(api.requests("POST", "/api/v1/inspect").value(1).json(),
        (QJsonObject{{u"cookie"_s, u"a=b; SRV=x"_s}}));
}

void TestCtl::reloadPrintsChanges()
{
    FakeAdminApi api;
    api.setRoute("POST", "/api/v1/reload",
        QJsonObject{{u"reloaded"_s, true},
            {u"changes"_s,
                QJsonArray{u"pool app: backend app3 added"_s, u"pool app: app1 weight 1 -> 2"_s}}});
    const CtlResult r = runCtl({u"--url"_s, api.url(), u"reload"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(
        r.out, u"reloaded:\n  pool app: backend app3 added\n  pool app: app1 weight 1 -> 2\n"_s);
    QCOMPARE(api.requests("POST", "/api/v1/reload").size(), 1);
}

void TestCtl::reloadErrorsExitOne()
{
    FakeAdminApi api;
    api.setRoute("POST", "/api/v1/reload",
        QJsonObject{{u"error"_s, u"the config file is invalid"_s},
            {u"errors"_s,
                QJsonArray{u"/etc/limpet.toml:3:7: unknown key 'bnd'"_s,
                    u"/etc/limpet.toml:9:1: pool 'app' has no backend"_s}}},
        400);
    const CtlResult r = runCtl({u"--url"_s, api.url(), u"reload"_s});
    QVERIFY2(r.exitCode == 1, qPrintable(r.describe()));
    QCOMPARE(r.err.split(u'\n', Qt::SkipEmptyParts),
        QStringList({u"limpet ctl: 400: the config file is invalid"_s,
            u"/etc/limpet.toml:3:7: unknown key 'bnd'"_s,
            u"/etc/limpet.toml:9:1: pool 'app' has no backend"_s}));
    QVERIFY(r.out.isEmpty());
}

void TestCtl::configPrintsTheText()
{
    FakeAdminApi api;
    const QString text = u"[listener]\nbind = \"127.0.0.1:8080\"\n"_s;
    api.setRoute("GET", "/api/v1/config",
        QJsonObject{{u"file"_s, u"/etc/limpet.toml"_s}, {u"text"_s, text},
            {u"loaded"_s, u"2026-11-22T02:00:00.000Z"_s}, {u"reloads"_s, 0}});
    const CtlResult r = runCtl({u"--url"_s, api.url(), u"config"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    QCOMPARE(r.out, text);
}

void TestCtl::eventsStopsAfterCount()
{
    FakeAdminApi api;
    const QJsonObject state{{u"id"_s, 12}, {u"time"_s, isoTime(QDateTime::currentDateTimeUtc())},
        {u"kind"_s, u"state"_s}, {u"pool"_s, u"app"_s}, {u"backend"_s, u"app1"_s},
        {u"from"_s, u"ready"_s}, {u"to"_s, u"drain"_s}, {u"message"_s, u"set by admin API"_s}};
    const QJsonObject decision = decisionJson(QDateTime::currentDateTimeUtc(), u"GET"_s, u"/cart"_s,
        u"cookie-hit"_s, u"app1"_s, 200, 2.0);
    const QByteArray stream = ": hello\n\n"
                              "event: event\nid: 12\ndata: "
        + QJsonDocument(state).toJson(QJsonDocument::Compact)
        + "\n\n"
          "event: decision\r\nid: 13\r\ndata: "
        + QJsonDocument(decision).toJson(QJsonDocument::Compact)
        + "\r\n\r\n"
          "event: event\nid: 14\ndata: {\"kind\": \"weight\"}\n\n";
    api.setRoute(
        "GET", "/api/v1/events", {FakeResponse{200, stream, "text/event-stream", {}, true}});

    const CtlResult r = runCtl({u"--url"_s, api.url(), u"events"_s, u"--count"_s, u"2"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    const QStringList lines = r.outLines();
    QVERIFY2(lines.size() == 2, qPrintable(r.describe()));
    QVERIFY2(lines[0].contains(u"  state  app/app1  ready -> drain  set by admin API"_s),
        qPrintable(r.describe()));
    QVERIFY2(lines[1].contains(u"decision  app  10.0.0.5  GET /cart -> app1  cookie-hit  200"_s),
        qPrintable(r.describe()));

    const CtlResult json
        = runCtl({u"--url"_s, api.url(), u"--json"_s, u"events"_s, u"--count"_s, u"1"_s});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    QCOMPARE(QJsonDocument::fromJson(json.out.toUtf8()).object(), state);
    QCOMPARE(api.requests("GET", "/api/v1/events").value(0).header("accept"), "text/event-stream");

    // A stream that ends before --count is reached is reported.
    api.setRoute("GET", "/api/v1/events", {FakeResponse{200, stream, "text/event-stream"}});
    const CtlResult ended = runCtl({u"--url"_s, api.url(), u"events"_s, u"--count"_s, u"5"_s});
    QVERIFY2(ended.exitCode == 3, qPrintable(ended.describe()));
    QVERIFY2(ended.err.contains(u"closed"_s), qPrintable(ended.describe()));
}

QTEST_GUILESS_MAIN(TestCtl)
#include "tst_ctl.moc"
