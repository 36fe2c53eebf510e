#pragma once

#include "config/config.h"
#include "control/controller.h"
#include "log/eventlog.h"
#include "pool/backend.h"
#include "session/sessiontable.h"
#include "snapshot.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace Limpet {

/// A decision as the UI sees it: a value (no pointer into an engine), the same whether it came
/// from the embedded engine or from a remote instance's API.
struct TraceRecord
{
    qint64 timeMs = 0;
    QString pool;
    QString client;
    QString method;
    QString target;
    QString mode;
    QString keySeen; ///< affinity value as the client sent it (empty: none)
    QString key; ///< key in force after the decision
    QString decoded;
    QString detail;
    QString reason; ///< reason code name (engine/README.md)
    QString backend; ///< empty: none took it
    QString algorithm;
    QString setCookie;
    bool changedBackend = false;
    QString previousBackend;
    QString changeCause; ///< reason code name, when changedBackend
    int status = 0;
    qint64 durationMs = 0;
    quint64 bytesSent = 0;
    int retries = 0;
    QStringList candidates; ///< inspect: where a new session would be balanced
};

/// The answer to a dry run (cookie inspector).
struct InspectAnswer
{
    TraceRecord decision;
    std::optional<SessionInfo> session;
    QString summary;
};

/// What the Sessions view wants of an instance's session table.
enum class SessionFeed {
    Off, ///< nothing; the next On starts with the whole table
    /// Nothing for now (the view is hidden), but the view keeps its table: On resumes with what
    /// changed meanwhile, when the transport can tell (else the whole table).
    Paused,
    On, ///< the table, then its changes, about once a second
};

/// How much of the live decision stream (decisionsArrived) the views want. Either way, every
/// decision of the session or client of the latest requestTrace() comes too.
enum class DecisionFeed {
    /// A small sample of the newest (about 200 a second): enough to learn each pool's cookie.
    Sample,
    /// A bigger sample (the embedded engine: up to 5,000 a second; a remote instance: 2,000),
    /// for a list of recent requests.
    Full,
};

/// One instance the UI manages, behind one interface with two transports: the embedded engine
/// in this process (EmbeddedClient) and a remote `limpet --no-gui` through its admin API
/// (RemoteClient). Every view works the same on both.
///
/// Nothing here blocks the GUI thread: requests return at once and their answers come as
/// signals; live data is pushed in batches (decisions and events at most ~10 times a second,
/// snapshots ~2 times a second, the session table's changes ~once a second while someone wants
/// them).
class ClusterClient : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterClient)

public:
    explicit ClusterClient(QObject *parent = nullptr)
        : QObject(parent)
    { }
    ~ClusterClient() override = default;

    /// What the UI calls it: "This computer" or the API's URL.
    [[nodiscard]] virtual QString name() const = 0;
    [[nodiscard]] virtual bool isRemote() const = 0;
    /// Starts the live updates.
    virtual void start() = 0;

    /// What the Sessions view wants of the session table (sessionsChanged); Off by default.
    virtual void setSessionFeed(SessionFeed feed) = 0;
    /// How many live decisions the views want (decisionsArrived); Sample by default.
    virtual void setDecisionFeed(DecisionFeed feed) = 0;

    virtual void setBackendState(const QString &pool, const QString &backend, BackendState state)
        = 0;
    virtual void setBackendWeight(const QString &pool, const QString &backend, int weight) = 0;
    virtual void addBackend(const QString &pool, const BackendConfig &backend) = 0;
    virtual void removeBackend(const QString &pool, const QString &backend, bool force) = 0;
    virtual void forgetSession(const QString &pool, const QByteArray &key) = 0;
    /// ttl: a pin for that long; none: a rebind for good.
    virtual void pinSession(const QString &pool, const QByteArray &key, const QString &backend,
        std::optional<qint64> ttlSeconds)
        = 0;
    virtual void inspect(const InspectRequest &request) = 0;
    /// The decisions recorded so far for one session key or one client (traceReady). That
    /// session or client is also followed from then on: its decisions all come live, where the
    /// others are a sample under load (DecisionFeed).
    virtual void requestTrace(const QByteArray &key, const QString &client, int limit) = 0;
    virtual void requestConfig() = 0;
    virtual void reload() = 0;

Q_SIGNALS:
    /// Connected (true) or lost (false, with why). The embedded client is always connected.
    void connectionChanged(bool connected, const QString &error);
    void snapshotUpdated(const Limpet::EngineSnapshot &snapshot);
    /// The session table (only while the feed is On): the whole of it first (full),
    /// then what changed, as the transport can tell (a remote instance sends it whole).
    void sessionsChanged(const Limpet::SessionChanges &changes);
    /// New decisions, oldest first.
    void decisionsArrived(const QList<Limpet::TraceRecord> &decisions);
    /// New events, oldest first.
    void eventsArrived(const QList<Limpet::EngineEvent> &events);
    /// The answer to requestTrace(): records oldest first.
    void traceReady(
        const QByteArray &key, const QString &client, const QList<Limpet::TraceRecord> &records);
    void inspectReady(const Limpet::InspectAnswer &answer);
    /// The config file's path and text (empty text: none, e.g. the demo).
    void configReady(const QString &file, const QString &text);
    /// An operation ended: `error` empty when it succeeded.
    void operationFinished(const QString &what, const QString &error);
};

} // namespace Limpet

Q_DECLARE_METATYPE(Limpet::EngineSnapshot)
Q_DECLARE_METATYPE(Limpet::SessionInfo)
Q_DECLARE_METATYPE(Limpet::SessionChanges)
Q_DECLARE_METATYPE(Limpet::TraceRecord)
Q_DECLARE_METATYPE(Limpet::EngineEvent)
Q_DECLARE_METATYPE(Limpet::InspectAnswer)

namespace Limpet {

/// Registers the value types of ClusterClient's signals by name (queued connections, QVariant,
/// QSignalSpy). Both transports call it; calling it again is harmless.
inline void registerClusterClientMetaTypes()
{
    qRegisterMetaType<Limpet::EngineSnapshot>();
    qRegisterMetaType<Limpet::SessionInfo>();
    qRegisterMetaType<Limpet::SessionChanges>();
    qRegisterMetaType<Limpet::TraceRecord>();
    qRegisterMetaType<Limpet::EngineEvent>();
    qRegisterMetaType<Limpet::InspectAnswer>();
    qRegisterMetaType<QList<Limpet::SessionInfo>>();
    qRegisterMetaType<QList<Limpet::TraceRecord>>();
    qRegisterMetaType<QList<Limpet::EngineEvent>>();
}

} // namespace Limpet
