#include "adminclient.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <qcoro/qcoronetworkreply.h>

#include <memory>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// A QNetworkReply may still be inside its own signal emission when the coroutine that awaited
/// it goes on: delete it from the event loop, never directly.
struct DeleteLater
{
    void operator()(QObject *object) const { object->deleteLater(); }
};
using ReplyPtr = std::unique_ptr<QNetworkReply, DeleteLater>;

bool isLoopback(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString seconds(std::chrono::milliseconds timeout)
{
    return QString::number(double(timeout.count()) / 1000.0, 'g', 3);
}

AdminReply unreachable(QString reason)
{
    AdminReply r;
    r.outcome = AdminReply::Outcome::Unreachable;
    r.error = std::move(reason);
    return r;
}

/// A short, printable excerpt of a body that is not the API's JSON (an HTML error page, say).
QString excerpt(const QByteArray &body)
{
    QString text = QString::fromUtf8(body.left(200)).simplified();
    if (body.size() > 200)
        text += u"…"_s;
    return text;
}

/// The reply of a finished request, classified.
AdminReply readReply(QNetworkReply &reply)
{
    const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid())
        return unreachable(reply.errorString());
    AdminReply r;
    r.status = status.toInt();
    r.body = reply.readAll();
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (doc.isObject())
        r.json = doc.object();
    if (r.status >= 200 && r.status < 300) {
        if (doc.isObject()) {
            r.outcome = AdminReply::Outcome::Ok;
        } else {
            r.outcome = AdminReply::Outcome::ApiError;
            r.error = u"the answer is not the admin API's JSON: "_s + excerpt(r.body);
        }
        return r;
    }
    r.outcome = AdminReply::Outcome::ApiError;
    r.error = r.json.value(u"error"_s).toString();
    if (r.error.isEmpty()) {
        r.error = reply.attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        if (!r.body.isEmpty())
            r.error += (r.error.isEmpty() ? QString() : u": "_s) + excerpt(r.body);
    }
    const QJsonArray errors = r.json.value(u"errors"_s).toArray();
    for (const QJsonValue &e : errors)
        r.details.append(e.toString());
    return r;
}

} // namespace

std::optional<ServerSentEvent> takeServerSentEvent(QByteArray &buffer)
{
    for (;;) {
        const qsizetype lf = buffer.indexOf("\n\n");
        const qsizetype crlf = buffer.indexOf("\r\n\r\n");
        qsizetype end = -1;
        qsizetype separator = 0;
        if (lf >= 0 && (crlf < 0 || lf < crlf)) {
            end = lf;
            separator = 2;
        } else if (crlf >= 0) {
            end = crlf;
            separator = 4;
        }
        if (end < 0)
            return std::nullopt;
        const QByteArray block = buffer.left(end);
        buffer.remove(0, end + separator);

        ServerSentEvent event;
        QByteArrayList data;
        for (QByteArray line : block.split('\n')) {
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.isEmpty() || line.startsWith(':'))
                continue;
            const qsizetype colon = line.indexOf(':');
            const QByteArray field = colon < 0 ? line : line.left(colon);
            QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
            if (value.startsWith(' '))
                value.remove(0, 1);
            if (field == "event")
                event.event = value;
            else if (field == "id")
                event.id = value;
            else if (field == "data")
                data.append(value);
        }
        if (data.isEmpty())
            continue; // a comment or keep-alive block: nothing to dispatch
        event.data = data.join('\n');
        if (event.event.isEmpty())
            event.event = "message";
        return event;
    }
}

AdminClient::AdminClient(QUrl base, QByteArray token, std::chrono::milliseconds timeout)
    : m_base(std::move(base))
    , m_token(std::move(token))
    , m_timeout(timeout)
{
    // An http_proxy in the environment must not send loopback admin traffic elsewhere.
    if (isLoopback(m_base.host()))
        m_nam.setProxy(QNetworkProxy::NoProxy);
}

QString AdminClient::baseUrl() const
{
    return m_base.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
}

QString AdminClient::pathSegment(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

void AdminClient::addQueryItem(QUrlQuery &query, const QString &key, const QString &value)
{
    query.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
}

QNetworkRequest AdminClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_base;
    QString basePath = m_base.path(QUrl::FullyEncoded);
    while (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path, QUrl::StrictMode);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    return request;
}

QCoro::Task<AdminReply> AdminClient::request(
    QByteArray method, QString path, QUrlQuery query, std::optional<QJsonObject> body)
{
    QNetworkRequest request = makeRequest(path, query);
    ReplyPtr reply;
    if (method == "GET" || method == "DELETE") {
        reply.reset(m_nam.sendCustomRequest(request, method));
    } else {
        // POST, PUT, PATCH: always typed, even without a body (POST /reload).
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        const QByteArray payload
            = body ? QJsonDocument(*body).toJson(QJsonDocument::Compact) : QByteArray();
        reply.reset(m_nam.sendCustomRequest(request, method, payload));
    }
    if (!co_await qCoro(reply.get()).waitForFinished(m_timeout)) {
        reply->abort();
        co_return unreachable(u"no answer within %1 s"_s.arg(seconds(m_timeout)));
    }
    co_return readReply(*reply);
}

QCoro::Task<AdminReply> AdminClient::stream(
    QString path, std::function<bool(const ServerSentEvent &)> onEvent)
{
    QNetworkRequest request = makeRequest(path, {});
    request.setRawHeader("Accept", "text/event-stream");
    ReplyPtr reply(m_nam.get(request));
    QByteArray buffer;
    for (;;) {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid() && (status.toInt() < 200 || status.toInt() >= 300)) {
            // An error answer is an ordinary JSON body: read it whole.
            if (!reply->isFinished() && !co_await qCoro(reply.get()).waitForFinished(m_timeout)) {
                reply->abort();
                co_return unreachable(u"no answer within %1 s"_s.arg(seconds(m_timeout)));
            }
            co_return readReply(*reply);
        }
        if (status.isValid()) {
            buffer += reply->readAll();
            while (const std::optional<ServerSentEvent> event = takeServerSentEvent(buffer)) {
                if (!onEvent(*event)) {
                    reply->abort();
                    AdminReply done;
                    done.outcome = AdminReply::Outcome::Ok;
                    done.status = status.toInt();
                    co_return done;
                }
            }
        }
        if (reply->isFinished()) {
            if (!status.isValid())
                co_return readReply(*reply); // never connected
            co_return unreachable(reply->error() == QNetworkReply::NoError
                    ? u"the event stream closed"_s
                    : u"the event stream broke: "_s + reply->errorString());
        }
        if (reply->bytesAvailable() == 0 && !co_await qCoro(reply.get()).waitForReadyRead(m_timeout)
            && !reply->isFinished() && reply->bytesAvailable() == 0) {
            reply->abort();
            co_return unreachable(u"nothing received for %1 s"_s.arg(seconds(m_timeout)));
        }
    }
}

} // namespace Limpet
