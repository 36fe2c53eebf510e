#include "control/statefile.h"

#include "admin/json.h"
#include "proxy/runtime.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr int FormatVersion = 1;

qint64 msFrom(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()
                        : 0;
}

} // namespace

std::optional<QString> saveState(const QString &path, const Runtime &runtime)
{
    const RoutingPtr routing = runtime.routing();
    QJsonArray backends;
    for (const PoolPtr &pool : routing->pools) {
        for (const BackendPtr &b : pool->backends()) {
            bool inFile = false;
            for (const BackendConfig &c : pool->config().backends)
                inFile = inFile || c.name == b->name();
            backends.append(QJsonObject{{u"pool"_s, pool->name()}, {u"name"_s, b->name()},
                {u"address"_s, b->address().toString()}, {u"route"_s, b->route()},
                {u"state"_s, toString(b->state())}, {u"weight"_s, b->weight()},
                {u"max_conn"_s, b->maxConn()}, {u"added"_s, !inFile}});
        }
    }
    QJsonArray sessions;
    for (const SessionInfo &s : runtime.sessions.snapshot()) {
        QJsonObject o = Json::session(s);
        // Keys are bytes: base64 keeps any of them intact.
        o.insert(u"key"_s, QString::fromLatin1(s.key.toBase64()));
        sessions.append(o);
    }
    const QJsonObject root{{u"version"_s, FormatVersion},
        {u"saved"_s, Json::time(QDateTime::currentMSecsSinceEpoch())}, {u"backends"_s, backends},
        {u"sessions"_s, sessions}};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return u"cannot write the state file %1: %2"_s.arg(path, file.errorString());
    file.write(QJsonDocument(root).toJson(QJsonDocument::Compact));
    if (!file.commit())
        return u"cannot write the state file %1: %2"_s.arg(path, file.errorString());
    return std::nullopt;
}

std::variant<StateRestored, QString> restoreState(const QString &path, Runtime &runtime)
{
    StateRestored r;
    QFile file(path);
    if (!file.exists())
        return r;
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot read the state file %1: %2"_s.arg(path, file.errorString());
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull() || !doc.isObject())
        return u"the state file %1 is not valid JSON (%2); move it away to start without it"_s.arg(
            path, parseError.errorString());
    const QJsonObject root = doc.object();
    if (root.value(u"version"_s).toInt() != FormatVersion)
        return u"the state file %1 has an unknown format version; move it away to start "
               "without it"_s.arg(path);
    r.found = true;
    const RoutingPtr routing = runtime.routing();
    for (const QJsonValue &v : root.value(u"backends"_s).toArray()) {
        const QJsonObject o = v.toObject();
        const PoolPtr pool = routing->pool(o.value(u"pool"_s).toString());
        if (!pool)
            continue;
        const QString name = o.value(u"name"_s).toString();
        BackendPtr b = pool->backendByName(name);
        if (!b && o.value(u"added"_s).toBool()) {
            BackendConfig c;
            c.name = name;
            c.route = o.value(u"route"_s).toString();
            const std::optional<Endpoint> address
                = Endpoint::parse(o.value(u"address"_s).toString(), false);
            if (!address)
                continue;
            c.address = *address;
            std::variant<BackendPtr, QString> added = pool->addBackend(c);
            if (!std::holds_alternative<BackendPtr>(added))
                continue;
            b = std::get<BackendPtr>(added);
            ++r.added;
        } else if (b) {
            ++r.backends;
        }
        if (!b || b->address().toString() != o.value(u"address"_s).toString())
            continue; // the file moved it elsewhere: the file wins
        if (const std::optional<BackendState> s
            = backendStateFromString(o.value(u"state"_s).toString()))
            b->setState(*s, QDateTime::currentMSecsSinceEpoch());
        b->setWeight(qBound(0, o.value(u"weight"_s).toInt(b->weight()), 1000));
        b->setMaxConn(qMax(0, o.value(u"max_conn"_s).toInt(b->maxConn())));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 idleMs = routing->config.sessions.idle.count() * 1000;
    for (const QJsonValue &v : root.value(u"sessions"_s).toArray()) {
        const QJsonObject o = v.toObject();
        SessionInfo s;
        s.pool = o.value(u"pool"_s).toString();
        s.key = QByteArray::fromBase64(o.value(u"key"_s).toString().toLatin1());
        s.client = QHostAddress(o.value(u"client"_s).toString());
        s.firstSeenMs = msFrom(o.value(u"first_seen"_s));
        s.lastSeenMs = msFrom(o.value(u"last_seen"_s));
        s.requests = static_cast<quint64>(o.value(u"requests"_s).toDouble());
        const PoolPtr pool = routing->pool(s.pool);
        if (!pool || s.key.isEmpty() || now - s.lastSeenMs > idleMs)
            continue;
        const BackendPtr backend = pool->backendByName(o.value(u"backend"_s).toString());
        if (!backend)
            continue;
        BackendPtr pinned;
        const QJsonObject pin = o.value(u"pin"_s).toObject();
        if (!pin.isEmpty()) {
            s.pinUntilMs = msFrom(pin.value(u"expires"_s));
            if (s.pinUntilMs == 0 || s.pinUntilMs > now)
                pinned = pool->backendByName(pin.value(u"backend"_s).toString());
        }
        runtime.sessions.restore(s, backend, pinned);
        ++r.sessions;
    }
    return r;
}

} // namespace Limpet
