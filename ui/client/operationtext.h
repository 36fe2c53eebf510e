#pragma once

#include "config/config.h"
#include "pool/backend.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Limpet {

/// The `what` of ClusterClient::operationFinished: one short line per operation, the same from
/// both transports, so a status bar or an operations log reads the same for either
/// ("Drain web/b1", "Pin session 3f9a… of web to b2 for 600 s").
namespace OperationText {

[[nodiscard]] QString setState(const QString &pool, const QString &backend, BackendState state);
[[nodiscard]] QString setWeight(const QString &pool, const QString &backend, int weight);
[[nodiscard]] QString addBackend(const QString &pool, const BackendConfig &backend);
[[nodiscard]] QString removeBackend(const QString &pool, const QString &backend, bool force);
[[nodiscard]] QString forgetSession(const QString &pool, const QByteArray &key);
[[nodiscard]] QString pinSession(const QString &pool, const QByteArray &key, const QString &backend,
    std::optional<qint64> ttlSeconds);
[[nodiscard]] QString inspect();
[[nodiscard]] QString trace(const QByteArray &key, const QString &client);
[[nodiscard]] QString config();
[[nodiscard]] QString readSessions();
[[nodiscard]] QString reload();

} // namespace OperationText
} // namespace Limpet
