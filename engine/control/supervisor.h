#pragma once

#include "config/config.h"

#include <QObject>

#include <memory>
#include <optional>

namespace Limpet {

class AdminRoutes;
class AdminServer;
class Engine;
class HealthMonitor;
struct Runtime;

/// What runs beside the traffic, in the engine's control thread: the admin API, the health
/// checks and the once-a-second housekeeping (drain leave rates, pending removals, session
/// expiry). Created, used and destroyed in the control thread only.
class Supervisor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Supervisor)

public:
    Supervisor(Engine *engine, std::shared_ptr<Runtime> runtime);
    ~Supervisor() override;

    /// Starts health checks and housekeeping, and the admin API when `admin` is set. Returns an
    /// error message when the admin API cannot bind.
    std::optional<QString> start(const std::optional<AdminConfig> &admin);
    /// The admin API's bound address, when it runs.
    [[nodiscard]] std::optional<Endpoint> adminAddress() const;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    Engine *m_engine;
    std::shared_ptr<Runtime> m_runtime;
    std::unique_ptr<AdminRoutes> m_routes;
    AdminServer *m_admin = nullptr;
    HealthMonitor *m_health = nullptr;
    int m_timer = 0;
    qint64 m_lastExpiryMs = 0;
};

} // namespace Limpet
