#pragma once

#include <QHash>
#include <QTcpServer>

#include <qcoro/qcorotask.h>

namespace Limpet {

class DeadlineSweeper;
class ProxySocket;

/// A tiny web application for the embedded demo: every page names the backend that served it
/// and counts this browser's visits to it, keyed by the application's own session cookie
/// (`DEMOSESSID`, as a PHP app keeps `PHPSESSID`). Land on another backend and the count starts
/// over: exactly what sticky sessions prevent. Lives in the demo thread.
class DemoBackend final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoBackend)

public:
    DemoBackend(QString name, DeadlineSweeper *sweeper, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QCoro::Task<> serve(ProxySocket *socket);
    QByteArray page(QByteArrayView sessionCookie, QByteArray &setCookie);

    QString m_name;
    DeadlineSweeper *m_sweeper;
    QHash<QByteArray, int> m_visits; ///< DEMOSESSID → visits
};

} // namespace Limpet
