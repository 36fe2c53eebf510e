#include "testclient.h"

#include "http/httpparser.h"

#include <QDeadlineTimer>
#include <QTcpServer>

#include <memory>

namespace LimpetTest {

namespace {

bool sameName(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

std::unique_ptr<Limpet::HttpParser> newResponseParser(bool head)
{
    auto p = std::make_unique<Limpet::HttpParser>(
        Limpet::HttpParser::Kind::Response, Limpet::HttpLimits{1 << 20, 1 << 24, 10000});
    p->setRequestWasHead(head);
    return p;
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (sameName(n, name))
            return v;
    }
    return QByteArray();
}

QList<QByteArray> HttpResponse::headerValues(QByteArrayView name) const
{
    QList<QByteArray> out;
    for (const auto &[n, v] : headers) {
        if (sameName(n, name))
            out.append(v);
    }
    return out;
}

bool HttpResponse::hasHeader(QByteArrayView name) const
{
    for (const auto &[n, v] : headers) {
        if (sameName(n, name))
            return true;
    }
    return false;
}

QByteArray HttpResponse::setCookieValue(QByteArrayView name) const
{
    for (const QByteArray &v : headerValues("set-cookie")) {
        const qsizetype eq = v.indexOf('=');
        if (eq <= 0 || QByteArrayView(v).first(eq).trimmed() != name)
            continue;
        const qsizetype semi = v.indexOf(';', eq);
        return v.mid(eq + 1, semi < 0 ? -1 : semi - eq - 1).trimmed();
    }
    return QByteArray();
}

TestClient::TestClient() = default;

TestClient::TestClient(quint16 port, int timeoutMs)
{
    connectTo(port, timeoutMs);
}

TestClient::~TestClient()
{
    m_socket.abort();
}

bool TestClient::connectTo(quint16 port, int timeoutMs)
{
    m_socket.abort();
    m_buffer.clear();
    m_closed = false;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(timeoutMs);
}

bool TestClient::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool TestClient::send(const QByteArray &data, int timeoutMs)
{
    if (!isConnected())
        return false;
    if (m_socket.write(data) != data.size())
        return false;
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.bytesToWrite() > 0) {
        if (!m_socket.waitForBytesWritten(int(qMax<qint64>(1, deadline.remainingTime()))))
            return m_socket.bytesToWrite() == 0;
        if (deadline.hasExpired())
            return false;
    }
    return true;
}

bool TestClient::peerClosed() const
{
    return m_closed || m_socket.state() != QAbstractSocket::ConnectedState;
}

bool TestClient::fill(int timeoutMs)
{
    if (m_socket.bytesAvailable() > 0) {
        m_buffer.append(m_socket.readAll());
        return true;
    }
    if (peerClosed())
        return false;
    const bool ready = m_socket.waitForReadyRead(qMax(1, timeoutMs));
    if (m_socket.bytesAvailable() > 0) {
        m_buffer.append(m_socket.readAll());
        return true;
    }
    if (!ready && m_socket.state() != QAbstractSocket::ConnectedState)
        m_closed = true;
    return false;
}

HttpResponse TestClient::readResponse(int timeoutMs)
{
    return readResponse(timeoutMs, ReadOptions());
}

HttpResponse TestClient::readResponse(int timeoutMs, const ReadOptions &options)
{
    using Event = Limpet::HttpParser::Event;
    HttpResponse r;
    QDeadlineTimer deadline(timeoutMs);
    std::unique_ptr<Limpet::HttpParser> parser = newResponseParser(options.requestWasHead);
    qsizetype pos = 0;
    bool headDone = false;
    auto takeBody = [&](QByteArrayView raw) {
        const QByteArray decoded = parser->takeBody();
        if (options.onBody) {
            options.onBody(decoded);
        } else {
            r.body.append(decoded);
            r.rawBody.append(raw);
        }
    };
    while (true) {
        qsizetype consumed = 0;
        const bool inBody = headDone;
        const Event ev = parser->feed(m_buffer, pos, consumed);
        if (inBody && consumed > 0)
            takeBody(QByteArrayView(m_buffer).sliced(pos, consumed));
        pos += consumed;

        if (ev == Event::HeadComplete) {
            Limpet::HttpHead &h = parser->head();
            const QByteArray rawHead = m_buffer.first(pos);
            if (h.status >= 100 && h.status < 200 && h.status != 101) {
                r.interim.append(rawHead);
                parser->feed(m_buffer, pos, consumed); // completes the body-less interim message
                pos += consumed;
                parser = newResponseParser(options.requestWasHead);
                m_buffer.remove(0, pos);
                pos = 0;
                continue;
            }
            r.status = h.status;
            r.reason = h.view(h.reason).toByteArray();
            r.versionMinor = h.versionMinor;
            r.rawHead = rawHead;
            for (const Limpet::HttpHead::Field &f : std::as_const(h.fields))
                r.headers.append({h.view(f.name).toByteArray(), h.view(f.value).toByteArray()});
            parser->releaseHead();
            parser->setCollectBody(true);
            m_buffer.remove(0, pos);
            pos = 0;
            headDone = true;
            if (r.status == 101) {
                r.complete = true; // what follows belongs to the new protocol
                return r;
            }
            if (r.status == 204 || r.status == 304) {
                // RFC 9112 6.3: no body whatever the headers say. llhttp 8 would still wait for
                // Content-Length bytes, so the test client ends the message itself.
                r.complete = true;
                return r;
            }
            continue;
        }
        if (ev == Event::MessageComplete || ev == Event::Upgrade) {
            r.complete = true;
            m_buffer.remove(0, pos);
            return r;
        }
        if (ev == Event::Error) {
            r.error = parser->errorReason();
            if (r.error.isEmpty())
                r.error = "parse error";
            return r;
        }
        if (headDone && pos >= m_buffer.size()) {
            m_buffer.clear();
            pos = 0;
        }
        if (!fill(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (peerClosed()) {
                r.closed = true;
                if (headDone && parser->finish() == Event::MessageComplete) {
                    takeBody(QByteArrayView());
                    r.complete = true;
                }
                m_buffer.remove(0, pos);
                return r;
            }
            if (deadline.hasExpired()) {
                r.timedOut = true;
                m_buffer.remove(0, pos);
                return r;
            }
        }
    }
}

HttpResponse TestClient::request(const QByteArray &method, const QByteArray &target,
    const HeaderList &headers, const QByteArray &body, int timeoutMs)
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\n";
    bool host = false;
    for (const auto &[n, v] : headers) {
        host = host || sameName(n, "host");
        out += n + ": " + v + "\r\n";
    }
    if (!host)
        out += "Host: test.example\r\n";
    if (!body.isEmpty())
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    if (!send(out, timeoutMs)) {
        HttpResponse r;
        r.error = "could not send the request";
        r.closed = peerClosed();
        return r;
    }
    ReadOptions o;
    o.requestWasHead = method == "HEAD";
    return readResponse(timeoutMs, o);
}

QByteArray TestClient::readRaw(qsizetype count, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_buffer.size() < count && !deadline.hasExpired()) {
        if (!fill(int(qMax<qint64>(1, deadline.remainingTime()))) && peerClosed())
            break;
    }
    const QByteArray out = m_buffer.first(qMin(count, m_buffer.size()));
    m_buffer.remove(0, out.size());
    return out;
}

bool TestClient::waitForClosed(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!peerClosed()) {
        if (deadline.hasExpired())
            return false;
        fill(int(qMax<qint64>(1, deadline.remainingTime())));
    }
    if (m_socket.bytesAvailable() > 0)
        m_buffer.append(m_socket.readAll());
    return true;
}

void TestClient::close()
{
    m_socket.disconnectFromHost();
    if (m_socket.state() != QAbstractSocket::UnconnectedState)
        m_socket.waitForDisconnected(1000);
    m_socket.abort();
}

HttpResponse httpGet(quint16 port, const QByteArray &target, const HeaderList &headers)
{
    TestClient client(port);
    return client.request("GET", target, headers);
}

quint16 unusedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace LimpetTest
