#pragma once

#include <QList>
#include <QTcpServer>

namespace Limpet {

class Worker;

/// The listening socket. Lives in the first worker's thread and hands each accepted descriptor
/// to the workers in turn; the socket itself is created in the worker that serves it.
class Listener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    explicit Listener(QList<Worker *> workers, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QList<Worker *> m_workers; ///< not owned
    qsizetype m_next = 0;
};

} // namespace Limpet
