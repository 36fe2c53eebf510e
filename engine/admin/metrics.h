#pragma once

#include "snapshot.h"

#include <QByteArray>

namespace Limpet {

/// The Content-Type of what prometheusMetrics() returns.
inline constexpr char PrometheusContentType[] = "text/plain; version=0.0.4; charset=utf-8";

/// The snapshot in the Prometheus text exposition format 0.0.4 (`GET /metrics`,
/// engine/admin/API.md).
///
/// Promises: every family has one `# HELP` and one `# TYPE` line, followed by all of its samples
/// and nothing else; a family without samples (no backend with active checks, no pool) is left
/// out whole. Label values are UTF-8 with backslash, double quote and newline escaped; integers
/// are printed plainly, doubles in their shortest round-trip form (`+Inf`, `-Inf`, `NaN` as
/// Prometheus spells them). Counters end in `_total`. Per-pool decision counters have a sample
/// for every reason code, zeros included, so that every series exists from the first scrape.
/// Labels: `pool` is the name of the PoolSnapshot the backend is listed in.
/// Pure function of its argument: any thread.
[[nodiscard]] QByteArray prometheusMetrics(const EngineSnapshot &snapshot);

} // namespace Limpet
