#include "client/remoteclient.h"

#include "background.h"
#include "client/jsonvalues.h"
#include "client/operationtext.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Limpet {

namespace {

constexpr std::chrono::milliseconds TransferTimeout = 10s;
constexpr std::chrono::milliseconds DecisionBatchInterval = 100ms;
constexpr std::chrono::milliseconds FirstRetry = 1s;
constexpr std::chrono::milliseconds MaxRetry = 10s;
/// The session table is read this often, also while the view is hidden: a reader that waits
/// more than 5 s gets a whole table next (API.md).
constexpr std::chrono::milliseconds SessionInterval = 2s;
constexpr int MaxTraceLimit = 10000; ///< the API's largest `limit`
/// Decisions per tick (250 ms) of the event stream: DecisionFeed::Full and ::Sample.
constexpr int FullDecisionsPerTick = 500;
constexpr int SampleDecisionsPerTick = 50;
/// Decisions waiting for the next batch: a burst beyond that keeps only its newest.
constexpr int MaxPendingDecisions = 2000;
/// A stream line longer than this is not the API's: the stream is dropped and opened again.
constexpr qsizetype MaxStreamLine = 16 * 1024 * 1024;

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/// One path segment, percent-encoded ("a/b" → "a%2Fb").
QString segment(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString segment(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toPercentEncoding());
}

QString backendPath(const QString &pool, const QString &backend)
{
    return u"/api/v1/pools/"_s + segment(pool) + u"/backends/"_s + segment(backend);
}

QString sessionPath(const QString &pool, const QByteArray &key)
{
    return u"/api/v1/sessions/"_s + segment(pool) + u'/' + segment(key);
}

/// Adds `key=value`, the value percent-encoded ('+', '&', '=' included).
void addQueryItem(QUrlQuery &query, const QString &key, const QString &value)
{
    query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

/// A short, printable excerpt of a body that is not the API's JSON (an HTML page, say).
QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += QChar(0x2026);
    return text;
}

} // namespace

RemoteClient::RemoteClient(QUrl url, QByteArray token, QObject *parent)
    : ClusterClient(parent)
    , m_url(std::move(url))
    , m_token(std::move(token))
    , m_nam(new QNetworkAccessManager(this))
    , m_decisionTimer(new QTimer(this))
    , m_reconnectTimer(new QTimer(this))
    , m_backoff(FirstRetry)
    , m_sessionTimer(new QTimer(this))
{
    registerClusterClientMetaTypes();
    m_basePath = m_url.path(QUrl::FullyEncoded);
    while (m_basePath.endsWith(u'/'))
        m_basePath.chop(1);
    if (m_basePath.endsWith(u"/api/v1"_s))
        m_basePath.chop(7);
    // An http_proxy in the environment must not send loopback admin traffic elsewhere.
    if (isLoopback(m_url.host()))
        m_nam->setProxy(QNetworkProxy::NoProxy);

    m_decisionTimer->setSingleShot(true);
    connect(m_decisionTimer, &QTimer::timeout, this, &RemoteClient::flushDecisions);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &RemoteClient::openStream);
    m_sessionTimer->setSingleShot(true);
    connect(m_sessionTimer, &QTimer::timeout, this, &RemoteClient::fetchSessions);
}

RemoteClient::~RemoteClient()
{
    // Replies still under way are the manager's children and go with it, after this object's
    // connections are gone; the stream is ended here so the server sees it close at once.
    if (m_stream) {
        m_stream->disconnect(this);
        m_stream->abort();
    }
}

QString RemoteClient::name() const
{
    return m_url.toString(QUrl::RemoveUserInfo);
}

void RemoteClient::start()
{
    if (m_started)
        return;
    m_started = true;
    fetchCluster();
    openStream();
    if (m_sessionFeed == SessionFeed::On)
        fetchSessions();
}

// Requests

QNetworkRequest RemoteClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_url;
    url.setPath(m_basePath + path, QUrl::StrictMode);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setTransferTimeout(static_cast<int>(TransferTimeout.count()));
    return request;
}

void RemoteClient::call(const QByteArray &method, const QString &path, const QUrlQuery &query,
    const std::optional<QJsonObject> &body, Handler done)
{
    QNetworkRequest request = makeRequest(path, query);
    QNetworkReply *reply = nullptr;
    if (method == "GET" || method == "DELETE") {
        reply = m_nam->sendCustomRequest(request, method);
    } else {
        // POST, PUT, PATCH: always typed, even without a body (POST /reload).
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QByteArray payload
            = body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
        reply = m_nam->sendCustomRequest(request, method, payload);
    }
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        done(answerOf(*reply));
    });
}

RemoteClient::Answer RemoteClient::answerOf(QNetworkReply &reply)
{
    Answer a;
    const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        // Nothing aborts a request but the transfer timeout (and the end of this client).
        a.error = reply.error() == QNetworkReply::OperationCanceledError
                || reply.error() == QNetworkReply::TimeoutError
            ? tr("no answer within %1 s").arg(TransferTimeout.count() / 1000)
            : reply.errorString();
        return a;
    }
    a.status = status.toInt();
    const QByteArray body = reply.readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        a.json = doc.object();
    if (a.status >= 200 && a.status < 300) {
        if (!doc.isObject())
            a.error = tr("the answer is not the admin API's JSON: %1").arg(excerpt(body));
        return a;
    }
    a.error = a.json.value(u"error"_s).toString();
    if (a.error.isEmpty()) {
        a.error = tr("HTTP %1 %2")
                      .arg(a.status)
                      .arg(reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        if (!body.isEmpty())
            a.error += u": "_s + excerpt(body);
    }
    // POST /reload with an invalid file: one "file:line:col: message" per error.
    const QJsonArray errors = a.json.value(u"errors"_s).toArray();
    for (const QJsonValue &e : errors)
        a.error += u'\n' + e.toString();
    return a;
}

void RemoteClient::operation(const QString &what, const QByteArray &method, const QString &path,
    const QUrlQuery &query, const std::optional<QJsonObject> &body)
{
    call(method, path, query, body,
        [this, what](const Answer &a) { Q_EMIT operationFinished(what, a.error); });
}

void RemoteClient::setBackendState(const QString &pool, const QString &backend, BackendState state)
{
    operation(OperationText::setState(pool, backend, state), "PATCH", backendPath(pool, backend),
        {}, QJsonObject{{u"state"_s, toString(state)}});
}

void RemoteClient::setBackendWeight(const QString &pool, const QString &backend, int weight)
{
    operation(OperationText::setWeight(pool, backend, weight), "PATCH", backendPath(pool, backend),
        {}, QJsonObject{{u"weight"_s, weight}});
}

void RemoteClient::addBackend(const QString &pool, const BackendConfig &backend)
{
    QJsonObject body{{u"name"_s, backend.name}, {u"address"_s, backend.address.toString()},
        {u"weight"_s, backend.weight}, {u"state"_s, backend.state}};
    if (!backend.route.isEmpty())
        body.insert(u"route"_s, backend.route);
    if (backend.maxConn)
        body.insert(u"max_conn"_s, *backend.maxConn);
    operation(OperationText::addBackend(pool, backend), "POST",
        u"/api/v1/pools/"_s + segment(pool) + u"/backends"_s, {}, body);
}

void RemoteClient::removeBackend(const QString &pool, const QString &backend, bool force)
{
    QUrlQuery query;
    if (force)
        query.addQueryItem(u"force"_s, u"1"_s);
    operation(OperationText::removeBackend(pool, backend, force), "DELETE",
        backendPath(pool, backend), query);
}

void RemoteClient::forgetSession(const QString &pool, const QByteArray &key)
{
    operation(OperationText::forgetSession(pool, key), "DELETE", sessionPath(pool, key));
}

void RemoteClient::pinSession(const QString &pool, const QByteArray &key, const QString &backend,
    std::optional<qint64> ttlSeconds)
{
    QJsonObject body{{u"backend"_s, backend}};
    if (ttlSeconds)
        body.insert(u"ttl"_s, double(*ttlSeconds));
    operation(OperationText::pinSession(pool, key, backend, ttlSeconds), "PUT",
        sessionPath(pool, key), {}, body);
}

void RemoteClient::inspect(const InspectRequest &request)
{
    QJsonObject headers;
    for (const auto &[name, value] : request.headers)
        headers.insert(QString::fromUtf8(name), QString::fromUtf8(value));
    QJsonObject body{{u"cookie"_s, QString::fromUtf8(request.cookie)},
        {u"host"_s, QString::fromUtf8(request.host)}, {u"path"_s, QString::fromUtf8(request.path)},
        {u"method"_s, QString::fromUtf8(request.method)}, {u"headers"_s, headers}};
    if (!request.client.isNull())
        body.insert(u"client"_s, request.client.toString());
    call("POST", u"/api/v1/inspect"_s, {}, body, [this](const Answer &a) {
        if (a.error.isEmpty())
            Q_EMIT inspectReady(inspectAnswerFromJson(a.json));
        else
            Q_EMIT operationFinished(OperationText::inspect(), a.error);
    });
}

void RemoteClient::requestTrace(const QByteArray &key, const QString &client, int limit)
{
    // Follow it on the stream first, and ask for its history once the new stream is open: the
    // history then reaches at least as far as the stream starts (the trace view drops what
    // both have), so no request falls in between.
    m_traceAfterOpen.reset();
    if (key != m_tracedKey || client != m_tracedClient) {
        m_tracedKey = key;
        m_tracedClient = client;
        restartStream();
    }
    if (m_stream && !m_streamOpen)
        m_traceAfterOpen = TraceQuestion{key, client, limit};
    else
        fetchTrace(key, client, limit);
}

void RemoteClient::askWaitingTrace()
{
    if (m_traceAfterOpen) {
        const TraceQuestion q = *std::exchange(m_traceAfterOpen, std::nullopt);
        fetchTrace(q.key, q.client, q.limit);
    }
}

void RemoteClient::fetchTrace(const QByteArray &key, const QString &client, int limit)
{
    QUrlQuery query;
    if (!key.isEmpty())
        addQueryItem(query, u"session"_s, QString::fromUtf8(key));
    if (!client.isEmpty())
        addQueryItem(query, u"client"_s, client);
    query.addQueryItem(u"limit"_s, QString::number(qBound(0, limit, MaxTraceLimit)));
    call("GET", u"/api/v1/decisions"_s, query, std::nullopt, [this, key, client](const Answer &a) {
        if (!a.error.isEmpty()) {
            Q_EMIT operationFinished(OperationText::trace(key, client), a.error);
            return;
        }
        const QJsonArray newestFirst = a.json.value(u"decisions"_s).toArray();
        QList<TraceRecord> records;
        records.reserve(newestFirst.size());
        for (qsizetype i = newestFirst.size() - 1; i >= 0; --i)
            records.append(traceRecordFromJson(newestFirst.at(i).toObject()));
        Q_EMIT traceReady(key, client, records);
    });
}

void RemoteClient::requestConfig()
{
    call("GET", u"/api/v1/config"_s, {}, std::nullopt, [this](const Answer &a) {
        if (a.error.isEmpty())
            Q_EMIT configReady(
                a.json.value(u"file"_s).toString(), a.json.value(u"text"_s).toString());
        else
            Q_EMIT operationFinished(OperationText::config(), a.error);
    });
}

void RemoteClient::reload()
{
    operation(OperationText::reload(), "POST", u"/api/v1/reload"_s);
}

// Live data

void RemoteClient::fetchCluster()
{
    call("GET", u"/api/v1/cluster"_s, {}, std::nullopt, [this](const Answer &a) {
        // A failure here is the stream's to report (it says when the instance is back).
        if (!a.error.isEmpty())
            return;
        EngineSnapshot snapshot = engineSnapshotFromJson(a.json);
        snapshot.timeMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT snapshotUpdated(snapshot);
    });
}

QUrlQuery RemoteClient::streamQuery() const
{
    QUrlQuery query;
    query.addQueryItem(u"decisions"_s,
        QString::number(
            m_decisionFeed == DecisionFeed::Full ? FullDecisionsPerTick : SampleDecisionsPerTick));
    if (!m_tracedKey.isEmpty())
        addQueryItem(query, u"session"_s, QString::fromUtf8(m_tracedKey));
    if (!m_tracedClient.isEmpty())
        addQueryItem(query, u"client"_s, m_tracedClient);
    // Reopened on purpose (not after a failure: the instance may have restarted since): the
    // events from the old stream's last on come first, so the Log misses none.
    if (m_resumeEvents && m_lastEventId > 0)
        query.addQueryItem(u"events_after"_s, QString::number(m_lastEventId));
    return query;
}

void RemoteClient::setDecisionFeed(DecisionFeed feed)
{
    if (feed == m_decisionFeed)
        return;
    m_decisionFeed = feed;
    restartStream();
}

void RemoteClient::restartStream()
{
    if (!m_stream)
        return; // not started, or waiting to reconnect: the next stream asks for the new query
    QNetworkReply *old = std::exchange(m_stream, nullptr);
    old->disconnect(this);
    old->abort();
    old->deleteLater();
    flushDecisions();
    flushEvents();
    m_streamOpen = false;
    m_resumeEvents = true;
    openStream();
    m_resumeEvents = false;
}

void RemoteClient::openStream()
{
    if (m_stream)
        return;
    QNetworkRequest request = makeRequest(u"/api/v1/events"_s, streamQuery());
    request.setRawHeader("Accept", "text/event-stream");
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    m_stream = m_nam->get(request);
    m_streamOpen = false;
    m_streamBuffer.clear();
    m_eventName.clear();
    m_eventData.clear();
    m_eventHasData = false;
    connect(m_stream, &QNetworkReply::metaDataChanged, this, &RemoteClient::streamMetaData);
    connect(m_stream, &QNetworkReply::readyRead, this, &RemoteClient::readStream);
    connect(m_stream, &QNetworkReply::finished, this, &RemoteClient::streamFinished);
}

void RemoteClient::streamMetaData()
{
    if (!m_stream || m_streamOpen)
        return;
    const QVariant status = m_stream->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || status.toInt() < 200 || status.toInt() >= 300)
        return; // an error answer: read whole when it finishes
    m_streamOpen = true;
    m_backoff = FirstRetry;
    // The stream only tells what happens from now: after a gap, catch up on the state at once.
    if (m_everConnected && m_connected != true)
        fetchCluster();
    m_everConnected = true;
    setConnected(true, {});
    askWaitingTrace();
}

void RemoteClient::readStream()
{
    if (!m_stream)
        return;
    if (!m_streamOpen) {
        streamMetaData();
        if (!m_streamOpen)
            return; // the error body is read when the reply finishes
    }
    m_streamBuffer += m_stream->readAll();
    qsizetype start = 0;
    for (;;) {
        const qsizetype end = m_streamBuffer.indexOf('\n', start);
        if (end < 0)
            break;
        QByteArrayView line(m_streamBuffer.constData() + start, end - start);
        start = end + 1;
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty()) { // the blank line that ends an event
            if (m_eventHasData)
                dispatchServerEvent(
                    m_eventName.isEmpty() ? "message"_ba : m_eventName, m_eventData);
            m_eventName.clear();
            m_eventData.clear();
            m_eventHasData = false;
            continue;
        }
        if (line.startsWith(':'))
            continue; // a comment: the server's keep-alive
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView field = colon < 0 ? line : line.first(colon);
        QByteArrayView value = colon < 0 ? QByteArrayView() : line.sliced(colon + 1);
        if (value.startsWith(' '))
            value = value.sliced(1);
        if (field == "event") {
            m_eventName = value.toByteArray();
        } else if (field == "data") {
            if (m_eventHasData)
                m_eventData.append('\n');
            m_eventData.append(value);
            m_eventHasData = true;
        } // `id:` and `retry:` are not needed: the stream starts from now each time
    }
    m_streamBuffer.remove(0, start);
    flushEvents();
    if (m_streamBuffer.size() > MaxStreamLine || m_eventData.size() > MaxStreamLine) {
        m_stream->disconnect(this);
        m_stream->abort();
        m_stream->deleteLater();
        m_stream = nullptr;
        setConnected(false, tr("the event stream sent a line longer than 16 MiB"));
        scheduleReconnect();
    }
}

void RemoteClient::dispatchServerEvent(const QByteArray &event, const QByteArray &data)
{
    const QJsonDocument doc = QJsonDocument::fromJson(data);
    if (!doc.isObject())
        return; // not the API's: nothing a view could show
    const QJsonObject o = doc.object();
    if (event == "decision") {
        m_pendingDecisions.append(traceRecordFromJson(o));
        if (m_pendingDecisions.size() > MaxPendingDecisions)
            m_pendingDecisions.remove(0, m_pendingDecisions.size() - MaxPendingDecisions);
        if (!m_decisionTimer->isActive())
            m_decisionTimer->start(DecisionBatchInterval);
    } else if (event == "event") {
        EngineEvent e = engineEventFromJson(o);
        m_lastEventId = e.id;
        m_pendingEvents.append(std::move(e));
    } else if (event == "counters") {
        EngineSnapshot snapshot = engineSnapshotFromJson(o);
        snapshot.timeMs = QDateTime::currentMSecsSinceEpoch();
        Q_EMIT snapshotUpdated(snapshot);
    }
}

void RemoteClient::flushDecisions()
{
    if (m_pendingDecisions.isEmpty())
        return;
    const QList<TraceRecord> batch = std::exchange(m_pendingDecisions, {});
    Q_EMIT decisionsArrived(batch);
}

void RemoteClient::flushEvents()
{
    if (m_pendingEvents.isEmpty())
        return;
    const QList<EngineEvent> batch = std::exchange(m_pendingEvents, {});
    Q_EMIT eventsArrived(batch);
}

void RemoteClient::streamFinished()
{
    if (m_stream && m_streamOpen)
        readStream(); // the last bytes
    QNetworkReply *reply = std::exchange(m_stream, nullptr);
    if (!reply)
        return; // readStream() gave up on it (and said so)
    reply->deleteLater();
    QString reason;
    if (m_streamOpen) {
        flushDecisions();
        flushEvents();
        if (reply->error() == QNetworkReply::NoError)
            reason = tr("the event stream closed");
        else if (reply->error() == QNetworkReply::OperationCanceledError
            || reply->error() == QNetworkReply::TimeoutError)
            reason = tr("nothing received for %1 s").arg(TransferTimeout.count() / 1000);
        else
            reason = tr("the event stream broke: %1").arg(reply->errorString());
    } else {
        reason = answerOf(*reply).error;
        if (reason.isEmpty())
            reason = tr("the event stream closed");
    }
    m_streamOpen = false;
    m_lastEventId = 0; // the instance may restart meanwhile (its ids start over): from now on
    setConnected(false, reason);
    scheduleReconnect();
    // A trace waiting for the stream gets its history now (with the reason, if it fails too).
    askWaitingTrace();
}

void RemoteClient::setConnected(bool connected, const QString &error)
{
    if (m_connected == connected && m_connectionError == error)
        return;
    m_connected = connected;
    m_connectionError = error;
    Q_EMIT connectionChanged(connected, error);
}

void RemoteClient::scheduleReconnect()
{
    m_reconnectTimer->start(m_backoff);
    m_backoff = qMin(m_backoff * 2, MaxRetry);
}

// The session table

void RemoteClient::setSessionFeed(SessionFeed feed)
{
    if (feed == m_sessionFeed)
        return;
    m_sessionFeed = feed;
    switch (feed) {
    case SessionFeed::Off:
        // The view dropped its rows: the next read is whole, and a read under way is void.
        ++m_sessionGeneration;
        m_sessionsBusy = false;
        m_sessionCursor.clear();
        m_pendingSessions.clear();
        m_sessionTimer->stop();
        return;
    case SessionFeed::Paused:
        // Reading on (what is read waits in m_pendingSessions), unless nothing was ever read.
        if (m_sessionCursor.isEmpty() && !m_sessionsBusy)
            m_sessionTimer->stop();
        return;
    case SessionFeed::On:
        if (m_started)
            fetchSessions(); // the view that asked shows something at once
        return;
    }
}

void RemoteClient::fetchSessions()
{
    if (m_sessionFeed == SessionFeed::Off || m_sessionsBusy)
        return;
    m_sessionsBusy = true;
    m_sessionTimer->stop();
    QUrlQuery query;
    if (!m_sessionCursor.isEmpty())
        query.addQueryItem(u"cursor"_s, m_sessionCursor);
    QNetworkReply *reply
        = m_nam->sendCustomRequest(makeRequest(u"/api/v1/sessions/changes"_s, query), "GET");
    const quint64 generation = m_sessionGeneration;
    connect(reply, &QNetworkReply::finished, this, [this, reply, generation] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (generation != m_sessionGeneration)
            return;
        if (!status.isValid() || status.toInt() != 200) {
            // Unreachable: the event stream says so. Refused (an instance without this route,
            // say): the user is told, once. Either way, a whole table next time.
            const Answer a = answerOf(*reply);
            if (status.isValid() && a.error != m_sessionError) {
                m_sessionError = a.error;
                Q_EMIT operationFinished(OperationText::readSessions(), a.error);
            }
            sessionsRead(generation, {});
            return;
        }
        m_sessionError.clear();
        // A whole table of 100,000 sessions is megabytes of JSON: read in a pool thread, so
        // the GUI thread only takes the values.
        struct Parsed
        {
            SessionChanges changes;
            QString cursor; ///< empty: not the API's answer
        };
        QFuture<Parsed> parsed = runInBackground<Parsed>([body = reply->readAll()] {
            Parsed p;
            const QJsonObject o = QJsonDocument::fromJson(body).object();
            p.cursor = o.value(u"cursor"_s).toString();
            if (!p.cursor.isEmpty())
                p.changes = sessionChangesFromJson(o);
            return p;
        });
        parsed.then(this, [this, generation](Parsed p) {
            if (generation != m_sessionGeneration)
                return;
            const bool kept = !p.cursor.isEmpty() && deliverSessions(std::move(p.changes));
            sessionsRead(generation, kept ? p.cursor : QString());
        });
    });
}

bool RemoteClient::deliverSessions(SessionChanges &&changes)
{
    const PendingSessionChanges::Passed passed
        = m_pendingSessions.pass(std::move(changes), m_sessionFeed);
    if (passed.send)
        Q_EMIT sessionsChanged(*passed.send);
    return !passed.dropped;
}

void RemoteClient::sessionsRead(quint64 generation, const QString &cursor)
{
    if (generation != m_sessionGeneration)
        return;
    m_sessionsBusy = false;
    m_sessionCursor = cursor;
    // Paused with nothing to follow (a read failed or was dropped): On starts over.
    if (m_sessionFeed == SessionFeed::On
        || (m_sessionFeed == SessionFeed::Paused && !cursor.isEmpty()))
        m_sessionTimer->start(SessionInterval);
}

} // namespace Limpet
