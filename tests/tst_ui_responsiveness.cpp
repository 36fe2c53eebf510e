// The window stays responsive while the engine it shows is busy: a live engine serving keep-alive
// requests and new sessions from client threads, 100,000 sessions in its table shown in the
// Sessions view, then the Charts and Cluster views. What a user notices is the GUI event loop
// stalling (a frozen window, a late repaint): a 5 ms timer measures the largest gap between its
// ticks, which must stay under 50 ms.

#include "testbackend.h"
#include "testclient.h"
#include "testproxy.h"

#include "client/embeddedclient.h"
#include "mainwindow.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <functional>
#include <limits>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;
using namespace LimpetTest;

namespace {

constexpr int SessionCount = 100'000;
constexpr int ClientThreads = 2;
/// Requests per second each client thread aims at: a busy site, yet the same load on a fast
/// machine and on a shared 2-core CI runner (where flat-out clients would only measure how the
/// scheduler shares the cores).
constexpr int RatePerThread = 2000;
/// One request in this many starts a new session (no cookie): the table keeps growing.
constexpr int NewSessionEvery = 10;
constexpr auto TickInterval = 5ms;
/// Each view is shown this long in a measurement window (Sessions, Charts, Cluster).
constexpr auto PerTab = 2s;
constexpr qint64 MaxStallMs = 50;

QtMessageHandler testlibHandler = nullptr;

/// The offscreen platform warns each time a window's size constraints change; that says nothing
/// about Limpet, and every other message still goes through.
void dropOffscreenNoise(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message == u"This plugin does not support propagateSizeHints()"_s)
        return;
    testlibHandler(type, context, message);
}

/// Browser-like clients in threads of their own: keep-alive connections, each request with the
/// session cookie it was given, and every NewSessionEvery-th without one.
class Load final
{
public:
    explicit Load(quint16 port)
    {
        for (int i = 0; i < ClientThreads; ++i) {
            std::unique_ptr<QThread> thread(QThread::create([this, port] { run(port); }));
            thread->setObjectName(u"load %1"_s.arg(i));
            thread->start();
            m_threads.push_back(std::move(thread));
        }
    }
    ~Load()
    {
        m_stop = true;
        for (const auto &thread : m_threads)
            thread->wait();
    }
    Q_DISABLE_COPY_MOVE(Load)

    [[nodiscard]] quint64 served() const { return m_served.load(); }
    [[nodiscard]] quint64 failed() const { return m_failed.load(); }

private:
    void run(quint16 port)
    {
        auto http = std::make_unique<TestClient>(port);
        QByteArray cookie;
        QElapsedTimer paced;
        paced.start();
        for (quint64 n = 0; !m_stop; ++n) {
            const qint64 dueUs = qint64(n) * 1'000'000 / RatePerThread;
            const qint64 nowUs = paced.nsecsElapsed() / 1000;
            if (dueUs > nowUs)
                QThread::usleep(quint64(dueUs - nowUs));
            if (!http->isConnected() || http->peerClosed())
                http = std::make_unique<TestClient>(port);
            HeaderList headers{{"User-Agent", "tst_ui_responsiveness"}};
            if (!cookie.isEmpty() && n % NewSessionEvery != 0)
                headers.append({"Cookie", "SRV=" + cookie});
            const HttpResponse r = http->request("GET", "/page", headers, {}, 5000);
            if (r.status == 200)
                ++m_served;
            else
                ++m_failed;
            if (const QByteArray value = r.setCookieValue("SRV"); !value.isNull())
                cookie = value;
            if (!r.complete || r.closed)
                http = std::make_unique<TestClient>(port);
        }
    }

    std::atomic<bool> m_stop{false};
    std::atomic<quint64> m_served{0};
    std::atomic<quint64> m_failed{0};
    std::vector<std::unique_ptr<QThread>> m_threads;
};

/// The GUI thread's CPU time so far, in µs: tells a gap the GUI spent working from one in which
/// it waited for a core.
qint64 guiCpuUs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1'000'000 + t.tv_nsec / 1000;
}

/// The GUI event loop's gaps while it runs for `duration`: the intervals between the ticks of a
/// TickInterval timer.
struct Stalls
{
    struct Gap
    {
        qint64 us = 0;
        qint64 atMs = 0; ///< when it ended, from the start of the window
        qint64 busyUs = 0; ///< the GUI thread's CPU time in it
    };
    qint64 worstMs = 0;
    qint64 p99Ms = 0;
    int ticks = 0;
    QList<Gap> largest; ///< the few largest, largest first

    [[nodiscard]] QString describeLargest() const
    {
        QStringList gaps;
        for (const Gap &g : largest) {
            gaps.append(u"%1 ms at %2 ms (GUI busy %3 ms)"_s.arg((g.us + 999) / 1000)
                            .arg(g.atMs)
                            .arg(g.busyUs / 1000));
        }
        return gaps.join(u", "_s);
    }
};

/// Runs the event loop for `duration`, after `plan` has scheduled what happens in it.
Stalls measure(std::chrono::milliseconds duration, const std::function<void(QEventLoop &)> &plan)
{
    std::vector<Stalls::Gap> gaps;
    gaps.reserve(size_t(duration / TickInterval) + 16);
    QElapsedTimer clock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(TickInterval);
    qint64 lastUs = -1;
    qint64 lastCpuUs = 0;
    QObject::connect(&tick, &QTimer::timeout, [&] {
        const qint64 nowUs = clock.nsecsElapsed() / 1000;
        const qint64 cpuUs = guiCpuUs();
        if (lastUs >= 0)
            gaps.push_back({nowUs - lastUs, nowUs / 1000, cpuUs - lastCpuUs});
        lastUs = nowUs;
        lastCpuUs = cpuUs;
    });
    // A QEventLoop, not QTest::qWait: qWait sleeps between its rounds of events, which would
    // show up here as gaps of its own.
    QEventLoop loop;
    QTimer::singleShot(duration, &loop, &QEventLoop::quit);
    plan(loop);
    clock.start();
    tick.start();
    loop.exec();
    tick.stop();

    Stalls s;
    s.ticks = int(gaps.size());
    if (gaps.empty())
        return s;
    std::sort(gaps.begin(), gaps.end(),
        [](const Stalls::Gap &x, const Stalls::Gap &y) { return x.us > y.us; });
    s.worstMs = (gaps.front().us + 999) / 1000;
    s.p99Ms = (gaps.at(gaps.size() / 100).us + 999) / 1000;
    for (size_t i = 0; i < std::min<size_t>(3, gaps.size()); ++i)
        s.largest.append(gaps.at(i));
    return s;
}

} // namespace

class TestUiResponsiveness final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void windowStaysResponsiveUnderLoad();

private:
    QTemporaryDir m_settings;
};

void TestUiResponsiveness::initTestCase()
{
    testlibHandler = qInstallMessageHandler(dropOffscreenNoise);
    // One event per pinned session: 100,000 lines that would drown the figures.
    QLoggingCategory::setFilterRules(u"limpet.events.info=false"_s);
    QVERIFY(m_settings.isValid());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

void TestUiResponsiveness::windowStaysResponsiveUnderLoad()
{
    TestBackend a(u"a"_s), b(u"b"_s), c(u"c"_s);
    ProxyOptions options;
    options.workers = 2;
    TestProxy proxy({&a, &b, &c}, options);
    QVERIFY2(proxy.isRunning(), qPrintable(proxy.error()));
    Limpet::Engine &engine = proxy.engine();

    // 100,000 sessions, spread over the backends, as the operations would put them there.
    QElapsedTimer timer;
    timer.start();
    const QString backends[] = {u"a"_s, u"b"_s, u"c"_s};
    for (int i = 0; i < SessionCount; ++i) {
        const QByteArray key = QByteArray::number(0x10000000u + quint32(i) * 2654435761u, 16)
            + "-s-" + QByteArray::number(i);
        const auto pinned = engine.control().pinSession(
            u"web"_s, key, backends[i % 3], std::optional<qint64>(3600));
        QVERIFY(std::holds_alternative<Limpet::SessionInfo>(pinned));
    }
    QCOMPARE(engine.snapshot().sessions, SessionCount);
    qInfo("%d sessions inserted in %lld ms", SessionCount, timer.elapsed());

    Load load(proxy.port());
    QTRY_VERIFY_WITH_TIMEOUT(load.served() > 100, 10000);

    Limpet::EmbeddedClient client(&engine);
    Limpet::MainWindow window({&client});
    window.resize(1200, 700);
    window.tabs()->setCurrentIndex(Limpet::MainWindow::SessionsTab);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *sessions = window.findChild<QTableView *>(u"sessionTable"_s);
    QVERIFY(sessions);
    timer.restart();
    QTRY_VERIFY_WITH_TIMEOUT(sessions->model()->rowCount() >= SessionCount, 60000);
    qInfo("first full load of the Sessions view: %d rows after %lld ms",
        sessions->model()->rowCount(), timer.elapsed());

    // Three windows of Sessions → Charts → Cluster; the best one is asserted on, so that a
    // neighbour stealing the CPU of a shared 2-core CI machine for a moment does not fail the
    // test, while a window that stalls every time it updates still does.
    Stalls best;
    best.worstMs = std::numeric_limits<qint64>::max();
    constexpr int Windows = 3;
    for (int round = 1; round <= Windows; ++round) {
        a.clearRequests();
        b.clearRequests();
        c.clearRequests();
        const quint64 servedBefore = load.served();
        const Stalls s = measure(3 * PerTab, [&](QEventLoop &loop) {
            window.tabs()->setCurrentIndex(Limpet::MainWindow::SessionsTab);
            QTimer::singleShot(PerTab, &loop,
                [&] { window.tabs()->setCurrentIndex(Limpet::MainWindow::ChartsTab); });
            QTimer::singleShot(2 * PerTab, &loop,
                [&] { window.tabs()->setCurrentIndex(Limpet::MainWindow::ClusterTab); });
        });
        const quint64 served = load.served() - servedBefore;
        qInfo("window %d: worst gap %lld ms, 99th percentile %lld ms, %d ticks; %llu requests "
              "served meanwhile (%llu/s), %d sessions; largest gaps: %s",
            round, s.worstMs, s.p99Ms, s.ticks, served,
            served * 1000 / quint64(std::chrono::milliseconds(3 * PerTab).count()),
            engine.snapshot().sessions, qPrintable(s.describeLargest()));
        QVERIFY2(served > 0, "the engine served nothing while the window was measured");
        if (s.worstMs < best.worstMs)
            best = s;
    }
    QCOMPARE(load.failed(), quint64(0));
    QVERIFY2(best.worstMs < MaxStallMs,
        qPrintable(u"the GUI event loop stalled for %1 ms (limit %2 ms) in the best of three "
                   "windows; its largest gaps: %3"_s.arg(best.worstMs)
                       .arg(MaxStallMs)
                       .arg(best.describeLargest())));
}

QTEST_MAIN(TestUiResponsiveness)
#include "tst_ui_responsiveness.moc"
