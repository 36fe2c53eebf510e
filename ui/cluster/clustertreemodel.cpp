#include "cluster/clustertreemodel.h"

#include "client/clusterclient.h"
#include "cluster/backendstatus.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace Limpet {

int ClusterTreeModel::Node::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i) {
        if (parent->children[i].get() == this)
            return int(i);
    }
    return 0;
}

ClusterTreeModel::ClusterTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

ClusterTreeModel::~ClusterTreeModel() = default;

void ClusterTreeModel::addClient(ClusterClient *client)
{
    if (!client || instanceNode(client))
        return;
    const int row = int(m_root.children.size());
    beginInsertRows({}, row, row);
    auto node = std::make_unique<Node>();
    node->kind = Kind::Instance;
    node->parent = &m_root;
    node->name = client->name();
    node->client = client;
    node->connected = !client->isRemote(); // the embedded engine is always there
    m_root.children.push_back(std::move(node));
    endInsertRows();
}

void ClusterTreeModel::removeClient(ClusterClient *client)
{
    for (size_t i = 0; i < m_root.children.size(); ++i) {
        if (m_root.children[i]->client == client) {
            beginRemoveRows({}, int(i), int(i));
            m_root.children.erase(m_root.children.begin() + qsizetype(i));
            endRemoveRows();
            return;
        }
    }
}

QList<ClusterClient *> ClusterTreeModel::clients() const
{
    QList<ClusterClient *> list;
    for (const auto &node : m_root.children) {
        if (node->client)
            list.append(node->client);
    }
    return list;
}

ClusterTreeModel::Node *ClusterTreeModel::instanceNode(ClusterClient *client) const
{
    for (const auto &node : m_root.children) {
        if (client && node->client == client)
            return node.get();
    }
    return nullptr;
}

std::vector<ClusterTreeModel::Node *> ClusterTreeModel::syncChildren(
    Node *parent, Kind kind, const QStringList &names)
{
    const QModelIndex parentIndex = indexOfNode(parent);
    for (int row = int(parent->children.size()) - 1; row >= 0; --row) {
        if (!names.contains(parent->children[row]->name)) {
            beginRemoveRows(parentIndex, row, row);
            parent->children.erase(parent->children.begin() + row);
            endRemoveRows();
        }
    }
    std::vector<Node *> result;
    result.reserve(names.size());
    for (const QString &name : names) {
        Node *found = nullptr;
        for (const auto &child : parent->children) {
            if (child->name == name)
                found = child.get();
        }
        if (!found) {
            const int row = int(parent->children.size());
            beginInsertRows(parentIndex, row, row);
            auto child = std::make_unique<Node>();
            child->kind = kind;
            child->parent = parent;
            child->name = name;
            found = child.get();
            parent->children.push_back(std::move(child));
            endInsertRows();
        }
        result.push_back(found);
    }
    return result;
}

void ClusterTreeModel::emitChanged(const Node *node)
{
    if (node->children.empty())
        return;
    const QModelIndex parent = indexOfNode(node);
    Q_EMIT dataChanged(
        index(0, 0, parent), index(int(node->children.size()) - 1, ColumnCount - 1, parent));
}

void ClusterTreeModel::setSnapshot(ClusterClient *client, const EngineSnapshot &snapshot)
{
    Node *instance = instanceNode(client);
    if (!instance)
        return;
    instance->snapshot = snapshot;
    instance->connected = true;
    instance->error.clear();
    const QModelIndex instanceIndex = indexOfNode(instance);
    Q_EMIT dataChanged(instanceIndex, indexOfNode(instance, StatusColumn));

    QStringList poolNames;
    for (const PoolSnapshot &pool : snapshot.pools)
        poolNames.append(pool.name);
    const std::vector<Node *> pools = syncChildren(instance, Kind::Pool, poolNames);
    for (size_t p = 0; p < pools.size(); ++p) {
        const PoolSnapshot &pool = snapshot.pools.at(qsizetype(p));
        pools[p]->pool = pool;
        QStringList backendNames;
        for (const BackendSnapshot &b : pool.backends)
            backendNames.append(b.name);
        const std::vector<Node *> backends = syncChildren(pools[p], Kind::Backend, backendNames);
        for (size_t b = 0; b < backends.size(); ++b)
            backends[b]->backend = pool.backends.at(qsizetype(b));
        emitChanged(pools[p]);
    }
    emitChanged(instance);
}

void ClusterTreeModel::setConnection(ClusterClient *client, bool connected, const QString &error)
{
    Node *instance = instanceNode(client);
    if (!instance)
        return;
    instance->connected = connected;
    instance->error = error;
    Q_EMIT dataChanged(indexOfNode(instance), indexOfNode(instance, StatusColumn));
}

bool ClusterTreeModel::isConnected(ClusterClient *client) const
{
    const Node *instance = instanceNode(client);
    return instance && instance->connected;
}

const EngineSnapshot &ClusterTreeModel::snapshot(ClusterClient *client) const
{
    const Node *instance = instanceNode(client);
    return instance ? instance->snapshot : m_empty;
}

ClusterTreeModel::Node *ClusterTreeModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<Node *>(index.internalPointer());
}

ClusterClient *ClusterTreeModel::clientOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    while (node && node->kind != Kind::Instance)
        node = node->parent;
    return node ? node->client.data() : nullptr;
}

QString ClusterTreeModel::poolOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    if (!node || node->kind == Kind::Instance)
        return {};
    return node->kind == Kind::Pool ? node->name : node->parent->name;
}

QString ClusterTreeModel::backendOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node && node->kind == Kind::Backend ? node->name : QString();
}

ClusterTreeModel::Kind ClusterTreeModel::kindOf(const QModelIndex &index) const
{
    const Node *node = nodeOf(index);
    return node ? node->kind : Kind::Instance;
}

QModelIndex ClusterTreeModel::indexOf(
    ClusterClient *client, const QString &pool, const QString &backend) const
{
    const Node *node = instanceNode(client);
    if (!node)
        return {};
    for (const QString &name : {pool, backend}) {
        if (name.isEmpty())
            break;
        const Node *child = nullptr;
        for (const auto &c : node->children) {
            if (c->name == name)
                child = c.get();
        }
        if (!child)
            return {};
        node = child;
    }
    return indexOfNode(node);
}

QModelIndex ClusterTreeModel::indexOfNode(const Node *node, int column) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row(), column, const_cast<Node *>(node));
}

QModelIndex ClusterTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const Node *parentNode = parent.isValid() ? nodeOf(parent) : &m_root;
    if (!parentNode || row >= int(parentNode->children.size()))
        return {};
    return createIndex(row, column, parentNode->children[size_t(row)].get());
}

QModelIndex ClusterTreeModel::parent(const QModelIndex &child) const
{
    const Node *node = nodeOf(child);
    if (!node || !node->parent || node->parent == &m_root)
        return {};
    return indexOfNode(node->parent);
}

int ClusterTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    const Node *node = parent.isValid() ? nodeOf(parent) : &m_root;
    return node ? int(node->children.size()) : 0;
}

int ClusterTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ClusterTreeModel::status(const Node &node) const
{
    const QLocale locale;
    switch (node.kind) {
    case Kind::Instance:
        if (!node.connected) {
            if (node.error.isEmpty())
                return tr("connecting…");
            return tr("disconnected: %1").arg(node.error);
        }
        return tr("%n session(s)", nullptr, node.snapshot.sessions);
    case Kind::Pool:
        return tr("%1 · %2 · %n backend(s)", nullptr, int(node.children.size()))
            .arg(node.pool.affinityMode, node.pool.balancing);
    case Kind::Backend: {
        const QString drain = BackendStatus::drainText(node.backend);
        if (drain.isEmpty())
            return BackendStatus::stateText(node.backend);
        return tr("%1 · %2").arg(BackendStatus::stateText(node.backend), drain);
    }
    }
    return {};
}

QVariant ClusterTreeModel::toolTip(const Node &node) const
{
    switch (node.kind) {
    case Kind::Instance:
        if (node.snapshot.listen.isEmpty())
            return node.name;
        return tr("%1\nListening on %2 · Limpet %3")
            .arg(node.name, node.snapshot.listen, node.snapshot.version);
    case Kind::Pool:
        return tr("Pool %1: affinity mode %2, balancing algorithm %3")
            .arg(node.name, node.pool.affinityMode, node.pool.balancing);
    case Kind::Backend:
        return tr("%1 (%2)\n%3\n%4")
            .arg(node.name, node.backend.address, BackendStatus::stateText(node.backend),
                BackendStatus::healthText(node.backend));
    }
    return {};
}

QVariant ClusterTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? QVariant(node->name) : status(*node);
    case Qt::ToolTipRole:
        return toolTip(*node);
    case KindRole:
        return int(node->kind);
    case Qt::DecorationRole: // the state's colour beside the name; the status says it in words
        if (index.column() == NameColumn && node->kind == Kind::Backend)
            return BackendStatus::stateColor(node->backend);
        return {};
    default:
        return {};
    }
}

QVariant ClusterTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Instance");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace Limpet
