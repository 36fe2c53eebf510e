#pragma once

#include "client/clusterclient.h"
#include "client/pendingsessionchanges.h"
#include "log/decisionlog.h"

#include <QHash>
#include <QObject>

class QTimer;

namespace Limpet {

class Engine;

/// The embedded engine's side of EmbeddedClient: lives in the client's own thread, reads the
/// engine there (decisions and events every 100 ms: a sample of the decisions, as big as the
/// DecisionFeed asks, plus all of the traced session's; a snapshot every 500 ms; the session
/// table's changes every second while wanted) and runs the operations there, so the GUI thread
/// never waits on an engine lock or a big copy. Everything it learns leaves through its signals
/// (queued to the client). Every function belongs to the poller's thread.
class EmbeddedPoller final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedPoller)

public:
    /// Parentless, to be moved to its thread. The engine must outlive it.
    explicit EmbeddedPoller(Engine *engine);
    ~EmbeddedPoller() override;

    /// Starts the timers; live data starts from now (earlier decisions: requestTrace()).
    void start();
    void setSessionFeed(SessionFeed feed);
    void setDecisionFeed(DecisionFeed feed) { m_decisionFeed = feed; }

    void setBackendState(const QString &pool, const QString &backend, BackendState state);
    void setBackendWeight(const QString &pool, const QString &backend, int weight);
    void addBackend(const QString &pool, const BackendConfig &backend);
    void removeBackend(const QString &pool, const QString &backend, bool force);
    void forgetSession(const QString &pool, const QByteArray &key);
    void pinSession(const QString &pool, const QByteArray &key, const QString &backend,
        std::optional<qint64> ttlSeconds);
    void inspect(const InspectRequest &request);
    void requestTrace(const QByteArray &key, const QString &client, int limit);
    void requestConfig();
    void reload();

Q_SIGNALS:
    void connectionChanged(bool connected, const QString &error);
    void snapshotUpdated(const Limpet::EngineSnapshot &snapshot);
    void sessionsChanged(const Limpet::SessionChanges &changes);
    void decisionsArrived(const QList<Limpet::TraceRecord> &decisions);
    void eventsArrived(const QList<Limpet::EngineEvent> &events);
    void traceReady(
        const QByteArray &key, const QString &client, const QList<Limpet::TraceRecord> &records);
    void inspectReady(const Limpet::InspectAnswer &answer);
    void configReady(const QString &file, const QString &text);
    void operationFinished(const QString &what, const QString &error);

private:
    void pollRecords();
    void pollSnapshot();
    void pollSessions();
    /// Forgets where the session table was read and what was pending: the next read is full.
    void dropPendingSessions();
    /// The engine's control(), when it runs; otherwise reports `what` as failed and returns null.
    [[nodiscard]] Controller *control(const QString &what);

    Engine *m_engine;
    QTimer *m_recordTimer = nullptr;
    QTimer *m_snapshotTimer = nullptr;
    QTimer *m_sessionTimer = nullptr;
    bool m_started = false;
    SessionFeed m_sessionFeed = SessionFeed::Off;
    DecisionFeed m_decisionFeed = DecisionFeed::Sample;
    quint64 m_decisionsSeen = 0; ///< Engine::decisionsSince's count at the last poll
    /// The session or client of the latest requestTrace(): its decisions all come live, however
    /// few of the others do under load.
    DecisionFilter m_traced;
    quint64 m_lastEventId = 0;
    SessionCursor m_sessionCursor; ///< where the session table was read up to
    PendingSessionChanges m_pending; ///< what changed while the feed was paused
};

} // namespace Limpet
