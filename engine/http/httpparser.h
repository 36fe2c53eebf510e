#pragma once

#include "http/httphead.h"

#include <llhttp.h>

#include <QByteArray>

namespace Limpet {

/// Why a message could not be parsed; maps to the status the client gets (see httperror.h).
enum class ParseError {
    None,
    Malformed, ///< 400 (requests) / 502 (responses)
    UriTooLong, ///< 414
    HeadersTooLarge ///< 431
};

/// Size limits of a message head (config [limits]).
struct HttpLimits
{
    int maxUri = 8192;
    int maxHeaderBytes = 65536;
    int maxHeaders = 100;
};

/// Streaming HTTP/1.x parser over llhttp, for requests or responses.
///
/// Feed it the bytes of a connection as they arrive. It stops at two points so the caller can act:
/// when a head is complete (the head is then in head()) and when a message is complete. Bodies are
/// not copied: the caller forwards the bytes the parser consumed, as they were (chunk framing and
/// trailers included), unless it asked for decoded body bytes (setCollectBody).
/// Not thread-safe; lives with its connection.
class HttpParser
{
public:
    enum class Kind {
        Request,
        Response
    };
    enum class Event {
        NeedMore, ///< all input consumed, nothing complete yet
        HeadComplete, ///< head() is ready; consumed bytes include the head
        MessageComplete, ///< the body (if any) ended with the consumed bytes
        Upgrade, ///< message complete and the connection switches protocol
        Error ///< see error() / errorReason()
    };
    using Limits = HttpLimits;

    explicit HttpParser(Kind kind, HttpLimits limits = HttpLimits());
    Q_DISABLE_COPY_MOVE(HttpParser)

    /// Parses buffer[from..] up to the next event. `consumed` is set to the bytes used.
    /// Between HeadComplete and the following call, head() may be modified by the caller.
    /// `buffer` must be the same QByteArray (possibly grown) for the whole head.
    Event feed(const QByteArray &buffer, qsizetype from, qsizetype &consumed);
    /// The peer closed: completes a close-delimited response body. Returns MessageComplete,
    /// or Error when a message was cut short.
    Event finish();

    /// Prepares for the next message on the same connection (keeps no head).
    void startNextMessage();
    /// For responses: the request was HEAD, so the response has no body whatever it says.
    void setRequestWasHead(bool head) { m_requestWasHead = head; }
    /// Decoded body bytes go to takeBody() instead of being left for raw forwarding.
    void setCollectBody(bool collect) { m_collectBody = collect; }
    QByteArray takeBody() { return std::exchange(m_body, {}); }

    [[nodiscard]] HttpHead &head() { return m_head; }
    /// Drops the head (and its share of the receive buffer) once it has been forwarded.
    void releaseHead() { m_head = HttpHead(); }
    [[nodiscard]] bool inHead() const { return !m_headDone; }
    [[nodiscard]] bool messageNeedsEof() const { return llhttp_message_needs_eof(&m_parser); }
    [[nodiscard]] ParseError error() const { return m_error; }
    [[nodiscard]] QByteArray errorReason() const { return m_errorReason; }

private:
    static int onMessageBegin(llhttp_t *p);
    static int onUrl(llhttp_t *p, const char *at, size_t len);
    static int onStatus(llhttp_t *p, const char *at, size_t len);
    static int onHeaderField(llhttp_t *p, const char *at, size_t len);
    static int onHeaderValue(llhttp_t *p, const char *at, size_t len);
    static int onHeadersComplete(llhttp_t *p);
    static int onBody(llhttp_t *p, const char *at, size_t len);
    static int onMessageComplete(llhttp_t *p);
    static const llhttp_settings_t *settings();

    int fail(ParseError e, const char *reason);
    void extend(HttpHead::Span &span, const char *at, size_t len);

    llhttp_t m_parser;
    Kind m_kind;
    Limits m_limits;
    HttpHead m_head;
    const char *m_base = nullptr; ///< data of the buffer being parsed, for span offsets
    qsizetype m_headBytes = 0;
    qsizetype m_headStart = 0; ///< offset in the buffer where the current head began
    bool m_headDone = false;
    bool m_inValue = false;
    bool m_requestWasHead = false;
    bool m_collectBody = false;
    bool m_messageDone = false;
    ParseError m_error = ParseError::None;
    QByteArray m_errorReason;
    QByteArray m_body;
};

} // namespace Limpet
