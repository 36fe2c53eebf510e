#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <initializer_list>
#include <optional>

namespace Limpet {

/// The head of one HTTP/1.x message (request or response) as it arrived.
/// Header names and values are views into `raw`, the bytes received, so parsing a head copies no
/// header bytes; edits are collected and applied when the head is serialized for the next hop.
class HttpHead
{
public:
    struct Span
    {
        qsizetype offset = 0;
        qsizetype length = 0;
    };
    struct Field
    {
        Span name;
        Span value;
        bool removed = false;
    };

    // Request line (requests) or status line (responses).
    QByteArray method; ///< "GET", ...; empty for responses
    Span target; ///< request target as received
    int status = 0; ///< responses only
    Span reason; ///< responses only
    int versionMajor = 1;
    int versionMinor = 1;
    bool keepAlive = true; ///< what llhttp decided from version and Connection
    bool upgrade = false;
    bool chunked = false;
    std::optional<qint64> contentLength;

    QByteArray raw; ///< the received bytes the spans point into (implicitly shared, not copied)
    QList<Field> fields;
    QByteArray added; ///< extra "Name: value\r\n" lines appended on serialization (one buffer)

    [[nodiscard]] QByteArrayView view(Span s) const
    {
        return QByteArrayView(raw.constData() + s.offset, s.length);
    }
    [[nodiscard]] QByteArrayView targetView() const
    {
        return m_targetOverride.isEmpty() ? view(target) : QByteArrayView(m_targetOverride);
    }
    /// Replaces the request target sent to the next hop (path rewriting).
    void overrideTarget(QByteArray newTarget) { m_targetOverride = std::move(newTarget); }
    /// First value of a header (case-insensitive name), or an empty optional.
    [[nodiscard]] std::optional<QByteArrayView> header(QByteArrayView name) const;
    /// True when a header's comma-separated value list contains `token` (case-insensitive).
    [[nodiscard]] bool headerHasToken(QByteArrayView name, QByteArrayView token) const;
    /// Marks every header with this name removed. Returns how many there were.
    qsizetype removeHeader(QByteArrayView name);
    /// Same for several names in one pass.
    qsizetype removeHeaders(std::initializer_list<QByteArrayView> names);
    void addHeader(QByteArrayView name, QByteArrayView value);

    /// Removes the hop-by-hop headers (RFC 9110 7.6.1): Connection, the headers it names,
    /// Keep-Alive, Proxy-Connection, TE, Trailer, Upgrade (kept when `keepUpgrade`),
    /// Proxy-Authenticate/Authorization are end-to-end here and kept.
    /// Transfer-Encoding is kept: bodies are forwarded with their framing as received.
    void removeHopByHop(bool keepUpgrade);

    /// "METHOD target HTTP/1.1\r\n" + live fields + added + "\r\n".
    [[nodiscard]] QByteArray serializeRequest() const;
    /// "HTTP/1.1 status reason\r\n" + live fields + added + "\r\n".
    [[nodiscard]] QByteArray serializeResponse() const;

private:
    /// Bytes of the live fields, the added lines and the final CRLF.
    [[nodiscard]] qsizetype fieldsSize() const;
    /// Writes them at `at` (fieldsSize() bytes); returns the end.
    char *writeFields(char *at) const;
    QByteArray m_targetOverride;
};

} // namespace Limpet
