#include "client/embeddedclient.h"

#include "client/embeddedpoller.h"

namespace Limpet {

EmbeddedClient::EmbeddedClient(Engine *engine, QObject *parent)
    : ClusterClient(parent)
    , m_thread(new QThread)
    , m_poller(new EmbeddedPoller(engine))
{
    registerClusterClientMetaTypes();
    m_thread->setObjectName(QStringLiteral("Limpet client"));
    m_poller->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_poller, &QObject::deleteLater);
    // The poller emits in its thread: these connections are queued to this (GUI) thread.
    connect(m_poller, &EmbeddedPoller::connectionChanged, this, &ClusterClient::connectionChanged);
    connect(m_poller, &EmbeddedPoller::snapshotUpdated, this, &ClusterClient::snapshotUpdated);
    connect(m_poller, &EmbeddedPoller::sessionsChanged, this, &ClusterClient::sessionsChanged);
    connect(m_poller, &EmbeddedPoller::decisionsArrived, this, &ClusterClient::decisionsArrived);
    connect(m_poller, &EmbeddedPoller::eventsArrived, this, &ClusterClient::eventsArrived);
    connect(m_poller, &EmbeddedPoller::traceReady, this, &ClusterClient::traceReady);
    connect(m_poller, &EmbeddedPoller::inspectReady, this, &ClusterClient::inspectReady);
    connect(m_poller, &EmbeddedPoller::configReady, this, &ClusterClient::configReady);
    connect(m_poller, &EmbeddedPoller::operationFinished, this, &ClusterClient::operationFinished);
    // Running from the start, so operations asked before start() are answered too.
    m_thread->start();
}

EmbeddedClient::~EmbeddedClient()
{
    // Before anything of this object goes: the poller may be emitting to it.
    m_thread.reset();
}

template <typename Work>
void EmbeddedClient::post(Work &&work)
{
    EmbeddedPoller *poller = m_poller;
    QMetaObject::invokeMethod(
        poller, [poller, work = std::forward<Work>(work)]() { work(*poller); });
}

QString EmbeddedClient::name() const
{
    return tr("This computer");
}

void EmbeddedClient::start()
{
    post([](EmbeddedPoller &p) { p.start(); });
}

void EmbeddedClient::setSessionFeed(SessionFeed feed)
{
    post([feed](EmbeddedPoller &p) { p.setSessionFeed(feed); });
}

void EmbeddedClient::setDecisionFeed(DecisionFeed feed)
{
    post([feed](EmbeddedPoller &p) { p.setDecisionFeed(feed); });
}

void EmbeddedClient::setBackendState(
    const QString &pool, const QString &backend, BackendState state)
{
    post([pool, backend, state](EmbeddedPoller &p) { p.setBackendState(pool, backend, state); });
}

void EmbeddedClient::setBackendWeight(const QString &pool, const QString &backend, int weight)
{
    post([pool, backend, weight](EmbeddedPoller &p) { p.setBackendWeight(pool, backend, weight); });
}

void EmbeddedClient::addBackend(const QString &pool, const BackendConfig &backend)
{
    post([pool, backend](EmbeddedPoller &p) { p.addBackend(pool, backend); });
}

void EmbeddedClient::removeBackend(const QString &pool, const QString &backend, bool force)
{
    post([pool, backend, force](EmbeddedPoller &p) { p.removeBackend(pool, backend, force); });
}

void EmbeddedClient::forgetSession(const QString &pool, const QByteArray &key)
{
    post([pool, key](EmbeddedPoller &p) { p.forgetSession(pool, key); });
}

void EmbeddedClient::pinSession(const QString &pool, const QByteArray &key, const QString &backend,
    std::optional<qint64> ttlSeconds)
{
    post([pool, key, backend, ttlSeconds](
             EmbeddedPoller &p) { p.pinSession(pool, key, backend, ttlSeconds); });
}

void EmbeddedClient::inspect(const InspectRequest &request)
{
    post([request](EmbeddedPoller &p) { p.inspect(request); });
}

void EmbeddedClient::requestTrace(const QByteArray &key, const QString &client, int limit)
{
    post([key, client, limit](EmbeddedPoller &p) { p.requestTrace(key, client, limit); });
}

void EmbeddedClient::requestConfig()
{
    post([](EmbeddedPoller &p) { p.requestConfig(); });
}

void EmbeddedClient::reload()
{
    post([](EmbeddedPoller &p) { p.reload(); });
}

} // namespace Limpet
