#pragma once

#include "snapshot.h"

#include <QAbstractItemModel>
#include <QPointer>

#include <memory>
#include <vector>

namespace Limpet {

class ClusterClient;

/// The tree on the left of the Cluster view: instances → pools → backends, with each node's
/// status. Nodes are matched by name on every snapshot, so a refresh only emits dataChanged and
/// rows come and go only when pools or backends do (the selection and expansion survive).
class ClusterTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClusterTreeModel)

public:
    enum Column {
        NameColumn,
        StatusColumn,
        ColumnCount
    };
    enum class Kind {
        Instance,
        Pool,
        Backend
    };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< int(Kind)
    };

    explicit ClusterTreeModel(QObject *parent = nullptr);
    ~ClusterTreeModel() override;

    /// Adds an instance (at the end), not connected yet unless it is embedded.
    void addClient(ClusterClient *client);
    void removeClient(ClusterClient *client);
    [[nodiscard]] QList<ClusterClient *> clients() const;

    void setSnapshot(ClusterClient *client, const EngineSnapshot &snapshot);
    void setConnection(ClusterClient *client, bool connected, const QString &error);
    [[nodiscard]] bool isConnected(ClusterClient *client) const;
    /// The last snapshot of `client` (empty before the first one).
    [[nodiscard]] const EngineSnapshot &snapshot(ClusterClient *client) const;

    /// What a node belongs to: its instance, its pool (empty for an instance) and its backend
    /// (empty for an instance or a pool).
    [[nodiscard]] ClusterClient *clientOf(const QModelIndex &index) const;
    [[nodiscard]] QString poolOf(const QModelIndex &index) const;
    [[nodiscard]] QString backendOf(const QModelIndex &index) const;
    [[nodiscard]] Kind kindOf(const QModelIndex &index) const;
    /// The node of an instance, of one of its pools, or of one of its backends; invalid when
    /// there is none.
    [[nodiscard]] QModelIndex indexOf(
        ClusterClient *client, const QString &pool = {}, const QString &backend = {}) const;

    [[nodiscard]] QModelIndex index(
        int row, int column, const QModelIndex &parent = {}) const override;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const override;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node
    {
        Kind kind = Kind::Instance;
        Node *parent = nullptr;
        QString name;
        std::vector<std::unique_ptr<Node>> children;
        // Instance nodes
        QPointer<ClusterClient> client;
        bool connected = false;
        QString error;
        EngineSnapshot snapshot;
        // Pool and backend nodes
        PoolSnapshot pool;
        BackendSnapshot backend;

        [[nodiscard]] int row() const;
    };
    [[nodiscard]] Node *nodeOf(const QModelIndex &index) const;
    [[nodiscard]] Node *instanceNode(ClusterClient *client) const;
    [[nodiscard]] QModelIndex indexOfNode(const Node *node, int column = 0) const;
    [[nodiscard]] QVariant status(const Node &node) const;
    [[nodiscard]] QVariant toolTip(const Node &node) const;
    /// Brings `parent`'s children in line with `names` (removing, then appending); returns the
    /// child of each name.
    std::vector<Node *> syncChildren(Node *parent, Kind kind, const QStringList &names);
    void emitChanged(const Node *node);

    Node m_root;
    EngineSnapshot m_empty;
};

} // namespace Limpet
