#pragma once

#include "inspector/cookieformats.h"

#include <QAbstractTableModel>

namespace Limpet {

/// The cookies of one inspected text, one row each: the browser's columns (devtools,
/// Application → Cookies), then what the balancers make of the value.
class CookieTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CookieTableModel)

public:
    enum Column {
        NameColumn,
        ValueColumn,
        RecognisedColumn,
        DecodedColumn,
        SignatureColumn,
        AgeColumn,
        DomainColumn,
        PathColumn,
        SecureColumn,
        HttpOnlyColumn,
        SameSiteColumn,
        ColumnCount
    };

    explicit CookieTableModel(QObject *parent = nullptr);

    /// Shows `cookies`, with ages computed at `now`.
    void setCookies(const QList<InspectedCookie> &cookies, const QDateTime &now);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(
        int section, Qt::Orientation orientation, int role) const override;

    /// What the value decodes to, for people: the most likely reading, its backend and pool.
    [[nodiscard]] static QString decodedText(const CookieReading &reading);

private:
    [[nodiscard]] QString text(const InspectedCookie &cookie, int column) const;
    [[nodiscard]] QString toolTip(const InspectedCookie &cookie, int column) const;

    QList<InspectedCookie> m_cookies;
    QDateTime m_now;
};

} // namespace Limpet
