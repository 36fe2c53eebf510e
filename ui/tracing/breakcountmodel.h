#pragma once

#include "client/clusterclient.h"

#include <QAbstractTableModel>
#include <QHash>

namespace Limpet {

/// How often stickiness broke, by cause, over every pool of the instance since the view was
/// attached (not only the traced session), from the engine's counters in its snapshots: one row
/// per cause, in the order they first happened.
class BreakCountModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BreakCountModel)

public:
    enum Column {
        CauseColumn,
        CountColumn,
        ColumnCount
    };
    enum Role {
        ReasonCodeRole = Qt::UserRole + 1, ///< QString: the cause's reason code
    };

    explicit BreakCountModel(QObject *parent = nullptr);

    /// Starts again from zero: the next snapshot is the baseline.
    void clear();
    /// Shows the backend changes of every pool by cause, and the decisions, since the first
    /// snapshot after clear(): exact counters of the engine (a live decision stream under load
    /// is a sample). A pool first seen later counts from zero, and so does one whose counters
    /// went back (its instance restarted).
    void update(const EngineSnapshot &snapshot);

    [[nodiscard]] quint64 breaks(const QString &reasonCode) const;
    [[nodiscard]] quint64 totalBreaks() const { return m_total; }
    [[nodiscard]] quint64 decisionsSeen() const { return m_seen; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    struct PoolCounts
    {
        ReasonCounts causes{};
        quint64 decisions = 0;
    };
    /// Sets the row of `cause` to `n` (adds it the first time `n` is not zero).
    void setCount(const QString &cause, quint64 n);

    bool m_started = false; ///< a baseline was taken
    QHash<QString, PoolCounts> m_baseline; ///< by pool name
    QList<std::pair<QString, quint64>> m_counts; ///< reason code → breaks
    quint64 m_total = 0;
    quint64 m_seen = 0;
};

} // namespace Limpet
