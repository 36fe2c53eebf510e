#pragma once

#include "client/clusterclient.h"
#include "client/pendingsessionchanges.h"

#include <QJsonObject>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;
class QTimer;

namespace Limpet {

/// A remote `limpet --no-gui` through its admin API (engine/admin/API.md), behind ClusterClient.
/// Everything is asynchronous in the GUI thread (QNetworkAccessManager, never a waitFor*), and
/// every request gives up after 10 s without a byte.
///
/// Live data comes from the event stream (`GET /api/v1/events`): decisions (a sample as big as the
/// DecisionFeed asks, plus all of the traced session's, which the stream follows) batched at most
/// every 100 ms, events as they come, a snapshot about once a second (plus `GET /api/v1/cluster` at
/// start and after a reconnect). When the stream cannot open or drops, connectionChanged(false,
/// why) and it retries after 1 s, 2 s, 4 s, … at most 10 s; connectionChanged(true) once it is
/// back. While the session table is wanted (or hidden after it was shown), it is followed every
/// 2 s through `GET /api/v1/sessions/changes`: the whole table first (at most 200,000 sessions),
/// then what changed.
class RemoteClient final : public ClusterClient
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteClient)

public:
    /// `url`: the instance's admin API, e.g. http://127.0.0.1:9090 (a trailing /api/v1 is
    /// accepted). `token`: sent as `Authorization: Bearer` when not empty.
    RemoteClient(QUrl url, QByteArray token, QObject *parent = nullptr);
    ~RemoteClient() override;

    [[nodiscard]] QString name() const override;
    [[nodiscard]] bool isRemote() const override { return true; }
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
    /// What one request came to.
    struct Answer
    {
        int status = 0; ///< 0: no answer
        QJsonObject json; ///< the body, when it is a JSON object
        QString error; ///< empty: a 2xx with the API's JSON; otherwise why not (one text)
    };
    using Handler = std::function<void(const Answer &)>;

    /// `path`: below the base, percent-encoded per segment ("/api/v1/sessions/web/a%2Fb").
    [[nodiscard]] QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query) const;
    /// Sends a request (a `body` as compact JSON) and calls `done` with its answer, later, in
    /// this thread (never from inside call()).
    void call(const QByteArray &method, const QString &path, const QUrlQuery &query,
        const std::optional<QJsonObject> &body, Handler done);
    /// An operation whose only answer is operationFinished(what, error).
    void operation(const QString &what, const QByteArray &method, const QString &path,
        const QUrlQuery &query = {}, const std::optional<QJsonObject> &body = std::nullopt);
    [[nodiscard]] static Answer answerOf(QNetworkReply &reply);

    void fetchCluster();
    /// The event stream's query: the decision sample the views want, and the traced session.
    [[nodiscard]] QUrlQuery streamQuery() const;
    void openStream();
    /// Opens the event stream again with the current streamQuery(), when one is open or opening.
    void restartStream();
    /// GET /api/v1/decisions for a trace's history (traceReady).
    void fetchTrace(const QByteArray &key, const QString &client, int limit);
    /// The history of a trace that waited for its stream (m_traceAfterOpen), if any, now.
    void askWaitingTrace();
    void streamMetaData();
    void readStream();
    void streamFinished();
    /// One complete server-sent event.
    void dispatchServerEvent(const QByteArray &event, const QByteArray &data);
    void flushDecisions();
    void flushEvents();
    /// Emits connectionChanged when the state or the reason changed.
    void setConnected(bool connected, const QString &error);
    void scheduleReconnect();

    void fetchSessions();
    /// Hands a read's changes to the view, or keeps them while it is hidden. Returns false when
    /// too much piled up while hidden: dropped, the next read must be whole.
    bool deliverSessions(SessionChanges &&changes);
    /// Ends a read of the session feed: `cursor` empty when it failed or was dropped (the next
    /// read is whole).
    void sessionsRead(quint64 generation, const QString &cursor);

    QUrl m_url;
    QString m_basePath; ///< m_url's path, encoded, without /api/v1 and trailing slashes
    QByteArray m_token;
    QNetworkAccessManager *m_nam;
    bool m_started = false;

    // The event stream.
    QNetworkReply *m_stream = nullptr;
    bool m_streamOpen = false; ///< its head came with a 2xx
    bool m_everConnected = false;
    std::optional<bool> m_connected; ///< what connectionChanged said last (none: nothing yet)
    QString m_connectionError;
    QByteArray m_streamBuffer; ///< bytes after the last complete line
    QByteArray m_eventName; ///< the event being read: its `event:` and `data:` lines so far
    QByteArray m_eventData;
    bool m_eventHasData = false;
    DecisionFeed m_decisionFeed = DecisionFeed::Sample;
    QByteArray m_tracedKey; ///< followed on the stream (the latest requestTrace())
    QString m_tracedClient;
    struct TraceQuestion
    {
        QByteArray key;
        QString client;
        int limit = 0;
    };
    /// A trace's history, asked once the stream that follows it is open.
    std::optional<TraceQuestion> m_traceAfterOpen;
    quint64 m_lastEventId = 0; ///< the newest event the stream gave
    bool m_resumeEvents = false; ///< streamQuery(): resume from m_lastEventId (restartStream())
    QList<TraceRecord> m_pendingDecisions;
    QList<EngineEvent> m_pendingEvents;
    QTimer *m_decisionTimer;
    QTimer *m_reconnectTimer;
    std::chrono::milliseconds m_backoff;

    // The session table, followed through GET /api/v1/sessions/changes.
    SessionFeed m_sessionFeed = SessionFeed::Off;
    bool m_sessionsBusy = false;
    quint64 m_sessionGeneration = 0; ///< bumped to drop the answer of a read under way
    QString m_sessionCursor; ///< the last answer's cursor; empty: the next read is whole
    PendingSessionChanges m_pendingSessions; ///< read while the feed is paused
    QString m_sessionError; ///< the refusal last reported (each one is reported once)
    QTimer *m_sessionTimer;
};

} // namespace Limpet
