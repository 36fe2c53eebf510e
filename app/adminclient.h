#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <qcoro/qcorotask.h>

#include <chrono>
#include <functional>
#include <optional>

namespace Limpet {

/// What one request to the admin API came to (errors are values, never exceptions).
struct AdminReply
{
    enum class Outcome {
        Ok, ///< a 2xx answer whose body is a JSON object
        ApiError, ///< the API answered an error status, or a 2xx that is not its JSON
        Unreachable, ///< no answer: refused, unknown host, reset, TLS failure, timeout
    };
    Outcome outcome = Outcome::Unreachable;
    int status = 0; ///< the HTTP status; 0 when Unreachable
    QByteArray body; ///< as received
    QJsonObject json; ///< the body parsed; empty when it is not a JSON object
    QString error; ///< ApiError: the API's "error" message; Unreachable: the reason
    QStringList details; ///< ApiError: the API's "errors" lines (POST /reload), if any

    [[nodiscard]] bool ok() const { return outcome == Outcome::Ok; }
};

/// One server-sent event of `GET /api/v1/events`.
struct ServerSentEvent
{
    QByteArray event; ///< "decision", "event", "counters"; "message" when the server names none
    QByteArray id;
    QByteArray data; ///< data lines joined with '\n'
};

/// Takes the first complete event (ended by a blank line) off the front of `buffer`, or returns
/// nothing and leaves `buffer` as it is when none is complete yet. Comment lines are skipped.
[[nodiscard]] std::optional<ServerSentEvent> takeServerSentEvent(QByteArray &buffer);

/// A client of the admin API at one base URL (e.g. http://127.0.0.1:9090, or a path below a
/// reverse proxy), sending `Authorization: Bearer <token>` when a token is set.
/// Every wait is bounded by `timeout`: a whole request, or the silence between two bytes of
/// the event stream. Lives in, and is used from, one thread with an event loop.
class AdminClient final
{
public:
    AdminClient(QUrl base, QByteArray token, std::chrono::milliseconds timeout);
    Q_DISABLE_COPY_MOVE(AdminClient)

    /// `path` is already percent-encoded per segment (see pathSegment()), e.g.
    /// "/api/v1/pools/app/backends/app1". A `body` is sent as compact JSON.
    /// Returns Ok, ApiError or Unreachable (never throws).
    [[nodiscard]] QCoro::Task<AdminReply> request(QByteArray method, QString path,
        QUrlQuery query = {}, std::optional<QJsonObject> body = std::nullopt);

    /// Follows an event stream (`GET path`), calling `onEvent` for each event until it returns
    /// false (then: Ok, the answer's status and an empty body). Otherwise the stream's end is
    /// Unreachable ("closed"), and an error status ApiError, as for request().
    [[nodiscard]] QCoro::Task<AdminReply> stream(
        QString path, std::function<bool(const ServerSentEvent &)> onEvent);

    /// The base URL as shown to the user, e.g. "http://127.0.0.1:9090".
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] bool hasToken() const { return !m_token.isEmpty(); }

    /// One path segment, percent-encoded ("a/b" → "a%2Fb").
    [[nodiscard]] static QString pathSegment(const QString &segment);
    /// Adds `key=value` to `query`, percent-encoding the value ('+', '&', '=' included).
    static void addQueryItem(QUrlQuery &query, const QString &key, const QString &value);

private:
    [[nodiscard]] QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query) const;

    QUrl m_base;
    QByteArray m_token;
    std::chrono::milliseconds m_timeout;
    QNetworkAccessManager m_nam;
};

} // namespace Limpet
