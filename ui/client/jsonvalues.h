#pragma once

#include "client/clusterclient.h"

#include <QJsonObject>
#include <QJsonValue>

namespace Limpet {

/// The UI's values from the admin API's JSON (engine/admin/API.md, written by engine/admin/
/// json.cpp), and from the embedded engine's records, so both transports hand the views the
/// same thing. Missing or mistyped fields become the value's default (0, empty, false): a newer
/// or older server never makes a parse fail.

/// An API time ("2026-11-22T03:01:40.123Z") as ms since the epoch; 0 for null or unreadable.
[[nodiscard]] qint64 timeFromJson(const QJsonValue &value);

/// A `/cluster` object (also the `counters` event): instance fields, pools, backends.
/// timeMs is `started` + `uptime_s` (1 s resolution): a caller that computes rates from
/// successive snapshots sets it to when the snapshot arrived.
/// Not in the JSON, so left at their defaults: the latency histogram of each backend.
[[nodiscard]] EngineSnapshot engineSnapshotFromJson(const QJsonObject &cluster);
[[nodiscard]] PoolSnapshot poolSnapshotFromJson(const QJsonObject &pool);
/// A backend object; an unknown `state` reads as ready, any `health` but "down" as up.
[[nodiscard]] BackendSnapshot backendSnapshotFromJson(const QJsonObject &backend);
/// A session object; the key is its UTF-8 bytes.
[[nodiscard]] SessionInfo sessionInfoFromJson(const QJsonObject &session);
/// A `/sessions/changes` answer: `full`, `sessions` and `removed` (the cursor is the caller's).
[[nodiscard]] SessionChanges sessionChangesFromJson(const QJsonObject &answer);
/// A decision object (also the decision part of an inspect answer).
[[nodiscard]] TraceRecord traceRecordFromJson(const QJsonObject &decision);
[[nodiscard]] EngineEvent engineEventFromJson(const QJsonObject &event);
/// An inspect answer: the decision's fields, `session` (null: none) and `summary`.
[[nodiscard]] InspectAnswer inspectAnswerFromJson(const QJsonObject &answer);

/// The embedded side: the same values from the engine's own records.
[[nodiscard]] TraceRecord traceRecord(const Decision &decision);
[[nodiscard]] InspectAnswer inspectAnswer(const InspectResult &result);

} // namespace Limpet
