#pragma once

#include "config/config.h"

#include <QList>
#include <QString>

#include <variant>

namespace Limpet {

/// One problem found in a config file, with where it is.
struct ConfigError
{
    QString file;
    int line = 0; ///< 1-based; 0 when the file could not be read at all
    int column = 0; ///< 1-based
    QString message;

    /// "FILE:LINE:COL: message", the form compilers and `haproxy -c` use.
    [[nodiscard]] QString toString() const;
};

using ConfigResult = std::variant<Config, QList<ConfigError>>;

/// Reads and validates a TOML config.
/// Returns the Config, or every error found (unknown keys, wrong types, bad addresses,
/// duplicate names, values out of range), each saying what is allowed.
[[nodiscard]] ConfigResult loadConfigFile(const QString &path);
/// Whether `value` may be a backend route (it travels in cookies: letters, digits, '_', '.').
[[nodiscard]] bool isValidRoute(const QString &value);
/// Same, from text already in memory; `fileName` is used in the error positions.
[[nodiscard]] ConfigResult loadConfigText(const QByteArray &text, const QString &fileName);

} // namespace Limpet
