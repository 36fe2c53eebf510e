#include "client/embeddedpoller.h"

#include "client/jsonvalues.h"
#include "client/operationtext.h"
#include "engine.h"

#include <QTimer>

#include <algorithm>
#include <utility>

using namespace std::chrono_literals;

namespace Limpet {

namespace {

constexpr std::chrono::milliseconds RecordInterval = 100ms;
constexpr std::chrono::milliseconds SnapshotInterval = 500ms;
constexpr std::chrono::milliseconds SessionInterval = 1000ms;
/// While the Sessions view is hidden: often enough that no removal is missed (the table keeps
/// them 5 s for its reader), seldom enough to cost little.
constexpr std::chrono::milliseconds PausedSessionInterval = 2000ms;
/// Decisions handed over per poll (DecisionFeed::Full: 5,000 a second; Sample: 200): under more
/// load the live stream is a sample of the newest, plus every decision of the traced session or
/// client. The views that need exact figures read the engine's counters (snapshots), not this
/// stream.
constexpr int FullDecisionsPerBatch = 500;
constexpr int SampleDecisionsPerBatch = 20;
constexpr int MaxEventsPerBatch = 1000;

/// The error of an operation as one text: its message, then its details (config errors) one
/// per line. Empty when it succeeded.
template <typename T>
QString errorOf(const OpResult<T> &result)
{
    const OpError *e = std::get_if<OpError>(&result);
    if (!e)
        return {};
    QString text = e->message.isEmpty() ? QStringLiteral("refused") : e->message;
    for (const QString &detail : e->details)
        text += u'\n' + detail;
    return text;
}

} // namespace

EmbeddedPoller::EmbeddedPoller(Engine *engine)
    : m_engine(engine)
{ }

EmbeddedPoller::~EmbeddedPoller() = default;

void EmbeddedPoller::start()
{
    if (m_started)
        return;
    m_started = true;
    // From now on: what happened before is for requestTrace() and the event log's history.
    m_decisionsSeen = m_engine->decisionsSince(~quint64(0), 0).second;
    const QList<EngineEvent> newest = m_engine->events(1);
    m_lastEventId = newest.isEmpty() ? 0 : newest.first().id;

    m_recordTimer = new QTimer(this);
    connect(m_recordTimer, &QTimer::timeout, this, &EmbeddedPoller::pollRecords);
    m_recordTimer->start(RecordInterval);
    m_snapshotTimer = new QTimer(this);
    connect(m_snapshotTimer, &QTimer::timeout, this, &EmbeddedPoller::pollSnapshot);
    m_snapshotTimer->start(SnapshotInterval);
    m_sessionTimer = new QTimer(this);
    connect(m_sessionTimer, &QTimer::timeout, this, &EmbeddedPoller::pollSessions);
    Q_EMIT connectionChanged(true, {});
    pollSnapshot();
    setSessionFeed(m_sessionFeed);
}

void EmbeddedPoller::setSessionFeed(SessionFeed feed)
{
    m_sessionFeed = feed;
    if (!m_sessionTimer)
        return; // start() looks at it
    switch (feed) {
    case SessionFeed::Off:
        m_sessionTimer->stop();
        dropPendingSessions(); // the next reader starts from the whole table
        return;
    case SessionFeed::Paused:
        // Keep following (so On resumes with the changes), unless nothing was ever sent.
        if (m_sessionCursor.table != 0)
            m_sessionTimer->start(PausedSessionInterval);
        else
            m_sessionTimer->stop();
        return;
    case SessionFeed::On:
        m_sessionTimer->start(SessionInterval);
        pollSessions(); // the view that asked shows something at once
        return;
    }
}

void EmbeddedPoller::dropPendingSessions()
{
    m_sessionCursor = {};
    m_pending.clear();
}

void EmbeddedPoller::pollRecords()
{
    auto [decisions, total] = m_engine->decisionsSince(m_decisionsSeen,
        m_decisionFeed == DecisionFeed::Full ? FullDecisionsPerBatch : SampleDecisionsPerBatch,
        m_traced);
    m_decisionsSeen = total;
    m_traced.follow(decisions);
    if (!decisions.isEmpty()) {
        QList<TraceRecord> records;
        records.reserve(decisions.size());
        for (const Decision &d : std::as_const(decisions))
            records.append(traceRecord(d));
        Q_EMIT decisionsArrived(records);
    }
    const QList<EngineEvent> events = m_engine->eventsSince(m_lastEventId, MaxEventsPerBatch);
    if (!events.isEmpty()) {
        m_lastEventId = events.last().id;
        Q_EMIT eventsArrived(events);
    }
}

void EmbeddedPoller::pollSnapshot()
{
    Q_EMIT snapshotUpdated(m_engine->snapshot());
}

void EmbeddedPoller::pollSessions()
{
    if (m_sessionFeed == SessionFeed::Off)
        return;
    const PendingSessionChanges::Passed passed
        = m_pending.pass(m_engine->sessionChanges(m_sessionCursor), m_sessionFeed);
    if (passed.dropped) {
        dropPendingSessions();
        m_sessionTimer->stop(); // On starts over from the whole table
        return;
    }
    if (passed.send)
        Q_EMIT sessionsChanged(*passed.send);
}

Controller *EmbeddedPoller::control(const QString &what)
{
    if (m_engine->isRunning())
        return &m_engine->control();
    Q_EMIT operationFinished(what, tr("the engine is not running"));
    return nullptr;
}

void EmbeddedPoller::setBackendState(
    const QString &pool, const QString &backend, BackendState state)
{
    const QString what = OperationText::setState(pool, backend, state);
    if (Controller *c = control(what))
        Q_EMIT operationFinished(what, errorOf(c->setState(pool, backend, state)));
}

void EmbeddedPoller::setBackendWeight(const QString &pool, const QString &backend, int weight)
{
    const QString what = OperationText::setWeight(pool, backend, weight);
    if (Controller *c = control(what))
        Q_EMIT operationFinished(what, errorOf(c->setWeight(pool, backend, weight)));
}

void EmbeddedPoller::addBackend(const QString &pool, const BackendConfig &backend)
{
    const QString what = OperationText::addBackend(pool, backend);
    if (Controller *c = control(what))
        Q_EMIT operationFinished(what, errorOf(c->addBackend(pool, backend)));
}

void EmbeddedPoller::removeBackend(const QString &pool, const QString &backend, bool force)
{
    const QString what = OperationText::removeBackend(pool, backend, force);
    if (Controller *c = control(what))
        Q_EMIT operationFinished(what, errorOf(c->removeBackend(pool, backend, force)));
}

void EmbeddedPoller::forgetSession(const QString &pool, const QByteArray &key)
{
    const QString what = OperationText::forgetSession(pool, key);
    if (Controller *c = control(what))
        Q_EMIT operationFinished(what, errorOf(c->forgetSession(pool, key)));
}

void EmbeddedPoller::pinSession(const QString &pool, const QByteArray &key, const QString &backend,
    std::optional<qint64> ttlSeconds)
{
    const QString what = OperationText::pinSession(pool, key, backend, ttlSeconds);
    if (Controller *c = control(what))
        Q_EMIT operationFinished(what, errorOf(c->pinSession(pool, key, backend, ttlSeconds)));
}

void EmbeddedPoller::inspect(const InspectRequest &request)
{
    const QString what = OperationText::inspect();
    Controller *c = control(what);
    if (!c)
        return;
    const OpResult<InspectResult> result = c->inspect(request);
    if (const auto *answer = std::get_if<InspectResult>(&result))
        Q_EMIT inspectReady(inspectAnswer(*answer));
    else
        Q_EMIT operationFinished(what, errorOf(result));
}

void EmbeddedPoller::requestTrace(const QByteArray &key, const QString &client, int limit)
{
    m_traced = DecisionFilter{};
    if (!key.isEmpty())
        m_traced.keys.append(key);
    if (!client.isEmpty())
        m_traced.client = QHostAddress(client);
    const QList<Decision> newestFirst = m_engine->decisions(limit, key, client);
    QList<TraceRecord> records;
    records.reserve(newestFirst.size());
    for (auto it = newestFirst.crbegin(); it != newestFirst.crend(); ++it)
        records.append(traceRecord(*it));
    Q_EMIT traceReady(key, client, records);
}

void EmbeddedPoller::requestConfig()
{
    const Config config = m_engine->config();
    Q_EMIT configReady(config.sourceFile, config.sourceText);
}

void EmbeddedPoller::reload()
{
    const QString what = OperationText::reload();
    if (!m_engine->isRunning()) {
        Q_EMIT operationFinished(what, tr("the engine is not running"));
        return;
    }
    Q_EMIT operationFinished(what, errorOf(m_engine->reload()));
}

} // namespace Limpet
