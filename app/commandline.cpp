#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

/// An admin API's base URL: "host:port" means http://host:port (as `limpet ctl --url`).
std::optional<QUrl> parseInstanceUrl(QString text)
{
    if (!text.contains(u"://"_s))
        text.prepend(u"http://"_s);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.hasQuery()
        || url.hasFragment())
        return std::nullopt;
    return url;
}

/// --connect and --token in the order given: a --token pairs with the --connect before it, or
/// applies to all when given once; with none, `environmentToken` applies to all.
std::optional<QList<RemoteInstance>> parseConnects(const QCommandLineParser &parser,
    const QCommandLineOption &connect, const QCommandLineOption &token,
    const QByteArray &environmentToken)
{
    const QStringList urls = parser.values(connect);
    const QStringList tokens = parser.values(token);
    if (urls.isEmpty()) {
        if (!tokens.isEmpty()) {
            fprintf(stderr, "limpet: --token goes with --connect URL\n");
            return std::nullopt;
        }
        return QList<RemoteInstance>();
    }
    QList<RemoteInstance> instances;
    for (const QString &text : urls) {
        const std::optional<QUrl> url = parseInstanceUrl(text);
        if (!url) {
            fprintf(stderr,
                "limpet: --connect %s: expected the admin API's URL, e.g. "
                "http://127.0.0.1:9090\n",
                qPrintable(text));
            return std::nullopt;
        }
        instances.append(RemoteInstance{*url, environmentToken});
    }
    if (tokens.size() == 1) {
        for (RemoteInstance &instance : instances)
            instance.token = tokens.first().toUtf8();
        return instances;
    }
    // Several tokens: walk the options in the order given (optionNames() repeats them).
    qsizetype connects = 0;
    qsizetype tokensSeen = 0;
    QList<bool> paired(instances.size(), false);
    for (const QString &name : parser.optionNames()) {
        if (connect.names().contains(name)) {
            ++connects;
        } else if (token.names().contains(name)) {
            const QString value = tokens.at(tokensSeen++);
            if (connects == 0 || paired[connects - 1]) {
                fprintf(stderr,
                    "limpet: each --token goes after the --connect URL it is for (or give "
                    "--token once for all of them)\n");
                return std::nullopt;
            }
            paired[connects - 1] = true;
            instances[connects - 1].token = value.toUtf8();
        }
    }
    return instances;
}

} // namespace

std::optional<CommandLine> parseCommandLine(
    const QStringList &arguments, const QByteArray &environmentToken)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Limpet: a cluster manager with an embedded sticky-session HTTP load balancer.\n"
        "With no --config it starts a demo cluster on http://127.0.0.1:8080.\n"
        "limpet ctl --help: the command-line client of a running instance's admin API."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(u"config"_s, u"Run with the TOML config FILE."_s, u"FILE"_s);
    const QCommandLineOption noGui(u"no-gui"_s,
        u"Run headless: no window, logs to stderr, stops on "
        "SIGINT/SIGTERM after in-flight requests finish."_s);
    const QCommandLineOption listen(u"listen"_s,
        u"Listen on ADDR:PORT instead of the config's "
        "[listener] bind."_s,
        u"ADDR:PORT"_s);
    const QCommandLineOption check(u"check-config"_s,
        u"Validate FILE and exit: 0 when valid, 2 with each error as "
        "FILE:LINE:COL: message."_s,
        u"FILE"_s);
    const QCommandLineOption admin(u"admin"_s,
        u"Serve the admin API on ADDR:PORT instead of the config's [admin] bind, or 'off'."_s,
        u"ADDR:PORT"_s);
    const QCommandLineOption workers(
        u"workers"_s, u"Number of worker threads (0 = one per core)."_s, u"N"_s);
    const QCommandLineOption connect(u"connect"_s,
        u"Open the window on the instance whose admin API is at URL (repeatable). Without "
        "--config, no engine runs in this process."_s,
        u"URL"_s);
    const QCommandLineOption token(u"token"_s,
        u"Bearer token for the --connect before it; given once, for all of them "
        "(default: $LIMPET_TOKEN)."_s,
        u"TOKEN"_s);
    const QCommandLineOption lang(
        u"lang"_s, u"The window's language (e.g. de, fr_FR) instead of the system's."_s, u"CODE"_s);
    parser.addOptions({config, noGui, listen, admin, check, workers, connect, token, lang});
    parser.process(arguments); // exits for --help, --version and unknown options
    if (!parser.positionalArguments().isEmpty()) {
        fprintf(stderr, "limpet: unexpected argument '%s' (see --help)\n",
            qPrintable(parser.positionalArguments().first()));
        return std::nullopt;
    }
    CommandLine cl;
    cl.configFile = parser.value(config);
    cl.checkConfig = parser.value(check);
    cl.listen = parser.value(listen);
    cl.admin = parser.value(admin);
    cl.noGui = parser.isSet(noGui);
    if (parser.isSet(workers)) {
        bool ok = false;
        cl.workers = parser.value(workers).toInt(&ok);
        if (!ok || cl.workers < 0 || cl.workers > 256) {
            fprintf(stderr, "limpet: --workers must be a number from 0 to 256\n");
            return std::nullopt;
        }
    }
    std::optional<QList<RemoteInstance>> instances
        = parseConnects(parser, connect, token, environmentToken);
    if (!instances)
        return std::nullopt;
    cl.connect = *std::move(instances);
    if (!cl.connect.isEmpty() && cl.noGui) {
        fprintf(stderr, "limpet: --connect opens the window: it cannot go with --no-gui\n");
        return std::nullopt;
    }
    cl.lang = parser.value(lang);
    return cl;
}

} // namespace Limpet
