#include "sessions/sessionsview.h"

#include "client/clusterclient.h"
#include "sessions/pindialog.h"
#include "sessions/sessionfiltermodel.h"
#include "sessions/sessiontablemodel.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <chrono>
#include <limits>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Limpet {

namespace {

/// Typing in the filter applies after this pause, not at every key.
constexpr auto TextDelay = 250ms;
/// Tables up to this size are re-sorted after updates (a sort of this many rows costs a few
/// milliseconds); bigger ones only when asked (a header click).
constexpr int AutoSortRowLimit = 20000;
/// At most one automatic re-sort in this time, so rows do not jump at every update.
constexpr auto AutoSortInterval = 2s;

} // namespace

SessionsView::SessionsView(QWidget *parent)
    : QWidget(parent)
    , m_model(new SessionTableModel(this))
    , m_proxy(new SessionFilterModel(this))
    , m_text(new QLineEdit(this))
    , m_backend(new QComboBox(this))
    , m_age(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this))
    , m_textDelay(new QTimer(this))
    , m_trace(new QAction(tr("&Trace this session"), this))
    , m_pin(new QAction(tr("&Pin to backend…"), this))
    , m_forget(new QAction(tr("&Forget…"), this))
{
    m_proxy->setSessionModel(m_model);

    m_text->setObjectName(u"sessionFilterText"_s);
    m_text->setPlaceholderText(tr("Filter by affinity key or client address"));
    m_text->setClearButtonEnabled(true);
    m_textDelay->setSingleShot(true);
    m_textDelay->setInterval(TextDelay);
    connect(m_text, &QLineEdit::textChanged, m_textDelay, qOverload<>(&QTimer::start));
    const auto applyText = [this] {
        m_textDelay->stop();
        m_proxy->setText(m_text->text().trimmed());
        updateCount();
    };
    connect(m_textDelay, &QTimer::timeout, this, applyText);
    connect(m_text, &QLineEdit::returnPressed, this, applyText);

    m_backend->setObjectName(u"sessionFilterBackend"_s);
    m_backend->setToolTip(tr("Show the sessions bound to one backend"));
    m_backend->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_backend->addItem(tr("All backends"), QString());
    connect(m_backend, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setBackend(m_backend->currentData().toString());
        updateCount();
    });

    m_age->setObjectName(u"sessionFilterAge"_s);
    m_age->setToolTip(tr("Show the sessions whose latest request is that recent"));
    m_age->addItem(tr("Seen any time"), qint64(0));
    m_age->addItem(tr("Seen in the last minute"), qint64(60'000));
    m_age->addItem(tr("Seen in the last 5 minutes"), qint64(300'000));
    m_age->addItem(tr("Seen in the last hour"), qint64(3'600'000));
    connect(m_age, &QComboBox::currentIndexChanged, this, [this] {
        m_proxy->setMaxAge(std::chrono::milliseconds(m_age->currentData().toLongLong()));
        updateCount();
    });

    m_count->setObjectName(u"sessionCount"_s);

    m_table->setObjectName(u"sessionTable"_s);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed row heights: with 100,000 rows the view must never measure them.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSortIndicatorClearable(true);
    // Unsorted at first: the first load of a big table then costs no sort.
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    const auto width
        = [this](const QString &sample) { return fontMetrics().horizontalAdvance(sample) + 16; };
    m_table->setColumnWidth(SessionTableModel::KeyColumn, width(u"3f9a0c1d-app1-77b2e410-xxxx"_s));
    m_table->setColumnWidth(SessionTableModel::PoolColumn, width(u"pool-name"_s));
    m_table->setColumnWidth(SessionTableModel::BackendColumn, width(u"backend-name"_s));
    m_table->setColumnWidth(SessionTableModel::ClientColumn, width(u"255.255.255.255"_s));
    m_table->setColumnWidth(SessionTableModel::FirstSeenColumn, width(u"2024-01-01 00:00:00"_s));
    m_table->setColumnWidth(SessionTableModel::LastSeenColumn, width(u"2024-01-01 00:00:00"_s));
    m_table->setColumnWidth(SessionTableModel::RequestsColumn, width(u"Requests 00"_s));
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this] { m_sinceSort.start(); });

    m_trace->setObjectName(u"traceSessionAction"_s);
    m_trace->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    m_trace->setToolTip(tr("Show the decisions made for this session's requests"));
    m_pin->setObjectName(u"pinSessionAction"_s);
    m_pin->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_pin->setToolTip(tr("Send this session to another backend for a while or for good"));
    m_forget->setObjectName(u"forgetSessionAction"_s);
    m_forget->setShortcut(QKeySequence::Delete);
    m_forget->setToolTip(tr("Drop this session's binding: its next request is balanced anew"));
    for (QAction *action : {m_trace, m_pin, m_forget}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_table->addAction(action);
    }
    connect(m_trace, &QAction::triggered, this, &SessionsView::traceSelected);
    connect(m_pin, &QAction::triggered, this, &SessionsView::pinSelected);
    connect(m_forget, &QAction::triggered, this, &SessionsView::forgetSelected);
    connect(m_table, &QWidget::customContextMenuRequested, this, &SessionsView::showContextMenu);
    connect(m_table, &QAbstractItemView::doubleClicked, this, &SessionsView::traceSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &SessionsView::updateActions);
    connect(m_model, &SessionTableModel::backendsChanged, this, &SessionsView::updateBackendFilter);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_text, 1);
    bar->addWidget(m_backend);
    bar->addWidget(m_age);
    bar->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table);

    updateCount();
    updateActions();
}

SessionsView::~SessionsView()
{
    setClient(nullptr);
}

void SessionsView::setClient(ClusterClient *client)
{
    if (client == m_client)
        return;
    if (m_client) {
        disconnect(m_client, nullptr, this, nullptr);
        m_client->setSessionFeed(SessionFeed::Off); // the table goes (m_model->clear())
    }
    m_wanted = false;
    m_client = client;
    m_notSent = 0;
    m_model->clear();
    if (m_client)
        connect(m_client, &ClusterClient::sessionsChanged, this, &SessionsView::applySessions);
    updateWanted();
    updateCount();
    updateActions();
}

void SessionsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    setShown(true);
}

void SessionsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    setShown(false);
}

void SessionsView::setShown(bool shown)
{
    m_shown = shown;
    updateWanted();
}

void SessionsView::updateWanted()
{
    if (!m_client || m_wanted == m_shown)
        return;
    m_wanted = m_shown;
    // Hidden, the view keeps its table: the client pauses, and resumes with what changed.
    m_client->setSessionFeed(m_wanted ? SessionFeed::On : SessionFeed::Paused);
}

void SessionsView::applySessions(const SessionChanges &changes)
{
    if (changes.full)
        m_notSent = changes.notSent;
    m_model->applyChanges(changes);
    if (m_proxy->isFiltering())
        m_proxy->refilter();
    if (m_proxy->sortedColumn() >= 0 && m_model->rowCount() <= AutoSortRowLimit
        && (!m_sinceSort.isValid()
            || m_sinceSort.elapsed() >= std::chrono::milliseconds(AutoSortInterval).count())) {
        m_proxy->sort(m_proxy->sortedColumn(), m_proxy->sortedOrder());
        m_sinceSort.start();
    }
    updateCount();
}

void SessionsView::updateCount()
{
    const QLocale locale;
    QString text = tr("%Ln session(s) (showing %1)", nullptr, m_model->rowCount())
                       .arg(locale.toString(m_proxy->rowCount()));
    // A remote table too big to send at once: say what is missing rather than show less.
    if (m_notSent > 0) {
        text += u' '
            + tr("— %Ln more not sent by the instance", nullptr,
                static_cast<int>(qMin<qsizetype>(m_notSent, std::numeric_limits<int>::max())));
        m_count->setToolTip(tr("A remote instance sends its whole table only up to 200,000 "
                               "sessions. The others show here once they change; `limpet ctl "
                               "sessions` on the instance lists them all."));
    } else {
        m_count->setToolTip({});
    }
    m_count->setText(text);
}

void SessionsView::updateBackendFilter()
{
    const QString current = m_backend->currentData().toString();
    QStringList names = m_model->backends();
    // A backend the user filters on stays offered while its sessions come and go.
    if (!current.isEmpty() && !names.contains(current)) {
        names.append(current);
        names.sort();
    }
    QStringList offered;
    for (int i = 1; i < m_backend->count(); ++i)
        offered.append(m_backend->itemData(i).toString());
    if (offered == names)
        return;
    const QSignalBlocker blocker(m_backend);
    while (m_backend->count() > 1)
        m_backend->removeItem(1);
    for (const QString &name : std::as_const(names))
        m_backend->addItem(name, name);
    m_backend->setCurrentIndex(std::max(0, m_backend->findData(current)));
}

void SessionsView::updateActions()
{
    const bool selected = m_table->selectionModel()->hasSelection();
    m_trace->setEnabled(selected);
    m_pin->setEnabled(selected && m_client);
    m_forget->setEnabled(selected && m_client);
}

void SessionsView::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QMenu menu(this);
    menu.addAction(m_trace);
    menu.addAction(m_pin);
    menu.addSeparator();
    menu.addAction(m_forget);
    menu.exec(m_table->viewport()->mapToGlobal(position));
}

std::optional<SessionInfo> SessionsView::selectedSession() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (!source.isValid())
        return std::nullopt;
    return m_model->session(source.row());
}

void SessionsView::traceSelected()
{
    if (const auto session = selectedSession())
        Q_EMIT traceRequested(session->key);
}

void SessionsView::pinSelected()
{
    const auto session = selectedSession();
    if (!session || !m_client)
        return;
    const QStringList backends = m_model->backends(session->pool);
    // Preselect another backend than the current one: moving the session is the point.
    QString preselected = session->backend;
    for (const QString &name : backends) {
        if (name != session->backend) {
            preselected = name;
            break;
        }
    }
    PinDialog dialog(QString::fromUtf8(session->key), backends, preselected, this);
    if (dialog.exec() != QDialog::Accepted || !m_client)
        return;
    m_client->pinSession(session->pool, session->key, dialog.backend(), dialog.ttlSeconds());
}

void SessionsView::forgetSelected()
{
    const auto session = selectedSession();
    if (!session || !m_client)
        return;
    QMessageBox box(QMessageBox::Question, tr("Forget session"),
        tr("Forget session %1 of pool %2?").arg(QString::fromUtf8(session->key), session->pool),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Its binding to %1 is dropped: its next request is balanced as a "
                              "new session, and may go to another backend.")
                               .arg(session->backend));
    box.button(QMessageBox::Yes)->setText(tr("Forget"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes || !m_client)
        return;
    m_client->forgetSession(session->pool, session->key);
}

} // namespace Limpet
