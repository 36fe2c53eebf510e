#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>

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
};

/// `[pool.sticky]`: how a session is kept on its backend.
struct StickyConfig
{
    QString mode = QStringLiteral("insert"); ///< only "insert" and "none" for now
    QString cookie = QStringLiteral("SRV");
};

struct PoolConfig
{
    QString name;
    QString balance = QStringLiteral("roundrobin");
    StickyConfig sticky;
    QList<BackendConfig> backends;
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

/// The whole configuration. Plain values: copied across threads freely.
struct Config
{
    QString sourceFile; ///< empty for the embedded demo
    Endpoint listen{QHostAddress::LocalHost, 8080};
    int workers = 0; ///< 0 = one per core
    Endpoint admin{QHostAddress::LocalHost, 9090};
    Timeouts timeouts;
    Limits limits;
    SessionLimits sessions;
    QList<PoolConfig> pools;

    /// Number of worker threads to start: `workers`, or the core count when it is 0.
    [[nodiscard]] int effectiveWorkers() const;
};

} // namespace Limpet
