#pragma once

#include "testbackend.h"

#include "config/config.h"
#include "engine.h"

#include <QList>
#include <QString>

namespace LimpetTest {

/// What differs between the proxies the tests start.
struct ProxyOptions
{
    int workers = 1;
    Limpet::Timeouts timeouts = defaultTimeouts();
    Limpet::Limits limits;
    QString stickyMode = QStringLiteral("insert");
    QString cookie = QStringLiteral("SRV");

    /// Shorter than the engine's defaults so a failing test ends quickly.
    static Limpet::Timeouts defaultTimeouts();
};

/// The backend entry for a TestBackend: name and route = its name, weight 1.
[[nodiscard]] Limpet::BackendConfig backendConfig(const TestBackend &backend, int weight = 1);
/// A config listening on 127.0.0.1:0 with one pool "web" of `backends` (mode insert, cookie SRV).
[[nodiscard]] Limpet::Config proxyConfig(
    const QList<const TestBackend *> &backends, const ProxyOptions &options = ProxyOptions());

/// A running Limpet::Engine in this process (its own worker threads). Stops in the destructor.
class TestProxy final
{
public:
    explicit TestProxy(const Limpet::Config &config);
    TestProxy(
        const QList<const TestBackend *> &backends, const ProxyOptions &options = ProxyOptions());
    ~TestProxy();
    Q_DISABLE_COPY_MOVE(TestProxy)

    [[nodiscard]] bool isRunning() const { return m_engine.isRunning(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] quint16 port() const { return m_engine.listenAddress().port; }
    [[nodiscard]] Limpet::Engine &engine() { return m_engine; }

private:
    Limpet::Engine m_engine;
    QString m_error;
};

} // namespace LimpetTest
