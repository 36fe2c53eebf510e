#include "engine.h"

#include "proxy/listener.h"
#include "proxy/runtime.h"
#include "proxy/worker.h"

#include <QDateTime>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcEngine, "limpet.engine")

namespace Limpet {

Engine::Engine(QObject *parent)
    : QObject(parent)
{ }

Engine::~Engine()
{
    stop(std::chrono::milliseconds(0));
}

const Config &Engine::config() const
{
    static const Config none;
    return m_runtime ? m_runtime->config : none;
}

std::optional<QString> Engine::start(const Config &config)
{
    if (m_runtime)
        return u"the engine is already running"_s;
    if (config.pools.isEmpty())
        return u"no pool configured"_s;
    m_runtime = std::make_shared<Runtime>(config);
    if (!config.log.access.isEmpty()) {
        if (std::optional<QString> error = m_runtime->decisions.openAccessLog(config.log.access)) {
            m_runtime.reset();
            return error;
        }
    }
    const int count = config.effectiveWorkers();
    for (int i = 0; i < count; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(u"limpet-worker-%1"_s.arg(i));
        auto *worker = new Worker(m_runtime, i);
        worker->setObjectName(thread->objectName());
        worker->moveToThread(thread);
        connect(thread, &QThread::finished, worker, &QObject::deleteLater);
        thread->start();
        QMetaObject::invokeMethod(
            worker, [worker] { worker->init(); }, Qt::QueuedConnection);
        m_threads.emplace_back(thread);
        m_workers.append(worker);
    }

    // The listening socket is created in the first worker's thread; the caller waits for the
    // bind result only (a few system calls), so a bad address is reported before start returns.
    QString error;
    Endpoint bound = config.listen;
    Worker *first = m_workers.first();
    const QList<Worker *> workers = m_workers;
    QMetaObject::invokeMethod(
        first,
        [&] {
            auto *listener = new Listener(workers, first);
            if (!listener->listen(config.listen.host, config.listen.port)) {
                error = u"cannot listen on %1: %2"_s.arg(
                    config.listen.toString(), listener->errorString());
                delete listener;
                return;
            }
            bound.port = listener->serverPort();
            m_listener = listener;
        },
        Qt::BlockingQueuedConnection);
    if (!error.isEmpty()) {
        m_threads.clear();
        m_workers.clear();
        m_runtime.reset();
        return error;
    }
    m_listenAddress = bound;
    qCInfo(lcEngine).noquote() << "listening on" << bound.toString() << "with" << count
                               << (count == 1 ? "worker" : "workers");
    return std::nullopt;
}

void Engine::stop(std::chrono::milliseconds grace)
{
    if (!m_runtime)
        return;
    m_runtime->stopping = true;
    Listener *listener = std::exchange(m_listener, nullptr);
    if (listener)
        QMetaObject::invokeMethod(
            listener, [listener] { listener->close(); }, Qt::BlockingQueuedConnection);

    // Let in-flight requests finish, up to the grace period.
    if (grace.count() > 0 && m_runtime->connectionsOpen.load() > 0) {
        QEventLoop loop;
        int idleWorkers = 0;
        for (Worker *w : std::as_const(m_workers)) {
            connect(w, &Worker::idle, &loop, [&] {
                if (++idleWorkers == m_workers.size())
                    loop.quit();
            });
            QMetaObject::invokeMethod(
                w, [w] { w->beginShutdown(); }, Qt::QueuedConnection);
        }
        QTimer::singleShot(grace, &loop, &QEventLoop::quit);
        loop.exec();
    }
    for (Worker *w : std::as_const(m_workers))
        QMetaObject::invokeMethod(
            w, [w] { w->abortAll(); }, Qt::BlockingQueuedConnection);
    m_threads.clear(); // quits and joins each thread; workers are deleted as threads finish
    m_workers.clear();
    m_runtime.reset();
}

EngineSnapshot Engine::snapshot() const
{
    EngineSnapshot s;
    s.timeMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_runtime)
        return s;
    s.listen = m_listenAddress.toString();
    s.workers = static_cast<int>(m_workers.size());
    s.connectionsAccepted = m_runtime->connectionsAccepted.load();
    s.connectionsOpen = m_runtime->connectionsOpen.load();
    for (const PoolPtr &pool : m_runtime->pools) {
        PoolSnapshot p;
        p.name = pool->name();
        p.affinityMode = pool->affinity().name();
        p.balancing = pool->balancer().name();
        for (const BackendPtr &b : pool->backends()) {
            BackendSnapshot bs;
            bs.pool = p.name;
            bs.name = b->name();
            bs.address = b->address().toString();
            bs.route = b->route();
            bs.state = b->state();
            bs.health = b->health();
            bs.weight = b->weight();
            bs.requests = b->counters.requests.load();
            for (size_t i = 0; i < bs.responses.size(); ++i)
                bs.responses[i] = b->counters.responses[i].load();
            bs.active = b->counters.active.load();
            bs.bytesIn = b->counters.bytesIn.load();
            bs.bytesOut = b->counters.bytesOut.load();
            bs.failures = b->counters.failures.load();
            bs.sessions = b->counters.sessions.load();
            s.sessions += bs.sessions;
            p.backends.append(bs);
        }
        s.pools.append(p);
    }
    return s;
}

QList<Decision> Engine::decisions(int limit, const QByteArray &key, const QString &client) const
{
    return m_runtime ? m_runtime->decisions.recent(limit, key, client) : QList<Decision>();
}

BackendPtr Engine::backend(const QString &pool, const QString &name) const
{
    if (!m_runtime)
        return nullptr;
    for (const PoolPtr &p : m_runtime->pools) {
        if (p->name() == pool)
            return p->backendByName(name);
    }
    return nullptr;
}

QList<SessionInfo> Engine::sessions() const
{
    return m_runtime ? m_runtime->sessions.snapshot() : QList<SessionInfo>();
}

} // namespace Limpet
