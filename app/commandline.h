#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

class QCoreApplication;

namespace Limpet {

/// An instance the window attaches to through its admin API (--connect URL [--token T]).
struct RemoteInstance
{
    QUrl url;
    QByteArray token; ///< empty: none
};

/// What the command line asked for (QCommandLineParser).
struct CommandLine
{
    QString configFile; ///< --config; empty: the embedded demo
    QString checkConfig; ///< --check-config FILE
    QString listen; ///< --listen ADDR:PORT
    QString admin; ///< --admin ADDR:PORT or "off"; empty: from the config
    bool noGui = false;
    int workers = -1; ///< --workers N; -1: from the config
    /// --connect URL (repeatable), each with its --token (the one after it; a single --token
    /// applies to all; none: $LIMPET_TOKEN). The window attaches to them; without --config
    /// there is then no embedded engine.
    QList<RemoteInstance> connect;
    QString lang; ///< --lang CODE: the UI language; empty: the system's
};

/// Parses argv. Handles --help and --version itself (prints and exits).
/// `environmentToken`: the token --connect uses when no --token is given ($LIMPET_TOKEN).
/// On a usage error prints it to stderr and returns an empty optional.
[[nodiscard]] std::optional<CommandLine> parseCommandLine(
    const QStringList &arguments, const QByteArray &environmentToken = {});

} // namespace Limpet
