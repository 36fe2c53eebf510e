// Limpet: entry point. Chooses headless or GUI, loads the config (or starts the demo cluster),
// starts the engine and runs until closed or signalled. With --connect (and no --config) the
// window manages remote instances only, and no engine runs here.

#include "commandline.h"
#include "ctl.h"
#include "signalwatcher.h"

#include "client/embeddedclient.h"
#include "client/remoteclient.h"
#include "config/configloader.h"
#include "demo/democluster.h"
#include "engine.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <malloc.h>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

bool hasArgument(int argc, char **argv, const char *name)
{
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], name) == 0)
            return true;
    }
    return false;
}

bool displayAvailable()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

void printErrors(const QList<Limpet::ConfigError> &errors)
{
    for (const Limpet::ConfigError &e : errors)
        fprintf(stderr, "%s\n", qPrintable(e.toString()));
}

/// The window's language: --lang CODE, else the system's. Loads Limpet's translation
/// (:/i18n/limpet_CODE.qm, when there is one) and Qt's own (standard buttons and dialogs).
void installTranslations(const QString &lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto *limpet = new QTranslator(qApp);
    if (limpet->load(locale, u"limpet"_s, u"_"_s, u":/i18n"_s)
        || limpet->load(u"limpet_en"_s, u":/i18n"_s)) // C, or no translation: English plurals
        QCoreApplication::installTranslator(limpet);
    auto *qt = new QTranslator(qApp);
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

/// Clients for the --connect instances (the window starts them).
std::vector<std::unique_ptr<Limpet::RemoteClient>> remoteClients(const Limpet::CommandLine &cl)
{
    std::vector<std::unique_ptr<Limpet::RemoteClient>> clients;
    for (const Limpet::RemoteInstance &instance : cl.connect)
        if (!instance.token.isEmpty()) // the others: MainWindow::addRemoteInstance
            clients.push_back(std::make_unique<Limpet::RemoteClient>(instance.url, instance.token));
    return clients;
}

/// The window on remote instances only: no engine in this process.
int runRemoteWindow(QCoreApplication &app, const Limpet::CommandLine &cl)
{
    const std::vector<std::unique_ptr<Limpet::RemoteClient>> clients = remoteClients(cl);
    QList<Limpet::ClusterClient *> list;
    for (const auto &client : clients)
        list.append(client.get());
    Limpet::MainWindow window(list);
    for (const Limpet::RemoteInstance &instance : cl.connect)
        if (instance.token.isEmpty())
            window.addRemoteInstance(instance.url);
    window.show();
    return app.exec(); // the window goes before the clients it shows
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "ctl") == 0)
        return Limpet::runCtl(argc, argv);

    // The proxy allocates and frees small buffers per request; keep freed memory in the worker
    // arenas instead of returning it to the system and faulting it back in a moment later.
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    const bool gui = !hasArgument(argc, argv, "--no-gui")
        && !hasArgument(argc, argv, "--check-config") && displayAvailable();
    // Qt's own poll-based dispatcher: leaner per wake-up than the GLib one on the proxy path.
    // With a window, only the engine's threads use it (QT_NO_THREADED_GLIB): the GUI thread
    // keeps GLib's, which desktop integrations expect.
    if (!gui && !qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    if (gui && !qEnvironmentVariableIsSet("QT_NO_THREADED_GLIB"))
        qputenv("QT_NO_THREADED_GLIB", "1");
    std::unique_ptr<QCoreApplication> app = gui ? std::make_unique<QApplication>(argc, argv)
                                                : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"limpet"_s);
    QCoreApplication::setOrganizationName(u"Limpet"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(LIMPET_VERSION));

    const std::optional<Limpet::CommandLine> cl
        = Limpet::parseCommandLine(QCoreApplication::arguments(), qgetenv("LIMPET_TOKEN"));
    if (!cl)
        return 2;
    if (gui) {
        installTranslations(cl->lang);
        QApplication::setWindowIcon(Limpet::MainWindow::applicationIcon());
        QGuiApplication::setDesktopFileName(u"limpet"_s);
    }

    if (!cl->checkConfig.isEmpty()) {
        const Limpet::ConfigResult r = Limpet::loadConfigFile(cl->checkConfig);
        if (const auto *errors = std::get_if<QList<Limpet::ConfigError>>(&r)) {
            printErrors(*errors);
            return 2;
        }
        fprintf(stdout, "%s: OK\n", qPrintable(cl->checkConfig));
        return 0;
    }

    if (!cl->connect.isEmpty()) {
        if (!gui) {
            fprintf(stderr,
                "limpet: --connect opens the window, and there is no display "
                "(DISPLAY or WAYLAND_DISPLAY)\n");
            return 2;
        }
        if (cl->configFile.isEmpty())
            return runRemoteWindow(*app, *cl);
    }

    Limpet::Config config;
    std::unique_ptr<Limpet::DemoCluster> demo;
    if (!cl->configFile.isEmpty()) {
        Limpet::ConfigResult r = Limpet::loadConfigFile(cl->configFile);
        if (const auto *errors = std::get_if<QList<Limpet::ConfigError>>(&r)) {
            printErrors(*errors);
            return 2;
        }
        config = std::get<Limpet::Config>(std::move(r));
    } else {
        demo = std::make_unique<Limpet::DemoCluster>();
        if (const std::optional<QString> error = demo->start()) {
            fprintf(stderr, "limpet: %s\n", qPrintable(*error));
            return 1;
        }
        config = demo->config();
        config.admin = Limpet::AdminConfig(); // 127.0.0.1:9090, so `limpet ctl` works on the demo
    }
    std::optional<Limpet::Endpoint> listen;
    if (!cl->listen.isEmpty()) {
        listen = Limpet::Endpoint::parse(cl->listen, true);
        if (!listen) {
            fprintf(stderr, "limpet: --listen %s: expected IP:PORT, e.g. 127.0.0.1:8080\n",
                qPrintable(cl->listen));
            return 2;
        }
    }
    const bool adminOff = cl->admin == "off"_L1;
    std::optional<Limpet::Endpoint> adminBind;
    if (!adminOff && !cl->admin.isEmpty()) {
        adminBind = Limpet::Endpoint::parse(cl->admin, true);
        if (!adminBind) {
            fprintf(stderr, "limpet: --admin %s: expected IP:PORT (e.g. 127.0.0.1:9090) or off\n",
                qPrintable(cl->admin));
            return 2;
        }
    }
    // The command line wins over the file: at start, and at every reload of the file.
    const auto overrides = [listen, adminOff, adminBind, workers = cl->workers](Limpet::Config &c) {
        if (listen)
            c.listen = *listen;
        if (workers >= 0)
            c.workers = workers;
        if (adminOff) {
            c.admin.reset();
        } else if (adminBind) {
            if (!c.admin)
                c.admin = Limpet::AdminConfig();
            c.admin->bind = *adminBind;
        }
    };
    overrides(config);
    if (adminBind && config.admin->token.isEmpty() && !adminBind->host.isLoopback()) {
        fprintf(stderr,
            "limpet: --admin %s is reachable from other hosts: set [admin] token or "
            "token_file in the config (or bind to 127.0.0.1)\n",
            qPrintable(cl->admin));
        return 2;
    }

    Limpet::Engine engine;
    engine.setReloadOverrides(overrides);
    if (std::optional<QString> error = engine.start(config)) {
        if (demo && config.admin) {
            // The demo runs without the admin API rather than not at all (port 9090 taken).
            fprintf(stderr, "limpet: %s; the demo runs without it\n", qPrintable(*error));
            config.admin.reset();
            error = engine.start(config);
        }
        if (error) {
            fprintf(stderr, "limpet: %s\n", qPrintable(*error));
            return 1;
        }
    }
    if (demo) {
        fprintf(stdout,
            "Limpet demo cluster: open http://%s/ — pool \"demo\", cookie SRV, "
            "backends:",
            qPrintable(engine.listenAddress().toString()));
        for (const Limpet::BackendConfig &b : config.pools.first().backends)
            fprintf(stdout, " %s=%s", qPrintable(b.name), qPrintable(b.address.toString()));
        fprintf(stdout, "\n");
    } else {
        fprintf(stdout, "Limpet listening on http://%s/ (%s)\n",
            qPrintable(engine.listenAddress().toString()), qPrintable(cl->configFile));
    }
    if (const std::optional<Limpet::Endpoint> admin = engine.adminAddress())
        fprintf(stdout, "Admin API on http://%s/api/v1 (limpet ctl --url http://%s status)\n",
            qPrintable(admin->toString()), qPrintable(admin->toString()));
    fflush(stdout);

    Limpet::SignalWatcher signals;
    QObject::connect(&signals, &Limpet::SignalWatcher::reloadRequested, app.get(), [&] {
        const Limpet::OpResult<QStringList> result = engine.reload();
        if (const auto *e = std::get_if<Limpet::OpError>(&result)) {
            fprintf(stderr, "limpet: reload refused: %s\n", qPrintable(e->message));
            for (const QString &d : e->details)
                fprintf(stderr, "%s\n", qPrintable(d));
        } else {
            fprintf(stderr, "limpet: reloaded: %s\n",
                qPrintable(std::get<QStringList>(result).join(u"; "_s)));
        }
    });
    QObject::connect(&signals, &Limpet::SignalWatcher::terminationRequested, app.get(), [&](int) {
        fprintf(stderr, "limpet: stopping: finishing in-flight requests\n");
        engine.stop(engine.config().timeouts.shutdown);
        QCoreApplication::quit();
    });

    std::unique_ptr<Limpet::EmbeddedClient> embedded;
    std::vector<std::unique_ptr<Limpet::RemoteClient>> remotes;
    std::unique_ptr<Limpet::MainWindow> window;
    if (gui) {
        embedded = std::make_unique<Limpet::EmbeddedClient>(&engine);
        remotes = remoteClients(*cl);
        QList<Limpet::ClusterClient *> clients{embedded.get()};
        for (const auto &client : remotes)
            clients.append(client.get());
        window = std::make_unique<Limpet::MainWindow>(clients);
        for (const Limpet::RemoteInstance &instance : cl->connect)
            if (instance.token.isEmpty())
                window->addRemoteInstance(instance.url);
        window->show();
    }
    const int rc = app->exec();
    window.reset();
    remotes.clear();
    embedded.reset();
    engine.stop(config.timeouts.shutdown);
    return rc;
}
