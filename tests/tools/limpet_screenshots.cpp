// limpet_screenshots: renders each view of the running app to PNG for the README.
//
// Starts the demo cluster (three in-process backends) behind an embedded engine configured from a
// TOML file (so the Config tab has a file to show), drives browser-like traffic through it (a few
// dozen visitors, each with its own cookie jar, arriving and leaving), does what an operator does
// (a weight raised, a session traced, one backend drained midway with a short drain_deadline so
// its sessions then move and the Tracing view highlights the switch, a session pinned, another
// forgotten), pastes a visitor's cookies into the inspector, and after --seconds grabs the main
// window once per tab into OUTPUT_DIR/<view>.png. Run it under a display (tests/screenshots.sh uses
// xvfb-run); it exits 0 when every PNG was written.
//
//   limpet_screenshots [--seconds 20] [--size 1360x850] OUTPUT_DIR

#include "client/embeddedclient.h"
#include "config/configloader.h"
#include "demo/democluster.h"
#include "engine.h"
#include "inspector/inspectorview.h"
#include "mainwindow.h"
#include "sessions/sessiontablemodel.h"
#include "tracing/tracemodel.h"
#include "tracing/traceview.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTranslator>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

const QString Pool = u"demo"_s;
const QString DrainedBackend = u"app2"_s;

/// Pages a shop's visitors ask for, most often first.
const QStringList Paths = {u"/"_s, u"/"_s, u"/products"_s, u"/products?page=2"_s, u"/products/42"_s,
    u"/products/7"_s, u"/cart"_s, u"/static/app.css"_s, u"/static/app.js"_s, u"/api/cart/items"_s,
    u"/account"_s, u"/search?q=limpet"_s};

const QByteArray UserAgents[] = {
    "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_2) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.2 Safari/605.1.15",
};

/// The demo's config as an operator would write it; ports are the demo backends' own.
QByteArray configText(const Limpet::Config &demo, quint16 listenPort, quint16 adminPort)
{
    QByteArray t = "# Limpet demo: three backends of a shop behind one sticky pool\n"
                   "[listener]\n"
                   "bind = \"127.0.0.1:"
        + QByteArray::number(listenPort)
        + "\"\n"
          "workers = 2\n\n"
          "[admin]\n"
          "bind = \"127.0.0.1:"
        + QByteArray::number(adminPort)
        + "\"\n\n"
          "[timeouts]\n"
          "connect = 2000\n"
          "server = 15000\n"
          "keepalive = 30000\n\n"
          "[sessions]\n"
          "max_entries = 1000000\n"
          "idle = 1800\n\n"
          "[[pool]]\n"
          "name = \"demo\"\n"
          "balance = \"roundrobin\"\n"
          "drain_deadline = 5          # seconds: then drained sessions move\n\n"
          "  [pool.sticky]\n"
          "  mode = \"insert\"\n"
          "  cookie = \"SRV\"\n"
          "  httponly = true\n\n"
          "  [pool.health]\n"
          "  type = \"http\"\n"
          "  path = \"/\"\n"
          "  interval = 2000\n";
    for (const Limpet::BackendConfig &b : demo.pools.first().backends) {
        t += "\n  [[pool.backend]]\n  name = \"" + b.name.toUtf8() + "\"\n  address = \""
            + b.address.toString().toUtf8() + "\"\n";
    }
    return t;
}

/// A free TCP port on 127.0.0.1, `preferred` when it is free.
quint16 freePort(quint16 preferred)
{
    QTcpServer probe;
    if (probe.listen(QHostAddress::LocalHost, preferred))
        return preferred;
    if (probe.listen(QHostAddress::LocalHost, 0))
        return probe.serverPort();
    return 0;
}

/// One browser: its own cookie jar (SRV and the application's DEMOSESSID come back on every
/// request), a page, a reader's pause, the next page; it leaves after `pages`.
class Visitor final : public QObject
{
public:
    Visitor(QUrl base, QByteArray agent, int pages, std::atomic<int> &responses,
        std::atomic<int> &failures, QObject *parent)
        : QObject(parent)
        , m_nam(new QNetworkAccessManager(this))
        , m_base(std::move(base))
        , m_agent(std::move(agent))
        , m_left(pages)
        , m_responses(responses)
        , m_failures(failures)
    {
        m_nam->setProxy(QNetworkProxy::NoProxy);
    }

    void next()
    {
        if (--m_left < 0) {
            deleteLater();
            return;
        }
        QUrl url = m_base;
        const QString path = Paths.at(QRandomGenerator::global()->bounded(int(Paths.size())));
        url.setPath(path.section(u'?', 0, 0));
        url.setQuery(path.section(u'?', 1));
        QNetworkRequest request(url);
        request.setRawHeader("User-Agent", m_agent);
        request.setRawHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        request.setRawHeader("Accept-Language", "en-GB,en;q=0.7");
        QNetworkReply *reply = m_nam->get(request);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->readAll();
            if (reply->error() == QNetworkReply::NoError)
                ++m_responses;
            else
                ++m_failures;
            reply->deleteLater();
            // A reader's pause between pages.
            QTimer::singleShot(
                150 + QRandomGenerator::global()->bounded(900), this, [this] { next(); });
        });
    }

private:
    QNetworkAccessManager *m_nam;
    const QUrl m_base;
    const QByteArray m_agent;
    int m_left;
    std::atomic<int> &m_responses;
    std::atomic<int> &m_failures;
};

/// Browser-like visitors in a thread of their own: new ones keep arriving, and some leave.
class Traffic final
{
public:
    explicit Traffic(quint16 port)
        : m_port(port)
    {
        m_thread.setObjectName(u"traffic"_s);
        m_root = new QObject;
        m_root->moveToThread(&m_thread);
        m_thread.start();
    }
    ~Traffic()
    {
        QObject *root = m_root;
        QMetaObject::invokeMethod(
            root, [root] { delete root; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    Q_DISABLE_COPY_MOVE(Traffic)

    /// `initial` visitors arriving over the first seconds, then one more every `arrival`;
    /// a visitor leaves after 40 to 120 pages.
    void start(int initial, std::chrono::milliseconds arrival)
    {
        QObject *root = m_root;
        QMetaObject::invokeMethod(root, [this, root, initial, arrival] {
            for (int i = 0; i < initial; ++i)
                QTimer::singleShot(i * 200, root, [this] { addVisitor(); });
            auto *more = new QTimer(root);
            QObject::connect(more, &QTimer::timeout, root, [this] { addVisitor(); });
            more->start(arrival);
        });
    }

    /// Each visitor's Cookie header as its jar would send it now.
    [[nodiscard]] QList<QByteArray> cookieHeaders() const
    {
        QList<QByteArray> headers;
        QObject *root = m_root;
        QMetaObject::invokeMethod(
            root,
            [&] {
                const QList<QNetworkAccessManager *> nams
                    = root->findChildren<QNetworkAccessManager *>();
                for (QNetworkAccessManager *nam : nams) {
                    QByteArrayList pairs;
                    const QList<QNetworkCookie> cookies
                        = nam->cookieJar()->cookiesForUrl(url(u"/"_s));
                    for (const QNetworkCookie &c : cookies)
                        pairs.append(c.toRawForm(QNetworkCookie::NameAndValueOnly));
                    if (!pairs.isEmpty())
                        headers.append(pairs.join("; "));
                }
            },
            Qt::BlockingQueuedConnection);
        return headers;
    }

    [[nodiscard]] int responses() const { return m_responses.load(); }
    [[nodiscard]] int failures() const { return m_failures.load(); }

private:
    [[nodiscard]] QUrl url(const QString &path) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_port).arg(path));
    }

    /// In the traffic thread.
    void addVisitor()
    {
        QRandomGenerator *random = QRandomGenerator::global();
        auto *visitor
            = new Visitor(url(u"/"_s), UserAgents[random->bounded(int(std::size(UserAgents)))],
                40 + random->bounded(80), m_responses, m_failures, m_root);
        visitor->next();
    }

    const quint16 m_port;
    QThread m_thread;
    QObject *m_root; ///< parent of the visitors; lives in m_thread
    std::atomic<int> m_responses{0};
    std::atomic<int> m_failures{0};
};

/// The session bound to `backend` with the most requests (empty: none).
QByteArray busiestSession(const Limpet::Engine &engine, const QString &backend)
{
    QByteArray key;
    quint64 most = 0;
    for (const Limpet::SessionInfo &s : engine.sessions()) {
        if (s.backend == backend && s.requests > most) {
            most = s.requests;
            key = s.key;
        }
    }
    return key;
}

void log(const QString &text)
{
    fprintf(stderr, "[screenshots] %s\n", qPrintable(text));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    // Every health check and event on stderr would bury what this tool says.
    QLoggingCategory::setFilterRules(u"limpet.*.debug=false\nlimpet.*.info=false"_s);
    QCoreApplication::setApplicationName(u"limpet"_s);
    QCoreApplication::setOrganizationName(u"Limpet"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LIMPET_VERSION));
    QApplication::setWindowIcon(Limpet::MainWindow::applicationIcon());
    // English with its plural forms, whatever this machine's locale: the README's pictures.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    auto *english = new QTranslator(&app);
    if (english->load(u"limpet_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(english);
    else
        log(u"no English plural forms (:/i18n/limpet_en.qm): counts read \"(s)\""_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Renders each view of Limpet's window to PNG."_s);
    parser.addHelpOption();
    const QCommandLineOption secondsOption(
        u"seconds"_s, u"Traffic before the screenshots (default 20)."_s, u"s"_s, u"20"_s);
    const QCommandLineOption sizeOption(
        u"size"_s, u"Window size (default 1360x850)."_s, u"WxH"_s, u"1360x850"_s);
    parser.addOption(secondsOption);
    parser.addOption(sizeOption);
    parser.addPositionalArgument(u"output"_s, u"Directory for the PNG files."_s);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QDir output(parser.positionalArguments().first());
    const int seconds = std::max(12, parser.value(secondsOption).toInt());
    const QStringList size = parser.value(sizeOption).split(u'x');
    const QSize windowSize(size.value(0).toInt(), size.value(1).toInt());
    if (!QDir().mkpath(output.path()) || windowSize.isEmpty()) {
        log(u"cannot use %1 or size %2"_s.arg(output.path(), parser.value(sizeOption)));
        return 2;
    }

    // The window remembers its geometry and tab: not from this user's settings.
    QTemporaryDir work;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, work.path());

    Limpet::DemoCluster demo;
    if (const std::optional<QString> error = demo.start()) {
        log(*error);
        return 1;
    }
    // Shown in the Config tab: a path that reads well, removed on exit.
    const QString configDir = QDir::temp().filePath(u"limpet-demo"_s);
    QDir().mkpath(configDir);
    const QString configFile = QDir(configDir).filePath(u"limpet.toml"_s);
    {
        QFile file(configFile);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(configText(demo.config(), freePort(8080), freePort(9090))) < 0) {
            log(u"cannot write %1"_s.arg(configFile));
            return 1;
        }
    }
    Limpet::ConfigResult loaded = Limpet::loadConfigFile(configFile);
    if (const auto *errors = std::get_if<QList<Limpet::ConfigError>>(&loaded)) {
        for (const Limpet::ConfigError &e : *errors)
            log(e.toString());
        return 1;
    }
    const Limpet::Config config = std::get<Limpet::Config>(loaded);
    Limpet::Engine engine;
    if (const std::optional<QString> error = engine.start(config)) {
        log(*error);
        return 1;
    }
    log(u"engine on %1, config %2"_s.arg(engine.listenAddress().toString(), configFile));

    auto client = std::make_unique<Limpet::EmbeddedClient>(&engine);
    auto window
        = std::make_unique<Limpet::MainWindow>(QList<Limpet::ClusterClient *>{client.get()});
    window->resize(windowSize);
    window->move(20, 20);
    window->tabs()->setCurrentIndex(Limpet::MainWindow::ClusterTab);
    window->show();

    auto traffic = std::make_unique<Traffic>(engine.listenAddress().port);
    traffic->start(30, 1500ms);

    auto *trace = window->findChild<Limpet::TraceView *>();
    auto *inspector = window->findChild<Limpet::InspectorView *>();
    QByteArray traced;
    const auto at = [&](std::chrono::milliseconds when, auto &&what) {
        QTimer::singleShot(when, &app, std::forward<decltype(what)>(what));
    };

    // An operator's afternoon: a weight raised, a session followed, a backend drained.
    at(3s, [&] { client->setBackendWeight(Pool, u"app3"_s, 2); });
    at(5s, [&] {
        traced = busiestSession(engine, DrainedBackend);
        log(u"tracing session %1"_s.arg(QString::fromUtf8(traced)));
        if (!traced.isEmpty())
            trace->traceSession(traced);
    });
    at(7s, [&] { client->setBackendState(Pool, DrainedBackend, Limpet::BackendState::Drain); });
    at(9s, [&] {
        // A customer's session sent to app1 for ten minutes, another one's binding dropped.
        const QByteArray pinned = busiestSession(engine, u"app3"_s);
        if (!pinned.isEmpty())
            client->pinSession(Pool, pinned, u"app1"_s, 600);
    });
    at(11s, [&] {
        const QByteArray forgotten = busiestSession(engine, u"app1"_s);
        if (!forgotten.isEmpty())
            client->forgetSession(Pool, forgotten);
    });
    at(std::chrono::seconds(seconds - 3), [&] {
        // A visitor's cookies pasted into the inspector, with a few a browser would also send.
        const QList<QByteArray> headers = traffic->cookieHeaders();
        QByteArray pick = headers.value(0);
        for (const QByteArray &h : headers) {
            if (h.contains("-app1-") && h.contains("DEMOSESSID"))
                pick = h;
        }
        const QString text = u"GET /cart HTTP/1.1\nHost: shop.example.com\n"
                             "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Firefox/121.0\n"
                             "Cookie: "_s
            + QString::fromLatin1(pick) + u"; _ga=GA1.1.1934567210.1717000000; theme=dark\n"_s;
        inspector->findChild<QPlainTextEdit *>(u"cookieText"_s)->setPlainText(text);
        inspector->inspect();
    });

    struct Shot
    {
        Limpet::MainWindow::Tab tab;
        QString name;
    };
    const QList<Shot> shots = {
        {Limpet::MainWindow::ClusterTab, u"cluster"_s},
        {Limpet::MainWindow::ChartsTab, u"charts"_s},
        {Limpet::MainWindow::SessionsTab, u"sessions"_s},
        {Limpet::MainWindow::InspectorTab, u"inspector"_s},
        {Limpet::MainWindow::TracingTab, u"tracing"_s},
        {Limpet::MainWindow::LogTab, u"log"_s},
        {Limpet::MainWindow::ConfigTab, u"config"_s},
    };
    int written = 0;
    int failedWrites = 0;
    /// Once the view has its data: what a user would have done in it before the screenshot.
    const auto prepare = [&](Limpet::MainWindow::Tab tab) {
        if (tab == Limpet::MainWindow::SessionsTab) {
            // The busiest sessions first (the pinned one among them).
            window->findChild<QTableView *>(u"sessionTable"_s)
                ->sortByColumn(Limpet::SessionTableModel::RequestsColumn, Qt::DescendingOrder);
        }
        if (tab == Limpet::MainWindow::TracingTab) {
            // The row where the session changed backend is the current one, so its decision is
            // in the detail pane; not selected, so it keeps the colour that marks a change.
            auto *table = trace->findChild<QTableView *>(u"trace"_s);
            QAbstractItemModel *model = table->model();
            for (int row = model->rowCount() - 1; row >= 0; --row) {
                const QModelIndex index = model->index(row, 0);
                if (index.data(Limpet::TraceModel::ChangedRole).toBool()) {
                    table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::NoUpdate);
                    table->scrollTo(index, QAbstractItemView::PositionAtCenter);
                    break;
                }
            }
        }
    };
    std::function<void(int)> take = [&](int index) {
        if (index == shots.size()) {
            QCoreApplication::quit();
            return;
        }
        window->tabs()->setCurrentIndex(shots.at(index).tab);
        // Let the view ask for its data (the Sessions table loads when shown), then paint it.
        at(1500ms, [&, index] { prepare(shots.at(index).tab); });
        at(2000ms, [&, index] {
            const QString path = output.filePath(shots.at(index).name + u".png"_s);
            if (window->grab().save(path, "PNG")) {
                ++written;
                log(u"wrote %1"_s.arg(path));
            } else {
                ++failedWrites;
                log(u"cannot write %1"_s.arg(path));
            }
            take(index + 1);
        });
    };
    at(std::chrono::seconds(seconds), [&] {
        log(u"%1 responses, %2 failures, %3 sessions; grabbing"_s.arg(traffic->responses())
                .arg(traffic->failures())
                .arg(engine.snapshot().sessions));
        take(0);
    });

    app.exec();
    traffic.reset();
    window.reset();
    client.reset();
    engine.stop(2s);
    QFile::remove(configFile);
    QDir().rmdir(configDir);
    return written == shots.size() && failedWrites == 0 ? 0 : 1;
}
