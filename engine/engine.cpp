#include "engine.h"

#include "config/configloader.h"
#include "control/statefile.h"
#include "control/supervisor.h"
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

Config Engine::config() const
{
    return m_runtime ? m_runtime->routing()->config : Config();
}

Endpoint Engine::listenAddress() const
{
    QMutexLocker lock(&m_lock);
    return m_listenAddress;
}

std::optional<Endpoint> Engine::adminAddress() const
{
    QMutexLocker lock(&m_lock);
    return m_adminAddress;
}

std::optional<QString> Engine::bindListener(const Endpoint &bind)
{
    // The listening socket is created in the first worker's thread; the caller waits for the
    // bind result only (a few system calls), so a bad address is reported before this returns.
    QString error;
    Listener *created = nullptr;
    Worker *first = m_workers.first();
    const QList<Worker *> workers = m_workers;
    QMetaObject::invokeMethod(
        first,
        [&] {
            auto *listener = new Listener(workers, first);
            if (!listener->listen(bind.host, bind.port)) {
                error = u"cannot listen on %1: %2"_s.arg(bind.toString(), listener->errorString());
                delete listener;
                return;
            }
            created = listener;
        },
        Qt::BlockingQueuedConnection);
    if (!created)
        return error;
    Listener *old = m_listener;
    m_listener = created;
    Endpoint bound = bind;
    bound.port = created->serverPort();
    m_listenAddress = bound;
    if (old) {
        // Connections it accepted are the workers'; closing it only stops new ones.
        QMetaObject::invokeMethod(
            old, [old] { delete old; }, Qt::QueuedConnection);
    }
    return std::nullopt;
}

std::optional<QString> Engine::start(const Config &config)
{
    if (m_runtime)
        return u"the engine is already running"_s;
    if (config.pools.isEmpty())
        return u"no pool configured"_s;
    m_runtime = std::make_shared<Runtime>(config);
    m_controller = std::make_unique<Controller>(m_runtime);
    const auto fail = [this](const QString &error) {
        stop(std::chrono::milliseconds(0));
        return std::optional<QString>(error);
    };
    if (!config.log.access.isEmpty()) {
        if (std::optional<QString> error = m_runtime->decisions.openAccessLog(config.log.access))
            return fail(*error);
    }
    if (!config.stateFile.isEmpty()) {
        const std::variant<StateRestored, QString> restored
            = restoreState(config.stateFile, *m_runtime);
        if (const QString *error = std::get_if<QString>(&restored))
            return fail(*error);
        const StateRestored &r = std::get<StateRestored>(restored);
        m_stateRestored = true; // from now on, stop() saves it (never over a file it refused)
        if (r.found)
            qCInfo(lcEngine).noquote()
                << "state restored from" << config.stateFile << ":" << r.sessions << "sessions,"
                << r.backends << "backend states," << r.added << "added backends";
    }
    m_startedMs = QDateTime::currentMSecsSinceEpoch();
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
    {
        QMutexLocker lock(&m_lock);
        if (std::optional<QString> error = bindListener(config.listen)) {
            lock.unlock();
            return fail(*error);
        }
    }

    // The control thread: admin API, health checks, housekeeping.
    auto *control = new QThread;
    control->setObjectName(u"limpet-control"_s);
    m_controlThread.reset(control);
    auto *supervisor = new Supervisor(this, m_runtime);
    supervisor->moveToThread(control);
    connect(control, &QThread::finished, supervisor, &QObject::deleteLater);
    control->start();
    m_supervisor = supervisor;
    std::optional<QString> adminError;
    std::optional<Endpoint> admin;
    QMetaObject::invokeMethod(
        supervisor,
        [&] {
            adminError = supervisor->start(config.admin);
            admin = supervisor->adminAddress();
        },
        Qt::BlockingQueuedConnection);
    if (adminError)
        return fail(*adminError);
    {
        QMutexLocker lock(&m_lock);
        m_adminAddress = admin;
    }
    qCInfo(lcEngine).noquote() << "listening on" << listenAddress().toString() << "with" << count
                               << (count == 1 ? "worker" : "workers");
    return std::nullopt;
}

void Engine::stopControlThread()
{
    // Ends the admin API, health checks and housekeeping; the supervisor is deleted in its
    // thread when the thread finishes.
    m_controlThread.reset();
    m_supervisor = nullptr;
    QMutexLocker lock(&m_lock);
    m_adminAddress.reset();
}

void Engine::stop(std::chrono::milliseconds grace)
{
    if (!m_runtime)
        return;
    m_runtime->stopping = true;
    stopControlThread();
    Listener *listener = nullptr;
    {
        QMutexLocker lock(&m_lock);
        listener = std::exchange(m_listener, nullptr);
    }
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
    if (m_stateRestored) {
        if (std::optional<QString> error = saveState())
            qCWarning(lcEngine).noquote() << *error;
        else
            qCInfo(lcEngine).noquote()
                << "state saved to" << m_runtime->routing()->config.stateFile;
    }
    m_stateRestored = false;
    m_controller.reset();
    m_runtime.reset();
}

std::optional<QString> Engine::saveState() const
{
    if (!m_runtime)
        return std::nullopt;
    const QString path = m_runtime->routing()->config.stateFile;
    if (path.isEmpty())
        return std::nullopt;
    return Limpet::saveState(path, *m_runtime);
}

EngineSnapshot Engine::snapshot() const
{
    EngineSnapshot s;
    s.timeMs = QDateTime::currentMSecsSinceEpoch();
    s.version = QStringLiteral(LIMPET_VERSION);
    if (!m_runtime)
        return s;
    const RoutingPtr routing = m_runtime->routing();
    s.startedMs = m_startedMs;
    s.listen = listenAddress().toString();
    if (const std::optional<Endpoint> admin = adminAddress())
        s.admin = admin->toString();
    s.configFile = routing->config.sourceFile;
    s.configLoadedMs = routing->loadedMs;
    {
        QMutexLocker lock(&m_lock);
        s.reloads = m_reloads;
    }
    s.workers = static_cast<int>(m_workers.size());
    s.connectionsAccepted = m_runtime->connectionsAccepted.load();
    s.connectionsOpen = m_runtime->connectionsOpen.load();
    s.events = m_runtime->events.total();
    for (const PoolPtr &pool : routing->pools) {
        PoolSnapshot p;
        p.name = pool->name();
        p.affinityMode = pool->affinity().name();
        p.balancing = pool->balancer().name();
        p.decisions = pool->decisionCounts();
        p.backendChanges = pool->backendChanges();
        p.backendChangeCauses = pool->backendChangeCauses();
        const HealthConfig &health = pool->config().health;
        for (const BackendPtr &b : pool->backends()) {
            BackendSnapshot bs = Controller::snapshotOf(p.name, *b);
            bs.check.enabled = health.enabled;
            if (health.enabled)
                bs.check.type = health.type;
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

std::pair<QList<Decision>, quint64> Engine::decisionsSince(
    quint64 seen, int limit, const DecisionFilter &filter) const
{
    if (!m_runtime)
        return {};
    return m_runtime->decisions.since(seen, limit, filter);
}

QList<EngineEvent> Engine::events(int limit) const
{
    return m_runtime ? m_runtime->events.recent(limit) : QList<EngineEvent>();
}

QList<EngineEvent> Engine::eventsSince(quint64 afterId, int limit) const
{
    return m_runtime ? m_runtime->events.since(afterId, limit) : QList<EngineEvent>();
}

BackendPtr Engine::backend(const QString &pool, const QString &name) const
{
    if (!m_runtime)
        return nullptr;
    const PoolPtr p = m_runtime->routing()->pool(pool);
    return p ? p->backendByName(name) : nullptr;
}

QList<SessionInfo> Engine::sessions() const
{
    return m_runtime ? m_runtime->sessions.snapshot() : QList<SessionInfo>();
}

SessionChanges Engine::sessionChanges(SessionCursor &cursor) const
{
    if (!m_runtime) {
        cursor = {};
        return SessionChanges{true, {}, {}};
    }
    return m_runtime->sessions.changes(cursor);
}

std::shared_ptr<const SessionTable> Engine::sessionTable() const
{
    if (!m_runtime)
        return nullptr;
    return std::shared_ptr<const SessionTable>(m_runtime, &m_runtime->sessions);
}

std::optional<SessionInfo> Engine::session(const QString &pool, const QByteArray &key) const
{
    return m_runtime ? m_runtime->sessions.find(pool, key) : std::nullopt;
}

OpResult<QStringList> Engine::reload()
{
    if (!m_runtime)
        return OpError{OpError::Kind::Conflict, u"the engine is not running"_s, {}};
    const QString file = m_runtime->routing()->config.sourceFile;
    if (file.isEmpty())
        return OpError{OpError::Kind::Conflict,
            u"this instance runs without a config file (the demo cluster): nothing to reload"_s,
            {}};
    ConfigResult loaded = loadConfigFile(file);
    if (const auto *errors = std::get_if<QList<ConfigError>>(&loaded)) {
        QStringList details;
        for (const ConfigError &e : *errors)
            details.append(e.toString());
        m_runtime->events.add({0, 0, u"reload-failed"_s, {}, {}, {}, {},
            u"%1: %2 (the running config stays)"_s.arg(file, details.value(0))});
        return OpError{OpError::Kind::Invalid,
            u"%1 is not valid; the running config stays"_s.arg(file), details};
    }
    Config next = std::get<Config>(std::move(loaded));
    if (m_reloadOverrides)
        m_reloadOverrides(next);
    return apply(next);
}

OpResult<QStringList> Engine::apply(const Config &given)
{
    if (!m_runtime)
        return OpError{OpError::Kind::Conflict, u"the engine is not running"_s, {}};
    QMutexLocker lock(&m_lock);
    const RoutingPtr current = m_runtime->routing();
    const Config &old = current->config;
    Config next = given;
    QStringList changes;
    const auto needsRestart = [&](const QString &what) {
        changes.append(u"%1 changed: needs a restart (kept as it is)"_s.arg(what));
    };
    // What cannot change in a running process stays as it is.
    if (next.workers != old.workers) {
        needsRestart(u"[listener] workers"_s);
        next.workers = old.workers;
    }
    if (next.sessions.maxEntries != old.sessions.maxEntries) {
        needsRestart(u"[sessions] max_entries"_s);
        next.sessions.maxEntries = old.sessions.maxEntries;
    }
    if (next.log.decisions != old.log.decisions || next.log.access != old.log.access) {
        needsRestart(u"[log]"_s);
        next.log = old.log;
    }
    const bool adminChanged = next.admin.has_value() != old.admin.has_value()
        || (next.admin && old.admin
            && (next.admin->bind != old.admin->bind || next.admin->token != old.admin->token));
    if (adminChanged) {
        needsRestart(u"[admin]"_s);
        next.admin = old.admin;
    }
    if (next.stateFile != old.stateFile) {
        needsRestart(u"[state] file"_s);
        next.stateFile = old.stateFile;
    }
    if (!(next.listen == old.listen)) {
        if (std::optional<QString> error = bindListener(next.listen))
            return OpError{OpError::Kind::Conflict, *error, {}};
        changes.append(u"listener moved to %1"_s.arg(m_listenAddress.toString()));
    }
    if (next.timeouts.connect != old.timeouts.connect || next.timeouts.client != old.timeouts.client
        || next.timeouts.server != old.timeouts.server
        || next.timeouts.keepalive != old.timeouts.keepalive
        || next.timeouts.tunnel != old.timeouts.tunnel
        || next.timeouts.shutdown != old.timeouts.shutdown)
        changes.append(u"[timeouts] changed"_s);
    if (next.limits.maxUri != old.limits.maxUri
        || next.limits.maxHeaderBytes != old.limits.maxHeaderBytes
        || next.limits.maxHeaders != old.limits.maxHeaders)
        changes.append(u"[limits] changed (new connections)"_s);
    if (next.sessions.idle != old.sessions.idle)
        changes.append(u"[sessions] idle changed"_s);

    const auto event = [&](const QString &kind, const QString &pool, const QString &backend,
                           const QString &from, const QString &to, const QString &message) {
        m_runtime->events.add({0, 0, kind, pool, backend, from, to, message});
    };
    QList<PoolPtr> pools;
    QList<BackendPtr> gone; // backends no longer in any pool: their bindings go
    for (const PoolConfig &pc : std::as_const(next.pools)) {
        const PoolPtr was = current->pool(pc.name);
        const PoolConfig *wasConfig = nullptr;
        for (const PoolConfig &o : old.pools) {
            if (o.name == pc.name)
                wasConfig = &o;
        }
        if (!was) {
            pools.append(std::make_shared<Pool>(pc));
            changes.append(u"pool %1 added"_s.arg(pc.name));
            event(u"pool-added"_s, pc.name, {}, {}, {}, {});
            continue;
        }
        const QList<BackendPtr> wasBackends = was->backends();
        const auto inConfig
            = [](const PoolConfig *c, const QString &name) -> const BackendConfig * {
            if (!c)
                return nullptr;
            for (const BackendConfig &b : c->backends) {
                if (b.name == name)
                    return &b;
            }
            return nullptr;
        };
        // A new Pool object (same name): sessions keyed by pool name and backends kept as
        // objects stay bound. Backends added at run time (not in the old file) stay too.
        PoolConfig merged = pc;
        for (const BackendPtr &b : wasBackends) {
            if (!inConfig(wasConfig, b->name()) && !inConfig(&pc, b->name())) {
                BackendConfig keep;
                keep.name = b->name();
                keep.address = b->address();
                keep.route = b->route();
                keep.weight = b->weight();
                keep.state = toString(b->state());
                keep.maxConn = b->maxConn();
                merged.backends.append(keep);
            }
        }
        PoolConfig withoutBackends = pc;
        withoutBackends.backends.clear();
        PoolConfig oldWithoutBackends = wasConfig ? *wasConfig : PoolConfig();
        oldWithoutBackends.backends.clear();
        PoolPtr pool;
        if (withoutBackends == oldWithoutBackends) {
            // Same settings: the same Pool object (its affinity mode keeps what it learnt, its
            // balancer its position); only its backends are brought in line.
            pool = was;
            for (const BackendConfig &c : std::as_const(merged.backends)) {
                const BackendPtr existing = pool->backendByName(c.name);
                const QString route = c.route.isEmpty() ? c.name : c.route;
                if (existing && existing->address() == c.address && existing->route() == route)
                    continue;
                if (existing)
                    pool->removeBackend(c.name); // moved elsewhere: a new backend
                (void)pool->addBackend(c);
            }
            for (const BackendPtr &b : wasBackends) {
                bool listed = false;
                for (const BackendConfig &c : std::as_const(merged.backends))
                    listed = listed || c.name == b->name();
                if (!listed)
                    pool->removeBackend(b->name());
            }
        } else {
            pool = std::make_shared<Pool>(merged, wasBackends, was.get());
            changes.append(u"pool %1: settings changed"_s.arg(pc.name));
        }
        for (const BackendPtr &b : pool->backends()) {
            const BackendConfig *inFile = inConfig(&pc, b->name());
            const BackendConfig *before = inConfig(wasConfig, b->name());
            const bool kept = wasBackends.contains(b);
            if (!kept) {
                changes.append(u"pool %1: backend %2 added (%3)"_s.arg(
                    pc.name, b->name(), b->address().toString()));
                event(
                    u"backend-added"_s, pc.name, b->name(), {}, toString(b->state()), u"reload"_s);
                continue;
            }
            // The file changed this backend's weight or state: the file wins. Otherwise a
            // runtime change (drain, weight) stays.
            if (inFile && before && inFile->weight != before->weight
                && b->weight() != inFile->weight) {
                event(u"weight"_s, pc.name, b->name(), QString::number(b->weight()),
                    QString::number(inFile->weight), u"reload"_s);
                b->setWeight(inFile->weight);
                changes.append(
                    u"pool %1: backend %2 weight %3"_s.arg(pc.name, b->name()).arg(inFile->weight));
            }
            if (inFile && before && inFile->state != before->state
                && toString(b->state()) != inFile->state) {
                const BackendState s = backendStateFromString(inFile->state).value();
                event(u"state"_s, pc.name, b->name(), toString(b->state()), inFile->state,
                    u"reload"_s);
                b->setState(s, QDateTime::currentMSecsSinceEpoch());
                changes.append(u"pool %1: backend %2 %3"_s.arg(pc.name, b->name(), inFile->state));
            }
        }
        // No more checks in this pool: nothing would ever bring a down backend back.
        if (!pc.health.enabled) {
            for (const BackendPtr &b : pool->backends()) {
                if (b->health() == Health::Down && b->setHealth(Health::Up)) {
                    event(u"health"_s, pc.name, b->name(), toString(Health::Down),
                        toString(Health::Up), u"reload: the pool has no health checks any more"_s);
                }
            }
        }
        const QList<BackendPtr> kept = pool->backends();
        for (const BackendPtr &b : wasBackends) {
            if (!kept.contains(b)) {
                gone.append(b);
                changes.append(u"pool %1: backend %2 removed"_s.arg(pc.name, b->name()));
                event(u"backend-removed"_s, pc.name, b->name(), {}, {}, u"reload"_s);
            }
        }
        pools.append(pool);
    }
    for (const PoolPtr &p : current->pools) {
        bool stays = false;
        for (const PoolConfig &pc : std::as_const(next.pools))
            stays = stays || pc.name == p->name();
        if (!stays) {
            gone.append(p->backends());
            changes.append(u"pool %1 removed"_s.arg(p->name()));
            event(u"pool-removed"_s, p->name(), {}, {}, {}, u"reload"_s);
        }
    }
    m_runtime->setRouting(std::make_shared<const Routing>(next, pools));
    for (const BackendPtr &b : std::as_const(gone))
        m_runtime->sessions.forgetBackend(b.get());
    ++m_reloads;
    if (changes.isEmpty())
        changes.append(u"no change"_s);
    event(u"reload"_s, {}, {}, {}, {}, changes.join(u"; "_s));
    return changes;
}

} // namespace Limpet
