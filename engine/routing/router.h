#pragma once

#include "pool/decision.h"
#include "pool/pool.h"

#include <QByteArray>
#include <QList>

namespace Limpet {

/// Which pool serves a request: by Host (when a pool lists hosts) and the longest matching path
/// prefix, as ProxyPass rules do. Immutable after construction; any thread.
class Router final
{
public:
    explicit Router(QList<PoolPtr> pools);

    struct Result
    {
        PoolPtr pool; ///< null: refused (see reason)
        ReasonCode reason = ReasonCode::NoPool; ///< NoPool or Excluded when pool is null
    };
    /// `host` is the Host header (a port is ignored), `target` the request target.
    [[nodiscard]] Result select(QByteArrayView host, QByteArrayView target) const;

    /// The path prefix `pattern` matches `path` on a segment boundary ("/app" matches "/app",
    /// "/app/x" and "/app?q", not "/apple").
    [[nodiscard]] static bool prefixMatches(QByteArrayView pattern, QByteArrayView path);
    /// The target the backend gets: strip_prefix removed, add_prefix added.
    [[nodiscard]] static QByteArray rewriteTarget(const PoolConfig &pool, QByteArrayView target);
    /// A path the backend sent back (Location), mapped to what the client sees: add_prefix
    /// replaced by strip_prefix. Empty optional when it does not start with add_prefix.
    [[nodiscard]] static std::optional<QByteArray> restorePath(
        const PoolConfig &pool, QByteArrayView path);

private:
    /// A pool with its host names and path prefixes prepared for matching bytes.
    struct Entry
    {
        PoolPtr pool;
        QList<QByteArray> hosts; ///< lower case; empty: any host
        QList<QByteArray> paths;
        QList<QByteArray> exclude;
    };
    QList<Entry> m_entries;
};

} // namespace Limpet
