#include "admin/metrics.h"

#include <QByteArrayView>
#include <QStringView>

#include <charconv>
#include <cmath>
#include <iterator>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

enum class MetricType {
    Counter,
    Gauge,
    Histogram
};

QByteArrayView typeName(MetricType type)
{
    switch (type) {
    case MetricType::Counter:
        return "counter";
    case MetricType::Gauge:
        return "gauge";
    case MetricType::Histogram:
        return "histogram";
    }
    return "untyped";
}

QByteArray number(quint64 value)
{
    return QByteArray::number(value);
}

QByteArray number(int value)
{
    return QByteArray::number(value);
}

/// The shortest text that reads back as the same double (Go's ParseFloat, which Prometheus
/// uses, accepts it), and the spellings Prometheus wants for the special values.
QByteArray number(double value)
{
    if (std::isnan(value))
        return QByteArray("NaN");
    if (std::isinf(value))
        return QByteArray(value > 0 ? "+Inf" : "-Inf");
    char buffer[32]; // the longest shortest form of a double is 24 characters
    const std::to_chars_result result = std::to_chars(std::begin(buffer), std::end(buffer), value);
    return QByteArray(buffer, result.ptr - buffer);
}

QByteArray number(bool value)
{
    return QByteArray(value ? "1" : "0");
}

double seconds(double ms)
{
    return ms / 1000.0;
}

/// `name="value"`: the value in UTF-8 with backslash, double quote and newline escaped, the
/// only three escapes the format has.
QByteArray label(QByteArrayView name, QStringView value)
{
    const QByteArray utf8 = value.toUtf8();
    QByteArray out;
    out.reserve(name.size() + utf8.size() + 4);
    out.append(name);
    out.append("=\"");
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            out.append("\\\\");
            break;
        case '"':
            out.append("\\\"");
            break;
        case '\n':
            out.append("\\n");
            break;
        default:
            out.append(c);
        }
    }
    out.append('"');
    return out;
}

/// Label pairs, comma-separated.
QByteArray joined(QByteArrayView first, QByteArrayView second)
{
    QByteArray out;
    out.reserve(first.size() + second.size() + 1);
    out.append(first);
    out.append(',');
    out.append(second);
    return out;
}

/// The exposition being written, one family after the other. A family's HELP and TYPE lines go
/// out with its first sample, so a family that turns out to have no samples leaves no trace.
class Exposition
{
public:
    /// Starts a family. `help` is plain text (backslash and newline get escaped).
    void family(QByteArrayView name, MetricType type, QByteArrayView help)
    {
        m_header.clear();
        m_header.append("# HELP ");
        m_header.append(name);
        m_header.append(' ');
        for (const char c : help) {
            if (c == '\\')
                m_header.append("\\\\");
            else if (c == '\n')
                m_header.append("\\n");
            else
                m_header.append(c);
        }
        m_header.append("\n# TYPE ");
        m_header.append(name);
        m_header.append(' ');
        m_header.append(typeName(type));
        m_header.append('\n');
    }

    /// One sample of the current family. `name` is the family's name, or for a histogram the
    /// family's name with `_bucket`, `_sum` or `_count`; `labels` are label pairs without the
    /// braces (empty: none).
    void sample(QByteArrayView name, QByteArrayView labels, QByteArrayView value)
    {
        if (!m_header.isEmpty()) {
            m_out.append(m_header);
            m_header.clear();
        }
        m_out.append(name);
        if (!labels.isEmpty()) {
            m_out.append('{');
            m_out.append(labels);
            m_out.append('}');
        }
        m_out.append(' ');
        m_out.append(value);
        m_out.append('\n');
    }

    [[nodiscard]] QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
    QByteArray m_header; ///< HELP and TYPE of the current family, until its first sample
};

/// A per-backend family with one sample per backend, labelled pool and backend.
struct BackendFamily
{
    const char *name;
    MetricType type;
    const char *help;
    QByteArray (*value)(const BackendSnapshot &);
    bool (*present)(const BackendSnapshot &) = nullptr; ///< null: every backend has a sample
};

bool hasCheck(const BackendSnapshot &b)
{
    return b.check.enabled;
}

// clang-format off
const BackendFamily backendFamilies[] = {
    {"limpet_backend_requests_total", MetricType::Counter,
     "Requests sent to the backend.",
     [](const BackendSnapshot &b) { return number(b.requests); }},
    {"limpet_backend_active_requests", MetricType::Gauge,
     "Requests in flight on the backend.",
     [](const BackendSnapshot &b) { return number(b.active); }},
    {"limpet_backend_queued_requests", MetricType::Gauge,
     "Requests waiting for one of the backend's max_conn slots.",
     [](const BackendSnapshot &b) { return number(b.queued); }},
    {"limpet_backend_max_conn", MetricType::Gauge,
     "Requests the backend may have in flight at once (0: unlimited).",
     [](const BackendSnapshot &b) { return number(b.maxConn); }},
    {"limpet_backend_up", MetricType::Gauge,
     "Health of the backend: 1 up, 0 down.",
     [](const BackendSnapshot &b) { return number(b.health == Health::Up); }},
    {"limpet_backend_weight", MetricType::Gauge,
     "Configured weight of the backend.",
     [](const BackendSnapshot &b) { return number(b.weight); }},
    {"limpet_backend_effective_weight", MetricType::Gauge,
     "Weight of the backend in force (lower during its slow_start ramp).",
     [](const BackendSnapshot &b) { return number(b.effectiveWeight); }},
    {"limpet_backend_bound_sessions", MetricType::Gauge,
     "Sessions bound to the backend in the session table.",
     [](const BackendSnapshot &b) { return number(b.sessions); }},
    {"limpet_backend_failures_total", MetricType::Counter,
     "Connect failures, timeouts and bad responses of the backend.",
     [](const BackendSnapshot &b) { return number(b.failures); }},
    {"limpet_backend_retries_total", MetricType::Counter,
     "Requests whose connection the backend refused, retried on another backend.",
     [](const BackendSnapshot &b) { return number(b.retries); }},
    {"limpet_backend_queue_timeouts_total", MetricType::Counter,
     "Requests refused (503) after waiting queue_timeout for a slot of the backend.",
     [](const BackendSnapshot &b) { return number(b.queueTimeouts); }},
    {"limpet_backend_bytes_in_total", MetricType::Counter,
     "Bytes received from the backend.",
     [](const BackendSnapshot &b) { return number(b.bytesIn); }},
    {"limpet_backend_bytes_out_total", MetricType::Counter,
     "Bytes sent to the backend.",
     [](const BackendSnapshot &b) { return number(b.bytesOut); }},
    {"limpet_backend_check_up", MetricType::Gauge,
     "Active health check of the backend: 1 the last check passed, 0 it failed or none ran yet.",
     [](const BackendSnapshot &b) { return number(b.check.lastPassed); }, hasCheck},
    {"limpet_backend_check_duration_seconds", MetricType::Gauge,
     "Duration of the last active health check of the backend.",
     [](const BackendSnapshot &b) { return number(seconds(b.check.lastLatencyMs)); }, hasCheck},
};
// clang-format on

/// `class` label values of BackendSnapshot::responses, by index.
const char *const responseClasses[] = {"error", "1xx", "2xx", "3xx", "4xx", "5xx"};
static_assert(
    std::size(responseClasses) == std::tuple_size_v<decltype(BackendSnapshot::responses)>);

constexpr BackendState allStates[]
    = {BackendState::Ready, BackendState::Drain, BackendState::Maint, BackendState::Standby};

/// A backend and its `pool="…",backend="…"` labels.
struct BackendRow
{
    const BackendSnapshot *backend;
    QByteArray labels;
};

void writeEngine(Exposition &out, const EngineSnapshot &snapshot)
{
    out.family("limpet_info", MetricType::Gauge, "Limpet build information (always 1).");
    out.sample("limpet_info", label("version", snapshot.version), "1");
    out.family("limpet_start_time_seconds", MetricType::Gauge,
        "When the engine started, seconds since the Unix epoch.");
    out.sample("limpet_start_time_seconds", {}, number(seconds(double(snapshot.startedMs))));
    out.family("limpet_connections_open", MetricType::Gauge, "Client connections open.");
    out.sample("limpet_connections_open", {}, number(snapshot.connectionsOpen));
    out.family(
        "limpet_connections_accepted_total", MetricType::Counter, "Client connections accepted.");
    out.sample("limpet_connections_accepted_total", {}, number(snapshot.connectionsAccepted));
    out.family("limpet_sessions", MetricType::Gauge, "Sessions in the session table.");
    out.sample("limpet_sessions", {}, number(snapshot.sessions));
    out.family("limpet_reloads_total", MetricType::Counter, "Configuration reloads.");
    out.sample("limpet_reloads_total", {}, number(snapshot.reloads));
    out.family("limpet_events_total", MetricType::Counter,
        "Events (state, health, backend and reload changes).");
    out.sample("limpet_events_total", {}, number(snapshot.events));
}

void writeBackends(Exposition &out, const QList<BackendRow> &rows)
{
    for (const BackendFamily &family : backendFamilies) {
        out.family(family.name, family.type, family.help);
        for (const BackendRow &row : rows) {
            if (!family.present || family.present(*row.backend))
                out.sample(family.name, row.labels, family.value(*row.backend));
        }
    }

    static constexpr char responses[] = "limpet_backend_responses_total";
    out.family(responses, MetricType::Counter,
        "Responses of the backend by status class (error: no response).");
    for (const BackendRow &row : rows) {
        for (std::size_t i = 0; i < std::size(responseClasses); ++i) {
            out.sample(responses,
                joined(row.labels, label("class", QString::fromLatin1(responseClasses[i]))),
                number(row.backend->responses[i]));
        }
    }

    static constexpr char state[] = "limpet_backend_state";
    out.family(state, MetricType::Gauge,
        "State of the backend an operator set: 1 for the current one, 0 for the others.");
    for (const BackendRow &row : rows) {
        for (const BackendState s : allStates) {
            out.sample(state, joined(row.labels, label("state", toString(s))),
                number(row.backend->state == s));
        }
    }

    static constexpr char histogram[] = "limpet_backend_response_time_seconds";
    static constexpr char bucket[] = "limpet_backend_response_time_seconds_bucket";
    static constexpr char sum[] = "limpet_backend_response_time_seconds_sum";
    static constexpr char count[] = "limpet_backend_response_time_seconds_count";
    // The `le` labels are the same for every backend.
    QList<QByteArray> bounds;
    for (const double ms : LatencyBucketsMs)
        bounds.append(label("le", QString::fromLatin1(number(seconds(ms)))));
    bounds.append(label("le", u"+Inf"));
    out.family(histogram, MetricType::Histogram, "Time from request to the end of the response.");
    for (const BackendRow &row : rows) {
        const BackendSnapshot &b = *row.backend;
        quint64 cumulative = 0;
        for (std::size_t i = 0; i < b.latencyBuckets.size(); ++i) {
            cumulative += b.latencyBuckets[i];
            out.sample(bucket, joined(row.labels, bounds.at(qsizetype(i))), number(cumulative));
        }
        out.sample(sum, row.labels, number(seconds(b.latencySumMs)));
        out.sample(count, row.labels, number(cumulative));
    }
}

void writePools(Exposition &out, const EngineSnapshot &snapshot)
{
    static constexpr char decisions[] = "limpet_pool_decisions_total";
    out.family(decisions, MetricType::Counter, "Decisions made by the pool, by reason code.");
    for (const PoolSnapshot &pool : snapshot.pools) {
        const QByteArray poolLabel = label("pool", pool.name);
        for (int reason = 0; reason < ReasonCodeCount; ++reason) {
            out.sample(decisions,
                joined(poolLabel, label("reason", reasonCodeName(ReasonCode(reason)))),
                number(pool.decisions[std::size_t(reason)]));
        }
    }

    static constexpr char changes[] = "limpet_pool_backend_changes_total";
    out.family(changes, MetricType::Counter,
        "Requests whose session changed backend (broken stickiness).");
    for (const PoolSnapshot &pool : snapshot.pools)
        out.sample(changes, label("pool", pool.name), number(pool.backendChanges));
}

} // namespace

QByteArray prometheusMetrics(const EngineSnapshot &snapshot)
{
    QList<BackendRow> rows;
    for (const PoolSnapshot &pool : snapshot.pools) {
        const QByteArray poolLabel = label("pool", pool.name);
        for (const BackendSnapshot &backend : pool.backends)
            rows.append({&backend, joined(poolLabel, label("backend", backend.name))});
    }

    Exposition out;
    writeEngine(out, snapshot);
    writeBackends(out, rows);
    writePools(out, snapshot);
    return out.take();
}

} // namespace Limpet
