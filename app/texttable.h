#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Limpet {

/// A plain-text table for terminals: columns as wide as their widest cell, two spaces apart,
/// no colours, no trailing spaces. Widths count UTF-16 code units (fine for the ASCII the admin
/// API's names and addresses are made of).
class TextTable final
{
public:
    enum class Align {
        Left,
        Right, ///< numbers
    };
    struct Column
    {
        QString header; ///< all headers empty: no header line
        Align align = Align::Left;
    };

    explicit TextTable(QList<Column> columns);

    /// Cells beyond the column count are dropped; missing cells are empty.
    void addRow(QStringList cells);
    [[nodiscard]] qsizetype rowCount() const { return m_rows.size(); }

    /// The header line (when any header is set) and the rows, each ending with '\n'.
    [[nodiscard]] QString toString() const;

private:
    QList<Column> m_columns;
    QList<QStringList> m_rows;
};

} // namespace Limpet
