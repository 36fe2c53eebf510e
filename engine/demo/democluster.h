#pragma once

#include "config/config.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>

namespace Limpet {

/// The embedded demo: three DemoBackends on loopback (ports chosen by the system) in a thread
/// of their own, and the Config that puts a sticky pool in front of them.
class DemoCluster final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoCluster)

public:
    explicit DemoCluster(QObject *parent = nullptr);
    ~DemoCluster() override;

    /// Starts the backends. Returns an error message when one cannot bind.
    [[nodiscard]] std::optional<QString> start(int backends = 3);
    /// The demo config: listener 127.0.0.1:8080, pool "demo", insert cookie SRV, the backends.
    [[nodiscard]] Config config() const;

private:
    std::unique_ptr<QThread> m_thread;
    QObject *m_root = nullptr; ///< parent of the backends, lives in m_thread
    QList<quint16> m_ports;
};

} // namespace Limpet
