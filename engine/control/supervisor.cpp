#include "control/supervisor.h"

#include "admin/adminroutes.h"
#include "admin/adminserver.h"
#include "engine.h"
#include "health/healthmonitor.h"
#include "proxy/runtime.h"

#include <QDateTime>
#include <QTimerEvent>

using namespace Qt::StringLiterals;

namespace Limpet {

Supervisor::Supervisor(Engine *engine, std::shared_ptr<Runtime> runtime)
    : m_engine(engine)
    , m_runtime(std::move(runtime))
{ }

Supervisor::~Supervisor() = default;

std::optional<QString> Supervisor::start(const std::optional<AdminConfig> &admin)
{
    const std::shared_ptr<Runtime> runtime = m_runtime;
    m_health = new HealthMonitor([runtime] { return runtime->routing()->pools; },
        [runtime](const QString &pool, const QString &backend, Health from, Health to,
            const QString &message) {
            runtime->events.add(
                {0, 0, u"health"_s, pool, backend, toString(from), toString(to), message});
        },
        this);
    m_health->start();
    m_timer = startTimer(std::chrono::seconds(1));
    if (!admin)
        return std::nullopt;
    m_routes = std::make_unique<AdminRoutes>(m_engine);
    AdminRoutes *routes = m_routes.get();
    m_admin = new AdminServer(
        admin->token, [routes](const AdminRequest &r) { return routes->handle(r); }, this);
    m_admin->setAuthFailureHook([runtime](const QHostAddress &client) {
        runtime->events.add({0, 0, u"auth-failed"_s, {}, {}, {}, {},
            u"admin API: wrong or missing token from %1"_s.arg(client.toString())});
    });
    if (std::optional<QString> error = m_admin->listen(admin->bind))
        return u"admin API: %1"_s.arg(*error);
    return std::nullopt;
}

std::optional<Endpoint> Supervisor::adminAddress() const
{
    if (!m_admin)
        return std::nullopt;
    return m_admin->address();
}

void Supervisor::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer)
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Idle sessions leave the table at a quarter of the idle limit's resolution (1-10 s), so a
    // draining backend's count falls smoothly.
    const qint64 idleMs = m_runtime->routing()->config.sessions.idle.count() * 1000;
    const qint64 every = qBound(qint64(1000), idleMs / 4, qint64(10000));
    if (now - m_lastExpiryMs >= every) {
        m_lastExpiryMs = now;
        m_runtime->sessions.expire(now);
    }
    m_engine->control().tick(now);
}

} // namespace Limpet
