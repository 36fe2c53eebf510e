#include "demo/demobackend.h"

#include "http/httpparser.h"
#include "proxy/proxysocket.h"

#include <QRandomGenerator>

using namespace std::chrono_literals;
using Wake = Limpet::ProxySocket::Wake;
using Condition = Limpet::ProxySocket::Condition;

namespace Limpet {

DemoBackend::DemoBackend(QString name, DeadlineSweeper *sweeper, QObject *parent)
    : QTcpServer(parent)
    , m_name(std::move(name))
    , m_sweeper(sweeper)
{ }

void DemoBackend::incomingConnection(qintptr descriptor)
{
    auto *socket = new ProxySocket(m_sweeper, this);
    socket->setSocketDescriptor(descriptor);
    serve(socket);
}

QByteArray DemoBackend::page(QByteArrayView sessionCookie, QByteArray &setCookie)
{
    QByteArray session = sessionCookie.toByteArray();
    if (session.isEmpty() || !m_visits.contains(session)) {
        session = QByteArray::number(QRandomGenerator::global()->generate64(), 16);
        setCookie = "DEMOSESSID=" + session + "; Path=/; HttpOnly";
    }
    const int visits = ++m_visits[session];
    const QByteArray name = m_name.toUtf8();
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Limpet demo: " + name
        + "</title></head>\n<body style=\"font-family:sans-serif;margin:3em\">\n<h1>Served by <b>"
        + name + "</b></h1>\n<p>Visits to " + name + " in this session: <b>"
        + QByteArray::number(visits) + "</b></p>\n<p>Reload: Limpet keeps you on " + name
        + " (cookie <code>SRV</code>). A fresh browser profile may land elsewhere, and its count "
          "starts at 1 there.</p>\n</body></html>\n";
}

QCoro::Task<> DemoBackend::serve(ProxySocket *socket)
{
    HttpParser parser(HttpParser::Kind::Request);
    QByteArray in;
    qsizetype pos = 0;
    bool open = true;
    while (open) {
        // One request: its head, then its body (discarded).
        bool headDone = false;
        bool done = false;
        QByteArray cookie;
        bool keepAlive = true;
        bool head = false;
        while (!done) {
            qsizetype consumed = 0;
            const HttpParser::Event ev = parser.feed(in, pos, consumed);
            pos += consumed;
            if (ev == HttpParser::Event::HeadComplete) {
                headDone = true;
                HttpHead &h = parser.head();
                keepAlive = h.keepAlive;
                head = h.method == "HEAD";
                for (const HttpHead::Field &f : std::as_const(h.fields)) {
                    if (f.removed || h.view(f.name).compare("cookie", Qt::CaseInsensitive) != 0)
                        continue;
                    const QByteArrayView v = h.view(f.value);
                    const qsizetype at = v.indexOf("DEMOSESSID=");
                    if (at >= 0) {
                        QByteArrayView rest = v.sliced(at + 11);
                        const qsizetype end = rest.indexOf(';');
                        cookie = (end < 0 ? rest : rest.first(end)).trimmed().toByteArray();
                    }
                }
                parser.releaseHead();
                continue;
            }
            if (ev == HttpParser::Event::MessageComplete || ev == HttpParser::Event::Upgrade) {
                done = true;
                break;
            }
            if (ev == HttpParser::Event::Error) {
                open = false;
                break;
            }
            if (headDone) {
                in = QByteArray();
                pos = 0;
            }
            if (co_await socket->waitFor(Condition::Readable, 60s) != Wake::Ready) {
                open = false;
                break;
            }
            in.append(socket->takeAll());
        }
        if (!done)
            break;
        parser.startNextMessage();
        QByteArray setCookie;
        const QByteArray body = page(cookie, setCookie);
        QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                         "Cache-Control: no-store\r\nX-Served-By: "
            + m_name.toUtf8() + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        if (!setCookie.isEmpty())
            out += "Set-Cookie: " + setCookie + "\r\n";
        if (!keepAlive)
            out += "Connection: close\r\n";
        out += "\r\n";
        if (!head)
            out += body;
        socket->send(out);
        open = keepAlive;
    }
    co_await socket->waitFor(Condition::Flushed, 5s);
    socket->disconnectFromHost();
    socket->deleteLater();
}

} // namespace Limpet
