#pragma once

// PLACEHOLDER: stands in for the real view, written elsewhere, so the shell builds.

#include <QPointer>
#include <QWidget>

namespace Limpet {

class ClusterClient;

class ChartsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsView)

public:
    explicit ChartsView(QWidget *parent = nullptr);

    void setClient(ClusterClient *client);

private:
    QPointer<ClusterClient> m_client;
};

} // namespace Limpet
