#include "http/httpparser.h"

#include <cstring>

namespace Limpet {

HttpParser::HttpParser(Kind kind, HttpLimits limits)
    : m_kind(kind)
    , m_limits(limits)
{
    llhttp_init(&m_parser, kind == Kind::Request ? HTTP_REQUEST : HTTP_RESPONSE, settings());
    m_parser.data = this;
}

const llhttp_settings_t *HttpParser::settings()
{
    static const llhttp_settings_t s = [] {
        llhttp_settings_t st;
        llhttp_settings_init(&st);
        st.on_message_begin = &HttpParser::onMessageBegin;
        st.on_url = &HttpParser::onUrl;
        st.on_status = &HttpParser::onStatus;
        st.on_header_field = &HttpParser::onHeaderField;
        st.on_header_value = &HttpParser::onHeaderValue;
        st.on_headers_complete = &HttpParser::onHeadersComplete;
        st.on_body = &HttpParser::onBody;
        st.on_message_complete = &HttpParser::onMessageComplete;
        return st;
    }();
    return &s;
}

void HttpParser::startNextMessage()
{
    m_head = HttpHead();
    m_headBytes = 0;
    m_headDone = false;
    m_inValue = false;
    m_messageDone = false;
    m_collectBody = false;
    m_body.clear();
}

int HttpParser::fail(ParseError e, const char *reason)
{
    m_error = e;
    m_errorReason = reason;
    return HPE_USER;
}

void HttpParser::extend(HttpHead::Span &span, const char *at, size_t len)
{
    const qsizetype offset = at - m_base;
    if (span.length == 0)
        span.offset = offset;
    span.length = offset + static_cast<qsizetype>(len) - span.offset;
}

int HttpParser::onMessageBegin(llhttp_t *p)
{
    auto *self = static_cast<HttpParser *>(p->data);
    self->m_messageDone = false;
    self->m_head.fields.reserve(16); // most heads: one allocation for all their fields
    return 0;
}

int HttpParser::onUrl(llhttp_t *p, const char *at, size_t len)
{
    auto *self = static_cast<HttpParser *>(p->data);
    self->extend(self->m_head.target, at, len);
    if (self->m_head.target.length > self->m_limits.maxUri)
        return self->fail(ParseError::UriTooLong, "request URI too long");
    return 0;
}

int HttpParser::onStatus(llhttp_t *p, const char *at, size_t len)
{
    auto *self = static_cast<HttpParser *>(p->data);
    self->extend(self->m_head.reason, at, len);
    return 0;
}

int HttpParser::onHeaderField(llhttp_t *p, const char *at, size_t len)
{
    auto *self = static_cast<HttpParser *>(p->data);
    if (self->m_headDone)
        return 0; // a trailer: forwarded with the body bytes, not part of the head
    if (self->m_inValue || self->m_head.fields.isEmpty()) {
        if (self->m_head.fields.size() >= self->m_limits.maxHeaders)
            return self->fail(ParseError::HeadersTooLarge, "too many header fields");
        self->m_head.fields.append(HttpHead::Field());
        self->m_inValue = false;
    }
    self->extend(self->m_head.fields.last().name, at, len);
    return 0;
}

int HttpParser::onHeaderValue(llhttp_t *p, const char *at, size_t len)
{
    auto *self = static_cast<HttpParser *>(p->data);
    if (self->m_headDone)
        return 0;
    self->m_inValue = true;
    self->extend(self->m_head.fields.last().value, at, len);
    return 0;
}

int HttpParser::onHeadersComplete(llhttp_t *p)
{
    auto *self = static_cast<HttpParser *>(p->data);
    HttpHead &h = self->m_head;
    h.versionMajor = p->http_major;
    h.versionMinor = p->http_minor;
    h.keepAlive = llhttp_should_keep_alive(p);
    h.upgrade = p->upgrade;
    h.chunked = (p->flags & F_CHUNKED) != 0;
    if (p->flags & F_CONTENT_LENGTH)
        h.contentLength = static_cast<qint64>(p->content_length);
    for (const auto &f : h.fields) {
        // llhttp accepts obs-fold (RFC 9112 5.2): a proxy must reject it in requests.
        const QByteArrayView value(h.raw.constData() + f.value.offset, f.value.length);
        if (value.contains('\r') || value.contains('\n'))
            return self->fail(ParseError::Malformed, "obsolete line folding in a header");
    }
    if (self->m_kind == Kind::Request) {
        if (h.header("transfer-encoding").has_value() && !h.chunked)
            return self->fail(ParseError::Malformed, "request Transfer-Encoding is not chunked");
        h.method = llhttp_method_name(static_cast<llhttp_method_t>(p->method));
        if (h.target.length == 0)
            return self->fail(ParseError::Malformed, "empty request target");
        if (h.versionMajor != 1)
            return self->fail(ParseError::Malformed, "unsupported HTTP version");
        // Fields llhttp accepts but a proxy must not pass on ambiguously.
        if (h.header("host").has_value()) {
            int hosts = 0;
            for (const auto &f : h.fields)
                hosts += QByteArrayView(h.raw.constData() + f.name.offset, f.name.length)
                             .compare("host", Qt::CaseInsensitive)
                    == 0;
            if (hosts > 1)
                return self->fail(ParseError::Malformed, "more than one Host header");
        } else if (h.versionMinor >= 1) {
            return self->fail(ParseError::Malformed, "HTTP/1.1 request without Host");
        }
    } else {
        h.status = p->status_code;
    }
    self->m_headDone = true;
    // No body, whatever Content-Length says: responses to HEAD, 1xx, 204 and 304
    // (RFC 9110 6.4.1). Parsing then pauses at message complete.
    if (self->m_kind == Kind::Response
        && (self->m_requestWasHead || h.status / 100 == 1 || h.status == 204 || h.status == 304)
        && !(h.status == 101 && h.upgrade))
        return 1;
    return HPE_PAUSED;
}

int HttpParser::onBody(llhttp_t *p, const char *at, size_t len)
{
    auto *self = static_cast<HttpParser *>(p->data);
    if (self->m_collectBody)
        self->m_body.append(at, static_cast<qsizetype>(len));
    return 0;
}

int HttpParser::onMessageComplete(llhttp_t *p)
{
    auto *self = static_cast<HttpParser *>(p->data);
    self->m_messageDone = true;
    return HPE_PAUSED;
}

HttpParser::Event HttpParser::feed(const QByteArray &buffer, qsizetype from, qsizetype &consumed)
{
    consumed = 0;
    if (m_error != ParseError::None)
        return Event::Error;
    if (m_messageDone) { // completed together with its head (no body): report it now
        m_messageDone = false;
        return m_parser.upgrade ? Event::Upgrade : Event::MessageComplete;
    }
    const qsizetype available = buffer.size() - from;
    // Once the head is done, an empty feed still lets llhttp finish a body-less message.
    if (available <= 0 && !m_headDone)
        return Event::NeedMore;
    if (!m_headDone)
        m_head.raw = buffer; // shallow: spans index into the received bytes
    m_base = buffer.constData();
    const char *start = buffer.constData() + from;

    // Bound what the head may take before parsing, so an endless head is refused early.
    qsizetype len = available;
    if (!m_headDone) {
        const qsizetype budget = m_limits.maxHeaderBytes + m_limits.maxUri + 64 - m_headBytes;
        len = qMin(len, budget + 1);
    }

    const bool wasHeadDone = m_headDone;
    if (!m_headDone && m_headBytes == 0)
        m_headStart = from;
    const llhttp_errno_t err = llhttp_execute(&m_parser, start, static_cast<size_t>(len));
    if (err == HPE_OK) {
        consumed = len;
    } else if (err == HPE_PAUSED || err == HPE_PAUSED_UPGRADE) {
        consumed = llhttp_get_error_pos(&m_parser) - start;
        llhttp_resume(&m_parser);
    } else {
        if (m_error == ParseError::None) {
            m_error = ParseError::Malformed;
            m_errorReason = llhttp_get_error_reason(&m_parser);
        }
        return Event::Error;
    }

    if (!m_headDone)
        m_head.raw = QByteArray(); // let the caller append without detaching its buffer
    if (!wasHeadDone) {
        m_headBytes += consumed;
        if (!m_headDone && m_headBytes > m_limits.maxHeaderBytes + m_limits.maxUri) {
            m_error = m_head.fields.isEmpty() && m_head.target.length > 0 && m_kind == Kind::Request
                    && m_headBytes - m_head.target.length < 64
                ? ParseError::UriTooLong
                : ParseError::HeadersTooLarge;
            m_errorReason = "request head too large";
            return Event::Error;
        }
        if (m_headDone) {
            const qsizetype headSize = m_headBytes;
            if (headSize > m_limits.maxHeaderBytes + m_head.target.length + 64) {
                m_error = ParseError::HeadersTooLarge;
                m_errorReason = "header block too large";
                return Event::Error;
            }
            // llhttp 8 accepts a bare LF as a line end in places; a proxy must not (RFC 9112 2.2:
            // a recipient that forwards must not reinterpret), so refuse the message here,
            // before the caller forwards anything.
            const char *data = buffer.constData();
            const char *end = data + from + consumed;
            for (const char *at = data + m_headStart;
                 (at = static_cast<const char *>(memchr(at, '\n', size_t(end - at)))); ++at) {
                if (at == data + m_headStart || at[-1] != '\r') {
                    m_error = ParseError::Malformed;
                    m_errorReason = "bare LF line ending";
                    return Event::Error;
                }
            }
            // A head that also completed its message (HEAD response) is reported as a head;
            // the next feed reports the completion without needing bytes.
            return Event::HeadComplete;
        }
    }
    if (m_messageDone) {
        m_messageDone = false;
        return m_parser.upgrade ? Event::Upgrade : Event::MessageComplete;
    }
    return Event::NeedMore;
}

HttpParser::Event HttpParser::finish()
{
    const llhttp_errno_t err = llhttp_finish(&m_parser);
    if (err == HPE_OK || err == HPE_PAUSED)
        return m_messageDone ? Event::MessageComplete : Event::Error;
    if (m_error == ParseError::None) {
        m_error = ParseError::Malformed;
        m_errorReason = llhttp_get_error_reason(&m_parser);
    }
    return Event::Error;
}

} // namespace Limpet
