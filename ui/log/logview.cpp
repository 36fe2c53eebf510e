#include "log/logview.h"

#include "client/clusterclient.h"
#include "log/logfiltermodel.h"
#include "log/logtablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr int Capacity = 10000; ///< events kept per instance

} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_filter(new LogFilterModel(this))
    , m_text(new QLineEdit(this))
    , m_kinds(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
{
    m_text->setObjectName(u"logFilter"_s);
    m_text->setPlaceholderText(tr("Filter events: backend, kind, state, message…"));
    m_text->setClearButtonEnabled(true);
    m_kinds->setObjectName(u"logKinds"_s);
    m_kinds->addItem(tr("All events"), int(LogFilterModel::Kinds::All));
    m_kinds->addItem(tr("State changes"), int(LogFilterModel::Kinds::StateChanges));
    m_kinds->addItem(tr("Health"), int(LogFilterModel::Kinds::Health));
    m_kinds->addItem(tr("Errors"), int(LogFilterModel::Kinds::Errors));
    m_kinds->setToolTip(tr("Errors: a backend going down, a reload refused, an API call with a "
                           "bad token"));

    m_table->setObjectName(u"logTable"_s);
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 1);
    bar->addWidget(m_kinds);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    connect(m_text, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setText(text);
        updateCount();
    });
    connect(m_kinds, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setKinds(LogFilterModel::Kinds(m_kinds->currentData().toInt()));
        updateCount();
    });
    // Follow the newest row while the user is at the bottom; stay put once they scroll up.
    QScrollBar *scroll = m_table->verticalScrollBar();
    connect(scroll, &QScrollBar::valueChanged, this,
        [this, scroll](int value) { m_follow = value >= scroll->maximum() - 1; });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow)
            m_table->scrollToBottom();
        updateCount();
    });
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &LogView::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &LogView::updateCount);
    updateCount();
}

LogTableModel *LogView::modelOf(ClusterClient *client)
{
    if (LogTableModel *model = m_models.value(client))
        return model;
    auto *model = new LogTableModel(Capacity, this);
    m_models.insert(client, model);
    connect(client, &ClusterClient::eventsArrived, model, &LogTableModel::append);
    connect(client, &QObject::destroyed, this, [this, client] {
        LogTableModel *gone = m_models.take(client);
        if (m_filter->sourceModel() == gone)
            m_filter->setSourceModel(nullptr);
        delete gone;
        updateCount();
    });
    return model;
}

void LogView::watchClient(ClusterClient *client)
{
    if (client)
        modelOf(client);
}

void LogView::setClient(ClusterClient *client)
{
    m_client = client;
    m_filter->setSourceModel(client ? modelOf(client) : nullptr);
    m_follow = true;
    m_table->scrollToBottom();
    updateCount();
}

void LogView::updateCount()
{
    if (!m_filter->sourceModel()) {
        m_count->setText(tr("No instance selected"));
        return;
    }
    const int total = m_filter->sourceModel()->rowCount();
    const int shown = m_filter->rowCount();
    m_count->setText(shown == total ? tr("%n event(s)", nullptr, total)
                                    : tr("%1 of %n event(s)", nullptr, total).arg(shown));
}

} // namespace Limpet
