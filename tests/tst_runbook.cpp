// The operator's runbook, end to end: the real `limpet` program ($LIMPET_BINARY) run headless
// with a config file, driven only the way an operator would drive it — `limpet ctl`, curl,
// signals, editing the config file — while a client load runs in its own thread. Each test
// asserts what the operator or the users would notice: exit statuses, what ctl and curl print,
// which backend answered, and that no user saw a failed request.

#include "testbackend.h"
#include "testclient.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QMutex>
#include <QMutexLocker>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <csignal>
#include <memory>
#include <sys/types.h>
#include <vector>

using namespace LimpetTest;
using namespace Qt::StringLiterals;

namespace {

constexpr QByteArrayView Token = "t0k";

QString limpetBinary()
{
    return qEnvironmentVariable("LIMPET_BINARY");
}

QString curlPath()
{
    return QStandardPaths::findExecutable(u"curl"_s);
}

/// A program run to completion: its exit status and output.
struct Run
{
    int exitCode = -1; ///< -1: it crashed or did not finish in time
    QByteArray out;
    QByteArray err;

    /// For failure messages.
    [[nodiscard]] QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\n[stdout]\n" + out + "\n[stderr]\n" + err;
    }
};

/// Runs `program` to completion, killed after `timeoutMs`. `limpet ctl` sees only the URL and
/// token given on its command line, none from the environment.
Run runProgram(const QString &program, const QStringList &args, int timeoutMs = 20000)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"LIMPET_URL"_s);
    environment.remove(u"LIMPET_TOKEN"_s);
    process.setProcessEnvironment(environment);
    process.start(program, args);
    Run r;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        r.err = "did not finish in time: " + program.toUtf8() + ' ' + args.join(u' ').toUtf8();
        return r;
    }
    if (process.exitStatus() == QProcess::NormalExit)
        r.exitCode = process.exitCode();
    r.out = process.readAllStandardOutput();
    r.err += process.readAllStandardError();
    return r;
}

/// `limpet ctl --url http://127.0.0.1:PORT --token TOKEN ARGS...`
Run ctl(quint16 adminPort, const QStringList &args, int timeoutMs = 20000,
    const QString &token = QString::fromLatin1(Token))
{
    QStringList all{u"ctl"_s, u"--url"_s, u"http://127.0.0.1:%1"_s.arg(adminPort)};
    if (!token.isEmpty())
        all << u"--token"_s << token;
    return runProgram(limpetBinary(), all + args, timeoutMs);
}

/// `curl -s --max-time 10 ARGS... URL`
Run curl(const QStringList &args, const QString &url)
{
    return runProgram(
        curlPath(), QStringList{u"-s"_s, u"--max-time"_s, u"10"_s} + args + QStringList{url});
}

/// The backend rows of `limpet ctl status`: name → its cells (NAME ADDRESS STATE HEALTH WEIGHT
/// ACTIVE REQ SESSIONS ERR% CHECK).
QHash<QString, QStringList> statusRows(const QByteArray &statusOutput)
{
    static const QRegularExpression space(u"\\s+"_s);
    QHash<QString, QStringList> rows;
    bool inTable = false;
    const QStringList lines = QString::fromUtf8(statusOutput).split(u'\n');
    for (const QString &line : lines) {
        const QStringList cells = line.trimmed().split(space, Qt::SkipEmptyParts);
        if (cells.isEmpty()) {
            inTable = false;
            continue;
        }
        if (cells.first() == u"NAME"_s) {
            inTable = true;
            continue;
        }
        if (inTable)
            rows.insert(cells.first(), cells);
    }
    return rows;
}

/// `limpet ctl status` reduced to what an operator set: "name address state weight" per
/// backend, sorted (the counters move under load).
QStringList statusSettings(const QByteArray &statusOutput)
{
    QStringList out;
    const QHash<QString, QStringList> rows = statusRows(statusOutput);
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const QStringList &c = it.value();
        out.append(QStringList{c.value(0), c.value(1), c.value(2), c.value(4)}.join(u' '));
    }
    out.sort();
    return out;
}

/// The value of the SRV cookie in a curl cookie jar file; empty when it has none.
QByteArray jarCookie(const QString &jarFile)
{
    QFile f(jarFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() == 7 && fields.at(5) == "SRV")
            return fields.at(6).trimmed();
    }
    return {};
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

/// One [[pool.backend]] of a test config; `weight` is written as is (valid or not).
struct BackendEntry
{
    QByteArray name;
    quint16 port = 0;
    QByteArray weight = "1";
};

/// A config: listener on 127.0.0.1:0, `head` (admin, state, sessions...), one insert-mode
/// pool "app" with cookie SRV and the given backends.
QByteArray configToml(const QByteArray &head, const QList<BackendEntry> &backends)
{
    QByteArray toml = "[listener]\nbind = \"127.0.0.1:0\"\nworkers = 2\n\n"
                      "[timeouts]\nshutdown = 5000\n\n"
        + head
        + "\n[[pool]]\nname = \"app\"\nbalance = \"roundrobin\"\n"
          "[pool.sticky]\nmode = \"insert\"\ncookie = \"SRV\"\n";
    for (const BackendEntry &b : backends)
        toml += "\n[[pool.backend]]\nname = \"" + b.name + "\"\naddress = \"127.0.0.1:"
            + QByteArray::number(b.port) + "\"\nweight = " + b.weight + '\n';
    return toml;
}

QByteArray adminHead()
{
    return "[admin]\ntoken = \"" + Token.toByteArray() + "\"\n\n[sessions]\nidle = 2\n";
}

BackendEntry entry(const TestBackend &backend, QByteArray weight = "1")
{
    return {backend.name().toUtf8(), backend.port(), std::move(weight)};
}

/// A running `limpet --no-gui ...`, its stdout and stderr in files (nothing can block on a full
/// pipe while the test waits on other programs). Killed in the destructor if still running.
class LimpetInstance final
{
public:
    explicit LimpetInstance(const QString &dir)
    {
        static int count = 0;
        ++count;
        m_outFile = QDir(dir).filePath(u"limpet-%1.out"_s.arg(count));
        m_errFile = QDir(dir).filePath(u"limpet-%1.err"_s.arg(count));
    }
    ~LimpetInstance()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    Q_DISABLE_COPY_MOVE(LimpetInstance)

    /// Starts it and waits (bounded) for the lines saying where the proxy and the admin API
    /// listen. False when it exited or did not say so in time (see describe()).
    bool start(const QStringList &args)
    {
        static const QRegularExpression listening(
            u"Limpet listening on http://127\\.0\\.0\\.1:(\\d+)/"_s);
        static const QRegularExpression admin(
            u"Admin API on http://127\\.0\\.0\\.1:(\\d+)/api/v1"_s);
        m_process.setStandardOutputFile(m_outFile);
        m_process.setStandardErrorFile(m_errFile);
        m_process.start(limpetBinary(), args);
        if (!m_process.waitForStarted(10000))
            return false;
        const QDeadlineTimer deadline(15000);
        while (!deadline.hasExpired()) {
            const QString out = QString::fromUtf8(stdoutText());
            const QRegularExpressionMatch l = listening.match(out);
            const QRegularExpressionMatch a = admin.match(out);
            if (l.hasMatch() && a.hasMatch()) {
                m_proxyPort = quint16(l.captured(1).toUInt());
                m_adminPort = quint16(a.captured(1).toUInt());
                return true;
            }
            if (m_process.waitForFinished(50)) // polls; true once it has exited
                return false;
        }
        return false;
    }

    /// SIGTERM, then waits (bounded) for it to exit. Its exit status, -1 when it did not
    /// exit normally in time.
    int stop()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(15000))
            return -1;
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    /// Sends `sig` to the program (never to a process group: nothing when it is not running).
    void signal(int sig)
    {
        if (const qint64 pid = m_process.processId(); pid > 0)
            ::kill(pid_t(pid), sig);
    }

    [[nodiscard]] QProcess &process() { return m_process; }
    [[nodiscard]] quint16 proxyPort() const { return m_proxyPort; }
    [[nodiscard]] quint16 adminPort() const { return m_adminPort; }
    [[nodiscard]] QString proxyUrl() const { return u"http://127.0.0.1:%1/"_s.arg(m_proxyPort); }
    [[nodiscard]] QByteArray stdoutText() const { return readAll(m_outFile); }
    [[nodiscard]] QByteArray stderrText() const { return readAll(m_errFile); }
    [[nodiscard]] QByteArray describe() const
    {
        return "[limpet stdout]\n" + stdoutText() + "\n[limpet stderr]\n" + stderrText();
    }

private:
    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QProcess m_process;
    QString m_outFile;
    QString m_errFile;
    quint16 m_proxyPort = 0;
    quint16 m_adminPort = 0;
};

/// Users of the proxy, in a thread of their own: browser-like sessions, each with a cookie jar
/// and a keep-alive connection. A few long sessions stay for the whole run (unless their
/// backend's users are told to finish their visits); the others end after a few requests, and
/// new sessions take their place. Every answer that is not a complete 200 (or a connection
/// that fails) is a failure; a session answered by another backend than the one it started on
/// has moved.
class ClientLoad final
{
public:
    static constexpr int LongSessions = 6; ///< two per backend of three (roundrobin)
    static constexpr int ShortSessions = 4;

    explicit ClientLoad(quint16 port)
        : m_port(port)
    {
        m_clock.start();
    }
    ~ClientLoad() { stop(); }
    Q_DISABLE_COPY_MOVE(ClientLoad)

    void start()
    {
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->setObjectName(u"client-load"_s);
        m_thread->start();
    }

    /// Stops the users (bounded wait for the one request under way).
    void stop()
    {
        m_stop = true;
        if (m_thread && !m_thread->wait(20000))
            qFatal("the client load did not stop");
        m_thread.reset();
    }

    /// The users of `backend` finish their visits, one after the other: its long sessions
    /// end `staggerMs` apart, the first one now (short ones end as they do; sessions that
    /// started from now on end at once). Each slot then starts a new session, without
    /// cookie. Any thread.
    void finishVisitsOn(const QByteArray &backend, qint64 staggerMs)
    {
        QMutexLocker lock(&m_lock);
        m_finishing.insert(backend, {m_clock.elapsed(), staggerMs, 0});
    }

    /// Long sessions whose first request this backend answered, still under way.
    [[nodiscard]] int longSessionsOn(const QByteArray &backend) const
    {
        QMutexLocker lock(&m_lock);
        int n = 0;
        for (const LongSession &s : m_long)
            n += s.backend == backend;
        return n;
    }

    /// Sessions whose first request this backend answered.
    [[nodiscard]] int sessionsStartedOn(const QByteArray &backend) const
    {
        QMutexLocker lock(&m_lock);
        return m_started.value(backend);
    }

    struct LongSession
    {
        QByteArray backend;
        qint64 requests = 0;
    };
    /// The long sessions under way: their backend and how many requests they made.
    [[nodiscard]] QList<LongSession> longSessions() const
    {
        QMutexLocker lock(&m_lock);
        return m_long;
    }

    [[nodiscard]] qint64 requests() const
    {
        QMutexLocker lock(&m_lock);
        return m_requests;
    }
    [[nodiscard]] qint64 failures() const
    {
        QMutexLocker lock(&m_lock);
        return m_failures;
    }
    [[nodiscard]] qint64 moved() const
    {
        QMutexLocker lock(&m_lock);
        return m_moved;
    }
    /// The first failures and moves, one line each.
    [[nodiscard]] QByteArray problems() const
    {
        QMutexLocker lock(&m_lock);
        return m_problems.join('\n');
    }

private:
    struct Session
    {
        std::unique_ptr<TestClient> client;
        QMap<QByteArray, QByteArray> jar;
        QByteArray backend;
        int left = -1; ///< requests left; -1: a long session
        qint64 startedMs = 0; ///< on m_clock
        qint64 leaveAtMs = -1; ///< on m_clock; -1: not leaving
        bool reconnect = true;
    };

    /// Call with m_lock held.
    void problem(const QByteArray &what)
    {
        if (m_problems.size() < 20)
            m_problems.append(what);
    }

    void run()
    {
        QRandomGenerator random(20261122);
        std::vector<Session> sessions(LongSessions + ShortSessions);
        {
            QMutexLocker lock(&m_lock);
            m_long.resize(LongSessions);
        }
        quint64 n = 0;
        while (!m_stop) {
            for (qsizetype i = 0; i < qsizetype(sessions.size()) && !m_stop; ++i) {
                Session &s = sessions[i];
                const bool isLong = i < LongSessions;
                if (!s.client) {
                    s = Session();
                    s.client = std::make_unique<TestClient>();
                    s.left = isLong ? -1 : int(random.bounded(5, 40));
                    s.startedMs = m_clock.elapsed();
                    if (isLong) {
                        QMutexLocker lock(&m_lock);
                        m_long[i] = LongSession();
                    }
                }
                if (s.reconnect) {
                    if (!s.client->connectTo(m_port, 5000)) {
                        QMutexLocker lock(&m_lock);
                        ++m_failures;
                        problem("connect failed: " + s.client->socket().errorString().toUtf8());
                        s.client.reset();
                        continue;
                    }
                    s.reconnect = false;
                }
                HeaderList headers;
                if (!s.jar.isEmpty()) {
                    QList<QByteArray> cookies;
                    for (auto it = s.jar.cbegin(); it != s.jar.cend(); ++it)
                        cookies.append(it.key() + '=' + it.value());
                    headers.append({"Cookie", cookies.join("; ")});
                }
                const QByteArray target = "/page/" + QByteArray::number(++n);
                const HttpResponse r = s.client->request("GET", target, headers, {}, 10000);
                if (r.status != 200 || !r.complete) {
                    QMutexLocker lock(&m_lock);
                    ++m_failures;
                    problem("GET " + target + " (session on " + s.backend + "): status "
                        + QByteArray::number(r.status) + (r.closed ? " closed" : "")
                        + (r.timedOut ? " timed out" : "") + ' ' + r.error + ' ' + r.body);
                    s.client.reset();
                    continue;
                }
                const QList<QByteArray> setCookies = r.headerValues("set-cookie");
                for (const QByteArray &c : setCookies) {
                    const QByteArray pair = c.left(c.indexOf(';')).trimmed();
                    const qsizetype eq = pair.indexOf('=');
                    if (eq > 0)
                        s.jar.insert(pair.left(eq), pair.mid(eq + 1));
                }
                const QByteArray backend = r.header("x-backend");
                {
                    QMutexLocker lock(&m_lock);
                    ++m_requests;
                    if (s.backend.isEmpty()) {
                        s.backend = backend;
                        ++m_started[backend];
                    } else if (backend != s.backend) {
                        ++m_moved;
                        problem("GET " + target + ": session of " + s.backend + " answered by "
                            + backend);
                        s.backend = backend;
                    }
                    if (isLong)
                        m_long[i] = {s.backend, m_long[i].requests + 1};
                    const auto finishing = m_finishing.find(backend);
                    if (isLong && s.leaveAtMs < 0 && finishing != m_finishing.end()) {
                        s.leaveAtMs = s.startedMs >= finishing->startMs
                            ? 0
                            : finishing->startMs + finishing->next++ * finishing->staggerMs;
                    }
                }
                if ((s.leaveAtMs >= 0 && m_clock.elapsed() >= s.leaveAtMs)
                    || (!isLong && --s.left <= 0))
                    s.client.reset(); // the user leaves; a new one comes
                else if (r.closed || r.header("connection").toLower().contains("close"))
                    s.reconnect = true; // as a browser does: the next request on a new one
            }
            // Pacing: a few hundred requests a second, leaving the 2 cores to the proxy,
            // ctl and curl.
            QThread::msleep(4);
        }
    }

    const quint16 m_port;
    QElapsedTimer m_clock; ///< started at construction; read by both threads
    std::atomic<bool> m_stop = false;
    std::unique_ptr<QThread> m_thread;

    mutable QMutex m_lock; ///< guards what follows
    struct Finishing
    {
        qint64 startMs = 0; ///< on m_clock
        qint64 staggerMs = 0;
        int next = 0; ///< long sessions given a time to leave so far
    };
    QHash<QByteArray, Finishing> m_finishing;
    QHash<QByteArray, int> m_started;
    QList<LongSession> m_long;
    qint64 m_requests = 0;
    qint64 m_failures = 0;
    qint64 m_moved = 0;
    QList<QByteArray> m_problems;
};

} // namespace

class TestRunbook final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void drainMaintAddUnderLoad();
    void reloadUnderLoad();
    void stateFileRestoresSessionsAndChanges();
    void refusals();
    void metricsThroughCurl();
};

void TestRunbook::initTestCase()
{
    if (limpetBinary().isEmpty())
        QSKIP("LIMPET_BINARY is not set (run through ctest)");
    if (curlPath().isEmpty())
        QSKIP("curl is not installed");
}

void TestRunbook::drainMaintAddUnderLoad()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s), b3(u"b3"_s), b4(u"b4"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, configToml(adminHead(), {entry(b1), entry(b2), entry(b3)})));
    LimpetInstance limpet(dir.path());
    QVERIFY2(limpet.start({u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config}),
        limpet.describe().constData());
    const quint16 admin = limpet.adminPort();

    ClientLoad load(limpet.proxyPort());
    load.start();
    QTRY_VERIFY2_WITH_TIMEOUT(load.longSessionsOn("b1") >= 2 && load.sessionsStartedOn("b2") > 0
            && load.sessionsStartedOn("b3") > 0,
        load.problems().constData(), 10000);

    // b1's users finish their visits, the last one 2.5 s after the first (new users go
    // elsewhere once it drains); the drain waits for their sessions to go idle ([sessions]
    // idle = 2) and leave the table.
    load.finishVisitsOn("b1", 2500);
    const Run drain = ctl(admin,
        {u"drain"_s, u"app/b1"_s, u"--wait"_s, u"--interval"_s, u"0.2"_s, u"--timeout"_s, u"30"_s},
        40000);
    QVERIFY2(drain.exitCode == 0, drain.describe().constData());
    const QList<QByteArray> lines = drain.out.trimmed().split('\n');
    QVERIFY2(lines.size() >= 3, drain.describe().constData());
    QCOMPARE(lines.first(), QByteArray("app/b1: state drain"));
    QCOMPARE(lines.last(), QByteArray("app/b1: drained"));
    // Progress in between: the bound sessions fall, never rise.
    static const QRegularExpression progress(u"^app/b1: (\\d+) sessions? bound, "_s);
    QList<int> bound;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const QRegularExpressionMatch m = progress.match(QString::fromUtf8(lines.at(i)));
        QVERIFY2(m.hasMatch(), lines.at(i).constData());
        bound.append(m.captured(1).toInt());
    }
    QVERIFY2(bound.first() > 0, drain.describe().constData());
    for (qsizetype i = 1; i < bound.size(); ++i)
        QVERIFY2(bound.at(i) <= bound.at(i - 1), drain.describe().constData());
    // The users left one after the other: the count was seen falling before the end.
    QVERIFY2(bound.last() < bound.first(), drain.describe().constData());
    const int servedByB1 = b1.requestCount();

    const Run maint = ctl(admin, {u"maint"_s, u"app/b1"_s});
    QVERIFY2(maint.exitCode == 0, maint.describe().constData());
    QCOMPARE(maint.out.trimmed(), QByteArray("app/b1: state maint"));

    // The new backend comes in maintenance, is checked, then opened to users.
    const Run add = ctl(admin,
        {u"add"_s, u"app"_s, u"b4"_s, u"127.0.0.1:%1"_s.arg(b4.port()), u"--state"_s, u"maint"_s});
    QVERIFY2(add.exitCode == 0, add.describe().constData());
    QVERIFY2(add.out.startsWith(QByteArray(
                 "added app/b4 at 127.0.0.1:" + QByteArray::number(b4.port()) + " (state maint")),
        add.describe().constData());
    QCOMPARE(b4.requestCount(), 0);
    const Run ready = ctl(admin, {u"ready"_s, u"app/b4"_s});
    QVERIFY2(ready.exitCode == 0, ready.describe().constData());
    QCOMPARE(ready.out.trimmed(), QByteArray("app/b4: state ready"));
    QTRY_VERIFY2_WITH_TIMEOUT(
        load.sessionsStartedOn("b4") >= 2, load.problems().constData(), 10000);

    const Run status = ctl(admin, {u"status"_s});
    QVERIFY2(status.exitCode == 0, status.describe().constData());
    const QHash<QString, QStringList> rows = statusRows(status.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.value(u"b1"_s).value(2), u"maint"_s);
    QCOMPARE(rows.value(u"b4"_s).value(1), u"127.0.0.1:%1"_s.arg(b4.port()));
    QCOMPARE(rows.value(u"b4"_s).value(2), u"ready"_s);
    QCOMPARE(rows.value(u"b2"_s).value(2), u"ready"_s);

    load.stop();
    // Once drained, b1 got nothing more: no user was sent to a backend under maintenance.
    QCOMPARE(b1.requestCount(), servedByB1);
    QVERIFY2(load.failures() == 0, load.problems().constData());
    QVERIFY2(load.moved() == 0, load.problems().constData());
    QVERIFY2(load.requests() > 200, QByteArray::number(load.requests()).constData());
    QCOMPARE(limpet.stop(), 0);
}

void TestRunbook::reloadUnderLoad()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s), b3(u"b3"_s), b4(u"b4"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, configToml(adminHead(), {entry(b1), entry(b2), entry(b3)})));
    LimpetInstance limpet(dir.path());
    QVERIFY2(limpet.start({u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config}),
        limpet.describe().constData());
    const quint16 admin = limpet.adminPort();

    ClientLoad load(limpet.proxyPort());
    load.start();
    QTRY_VERIFY2_WITH_TIMEOUT(load.sessionsStartedOn("b1") > 0 && load.sessionsStartedOn("b2") > 0
            && load.sessionsStartedOn("b3") > 0,
        load.problems().constData(), 10000);
    const QList<ClientLoad::LongSession> before = load.longSessions();
    for (const ClientLoad::LongSession &s : before)
        QVERIFY2(!s.backend.isEmpty(), load.problems().constData());

    // A valid edit: b2 weighs 3, b4 joins. SIGHUP applies it.
    QVERIFY(writeFile(
        config, configToml(adminHead(), {entry(b1), entry(b2, "3"), entry(b3), entry(b4)})));
    limpet.signal(SIGHUP);
    QTRY_VERIFY2_WITH_TIMEOUT(
        limpet.stderrText().contains("limpet: reloaded: "), limpet.describe().constData(), 10000);
    const QByteArray reloaded = limpet.stderrText();
    QVERIFY2(reloaded.contains("backend b2 weight 3"), reloaded.constData());
    QVERIFY2(reloaded.contains("backend b4 added"), reloaded.constData());
    // --admin on the command line still holds: the file's [admin] did not change.
    QVERIFY2(!reloaded.contains("needs a restart"), reloaded.constData());

    const Run status = ctl(admin, {u"status"_s});
    QVERIFY2(status.exitCode == 0, status.describe().constData());
    const QHash<QString, QStringList> rows = statusRows(status.out);
    QCOMPARE(rows.size(), 4);
    QCOMPARE(rows.value(u"b2"_s).value(4), u"3"_s);
    QCOMPARE(rows.value(u"b1"_s).value(4), u"1"_s);
    QCOMPARE(rows.value(u"b4"_s).value(1), u"127.0.0.1:%1"_s.arg(b4.port()));
    QCOMPARE(rows.value(u"b4"_s).value(2), u"ready"_s);
    QTRY_VERIFY2_WITH_TIMEOUT(load.sessionsStartedOn("b4") > 0, load.problems().constData(), 10000);

    // The sessions under way before the reload carried on, each on its backend.
    const auto carriedOn = [&] {
        const QList<ClientLoad::LongSession> now = load.longSessions();
        for (qsizetype i = 0; i < now.size(); ++i) {
            if (now.at(i).requests < before.at(i).requests + 10)
                return false;
        }
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(carriedOn(), 10000);
    const QList<ClientLoad::LongSession> after = load.longSessions();
    for (qsizetype i = 0; i < after.size(); ++i)
        QCOMPARE(after.at(i).backend, before.at(i).backend);

    // An invalid edit: `limpet ctl reload` refuses it, names the place, and nothing changes.
    const QStringList settings = statusSettings(status.out);
    QVERIFY(writeFile(
        config, configToml(adminHead(), {entry(b1), entry(b2, "\"x\""), entry(b3), entry(b4)})));
    const Run reload = ctl(admin, {u"reload"_s});
    QVERIFY2(reload.exitCode == 1, reload.describe().constData());
    const QRegularExpression located(
        u"^%1:\\d+:\\d+: .*weight"_s.arg(QRegularExpression::escape(config)),
        QRegularExpression::MultilineOption);
    QVERIFY2(
        located.match(QString::fromUtf8(reload.err)).hasMatch(), reload.describe().constData());
    const Run unchanged = ctl(admin, {u"status"_s});
    QVERIFY2(unchanged.exitCode == 0, unchanged.describe().constData());
    QCOMPARE(statusSettings(unchanged.out), settings);

    // SIGHUP with the same file: refused on stderr, the running config stays.
    limpet.signal(SIGHUP);
    QTRY_VERIFY2_WITH_TIMEOUT(limpet.stderrText().contains("limpet: reload refused: "),
        limpet.describe().constData(), 10000);
    QVERIFY2(located.match(QString::fromUtf8(limpet.stderrText())).hasMatch(),
        limpet.describe().constData());
    const Run still = ctl(admin, {u"status"_s});
    QVERIFY2(still.exitCode == 0, still.describe().constData());
    QCOMPARE(statusSettings(still.out), settings);

    load.stop();
    QVERIFY2(load.failures() == 0, load.problems().constData());
    QVERIFY2(load.moved() == 0, load.problems().constData());
    QCOMPARE(limpet.stop(), 0);
}

void TestRunbook::stateFileRestoresSessionsAndChanges()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s), b3(u"b3"_s), b4(u"b4"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    const QByteArray head
        = "[admin]\ntoken = \"" + Token.toByteArray() + "\"\n\n[state]\nfile = \"state.json\"\n";
    QVERIFY(writeFile(config, configToml(head, {entry(b1), entry(b2), entry(b3)})));
    const QStringList args{u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config};

    struct UserSession
    {
        QString jar;
        QByteArray key;
        QByteArray backend;
    };
    QList<UserSession> users;
    QString pinnedKey;
    {
        LimpetInstance limpet(dir.path());
        QVERIFY2(limpet.start(args), limpet.describe().constData());
        const quint16 admin = limpet.adminPort();
        for (int i = 0; i < 5; ++i) {
            UserSession u;
            u.jar = dir.filePath(u"jar-%1.txt"_s.arg(i));
            for (int visit = 0; visit < 2; ++visit) {
                const Run r = curl({u"-f"_s, u"-c"_s, u.jar, u"-b"_s, u.jar}, limpet.proxyUrl());
                QVERIFY2(r.exitCode == 0, r.describe().constData());
                if (visit == 0)
                    u.backend = r.out;
                QCOMPARE(r.out, u.backend);
            }
            u.key = jarCookie(u.jar);
            QVERIFY2(!u.key.isEmpty(), u.jar.toUtf8().constData());
            users.append(u);
        }

        const Run drain = ctl(admin, {u"drain"_s, u"app/b2"_s});
        QVERIFY2(drain.exitCode == 0, drain.describe().constData());
        const Run weight = ctl(admin, {u"weight"_s, u"app/b3"_s, u"5"_s});
        QVERIFY2(weight.exitCode == 0, weight.describe().constData());
        QCOMPARE(weight.out.trimmed(), QByteArray("app/b3: weight 5"));
        for (const UserSession &u : std::as_const(users)) {
            if (u.backend != "b3") {
                pinnedKey = QString::fromUtf8(u.key);
                break;
            }
        }
        QVERIFY(!pinnedKey.isEmpty());
        const Run pin = ctl(admin, {u"pin"_s, u"app"_s, pinnedKey, u"b3"_s, u"--ttl"_s, u"600"_s});
        QVERIFY2(pin.exitCode == 0, pin.describe().constData());
        QVERIFY2(
            pin.out.startsWith(QByteArray("app/" + pinnedKey.toUtf8() + ": pinned to b3 until ")),
            pin.describe().constData());
        const Run add = ctl(admin, {u"add"_s, u"app"_s, u"b4"_s, u"127.0.0.1:%1"_s.arg(b4.port())});
        QVERIFY2(add.exitCode == 0, add.describe().constData());

        QCOMPARE(limpet.stop(), 0);
        QVERIFY2(QFile::exists(dir.filePath(u"state.json"_s)), limpet.describe().constData());
    }

    const int servedBeforeRestart = b1.requestCount() + b2.requestCount() + b3.requestCount();
    {
        LimpetInstance limpet(dir.path());
        QVERIFY2(limpet.start(args), limpet.describe().constData());
        const quint16 admin = limpet.adminPort();

        const Run sessions = ctl(admin, {u"sessions"_s});
        QVERIFY2(sessions.exitCode == 0, sessions.describe().constData());
        QVERIFY2(sessions.out.contains("5 of 5 sessions"), sessions.describe().constData());
        static const QRegularExpression space(u"\\s+"_s);
        QHash<QString, QStringList> listed;
        const QStringList lines = QString::fromUtf8(sessions.out).split(u'\n');
        for (const QString &line : lines) {
            const QStringList cells = line.trimmed().split(space, Qt::SkipEmptyParts);
            if (!cells.isEmpty())
                listed.insert(cells.first(), cells);
        }
        for (const UserSession &u : std::as_const(users)) {
            const QString key = QString::fromUtf8(u.key);
            QVERIFY2(listed.contains(key), sessions.describe().constData());
            QCOMPARE(listed.value(key).value(1), u"app"_s);
            // A pin binds the session to the pinned backend.
            QCOMPARE(listed.value(key).value(2),
                key == pinnedKey ? u"b3"_s : QString::fromUtf8(u.backend));
            const QString line = listed.value(key).join(u' ');
            if (key == pinnedKey)
                QVERIFY2(line.contains(u"b3 until "_s), qPrintable(line));
            else
                QVERIFY2(line.endsWith(u" -"_s), qPrintable(line)); // no pin
        }

        const Run status = ctl(admin, {u"status"_s});
        QVERIFY2(status.exitCode == 0, status.describe().constData());
        const QHash<QString, QStringList> rows = statusRows(status.out);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.value(u"b1"_s).value(2), u"ready"_s);
        QCOMPARE(rows.value(u"b2"_s).value(2), u"drain"_s);
        QCOMPARE(rows.value(u"b3"_s).value(4), u"5"_s);
        QCOMPARE(rows.value(u"b4"_s).value(1), u"127.0.0.1:%1"_s.arg(b4.port()));
        QCOMPARE(rows.value(u"b4"_s).value(2), u"ready"_s);

        // Every user comes back to the backend that knows them; the pinned one to b3, the
        // sessions of draining b2 to b2.
        for (const UserSession &u : std::as_const(users)) {
            const Run r = curl({u"-f"_s, u"-c"_s, u.jar, u"-b"_s, u.jar}, limpet.proxyUrl());
            QVERIFY2(r.exitCode == 0, r.describe().constData());
            QCOMPARE(r.out, QString::fromUtf8(u.key) == pinnedKey ? QByteArray("b3") : u.backend);
            QCOMPARE(jarCookie(u.jar), u.key); // the same session, not a new one
        }
        QCOMPARE(
            b1.requestCount() + b2.requestCount() + b3.requestCount(), servedBeforeRestart + 5);
        QCOMPARE(limpet.stop(), 0);
    }

    // A corrupt state file: the program refuses to start (and to lose the state silently).
    QVERIFY(writeFile(dir.filePath(u"state.json"_s), "{\"version\": 1, \"sessions\": [ trunc"));
    LimpetInstance corrupt(dir.path());
    QVERIFY2(!corrupt.start(args), corrupt.describe().constData());
    QVERIFY2(corrupt.process().state() == QProcess::NotRunning
            || corrupt.process().waitForFinished(10000),
        corrupt.describe().constData());
    QCOMPARE(corrupt.process().exitStatus(), QProcess::NormalExit);
    QVERIFY2(corrupt.process().exitCode() != 0, corrupt.describe().constData());
    const QByteArray err = corrupt.stderrText();
    QVERIFY2(
        err.contains("state file") && err.contains("state.json") && err.contains("not valid JSON"),
        err.constData());
}

void TestRunbook::refusals()
{
    TestBackend b1(u"b1"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());

    // An admin API open to other hosts without a token: the config check refuses it.
    const QString open = dir.filePath(u"open.toml"_s);
    QVERIFY(writeFile(open, configToml("[admin]\nbind = \"0.0.0.0:0\"\n", {entry(b1)})));
    const Run check = runProgram(limpetBinary(), {u"--check-config"_s, open});
    QVERIFY2(check.exitCode == 2, check.describe().constData());
    const QRegularExpression located(
        u"^%1:\\d+:\\d+: .*token"_s.arg(QRegularExpression::escape(open)),
        QRegularExpression::MultilineOption);
    QVERIFY2(located.match(QString::fromUtf8(check.err)).hasMatch(), check.describe().constData());

    // The same from the command line.
    const QString plain = dir.filePath(u"plain.toml"_s);
    QVERIFY(writeFile(plain, configToml({}, {entry(b1)})));
    const Run openAdmin = runProgram(
        limpetBinary(), {u"--no-gui"_s, u"--admin"_s, u"0.0.0.0:0"_s, u"--config"_s, plain}, 10000);
    QVERIFY2(openAdmin.exitCode == 2, openAdmin.describe().constData());
    QVERIFY2(openAdmin.err.contains("token"), openAdmin.describe().constData());

    // With a token: a wrong one, or none, is refused.
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, configToml(adminHead(), {entry(b1)})));
    LimpetInstance limpet(dir.path());
    QVERIFY2(limpet.start({u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config}),
        limpet.describe().constData());
    const Run wrong = ctl(limpet.adminPort(), {u"status"_s}, 20000, u"wrong"_s);
    QVERIFY2(wrong.exitCode == 1, wrong.describe().constData());
    QVERIFY2(wrong.err.startsWith("limpet ctl: 401: "), wrong.describe().constData());
    QVERIFY(wrong.out.isEmpty());
    const Run none = ctl(limpet.adminPort(), {u"status"_s}, 20000, QString());
    QVERIFY2(none.exitCode == 1, none.describe().constData());
    QVERIFY2(none.err.contains("needs a token"), none.describe().constData());
    const Run right = ctl(limpet.adminPort(), {u"status"_s});
    QVERIFY2(right.exitCode == 0, right.describe().constData());

    // Nothing listening there.
    const Run unreachable
        = runProgram(limpetBinary(), {u"ctl"_s, u"--url"_s, u"http://127.0.0.1:1"_s, u"status"_s});
    QVERIFY2(unreachable.exitCode == 3, unreachable.describe().constData());
    QVERIFY2(unreachable.err.contains("cannot reach http://127.0.0.1:1"),
        unreachable.describe().constData());
    QCOMPARE(limpet.stop(), 0);
}

void TestRunbook::metricsThroughCurl()
{
    TestBackend b1(u"b1"_s), b2(u"b2"_s), b3(u"b3"_s);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString config = dir.filePath(u"limpet.toml"_s);
    QVERIFY(writeFile(config, configToml(adminHead(), {entry(b1), entry(b2), entry(b3)})));
    LimpetInstance limpet(dir.path());
    QVERIFY2(limpet.start({u"--no-gui"_s, u"--admin"_s, u"127.0.0.1:0"_s, u"--config"_s, config}),
        limpet.describe().constData());

    // Three new sessions: one for each backend (roundrobin).
    QSet<QByteArray> served;
    for (int i = 0; i < 3; ++i) {
        const Run r = curl({u"-f"_s}, limpet.proxyUrl());
        QVERIFY2(r.exitCode == 0, r.describe().constData());
        served.insert(r.out);
    }
    QCOMPARE(served, (QSet<QByteArray>{"b1", "b2", "b3"}));

    const QString metricsUrl = u"http://127.0.0.1:%1/metrics"_s.arg(limpet.adminPort());
    const Run metrics
        = curl({u"-f"_s, u"-H"_s, u"Authorization: Bearer %1"_s.arg(QString::fromLatin1(Token))},
            metricsUrl);
    QVERIFY2(metrics.exitCode == 0, metrics.describe().constData());
    for (const QByteArray name : {"b1", "b2", "b3"}) {
        const QRegularExpression line(
            u"^limpet_backend_requests_total\\{[^}]*backend=\"%1\"[^}]*\\} (\\d+)$"_s.arg(
                QString::fromLatin1(name)),
            QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = line.match(QString::fromUtf8(metrics.out));
        QVERIFY2(m.hasMatch(), metrics.out.constData());
        QCOMPARE(m.captured(1), u"1"_s);
    }

    const Run denied = curl({u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{http_code}"_s}, metricsUrl);
    QVERIFY2(denied.exitCode == 0, denied.describe().constData());
    QCOMPARE(denied.out, QByteArray("401"));
    QCOMPARE(limpet.stop(), 0);
}

QTEST_GUILESS_MAIN(TestRunbook)
#include "tst_runbook.moc"
