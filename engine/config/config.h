#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <chrono>
#include <optional>

namespace Limpet {

/// An address and port a listener binds to or a backend is reached at.
struct Endpoint
{
    QHostAddress host;
    quint16 port = 0;

    [[nodiscard]] QString toString() const;
    /// Parses "HOST:PORT" or "[V6]:PORT". Port 0 is accepted only when allowZeroPort is set.
    [[nodiscard]] static std::optional<Endpoint> parse(const QString &text, bool allowZeroPort);
    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};

struct BackendConfig
{
    QString name;
    Endpoint address;
    QString route; ///< defaults to name
    int weight = 1;
    QString state = QStringLiteral("ready"); ///< initial state: ready, drain, maint, standby
    std::optional<int> maxConn; ///< requests in flight at once; absent: the pool's max_conn
    friend bool operator==(const BackendConfig &, const BackendConfig &) = default;
};

/// `[pool.health]`: active checks, and the passive rule that takes a failing backend out.
struct HealthConfig
{
    bool enabled = false; ///< the pool has a [pool.health] table
    QString type = QStringLiteral("http"); ///< http (request + status) or tcp (connect only)
    QString path = QStringLiteral("/"); ///< http: request target
    QString host; ///< http: Host header; empty: the backend's address
    int expectMin = 200; ///< http: passing statuses, inclusive ("200-399")
    int expectMax = 399;
    std::chrono::milliseconds interval{2000};
    std::chrono::milliseconds timeout{1000};
    int rise = 2; ///< passes in a row that bring a down backend back up
    int fall = 3; ///< failures in a row that take an up backend down
    /// Passive: this many connect failures or 5xx responses in a row, within fail_window, take
    /// the backend down until a check passes (0 = off).
    int maxFails = 0;
    std::chrono::milliseconds failWindow{10000};
    friend bool operator==(const HealthConfig &, const HealthConfig &) = default;
};

/// An IPv4/IPv6 network, "10.0.0.0/8".
struct Cidr
{
    QHostAddress network;
    int prefixLength = 0;
    [[nodiscard]] bool contains(const QHostAddress &address) const
    {
        return address.isInSubnet(network, prefixLength);
    }
    friend bool operator==(const Cidr &, const Cidr &) = default;
};

/// `[pool.sticky]`: how a session is kept on its backend. Which keys apply depends on `mode`
/// (README "Affinity modes"); the loader refuses keys that do not apply to the chosen mode.
struct StickyConfig
{
    /// insert, prefix, route, learn, source, domain, header, param, none
    QString mode = QStringLiteral("insert");
    /// insert: Limpet's cookie; prefix / learn: the application's session cookie.
    QString cookie = QStringLiteral("SRV");

    // insert
    QString value = QStringLiteral("masked"); ///< hash, route or masked
    QString salt; ///< value = hash: SHA-1(salt + address)
    QString secret; ///< sign: HMAC-SHA256 key
    bool sign = false; ///< default: on when a secret is set
    QString path = QStringLiteral("/");
    QString domain;
    bool secure = false;
    bool httpOnly = true;
    QString sameSite; ///< Strict, Lax, None (None forces Secure); empty: not sent
    std::optional<qint64> maxAge; ///< seconds; absent: a session cookie
    bool indirect = true; ///< strip the cookie before the backend
    bool nocache = false; ///< Cache-Control: private on responses that set it
    bool preserve = false; ///< keep a cookie of that name the backend set itself
    std::optional<qint64> maxIdle; ///< seconds since last use carried in the cookie
    std::optional<qint64> maxLife; ///< seconds since first issue carried in the cookie

    // prefix
    QString delimiter = QStringLiteral("~"); ///< PHPSESSID=s1~abc

    // route
    QStringList names; ///< cookie and URL parameter names, checked in order
    QString separator = QStringLiteral(".");
    QString set = QStringLiteral("backend"); ///< backend (the app sets it) or balancer

    // learn
    int learnMaxEntries = 100000;
    qint64 learnIdleSeconds = 3600;

    // source
    QList<Cidr> trustedProxies;

    // header / param
    QString header;
    QString param;
    friend bool operator==(const StickyConfig &, const StickyConfig &) = default;
};

/// One pool: backends with an affinity mode and a balancing algorithm, and the requests it
/// takes (path prefixes and hosts).
struct PoolConfig
{
    QString name;
    QString balance
        = QStringLiteral("roundrobin"); ///< roundrobin random leastconn byrequests consistent
    StickyConfig sticky;
    QList<BackendConfig> backends;

    QStringList paths{QStringLiteral("/")}; ///< path prefixes served (longest match wins)
    QStringList hosts; ///< Host names served; empty: any
    QStringList exclude; ///< path prefixes answered 404, never proxied
    QString stripPrefix; ///< removed from the path before the backend
    QString addPrefix; ///< added to the path before the backend

    bool failover = true; ///< false: a session whose backend is gone gets 503 (Apache nofailover)
    bool stickyStandby = false; ///< sessions stay on a standby backend when a ready one returns
    std::optional<qint64> drainDeadlineSeconds; ///< after it, drained sessions are redispatched

    HealthConfig health;
    int retries = 2; ///< other backends tried when a connection is refused before any byte
    int maxConn = 0; ///< per backend, requests in flight at once (0 = unlimited)
    int maxQueue = 1000; ///< per backend, requests waiting for a slot; more get 503 at once
    std::chrono::milliseconds queueTimeout{5000}; ///< a queued request gets 503 after it
    std::chrono::milliseconds slowStart{0}; ///< a backend coming back ramps its weight up
    friend bool operator==(const PoolConfig &, const PoolConfig &) = default;
};

/// `[log]`: where decisions go besides the in-memory ring.
struct LogConfig
{
    QString access; ///< access log file (combined format + backend, key, reason); empty: none
    int decisions = 10000; ///< decision records kept in memory
};

struct Timeouts
{
    std::chrono::milliseconds connect{5000};
    std::chrono::milliseconds client{30000};
    std::chrono::milliseconds server{30000};
    std::chrono::milliseconds keepalive{10000};
    std::chrono::milliseconds tunnel{3600000};
    std::chrono::milliseconds shutdown{10000};
};

struct Limits
{
    int maxUri = 8192;
    int maxHeaderBytes = 65536;
    int maxHeaders = 100;
};

struct SessionLimits
{
    int maxEntries = 1000000;
    std::chrono::seconds idle{1800};
};

/// `[admin]`: the admin API (the GUI's remote mode and `limpet ctl` use it).
struct AdminConfig
{
    Endpoint bind{QHostAddress::LocalHost, 9090};
    QByteArray token; ///< bearer token (or read from token_file); empty: none (loopback only)
    QString tokenFile; ///< where the token came from, for messages
};

/// The whole configuration. Plain values: copied across threads freely.
struct Config
{
    QString sourceFile; ///< empty for the embedded demo
    QString sourceText; ///< the file's text as loaded (GET /api/v1/config)
    Endpoint listen{QHostAddress::LocalHost, 8080};
    int workers = 0; ///< 0 = one per core
    /// Absent: no admin API. The loader enables it on 127.0.0.1:9090 unless
    /// `[admin] enabled = false`; configs built in code (tests, demo) start without one.
    std::optional<AdminConfig> admin;
    /// `[state] file`: session bindings and runtime changes saved on shutdown, restored on start.
    QString stateFile;
    Timeouts timeouts;
    Limits limits;
    SessionLimits sessions;
    LogConfig log;
    QList<PoolConfig> pools;

    /// Number of worker threads to start: `workers`, or the core count when it is 0.
    [[nodiscard]] int effectiveWorkers() const;
};

} // namespace Limpet
