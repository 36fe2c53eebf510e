#include "log/decisionlog.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimeZone>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcAffinity, "limpet.affinity", QtInfoMsg)

namespace Limpet {

DecisionLog::DecisionLog(int capacity)
    : m_capacity(static_cast<size_t>(qMax(0, capacity)))
{
    m_ring.reserve(qMin<size_t>(m_capacity, 1024));
}

std::optional<QString> DecisionLog::openAccessLog(const QString &path)
{
    QMutexLocker lock(&m_fileLock);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return u"cannot open access log %1: %2"_s.arg(path, m_file.errorString());
    return std::nullopt;
}

QByteArray DecisionLog::accessLine(const Decision &d, const RequestFacts &facts)
{
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(d.timeMs, QTimeZone::utc());
    const auto quoted = [](const QByteArray &v) {
        if (v.isEmpty())
            return QByteArray("\"-\"");
        QByteArray out = v;
        out.replace('"', "\\\"");
        return QByteArray('"' + out + '"');
    };
    QByteArray line = d.client.toString().toLatin1();
    line += " - - [" + when.toString(u"dd/MMM/yyyy:HH:mm:ss"_s).toLatin1() + " +0000] ";
    line += quoted(facts.requestLine) + ' ' + QByteArray::number(d.status) + ' '
        + QByteArray::number(d.bytesSent) + ' ' + quoted(facts.referer) + ' '
        + quoted(facts.userAgent);
    line += " pool=" + d.pool.toUtf8();
    line += " backend=" + (d.backend ? d.backend->name().toUtf8() : QByteArray("-"));
    line += " key=" + (d.key.isEmpty() ? QByteArray("-") : d.key);
    line += " reason=" + reasonCodeName(d.reason).toLatin1();
    if (d.changedBackend)
        line += " moved-from=" + d.previousBackend.toUtf8();
    line += " ms=" + QByteArray::number(d.durationMs);
    return line;
}

void DecisionLog::record(Decision d, const RequestFacts &facts)
{
    if (lcAffinity().isDebugEnabled()) {
        // Reads like mod_proxy_balancer's "found value ... for stickysession ..." lines.
        if (!d.detail.isEmpty())
            qCDebug(lcAffinity).noquote() << d.detail;
        qCDebug(lcAffinity).noquote() << u"pool %1: %2 -> %3 (%4%5)"_s.arg(d.pool,
            d.client.toString(), d.backend ? d.backend->name() : u"-"_s, reasonCodeName(d.reason),
            d.changedBackend ? u", moved from "_s + d.previousBackend : QString());
    }
    QByteArray line;
    if (m_file.isOpen())
        line = accessLine(d, facts) + '\n';
    if (m_capacity > 0) {
        QMutexLocker lock(&m_lock);
        if (m_ring.size() < m_capacity)
            m_ring.push_back(std::move(d));
        else
            m_ring[m_next] = std::move(d); // the old record is freed under the lock: cheap
        m_next = (m_next + 1) % m_capacity;
        ++m_total;
    }
    if (!line.isEmpty()) {
        QMutexLocker lock(&m_fileLock);
        m_file.write(line);
        m_file.flush();
    }
}

QList<Decision> DecisionLog::recent(int limit, const QByteArray &key, const QString &client) const
{
    QList<Decision> out;
    QMutexLocker lock(&m_lock);
    const size_t n = m_ring.size();
    for (size_t i = 0; i < n && out.size() < limit; ++i) {
        const size_t index = (m_next + n - 1 - i) % n;
        const Decision &d = m_ring[index];
        if (!key.isEmpty() && d.key != key && d.keySeen != key)
            continue;
        if (!client.isEmpty() && d.client.toString() != client)
            continue;
        out.append(d);
    }
    return out;
}

std::pair<QList<Decision>, quint64> DecisionLog::since(
    quint64 seen, int limit, const DecisionFilter &filter) const
{
    QMutexLocker lock(&m_lock);
    const size_t n = m_ring.size();
    const quint64 waiting = m_total > seen ? m_total - seen : 0;
    const auto available = static_cast<size_t>(qMin<quint64>(waiting, n));
    const size_t newest = qMin(available, static_cast<size_t>(qMax(limit, 0)));
    // Older ones than the newest `limit` only when the filter wants them (compared in place:
    // nothing is copied that is not taken).
    const size_t first = filter.isEmpty() ? newest : available;
    QList<Decision> out;
    out.reserve(static_cast<qsizetype>(newest));
    for (size_t i = first; i > 0; --i) {
        const Decision &d = m_ring[(m_next + n - i) % n];
        if (i <= newest || filter.matches(d))
            out.append(d);
    }
    return {out, m_total};
}

quint64 DecisionLog::total() const
{
    QMutexLocker lock(&m_lock);
    return m_total;
}

} // namespace Limpet
