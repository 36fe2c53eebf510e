#pragma once

// Helpers for streaming tests: a deterministic byte source that is generated on the fly (never
// held whole), a running hash to compare what was sent with what arrived, and the process RSS.

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace LimpetTest {

/// A fast, order-sensitive running hash over a byte stream of any chunking: feeding "ab" then
/// "c" gives the same value as feeding "abc". Not cryptographic; it only has to notice lost,
/// duplicated, reordered or altered bytes.
class StreamHash
{
public:
    void add(QByteArrayView data);
    [[nodiscard]] quint64 value() const;
    [[nodiscard]] qint64 count() const { return m_count; }

private:
    void mix(quint64 word);

    quint64 m_state = 0xcbf29ce484222325ULL;
    qint64 m_count = 0;
    quint64 m_carry = 0; ///< bytes of an incomplete word, little-endian
    int m_carryBytes = 0;
};

/// The deterministic content of a generated stream: bytes [offset, offset + length). Blocks of
/// 64 KiB of pseudo-random bytes, each starting with its block number, so a misplaced block
/// changes the hash.
[[nodiscard]] QByteArray patternBytes(qint64 offset, qint64 length);

/// Resident set size of this process (VmRSS of /proc/self/status), in bytes; -1 if unknown.
/// The engine runs in-process in these tests, so this includes the proxy's memory.
[[nodiscard]] qint64 currentRssBytes();

/// Tracks the peak RSS over a transfer, sampling when asked (cheap enough every few MiB).
class RssWatch
{
public:
    RssWatch();
    void sample();
    [[nodiscard]] qint64 baseline() const { return m_baseline; }
    [[nodiscard]] qint64 peak() const { return m_peak; }
    [[nodiscard]] qint64 growth() const { return m_peak - m_baseline; }

private:
    qint64 m_baseline;
    qint64 m_peak;
};

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 GiB = 1024 * MiB;

} // namespace LimpetTest
