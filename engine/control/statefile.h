#pragma once

#include <QString>

#include <optional>
#include <variant>

namespace Limpet {

struct Runtime;

/// What restoreState() put back.
struct StateRestored
{
    bool found = false; ///< false: no state file yet (a first start)
    int sessions = 0;
    int backends = 0; ///< backends whose state / weight / max_conn came back
    int added = 0; ///< backends added at run time, re-added
};

/// `[state] file`: session bindings (with pins) and runtime changes to backends (state,
/// weight, max_conn, backends added at run time), saved on shutdown and restored on start so a
/// restart does not reshuffle users. JSON, written atomically (QSaveFile).
/// Saves `runtime`; returns an error message when it cannot. Any thread (reads only).
[[nodiscard]] std::optional<QString> saveState(const QString &path, const Runtime &runtime);
/// Restores into a runtime that has not started serving yet. Entries naming pools or
/// backends that no longer exist, and sessions idle past [sessions] idle, are skipped.
/// An unreadable or corrupt file is an error (the caller refuses to start rather than
/// silently lose the state).
[[nodiscard]] std::variant<StateRestored, QString> restoreState(
    const QString &path, Runtime &runtime);

} // namespace Limpet
