#include "testproxy.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace LimpetTest {

Limpet::Timeouts ProxyOptions::defaultTimeouts()
{
    Limpet::Timeouts t;
    t.connect = 3000ms;
    t.client = 15000ms;
    t.server = 15000ms;
    t.keepalive = 15000ms;
    t.tunnel = 15000ms;
    t.shutdown = 2000ms;
    return t;
}

Limpet::BackendConfig backendConfig(const TestBackend &backend, int weight)
{
    Limpet::BackendConfig b;
    b.name = backend.name();
    b.route = backend.name();
    b.address = Limpet::Endpoint{QHostAddress::LocalHost, backend.port()};
    b.weight = weight;
    return b;
}

Limpet::Config proxyConfig(const QList<const TestBackend *> &backends, const ProxyOptions &options)
{
    Limpet::Config c;
    c.listen = Limpet::Endpoint{QHostAddress::LocalHost, 0};
    c.workers = options.workers;
    c.timeouts = options.timeouts;
    c.limits = options.limits;
    Limpet::PoolConfig pool;
    pool.name = u"web"_s;
    pool.sticky.mode = options.stickyMode;
    pool.sticky.cookie = options.cookie;
    for (const TestBackend *b : backends)
        pool.backends.append(backendConfig(*b));
    c.pools.append(pool);
    return c;
}

TestProxy::TestProxy(const Limpet::Config &config)
{
    if (const std::optional<QString> error = m_engine.start(config))
        m_error = *error;
}

TestProxy::TestProxy(const QList<const TestBackend *> &backends, const ProxyOptions &options)
    : TestProxy(proxyConfig(backends, options))
{ }

TestProxy::~TestProxy()
{
    // Let connections the test has already closed end on their own first, so stop() only has
    // to abort what is really still in flight.
    if (m_engine.isRunning())
        (void)QTest::qWaitFor([this] { return m_engine.snapshot().connectionsOpen == 0; }, 3000);
    m_engine.stop(0ms);
}

} // namespace LimpetTest
