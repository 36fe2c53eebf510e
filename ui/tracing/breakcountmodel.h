#pragma once

#include "client/clusterclient.h"

#include <QAbstractTableModel>

namespace Limpet {

/// How often stickiness broke, by cause, over every decision of the instance the view has seen
/// (not only the traced session): one row per cause, in the order they first happened.
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

    void clear();
    /// Counts the decisions that moved a session to another backend.
    void count(const QList<TraceRecord> &decisions);

    [[nodiscard]] quint64 breaks(const QString &reasonCode) const;
    [[nodiscard]] quint64 totalBreaks() const { return m_total; }
    [[nodiscard]] quint64 decisionsSeen() const { return m_seen; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    QList<std::pair<QString, quint64>> m_counts; ///< reason code → breaks
    quint64 m_total = 0;
    quint64 m_seen = 0;
};

} // namespace Limpet
