#pragma once

#include "admin/adminserver.h"

namespace Limpet {

class Engine;

/// The admin API's routes (engine/admin/API.md): parses each request's parameters and body,
/// calls the engine (its Controller, reload, snapshots) and answers JSON. Runs in the admin
/// server's thread; every engine call it makes is thread-safe and short.
class AdminRoutes final
{
public:
    explicit AdminRoutes(Engine *engine);
    [[nodiscard]] AdminResponse handle(const AdminRequest &request);

private:
    AdminResponse cluster();
    AdminResponse backends(const AdminRequest &r, const QString &pool);
    AdminResponse backend(const AdminRequest &r, const QString &pool, const QString &name);
    AdminResponse sessions(const AdminRequest &r);
    AdminResponse sessionChanges(const AdminRequest &r);
    AdminResponse session(const AdminRequest &r, const QString &pool, const QByteArray &key);
    AdminResponse decisions(const AdminRequest &r);
    AdminResponse events(const AdminRequest &r);
    AdminResponse recentEvents(const AdminRequest &r);
    AdminResponse inspect(const AdminRequest &r);
    AdminResponse config();
    AdminResponse reload();
    AdminResponse metrics();

    Engine *m_engine;
};

} // namespace Limpet
