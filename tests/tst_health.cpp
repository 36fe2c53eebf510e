// Tests of the active health checks (engine/health/healthmonitor.h): which checks pass and fail,
// when a backend goes down and comes back (fall, rise, passive health), and which backends are
// checked at all. The monitor runs in the test thread; the test backends in their own threads.

#include "health/healthmonitor.h"
#include "pool/pool.h"
#include "testbackend.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using Limpet::BackendPtr;
using Limpet::Health;
using Limpet::HealthConfig;
using Limpet::HealthMonitor;
using Limpet::PoolPtr;
using LimpetTest::Behaviour;
using LimpetTest::TestBackend;

namespace {

constexpr int waitMs = 5000;

/// One health change the monitor reported.
struct Event
{
    QString pool;
    QString backend;
    QString from; ///< "up" / "down"
    QString to;
    QString message;
};

HealthConfig healthConfig(const QString &type, int fall, int rise,
    std::chrono::milliseconds interval = 50ms, std::chrono::milliseconds timeout = 500ms)
{
    HealthConfig config;
    config.enabled = true;
    config.type = type;
    config.path = u"/health"_s;
    config.fall = fall;
    config.rise = rise;
    config.interval = interval;
    config.timeout = timeout;
    return config;
}

Limpet::BackendConfig backendConfig(const QString &name, quint16 port)
{
    Limpet::BackendConfig config;
    config.name = name;
    config.address = Limpet::Endpoint{QHostAddress::LocalHost, port};
    return config;
}

/// A pool "name" of backends b0, b1, ... on these ports of 127.0.0.1.
PoolPtr makePool(const QString &name, const QList<quint16> &ports, const HealthConfig &health)
{
    Limpet::PoolConfig config;
    config.name = name;
    config.sticky.mode = u"none"_s;
    config.health = health;
    for (qsizetype i = 0; i < ports.size(); ++i)
        config.backends.append(backendConfig(u"b%1"_s.arg(i), ports.at(i)));
    return std::make_shared<Limpet::Pool>(config);
}

QString healthOf(const BackendPtr &backend)
{
    return Limpet::toString(backend->health());
}

/// Status of the backend's last check; -1 when it was never checked.
int lastStatus(const BackendPtr &backend)
{
    const std::optional<Limpet::CheckResult> last = backend->lastCheck();
    return last ? last->status : -1;
}

/// Whether the backend's last check passed; false when it was never checked.
bool lastPassed(const BackendPtr &backend)
{
    const std::optional<Limpet::CheckResult> last = backend->lastCheck();
    return last && last->passed;
}

bool lastFailed(const BackendPtr &backend)
{
    const std::optional<Limpet::CheckResult> last = backend->lastCheck();
    return last && !last->passed;
}

QString lastError(const BackendPtr &backend)
{
    const std::optional<Limpet::CheckResult> last = backend->lastCheck();
    return last ? last->error : u"(not checked)"_s;
}

qint64 lastTime(const BackendPtr &backend)
{
    const std::optional<Limpet::CheckResult> last = backend->lastCheck();
    return last ? last->timeMs : 0;
}

/// A HealthMonitor over a list of pools the test may replace, recording its events.
class Monitored
{
public:
    explicit Monitored(QList<PoolPtr> pools)
        : m_pools(std::move(pools))
        , m_monitor([this] { return m_pools; },
              [this](const QString &pool, const QString &backend, Health from, Health to,
                  const QString &message) {
                  m_events.append(
                      Event{pool, backend, Limpet::toString(from), Limpet::toString(to), message});
                  if (onEvent)
                      onEvent();
              })
    {
        m_monitor.start();
    }

    void setPools(QList<PoolPtr> pools) { m_pools = std::move(pools); }
    [[nodiscard]] const QList<Event> &events() const { return m_events; }
    [[nodiscard]] qsizetype eventCount() const { return m_events.size(); }
    /// Called in the test thread after each event is recorded.
    std::function<void()> onEvent;

private:
    QList<PoolPtr> m_pools;
    QList<Event> m_events;
    HealthMonitor m_monitor; ///< last: stops before the lists it reads go
};

/// A tiny HTTP server in the test thread on a port it keeps across close() / listen():
/// answers every request head with 200 and closes.
class Responder
{
public:
    Responder()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (!socket->peek(64 * 1024).contains("\r\n\r\n"))
                        return;
                    socket->readAll();
                    socket->write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
    }
    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    void close() { m_server.close(); }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
};

} // namespace

class TestHealth final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void statusFailureTakesDownAfterFallAndRiseBringsBack();
    void expectedStatuses_data();
    void expectedStatuses();
    void refusedConnectionGoesDownAndComesBack_data();
    void refusedConnectionGoesDownAndComesBack();
    void silentBackendTimesOut();
    void tcpCheckOnlyConnects();
    void passivelyDownComesBackOnFirstPass();
    void maintenanceBackendIsChecked();
    void removedBackendIsForgotten();
    void poolWithoutHealthIsNotChecked();
    void stopAbandonsChecksInFlight();
};

void TestHealth::initTestCase()
{
    // One line per check is too much here; QT_LOGGING_RULES="limpet.health.debug=true" shows them.
    QLoggingCategory::setFilterRules(u"limpet.health.debug=false"_s);
}

void TestHealth::statusFailureTakesDownAfterFallAndRiseBringsBack()
{
    TestBackend server(u"app"_s);
    // Checks far enough apart that the test sees each result before the next one.
    const PoolPtr pool = makePool(u"web"_s, {server.port()}, healthConfig(u"http"_s, 3, 2, 200ms));
    const BackendPtr backend = pool->backends().constFirst();
    Monitored monitor({pool});

    QTRY_VERIFY_WITH_TIMEOUT(lastPassed(backend), waitMs);
    QCOMPARE(lastStatus(backend), 200);
    const LimpetTest::ReceivedRequest request = server.requests().constFirst();
    QCOMPARE(request.method, "GET");
    QCOMPARE(request.target, "/health");
    QCOMPARE(request.header("host"), u"127.0.0.1:%1"_s.arg(server.port()).toLatin1());
    QCOMPARE(request.header("user-agent"), "Limpet-health-check");
    QCOMPARE(request.header("connection"), "close");

    Behaviour failing;
    failing.status = 500;
    failing.reason = "Internal Server Error";
    server.setBehaviour(failing);
    QTRY_COMPARE_WITH_TIMEOUT(lastStatus(backend), 500, waitMs);
    QCOMPARE(healthOf(backend), u"up"_s); // one failure is not `fall`
    QCOMPARE(monitor.eventCount(), 0);

    QTRY_COMPARE_WITH_TIMEOUT(healthOf(backend), u"down"_s, waitMs);
    QCOMPARE(monitor.eventCount(), 1);
    const Event down = monitor.events().constFirst();
    QCOMPARE(down.pool, u"web"_s);
    QCOMPARE(down.backend, u"b0"_s);
    QCOMPARE(down.from, u"up"_s);
    QCOMPARE(down.to, u"down"_s);
    QCOMPARE(down.message, u"3 checks failed: status 500 (expected 200-399)"_s);
    QCOMPARE(lastStatus(backend), 500);
    QVERIFY(lastFailed(backend));
    QCOMPARE(lastError(backend), u"status 500 (expected 200-399)"_s);

    server.setBehaviour(Behaviour());
    QTRY_VERIFY_WITH_TIMEOUT(lastPassed(backend), waitMs);
    QCOMPARE(healthOf(backend), u"down"_s); // one pass is not `rise`
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(backend), u"up"_s, waitMs);
    QCOMPARE(monitor.eventCount(), 2);
    const Event up = monitor.events().at(1);
    QCOMPARE(up.from, u"down"_s);
    QCOMPARE(up.to, u"up"_s);
    QVERIFY2(up.message.startsWith(u"2 checks passed (200 in "_s), qPrintable(up.message));
}

void TestHealth::expectedStatuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("expectMin");
    QTest::addColumn<int>("expectMax");
    QTest::addColumn<QString>("error"); // empty: the check passes

    QTest::newRow("302-in-default-range") << 302 << 200 << 399 << QString();
    QTest::newRow("302-expect-200") << 302 << 200 << 200 << u"status 302 (expected 200)"_s;
    QTest::newRow("404-in-range") << 404 << 200 << 404 << QString();
    QTest::newRow("500") << 500 << 200 << 399 << u"status 500 (expected 200-399)"_s;
    QTest::newRow("204-below-range") << 204 << 205 << 299 << u"status 204 (expected 205-299)"_s;
}

void TestHealth::expectedStatuses()
{
    QFETCH(int, status);
    QFETCH(int, expectMin);
    QFETCH(int, expectMax);
    QFETCH(QString, error);

    Behaviour behaviour;
    if (status == 302)
        behaviour.mode = Behaviour::Mode::Redirect;
    behaviour.status = status;
    behaviour.reason = "Whatever";
    TestBackend server(u"app"_s, behaviour);
    HealthConfig health = healthConfig(u"http"_s, 1, 1);
    health.expectMin = expectMin;
    health.expectMax = expectMax;
    const PoolPtr pool = makePool(u"web"_s, {server.port()}, health);
    const BackendPtr backend = pool->backends().constFirst();
    Monitored monitor({pool});

    QTRY_COMPARE_WITH_TIMEOUT(lastStatus(backend), status, waitMs);
    QCOMPARE(lastError(backend), error);
    if (error.isEmpty()) {
        QVERIFY(lastPassed(backend));
        QCOMPARE(healthOf(backend), u"up"_s);
        QCOMPARE(monitor.eventCount(), 0);
    } else {
        QVERIFY(lastFailed(backend));
        QTRY_COMPARE_WITH_TIMEOUT(healthOf(backend), u"down"_s, waitMs);
        QCOMPARE(monitor.events().constFirst().message, u"check failed: "_s + error);
    }
}

void TestHealth::refusedConnectionGoesDownAndComesBack_data()
{
    QTest::addColumn<QString>("type");
    QTest::newRow("http") << u"http"_s;
    QTest::newRow("tcp") << u"tcp"_s;
}

void TestHealth::refusedConnectionGoesDownAndComesBack()
{
    QFETCH(QString, type);
    Responder server;
    QVERIFY(server.listen());
    const quint16 port = server.port();
    const PoolPtr pool = makePool(u"web"_s, {port}, healthConfig(type, 2, 2));
    const BackendPtr backend = pool->backends().constFirst();
    Monitored monitor({pool});
    QTRY_VERIFY_WITH_TIMEOUT(lastPassed(backend), waitMs);
    QCOMPARE(lastStatus(backend), type == u"http"_s ? 200 : 0);

    server.close();
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(backend), u"down"_s, waitMs);
    QCOMPARE(lastError(backend), u"connection refused"_s);
    QCOMPARE(monitor.eventCount(), 1);
    QCOMPARE(monitor.events().constFirst().message, u"2 checks failed: connection refused"_s);

    QVERIFY(server.listen(port));
    QTRY_COMPARE_WITH_TIMEOUT(healthOf(backend), u"up"_s, waitMs);
    QVERIFY(lastPassed(backend));
    QCOMPARE(monitor.eventCount(), 2);
    const Event up = monitor.events().at(1);
    QCOMPARE(up.to, u"up"_s);
    const QString detail = type == u"http"_s ? u"(200 in "_s : u"(connected in "_s;
    QVERIFY2(up.message.startsWith(u"2 checks passed "_s + detail), qPrintable(up.message));
}

void TestHealth::silentBackendTimesOut()
{
    Behaviour silent;
    silent.mode = Behaviour::Mode::NeverAnswer;
    TestBackend server(u"app"_s, silent);
    // The timeout is longer than the interval: checks must still not overlap.
    const PoolPtr pool
        = makePool(u"web"_s, {server.port()}, healthConfig(u"http"_s, 1, 1, 50ms, 200ms));
    const BackendPtr backend = pool->backends().constFirst();
    Monitored monitor({pool});

    QTRY_VERIFY_WITH_TIMEOUT(lastFailed(backend), waitMs);
    QCOMPARE(lastError(backend), u"timed out after 200 ms"_s);
    QCOMPARE(lastStatus(backend), 0);
    QCOMPARE(healthOf(backend), u"down"_s);
    QCOMPARE(monitor.events().constFirst().message, u"check failed: timed out after 200 ms"_s);
    QVERIFY(backend->lastCheck()->latencyMs >= 150);

    // One check in flight at a time: the backend never saw more connections than checks
    // ended, plus the one running.
    int ended = 1;
    qint64 seen = lastTime(backend);
    QVERIFY(QTest::qWaitFor(
        [&] {
            const qint64 t = lastTime(backend);
            if (t != seen) {
                seen = t;
                ++ended;
            }
            return ended >= 4;
        },
        waitMs));
    QCOMPARE_LE(server.connectionCount(), ended + 1);
}

void TestHealth::tcpCheckOnlyConnects()
{
    Behaviour failing;
    failing.status = 500;
    TestBackend server(u"app"_s, failing);
    const PoolPtr pool = makePool(u"web"_s, {server.port()}, healthConfig(u"tcp"_s, 1, 1));
    const BackendPtr backend = pool->backends().constFirst();
    Monitored monitor({pool});

    QTRY_VERIFY_WITH_TIMEOUT(server.connectionCount() >= 3, waitMs);
    QVERIFY(lastPassed(backend));
    QCOMPARE(lastStatus(backend), 0);
    QCOMPARE(lastError(backend), QString());
    QCOMPARE(server.requestCount(), 0);
    QCOMPARE(healthOf(backend), u"up"_s);
    QCOMPARE(monitor.eventCount(), 0);
}

void TestHealth::passivelyDownComesBackOnFirstPass()
{
    TestBackend server(u"app"_s);
    HealthConfig health = healthConfig(u"http"_s, 3, 3, 100ms);
    health.maxFails = 2;
    const PoolPtr pool = makePool(u"web"_s, {server.port()}, health);
    const BackendPtr backend = pool->backends().constFirst();
    Monitored monitor({pool});
    QTRY_VERIFY_WITH_TIMEOUT(lastPassed(backend), waitMs);

    // Two proxied requests fail (as the proxy path reports them).
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(!backend->reportFailure(health.maxFails, health.failWindow, now));
    QVERIFY(backend->reportFailure(health.maxFails, health.failWindow, now));
    QCOMPARE(healthOf(backend), u"down"_s);
    QVERIFY(backend->downPassively());
    const int requestsWhenDown = server.requestCount();
    int requestsWhenUp = -1;
    monitor.onEvent = [&] { requestsWhenUp = server.requestCount(); };

    QTRY_COMPARE_WITH_TIMEOUT(healthOf(backend), u"up"_s, waitMs);
    QVERIFY(!backend->downPassively());
    QCOMPARE(monitor.eventCount(), 1);
    const Event up = monitor.events().constFirst();
    QCOMPARE(up.from, u"down"_s);
    QCOMPARE(up.to, u"up"_s);
    QVERIFY2(up.message.startsWith(u"check passed (200 in "_s), qPrintable(up.message));
    // The first check that passed (perhaps one already in flight), not rise = 3 of them.
    QVERIFY(requestsWhenUp - requestsWhenDown <= 2);
}

void TestHealth::maintenanceBackendIsChecked()
{
    TestBackend server(u"app"_s);
    Limpet::PoolConfig config;
    config.name = u"web"_s;
    config.sticky.mode = u"none"_s;
    config.health = healthConfig(u"http"_s, 1, 1);
    config.backends.append(backendConfig(u"b0"_s, server.port()));
    config.backends.last().state = u"maint"_s;
    const PoolPtr pool = std::make_shared<Limpet::Pool>(config);
    const BackendPtr backend = pool->backends().constFirst();
    QCOMPARE(Limpet::toString(backend->state()), u"maint"_s);
    backend->setHealth(Health::Down);
    Monitored monitor({pool});

    QTRY_COMPARE_WITH_TIMEOUT(healthOf(backend), u"up"_s, waitMs);
    QVERIFY(lastPassed(backend));
    QCOMPARE(monitor.eventCount(), 1);
}

void TestHealth::removedBackendIsForgotten()
{
    TestBackend kept(u"kept"_s);
    TestBackend removed(u"removed"_s);
    const HealthConfig health = healthConfig(u"http"_s, 1, 1);
    Monitored monitor({makePool(u"web"_s, {kept.port(), removed.port()}, health)});
    QTRY_VERIFY_WITH_TIMEOUT(kept.requestCount() >= 1 && removed.requestCount() >= 1, waitMs);

    // A reload: the pool now has only the first backend.
    monitor.setPools({makePool(u"web"_s, {kept.port()}, health)});
    // Checks of the removed backend may go on until the monitor reads the pools again.
    int base = kept.requestCount();
    QTRY_VERIFY_WITH_TIMEOUT(kept.requestCount() >= base + 10, waitMs);
    const int settled = removed.requestCount();
    base = kept.requestCount();
    QTRY_VERIFY_WITH_TIMEOUT(kept.requestCount() >= base + 10, waitMs);
    QCOMPARE(removed.requestCount(), settled);
}

void TestHealth::poolWithoutHealthIsNotChecked()
{
    TestBackend checked(u"checked"_s);
    TestBackend unchecked(u"unchecked"_s);
    const PoolPtr plain = makePool(u"plain"_s, {unchecked.port()}, HealthConfig());
    const PoolPtr watched = makePool(u"watched"_s, {checked.port()}, healthConfig(u"http"_s, 1, 1));
    Monitored monitor({plain, watched});

    QTRY_VERIFY_WITH_TIMEOUT(checked.requestCount() >= 10, waitMs);
    QCOMPARE(unchecked.connectionCount(), 0);
    QVERIFY(!plain->backends().constFirst()->lastCheck());
    QVERIFY(watched->backends().constFirst()->lastCheck());
}

void TestHealth::stopAbandonsChecksInFlight()
{
    Behaviour silent;
    silent.mode = Behaviour::Mode::NeverAnswer;
    TestBackend server(u"app"_s, silent);
    const PoolPtr pool
        = makePool(u"web"_s, {server.port()}, healthConfig(u"http"_s, 1, 1, 50ms, 10s));
    const BackendPtr backend = pool->backends().constFirst();
    auto monitor = std::make_unique<Monitored>(QList<PoolPtr>{pool});
    QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(), 1, waitMs); // the check waits for an answer

    monitor.reset();
    QTRY_COMPARE_WITH_TIMEOUT(server.openConnectionCount(), 0, waitMs);
    QVERIFY(!backend->lastCheck()); // an abandoned check records nothing
    QCOMPARE(healthOf(backend), u"up"_s);
}

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
