// The two transports of ClusterClient held to the same checks: EmbeddedClient over an engine in
// this process, and RemoteClient over the real `limpet --no-gui` ($LIMPET_BINARY) and its admin
// API. Both run the same config file in front of the same test backends, so a view sees the same
// thing through either.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include "client/embeddedclient.h"
#include "client/operationtext.h"
#include "client/remoteclient.h"
#include "config/configloader.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <limits>
#include <memory>

using namespace LimpetTest;
using namespace Limpet;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

constexpr int WaitMs = 15000;
const QByteArray Token = "ui-client-test-token";

/// The TOML both transports run: pool "web" (insert, cookie SRV) of `backends`, admin token.
QByteArray configToml(const QList<const TestBackend *> &backends)
{
    QByteArray toml = "[listener]\nbind = \"127.0.0.1:0\"\nworkers = 1\n\n"
                      "[admin]\nbind = \"127.0.0.1:0\"\ntoken = \""
        + Token
        + "\"\n\n[timeouts]\nshutdown = 2000\n\n"
          "[[pool]]\nname = \"web\"\n[pool.sticky]\nmode = \"insert\"\ncookie = \"SRV\"\n";
    for (const TestBackend *b : backends)
        toml += "\n[[pool.backend]]\nname = \"" + b->name().toUtf8()
            + "\"\naddress = \"127.0.0.1:" + QByteArray::number(b->port()) + "\"\n";
    return toml;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/// A port on 127.0.0.1 free a moment ago (bound, then closed), for an admin API that must come
/// back on the same port after a restart.
quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

/// A running `limpet --no-gui --admin 127.0.0.1:PORT --config FILE`; killed in the destructor
/// if still running.
class LimpetProcess final
{
public:
    LimpetProcess(QString config, quint16 adminPort)
        : m_config(std::move(config))
        , m_adminPort(adminPort)
    { }
    ~LimpetProcess() { stop(); }
    Q_DISABLE_COPY_MOVE(LimpetProcess)

    /// Starts it and waits for the lines announcing the listener and the admin API. False on
    /// failure (see output()).
    bool start()
    {
        m_stdout.clear();
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(qEnvironmentVariable("LIMPET_BINARY"),
            {u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:%1"_s.arg(m_adminPort), u"--config"_s,
                m_config});
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression listening(
            u"Limpet listening on http://127\\.0\\.0\\.1:(\\d+)/"_s);
        static const QRegularExpression admin(u"Admin API on (http://[^/\\s]+/api/v1)"_s);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < WaitMs) {
            m_stdout += m_process.readAllStandardOutput();
            const QString text = QString::fromUtf8(m_stdout);
            const QRegularExpressionMatch l = listening.match(text);
            const QRegularExpressionMatch a = admin.match(text);
            if (l.hasMatch() && a.hasMatch()) {
                m_port = quint16(l.captured(1).toUInt());
                m_adminUrl = QUrl(a.captured(1));
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                return false;
            m_process.waitForReadyRead(200);
        }
        return false;
    }

    /// SIGTERM, and waits for the end.
    bool stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return true;
        m_process.terminate();
        if (m_process.waitForFinished(10000))
            return true;
        m_process.kill();
        return m_process.waitForFinished(5000);
    }

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] const QUrl &adminUrl() const { return m_adminUrl; }
    QByteArray output()
    {
        m_stdout += m_process.readAllStandardOutput();
        return m_stdout + "\n[stderr]\n" + m_process.readAllStandardError();
    }

private:
    QProcess m_process;
    QString m_config;
    quint16 m_adminPort;
    QByteArray m_stdout;
    quint16 m_port = 0;
    QUrl m_adminUrl;
};

/// Everything a ClusterClient signal carried, for the checks.
struct Spies
{
    explicit Spies(ClusterClient *c)
        : connection(c, &ClusterClient::connectionChanged)
        , snapshots(c, &ClusterClient::snapshotUpdated)
        , sessions(c, &ClusterClient::sessionsChanged)
        , decisions(c, &ClusterClient::decisionsArrived)
        , events(c, &ClusterClient::eventsArrived)
        , traces(c, &ClusterClient::traceReady)
        , inspects(c, &ClusterClient::inspectReady)
        , configs(c, &ClusterClient::configReady)
        , operations(c, &ClusterClient::operationFinished)
    { }

    QSignalSpy connection;
    QSignalSpy snapshots;
    QSignalSpy sessions;
    QSignalSpy decisions;
    QSignalSpy events;
    QSignalSpy traces;
    QSignalSpy inspects;
    QSignalSpy configs;
    QSignalSpy operations;

    [[nodiscard]] bool connected() const
    {
        return !connection.isEmpty() && connection.last().at(0).toBool();
    }
    [[nodiscard]] EngineSnapshot snapshot(qsizetype i) const
    {
        return snapshots.at(i).at(0).value<EngineSnapshot>();
    }
    [[nodiscard]] SessionChanges sessionChanges(qsizetype i) const
    {
        return sessions.at(i).at(0).value<SessionChanges>();
    }
    /// The session table as the changes received up to the i-th (included) make it.
    [[nodiscard]] QList<SessionInfo> sessionList(qsizetype i) const
    {
        QHash<QByteArray, SessionInfo> table;
        for (qsizetype j = 0; j <= i; ++j) {
            const SessionChanges c = sessionChanges(j);
            if (c.full)
                table.clear();
            for (const SessionKey &k : c.removed)
                table.remove(k.pool.toUtf8() + '\0' + k.key);
            for (const SessionInfo &s : c.sessions)
                table.insert(s.pool.toUtf8() + '\0' + s.key, s);
        }
        return table.values();
    }
    /// Every decision received so far, oldest first.
    [[nodiscard]] QList<TraceRecord> allDecisions() const
    {
        QList<TraceRecord> out;
        for (const QList<QVariant> &args : decisions)
            out += args.at(0).value<QList<TraceRecord>>();
        return out;
    }
    [[nodiscard]] QList<EngineEvent> allEvents() const
    {
        QList<EngineEvent> out;
        for (const QList<QVariant> &args : events)
            out += args.at(0).value<QList<EngineEvent>>();
        return out;
    }
};

/// One running cluster (two test backends behind Limpet) and a client on it; the client goes
/// first, then Limpet, then the backends.
struct Instance
{
    TestBackend b1{u"b1"_s};
    TestBackend b2{u"b2"_s};
    TestBackend b3{u"b3"_s}; ///< not in the config: for addBackend
    QTemporaryDir dir;
    QString configPath;
    std::unique_ptr<TestProxy> proxy; ///< embedded
    std::unique_ptr<LimpetProcess> process; ///< remote
    quint16 port = 0; ///< the listener
    std::unique_ptr<ClusterClient> client;
    std::unique_ptr<Spies> spies;
};

/// The backend of a SRV value "<8 hex>-<route>-<8 hex>" (route = name here).
QString backendOf(const QByteArray &srv)
{
    const QList<QByteArray> parts = srv.split('-');
    return parts.size() == 3 ? QString::fromUtf8(parts[1]) : QString();
}

const BackendSnapshot *findBackend(const EngineSnapshot &s, const QString &name)
{
    for (const PoolSnapshot &p : s.pools) {
        for (const BackendSnapshot &b : p.backends) {
            if (b.name == name)
                return &b;
        }
    }
    return nullptr;
}

const SessionInfo *findSession(const QList<SessionInfo> &list, const QByteArray &key)
{
    for (const SessionInfo &s : list) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestUiClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase_data();
    void init();
    void cleanup();

    void snapshotListsBackends();
    void decisionsArriveWithBackendAndReason();
    void drainShowsInSnapshotAndEvents();
    void weightShowsInSnapshot();
    void addAndRemoveBackend();
    void sessionsPinAndForget();
    void pausedSessionFeedResumesWithChanges();
    void twoClientsFollowOneTable();
    void inspectNamesCookieBackend();
    void traceIsOldestFirst();
    void tracedSessionComesWholeInASample();
    void unknownBackendIsAnError();
    void configAndReload();
    void callsNeverBlockTheGuiThread();
    void wrongTokenIsAnError();
    void reconnectsAfterRestart();

private:
    [[nodiscard]] static bool isRemote();
    /// Starts the client and waits until it says it is connected.
    [[nodiscard]] bool startClient();
    /// Waits for the next operationFinished after `before` of them; returns it as
    /// {what, error}, or nothing on timeout.
    [[nodiscard]] std::optional<std::pair<QString, QString>> nextOperation(qsizetype before);
    /// Waits for a snapshot after the first `from` in which `check` holds.
    [[nodiscard]] bool waitSnapshot(
        qsizetype from, const std::function<bool(const EngineSnapshot &)> &check);
    /// A new session through the proxy: its SRV value (empty on failure).
    [[nodiscard]] QByteArray newSession(const QByteArray &target);

    std::unique_ptr<Instance> m_instance;
};

void TestUiClient::initTestCase_data()
{
    QTest::addColumn<bool>("remote");
    QTest::newRow("embedded") << false;
    QTest::newRow("remote") << true;
}

bool TestUiClient::isRemote()
{
    QFETCH_GLOBAL(bool, remote);
    return remote;
}

void TestUiClient::init()
{
    if (isRemote() && qEnvironmentVariableIsEmpty("LIMPET_BINARY"))
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
    auto instance = std::make_unique<Instance>();
    QVERIFY(instance->b1.isListening() && instance->b2.isListening());
    QVERIFY(instance->dir.isValid());
    instance->configPath = instance->dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(instance->configPath, configToml({&instance->b1, &instance->b2})));
    if (isRemote()) {
        const quint16 adminPort = freePort();
        QVERIFY(adminPort != 0);
        instance->process = std::make_unique<LimpetProcess>(instance->configPath, adminPort);
        QVERIFY2(instance->process->start(), instance->process->output().constData());
        instance->port = instance->process->port();
        instance->client = std::make_unique<RemoteClient>(instance->process->adminUrl(), Token);
    } else {
        ConfigResult loaded = loadConfigFile(instance->configPath);
        QVERIFY(std::holds_alternative<Config>(loaded));
        Config config = std::get<Config>(std::move(loaded));
        config.admin.reset(); // the GUI reads the engine directly
        instance->proxy = std::make_unique<TestProxy>(config);
        QVERIFY2(instance->proxy->isRunning(), qPrintable(instance->proxy->error()));
        instance->port = instance->proxy->port();
        instance->client = std::make_unique<EmbeddedClient>(&instance->proxy->engine());
    }
    instance->spies = std::make_unique<Spies>(instance->client.get());
    m_instance = std::move(instance);
}

void TestUiClient::cleanup()
{
    m_instance.reset();
}

bool TestUiClient::startClient()
{
    m_instance->client->start();
    return QTest::qWaitFor([this] { return m_instance->spies->connected(); }, WaitMs);
}

std::optional<std::pair<QString, QString>> TestUiClient::nextOperation(qsizetype before)
{
    QSignalSpy &ops = m_instance->spies->operations;
    if (!QTest::qWaitFor([&] { return ops.size() > before; }, WaitMs))
        return std::nullopt;
    return std::pair{ops.at(before).at(0).toString(), ops.at(before).at(1).toString()};
}

bool TestUiClient::waitSnapshot(
    qsizetype from, const std::function<bool(const EngineSnapshot &)> &check)
{
    const Spies &spies = *m_instance->spies;
    qsizetype next = from;
    return QTest::qWaitFor(
        [&] {
            for (; next < spies.snapshots.size(); ++next) {
                if (check(spies.snapshot(next)))
                    return true;
            }
            return false;
        },
        WaitMs);
}

QByteArray TestUiClient::newSession(const QByteArray &target)
{
    const HttpResponse r = httpGet(m_instance->port, target);
    if (r.status != 200)
        return {};
    return r.setCookieValue("SRV");
}

void TestUiClient::snapshotListsBackends()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    QVERIFY(waitSnapshot(0, [](const EngineSnapshot &) { return true; }));
    const EngineSnapshot s = spies.snapshot(spies.snapshots.size() - 1);
    QVERIFY(!s.listen.isEmpty());
    QVERIFY(s.timeMs > 0);
    QVERIFY(s.startedMs > 0 && s.startedMs <= s.timeMs);
    QCOMPARE(s.pools.size(), 1);
    const PoolSnapshot &pool = s.pools.first();
    QCOMPARE(pool.name, u"web"_s);
    QCOMPARE(pool.affinityMode, u"insert"_s);
    QCOMPARE(pool.backends.size(), 2);
    QCOMPARE(pool.backends.at(0).name, u"b1"_s);
    QCOMPARE(pool.backends.at(1).name, u"b2"_s);
    QCOMPARE(pool.backends.at(0).address, u"127.0.0.1:%1"_s.arg(m_instance->b1.port()));
    QCOMPARE(pool.backends.at(1).address, u"127.0.0.1:%1"_s.arg(m_instance->b2.port()));
    for (const BackendSnapshot &b : pool.backends) {
        QCOMPARE(b.pool, u"web"_s);
        QCOMPARE(toString(b.state), u"ready"_s);
        QCOMPARE(toString(b.health), u"up"_s);
        QCOMPARE(b.weight, 1);
        QVERIFY(!b.removing);
    }

    // Counters follow the traffic.
    const qsizetype before = spies.snapshots.size();
    QVERIFY(!newSession("/count").isEmpty());
    QVERIFY(waitSnapshot(before, [](const EngineSnapshot &s) {
        quint64 requests = 0;
        quint64 ok = 0;
        for (const BackendSnapshot &b : s.pools.value(0).backends) {
            requests += b.requests;
            ok += b.responses[2];
        }
        return requests == 1 && ok == 1
            && s.pools.value(0).decisions[static_cast<size_t>(ReasonCode::CookieAbsent)] == 1;
    }));
}

void TestUiClient::decisionsArriveWithBackendAndReason()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const HttpResponse first = httpGet(m_instance->port, "/first");
    QCOMPARE(first.status, 200);
    const QByteArray srv = first.setCookieValue("SRV");
    QVERIFY(!srv.isEmpty());
    const HttpResponse second
        = httpGet(m_instance->port, "/second?x=1", {{"Cookie", "SRV=" + srv}});
    QCOMPARE(second.body, first.body);

    const auto indexOf = [&](const QList<TraceRecord> &list, const QString &target) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            if (list.at(i).target == target)
                return i;
        }
        return qsizetype(-1);
    };
    QVERIFY(QTest::qWaitFor(
        [&] { return indexOf(spies.allDecisions(), u"/second?x=1"_s) >= 0; }, WaitMs));
    const QList<TraceRecord> all = spies.allDecisions();
    const qsizetype a = indexOf(all, u"/first"_s);
    const qsizetype b = indexOf(all, u"/second?x=1"_s);
    QVERIFY(a >= 0);
    QVERIFY(a < b); // oldest first
    const TraceRecord &d1 = all.at(a);
    const TraceRecord &d2 = all.at(b);
    QCOMPARE(d1.pool, u"web"_s);
    QCOMPARE(d1.method, u"GET"_s);
    QCOMPARE(d1.client, u"127.0.0.1"_s);
    QCOMPARE(d1.mode, u"insert"_s);
    QCOMPARE(d1.reason, u"cookie-absent"_s);
    QCOMPARE(d1.backend, QString::fromUtf8(first.body));
    QCOMPARE(d1.key, QString::fromUtf8(srv));
    QVERIFY(d1.keySeen.isEmpty());
    QVERIFY(d1.setCookie.startsWith(u"SRV="_s + QString::fromUtf8(srv)));
    QVERIFY(!d1.algorithm.isEmpty());
    QVERIFY(d1.timeMs > 0);
    QCOMPARE(d2.reason, u"cookie-hit"_s);
    QCOMPARE(d2.backend, QString::fromUtf8(first.body));
    QCOMPARE(d2.keySeen, QString::fromUtf8(srv));
    QVERIFY(d2.setCookie.isEmpty());
    QVERIFY(!d2.changedBackend);
    QVERIFY(d1.timeMs <= d2.timeMs);
}

void TestUiClient::drainShowsInSnapshotAndEvents()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const qsizetype ops = spies.operations.size();
    m_instance->client->setBackendState(u"web"_s, u"b1"_s, BackendState::Drain);
    const auto done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    QVERIFY(done->first.contains(u"web/b1"_s));

    QVERIFY(waitSnapshot(spies.snapshots.size(), [](const EngineSnapshot &s) {
        const BackendSnapshot *b = findBackend(s, u"b1"_s);
        return b && b->state == BackendState::Drain && b->stateSinceMs > 0;
    }));
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const EngineEvent &e : spies.allEvents()) {
                if (e.kind == "state"_L1 && e.pool == "web"_L1 && e.backend == "b1"_L1
                    && e.from == "ready"_L1 && e.to == "drain"_L1 && e.id > 0 && e.timeMs > 0)
                    return true;
            }
            return false;
        },
        WaitMs));
    // What the user notices: new sessions go to b2 only.
    for (int i = 0; i < 3; ++i) {
        const HttpResponse r = httpGet(m_instance->port, "/");
        QCOMPARE(r.body, QByteArray("b2"));
    }
}

void TestUiClient::weightShowsInSnapshot()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const qsizetype ops = spies.operations.size();
    m_instance->client->setBackendWeight(u"web"_s, u"b2"_s, 7);
    const auto done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    QVERIFY(waitSnapshot(spies.snapshots.size(), [](const EngineSnapshot &s) {
        const BackendSnapshot *b = findBackend(s, u"b2"_s);
        return b && b->weight == 7;
    }));
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const EngineEvent &e : spies.allEvents()) {
                if (e.kind == "weight"_L1 && e.backend == "b2"_L1)
                    return true;
            }
            return false;
        },
        WaitMs));
}

void TestUiClient::addAndRemoveBackend()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    BackendConfig b3 = backendConfig(m_instance->b3, 2);
    b3.state = u"ready"_s;
    qsizetype ops = spies.operations.size();
    m_instance->client->addBackend(u"web"_s, b3);
    auto done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    QVERIFY(waitSnapshot(spies.snapshots.size(), [&](const EngineSnapshot &s) {
        const BackendSnapshot *b = findBackend(s, u"b3"_s);
        return b && b->weight == 2 && b->address == u"127.0.0.1:%1"_s.arg(m_instance->b3.port());
    }));

    ops = spies.operations.size();
    m_instance->client->removeBackend(u"web"_s, u"b3"_s, true);
    done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    QVERIFY(waitSnapshot(spies.snapshots.size(), [](const EngineSnapshot &s) {
        return !findBackend(s, u"b3"_s) && s.pools.value(0).backends.size() == 2;
    }));
}

void TestUiClient::sessionsPinAndForget()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const QByteArray key = newSession("/s");
    QVERIFY(!key.isEmpty());
    const QString home = backendOf(key);
    const QString other = home == "b1"_L1 ? u"b2"_s : u"b1"_s;

    m_instance->client->setSessionFeed(SessionFeed::On);
    const auto waitSessions
        = [&](qsizetype from, const std::function<bool(const QList<SessionInfo> &)> &check) {
              qsizetype next = from;
              return QTest::qWaitFor(
                  [&] {
                      for (; next < spies.sessions.size(); ++next) {
                          if (check(spies.sessionList(next)))
                              return true;
                      }
                      return false;
                  },
                  WaitMs);
          };
    QVERIFY(waitSessions(0, [&](const QList<SessionInfo> &list) {
        const SessionInfo *s = findSession(list, key);
        return s && s->pool == "web"_L1 && s->backend == home && s->requests == 1
            && s->client == QHostAddress(QHostAddress::LocalHost) && s->firstSeenMs > 0
            && s->lastSeenMs >= s->firstSeenMs && s->pinnedBackend.isEmpty();
    }));
    // The first update is the whole table; then only what changed comes.
    QVERIFY(spies.sessionChanges(0).full);

    // A pin for ten minutes: the session's requests go to the other backend.
    qsizetype ops = spies.operations.size();
    m_instance->client->pinSession(u"web"_s, key, other, 600);
    auto done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    const HttpResponse pinned = httpGet(m_instance->port, "/s2", {{"Cookie", "SRV=" + key}});
    QCOMPARE(pinned.body, other.toUtf8());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(waitSessions(spies.sessions.size(), [&](const QList<SessionInfo> &list) {
        const SessionInfo *s = findSession(list, key);
        return s && s->pinnedBackend == other && s->pinUntilMs > now + 500 * 1000;
    }));

    // Forgotten: gone from the table.
    ops = spies.operations.size();
    m_instance->client->forgetSession(u"web"_s, key);
    done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    const qsizetype beforeForget = spies.sessions.size();
    QVERIFY(waitSessions(
        beforeForget, [&](const QList<SessionInfo> &list) { return !findSession(list, key); }));
    // Not the whole table again (either transport): the one key that went.
    bool removedKey = false;
    for (qsizetype i = beforeForget; i < spies.sessions.size(); ++i) {
        const SessionChanges c = spies.sessionChanges(i);
        QVERIFY(!c.full);
        for (const SessionKey &k : c.removed)
            removedKey = removedKey || (k.key == key && k.pool == "web"_L1);
    }
    QVERIFY(removedKey);

    // A rebind (no ttl) of a key an operator typed, with characters a path segment must encode.
    const QByteArray odd = "a/b c?d%&+\xc3\xa9";
    ops = spies.operations.size();
    m_instance->client->pinSession(u"web"_s, odd, u"b2"_s, std::nullopt);
    done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    QVERIFY(waitSessions(spies.sessions.size(), [&](const QList<SessionInfo> &list) {
        const SessionInfo *s = findSession(list, odd);
        return s && s->pinnedBackend == "b2"_L1 && s->pinUntilMs == 0;
    }));
    ops = spies.operations.size();
    m_instance->client->forgetSession(u"web"_s, odd);
    done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    QVERIFY(waitSessions(spies.sessions.size(),
        [&](const QList<SessionInfo> &list) { return !findSession(list, odd); }));

    // Forgetting what is not there is an error.
    ops = spies.operations.size();
    m_instance->client->forgetSession(u"web"_s, "no/such key");
    done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY(!done->second.isEmpty());
}

void TestUiClient::pausedSessionFeedResumesWithChanges()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const QByteArray kept = newSession("/kept");
    const QByteArray gone = newSession("/gone");
    QVERIFY(!kept.isEmpty() && !gone.isEmpty());
    ClusterClient *c = m_instance->client.get();
    c->setSessionFeed(SessionFeed::On);
    QTRY_VERIFY_WITH_TIMEOUT(!spies.sessions.isEmpty(), WaitMs);
    QVERIFY(spies.sessionChanges(0).full);
    QCOMPARE(spies.sessionList(0).size(), 2);

    // Hidden: nothing comes, while a session goes and another arrives.
    c->setSessionFeed(SessionFeed::Paused);
    const qsizetype before = spies.sessions.size();
    const qsizetype ops = spies.operations.size();
    c->forgetSession(u"web"_s, gone);
    const auto done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    const QByteArray fresh = newSession("/fresh");
    QVERIFY(!fresh.isEmpty());
    // Five snapshots later (2.5 s, more than a paused poll's interval): still nothing sent.
    const qsizetype snapshots = spies.snapshots.size();
    QTRY_VERIFY_WITH_TIMEOUT(spies.snapshots.size() >= snapshots + 5, WaitMs);
    QCOMPARE(spies.sessions.size(), before);

    // Shown again: what changed meanwhile, not the whole table.
    c->setSessionFeed(SessionFeed::On);
    QTRY_VERIFY_WITH_TIMEOUT(spies.sessions.size() > before, WaitMs);
    const SessionChanges resumed = spies.sessionChanges(before);
    QVERIFY(!resumed.full);
    QCOMPARE(resumed.removed.size(), 1);
    QCOMPARE(resumed.removed.first().key, gone);
    QCOMPARE(resumed.sessions.size(), 1);
    QCOMPARE(resumed.sessions.first().key, fresh);
    const QList<SessionInfo> table = spies.sessionList(before);
    QCOMPARE(table.size(), 2);
    QVERIFY(findSession(table, kept));
    QVERIFY(findSession(table, fresh));

    // Off drops the feed: On starts again from the whole table.
    c->setSessionFeed(SessionFeed::Off);
    const qsizetype afterOff = spies.sessions.size();
    c->setSessionFeed(SessionFeed::On);
    QTRY_VERIFY_WITH_TIMEOUT(spies.sessions.size() > afterOff, WaitMs);
    QVERIFY(spies.sessionChanges(afterOff).full);
    QCOMPARE(spies.sessionChanges(afterOff).sessions.size(), 2);
}

void TestUiClient::twoClientsFollowOneTable()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    QVERIFY(!newSession("/one").isEmpty());
    // A second window on the same instance.
    std::unique_ptr<ClusterClient> second;
    if (isRemote())
        second = std::make_unique<RemoteClient>(m_instance->process->adminUrl(), Token);
    else
        second = std::make_unique<EmbeddedClient>(&m_instance->proxy->engine());
    const Spies secondSpies(second.get());
    second->start();
    m_instance->client->setSessionFeed(SessionFeed::On);
    second->setSessionFeed(SessionFeed::On);
    QVERIFY(QTest::qWaitFor(
        [&] { return !spies.sessions.isEmpty() && !secondSpies.sessions.isEmpty(); }, WaitMs));
    QVERIFY(spies.sessionChanges(0).full);
    QVERIFY(secondSpies.sessionChanges(0).full);

    // New sessions reach both as changes: neither reader makes the other start over.
    const qsizetype from = spies.sessions.size();
    const qsizetype secondFrom = secondSpies.sessions.size();
    QByteArray last;
    for (int i = 0; i < 3; ++i) {
        last = newSession("/more");
        QVERIFY(!last.isEmpty());
    }
    const auto arrived = [&](const Spies &sp, qsizetype start) {
        return QTest::qWaitFor(
            [&] {
                for (qsizetype i = start; i < sp.sessions.size(); ++i) {
                    for (const SessionInfo &s : sp.sessionChanges(i).sessions) {
                        if (s.key == last)
                            return true;
                    }
                }
                return false;
            },
            WaitMs);
    };
    QVERIFY(arrived(spies, from));
    QVERIFY(arrived(secondSpies, secondFrom));
    for (qsizetype i = from; i < spies.sessions.size(); ++i)
        QVERIFY2(!spies.sessionChanges(i).full, "the first window got a whole table again");
    for (qsizetype i = secondFrom; i < secondSpies.sessions.size(); ++i)
        QVERIFY2(!secondSpies.sessionChanges(i).full, "the second window got a whole table again");
    QCOMPARE(spies.sessionList(spies.sessions.size() - 1).size(), 4);
    QCOMPARE(secondSpies.sessionList(secondSpies.sessions.size() - 1).size(), 4);
}

void TestUiClient::inspectNamesCookieBackend()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const QByteArray key = newSession("/i");
    QVERIFY(!key.isEmpty());
    InspectRequest request;
    request.cookie = "lang=en; SRV=" + key;
    request.path = "/cart";
    m_instance->client->inspect(request);
    QVERIFY(QTest::qWaitFor([&] { return !spies.inspects.isEmpty(); }, WaitMs));
    const InspectAnswer answer = spies.inspects.first().at(0).value<InspectAnswer>();
    QCOMPARE(answer.decision.backend, backendOf(key));
    QCOMPARE(answer.decision.reason, u"cookie-hit"_s);
    QCOMPARE(answer.decision.pool, u"web"_s);
    QCOMPARE(answer.decision.keySeen, QString::fromUtf8(key));
    QVERIFY(answer.session);
    QCOMPARE(answer.session->key, key);
    QCOMPARE(answer.session->backend, backendOf(key));
    QVERIFY(!answer.summary.isEmpty());

    // No cookie: a new session, balanced over the candidates.
    m_instance->client->inspect(InspectRequest());
    QVERIFY(QTest::qWaitFor([&] { return spies.inspects.size() == 2; }, WaitMs));
    const InspectAnswer fresh = spies.inspects.at(1).at(0).value<InspectAnswer>();
    QCOMPARE(fresh.decision.reason, u"cookie-absent"_s);
    QVERIFY(!fresh.session);
    QCOMPARE(fresh.decision.candidates.size(), 2);
}

void TestUiClient::traceIsOldestFirst()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const QByteArray key = newSession("/t1");
    QVERIFY(!key.isEmpty());
    QVERIFY(!newSession("/someone-else").isEmpty());
    {
        TestClient c(m_instance->port);
        for (const QByteArray target : {"/t2", "/t3", "/t4"})
            QCOMPARE(c.request("GET", target, {{"Cookie", "SRV=" + key}}).status, 200);
    }
    // Once the live path has seen the last one, the record is there to be traced.
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (const TraceRecord &d : spies.allDecisions()) {
                if (d.target == "/t4"_L1)
                    return true;
            }
            return false;
        },
        WaitMs));
    m_instance->client->requestTrace(key, {}, 100);
    QVERIFY(QTest::qWaitFor([&] { return !spies.traces.isEmpty(); }, WaitMs));
    QCOMPARE(spies.traces.first().at(0).toByteArray(), key);
    QCOMPARE(spies.traces.first().at(1).toString(), QString());
    const QList<TraceRecord> records = spies.traces.first().at(2).value<QList<TraceRecord>>();
    QStringList targets;
    for (const TraceRecord &r : records) {
        targets.append(r.target);
        QCOMPARE(r.backend, backendOf(key));
        QCOMPARE(r.key, QString::fromUtf8(key));
    }
    QCOMPARE(targets, (QStringList{u"/t1"_s, u"/t2"_s, u"/t3"_s, u"/t4"_s}));

    // By client: everything from 127.0.0.1, limited to the newest two, still oldest first.
    m_instance->client->requestTrace({}, u"127.0.0.1"_s, 2);
    QVERIFY(QTest::qWaitFor([&] { return spies.traces.size() == 2; }, WaitMs));
    const QList<TraceRecord> byClient = spies.traces.at(1).at(2).value<QList<TraceRecord>>();
    QCOMPARE(byClient.size(), 2);
    QCOMPARE(byClient.at(0).target, u"/t3"_s);
    QCOMPARE(byClient.at(1).target, u"/t4"_s);
}

void TestUiClient::tracedSessionComesWholeInASample()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const QByteArray key = newSession("/traced");
    QVERIFY(!key.isEmpty());
    m_instance->client->requestTrace(key, {}, 100);
    QVERIFY(QTest::qWaitFor([&] { return !spies.traces.isEmpty(); }, WaitMs));
    const qsizetype before = spies.decisions.size();

    // A burst of other sessions' requests with the traced session's among them, while the feed
    // is the default sample.
    constexpr int Others = 600;
    constexpr int Traced = 12;
    QElapsedTimer burst;
    burst.start();
    {
        TestClient c(m_instance->port);
        for (int i = 0; i < Others; ++i) {
            QCOMPARE(c.request("GET", "/other", {}).status, 200);
            if (i % (Others / Traced) == 0) {
                const QByteArray target = "/traced-" + QByteArray::number(i);
                QCOMPARE(c.request("GET", target, {{"Cookie", "SRV=" + key}}).status, 200);
            }
        }
    }
    const qint64 burstMs = burst.elapsed();
    const auto count = [&](QLatin1StringView prefix) {
        int n = 0;
        for (qsizetype i = before; i < spies.decisions.size(); ++i) {
            for (const TraceRecord &d : spies.decisions.at(i).at(0).value<QList<TraceRecord>>())
                n += d.target.startsWith(prefix) ? 1 : 0;
        }
        return n;
    };
    // Every one of the traced session's comes live...
    QVERIFY2(QTest::qWaitFor([&] { return count("/traced-"_L1) == Traced; }, WaitMs),
        qPrintable(u"%1 of the traced session's %2 requests came"_s.arg(count("/traced-"_L1))
                       .arg(Traced)));
    // ...and of the others, at most a sample of about 200 a second (the embedded poller takes
    // 20 per 100 ms, a remote stream 50 per 250 ms), however fast they came.
    const int perTick = isRemote() ? 50 : 20;
    const qint64 tickMs = isRemote() ? 250 : 100;
    const qint64 bound = perTick * (burstMs / tickMs + 3);
    const int others = count("/other"_L1);
    QVERIFY2(others <= bound,
        qPrintable(u"%1 of %2 other decisions came in %3 ms (a sample allows %4)"_s.arg(others)
                       .arg(Others)
                       .arg(burstMs)
                       .arg(bound)));
}

void TestUiClient::unknownBackendIsAnError()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    const auto refused = [&](const std::function<void()> &call) {
        const qsizetype ops = spies.operations.size();
        call();
        const auto done = nextOperation(ops);
        return done && !done->second.isEmpty() && !done->first.isEmpty();
    };
    ClusterClient *c = m_instance->client.get();
    QVERIFY(refused([c] { c->setBackendState(u"web"_s, u"nope"_s, BackendState::Drain); }));
    QVERIFY(refused([c] { c->setBackendWeight(u"web"_s, u"nope"_s, 2); }));
    QVERIFY(refused([c] { c->removeBackend(u"web"_s, u"nope"_s, true); }));
    QVERIFY(refused([c] { c->setBackendState(u"no pool"_s, u"b1"_s, BackendState::Maint); }));
    QVERIFY(refused([c] { c->pinSession(u"web"_s, "k", u"nope"_s, std::nullopt); }));
    QVERIFY(refused([&] {
        c->addBackend(u"web"_s, backendConfig(m_instance->b1)); // the name is taken
    }));
    // Nothing changed.
    QVERIFY(waitSnapshot(spies.snapshots.size(), [](const EngineSnapshot &s) {
        const BackendSnapshot *b = findBackend(s, u"b1"_s);
        return b && b->state == BackendState::Ready && s.pools.value(0).backends.size() == 2;
    }));
}

void TestUiClient::configAndReload()
{
    QVERIFY(startClient());
    const Spies &spies = *m_instance->spies;
    m_instance->client->requestConfig();
    QVERIFY(QTest::qWaitFor([&] { return !spies.configs.isEmpty(); }, WaitMs));
    QCOMPARE(QFileInfo(spies.configs.first().at(0).toString()).canonicalFilePath(),
        QFileInfo(m_instance->configPath).canonicalFilePath());
    const QString text = spies.configs.first().at(1).toString();
    QVERIFY(text.contains(u"[[pool.backend]]"_s));
    QVERIFY(text.contains(u"127.0.0.1:%1"_s.arg(m_instance->b2.port())));

    qsizetype ops = spies.operations.size();
    m_instance->client->reload();
    auto done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));

    // A broken file: refused, with the file's errors ("file:line:col: message").
    QVERIFY(writeFile(m_instance->configPath, "[listener]\nbind = 42\n"));
    ops = spies.operations.size();
    m_instance->client->reload();
    done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY(!done->second.isEmpty());
    QVERIFY2(done->second.contains(u"limpet.toml:2:"_s), qPrintable(done->second));
}

void TestUiClient::callsNeverBlockTheGuiThread()
{
    if (isRemote())
        QSKIP("the embedded client's calls (the remote one is QNetworkAccessManager's)");
    ClusterClient *c = m_instance->client.get();
    const Spies &spies = *m_instance->spies;
    // Work the poller thread hard meanwhile: sessions to copy, decisions to convert.
    for (int i = 0; i < 20; ++i)
        QVERIFY(!newSession("/busy").isEmpty());
    const QByteArray key = newSession("/k");
    QVERIFY(!key.isEmpty());

    const QList<std::pair<const char *, std::function<void()>>> calls{
        {"start", [c] { c->start(); }},
        {"setSessionFeed(On)", [c] { c->setSessionFeed(SessionFeed::On); }},
        {"setBackendState", [c] { c->setBackendState(u"web"_s, u"b1"_s, BackendState::Drain); }},
        {"setBackendWeight", [c] { c->setBackendWeight(u"web"_s, u"b1"_s, 3); }},
        {"addBackend", [&] { c->addBackend(u"web"_s, backendConfig(m_instance->b3)); }},
        {"removeBackend", [c] { c->removeBackend(u"web"_s, u"b3"_s, true); }},
        {"pinSession", [&] { c->pinSession(u"web"_s, key, u"b2"_s, 60); }},
        {"forgetSession", [&] { c->forgetSession(u"web"_s, key); }},
        {"inspect",
            [&] {
                InspectRequest r;
                r.cookie = "SRV=" + key;
                c->inspect(r);
            }},
        {"requestTrace", [&] { c->requestTrace(key, {}, 1000); }},
        {"requestConfig", [c] { c->requestConfig(); }},
        {"reload", [c] { c->reload(); }},
        {"setSessionFeed(Off)", [c] { c->setSessionFeed(SessionFeed::Off); }},
    };
    // Each call, five times: the fastest must take under 5 ms. A call that waits on the engine
    // is slow every time; a busy machine only preempts the odd one.
    constexpr int Rounds = 5;
    QList<qint64> fastestUs(calls.size(), std::numeric_limits<qint64>::max());
    for (int round = 0; round < Rounds; ++round) {
        for (qsizetype i = 0; i < calls.size(); ++i) {
            QElapsedTimer timer;
            timer.start();
            calls.at(i).second();
            fastestUs[i] = qMin(fastestUs.at(i), timer.nsecsElapsed() / 1000);
        }
    }
    for (qsizetype i = 0; i < calls.size(); ++i) {
        QVERIFY2(fastestUs.at(i) < 5000,
            qPrintable(
                u"%1 took %2 us"_s.arg(QLatin1StringView(calls.at(i).first)).arg(fastestUs.at(i))));
    }
    // And everything was answered, from the other thread.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return spies.connected() && spies.operations.size() == Rounds * 7
                && spies.traces.size() == Rounds && spies.configs.size() == Rounds
                && spies.inspects.size() >= 1;
        },
        WaitMs));
}

void TestUiClient::wrongTokenIsAnError()
{
    if (!isRemote())
        QSKIP("the embedded client has no token");
    RemoteClient wrong(m_instance->process->adminUrl(), "not-the-token");
    Spies spies(&wrong);
    QCOMPARE(wrong.name(), m_instance->process->adminUrl().toString());
    QVERIFY(wrong.isRemote());
    wrong.start();
    QVERIFY(QTest::qWaitFor([&] { return !spies.connection.isEmpty(); }, WaitMs));
    QCOMPARE(spies.connection.first().at(0).toBool(), false);
    QVERIFY(!spies.connection.first().at(1).toString().isEmpty());
    wrong.setBackendState(u"web"_s, u"b1"_s, BackendState::Drain);
    QVERIFY(QTest::qWaitFor([&] { return !spies.operations.isEmpty(); }, WaitMs));
    QVERIFY(!spies.operations.first().at(1).toString().isEmpty());
    QVERIFY(spies.snapshots.isEmpty());

    // The session table, refused too: said, not left as an empty Sessions tab.
    const qsizetype ops = spies.operations.size();
    wrong.setSessionFeed(SessionFeed::On);
    QVERIFY(QTest::qWaitFor([&] { return spies.operations.size() > ops; }, WaitMs));
    QCOMPARE(spies.operations.at(ops).at(0).toString(), Limpet::OperationText::readSessions());
    const QString refusal = spies.operations.at(ops).at(1).toString();
    QVERIFY2(refusal.contains(u"token"_s, Qt::CaseInsensitive), qPrintable(refusal));
    QVERIFY(spies.sessions.isEmpty());
}

void TestUiClient::reconnectsAfterRestart()
{
    if (!isRemote())
        QSKIP("the embedded client is always connected");
    QVERIFY(startClient());
    Spies &spies = *m_instance->spies;
    QVERIFY(QTest::qWaitFor([&] { return !spies.snapshots.isEmpty(); }, WaitMs));

    QVERIFY(m_instance->process->stop());
    QVERIFY(QTest::qWaitFor([&] { return !spies.connected(); }, WaitMs));
    QVERIFY(!spies.connection.last().at(1).toString().isEmpty());
    // While it is gone, operations say why.
    qsizetype ops = spies.operations.size();
    m_instance->client->setBackendState(u"web"_s, u"b1"_s, BackendState::Drain);
    auto done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY(!done->second.isEmpty());

    // Back on the same admin port: connected again (within the 10 s backoff), fresh data.
    QVERIFY2(m_instance->process->start(), m_instance->process->output().constData());
    m_instance->port = m_instance->process->port();
    const qsizetype snapshots = spies.snapshots.size();
    QVERIFY(QTest::qWaitFor([&] { return spies.connected(); }, 30000));
    QVERIFY(waitSnapshot(snapshots, [](const EngineSnapshot &s) {
        const BackendSnapshot *b = findBackend(s, u"b1"_s);
        return b && b->state == BackendState::Ready;
    }));
    ops = spies.operations.size();
    m_instance->client->setBackendState(u"web"_s, u"b1"_s, BackendState::Maint);
    done = nextOperation(ops);
    QVERIFY(done);
    QVERIFY2(done->second.isEmpty(), qPrintable(done->second));
    const qsizetype decisions = spies.decisions.size();
    QCOMPARE(httpGet(m_instance->port, "/after").body, QByteArray("b2"));
    QVERIFY(QTest::qWaitFor([&] { return spies.decisions.size() > decisions; }, WaitMs));
}

QTEST_MAIN(TestUiClient)
#include "tst_ui_client.moc"
