// Tests of the streaming HTTP/1.x parser (engine/http/httpparser.h), the parsed head
// (engine/http/httphead.h) and the status a refused request gets (engine/http/httperror.h).

#include "http/httperror.h"
#include "http/httphead.h"
#include "http/httpparser.h"

#include <QTest>

using namespace Qt::StringLiterals;
using Limpet::HttpHead;
using Limpet::HttpLimits;
using Limpet::HttpParser;
using Limpet::ParseError;
using Event = Limpet::HttpParser::Event;

namespace {

/// What the parser reported while it was fed a stream, event by event.
struct Trace
{
    QList<Event> events;
    QList<qsizetype> consumed; ///< bytes consumed by the feed that reported each event
    QList<HttpHead> heads; ///< a copy of head() at each HeadComplete
    QByteArray body; ///< decoded body bytes, when collected
    qsizetype total = 0; ///< bytes consumed in all
    ParseError error = ParseError::None;
    QByteArray errorReason;
};

/// Feeds `input` to `parser` `chunk` bytes at a time (0: all at once), into one growing buffer as
/// a connection does, until the input is used up or an error. Prepares for the next message after
/// each MessageComplete; collects decoded body bytes when `collectBody`.
Trace drive(HttpParser &parser, const QByteArray &input, qsizetype chunk, bool collectBody = false)
{
    Trace t;
    QByteArray buffer;
    qsizetype pos = 0;
    qsizetype fed = 0;
    for (int guard = 0; guard < 1000000; ++guard) {
        qsizetype consumed = -1;
        const Event e = parser.feed(buffer, pos, consumed);
        if (consumed < 0 || pos + consumed > buffer.size()) {
            t.events.append(Event::Error);
            t.errorReason = "bad consumed count";
            return t;
        }
        pos += consumed;
        t.total += consumed;
        if (e == Event::NeedMore) {
            if (fed == input.size())
                break;
            const qsizetype take = chunk > 0 ? qMin(chunk, input.size() - fed) : input.size() - fed;
            buffer.append(input.mid(fed, take));
            fed += take;
            continue;
        }
        t.events.append(e);
        t.consumed.append(consumed);
        if (e == Event::HeadComplete) {
            t.heads.append(parser.head());
            if (collectBody)
                parser.setCollectBody(true);
        } else if (e == Event::MessageComplete) {
            t.body += parser.takeBody();
            parser.startNextMessage();
        } else if (e == Event::Error) {
            t.error = parser.error();
            t.errorReason = parser.errorReason();
            break;
        } else {
            break;
        }
    }
    return t;
}

/// The live header fields as "Name: value" lines, in order.
QByteArrayList headerLines(const HttpHead &head)
{
    QByteArrayList lines;
    for (const HttpHead::Field &f : head.fields) {
        if (!f.removed)
            lines.append(head.view(f.name).toByteArray() + ": " + head.view(f.value).toByteArray());
    }
    return lines;
}

/// Parses one complete request head given in one piece.
HttpHead parseRequestHead(const QByteArray &raw)
{
    HttpParser parser(HttpParser::Kind::Request);
    qsizetype consumed = 0;
    const Event e = parser.feed(raw, 0, consumed);
    if (e != Event::HeadComplete)
        qWarning("request head did not parse: %s", parser.errorReason().constData());
    return parser.head();
}

HttpHead parseResponseHead(const QByteArray &raw)
{
    HttpParser parser(HttpParser::Kind::Response);
    qsizetype consumed = 0;
    const Event e = parser.feed(raw, 0, consumed);
    if (e != Event::HeadComplete)
        qWarning("response head did not parse: %s", parser.errorReason().constData());
    return parser.head();
}

const char *eventName(Event e)
{
    switch (e) {
    case Event::NeedMore:
        return "NeedMore";
    case Event::HeadComplete:
        return "HeadComplete";
    case Event::MessageComplete:
        return "MessageComplete";
    case Event::Upgrade:
        return "Upgrade";
    case Event::Error:
        return "Error";
    }
    return "?";
}

QByteArray describe(const Trace &t)
{
    QByteArray out;
    for (qsizetype i = 0; i < t.events.size(); ++i)
        out += QByteArray(eventName(t.events.at(i))) + '(' + QByteArray::number(t.consumed.value(i))
            + ") ";
    out += "total=" + QByteArray::number(t.total);
    if (!t.errorReason.isEmpty())
        out += " reason=" + t.errorReason;
    return out;
}

} // namespace

namespace QTest {
template <>
char *toString(const Event &e)
{
    return qstrdup(eventName(e));
}
template <>
char *toString(const ParseError &e)
{
    switch (e) {
    case ParseError::None:
        return qstrdup("None");
    case ParseError::Malformed:
        return qstrdup("Malformed");
    case ParseError::UriTooLong:
        return qstrdup("UriTooLong");
    case ParseError::HeadersTooLarge:
        return qstrdup("HeadersTooLarge");
    }
    return qstrdup("?");
}
} // namespace QTest

class TestHttpParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestHead_data();
    void requestHead();
    void pipelinedRequests_data();
    void pipelinedRequests();
    void chunkedBodyWithTrailers_data();
    void chunkedBodyWithTrailers();
    void trailersAreNotHeadFields();
    void trailersDoNotCountAgainstHeaderLimit();
    void limitsAtTheBoundaryAreAccepted();
    void malformedRequest_data();
    void malformedRequest();
    void statusForRequestErrors();

    void responseStatusAndReason();
    void headResponseHasNoBody();
    void responseWithoutBody_data();
    void responseWithoutBody();
    void closeDelimitedBodyCompletesOnFinish();
    void truncatedBodyIsAnErrorOnFinish();
    void interimResponseThenFinal();

    void removeHopByHop_data();
    void removeHopByHop();
    void serializeResponse();
    void addAndRemoveHeaders();
    void headerHasToken_data();
    void headerHasToken();
};

void TestHttpParser::requestHead_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<int>("minor");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<QByteArrayList>("headers");
    QTest::addColumn<qint64>("contentLength"); // -1: none
    QTest::addColumn<bool>("chunked");

    QTest::newRow("http11-default-keep-alive")
        << "GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"_ba
        << "GET"_ba
        << "/index.html?q=1"_ba << 1 << true << QByteArrayList{"Host: example.com", "Accept: */*"}
        << qint64(-1) << false;
    QTest::newRow("http11-connection-close")
        << "GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"_ba
        << "GET"_ba
        << "/"_ba << 1 << false << QByteArrayList{"Host: a", "Connection: close"} << qint64(-1)
        << false;
    QTest::newRow("http11-close-among-tokens")
        << "GET / HTTP/1.1\r\nHost: a\r\nConnection: x-foo, close\r\n\r\n"_ba
        << "GET"_ba
        << "/"_ba << 1 << false << QByteArrayList{"Host: a", "Connection: x-foo, close"}
        << qint64(-1) << false;
    QTest::newRow("http10-default-close")
        << "GET /old HTTP/1.0\r\nUser-Agent: t\r\n\r\n"_ba
        << "GET"_ba
        << "/old"_ba << 0 << false << QByteArrayList{"User-Agent: t"} << qint64(-1) << false;
    QTest::newRow("http10-keep-alive")
        << "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba
        << "GET"_ba
        << "/"_ba << 0 << true << QByteArrayList{"Connection: keep-alive"} << qint64(-1) << false;
    QTest::newRow("http10-no-headers")
        << "HEAD / HTTP/1.0\r\n\r\n"_ba
        << "HEAD"_ba
        << "/"_ba << 0 << false << QByteArrayList{} << qint64(-1) << false;
    QTest::newRow("post-content-length")
        << "POST /form HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n"_ba
        << "POST"_ba
        << "/form"_ba << 1 << true << QByteArrayList{"Host: a", "Content-Length: 11"} << qint64(11)
        << false;
    QTest::newRow("put-chunked")
        << "PUT /f HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"_ba
        << "PUT"_ba
        << "/f"_ba << 1 << true << QByteArrayList{"Host: a", "Transfer-Encoding: chunked"}
        << qint64(-1) << true;
    QTest::newRow("absolute-form")
        << "GET http://example.com:8080/a/b?c=d#x HTTP/1.1\r\nHost: example.com:8080\r\n\r\n"_ba
        << "GET"_ba
        << "http://example.com:8080/a/b?c=d#x"_ba << 1 << true
        << QByteArrayList{"Host: example.com:8080"} << qint64(-1) << false;
    QTest::newRow("options-asterisk")
        << "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"_ba
        << "OPTIONS"_ba
        << "*"_ba << 1 << true << QByteArrayList{"Host: a"} << qint64(-1) << false;
    QTest::newRow("delete-names-kept-as-sent")
        << "DELETE /x HTTP/1.1\r\nhOsT: a\r\nX-Empty:\r\nX-Spaced:    v w\r\n\r\n"_ba
        << "DELETE"_ba
        << "/x"_ba << 1 << true << QByteArrayList{"hOsT: a", "X-Empty: ", "X-Spaced: v w"}
        << qint64(-1) << false;
}

void TestHttpParser::requestHead()
{
    QFETCH(QByteArray, raw);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(int, minor);
    QFETCH(bool, keepAlive);
    QFETCH(QByteArrayList, headers);
    QFETCH(qint64, contentLength);
    QFETCH(bool, chunked);

    QList<HttpHead> heads;
    for (const qsizetype chunk : {qsizetype(0), qsizetype(1)}) {
        HttpParser parser(HttpParser::Kind::Request);
        qsizetype consumed = 0;
        const QByteArray buffer = raw + "GET /next HTTP/1.1\r\n"_ba; // the next request begins
        if (chunk == 0) {
            QCOMPARE(parser.feed(buffer, 0, consumed), Event::HeadComplete);
            QCOMPARE(consumed, raw.size()); // exactly the head, not a byte of the next request
        } else {
            // Byte by byte: nothing is reported until the last byte of the head.
            QByteArray grown;
            Event e = Event::NeedMore;
            qsizetype pos = 0;
            while (e == Event::NeedMore && grown.size() < raw.size()) {
                grown.append(raw.at(grown.size()));
                e = parser.feed(grown, pos, consumed);
                QCOMPARE(consumed, qsizetype(1));
                pos += consumed;
            }
            QCOMPARE(e, Event::HeadComplete);
            QCOMPARE(pos, raw.size());
        }
        QVERIFY(!parser.inHead());
        const HttpHead &head = parser.head();
        QCOMPARE(head.method, method);
        QCOMPARE(head.targetView().toByteArray(), target);
        QCOMPARE(head.versionMajor, 1);
        QCOMPARE(head.versionMinor, minor);
        QCOMPARE(head.keepAlive, keepAlive);
        QCOMPARE(headerLines(head), headers);
        QCOMPARE(head.contentLength.value_or(-1), contentLength);
        QCOMPARE(head.chunked, chunked);
        QCOMPARE(head.upgrade, false);
        heads.append(head);
    }
    // The same head whichever way it arrived.
    QCOMPARE(heads.at(0).serializeRequest(), heads.at(1).serializeRequest());
}

void TestHttpParser::pipelinedRequests_data()
{
    QTest::addColumn<qsizetype>("chunk");
    QTest::newRow("one-buffer") << qsizetype(0);
    QTest::newRow("byte-by-byte") << qsizetype(1);
    QTest::newRow("7-byte-pieces") << qsizetype(7);
}

void TestHttpParser::pipelinedRequests()
{
    QFETCH(qsizetype, chunk);
    const QByteArray r1 = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"_ba;
    const QByteArray r2head = "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n"_ba;
    const QByteArray r2body = "hello"_ba;
    const QByteArray r3 = "GET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"_ba;
    const QByteArray all = r1 + r2head + r2body + r3;

    HttpParser parser(HttpParser::Kind::Request);
    const Trace t = drive(parser, all, chunk, true);
    const QList<Event> expected = {Event::HeadComplete, Event::MessageComplete, Event::HeadComplete,
        Event::MessageComplete, Event::HeadComplete, Event::MessageComplete};
    QVERIFY2(t.events == expected, describe(t).constData());
    QCOMPARE(t.total, all.size());
    QCOMPARE(t.heads.size(), 3);
    QCOMPARE(t.heads.at(0).targetView().toByteArray(), "/1"_ba);
    QCOMPARE(t.heads.at(1).targetView().toByteArray(), "/2"_ba);
    QCOMPARE(t.heads.at(1).method, "POST"_ba);
    QCOMPARE(t.heads.at(2).targetView().toByteArray(), "/3"_ba);
    QCOMPARE(t.heads.at(2).keepAlive, false);
    QCOMPARE(t.body, r2body);
    if (chunk == 0) {
        // In one buffer the consumed counts are exact: each head, then each body.
        const QList<qsizetype> consumed
            = {r1.size(), 0, r2head.size(), r2body.size(), r3.size(), 0};
        QCOMPARE(t.consumed, consumed);
    }
}

void TestHttpParser::chunkedBodyWithTrailers_data()
{
    QTest::addColumn<qsizetype>("chunk");
    QTest::newRow("one-buffer") << qsizetype(0);
    QTest::newRow("byte-by-byte") << qsizetype(1);
    QTest::newRow("5-byte-pieces") << qsizetype(5);
}

void TestHttpParser::chunkedBodyWithTrailers()
{
    QFETCH(qsizetype, chunk);
    const QByteArray head
        = "POST /upload HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n"_ba;
    const QByteArray body = "5\r\nhello\r\n6;ext=1\r\n world\r\nA\r\n0123456789\r\n"
                            "0\r\nX-Sum: abc\r\nX-More: 1\r\n\r\n"_ba;
    const QByteArray next = "GET /after HTTP/1.1\r\nHost: a\r\n\r\n"_ba;

    HttpParser parser(HttpParser::Kind::Request);
    const Trace t = drive(parser, head + body + next, chunk, true);
    const QList<Event> expected = {
        Event::HeadComplete, Event::MessageComplete, Event::HeadComplete, Event::MessageComplete};
    QVERIFY2(t.events == expected, describe(t).constData());
    QCOMPARE(t.total, head.size() + body.size() + next.size());
    QVERIFY(t.heads.at(0).chunked);
    QCOMPARE(t.body, "hello world0123456789"_ba);
    QCOMPARE(t.heads.at(1).targetView().toByteArray(), "/after"_ba);
    if (chunk == 0) {
        // Framing and trailers are consumed with the body, as received (they are forwarded raw).
        QCOMPARE(t.consumed.at(0), head.size());
        QCOMPARE(t.consumed.at(1), body.size());
    }
}

void TestHttpParser::trailersAreNotHeadFields()
{
    const QByteArray head
        = "POST /t HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTrailer: X-A, X-B\r\n\r\n"_ba;
    const QByteArray body = "3\r\nabc\r\n0\r\nX-A: 1\r\nX-B: 2\r\n\r\n"_ba;
    const QByteArray buffer = head + body;
    HttpParser parser(HttpParser::Kind::Request);
    qsizetype consumed = 0;
    QCOMPARE(parser.feed(buffer, 0, consumed), Event::HeadComplete);
    QCOMPARE(consumed, head.size());
    const QByteArray forwarded = parser.head().serializeRequest();
    // The trailer section is forwarded raw with the body; it does not join the head's fields.
    const Event e = parser.feed(buffer, head.size(), consumed);
    QVERIFY2(e == Event::MessageComplete, parser.errorReason().constData());
    QCOMPARE(consumed, body.size());
    QCOMPARE(parser.head().fields.size(), 3);
    QVERIFY(!parser.head().header("X-A").has_value());
    QCOMPARE(parser.head().serializeRequest(), forwarded);
}

void TestHttpParser::trailersDoNotCountAgainstHeaderLimit()
{
    HttpLimits limits;
    limits.maxHeaders = 4;
    const QByteArray head
        = "POST /t HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTrailer: X-A, X-B\r\n\r\n"_ba;
    const QByteArray body = "3\r\nabc\r\n0\r\nX-A: 1\r\nX-B: 2\r\n\r\n"_ba;
    const QByteArray buffer = head + body;
    HttpParser parser(HttpParser::Kind::Request, limits);
    qsizetype consumed = 0;
    QCOMPARE(parser.feed(buffer, 0, consumed), Event::HeadComplete);
    // 3 head fields + 2 trailer fields: the head (within its limit of 4) has been forwarded, so
    // the message must not fail with "too many header fields" (a 431 can no longer be sent).
    const Event e = parser.feed(buffer, head.size(), consumed);
    QVERIFY2(e == Event::MessageComplete, parser.errorReason().constData());
    QCOMPARE(consumed, body.size());
}

void TestHttpParser::limitsAtTheBoundaryAreAccepted()
{
    HttpLimits limits;
    limits.maxUri = 64;
    limits.maxHeaders = 4;
    limits.maxHeaderBytes = 256;
    const QByteArray target = '/' + QByteArray(63, 'u');
    const QByteArray raw = "GET " + target
        + " HTTP/1.1\r\nHost: a\r\nX-1: 1\r\nX-2: 2\r\nX-3: " + QByteArray(150, 'v') + "\r\n\r\n";
    for (const qsizetype chunk : {qsizetype(0), qsizetype(1)}) {
        HttpParser parser(HttpParser::Kind::Request, limits);
        const Trace t = drive(parser, raw, chunk);
        QVERIFY2(t.events == QList<Event>({Event::HeadComplete, Event::MessageComplete}),
            describe(t).constData());
        QCOMPARE(t.heads.at(0).targetView().size(), 64);
        QCOMPARE(t.heads.at(0).fields.size(), 4);
    }
}

void TestHttpParser::malformedRequest_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("maxUri");
    QTest::addColumn<int>("maxHeaderBytes");
    QTest::addColumn<int>("maxHeaders");
    QTest::addColumn<ParseError>("error");
    QTest::addColumn<int>("status");

    const HttpLimits d;
    auto row = [&](const char *name, const QByteArray &raw) {
        QTest::newRow(name) << raw << d.maxUri << d.maxHeaderBytes << d.maxHeaders
                            << ParseError::Malformed << 400;
    };
    row("content-length-and-transfer-encoding",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
        "0\r\n\r\n"_ba);
    row("transfer-encoding-and-content-length",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
        "0\r\n\r\n"_ba);
    row("two-differing-content-lengths",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"_ba);
    row("content-length-list", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd"_ba);
    row("content-length-not-a-number",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n"_ba);
    row("content-length-negative", "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n"_ba);
    row("bad-chunk-size",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"_ba);
    row("chunk-size-overflow",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
        "fffffffffffffffff\r\nhello\r\n0\r\n\r\n"_ba);
    row("chunk-without-crlf",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloX0\r\n\r\n"_ba);
    row("obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX-Long: first\r\n  second\r\n\r\n"_ba);
    row("obs-fold-tab", "GET / HTTP/1.1\r\nHost: a\r\nX-Long: first\r\n\tsecond\r\n\r\n"_ba);
    row("space-in-header-name", "GET / HTTP/1.1\r\nHost: a\r\nBad Name: v\r\n\r\n"_ba);
    row("space-before-colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n"_ba);
    row("control-char-in-header-name", "GET / HTTP/1.1\r\nHost: a\r\nX\x01Y: v\r\n\r\n"_ba);
    row("control-char-in-header-value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: a\x01z\r\n\r\n"_ba);
    row("nul-in-header-value", QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: a\0z\r\n\r\n", 38));
    row("bare-lf-everywhere", "GET / HTTP/1.1\nHost: a\n\n"_ba);
    row("bare-lf-after-header", "GET / HTTP/1.1\r\nHost: a\nX-A: b\r\n\r\n"_ba);
    row("bare-lf-ending-head", "GET / HTTP/1.1\r\nHost: a\r\n\n"_ba);
    row("bare-lf-after-chunk-size",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\r\n0\r\n\r\n"_ba);
    row("bare-lf-after-chunk-data",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\n0\r\n\r\n"_ba);
    row("bare-lf-after-request-line", "GET / HTTP/1.1\nHost: a\r\n\r\n"_ba);
    row("bare-cr-in-header", "GET / HTTP/1.1\r\nHost: a\rX-A: b\r\n\r\n"_ba);
    row("http11-without-host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n"_ba);
    row("two-host-headers", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"_ba);
    row("two-identical-host-headers", "GET / HTTP/1.1\r\nHost: a\r\nhost: a\r\n\r\n"_ba);
    row("transfer-encoding-gzip",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\nabc"_ba);
    row("transfer-encoding-chunked-not-last",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"_ba);
    row("transfer-encoding-chunked-twice",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"
        "\r\n0\r\n\r\n"_ba);
    row("transfer-encoding-chunked-chunked",
        "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"_ba);
    row("whitespace-before-first-header", "GET / HTTP/1.1\r\n Host: a\r\n\r\n"_ba);
    row("invalid-method", "G@T / HTTP/1.1\r\nHost: a\r\n\r\n"_ba);
    row("http-version-2", "GET / HTTP/2.0\r\nHost: a\r\n\r\n"_ba);
    row("space-in-target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n"_ba);

    QTest::newRow("uri-over-limit")
        << "GET /" + QByteArray(100, 'a') + " HTTP/1.1\r\nHost: a\r\n\r\n"
        << 64 << d.maxHeaderBytes << d.maxHeaders << ParseError::UriTooLong << 414;
    QTest::newRow("uri-far-over-limit-without-end")
        << "GET /" + QByteArray(20000, 'a') << 64 << 256 << d.maxHeaders << ParseError::UriTooLong
        << 414;
    QTest::newRow("header-block-over-limit")
        << "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(1000, 'b') + "\r\n\r\n"
        << d.maxUri << 256 << d.maxHeaders << ParseError::HeadersTooLarge << 431;
    QTest::newRow("header-block-over-limit-without-end")
        << "GET / HTTP/1.1\r\nHost: a\r\nX-Big: " + QByteArray(20000, 'b') << 64 << 256
        << d.maxHeaders << ParseError::HeadersTooLarge << 431;
    QTest::newRow("too-many-headers")
        << "GET / HTTP/1.1\r\nHost: a\r\nX-1: 1\r\nX-2: 2\r\nX-3: 3\r\nX-4: 4\r\n\r\n"_ba
        << d.maxUri << d.maxHeaderBytes << 4 << ParseError::HeadersTooLarge << 431;
}

void TestHttpParser::malformedRequest()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, maxUri);
    QFETCH(int, maxHeaderBytes);
    QFETCH(int, maxHeaders);
    QFETCH(ParseError, error);
    QFETCH(int, status);

    HttpLimits limits;
    limits.maxUri = maxUri;
    limits.maxHeaderBytes = maxHeaderBytes;
    limits.maxHeaders = maxHeaders;
    for (const qsizetype chunk : {qsizetype(0), qsizetype(1)}) {
        HttpParser parser(HttpParser::Kind::Request, limits);
        const Trace t = drive(parser, raw, chunk);
        const QByteArray what = (chunk ? "byte by byte: "_ba : "in one piece: "_ba) + describe(t);
        QVERIFY2(!t.events.isEmpty() && t.events.last() == Event::Error, what.constData());
        // Nothing of the message may have been reported complete.
        QVERIFY2(!t.events.contains(Event::MessageComplete), what.constData());
        QCOMPARE(t.error, error);
        QCOMPARE(parser.error(), error);
        QVERIFY(!parser.errorReason().isEmpty());
        QCOMPARE(Limpet::statusForRequestError(parser.error()), status);
        // Once failed, it stays failed.
        qsizetype consumed = -1;
        QCOMPARE(parser.feed("GET / HTTP/1.1\r\nHost: a\r\n\r\n"_ba, 0, consumed), Event::Error);
        QCOMPARE(consumed, qsizetype(0));
    }
}

void TestHttpParser::statusForRequestErrors()
{
    QCOMPARE(Limpet::statusForRequestError(ParseError::Malformed), 400);
    QCOMPARE(Limpet::statusForRequestError(ParseError::UriTooLong), 414);
    QCOMPARE(Limpet::statusForRequestError(ParseError::HeadersTooLarge), 431);
    QCOMPARE(Limpet::reasonPhrase(414), "URI Too Long"_ba);
    QCOMPARE(Limpet::reasonPhrase(431), "Request Header Fields Too Large"_ba);
}

void TestHttpParser::responseStatusAndReason()
{
    const QByteArray raw = "HTTP/1.1 404 Not Found Here\r\nContent-Length: 3\r\n\r\nnop"_ba;
    HttpParser parser(HttpParser::Kind::Response);
    const Trace t = drive(parser, raw, 0, true);
    QVERIFY2(t.events == QList<Event>({Event::HeadComplete, Event::MessageComplete}),
        describe(t).constData());
    const HttpHead &head = t.heads.at(0);
    QCOMPARE(head.status, 404);
    QCOMPARE(head.view(head.reason).toByteArray(), "Not Found Here"_ba);
    QCOMPARE(head.method, QByteArray());
    QCOMPARE(head.versionMinor, 1);
    QCOMPARE(head.contentLength.value_or(-1), qint64(3));
    QCOMPARE(t.consumed, QList<qsizetype>({raw.size() - 3, 3}));
    QCOMPARE(t.body, "nop"_ba);

    const HttpHead h10 = parseResponseHead("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"_ba);
    QCOMPARE(h10.status, 200);
    QCOMPARE(h10.versionMinor, 0);
    QCOMPARE(h10.keepAlive, false);
}

void TestHttpParser::headResponseHasNoBody()
{
    const QByteArray r1
        = "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\nContent-Type: text/html\r\n\r\n"_ba;
    const QByteArray r2 = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba;
    const QByteArray buffer = r1 + r2;
    HttpParser parser(HttpParser::Kind::Response);
    parser.setRequestWasHead(true);
    qsizetype consumed = 0;
    QCOMPARE(parser.feed(buffer, 0, consumed), Event::HeadComplete);
    QCOMPARE(consumed, r1.size());
    QCOMPARE(parser.head().contentLength.value_or(-1), qint64(1234));
    // Complete without a byte more: the next bytes are the next response, not this body.
    QCOMPARE(parser.feed(buffer, r1.size(), consumed), Event::MessageComplete);
    QCOMPARE(consumed, qsizetype(0));

    parser.startNextMessage();
    parser.setRequestWasHead(false);
    QCOMPARE(parser.feed(buffer, r1.size(), consumed), Event::HeadComplete);
    qsizetype pos = r1.size() + consumed;
    QCOMPARE(parser.feed(buffer, pos, consumed), Event::MessageComplete);
    pos += consumed;
    QCOMPARE(pos, buffer.size());
}

void TestHttpParser::responseWithoutBody_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<int>("status");
    QTest::newRow("204") << "HTTP/1.1 204 No Content\r\nDate: x\r\n\r\n"_ba << 204;
    QTest::newRow("304") << "HTTP/1.1 304 Not Modified\r\nETag: \"a\"\r\n\r\n"_ba << 304;
    // A 304 may carry the Content-Length of the representation it stands for (RFC 9110 8.6).
    QTest::newRow("304-with-content-length")
        << "HTTP/1.1 304 Not Modified\r\nContent-Length: 1234\r\n\r\n"_ba << 304;
    QTest::newRow("200-content-length-0")
        << "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"_ba << 200;
}

void TestHttpParser::responseWithoutBody()
{
    QFETCH(QByteArray, raw);
    QFETCH(int, status);
    const QByteArray next = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"_ba;
    HttpParser parser(HttpParser::Kind::Response);
    const Trace t = drive(parser, raw + next, 0);
    const QList<Event> expected = {
        Event::HeadComplete, Event::MessageComplete, Event::HeadComplete, Event::MessageComplete};
    QVERIFY2(t.events == expected, describe(t).constData());
    QCOMPARE(t.consumed, QList<qsizetype>({raw.size(), 0, next.size() - 2, 2}));
    QCOMPARE(t.heads.at(0).status, status);
    QCOMPARE(t.heads.at(1).status, 200);
}

void TestHttpParser::closeDelimitedBodyCompletesOnFinish()
{
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n"_ba;
    HttpParser parser(HttpParser::Kind::Response);
    parser.setCollectBody(true);
    QByteArray buffer = head;
    qsizetype consumed = 0;
    QCOMPARE(parser.feed(buffer, 0, consumed), Event::HeadComplete);
    QCOMPARE(consumed, head.size());
    QVERIFY(parser.messageNeedsEof());
    QVERIFY(!parser.head().keepAlive);
    qsizetype pos = consumed;
    for (const QByteArray &piece : {"first part, "_ba, "second part"_ba}) {
        buffer += piece;
        QCOMPARE(parser.feed(buffer, pos, consumed), Event::NeedMore);
        QCOMPARE(consumed, piece.size());
        pos += consumed;
    }
    QCOMPARE(parser.finish(), Event::MessageComplete);
    QCOMPARE(parser.takeBody(), "first part, second part"_ba);
}

void TestHttpParser::truncatedBodyIsAnErrorOnFinish()
{
    const QByteArray raw = "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"_ba;
    HttpParser parser(HttpParser::Kind::Response);
    const Trace t = drive(parser, raw, 0);
    QVERIFY2(t.events == QList<Event>({Event::HeadComplete}), describe(t).constData());
    QCOMPARE(t.total, raw.size());
    QVERIFY(!parser.messageNeedsEof());
    QCOMPARE(parser.finish(), Event::Error);
}

void TestHttpParser::interimResponseThenFinal()
{
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n"_ba;
    const QByteArray hints = "HTTP/1.1 103 Early Hints\r\nLink: </s.css>; rel=preload\r\n\r\n"_ba;
    const QByteArray final = "HTTP/1.1 201 Created\r\nContent-Length: 4\r\n\r\ndone"_ba;
    for (const qsizetype chunk : {qsizetype(0), qsizetype(1)}) {
        HttpParser parser(HttpParser::Kind::Response);
        const Trace t = drive(parser, interim + hints + final, chunk, true);
        const QList<Event> expected
            = {Event::HeadComplete, Event::MessageComplete, Event::HeadComplete,
                Event::MessageComplete, Event::HeadComplete, Event::MessageComplete};
        QVERIFY2(t.events == expected, describe(t).constData());
        QCOMPARE(t.heads.at(0).status, 100);
        QCOMPARE(t.heads.at(1).status, 103);
        QCOMPARE(t.heads.at(2).status, 201);
        QCOMPARE(t.body, "done"_ba);
        QCOMPARE(t.total, interim.size() + hints.size() + final.size());
        if (chunk == 0)
            QCOMPARE(t.consumed,
                QList<qsizetype>({interim.size(), 0, hints.size(), 0, final.size() - 4, 4}));
    }
}

void TestHttpParser::removeHopByHop_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<bool>("keepUpgrade");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray all = "GET /x?y=1 HTTP/1.1\r\n"
                           "Host: example.com\r\n"
                           "Connection: keep-alive, X-Private, Upgrade\r\n"
                           "X-Private: secret\r\n"
                           "Keep-Alive: timeout=5\r\n"
                           "TE: trailers\r\n"
                           "Trailer: X-Sum\r\n"
                           "Proxy-Connection: keep-alive\r\n"
                           "Upgrade: websocket\r\n"
                           "Accept: */*\r\n"
                           "\r\n"_ba;
    QTest::newRow("every-hop-by-hop-header")
        << all << false << "GET /x?y=1 HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n"_ba;
    QTest::newRow("upgrade-kept")
        << all << true
        << "GET /x?y=1 HTTP/1.1\r\nHost: example.com\r\nUpgrade: websocket\r\nAccept: */*\r\n\r\n"_ba;
    QTest::newRow("case-insensitive")
        << "GET / HTTP/1.1\r\nhost: a\r\nconnection: X-FOO\r\nx-foo: 1\r\nKEEP-ALIVE: 1\r\n"
           "te: trailers\r\nx-bar: 2\r\n\r\n"_ba
        << false << "GET / HTTP/1.1\r\nhost: a\r\nx-bar: 2\r\n\r\n"_ba;
    QTest::newRow("several-connection-headers")
        << "GET / HTTP/1.1\r\nHost: a\r\nConnection: x-a\r\nX-A: 1\r\nConnection:  x-b ,\tx-c\r\n"
           "X-B: 2\r\nX-C: 3\r\nX-D: 4\r\n\r\n"_ba
        << false << "GET / HTTP/1.1\r\nHost: a\r\nX-D: 4\r\n\r\n"_ba;
    QTest::newRow("framing-headers-never-removed")
        << "POST / HTTP/1.1\r\nHost: a\r\nConnection: Content-Length, Transfer-Encoding, x-a\r\n"
           "X-A: 1\r\nContent-Length: 2\r\n\r\n"_ba
        << false << "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n"_ba;
    QTest::newRow("nothing-to-remove")
        << "GET /p HTTP/1.1\r\nHost: a\r\nCookie: a=1\r\nAccept: */*\r\n\r\n"_ba << false
        << "GET /p HTTP/1.1\r\nHost: a\r\nCookie: a=1\r\nAccept: */*\r\n\r\n"_ba;
    QTest::newRow("http10-forwarded-as-http11")
        << "GET / HTTP/1.0\r\nConnection: keep-alive\r\nHost: a\r\n\r\n"_ba << false
        << "GET / HTTP/1.1\r\nHost: a\r\n\r\n"_ba;
}

void TestHttpParser::removeHopByHop()
{
    QFETCH(QByteArray, raw);
    QFETCH(bool, keepUpgrade);
    QFETCH(QByteArray, expected);
    HttpHead head = parseRequestHead(raw);
    head.removeHopByHop(keepUpgrade);
    QCOMPARE(head.serializeRequest(), expected);
    // Idempotent.
    head.removeHopByHop(keepUpgrade);
    QCOMPARE(head.serializeRequest(), expected);
}

void TestHttpParser::serializeResponse()
{
    HttpHead head = parseResponseHead("HTTP/1.1 200 OK\r\nConnection: keep-alive, x-hop\r\n"
                                      "X-Hop: 1\r\nKeep-Alive: timeout=5\r\nContent-Length: 2\r\n"
                                      "Content-Type: text/plain\r\n\r\nok"_ba);
    QCOMPARE(head.serializeResponse(),
        "HTTP/1.1 200 OK\r\nConnection: keep-alive, x-hop\r\nX-Hop: 1\r\n"
        "Keep-Alive: timeout=5\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\n"_ba);
    head.removeHopByHop(false);
    head.addHeader("Set-Cookie", "SRV=1; Path=/");
    QCOMPARE(head.serializeResponse(),
        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
        "Content-Type: text/plain\r\nSet-Cookie: SRV=1; Path=/\r\n"
        "\r\n"_ba);

    const HttpHead notFound
        = parseResponseHead("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"_ba);
    QCOMPARE(
        notFound.serializeResponse(), "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"_ba);
}

void TestHttpParser::addAndRemoveHeaders()
{
    HttpHead head = parseRequestHead("GET /a HTTP/1.1\r\nHost: a\r\nX-A: 1\r\nAccept: */*\r\n"
                                     "x-a: 2\r\n\r\n"_ba);
    QCOMPARE(head.header("x-A").value_or("none"), QByteArrayView("1"));
    QCOMPARE(head.removeHeader("X-a"), qsizetype(2));
    QVERIFY(!head.header("X-A").has_value());
    QCOMPARE(head.removeHeader("X-A"), qsizetype(0));
    QCOMPARE(head.removeHeader("X-Absent"), qsizetype(0));
    head.addHeader("X-Forwarded-For", "10.0.0.1");
    head.addHeader("X-Forwarded-Proto", "http");
    QCOMPARE(head.serializeRequest(),
        "GET /a HTTP/1.1\r\nHost: a\r\nAccept: */*\r\n"
        "X-Forwarded-For: 10.0.0.1\r\nX-Forwarded-Proto: http\r\n"
        "\r\n"_ba);
    QCOMPARE(head.header("accept").value_or("none"), QByteArrayView("*/*"));
}

void TestHttpParser::headerHasToken_data()
{
    QTest::addColumn<QByteArray>("headers");
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<bool>("has");

    QTest::newRow("token-in-list") << "Connection: keep-alive, Upgrade\r\n"_ba
                                   << "Connection"_ba
                                   << "upgrade"_ba << true;
    QTest::newRow("name-and-token-any-case") << "connection: keep-alive, Upgrade\r\n"_ba
                                             << "CONNECTION"_ba
                                             << "UPGRADE"_ba << true;
    QTest::newRow("first-token") << "Connection: close, x\r\n"_ba
                                 << "connection"_ba
                                 << "close"_ba << true;
    QTest::newRow("no-space-after-comma") << "Connection: keep-alive,Upgrade\r\n"_ba
                                          << "connection"_ba
                                          << "upgrade"_ba << true;
    QTest::newRow("tabs-and-spaces") << "Connection: a ,\t close \t,b\r\n"_ba
                                     << "connection"_ba
                                     << "close"_ba << true;
    QTest::newRow("empty-items") << "Connection: ,, close,,\r\n"_ba
                                 << "connection"_ba
                                 << "close"_ba << true;
    QTest::newRow("second-header-line") << "Connection: x-a\r\nConnection: close\r\n"_ba
                                        << "connection"_ba
                                        << "close"_ba << true;
    QTest::newRow("part-of-a-token-is-not-the-token") << "Connection: keep-alive, Upgrade\r\n"_ba
                                                      << "connection"_ba
                                                      << "grade"_ba << false;
    QTest::newRow("token-is-part-of-an-item") << "Connection: upgrade-insecure\r\n"_ba
                                              << "connection"_ba
                                              << "upgrade"_ba << false;
    QTest::newRow("other-header") << "X-Connection: close\r\n"_ba
                                  << "connection"_ba
                                  << "close"_ba << false;
    QTest::newRow("absent-header") << ""_ba
                                   << "connection"_ba
                                   << "close"_ba << false;
}

void TestHttpParser::headerHasToken()
{
    QFETCH(QByteArray, headers);
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, token);
    QFETCH(bool, has);
    HttpHead head = parseRequestHead("GET / HTTP/1.1\r\nHost: a\r\n" + headers + "\r\n");
    QCOMPARE(head.headerHasToken(name, token), has);
    // A removed header has no tokens.
    head.removeHeader(name);
    QCOMPARE(head.headerHasToken(name, token), false);
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
