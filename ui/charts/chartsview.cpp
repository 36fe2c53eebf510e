// PLACEHOLDER: stands in for the real view, written elsewhere, so the shell builds.

#include "charts/chartsview.h"

#include "client/clusterclient.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Limpet {

ChartsView::ChartsView(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(tr("Charts"), this);
    label->setAlignment(Qt::AlignCenter);
    layout->addWidget(label);
}

void ChartsView::setClient(ClusterClient *client)
{
    m_client = client;
}

} // namespace Limpet
