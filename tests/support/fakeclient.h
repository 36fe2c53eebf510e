#pragma once

#include "client/clusterclient.h"

#include <QStringList>

namespace LimpetTest {

/// A ClusterClient for view tests: records every request as a line ("state web/b1 drain",
/// "weight web/b1 3", "add web b4 127.0.0.1:9", "remove web/b1 force", "forget web KEY",
/// "pin web KEY b2 600" / "pin web KEY b2 -", "inspect <cookie>", "trace KEY CLIENT",
/// "config", "reload", "sessions on|off") and lets the test push data with the signals.
class FakeClient final : public Limpet::ClusterClient
{
public:
    explicit FakeClient(QString name = QStringLiteral("fake"), QObject *parent = nullptr)
        : ClusterClient(parent)
        , m_name(std::move(name))
    { }

    QStringList calls;
    bool started = false;
    bool sessionsWanted = false;
    Limpet::DecisionFeed decisionFeed = Limpet::DecisionFeed::Sample;

    QString name() const override { return m_name; }
    bool isRemote() const override { return false; }
    void start() override { started = true; }
    void setSessionFeed(Limpet::SessionFeed feed) override
    {
        sessionsWanted = feed == Limpet::SessionFeed::On;
        calls.append(feed == Limpet::SessionFeed::On  ? QStringLiteral("sessions on")
                : feed == Limpet::SessionFeed::Paused ? QStringLiteral("sessions paused")
                                                      : QStringLiteral("sessions off"));
    }
    void setDecisionFeed(Limpet::DecisionFeed feed) override { decisionFeed = feed; }
    void setBackendState(
        const QString &pool, const QString &backend, Limpet::BackendState state) override
    {
        calls.append(QStringLiteral("state %1/%2 %3").arg(pool, backend, Limpet::toString(state)));
    }
    void setBackendWeight(const QString &pool, const QString &backend, int weight) override
    {
        calls.append(QStringLiteral("weight %1/%2 %3").arg(pool, backend).arg(weight));
    }
    void addBackend(const QString &pool, const Limpet::BackendConfig &b) override
    {
        calls.append(QStringLiteral("add %1 %2 %3").arg(pool, b.name, b.address.toString()));
    }
    void removeBackend(const QString &pool, const QString &backend, bool force) override
    {
        calls.append(QStringLiteral("remove %1/%2%3")
                         .arg(pool, backend, force ? QStringLiteral(" force") : QString()));
    }
    void forgetSession(const QString &pool, const QByteArray &key) override
    {
        calls.append(QStringLiteral("forget %1 %2").arg(pool, QString::fromUtf8(key)));
    }
    void pinSession(const QString &pool, const QByteArray &key, const QString &backend,
        std::optional<qint64> ttl) override
    {
        calls.append(QStringLiteral("pin %1 %2 %3 %4")
                         .arg(pool, QString::fromUtf8(key), backend,
                             ttl ? QString::number(*ttl) : QStringLiteral("-")));
    }
    void inspect(const Limpet::InspectRequest &request) override
    {
        calls.append(QStringLiteral("inspect ") + QString::fromUtf8(request.cookie));
    }
    void requestTrace(const QByteArray &key, const QString &client, int limit) override
    {
        Q_UNUSED(limit);
        calls.append(QStringLiteral("trace %1 %2").arg(QString::fromUtf8(key), client));
    }
    void requestConfig() override { calls.append(QStringLiteral("config")); }
    void reload() override { calls.append(QStringLiteral("reload")); }

private:
    QString m_name;
};

} // namespace LimpetTest
