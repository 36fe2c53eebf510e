#include "cluster/clusterview.h"

#include "client/clusterclient.h"
#include "cluster/addbackenddialog.h"
#include "cluster/backendsortmodel.h"
#include "cluster/backendstatus.h"
#include "cluster/backendtablemodel.h"
#include "cluster/clustertreemodel.h"
#include "cluster/statebadgedelegate.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// How far back the rates look: long enough to smooth, short enough to follow a change.
constexpr qint64 RateWindowMs = 5000;
/// How many backend names a question lists before "…".
constexpr int NamesListed = 5;

} // namespace

ClusterView::ClusterView(QWidget *parent)
    : QWidget(parent)
    , m_treeModel(new ClusterTreeModel(this))
    , m_tableModel(new BackendTableModel(this))
    , m_sortModel(new BackendSortModel(this))
    , m_tree(new QTreeView(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    m_drainAction = makeAction(tr("&Drain"), u"drainAction"_s, QKeySequence(tr("Ctrl+D")),
        tr("Drain: the selected backends keep their sessions and take no new one"));
    m_readyAction = makeAction(tr("&Ready"), u"readyAction"_s, QKeySequence(tr("Ctrl+R")),
        tr("Ready: the selected backends take new sessions"));
    m_maintAction = makeAction(tr("&Maintenance…"), u"maintAction"_s, QKeySequence(tr("Ctrl+M")),
        tr("Maintenance: the selected backends take nothing; their sessions move elsewhere"));
    m_standbyAction = makeAction(tr("&Standby"), u"standbyAction"_s, QKeySequence(tr("Ctrl+B")),
        tr("Standby: the selected backends take requests only when no ready backend is left"));
    m_weightAction = makeAction(tr("Set &weight…"), u"weightAction"_s,
        QKeySequence(tr("Ctrl+Shift+W")), tr("Set the weight of the selected backends"));
    m_addAction = makeAction(tr("&Add backend…"), u"addAction"_s, QKeySequence(tr("Ctrl+N")),
        tr("Add a backend to a pool of this instance"));
    m_removeAction = makeAction(tr("Rem&ove…"), u"removeAction"_s, QKeySequence::Delete,
        tr("Remove the selected backends from their pool"));
    const auto separator = [this] {
        auto *action = new QAction(this);
        action->setSeparator(true);
        return action;
    };
    m_backendActions = {m_drainAction, m_readyAction, m_maintAction, m_standbyAction, separator(),
        m_weightAction, separator(), m_addAction, m_removeAction};
    connect(m_drainAction, &QAction::triggered, this, [this] { applyState(BackendState::Drain); });
    connect(m_readyAction, &QAction::triggered, this, [this] { applyState(BackendState::Ready); });
    connect(m_maintAction, &QAction::triggered, this, [this] { applyState(BackendState::Maint); });
    connect(
        m_standbyAction, &QAction::triggered, this, [this] { applyState(BackendState::Standby); });
    connect(m_weightAction, &QAction::triggered, this, &ClusterView::setWeight);
    connect(m_addAction, &QAction::triggered, this, &ClusterView::addBackend);
    connect(m_removeAction, &QAction::triggered, this, &ClusterView::removeBackends);
    addActions(m_backendActions); // their shortcuts work anywhere in this view

    auto *toolBar = new QToolBar(tr("Backend"), this);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addActions(m_backendActions);

    m_tree->setModel(m_treeModel);
    m_tree->setObjectName(u"clusterTree"_s);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setSectionResizeMode(
        ClusterTreeModel::NameColumn, QHeaderView::ResizeToContents);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_tree->addActions(m_backendActions);

    m_sortModel->setSourceModel(m_tableModel);
    m_table->setModel(m_sortModel);
    m_table->setObjectName(u"backendTable"_s);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(BackendTableModel::NameColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->setItemDelegateForColumn(BackendTableModel::StateColumn,
        new StateBadgeDelegate(BackendTableModel::BadgeColorRole, m_table));
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions(m_backendActions);
    auto *copy = new QAction(tr("&Copy rows"), m_table);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &ClusterView::copySelection);
    auto *copySeparator = new QAction(m_table);
    copySeparator->setSeparator(true);
    m_table->addActions({copySeparator, copy});
    connect(m_table->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
        &ClusterView::showHeaderMenu);

    m_filter->setPlaceholderText(tr("Filter backends: name, address, route or state"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_sortModel, &BackendSortModel::setText);
    auto *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_filter, [this] { m_filter->setFocus(); });
    addAction(find);

    auto *right = new QWidget(m_splitter);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_filter);
    rightLayout->addWidget(m_table);
    m_splitter->addWidget(m_tree);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolBar);
    layout->addWidget(m_splitter);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &ClusterView::onTreeCurrentChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ClusterView::updateActions);

    const QSettings settings;
    m_splitter->restoreState(settings.value(u"clusterView/splitter"_s).toByteArray());
    // Columns sized to the first rows, unless the user's widths were kept from last time.
    m_columnsSized = m_table->horizontalHeader()->restoreState(
        settings.value(u"clusterView/backendColumns"_s).toByteArray());
    updateActions();
}

ClusterView::~ClusterView()
{
    QSettings settings;
    settings.setValue(u"clusterView/splitter"_s, m_splitter->saveState());
    settings.setValue(u"clusterView/backendColumns"_s, m_table->horizontalHeader()->saveState());
}

QAction *ClusterView::makeAction(
    const QString &text, const QString &objectName, const QKeySequence &key, const QString &toolTip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(key);
    // Only while this view has the focus: Delete or Ctrl+D typed in another view is not an
    // operation on the backend selected here. The window's Backend menu triggers them anywhere.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(toolTip);
    action->setStatusTip(toolTip);
    return action;
}

void ClusterView::addClient(ClusterClient *client)
{
    if (!client || m_history.contains(client))
        return;
    m_history.insert(client, {});
    m_treeModel->addClient(client);
    connect(client, &ClusterClient::snapshotUpdated, this,
        [this, client](const EngineSnapshot &snapshot) { onSnapshot(client, snapshot); });
    connect(client, &ClusterClient::connectionChanged, this,
        [this, client](bool connected, const QString &error) {
            m_treeModel->setConnection(client, connected, error);
            updateActions();
        });
    connect(client, &QObject::destroyed, this, [this, client] { removeClient(client); });
    if (!m_client)
        setCurrentClient(client);
}

void ClusterView::removeClient(ClusterClient *client)
{
    if (!m_history.remove(client))
        return;
    disconnect(client, nullptr, this, nullptr);
    const bool wasCurrent = m_client == client || m_client.isNull();
    m_treeModel->removeClient(client);
    if (wasCurrent) {
        const QList<ClusterClient *> left = m_treeModel->clients();
        m_client = nullptr;
        if (left.isEmpty()) {
            m_tableModel->clear();
            Q_EMIT currentClientChanged(nullptr);
        } else {
            setCurrentClient(left.first());
        }
    }
    updateActions();
}

QList<ClusterClient *> ClusterView::clients() const
{
    return m_treeModel->clients();
}

void ClusterView::setCurrentClient(ClusterClient *client)
{
    const QModelIndex index = m_treeModel->indexOf(client);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

const EngineSnapshot &ClusterView::snapshot(ClusterClient *client) const
{
    return m_treeModel->snapshot(client);
}

void ClusterView::onSnapshot(ClusterClient *client, EngineSnapshot snapshot)
{
    if (snapshot.timeMs <= 0)
        snapshot.timeMs = QDateTime::currentMSecsSinceEpoch();
    QList<EngineSnapshot> &history = m_history[client];
    history.append(snapshot);
    while (history.size() > 2 && history.first().timeMs < snapshot.timeMs - RateWindowMs)
        history.removeFirst();

    const bool first = m_treeModel->snapshot(client).pools.isEmpty();
    m_treeModel->setSnapshot(client, snapshot);
    if (first)
        m_tree->expandRecursively(m_treeModel->indexOf(client));
    if (client == m_client) {
        showCurrentSnapshot();
        updateActions();
    }
}

void ClusterView::showCurrentSnapshot()
{
    const QList<EngineSnapshot> history = m_history.value(m_client);
    if (history.isEmpty())
        return;
    m_tableModel->setSnapshot(
        history.last(), history.size() > 1 ? history.first() : EngineSnapshot());
    if (!m_columnsSized && m_tableModel->rowCount() > 0) {
        m_table->resizeColumnsToContents();
        m_columnsSized = true;
    }
}

void ClusterView::onTreeCurrentChanged(const QModelIndex &current)
{
    ClusterClient *client = m_treeModel->clientOf(current);
    if (client != m_client) {
        m_client = client;
        m_tableModel->clear();
        showCurrentSnapshot();
        Q_EMIT currentClientChanged(client);
    }
    m_sortModel->setPool(m_treeModel->poolOf(current));
    const QString backend = m_treeModel->backendOf(current);
    if (!backend.isEmpty()) {
        const int row = m_tableModel->rowOf(m_treeModel->poolOf(current), backend);
        const QModelIndex index = m_sortModel->mapFromSource(m_tableModel->index(row, 0));
        if (index.isValid()) {
            m_table->selectionModel()->select(
                index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
            m_table->scrollTo(index);
        }
    }
    updateActions();
}

QList<BackendSnapshot> ClusterView::selectedBackends() const
{
    QList<BackendSnapshot> backends;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QModelIndex source = m_sortModel->mapToSource(row);
        if (source.isValid())
            backends.append(m_tableModel->backend(source.row()));
    }
    std::sort(backends.begin(), backends.end(), [](const auto &a, const auto &b) {
        return std::tie(a.pool, a.name) < std::tie(b.pool, b.name);
    });
    return backends;
}

void ClusterView::updateActions()
{
    const QList<BackendSnapshot> selected = selectedBackends();
    const bool live = m_client && m_treeModel->isConnected(m_client);
    const bool any = live && !selected.isEmpty();
    const auto someNot = [&](BackendState state) {
        return std::any_of(selected.begin(), selected.end(),
            [state](const BackendSnapshot &b) { return b.state != state; });
    };
    m_drainAction->setEnabled(any && someNot(BackendState::Drain));
    m_readyAction->setEnabled(any && someNot(BackendState::Ready));
    m_maintAction->setEnabled(any && someNot(BackendState::Maint));
    m_standbyAction->setEnabled(any && someNot(BackendState::Standby));
    m_weightAction->setEnabled(any);
    m_removeAction->setEnabled(any
        && std::any_of(selected.begin(), selected.end(),
            [](const BackendSnapshot &b) { return !b.removing; }));
    m_addAction->setEnabled(live && !m_treeModel->snapshot(m_client).pools.isEmpty());
}

bool ClusterView::hasBackend(
    const EngineSnapshot &snapshot, const QString &pool, const QString &backend)
{
    for (const PoolSnapshot &p : snapshot.pools) {
        if (p.name != pool)
            continue;
        if (backend.isEmpty())
            return true;
        for (const BackendSnapshot &b : p.backends) {
            if (b.name == backend)
                return true;
        }
    }
    return false;
}

QList<ClusterClient *> ClusterView::targets(bool all, const QList<BackendSnapshot> &backends) const
{
    if (!all)
        return m_client ? QList<ClusterClient *>{m_client} : QList<ClusterClient *>{};
    QList<ClusterClient *> result;
    for (ClusterClient *client : m_treeModel->clients()) {
        if (client == m_client) {
            result.append(client);
            continue;
        }
        if (!m_treeModel->isConnected(client))
            continue;
        const EngineSnapshot &s = m_treeModel->snapshot(client);
        const bool hasAll = std::all_of(backends.begin(), backends.end(),
            [&](const BackendSnapshot &b) { return hasBackend(s, b.pool, b.name); });
        if (hasAll)
            result.append(client);
    }
    return result;
}

QCheckBox *ClusterView::offerApplyToAll(QMessageBox &box, const QList<BackendSnapshot> &backends)
{
    const qsizetype count = targets(true, backends).size();
    if (count < 2)
        return nullptr;
    auto *check = new QCheckBox(tr("Apply to all %n instances", nullptr, int(count)), &box);
    check->setToolTip(tr("Do the same on every connected instance that has the same pool and "
                         "backend"));
    box.setCheckBox(check);
    return check;
}

QString ClusterView::names(const QList<BackendSnapshot> &backends)
{
    QStringList list;
    for (const BackendSnapshot &b :
        backends.first(std::min<qsizetype>(backends.size(), NamesListed)))
        list.append(b.name);
    QString text = list.join(u", "_s);
    if (backends.size() > NamesListed)
        text += u", …"_s;
    return text;
}

QString ClusterView::instanceNames(const QList<ClusterClient *> &clients) const
{
    QStringList list;
    for (const ClusterClient *client : clients)
        list.append(client->name());
    return list.join(u", "_s);
}

void ClusterView::applyState(BackendState state)
{
    const QList<BackendSnapshot> backends = selectedBackends();
    if (backends.isEmpty() || !m_client)
        return;
    bool all = false;
    if (state == BackendState::Maint) {
        int sessions = 0;
        for (const BackendSnapshot &b : backends)
            sessions += b.sessions;
        QMessageBox box(QMessageBox::Warning, tr("Maintenance"),
            backends.size() == 1
                ? tr("Put %1 in maintenance?").arg(backends.first().name)
                : tr("Put %n backends in maintenance?", nullptr, int(backends.size())),
            QMessageBox::Cancel, this);
        box.setInformativeText(backends.size() == 1
                ? tr("Maintenance takes %1 out of service: it gets no request, and the %n "
                     "session(s) bound to it move to other backends.",
                    nullptr, sessions)
                      .arg(backends.first().name)
                : tr("Maintenance takes %1 out of service: they get no request, and the %n "
                     "session(s) bound to them move to other backends.",
                    nullptr, sessions)
                      .arg(names(backends)));
        QPushButton *ok = box.addButton(tr("Maintenance"), QMessageBox::AcceptRole);
        box.setDefaultButton(ok);
        QCheckBox *applyToAll = offerApplyToAll(box, backends);
        box.exec();
        if (box.clickedButton() != ok)
            return;
        all = applyToAll && applyToAll->isChecked();
    }
    const QList<ClusterClient *> clients = targets(all, backends);
    for (ClusterClient *client : clients) {
        for (const BackendSnapshot &b : backends)
            client->setBackendState(b.pool, b.name, state);
    }
    Q_EMIT statusMessage(
        tr("%1 → %2 requested on %3")
            .arg(names(backends), BackendStatus::stateName(state), instanceNames(clients)));
}

void ClusterView::setWeight()
{
    const QList<BackendSnapshot> backends = selectedBackends();
    if (backends.isEmpty() || !m_client)
        return;
    bool ok = false;
    const int weight = QInputDialog::getInt(this, tr("Set weight"),
        tr("Weight of %1 (0–1000; 0 takes no new session):").arg(names(backends)),
        backends.first().weight, 0, 1000, 1, &ok);
    if (!ok || !m_client)
        return;
    for (const BackendSnapshot &b : backends)
        m_client->setBackendWeight(b.pool, b.name, weight);
    Q_EMIT statusMessage(
        tr("Weight %1 requested for %2 on %3").arg(weight).arg(names(backends), m_client->name()));
}

void ClusterView::addBackend()
{
    if (!m_client)
        return;
    QHash<QString, QStringList> taken;
    for (const PoolSnapshot &pool : m_treeModel->snapshot(m_client).pools) {
        QStringList &names = taken[pool.name];
        for (const BackendSnapshot &b : pool.backends)
            names.append(b.name);
    }
    QString pool = m_sortModel->pool();
    if (pool.isEmpty() && !selectedBackends().isEmpty())
        pool = selectedBackends().first().pool;
    int instances = 0;
    for (ClusterClient *client : m_treeModel->clients()) {
        if (m_treeModel->isConnected(client))
            ++instances;
    }
    AddBackendDialog dialog(taken, pool, instances, this);
    if (dialog.exec() != QDialog::Accepted || !m_client)
        return;
    QList<ClusterClient *> clients{m_client};
    if (dialog.applyToAll()) {
        for (ClusterClient *client : m_treeModel->clients()) {
            if (client != m_client && m_treeModel->isConnected(client)
                && hasBackend(m_treeModel->snapshot(client), dialog.pool(), {}))
                clients.append(client);
        }
    }
    const BackendConfig backend = dialog.backend();
    for (ClusterClient *client : std::as_const(clients))
        client->addBackend(dialog.pool(), backend);
    Q_EMIT statusMessage(
        tr("Adding %1 (%2) to pool %3 on %4")
            .arg(backend.name, backend.address.toString(), dialog.pool(), instanceNames(clients)));
}

void ClusterView::removeBackends()
{
    const QList<BackendSnapshot> backends = selectedBackends();
    if (backends.isEmpty() || !m_client)
        return;
    int sessions = 0;
    for (const BackendSnapshot &b : backends)
        sessions += b.sessions;
    QMessageBox box(QMessageBox::Question, tr("Remove backend"),
        backends.size() == 1
            ? tr("Remove %1 from pool %2?").arg(backends.first().name, backends.first().pool)
            : tr("Remove %n backends (%1)?", nullptr, int(backends.size())).arg(names(backends)),
        QMessageBox::Cancel, this);
    box.setInformativeText(
        tr("Removed when drained: no new session goes there, and it leaves once no session is "
           "bound to it and no request is in flight (%n session(s) now).\n"
           "Removed at once: it leaves now; requests in flight finish, and its sessions move "
           "to other backends.",
            nullptr, sessions));
    QPushButton *drained = box.addButton(tr("Remove when drained"), QMessageBox::AcceptRole);
    QPushButton *force = box.addButton(tr("Remove at once (force)"), QMessageBox::DestructiveRole);
    box.setDefaultButton(drained);
    QCheckBox *applyToAll = offerApplyToAll(box, backends);
    box.exec();
    if (box.clickedButton() != drained && box.clickedButton() != force)
        return;
    const bool forced = box.clickedButton() == force;
    const QList<ClusterClient *> clients = targets(applyToAll && applyToAll->isChecked(), backends);
    for (ClusterClient *client : clients) {
        for (const BackendSnapshot &b : backends)
            client->removeBackend(b.pool, b.name, forced);
    }
    Q_EMIT statusMessage(forced
            ? tr("Removing %1 at once on %2").arg(names(backends), instanceNames(clients))
            : tr("Removing %1 once drained on %2").arg(names(backends), instanceNames(clients)));
}

void ClusterView::copySelection()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QList<int> columns;
    QStringList header;
    for (int visual = 0; visual < m_sortModel->columnCount(); ++visual) {
        const int column = m_table->horizontalHeader()->logicalIndex(visual);
        if (m_table->isColumnHidden(column))
            continue;
        columns.append(column);
        header.append(m_sortModel->headerData(column, Qt::Horizontal).toString());
    }
    QList<int> rowNumbers;
    for (const QModelIndex &row : rows)
        rowNumbers.append(row.row());
    std::sort(rowNumbers.begin(), rowNumbers.end());
    QString text = header.join(u'\t') + u'\n';
    for (int row : std::as_const(rowNumbers)) {
        QStringList cells;
        for (int column : std::as_const(columns))
            cells.append(m_sortModel->index(row, column).data().toString());
        text += cells.join(u'\t') + u'\n';
    }
    QApplication::clipboard()->setText(text);
}

void ClusterView::showHeaderMenu(const QPoint &pos)
{
    QMenu menu(this);
    QHeaderView *header = m_table->horizontalHeader();
    for (int column = 0; column < m_tableModel->columnCount(); ++column) {
        QAction *action = menu.addAction(
            m_tableModel->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        // The backend's name stays: without it a row says nothing.
        action->setEnabled(column != BackendTableModel::NameColumn);
        connect(action, &QAction::toggled, header,
            [header, column](bool shown) { header->setSectionHidden(column, !shown); });
    }
    menu.exec(header->viewport()->mapToGlobal(pos));
}

} // namespace Limpet
