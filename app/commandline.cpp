#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Limpet {

std::optional<CommandLine> parseCommandLine(const QStringList &arguments)
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
    parser.addOptions({config, noGui, listen, admin, check, workers});
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
    return cl;
}

} // namespace Limpet
