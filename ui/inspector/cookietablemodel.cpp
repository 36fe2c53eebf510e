#include "inspector/cookietablemodel.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Limpet {

CookieTableModel::CookieTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void CookieTableModel::setCookies(const QList<InspectedCookie> &cookies, const QDateTime &now)
{
    // A new text is a new table: nothing of the old rows (selection, sort) carries over.
    beginResetModel();
    m_cookies = cookies;
    m_now = now;
    endResetModel();
}

int CookieTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cookies.size());
}

int CookieTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CookieTableModel::decodedText(const CookieReading &r)
{
    QString text = r.decoded;
    if (!r.backend.isEmpty())
        text = tr("%1 → backend %2").arg(text, r.backend);
    if (!r.pool.isEmpty())
        text = tr("%1 (pool %2)").arg(text, r.pool);
    return text;
}

QString CookieTableModel::text(const InspectedCookie &c, int column) const
{
    const auto flag
        = [&](bool on) { return c.fromSetCookie ? (on ? tr("yes") : tr("no")) : QString(); };
    switch (column) {
    case NameColumn:
        return c.name;
    case ValueColumn:
        return c.value;
    case RecognisedColumn:
        if (c.readings.isEmpty())
            return tr("not a balancer cookie");
        if (c.readings.size() == 1)
            return CookieFormats::formatName(c.readings.first().format);
        return tr("%1 (or %n more)", nullptr, static_cast<int>(c.readings.size() - 1))
            .arg(CookieFormats::formatName(c.readings.first().format));
    case DecodedColumn:
        return c.readings.isEmpty() ? QString() : decodedText(c.readings.first());
    case SignatureColumn:
        return CookieFormats::signatureText(c);
    case AgeColumn:
        return CookieFormats::ageText(c, m_now);
    case DomainColumn:
        return c.domain;
    case PathColumn:
        return c.path;
    case SecureColumn:
        return flag(c.secure);
    case HttpOnlyColumn:
        return flag(c.httpOnly);
    case SameSiteColumn:
        return c.sameSite;
    default:
        return {};
    }
}

QString CookieTableModel::toolTip(const InspectedCookie &c, int column) const
{
    if ((column == RecognisedColumn || column == DecodedColumn) && !c.readings.isEmpty()) {
        QStringList lines;
        for (const CookieReading &r : c.readings)
            lines.append(tr("%1: %2").arg(CookieFormats::formatName(r.format), decodedText(r)));
        return lines.join(u'\n');
    }
    if (column == SignatureColumn && c.signedValue)
        return tr("An HMAC-SHA256 of the value: only the instance holds the secret to check it. "
                  "The dry run below says whether it passes (cookie-invalid-signature if not).");
    const QString t = text(c, column);
    return t.isEmpty() ? QString() : t;
}

QVariant CookieTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const InspectedCookie &c = m_cookies.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return text(c, index.column());
    case Qt::ToolTipRole:
        return toolTip(c, index.column());
    default:
        return {};
    }
}

QVariant CookieTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RecognisedColumn:
            return tr("The balancer formats the value fits, most likely first");
        case SignatureColumn:
            return tr("Limpet insert cookies can carry an HMAC signature (sign = true)");
        case AgeColumn:
            return tr("Limpet's maxidle/maxlife dates in the value, and the Set-Cookie lifetime");
        case SameSiteColumn:
            return tr("SameSite: when the browser sends the cookie on cross-site requests");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case RecognisedColumn:
        return tr("Recognised as");
    case DecodedColumn:
        return tr("Decoded");
    case SignatureColumn:
        return tr("Signature");
    case AgeColumn:
        return tr("Age / expiry");
    case DomainColumn:
        return tr("Domain");
    case PathColumn:
        return tr("Path");
    case SecureColumn:
        return tr("Secure");
    case HttpOnlyColumn:
        return tr("HttpOnly");
    case SameSiteColumn:
        return tr("SameSite");
    default:
        return {};
    }
}

} // namespace Limpet
