#include "texttable.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr qsizetype ColumnGap = 2;

} // namespace

TextTable::TextTable(QList<Column> columns)
    : m_columns(std::move(columns))
{ }

void TextTable::addRow(QStringList cells)
{
    cells.resize(m_columns.size());
    m_rows.append(std::move(cells));
}

QString TextTable::toString() const
{
    const bool hasHeader = std::any_of(
        m_columns.cbegin(), m_columns.cend(), [](const Column &c) { return !c.header.isEmpty(); });
    QList<qsizetype> widths;
    for (const Column &c : m_columns)
        widths.append(c.header.size());
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }

    QString out;
    const auto appendLine = [&](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                line += QString(ColumnGap, u' ');
            const QString &cell = cells[i];
            if (m_columns[i].align == Align::Right)
                line += cell.rightJustified(widths[i], u' ');
            else
                line += cell.leftJustified(widths[i], u' ');
        }
        // Trailing padding and empty last columns would only be noise.
        qsizetype end = line.size();
        while (end > 0 && line[end - 1] == u' ')
            --end;
        line.truncate(end);
        out += line + u'\n';
    };
    if (hasHeader) {
        QStringList headers;
        for (const Column &c : m_columns)
            headers.append(c.header);
        appendLine(headers);
    }
    for (const QStringList &row : m_rows)
        appendLine(row);
    return out;
}

} // namespace Limpet
