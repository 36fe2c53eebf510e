#include "demo/democluster.h"

#include "demo/demobackend.h"
#include "proxy/proxysocket.h"

using namespace Qt::StringLiterals;

namespace Limpet {

DemoCluster::DemoCluster(QObject *parent)
    : QObject(parent)
{ }

DemoCluster::~DemoCluster()
{
    if (!m_thread)
        return;
    QObject *root = m_root;
    QMetaObject::invokeMethod(
        root, [root] { delete root; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

std::optional<QString> DemoCluster::start(int backends)
{
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"limpet-demo"_s);
    m_root = new QObject;
    m_root->moveToThread(m_thread.get());
    m_thread->start();
    QString error;
    QObject *root = m_root;
    QMetaObject::invokeMethod(
        root,
        [&] {
            auto *sweeper = new DeadlineSweeper(root);
            for (int i = 1; i <= backends; ++i) {
                auto *server = new DemoBackend(u"app%1"_s.arg(i), sweeper, root);
                if (!server->listen(QHostAddress::LocalHost, 0)) {
                    error = u"demo backend app%1 cannot listen: %2"_s.arg(i).arg(
                        server->errorString());
                    return;
                }
                m_ports.append(server->serverPort());
            }
        },
        Qt::BlockingQueuedConnection);
    if (!error.isEmpty())
        return error;
    return std::nullopt;
}

Config DemoCluster::config() const
{
    Config c;
    c.listen = Endpoint{QHostAddress::LocalHost, 8080};
    PoolConfig pool;
    pool.name = u"demo"_s;
    pool.sticky.mode = u"insert"_s;
    pool.sticky.cookie = u"SRV"_s;
    for (qsizetype i = 0; i < m_ports.size(); ++i) {
        BackendConfig b;
        b.name = u"app%1"_s.arg(i + 1);
        b.route = b.name;
        b.address = Endpoint{QHostAddress::LocalHost, m_ports.at(i)};
        pool.backends.append(b);
    }
    c.pools.append(pool);
    return c;
}

} // namespace Limpet
