#pragma once

#include "client/clusterclient.h"

#include <QThread>

#include <memory>

namespace Limpet {

class EmbeddedPoller;
class Engine;

/// The engine in this process, behind ClusterClient. Every read and every operation runs in
/// the client's own thread (an EmbeddedPoller there), never in the GUI thread: each call here
/// only posts the work, and the answers come back as queued signals. Always connected
/// (connectionChanged(true) once started). The engine must outlive the client.
class EmbeddedClient final : public ClusterClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedClient)

public:
    explicit EmbeddedClient(Engine *engine, QObject *parent = nullptr);
    /// Stops the poller's thread (waits for an operation under way to end).
    ~EmbeddedClient() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] bool isRemote() const override { return false; }
    void start() override;

    void setSessionFeed(SessionFeed feed) override;
    void setDecisionFeed(DecisionFeed feed) override;

    void setBackendState(const QString &pool, const QString &backend, BackendState state) override;
    void setBackendWeight(const QString &pool, const QString &backend, int weight) override;
    void addBackend(const QString &pool, const BackendConfig &backend) override;
    void removeBackend(const QString &pool, const QString &backend, bool force) override;
    void forgetSession(const QString &pool, const QByteArray &key) override;
    void pinSession(const QString &pool, const QByteArray &key, const QString &backend,
        std::optional<qint64> ttlSeconds) override;
    void inspect(const InspectRequest &request) override;
    void requestTrace(const QByteArray &key, const QString &client, int limit) override;
    void requestConfig() override;
    void reload() override;

private:
    struct ThreadStopper
    {
        void operator()(QThread *thread) const
        {
            thread->quit();
            thread->wait();
            delete thread;
        }
    };
    /// Runs `work` in the poller's thread, with the poller.
    template <typename Work>
    void post(Work &&work);

    std::unique_ptr<QThread, ThreadStopper> m_thread;
    EmbeddedPoller *m_poller; ///< lives in m_thread; deleted when the thread finishes
};

} // namespace Limpet
