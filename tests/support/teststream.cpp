#include "teststream.h"

#include <QFile>
#include <QRandomGenerator>
#include <QtEndian>

#include <cstring>

namespace LimpetTest {

void StreamHash::mix(quint64 word)
{
    m_state ^= word;
    m_state *= 0x100000001b3ULL;
    m_state ^= m_state >> 29;
}

void StreamHash::add(QByteArrayView data)
{
    const char *p = data.data();
    qsizetype n = data.size();
    m_count += n;
    // Complete a word started by an earlier call.
    while (m_carryBytes > 0 && n > 0) {
        m_carry |= quint64(quint8(*p)) << (8 * m_carryBytes);
        ++p;
        --n;
        if (++m_carryBytes == 8) {
            mix(m_carry);
            m_carry = 0;
            m_carryBytes = 0;
        }
    }
    while (n >= 8) {
        quint64 w;
        std::memcpy(&w, p, 8);
        mix(qFromLittleEndian(w));
        p += 8;
        n -= 8;
    }
    for (qsizetype i = 0; i < n; ++i) {
        m_carry |= quint64(quint8(p[i])) << (8 * m_carryBytes);
        ++m_carryBytes;
    }
}

quint64 StreamHash::value() const
{
    // The pending partial word and the length make the value final without changing the state.
    quint64 s = m_state;
    s ^= m_carry + 0x9e3779b97f4a7c15ULL * quint64(m_carryBytes);
    s *= 0x100000001b3ULL;
    s ^= quint64(m_count);
    s *= 0xff51afd7ed558ccdULL;
    s ^= s >> 33;
    return s;
}

namespace {

constexpr qint64 BlockSize = 64 * 1024;

const QByteArray &baseBlock()
{
    static const QByteArray block = [] {
        QByteArray b(BlockSize, Qt::Uninitialized);
        QRandomGenerator gen(20240611);
        gen.fillRange(reinterpret_cast<quint32 *>(b.data()), BlockSize / 4);
        return b;
    }();
    return block;
}

} // namespace

QByteArray patternBytes(qint64 offset, qint64 length)
{
    const QByteArray &base = baseBlock();
    QByteArray out(length, Qt::Uninitialized);
    char *dst = out.data();
    qint64 pos = offset;
    const qint64 end = offset + length;
    while (pos < end) {
        const qint64 block = pos / BlockSize;
        const qint64 within = pos % BlockSize;
        const qint64 n = qMin(BlockSize - within, end - pos);
        std::memcpy(dst, base.constData() + within, size_t(n));
        // The first 8 bytes of each block carry its number.
        if (within < 8) {
            const quint64 number = qToLittleEndian(quint64(block));
            const qint64 stampEnd = qMin<qint64>(8, within + n);
            std::memcpy(
                dst, reinterpret_cast<const char *>(&number) + within, size_t(stampEnd - within));
        }
        dst += n;
        pos += n;
    }
    return out;
}

qint64 currentRssBytes()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray all = f.readAll();
    const qsizetype at = all.indexOf("VmRSS:");
    if (at < 0)
        return -1;
    const qsizetype eol = all.indexOf('\n', at);
    QByteArray value = all.mid(at + 6, eol < 0 ? -1 : eol - at - 6).trimmed();
    // "12345 kB"
    const qsizetype space = value.indexOf(' ');
    if (space > 0)
        value.truncate(space);
    bool ok = false;
    const qint64 kb = value.toLongLong(&ok);
    return ok ? kb * 1024 : -1;
}

RssWatch::RssWatch()
    : m_baseline(currentRssBytes())
    , m_peak(m_baseline)
{ }

void RssWatch::sample()
{
    m_peak = qMax(m_peak, currentRssBytes());
}

} // namespace LimpetTest
