#pragma once

#include "control/controller.h"
#include "log/eventlog.h"
#include "pool/decision.h"
#include "session/sessiontable.h"
#include "snapshot.h"

#include <QJsonObject>

namespace Limpet {

/// The admin API's JSON objects (engine/admin/API.md), one function per object, so the API,
/// the event stream and the state file say the same thing the same way.
namespace Json {

[[nodiscard]] QJsonValue time(qint64 ms); ///< ISO 8601 UTC with ms, or null for 0
[[nodiscard]] QJsonObject backend(const BackendSnapshot &b);
[[nodiscard]] QJsonObject pool(const PoolSnapshot &p);
[[nodiscard]] QJsonObject instance(const EngineSnapshot &s);
[[nodiscard]] QJsonObject cluster(const EngineSnapshot &s);
[[nodiscard]] QJsonObject session(const SessionInfo &s);
[[nodiscard]] QJsonObject decision(const Decision &d);
[[nodiscard]] QJsonObject event(const EngineEvent &e);
[[nodiscard]] QJsonObject inspect(const InspectResult &r);

} // namespace Json
} // namespace Limpet
