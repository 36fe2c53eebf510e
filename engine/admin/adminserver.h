#pragma once

#include "config/config.h"

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrlQuery>

#include <chrono>
#include <functional>
#include <optional>

namespace Limpet {

class DeadlineSweeper;

/// One request to the admin API, read whole (bodies are bounded: 1 MiB).
struct AdminRequest
{
    QByteArray method; ///< "GET", "POST", ...
    QString path; ///< percent-decoded path, e.g. "/api/v1/sessions/app/abc"
    QStringList segments; ///< the path split on '/', each segment percent-decoded separately
    QUrlQuery query;
    QByteArray body;
    QHostAddress client;
};

/// What a handler answers. A plain response has a status and a body; an event stream
/// (`stream` set) sends `text/event-stream` and then, every `streamInterval`, whatever
/// `stream()` returns (possibly nothing) until the client goes away.
struct AdminResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; ///< extra response headers
    std::function<QByteArray()> stream;
    std::chrono::milliseconds streamInterval{250};
    /// When set, the body is what this returns, built in a pool thread while the server's
    /// thread goes on: for answers of many megabytes (a whole session table). It must own
    /// everything it reads.
    std::function<QByteArray()> build;
};

/// Handles one authenticated request. Runs in the admin server's thread; must not block.
using AdminHandler = std::function<AdminResponse(const AdminRequest &)>;

/// The admin API's HTTP/1.1 server: a QTcpServer with one coroutine per connection, parsing with
/// the same llhttp-based HttpParser as the proxy. It checks the bearer token (constant-time
/// comparison; failed attempts logged and rate-limited per client address: 429 after too many),
/// answers protocol errors and unknown methods itself as JSON `{"error": "..."}`, and hands
/// every authenticated request to the handler.
/// Lives in, and is only touched from, the thread that created it (the engine's control thread).
class AdminServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AdminServer)

public:
    /// `token` empty: no authentication (allowed only on loopback; the config loader refuses
    /// the rest).
    AdminServer(QByteArray token, AdminHandler handler, QObject *parent = nullptr);
    ~AdminServer() override;

    /// Binds; returns an error message when it cannot.
    [[nodiscard]] std::optional<QString> listen(const Endpoint &bind);
    /// Stops listening and closes every connection at once, event streams included. May be
    /// called from inside the handler (the answer being prepared is then not sent).
    void close();
    /// The address actually bound (port resolved when 0 was asked for).
    [[nodiscard]] Endpoint address() const;
    /// Called (in this server's thread) with the client's address after each failed
    /// authentication, once it has been logged and counted towards the rate limit.
    void setAuthFailureHook(std::function<void(const QHostAddress &)> hook);

    /// A JSON error body: {"error": message}.
    [[nodiscard]] static AdminResponse error(int status, const QString &message);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Limpet
