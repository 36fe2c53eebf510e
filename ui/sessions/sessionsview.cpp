// PLACEHOLDER: stands in for the real view, written elsewhere, so the shell builds.

#include "sessions/sessionsview.h"

#include "client/clusterclient.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Limpet {

SessionsView::SessionsView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Sessions"), this);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
}

void SessionsView::setClient(ClusterClient *client)
{
    m_client = client;
}

} // namespace Limpet
