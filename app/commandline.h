#pragma once

#include <QString>

#include <optional>

class QCoreApplication;

namespace Limpet {

/// What the command line asked for (QCommandLineParser).
struct CommandLine
{
    QString configFile; ///< --config; empty: the embedded demo
    QString checkConfig; ///< --check-config FILE
    QString listen; ///< --listen ADDR:PORT
    QString admin; ///< --admin ADDR:PORT or "off"; empty: from the config
    bool noGui = false;
    int workers = -1; ///< --workers N; -1: from the config
};

/// Parses argv. Handles --help and --version itself (prints and exits).
/// On a usage error prints it to stderr and returns an empty optional.
[[nodiscard]] std::optional<CommandLine> parseCommandLine(const QStringList &arguments);

} // namespace Limpet
