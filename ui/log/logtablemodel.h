#pragma once

#include "log/eventlog.h"

#include <QAbstractTableModel>

#include <deque>

namespace Limpet {

/// An instance's events, oldest first, one row each: the Log tab's table. Bounded: past
/// `capacity` rows the oldest go.
class LogTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LogTableModel)

public:
    enum Column {
        TimeColumn,
        KindColumn,
        BackendColumn,
        ChangeColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        KindRole = Qt::UserRole + 1, ///< the event's kind as the engine names it
        ErrorRole, ///< bool: the event is an error (see isError)
    };

    explicit LogTableModel(int capacity = 10000, QObject *parent = nullptr);

    /// Appends events (oldest first), dropping the oldest rows past the capacity.
    void append(const QList<EngineEvent> &events);
    void clear();
    [[nodiscard]] const EngineEvent &event(int row) const { return m_events.at(size_t(row)); }
    [[nodiscard]] int capacity() const { return m_capacity; }

    /// Something went wrong: a backend went down, a reload failed, an API call was refused.
    [[nodiscard]] static bool isError(const EngineEvent &event);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

private:
    std::deque<EngineEvent> m_events;
    const int m_capacity;
};

} // namespace Limpet
