#include "client/operationtext.h"

#include <QCoreApplication>

namespace Limpet::OperationText {

namespace {

/// Session keys can be long (signed cookies): enough of one to recognise it.
QString shortKey(const QByteArray &key)
{
    const QString text = QString::fromUtf8(key);
    if (text.size() <= 40)
        return text;
    return QString(text.left(39) + QChar(0x2026));
}

} // namespace

QString setState(const QString &pool, const QString &backend, BackendState state)
{
    switch (state) {
    case BackendState::Ready:
        return QCoreApplication::translate("Limpet::OperationText", "Ready %1/%2")
            .arg(pool, backend);
    case BackendState::Drain:
        return QCoreApplication::translate("Limpet::OperationText", "Drain %1/%2")
            .arg(pool, backend);
    case BackendState::Maint:
        return QCoreApplication::translate("Limpet::OperationText", "Maintenance %1/%2")
            .arg(pool, backend);
    case BackendState::Standby:
        return QCoreApplication::translate("Limpet::OperationText", "Standby %1/%2")
            .arg(pool, backend);
    }
    return QCoreApplication::translate("Limpet::OperationText", "Set the state of %1/%2")
        .arg(pool, backend);
}

QString setWeight(const QString &pool, const QString &backend, int weight)
{
    return QCoreApplication::translate("Limpet::OperationText", "Weight %1/%2 = %3")
        .arg(pool, backend)
        .arg(weight);
}

QString addBackend(const QString &pool, const BackendConfig &backend)
{
    return QCoreApplication::translate("Limpet::OperationText", "Add %1/%2 (%3)")
        .arg(pool, backend.name, backend.address.toString());
}

QString removeBackend(const QString &pool, const QString &backend, bool force)
{
    return force
        ? QCoreApplication::translate("Limpet::OperationText", "Remove %1/%2 now")
              .arg(pool, backend)
        : QCoreApplication::translate("Limpet::OperationText", "Remove %1/%2 after it drains")
              .arg(pool, backend);
}

QString forgetSession(const QString &pool, const QByteArray &key)
{
    return QCoreApplication::translate("Limpet::OperationText", "Forget session %1 of %2")
        .arg(shortKey(key), pool);
}

QString pinSession(const QString &pool, const QByteArray &key, const QString &backend,
    std::optional<qint64> ttlSeconds)
{
    if (ttlSeconds)
        return QCoreApplication::translate(
            "Limpet::OperationText", "Pin session %1 of %2 to %3 for %4 s")
            .arg(shortKey(key), pool, backend)
            .arg(*ttlSeconds);
    return QCoreApplication::translate("Limpet::OperationText", "Rebind session %1 of %2 to %3")
        .arg(shortKey(key), pool, backend);
}

QString inspect()
{
    return QCoreApplication::translate("Limpet::OperationText", "Inspect");
}

QString trace(const QByteArray &key, const QString &client)
{
    if (!key.isEmpty())
        return QCoreApplication::translate("Limpet::OperationText", "Trace session %1")
            .arg(shortKey(key));
    return QCoreApplication::translate("Limpet::OperationText", "Trace client %1").arg(client);
}

QString config()
{
    return QCoreApplication::translate("Limpet::OperationText", "Read the configuration");
}

QString readSessions()
{
    return QCoreApplication::translate("Limpet::OperationText", "Read the session table");
}

QString reload()
{
    return QCoreApplication::translate("Limpet::OperationText", "Reload the configuration");
}

} // namespace Limpet::OperationText
