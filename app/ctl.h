#pragma once

namespace Limpet {

/// `limpet ctl ...`: the command-line client of a running Limpet's admin API (see
/// engine/admin/API.md). `argv[1]` is "ctl". Creates its own QCoreApplication, runs one command
/// and returns the process exit status: 0 done, 1 the API answered an error, 2 usage error,
/// 3 the instance cannot be reached (refused, timeout). Every request is bounded by a timeout.
int runCtl(int argc, char **argv);

} // namespace Limpet
