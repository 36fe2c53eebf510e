#include "pool/backend.h"

using namespace Qt::StringLiterals;

namespace Limpet {

QString toString(BackendState state)
{
    switch (state) {
    case BackendState::Ready:
        return u"ready"_s;
    case BackendState::Drain:
        return u"drain"_s;
    case BackendState::Maint:
        return u"maint"_s;
    case BackendState::Standby:
        return u"standby"_s;
    }
    return {};
}

QString toString(Health health)
{
    return health == Health::Up ? u"up"_s : u"down"_s;
}

std::optional<BackendState> backendStateFromString(QStringView text)
{
    for (BackendState s :
        {BackendState::Ready, BackendState::Drain, BackendState::Maint, BackendState::Standby}) {
        if (text == toString(s))
            return s;
    }
    return std::nullopt;
}

void Backend::setState(BackendState s, qint64 nowMs)
{
    if (m_state.exchange(s, std::memory_order_relaxed) != s)
        m_stateSince.store(nowMs, std::memory_order_relaxed);
}

Backend::Backend(const BackendConfig &config, quint32 id)
    : m_id(id)
    , m_name(config.name)
    , m_address(config.address)
    , m_route(config.route.isEmpty() ? config.name : config.route)
    , m_routeBytes(m_route.toUtf8())
    , m_weight(config.weight)
    , m_state(backendStateFromString(config.state).value_or(BackendState::Ready))
{ }

} // namespace Limpet
