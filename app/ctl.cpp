// `limpet ctl`: the command-line client of the admin API (engine/admin/API.md). One coroutine
// per command talks to the API through AdminClient and prints aligned tables (TextTable) or,
// with --json, the API's own JSON. Failures are values (AdminReply) turned into an exit status in
// one place, reportFailure().

#include "ctl.h"

#include "adminclient.h"
#include "texttable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDeadlineTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <qcoro/qcorotask.h>
#include <qcoro/qcorotimer.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>
#include <functional>
#include <limits>
#include <optional>
#include <variant>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Limpet {

namespace {

enum ExitCode : int {
    ExitOk = 0,
    ExitApiError = 1, ///< the API answered an error (or the wait it was asked for failed)
    ExitUsage = 2,
    ExitUnreachable = 3,
};

constexpr std::chrono::milliseconds RequestTimeout = 10s;
constexpr double DefaultDrainTimeoutS = 600.0;
constexpr double DefaultDrainIntervalS = 1.0;
constexpr qint64 MaxWeight = 1000;
constexpr double MaxSeconds = 1e7; ///< --timeout / --interval: about 4 months is plenty

QString defaultUrl()
{
    return u"http://127.0.0.1:9090"_s;
}

// --- output ------------------------------------------------------------------------------------

void writeTo(FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    if (!bytes.endsWith('\n'))
        std::fputc('\n', stream);
    std::fflush(stream); // progress and event lines must show up as they happen, even in a pipe
}

void printLine(const QString &line)
{
    writeTo(stdout, line.toUtf8());
}

void printError(const QString &line)
{
    writeTo(stderr, line.toUtf8());
}

/// --json: the API's body exactly as it came.
void printRaw(const QByteArray &body)
{
    writeTo(stdout, body);
}

void printTable(const TextTable &table)
{
    writeTo(stdout, table.toString().toUtf8());
}

// --- formatting --------------------------------------------------------------------------------

QString plural(qint64 n, const QString &one, const QString &many)
{
    return QString::number(n) + u' ' + (n == 1 ? one : many);
}

/// 42s, 5m 3s, 2h 5m, 3d 4h.
QString shortDuration(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    if (seconds >= 86400)
        return u"%1d %2h"_s.arg(seconds / 86400).arg(seconds % 86400 / 3600);
    if (seconds >= 3600)
        return u"%1h %2m"_s.arg(seconds / 3600).arg(seconds % 3600 / 60);
    if (seconds >= 60)
        return u"%1m %2s"_s.arg(seconds / 60).arg(seconds % 60);
    return u"%1s"_s.arg(seconds);
}

/// A rough remaining time: "24 s", "12 min", "3 h 5 min".
QString approxDuration(double seconds)
{
    const qint64 s = qint64(std::ceil(std::max(seconds, 0.0)));
    if (s < 90)
        return u"%1 s"_s.arg(s);
    if (s < 90 * 60)
        return u"%1 min"_s.arg((s + 30) / 60);
    return u"%1 h %2 min"_s.arg(s / 3600).arg(s % 3600 / 60);
}

QDateTime parseTime(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

/// Local time of day with milliseconds, with the date in front when it is not today.
QString clockTime(const QDateTime &time)
{
    if (!time.isValid())
        return u"-"_s;
    const QDateTime local = time.toLocalTime();
    if (local.date() == QDate::currentDate())
        return local.toString(u"hh:mm:ss.zzz"_s);
    return local.toString(u"yyyy-MM-dd hh:mm:ss.zzz"_s);
}

/// "12s ago"; "-" for never.
QString age(const QDateTime &time)
{
    if (!time.isValid())
        return u"-"_s;
    return shortDuration(time.secsTo(QDateTime::currentDateTimeUtc())) + u" ago"_s;
}

/// Any JSON value as one cell: strings as they are, null as "-", lists comma-separated,
/// objects as compact JSON.
QString text(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString().isEmpty() ? u"-"_s : value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? u"yes"_s : u"no"_s;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        return d == std::floor(d) && std::abs(d) < 1e15 ? QString::number(qint64(d))
                                                        : QString::number(d, 'g', 6);
    }
    case QJsonValue::Array: {
        QStringList items;
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            items.append(text(item));
        return items.isEmpty() ? u"-"_s : items.join(u", "_s);
    }
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return u"-"_s;
}

/// Milliseconds with one decimal; "-" when absent.
QString milliseconds(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'f', 1) : u"-"_s;
}

// --- command line ------------------------------------------------------------------------------

struct OptionSpec
{
    QString name; ///< without the dashes
    QString valueName; ///< empty: a flag
};

struct CommandSpec;

/// One command as the user gave it.
struct Invocation
{
    const CommandSpec *command = nullptr;
    QStringList args; ///< positional arguments after the command name
    QHash<QString, QString> options; ///< the command's options given: name → value ("" for flags)

    [[nodiscard]] bool has(const QString &name) const { return options.contains(name); }
    [[nodiscard]] QString value(const QString &name) const { return options.value(name); }
};

/// What every command works with.
struct Ctl
{
    Ctl(QUrl url, QByteArray token, bool json)
        : client(std::move(url), std::move(token), RequestTimeout)
        , json(json)
    { }

    AdminClient client;
    const bool json;
};

/// A command: returns the exit status, having printed its output or its failure.
using Handler = QCoro::Task<int> (*)(Ctl *ctl, Invocation invocation);

struct CommandSpec
{
    QString name;
    QString synopsis; ///< what follows the name
    QString help;
    qsizetype minArgs = 0;
    qsizetype maxArgs = 0;
    QList<OptionSpec> options;
    Handler handler = nullptr;
};

const QString UsagePrefix = u"limpet ctl [--url URL] [--token TOKEN] [--json]"_s;

/// Prints `message` and the command's synopsis to stderr; returns ExitUsage.
int usageError(const CommandSpec *command, const QString &message)
{
    printError(u"limpet ctl: "_s + message);
    if (command)
        printError(
            u"Usage: %1 %2 %3"_s.arg(UsagePrefix, command->name, command->synopsis).trimmed());
    else
        printError(u"Usage: %1 COMMAND [ARGUMENTS]"_s.arg(UsagePrefix));
    printError(u"Run 'limpet ctl --help' for the list of commands."_s);
    return ExitUsage;
}

int usageError(const Invocation &invocation, const QString &message)
{
    return usageError(invocation.command, message);
}

/// A whole number in [min, max], or nothing.
std::optional<qint64> parseInteger(const QString &value, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 n = value.toLongLong(&ok);
    if (!ok || n < min || n > max)
        return std::nullopt;
    return n;
}

/// Seconds, fractions allowed ("0.5"), from 0 to MaxSeconds.
std::optional<double> parseSeconds(const QString &value)
{
    bool ok = false;
    const double s = value.toDouble(&ok);
    if (!ok || !std::isfinite(s) || s < 0 || s > MaxSeconds)
        return std::nullopt;
    return s;
}

// --- the API -----------------------------------------------------------------------------------

/// The one place where a failed request becomes what the user reads and the exit status.
int reportFailure(const Ctl &ctl, const AdminReply &reply)
{
    switch (reply.outcome) {
    case AdminReply::Outcome::Ok:
        return ExitOk;
    case AdminReply::Outcome::Unreachable:
        printError(u"limpet ctl: cannot reach %1: %2"_s.arg(ctl.client.baseUrl(), reply.error));
        return ExitUnreachable;
    case AdminReply::Outcome::ApiError:
        break;
    }
    printError(u"limpet ctl: %1: %2"_s.arg(reply.status).arg(reply.error));
    for (const QString &line : reply.details)
        printError(line);
    if (reply.status == 401 && !ctl.client.hasToken())
        printError(u"limpet ctl: this instance needs a token: --token TOKEN or LIMPET_TOKEN"_s);
    return ExitApiError;
}

/// A request whose answer is only confirmed: --json prints it, otherwise `describe` makes the
/// line to print from the JSON answer.
/// Callers name their lambda before the co_await: GCC 12 frees a capturing lambda written
/// inside a co_await expression while the awaited coroutine still uses it.
QCoro::Task<int> simpleRequest(Ctl *ctl, QByteArray method, QString path, QUrlQuery query,
    std::optional<QJsonObject> body, std::function<QString(const AdminReply &)> describe)
{
    const AdminReply reply = co_await ctl->client.request(
        std::move(method), std::move(path), std::move(query), std::move(body));
    if (!reply.ok())
        co_return reportFailure(*ctl, reply);
    if (ctl->json)
        printRaw(reply.body);
    else
        printLine(describe(reply));
    co_return ExitOk;
}

QString clusterPath()
{
    return u"/api/v1/cluster"_s;
}

struct BackendRef
{
    QString pool;
    QString name;

    [[nodiscard]] QString toString() const { return pool + u'/' + name; }
    [[nodiscard]] QString path() const
    {
        return u"/api/v1/pools/"_s + AdminClient::pathSegment(pool) + u"/backends/"_s
            + AdminClient::pathSegment(name);
    }
};

QString sessionPath(const QString &pool, const QString &key)
{
    return u"/api/v1/sessions/"_s + AdminClient::pathSegment(pool) + u'/'
        + AdminClient::pathSegment(key);
}

/// Resolves POOL/BACKEND as given, or a bare BACKEND when the cluster has exactly one pool (one
/// GET /api/v1/cluster). Returns the reference, or the exit status of a failure it reported.
QCoro::Task<std::variant<BackendRef, int>> resolveBackend(
    Ctl *ctl, Invocation invocation, QString ref)
{
    const qsizetype slash = ref.indexOf(u'/');
    if (slash >= 0) {
        BackendRef r{ref.left(slash), ref.mid(slash + 1)};
        if (r.pool.isEmpty() || r.name.isEmpty())
            co_return usageError(invocation, u"'%1': expected POOL/BACKEND"_s.arg(ref));
        co_return r;
    }
    if (ref.isEmpty())
        co_return usageError(invocation, u"empty backend: expected POOL/BACKEND"_s);
    const AdminReply cluster = co_await ctl->client.request("GET"_ba, clusterPath());
    if (!cluster.ok())
        co_return reportFailure(*ctl, cluster);
    const QJsonArray pools = cluster.json.value(u"pools"_s).toArray();
    if (pools.size() != 1) {
        QStringList names;
        for (const QJsonValue &pool : pools)
            names.append(pool.toObject().value(u"name"_s).toString());
        co_return usageError(invocation,
            pools.isEmpty()
                ? u"'%1': the instance has no pool"_s.arg(ref)
                : u"'%1': which pool? Give POOL/%1 (pools: %2)"_s.arg(ref, names.join(u", "_s)));
    }
    co_return BackendRef{pools.first().toObject().value(u"name"_s).toString(), ref};
}

std::optional<QJsonObject> findBackend(const QJsonObject &cluster, const BackendRef &ref)
{
    const QJsonArray pools = cluster.value(u"pools"_s).toArray();
    for (const QJsonValue &p : pools) {
        const QJsonObject pool = p.toObject();
        if (pool.value(u"name"_s).toString() != ref.pool)
            continue;
        const QJsonArray backends = pool.value(u"backends"_s).toArray();
        for (const QJsonValue &b : backends) {
            if (b.toObject().value(u"name"_s).toString() == ref.name)
                return b.toObject();
        }
    }
    return std::nullopt;
}

// --- status ------------------------------------------------------------------------------------

QString stateCell(const QJsonObject &backend)
{
    const QString state = backend.value(u"state"_s).toString();
    return backend.value(u"removing"_s).toBool() ? state + u" (removing)"_s : state;
}

/// The weight; "2.5/10" while a slow start ramps it up.
QString weightCell(const QJsonObject &backend)
{
    const qint64 weight = backend.value(u"weight"_s).toInteger();
    const double effective = backend.value(u"effective_weight"_s).toDouble(double(weight));
    if (std::abs(effective - double(weight)) < 0.05)
        return QString::number(weight);
    return QString::number(effective, 'f', 1) + u'/' + QString::number(weight);
}

/// 5xx answers and failed exchanges, in percent of requests; "-" before the first request.
QString errorRateCell(const QJsonObject &backend)
{
    const qint64 requests = backend.value(u"requests"_s).toInteger();
    if (requests <= 0)
        return u"-"_s;
    const QJsonObject responses = backend.value(u"responses"_s).toObject();
    const qint64 errors
        = responses.value(u"5xx"_s).toInteger() + responses.value(u"errors"_s).toInteger();
    return QString::number(100.0 * double(errors) / double(requests), 'f', 1);
}

/// "200 1.2ms" for a passed check, its error for a failed one, "-" when none ran.
QString checkCell(const QJsonValue &value)
{
    const QJsonObject check = value.toObject();
    if (check.isEmpty() || check.value(u"last_check"_s).isNull())
        return u"-"_s;
    const bool passed = check.value(u"passed"_s).toBool();
    const QString error = check.value(u"error"_s).toString();
    if (!passed && !error.isEmpty())
        return error;
    QStringList parts;
    if (const qint64 status = check.value(u"status"_s).toInteger(); status > 0)
        parts.append(QString::number(status));
    if (const QJsonValue latency = check.value(u"latency_ms"_s); latency.isDouble())
        parts.append(QString::number(latency.toDouble(), 'f', 1) + u"ms"_s);
    if (!passed)
        parts.append(u"failed"_s);
    return parts.isEmpty() ? u"ok"_s : parts.join(u' ');
}

QCoro::Task<int> cmdStatus(Ctl *ctl, Invocation)
{
    const AdminReply reply = co_await ctl->client.request("GET"_ba, clusterPath());
    if (!reply.ok())
        co_return reportFailure(*ctl, reply);
    if (ctl->json) {
        printRaw(reply.body);
        co_return ExitOk;
    }
    const QJsonObject instance = reply.json.value(u"instance"_s).toObject();
    printLine(u"limpet %1 listening on %2, up %3, %4 open, %5"_s.arg(
        text(instance.value(u"version"_s)), text(instance.value(u"listen"_s)),
        shortDuration(qint64(instance.value(u"uptime_s"_s).toDouble())),
        plural(
            instance.value(u"connections_open"_s).toInteger(), u"connection"_s, u"connections"_s),
        plural(instance.value(u"sessions"_s).toInteger(), u"session"_s, u"sessions"_s)));

    const QJsonArray pools = reply.json.value(u"pools"_s).toArray();
    for (const QJsonValue &p : pools) {
        const QJsonObject pool = p.toObject();
        const QJsonArray backends = pool.value(u"backends"_s).toArray();
        printLine(QString());
        printLine(u"pool %1: mode %2, balance %3, %4"_s.arg(text(pool.value(u"name"_s)),
            text(pool.value(u"mode"_s)), text(pool.value(u"balance"_s)),
            plural(backends.size(), u"backend"_s, u"backends"_s)));
        using A = TextTable::Align;
        TextTable table({{u"NAME"_s}, {u"ADDRESS"_s}, {u"STATE"_s}, {u"HEALTH"_s},
            {u"WEIGHT"_s, A::Right}, {u"ACTIVE"_s, A::Right}, {u"REQ"_s, A::Right},
            {u"SESSIONS"_s, A::Right}, {u"ERR%"_s, A::Right}, {u"CHECK"_s}});
        for (const QJsonValue &b : backends) {
            const QJsonObject backend = b.toObject();
            table.addRow({text(backend.value(u"name"_s)), text(backend.value(u"address"_s)),
                stateCell(backend), text(backend.value(u"health"_s)), weightCell(backend),
                text(backend.value(u"active"_s)), text(backend.value(u"requests"_s)),
                text(backend.value(u"sessions"_s)), errorRateCell(backend),
                checkCell(backend.value(u"check"_s))});
        }
        printTable(table);
    }
    co_return ExitOk;
}

// --- backends ----------------------------------------------------------------------------------

/// "app/app1: 12 sessions bound, 3 requests in flight, leaving at 0.5/s, about 24 s left"
QString drainProgress(const BackendRef &ref, const QJsonObject &backend)
{
    QString line = u"%1: %2, %3"_s.arg(ref.toString(),
        plural(backend.value(u"sessions"_s).toInteger(), u"session bound"_s, u"sessions bound"_s),
        plural(backend.value(u"active"_s).toInteger(), u"request in flight"_s,
            u"requests in flight"_s));
    line += u", leaving at %1/s"_s.arg(
        QString::number(backend.value(u"sessions_leave_rate"_s).toDouble(), 'f', 1));
    if (const QJsonValue eta = backend.value(u"drain_eta_s"_s); eta.isDouble())
        line += u", about %1 left"_s.arg(approxDuration(eta.toDouble()));
    return line;
}

/// Polls the cluster until the backend has no bound session and no request in flight (ExitOk),
/// the deadline passes, it leaves the drain state or the pool (ExitApiError), or a poll fails.
QCoro::Task<int> waitDrained(Ctl *ctl, BackendRef ref, double timeoutS, double intervalS)
{
    const QDeadlineTimer deadline(qint64(timeoutS * 1000.0));
    const std::chrono::milliseconds interval(std::max<qint64>(qint64(intervalS * 1000.0), 1));
    for (;;) {
        const AdminReply reply = co_await ctl->client.request("GET"_ba, clusterPath());
        if (!reply.ok())
            co_return reportFailure(*ctl, reply);
        const std::optional<QJsonObject> backend = findBackend(reply.json, ref);
        if (!backend) {
            printError(u"limpet ctl: %1: no longer in the cluster"_s.arg(ref.toString()));
            co_return ExitApiError;
        }
        const qint64 sessions = backend->value(u"sessions"_s).toInteger();
        const qint64 active = backend->value(u"active"_s).toInteger();
        if (sessions == 0 && active == 0) {
            if (!ctl->json)
                printLine(u"%1: drained"_s.arg(ref.toString()));
            co_return ExitOk;
        }
        const QString state = backend->value(u"state"_s).toString();
        if (state != u"drain"_s) {
            printError(u"limpet ctl: %1: state is now %2: no longer draining"_s.arg(
                ref.toString(), state));
            co_return ExitApiError;
        }
        if (!ctl->json)
            printLine(drainProgress(ref, *backend));
        if (deadline.hasExpired()) {
            printError(u"limpet ctl: %1: not drained after %2 s (%3, %4)"_s.arg(ref.toString(),
                QString::number(timeoutS, 'g', 6),
                plural(sessions, u"session bound"_s, u"sessions bound"_s),
                plural(active, u"request in flight"_s, u"requests in flight"_s)));
            co_return ExitApiError;
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline.remainingTimeAsDuration());
        co_await QCoro::sleepFor(std::min(interval, left));
    }
}

/// drain | ready | maint | standby: the state is the command's name.
QCoro::Task<int> cmdState(Ctl *ctl, Invocation invocation)
{
    const bool wait = invocation.has(u"wait"_s);
    double timeoutS = DefaultDrainTimeoutS;
    double intervalS = DefaultDrainIntervalS;
    if (!wait && (invocation.has(u"timeout"_s) || invocation.has(u"interval"_s)))
        co_return usageError(invocation, u"--timeout and --interval go with --wait"_s);
    if (invocation.has(u"timeout"_s)) {
        const std::optional<double> s = parseSeconds(invocation.value(u"timeout"_s));
        if (!s)
            co_return usageError(invocation,
                u"--timeout: expected seconds, e.g. 600 or 2.5, not '%1'"_s.arg(
                    invocation.value(u"timeout"_s)));
        timeoutS = *s;
    }
    if (invocation.has(u"interval"_s)) {
        const std::optional<double> s = parseSeconds(invocation.value(u"interval"_s));
        if (!s || *s <= 0)
            co_return usageError(invocation,
                u"--interval: expected seconds above 0, e.g. 1 or 0.2, not '%1'"_s.arg(
                    invocation.value(u"interval"_s)));
        intervalS = *s;
    }
    const auto resolved = co_await resolveBackend(ctl, invocation, invocation.args.at(0));
    if (const int *status = std::get_if<int>(&resolved))
        co_return *status;
    const BackendRef ref = std::get<BackendRef>(resolved);

    // Built before the co_await: GCC 12 miscompiles initializer lists inside one.
    QJsonObject body;
    body.insert(u"state"_s, invocation.command->name);
    const AdminReply reply = co_await ctl->client.request("PATCH"_ba, ref.path(), {}, body);
    if (!reply.ok())
        co_return reportFailure(*ctl, reply);
    if (ctl->json)
        printRaw(reply.body);
    else
        printLine(u"%1: state %2"_s.arg(ref.toString(), text(reply.json.value(u"state"_s))));
    if (!wait)
        co_return ExitOk;
    co_return co_await waitDrained(ctl, ref, timeoutS, intervalS);
}

QCoro::Task<int> cmdWeight(Ctl *ctl, Invocation invocation)
{
    const std::optional<qint64> weight = parseInteger(invocation.args.at(1), 0, MaxWeight);
    if (!weight)
        co_return usageError(invocation,
            u"weight: expected a whole number from 0 to %1, not '%2'"_s.arg(MaxWeight).arg(
                invocation.args.at(1)));
    const auto resolved = co_await resolveBackend(ctl, invocation, invocation.args.at(0));
    if (const int *status = std::get_if<int>(&resolved))
        co_return *status;
    const BackendRef ref = std::get<BackendRef>(resolved);
    QJsonObject body;
    body.insert(u"weight"_s, *weight);
    const auto describe = [ref](const AdminReply &reply) {
        return u"%1: weight %2"_s.arg(ref.toString(), text(reply.json.value(u"weight"_s)));
    };
    co_return co_await simpleRequest(ctl, "PATCH"_ba, ref.path(), {}, body, describe);
}

bool isState(const QString &state)
{
    return state == u"ready"_s || state == u"drain"_s || state == u"maint"_s
        || state == u"standby"_s;
}

QCoro::Task<int> cmdAdd(Ctl *ctl, Invocation invocation)
{
    const QString pool = invocation.args.at(0);
    QJsonObject body{{u"name"_s, invocation.args.at(1)}, {u"address"_s, invocation.args.at(2)}};
    if (invocation.has(u"weight"_s)) {
        const std::optional<qint64> weight
            = parseInteger(invocation.value(u"weight"_s), 0, MaxWeight);
        if (!weight)
            co_return usageError(invocation,
                u"--weight: expected a whole number from 0 to %1, not '%2'"_s.arg(MaxWeight).arg(
                    invocation.value(u"weight"_s)));
        body.insert(u"weight"_s, *weight);
    }
    if (invocation.has(u"max-conn"_s)) {
        const std::optional<qint64> maxConn
            = parseInteger(invocation.value(u"max-conn"_s), 0, std::numeric_limits<int>::max());
        if (!maxConn)
            co_return usageError(invocation,
                u"--max-conn: expected a whole number (0: no limit), not '%1'"_s.arg(
                    invocation.value(u"max-conn"_s)));
        body.insert(u"max_conn"_s, *maxConn);
    }
    if (invocation.has(u"state"_s)) {
        if (!isState(invocation.value(u"state"_s)))
            co_return usageError(invocation,
                u"--state: expected ready, drain, maint or standby, not '%1'"_s.arg(
                    invocation.value(u"state"_s)));
        body.insert(u"state"_s, invocation.value(u"state"_s));
    }
    if (invocation.has(u"route"_s))
        body.insert(u"route"_s, invocation.value(u"route"_s));
    const QString path = u"/api/v1/pools/"_s + AdminClient::pathSegment(pool) + u"/backends"_s;
    const auto describe = [pool](const AdminReply &reply) {
        const QJsonObject &b = reply.json;
        return u"added %1/%2 at %3 (state %4, weight %5)"_s.arg(pool, text(b.value(u"name"_s)),
            text(b.value(u"address"_s)), text(b.value(u"state"_s)), text(b.value(u"weight"_s)));
    };
    co_return co_await simpleRequest(ctl, "POST"_ba, path, {}, body, describe);
}

QCoro::Task<int> cmdRemove(Ctl *ctl, Invocation invocation)
{
    const auto resolved = co_await resolveBackend(ctl, invocation, invocation.args.at(0));
    if (const int *status = std::get_if<int>(&resolved))
        co_return *status;
    const BackendRef ref = std::get<BackendRef>(resolved);
    QUrlQuery query;
    if (invocation.has(u"force"_s))
        AdminClient::addQueryItem(query, u"force"_s, u"1"_s);
    const auto describe = [ref](const AdminReply &reply) {
        // 202: it drains first and goes when idle; 200: gone.
        return reply.status == 202 ? u"%1: removing (draining)"_s.arg(ref.toString())
                                   : u"%1: removed"_s.arg(ref.toString());
    };
    co_return co_await simpleRequest(ctl, "DELETE"_ba, ref.path(), query, std::nullopt, describe);
}

// --- sessions ----------------------------------------------------------------------------------

/// "-", "app2 until 12:00:01.000" (a pin) or "app2 (rebound)" (permanent).
QString pinCell(const QJsonValue &value)
{
    if (!value.isObject())
        return u"-"_s;
    const QJsonObject pin = value.toObject();
    const QString backend = text(pin.value(u"backend"_s));
    if (pin.value(u"expires"_s).isNull())
        return backend + u" (rebound)"_s;
    return backend + u" until "_s + clockTime(parseTime(pin.value(u"expires"_s)));
}

QCoro::Task<int> cmdSessions(Ctl *ctl, Invocation invocation)
{
    QUrlQuery query;
    QString pool = invocation.value(u"pool"_s);
    QString backend = invocation.value(u"backend"_s);
    if (pool.isEmpty() && backend.contains(u'/')) { // --backend POOL/BACKEND
        pool = backend.section(u'/', 0, 0);
        backend = backend.section(u'/', 1);
    }
    if (!pool.isEmpty())
        AdminClient::addQueryItem(query, u"pool"_s, pool);
    if (!backend.isEmpty())
        AdminClient::addQueryItem(query, u"backend"_s, backend);
    if (invocation.has(u"filter"_s))
        AdminClient::addQueryItem(query, u"q"_s, invocation.value(u"filter"_s));
    if (invocation.has(u"limit"_s)) {
        const std::optional<qint64> limit = parseInteger(invocation.value(u"limit"_s), 1, 10000);
        if (!limit)
            co_return usageError(invocation,
                u"--limit: expected a whole number from 1 to 10000, not '%1'"_s.arg(
                    invocation.value(u"limit"_s)));
        AdminClient::addQueryItem(query, u"limit"_s, QString::number(*limit));
    }
    const AdminReply reply = co_await ctl->client.request("GET"_ba, u"/api/v1/sessions"_s, query);
    if (!reply.ok())
        co_return reportFailure(*ctl, reply);
    if (ctl->json) {
        printRaw(reply.body);
        co_return ExitOk;
    }
    const QJsonArray sessions = reply.json.value(u"sessions"_s).toArray();
    if (!sessions.isEmpty()) {
        TextTable table({{u"KEY"_s}, {u"POOL"_s}, {u"BACKEND"_s}, {u"CLIENT"_s},
            {u"LAST-SEEN"_s, TextTable::Align::Right}, {u"REQUESTS"_s, TextTable::Align::Right},
            {u"PIN"_s}});
        for (const QJsonValue &s : sessions) {
            const QJsonObject session = s.toObject();
            table.addRow({text(session.value(u"key"_s)), text(session.value(u"pool"_s)),
                text(session.value(u"backend"_s)), text(session.value(u"client"_s)),
                age(parseTime(session.value(u"last_seen"_s))), text(session.value(u"requests"_s)),
                pinCell(session.value(u"pin"_s))});
        }
        printTable(table);
    }
    printLine(u"%1 of %2"_s.arg(sessions.size())
                  .arg(plural(reply.json.value(u"total"_s).toInteger(sessions.size()), u"session"_s,
                      u"sessions"_s)));
    co_return ExitOk;
}

QCoro::Task<int> cmdForget(Ctl *ctl, Invocation invocation)
{
    const QString pool = invocation.args.at(0);
    const QString key = invocation.args.at(1);
    const auto describe
        = [pool, key](const AdminReply &) { return u"%1: forgot session %2"_s.arg(pool, key); };
    co_return co_await simpleRequest(
        ctl, "DELETE"_ba, sessionPath(pool, key), {}, std::nullopt, describe);
}

/// pin (with --ttl) and rebind (without): PUT the session's backend.
QCoro::Task<int> cmdPin(Ctl *ctl, Invocation invocation)
{
    const QString pool = invocation.args.at(0);
    const QString key = invocation.args.at(1);
    QJsonObject body{{u"backend"_s, invocation.args.at(2)}};
    const bool pin = invocation.command->name == u"pin"_s;
    if (pin) {
        if (!invocation.has(u"ttl"_s))
            co_return usageError(invocation, u"pin needs --ttl SECONDS (rebind: for good)"_s);
        const std::optional<qint64> ttl
            = parseInteger(invocation.value(u"ttl"_s), 1, std::numeric_limits<int>::max());
        if (!ttl)
            co_return usageError(invocation,
                u"--ttl: expected whole seconds above 0, not '%1'"_s.arg(
                    invocation.value(u"ttl"_s)));
        body.insert(u"ttl"_s, *ttl);
    }
    const auto describe = [pool, key, pin](const AdminReply &reply) {
        const QJsonObject p = reply.json.value(u"pin"_s).toObject();
        const QString backend = text(p.value(u"backend"_s));
        if (pin)
            return u"%1/%2: pinned to %3 until %4"_s.arg(
                pool, key, backend, clockTime(parseTime(p.value(u"expires"_s))));
        return u"%1/%2: rebound to %3"_s.arg(pool, key, backend);
    };
    co_return co_await simpleRequest(ctl, "PUT"_ba, sessionPath(pool, key), {}, body, describe);
}

// --- decisions ---------------------------------------------------------------------------------

/// "<< moved from app1 (backend-down-redispatched)" for a decision that changed the session's
/// backend; empty otherwise.
QString movedMark(const QJsonObject &decision)
{
    if (!decision.value(u"changed_backend"_s).toBool())
        return {};
    QString mark = u"<< moved from "_s + text(decision.value(u"previous_backend"_s));
    if (const QJsonValue cause = decision.value(u"change_cause"_s); cause.isString())
        mark += u" ("_s + cause.toString() + u')';
    return mark;
}

QString statusText(const QJsonValue &status)
{
    return status.toInteger() > 0 ? QString::number(status.toInteger()) : u"-"_s;
}

QCoro::Task<int> cmdTrace(Ctl *ctl, Invocation invocation)
{
    const QString key = invocation.args.value(0);
    const QString client = invocation.value(u"client"_s);
    if (key.isEmpty() && client.isEmpty())
        co_return usageError(invocation, u"trace: give a session KEY or --client ADDR"_s);
    QUrlQuery query;
    if (!key.isEmpty())
        AdminClient::addQueryItem(query, u"session"_s, key);
    if (!client.isEmpty())
        AdminClient::addQueryItem(query, u"client"_s, client);
    if (invocation.has(u"limit"_s)) {
        const std::optional<qint64> limit = parseInteger(invocation.value(u"limit"_s), 1, 10000);
        if (!limit)
            co_return usageError(invocation,
                u"--limit: expected a whole number from 1 to 10000, not '%1'"_s.arg(
                    invocation.value(u"limit"_s)));
        AdminClient::addQueryItem(query, u"limit"_s, QString::number(*limit));
    }
    const AdminReply reply = co_await ctl->client.request("GET"_ba, u"/api/v1/decisions"_s, query);
    if (!reply.ok())
        co_return reportFailure(*ctl, reply);
    if (ctl->json) {
        printRaw(reply.body);
        co_return ExitOk;
    }
    const QJsonArray decisions = reply.json.value(u"decisions"_s).toArray();
    if (decisions.isEmpty()) {
        printLine(key.isEmpty() ? u"no decisions recorded for client %1"_s.arg(client)
                                : u"no decisions recorded for session %1"_s.arg(key));
        co_return ExitOk;
    }
    using A = TextTable::Align;
    TextTable table({{u"TIME"_s}, {u"METHOD"_s}, {u"TARGET"_s}, {u"REASON"_s}, {u"BACKEND"_s},
        {u"STATUS"_s, A::Right}, {u"MS"_s, A::Right}, {QString()}});
    // The API answers newest first; a timeline reads oldest first.
    for (qsizetype i = decisions.size() - 1; i >= 0; --i) {
        const QJsonObject d = decisions.at(i).toObject();
        table.addRow({clockTime(parseTime(d.value(u"time"_s))), text(d.value(u"method"_s)),
            text(d.value(u"target"_s)), text(d.value(u"reason"_s)), text(d.value(u"backend"_s)),
            statusText(d.value(u"status"_s)), milliseconds(d.value(u"duration_ms"_s)),
            movedMark(d)});
    }
    printTable(table);
    co_return ExitOk;
}

QCoro::Task<int> cmdInspect(Ctl *ctl, Invocation invocation)
{
    QJsonObject body;
    QString cookie = invocation.args.value(0).trimmed();
    if (cookie.startsWith(u"cookie:"_s, Qt::CaseInsensitive))
        cookie = cookie.mid(7).trimmed();
    if (!cookie.isEmpty())
        body.insert(u"cookie"_s, cookie);
    if (invocation.has(u"host"_s))
        body.insert(u"host"_s, invocation.value(u"host"_s));
    if (invocation.has(u"path"_s))
        body.insert(u"path"_s, invocation.value(u"path"_s));
    if (invocation.has(u"client"_s))
        body.insert(u"client"_s, invocation.value(u"client"_s));
    const AdminReply reply
        = co_await ctl->client.request("POST"_ba, u"/api/v1/inspect"_s, {}, body);
    if (!reply.ok())
        co_return reportFailure(*ctl, reply);
    if (ctl->json) {
        printRaw(reply.body);
        co_return ExitOk;
    }
    TextTable table({{}, {}});
    const QStringList fields{u"pool"_s, u"mode"_s, u"key_seen"_s, u"key"_s, u"decoded"_s,
        u"detail"_s, u"reason"_s, u"backend"_s, u"candidates"_s, u"algorithm"_s, u"session"_s};
    for (const QString &field : fields)
        table.addRow({QString(field).replace(u'_', u' ') + u':', text(reply.json.value(field))});
    printTable(table);
    if (const QString summary = reply.json.value(u"summary"_s).toString(); !summary.isEmpty()) {
        printLine(QString());
        printLine(summary);
    }
    co_return ExitOk;
}

// --- configuration -----------------------------------------------------------------------------

QCoro::Task<int> cmdReload(Ctl *ctl, Invocation)
{
    const auto describe = [](const AdminReply &reply) {
        const QJsonArray changes = reply.json.value(u"changes"_s).toArray();
        if (changes.isEmpty())
            return u"reloaded: no changes"_s;
        QString out = u"reloaded:"_s;
        for (const QJsonValue &change : changes)
            out += u"\n  "_s + change.toString();
        return out;
    };
    co_return co_await simpleRequest(
        ctl, "POST"_ba, u"/api/v1/reload"_s, {}, std::nullopt, describe);
}

QCoro::Task<int> cmdConfig(Ctl *ctl, Invocation)
{
    const auto describe
        = [](const AdminReply &reply) { return reply.json.value(u"text"_s).toString(); };
    co_return co_await simpleRequest(
        ctl, "GET"_ba, u"/api/v1/config"_s, {}, std::nullopt, describe);
}

// --- events ------------------------------------------------------------------------------------

/// One line for one server-sent event.
QString eventLine(const ServerSentEvent &event)
{
    const QJsonObject o = QJsonDocument::fromJson(event.data).object();
    if (event.event == "decision") {
        QString line = u"%1  decision  %2  %3  %4 %5 -> %6  %7  %8  %9 ms"_s.arg(
            clockTime(parseTime(o.value(u"time"_s))), text(o.value(u"pool"_s)),
            text(o.value(u"client"_s)), text(o.value(u"method"_s)), text(o.value(u"target"_s)),
            text(o.value(u"backend"_s)), text(o.value(u"reason"_s)),
            statusText(o.value(u"status"_s)), milliseconds(o.value(u"duration_ms"_s)));
        if (const QString mark = movedMark(o); !mark.isEmpty())
            line += u"  "_s + mark;
        return line;
    }
    if (event.event == "event") {
        QStringList parts{clockTime(parseTime(o.value(u"time"_s))), text(o.value(u"kind"_s))};
        QString subject = o.value(u"pool"_s).toString();
        if (const QString backend = o.value(u"backend"_s).toString(); !backend.isEmpty())
            subject += u'/' + backend;
        if (!subject.isEmpty())
            parts.append(subject);
        if (!o.value(u"from"_s).isNull() || !o.value(u"to"_s).isNull())
            parts.append(text(o.value(u"from"_s)) + u" -> "_s + text(o.value(u"to"_s)));
        if (const QString message = o.value(u"message"_s).toString(); !message.isEmpty())
            parts.append(message);
        return parts.join(u"  "_s);
    }
    if (event.event == "counters") {
        const QJsonObject instance = o.value(u"instance"_s).toObject();
        return u"%1  counters  %2 open, %3 accepted, %4"_s.arg(
            clockTime(QDateTime::currentDateTimeUtc()),
            plural(instance.value(u"connections_open"_s).toInteger(), u"connection"_s,
                u"connections"_s),
            text(instance.value(u"connections_accepted"_s)),
            plural(instance.value(u"sessions"_s).toInteger(), u"session"_s, u"sessions"_s));
    }
    return clockTime(QDateTime::currentDateTimeUtc()) + u"  "_s + QString::fromUtf8(event.event)
        + u"  "_s + QString::fromUtf8(event.data);
}

QCoro::Task<int> cmdEvents(Ctl *ctl, Invocation invocation)
{
    qint64 count = -1; // until interrupted
    if (invocation.has(u"count"_s)) {
        const std::optional<qint64> n
            = parseInteger(invocation.value(u"count"_s), 1, std::numeric_limits<qint64>::max());
        if (!n)
            co_return usageError(invocation,
                u"--count: expected a whole number above 0, not '%1'"_s.arg(
                    invocation.value(u"count"_s)));
        count = *n;
    }
    const bool json = ctl->json;
    qint64 seen = 0;
    const auto onEvent = [json, count, &seen](const ServerSentEvent &event) {
        if (json)
            printRaw(event.data);
        else
            printLine(eventLine(event));
        return count < 0 || ++seen < count;
    };
    const AdminReply reply = co_await ctl->client.stream(u"/api/v1/events"_s, onEvent);
    co_return reply.ok() ? int(ExitOk) : reportFailure(*ctl, reply);
}

// --- the command table -------------------------------------------------------------------------

const QList<CommandSpec> &commands()
{
    static const QList<OptionSpec> drainOptions{
        {u"wait"_s, {}}, {u"timeout"_s, u"SECONDS"_s}, {u"interval"_s, u"SECONDS"_s}};
    static const QList<CommandSpec> all{
        {u"status"_s, {}, u"The instance, and per pool a table of its backends."_s, 0, 0, {},
            cmdStatus},
        {u"drain"_s, u"POOL/BACKEND [--wait [--timeout SECONDS] [--interval SECONDS]]"_s,
            u"Keep the backend's sessions, give it no new one. --wait: then poll until no "
            "session is bound and no request is in flight (timeout 600 s, every 1 s; "
            "fractions allowed)."_s,
            1, 1, drainOptions, cmdState},
        {u"ready"_s, u"POOL/BACKEND"_s, u"Give the backend new sessions again."_s, 1, 1, {},
            cmdState},
        {u"maint"_s, u"POOL/BACKEND"_s, u"Give the backend nothing: its sessions go elsewhere."_s,
            1, 1, {}, cmdState},
        {u"standby"_s, u"POOL/BACKEND"_s, u"Use the backend only when no ready backend is left."_s,
            1, 1, {}, cmdState},
        {u"weight"_s, u"POOL/BACKEND N"_s, u"Set the backend's weight (0 to 1000)."_s, 2, 2, {},
            cmdWeight},
        {u"add"_s, u"POOL NAME ADDRESS [--weight N] [--route R] [--state S] [--max-conn N]"_s,
            u"Add a backend at ADDRESS (IP:PORT)."_s, 3, 3,
            {{u"weight"_s, u"N"_s}, {u"route"_s, u"R"_s}, {u"state"_s, u"S"_s},
                {u"max-conn"_s, u"N"_s}},
            cmdAdd},
        {u"remove"_s, u"POOL/BACKEND [--force]"_s,
            u"Remove a backend once it has drained; --force: at once."_s, 1, 1, {{u"force"_s, {}}},
            cmdRemove},
        {u"sessions"_s, u"[--pool P] [--backend B] [--filter TEXT] [--limit N]"_s,
            u"Sessions, most recently seen first (--filter: part of the key or client)."_s, 0, 0,
            {{u"pool"_s, u"P"_s}, {u"backend"_s, u"B"_s}, {u"filter"_s, u"TEXT"_s},
                {u"limit"_s, u"N"_s}},
            cmdSessions},
        {u"forget"_s, u"POOL KEY"_s, u"Forget a session: its next request is balanced anew."_s, 2,
            2, {}, cmdForget},
        {u"pin"_s, u"POOL KEY BACKEND --ttl SECONDS"_s, u"Send a session to BACKEND for SECONDS."_s,
            3, 3, {{u"ttl"_s, u"SECONDS"_s}}, cmdPin},
        {u"rebind"_s, u"POOL KEY BACKEND"_s, u"Bind a session to BACKEND for good."_s, 3, 3, {},
            cmdPin},
        {u"trace"_s, u"[KEY] [--client ADDR] [--limit N]"_s,
            u"A session's (or a client's) decisions, oldest first; marks where it moved."_s, 0, 1,
            {{u"client"_s, u"ADDR"_s}, {u"limit"_s, u"N"_s}}, cmdTrace},
        {u"inspect"_s, u"'Cookie: NAME=VALUE; ...' [--host H] [--path P] [--client ADDR]"_s,
            u"Dry run: where a request with this Cookie header would go, and why."_s, 0, 1,
            {{u"host"_s, u"H"_s}, {u"path"_s, u"P"_s}, {u"client"_s, u"ADDR"_s}}, cmdInspect},
        {u"reload"_s, {}, u"Reload the config file: prints the changes, or its errors."_s, 0, 0, {},
            cmdReload},
        {u"config"_s, {}, u"Print the config file the instance runs with."_s, 0, 0, {}, cmdConfig},
        {u"events"_s, u"[--count N]"_s,
            u"Follow events, decisions and counters, one line each, until interrupted "
            "(--count: stop after N)."_s,
            0, 0, {{u"count"_s, u"N"_s}}, cmdEvents},
    };
    return all;
}

const CommandSpec *findCommand(const QString &name)
{
    for (const CommandSpec &c : commands()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

/// `text` in lines of at most `width` columns (longer words stay whole), each indented.
QString wrap(const QString &text, const QString &indent, qsizetype width)
{
    QString out;
    QString line;
    const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
    for (const QString &word : words) {
        if (!line.isEmpty() && indent.size() + line.size() + 1 + word.size() > width) {
            out += indent + line + u'\n';
            line.clear();
        }
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        out += indent + line + u'\n';
    return out;
}

QString usage()
{
    QString out = u"Usage: %1 COMMAND [ARGUMENTS]\n\n"
                  "Controls a running Limpet through its admin API.\n\n"
                  "Options:\n"
                  "  --url URL      the admin API (default: $LIMPET_URL, else %2)\n"
                  "  --token TOKEN  bearer token (default: $LIMPET_TOKEN)\n"
                  "  --json         print the API's JSON answers instead of tables\n"
                  "  -h, --help     print this help\n\n"
                  "Commands:\n"_s.arg(UsagePrefix, defaultUrl());
    for (const CommandSpec &c : commands()) {
        out += u"  "_s + QString(c.name + u' ' + c.synopsis).trimmed() + u'\n';
        out += wrap(c.help, u"      "_s, 96);
    }
    out += u"\nPOOL/BACKEND may be just BACKEND when the instance has a single pool.\n"
           "Every request times out after %1 s.\n"
           "Exit status: 0 done, 1 the API answered an error, 2 usage error, 3 the instance "
           "cannot be reached.\n"_s.arg(
               std::chrono::duration_cast<std::chrono::seconds>(RequestTimeout).count());
    return out;
}

struct GlobalOptions
{
    QString url;
    QString token;
    bool json = false;
    bool help = false;
};

struct ParsedArguments
{
    GlobalOptions global;
    Invocation invocation; ///< command null only with global.help
};

struct UsageError
{
    QString message;
    const CommandSpec *command = nullptr; ///< whose synopsis to show; null: the general one
};

/// Parses what follows `limpet ctl`. Global options go anywhere; a command's options after its
/// name; `--name value` or `--name=value`; `--` ends the options (for keys starting with '-').
std::variant<ParsedArguments, UsageError> parseArguments(const QStringList &args)
{
    ParsedArguments parsed;
    parsed.global.url = qEnvironmentVariable("LIMPET_URL");
    parsed.global.token = qEnvironmentVariable("LIMPET_TOKEN");
    Invocation &invocation = parsed.invocation;
    static const QList<OptionSpec> globalOptions{
        {u"url"_s, u"URL"_s}, {u"token"_s, u"TOKEN"_s}, {u"json"_s, {}}, {u"help"_s, {}}};
    bool optionsEnded = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (!optionsEnded && arg == u"--"_s) {
            optionsEnded = true;
            continue;
        }
        if (!optionsEnded && arg.startsWith(u'-') && arg.size() > 1) {
            if (arg == u"-h"_s) {
                parsed.global.help = true;
                continue;
            }
            if (!arg.startsWith(u"--"_s))
                return UsageError{u"unknown option '%1'"_s.arg(arg), invocation.command};
            QString name = arg.mid(2);
            std::optional<QString> inlineValue;
            if (const qsizetype eq = name.indexOf(u'='); eq >= 0) {
                inlineValue = name.mid(eq + 1);
                name.truncate(eq);
            }
            const OptionSpec *spec = nullptr;
            bool global = false;
            for (const OptionSpec &o : globalOptions) {
                if (o.name == name) {
                    spec = &o;
                    global = true;
                }
            }
            if (!spec && invocation.command) {
                for (const OptionSpec &o : invocation.command->options) {
                    if (o.name == name)
                        spec = &o;
                }
            }
            if (!spec)
                return UsageError{invocation.command
                        ? u"%1: unknown option --%2"_s.arg(invocation.command->name, name)
                        : u"unknown option --%1"_s.arg(name),
                    invocation.command};
            QString value;
            if (!spec->valueName.isEmpty()) {
                if (inlineValue)
                    value = *inlineValue;
                else if (i + 1 < args.size())
                    value = args[++i];
                else
                    return UsageError{u"--%1 needs a value (%2)"_s.arg(name, spec->valueName),
                        invocation.command};
            } else if (inlineValue) {
                return UsageError{u"--%1 takes no value"_s.arg(name), invocation.command};
            }
            if (!global)
                invocation.options.insert(name, value);
            else if (name == u"url"_s)
                parsed.global.url = value;
            else if (name == u"token"_s)
                parsed.global.token = value;
            else if (name == u"json"_s)
                parsed.global.json = true;
            else
                parsed.global.help = true;
            continue;
        }
        if (!invocation.command) {
            if (arg == u"help"_s) {
                parsed.global.help = true;
                continue;
            }
            invocation.command = findCommand(arg);
            if (!invocation.command)
                return UsageError{u"unknown command '%1'"_s.arg(arg)};
            continue;
        }
        invocation.args.append(arg);
    }
    if (parsed.global.help)
        return parsed;
    const CommandSpec *command = invocation.command;
    if (!command)
        return UsageError{u"no command given"_s};
    if (invocation.args.size() < command->minArgs)
        return UsageError{u"%1: missing argument"_s.arg(command->name), command};
    if (invocation.args.size() > command->maxArgs)
        return UsageError{
            u"%1: unexpected argument '%2'"_s.arg(command->name, invocation.args.last()), command};
    return parsed;
}

/// The admin API's base URL: "host:port" means http://host:port. Nothing when it is not an
/// http(s) URL with a host.
std::optional<QUrl> parseBaseUrl(QString text)
{
    if (!text.contains(u"://"_s))
        text.prepend(u"http://"_s);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.hasQuery()
        || url.hasFragment())
        return std::nullopt;
    return url;
}

} // namespace

int runCtl(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"limpet"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LIMPET_VERSION));

    const auto parsed = parseArguments(QCoreApplication::arguments().mid(2));
    if (const UsageError *error = std::get_if<UsageError>(&parsed)) {
        if (!error->command) {
            printError(u"limpet ctl: "_s + error->message);
            std::fputs("\n", stderr);
            writeTo(stderr, usage().toUtf8());
            return ExitUsage;
        }
        return usageError(error->command, error->message);
    }
    const ParsedArguments &arguments = std::get<ParsedArguments>(parsed);
    if (arguments.global.help) {
        writeTo(stdout, usage().toUtf8());
        return ExitOk;
    }
    const QString urlText = arguments.global.url.isEmpty() ? defaultUrl() : arguments.global.url;
    const std::optional<QUrl> url = parseBaseUrl(urlText);
    if (!url)
        return usageError(arguments.invocation,
            u"--url: expected http://HOST:PORT, e.g. %1, not '%2'"_s.arg(defaultUrl(), urlText));

    Ctl ctl(*url, arguments.global.token.toUtf8(), arguments.global.json);
    try {
        return QCoro::waitFor(arguments.invocation.command->handler(&ctl, arguments.invocation));
    } catch (const std::exception &e) {
        printError(u"limpet ctl: internal error: %1"_s.arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        printError(u"limpet ctl: internal error"_s);
    }
    return ExitApiError;
}

} // namespace Limpet
