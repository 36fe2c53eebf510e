#pragma once

// PLACEHOLDER: stands in for the real view, written elsewhere, so the shell builds.

#include <QPointer>
#include <QWidget>

namespace Limpet {

class ClusterClient;

class SessionsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionsView)

public:
    explicit SessionsView(QWidget *parent = nullptr);

    void setClient(ClusterClient *client);

Q_SIGNALS:
    void traceRequested(const QByteArray &key);

private:
    QPointer<ClusterClient> m_client;
};

} // namespace Limpet
