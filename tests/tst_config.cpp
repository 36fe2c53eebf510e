// Tests of the TOML config loader (engine/config/configloader.h) and `limpet --check-config`.

#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace {

/// A minimal valid pool, appended after the part under test so that part's line numbers
/// are the ones the test names.
const QByteArray minimalPool = "[[pool]]\n"
                               "name = \"web\"\n"
                               "[[pool.backend]]\n"
                               "name = \"a\"\n"
                               "address = \"127.0.0.1:8001\"\n"_ba;

QList<Limpet::ConfigError> errorsOf(const Limpet::ConfigResult &result)
{
    if (const auto *errors = std::get_if<QList<Limpet::ConfigError>>(&result))
        return *errors;
    return {};
}

QString describe(const QList<Limpet::ConfigError> &errors)
{
    QStringList lines;
    for (const Limpet::ConfigError &e : errors)
        lines.append(e.toString());
    return lines.join(u'\n');
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(contents) == contents.size();
}

} // namespace

class TestConfig final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullConfigParses();
    void defaultsApply();
    void exampleFileParses();
    void seedExamplesParse();
    void errors_data();
    void errors();
    void errorToString();
    void severalErrorsAreAllReported();
    void missingFileIsOneError();
    void loadFileUsesPathInErrors();
    void checkConfigAcceptsValidFile();
    void checkConfigRejectsBadFile();
};

void TestConfig::fullConfigParses()
{
    const QByteArray text = R"([listener]
bind = "0.0.0.0:8081"
workers = 3

[admin]
bind = "[::1]:9091"

[timeouts]
connect = 1001
client = 1002
server = 1003
keepalive = 1004
tunnel = 1005
shutdown = 1006

[limits]
max_uri = 2048
max_header_bytes = 4096
max_headers = 50

[sessions]
max_entries = 5000
idle = 600

[[pool]]
name = "shop"
balance = "roundrobin"
  [pool.sticky]
  mode = "insert"
  cookie = "SHOPID"
  [[pool.backend]]
  name = "s1"
  address = "127.0.0.1:9101"
  route = "alpha"
  weight = 3
  [[pool.backend]]
  name = "s2"
  address = "[::1]:9102"

[[pool]]
name = "api"
  [pool.sticky]
  mode = "none"
  [[pool.backend]]
  name = "a1"
  address = "localhost:9201"
  weight = 0
)"_ba;
    const Limpet::ConfigResult result = Limpet::loadConfigText(text, u"full.toml"_s);
    QVERIFY2(
        std::holds_alternative<Limpet::Config>(result), qPrintable(describe(errorsOf(result))));
    const Limpet::Config c = std::get<Limpet::Config>(result);

    QCOMPARE(c.sourceFile, u"full.toml"_s);
    QCOMPARE(c.listen.host, QHostAddress(QHostAddress::AnyIPv4));
    QCOMPARE(c.listen.port, quint16(8081));
    QCOMPARE(c.workers, 3);
    QCOMPARE(c.effectiveWorkers(), 3);
    QVERIFY(c.admin);
    QCOMPARE(c.admin->bind.host, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(c.admin->bind.port, quint16(9091));
    QCOMPARE(c.admin->bind.toString(), u"[::1]:9091"_s);

    QCOMPARE(c.timeouts.connect, 1001ms);
    QCOMPARE(c.timeouts.client, 1002ms);
    QCOMPARE(c.timeouts.server, 1003ms);
    QCOMPARE(c.timeouts.keepalive, 1004ms);
    QCOMPARE(c.timeouts.tunnel, 1005ms);
    QCOMPARE(c.timeouts.shutdown, 1006ms);

    QCOMPARE(c.limits.maxUri, 2048);
    QCOMPARE(c.limits.maxHeaderBytes, 4096);
    QCOMPARE(c.limits.maxHeaders, 50);

    QCOMPARE(c.sessions.maxEntries, 5000);
    QCOMPARE(c.sessions.idle, 600s);

    QCOMPARE(c.pools.size(), 2);
    const Limpet::PoolConfig &shop = c.pools.at(0);
    QCOMPARE(shop.name, u"shop"_s);
    QCOMPARE(shop.balance, u"roundrobin"_s);
    QCOMPARE(shop.sticky.mode, u"insert"_s);
    QCOMPARE(shop.sticky.cookie, u"SHOPID"_s);
    QCOMPARE(shop.backends.size(), 2);
    QCOMPARE(shop.backends.at(0).name, u"s1"_s);
    QCOMPARE(shop.backends.at(0).address.host, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(shop.backends.at(0).address.port, quint16(9101));
    QCOMPARE(shop.backends.at(0).address.toString(), u"127.0.0.1:9101"_s);
    QCOMPARE(shop.backends.at(0).route, u"alpha"_s);
    QCOMPARE(shop.backends.at(0).weight, 3);
    QCOMPARE(shop.backends.at(1).name, u"s2"_s);
    QCOMPARE(shop.backends.at(1).address.host, QHostAddress(QHostAddress::LocalHostIPv6));
    QCOMPARE(shop.backends.at(1).address.port, quint16(9102));
    QCOMPARE(shop.backends.at(1).route, u"s2"_s); // defaults to the name
    QCOMPARE(shop.backends.at(1).weight, 1);

    const Limpet::PoolConfig &api = c.pools.at(1);
    QCOMPARE(api.name, u"api"_s);
    QCOMPARE(api.balance, u"roundrobin"_s);
    QCOMPARE(api.sticky.mode, u"none"_s);
    QCOMPARE(api.sticky.cookie, u"SRV"_s);
    QCOMPARE(api.backends.size(), 1);
    QCOMPARE(api.backends.at(0).address.host, QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(api.backends.at(0).weight, 0);
}

void TestConfig::defaultsApply()
{
    const Limpet::ConfigResult result = Limpet::loadConfigText(minimalPool, u"min.toml"_s);
    QVERIFY2(
        std::holds_alternative<Limpet::Config>(result), qPrintable(describe(errorsOf(result))));
    const Limpet::Config c = std::get<Limpet::Config>(result);
    const Limpet::Config defaults;
    QCOMPARE(c.listen, defaults.listen);
    QVERIFY(c.admin); // a config file enables the admin API on loopback by default
    QCOMPARE(c.admin->bind.toString(), u"127.0.0.1:9090"_s);
    QVERIFY(c.admin->token.isEmpty());
    QCOMPARE(c.workers, 0);
    QVERIFY(c.effectiveWorkers() >= 1);
    QCOMPARE(c.timeouts.connect, defaults.timeouts.connect);
    QCOMPARE(c.timeouts.shutdown, defaults.timeouts.shutdown);
    QCOMPARE(c.limits.maxUri, defaults.limits.maxUri);
    QCOMPARE(c.limits.maxHeaderBytes, defaults.limits.maxHeaderBytes);
    QCOMPARE(c.limits.maxHeaders, defaults.limits.maxHeaders);
    QCOMPARE(c.sessions.maxEntries, defaults.sessions.maxEntries);
    QCOMPARE(c.sessions.idle, defaults.sessions.idle);
    QCOMPARE(c.pools.size(), 1);
    QCOMPARE(c.pools.at(0).balance, u"roundrobin"_s);
    QCOMPARE(c.pools.at(0).sticky.mode, u"insert"_s);
    QCOMPARE(c.pools.at(0).sticky.cookie, u"SRV"_s);
    QCOMPARE(c.pools.at(0).backends.at(0).route, u"a"_s);
    QCOMPARE(c.pools.at(0).backends.at(0).weight, 1);
}

void TestConfig::seedExamplesParse()
{
    const QString sourceDir = qEnvironmentVariable("LIMPET_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("LIMPET_SOURCE_DIR is not set (run this test through ctest)");
    const QDir examples(QDir(sourceDir).filePath(u"resources/examples"_s));
    const QStringList files = examples.entryList({u"*.toml"_s}, QDir::Files);
    QVERIFY2(files.size() >= 6, "one example per seed recipe");
    for (const QString &f : files) {
        const Limpet::ConfigResult r = Limpet::loadConfigFile(examples.filePath(f));
        QVERIFY2(std::holds_alternative<Limpet::Config>(r),
            qPrintable(f + u": "_s + describe(errorsOf(r))));
    }
}

void TestConfig::exampleFileParses()
{
    const QString sourceDir = qEnvironmentVariable("LIMPET_SOURCE_DIR");
    if (sourceDir.isEmpty())
        QSKIP("LIMPET_SOURCE_DIR is not set (run this test through ctest)");
    const QString path = QDir(sourceDir).filePath(u"resources/limpet.example.toml"_s);
    if (!QFile::exists(path))
        QSKIP("resources/limpet.example.toml does not exist yet");
    const Limpet::ConfigResult result = Limpet::loadConfigFile(path);
    QVERIFY2(
        std::holds_alternative<Limpet::Config>(result), qPrintable(describe(errorsOf(result))));
    const Limpet::Config c = std::get<Limpet::Config>(result);
    QCOMPARE(c.sourceFile, path);
    QVERIFY(!c.pools.isEmpty());
    for (const Limpet::PoolConfig &pool : c.pools)
        QVERIFY2(!pool.backends.isEmpty(), qPrintable(pool.name));
}

// Each bad input → the one error it must produce, at the place a user would look:
// the key for an unknown key, the value for a wrong value, the offending name for a duplicate,
// the table header for something missing from that table.
void TestConfig::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("count");

    // Unknown keys, in every section.
    QTest::newRow("unknown-key-top-level") << "bogus = 1\n"_ba + minimalPool << 1 << 1
                                           << u"unknown key 'bogus' in the top level"_s << 1;
    QTest::newRow("unknown-key-listener")
        << "[listener]\nbindd = \"127.0.0.1:80\"\n"_ba + minimalPool << 2 << 1
        << u"unknown key 'bindd' in [listener] (allowed: bind, workers)"_s << 1;
    QTest::newRow("unknown-key-indented") << "[listener]\n    threads = 4\n"_ba + minimalPool << 2
                                          << 5 << u"unknown key 'threads' in [listener]"_s << 1;
    QTest::newRow("unknown-key-admin")
        << "[admin]\nbind = \"127.0.0.1:9090\"\nport = 3\n"_ba + minimalPool << 3 << 1
        << u"unknown key 'port' in [admin] (allowed: enabled, bind, token, token_file)"_s << 1;
    QTest::newRow("unknown-key-timeouts") << "[timeouts]\nconect = 5\n"_ba + minimalPool << 2 << 1
                                          << u"unknown key 'conect' in [timeouts]"_s << 1;
    QTest::newRow("unknown-key-limits") << "[limits]\nmax_url = 5\n"_ba + minimalPool << 2 << 1
                                        << u"unknown key 'max_url' in [limits]"_s << 1;
    QTest::newRow("unknown-key-sessions") << "[sessions]\nttl = 5\n"_ba + minimalPool << 2 << 1
                                          << u"unknown key 'ttl' in [sessions]"_s << 1;
    QTest::newRow("unknown-key-pool") << "[[pool]]\n"
                                         "name = \"web\"\n"
                                         "algo = \"x\"\n"
                                         "[[pool.backend]]\n"
                                         "name = \"a\"\n"
                                         "address = \"127.0.0.1:8001\"\n"_ba
                                      << 3 << 1 << u"unknown key 'algo' in [[pool]]"_s << 1;
    QTest::newRow("unknown-key-sticky") << "[[pool]]\n"
                                           "name = \"web\"\n"
                                           "[pool.sticky]\n"
                                           "mode = \"source\"\n"
                                           "path = \"/\"\n"
                                           "[[pool.backend]]\n"
                                           "name = \"a\"\n"
                                           "address = \"127.0.0.1:8001\"\n"_ba
                                        << 5 << 1
                                        << u"unknown key 'path' in [pool.sticky] (mode source) "
                                           "(allowed: mode, trusted_proxies)"_s
                                        << 1;
    QTest::newRow("unknown-key-backend")
        << minimalPool + "port = 8001\n"_ba << 6 << 1
        << u"unknown key 'port' in [[pool.backend]] (allowed: name, address, route, weight, "
           "state, max_conn)"_s
        << 1;

    // Wrong types: reported at the value.
    QTest::newRow("string-for-int") << "[listener]\nworkers = \"4\"\n"_ba + minimalPool << 2 << 11
                                    << u"listener.workers must be an integer (0..256)"_s << 1;
    QTest::newRow("int-for-string-address") << "[listener]\nbind = 8080\n"_ba + minimalPool << 2
                                            << 8 << u"listener.bind must be a string"_s << 1;
    QTest::newRow("int-for-string-pool-name") << "[[pool]]\n"
                                                 "name = 5\n"
                                                 "[[pool.backend]]\n"
                                                 "name = \"a\"\n"
                                                 "address = \"127.0.0.1:8001\"\n"_ba
                                              << 2 << 8 << u"pool.name must be a string"_s << 1;
    QTest::newRow("table-expected") << "listener = \"0.0.0.0:80\"\n"_ba + minimalPool << 1 << 12
                                    << u"'listener' must be a table"_s << 1;
    QTest::newRow("pool-not-array-of-tables")
        << "pool = \"web\"\n"_ba << 1 << 8 << u"'pool' must be an array of tables"_s << 1;

    // Addresses: reported at the value.
    QTest::newRow("address-without-port") << "[[pool]]\n"
                                             "name = \"web\"\n"
                                             "[[pool.backend]]\n"
                                             "name = \"a\"\n"
                                             "address = \"127.0.0.1\"\n"_ba
                                          << 5 << 11
                                          << u"backend 'a'.address = \"127.0.0.1\" is not a valid "
                                             "address"_s
                                          << 1;
    QTest::newRow("address-bad-ip")
        << "[listener]\nbind = \"300.1.2.3:80\"\n"_ba + minimalPool << 2 << 8
        << u"listener.bind = \"300.1.2.3:80\" is not a valid address"_s << 1;
    QTest::newRow("address-port-70000")
        << "[admin]\nbind = \"127.0.0.1:70000\"\n"_ba + minimalPool << 2 << 8
        << u"admin.bind = \"127.0.0.1:70000\" is not a valid address"_s << 1;
    QTest::newRow("address-port-0-backend") << "[[pool]]\n"
                                               "name = \"web\"\n"
                                               "[[pool.backend]]\n"
                                               "name = \"a\"\n"
                                               "address = \"127.0.0.1:0\"\n"_ba
                                            << 5 << 11
                                            << u"backend 'a'.address = \"127.0.0.1:0\" is not a "
                                               "valid address"_s
                                            << 1;

    // Duplicates: reported at the second occurrence of the name.
    QTest::newRow("duplicate-pool-name") << minimalPool
            + "[[pool]]\n"
              "name = \"web\"\n"
              "[[pool.backend]]\n"
              "name = \"b\"\n"
              "address = \"127.0.0.1:8002\"\n"_ba
                                         << 7 << 8 << u"duplicate pool name 'web'"_s << 1;
    QTest::newRow("duplicate-backend-name")
        << minimalPool
            + "[[pool.backend]]\n"
              "name = \"a\"\n"
              "address = \"127.0.0.1:8002\"\n"_ba
        << 7 << 8 << u"pool 'web': duplicate backend name 'a'"_s << 1;
    QTest::newRow("duplicate-route") << minimalPool
            + "route = \"r1\"\n"
              "[[pool.backend]]\n"
              "name = \"b\"\n"
              "address = \"127.0.0.1:8002\"\n"
              "route = \"r1\"\n"_ba << 10
                                     << 9 << u"pool 'web': duplicate backend route 'r1'"_s << 1;

    // Out of range: reported at the value.
    QTest::newRow("weight-1001")
        << minimalPool + "weight = 1001\n"_ba << 6 << 10
        << u"backend 'a'.weight = 1001 is out of range (allowed: 0..1000)"_s << 1;
    QTest::newRow("workers-negative") << "[listener]\nworkers = -1\n"_ba + minimalPool << 2 << 11
                                      << u"listener.workers = -1 is out of range (allowed: "
                                         "0..256)"_s
                                      << 1;
    QTest::newRow("max-headers-1") << "[limits]\nmax_headers = 1\n"_ba + minimalPool << 2 << 15
                                   << u"limits.max_headers = 1 is out of range"_s << 1;
    QTest::newRow("timeout-zero") << "[timeouts]\nconnect = 0\n"_ba + minimalPool << 2 << 11
                                  << u"timeouts.connect = 0 is out of range"_s << 1;

    // Unsupported choices: reported at the value.
    QTest::newRow("unknown-balance") << "[[pool]]\n"
                                        "name = \"web\"\n"
                                        "balance = \"fastest\"\n"
                                        "[[pool.backend]]\n"
                                        "name = \"a\"\n"
                                        "address = \"127.0.0.1:8001\"\n"_ba
                                     << 3 << 11
                                     << u"balance = \"fastest\" is not supported (allowed: "
                                        "roundrobin, random, leastconn, byrequests, consistent)"_s
                                     << 1;
    QTest::newRow("unknown-sticky-mode") << "[[pool]]\n"
                                            "name = \"web\"\n"
                                            "[pool.sticky]\n"
                                            "mode = \"rewrite\"\n"
                                            "[[pool.backend]]\n"
                                            "name = \"a\"\n"
                                            "address = \"127.0.0.1:8001\"\n"_ba
                                         << 4 << 8
                                         << u"mode = \"rewrite\" is not supported (allowed: "
                                            "insert, prefix, route, learn, source, domain, header, "
                                            "param, none)"_s
                                         << 1;
    QTest::newRow("bad-cookie-name")
        << "[[pool]]\n"
           "name = \"web\"\n"
           "[pool.sticky]\n"
           "cookie = \"my cookie\"\n"
           "[[pool.backend]]\n"
           "name = \"a\"\n"
           "address = \"127.0.0.1:8001\"\n"_ba
        << 4 << 10 << u"cookie name \"my cookie\" is not a valid cookie name"_s << 1;
    QTest::newRow("bad-route") << minimalPool + "route = \"r-1\"\n"_ba << 6 << 9
                               << u"route \"r-1\" may only use letters, digits"_s << 1;

    // Missing pieces: reported at the table that lacks them.
    QTest::newRow("missing-pool") << "[listener]\nbind = \"127.0.0.1:8080\"\n"_ba << 1 << 1
                                  << u"no [[pool]] defined"_s << 1;
    QTest::newRow("pool-without-backend") << "[listener]\n"
                                             "bind = \"127.0.0.1:8080\"\n"
                                             "\n"
                                             "[[pool]]\n"
                                             "name = \"web\"\n"_ba
                                          << 4 << 1 << u"pool 'web' has no [[pool.backend]]"_s << 1;
    QTest::newRow("pool-without-name") << "[[pool]]\n"
                                          "balance = \"roundrobin\"\n"
                                          "[[pool.backend]]\n"
                                          "name = \"a\"\n"
                                          "address = \"127.0.0.1:8001\"\n"_ba
                                       << 1 << 1 << u"[[pool]] needs a name"_s << 1;
    QTest::newRow("backend-without-address")
        << "[[pool]]\n"
           "name = \"web\"\n"
           "\n"
           "[[pool.backend]]\n"
           "name = \"a\"\n"
           "weight = 2\n"_ba
        << 4 << 1 << u"pool 'web': backend 'a' needs an address"_s << 1;

    // TOML syntax: the parser's own position and message.
    QTest::newRow("toml-syntax-error") << "[listener]\nworkers = = 2\n"_ba + minimalPool << 2 << 11
                                       << u"could not determine value type"_s << 1;
    QTest::newRow("toml-unterminated-string")
        << "[listener]\nbind = \"127.0.0.1:8080\nworkers = 2\n"_ba + minimalPool << 2 << 23
        << u"Error while parsing string"_s << 1;
    QTest::newRow("toml-duplicate-key")
        << "[listener]\nworkers = 1\nworkers = 2\n"_ba + minimalPool << 3 << 11
        << u"cannot redefine existing integer 'workers'"_s << 1;
}

void TestConfig::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    QFETCH(int, count);

    const Limpet::ConfigResult result = Limpet::loadConfigText(text, u"bad.toml"_s);
    QVERIFY2(
        std::holds_alternative<QList<Limpet::ConfigError>>(result), "the bad input was accepted");
    const QList<Limpet::ConfigError> errors = errorsOf(result);
    QVERIFY(!errors.isEmpty());
    const Limpet::ConfigError &e = errors.first();
    const QByteArray all = describe(errors).toUtf8();
    QCOMPARE(e.file, u"bad.toml"_s);
    QVERIFY2(e.message.contains(message), all.constData());
    QCOMPARE(e.line, line);
    QCOMPARE(e.column, column);
    QVERIFY2(errors.size() == count, all.constData());
}

void TestConfig::errorToString()
{
    const Limpet::ConfigError e{u"/etc/limpet.toml"_s, 12, 7, u"something is wrong"_s};
    QCOMPARE(e.toString(), u"/etc/limpet.toml:12:7: something is wrong"_s);

    const QList<Limpet::ConfigError> errors = errorsOf(
        Limpet::loadConfigText("[listener]\nworkers = -1\n"_ba + minimalPool, u"x.toml"_s));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().toString(),
        u"x.toml:2:11: listener.workers = -1 is out of range (allowed: 0..256)"_s);
}

void TestConfig::severalErrorsAreAllReported()
{
    const QByteArray text = "bogus = 1\n" // 1
                            "[listener]\n" // 2
                            "workers = 999\n" // 3
                            "[limits]\n" // 4
                            "max_uri = \"big\"\n" // 5
                            "[[pool]]\n" // 6
                            "name = \"web\"\n" // 7
                            "[[pool.backend]]\n" // 8
                            "name = \"a\"\n" // 9
                            "address = \"nowhere\"\n" // 10
                            "weight = 2000\n" // 11
                            "[[pool.backend]]\n" // 12
                            "name = \"b\"\n"_ba; // 13
    const QList<Limpet::ConfigError> errors = errorsOf(Limpet::loadConfigText(text, u"m.toml"_s));
    const QByteArray all = describe(errors).toUtf8();
    QVERIFY2(errors.size() == 6, all.constData());
    struct Expected
    {
        int line;
        int column;
        QString message;
    };
    const QList<Expected> expected = {
        {1, 1, u"unknown key 'bogus'"_s},
        {3, 11, u"listener.workers = 999 is out of range"_s},
        {5, 11, u"limits.max_uri must be an integer"_s},
        {10, 11, u"backend 'a'.address = \"nowhere\" is not a valid address"_s},
        {11, 10, u"backend 'a'.weight = 2000 is out of range"_s},
        {12, 1, u"pool 'web': backend 'b' needs an address"_s},
    };
    // Order is not part of the contract, but every error must be there, once.
    for (const Expected &x : expected) {
        qsizetype found = 0;
        for (const Limpet::ConfigError &e : errors)
            found += e.line == x.line && e.column == x.column && e.message.contains(x.message);
        QVERIFY2(found == 1, qPrintable(x.message + u"\nin:\n"_s + QString::fromUtf8(all)));
    }
}

void TestConfig::missingFileIsOneError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"does-not-exist.toml"_s);
    const QList<Limpet::ConfigError> errors = errorsOf(Limpet::loadConfigFile(path));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().file, path);
    QCOMPARE(errors.first().line, 0);
    QVERIFY2(errors.first().message.contains(u"cannot read"_s), qPrintable(errors.first().message));
}

void TestConfig::loadFileUsesPathInErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString good = dir.filePath(u"good.toml"_s);
    QVERIFY(writeFile(good, minimalPool));
    const Limpet::ConfigResult ok = Limpet::loadConfigFile(good);
    QVERIFY2(std::holds_alternative<Limpet::Config>(ok), qPrintable(describe(errorsOf(ok))));
    QCOMPARE(std::get<Limpet::Config>(ok).sourceFile, good);

    const QString bad = dir.filePath(u"bad.toml"_s);
    QVERIFY(writeFile(bad, "[listener]\nworkers = -1\n"_ba + minimalPool));
    const QList<Limpet::ConfigError> errors = errorsOf(Limpet::loadConfigFile(bad));
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().file, bad);
    QVERIFY(errors.first().toString().startsWith(bad + u":2:11: "_s));
}

void TestConfig::checkConfigAcceptsValidFile()
{
    const QString binary = qEnvironmentVariable("LIMPET_BINARY");
    if (binary.isEmpty())
        QSKIP("LIMPET_BINARY is not set (run this test through ctest)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"ok.toml"_s);
    QVERIFY(writeFile(path, "[listener]\nbind = \"127.0.0.1:0\"\n"_ba + minimalPool));

    QProcess limpet;
    limpet.start(binary, {u"--check-config"_s, path});
    QVERIFY2(limpet.waitForFinished(60000), qPrintable(limpet.errorString()));
    QCOMPARE(limpet.exitStatus(), QProcess::NormalExit);
    const QByteArray err = limpet.readAllStandardError();
    QVERIFY2(limpet.exitCode() == 0, err.constData());
    QCOMPARE(QString::fromUtf8(limpet.readAllStandardOutput()), path + u": OK\n"_s);
    QCOMPARE(err, QByteArray());
}

void TestConfig::checkConfigRejectsBadFile()
{
    const QString binary = qEnvironmentVariable("LIMPET_BINARY");
    if (binary.isEmpty())
        QSKIP("LIMPET_BINARY is not set (run this test through ctest)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"bad.toml"_s);
    QVERIFY(writeFile(
        path, "bogus = 1\n[listener]\nworkers = -1\n"_ba + minimalPool + "weight = 1001\n"_ba));

    QProcess limpet;
    limpet.start(binary, {u"--check-config"_s, path});
    QVERIFY2(limpet.waitForFinished(60000), qPrintable(limpet.errorString()));
    QCOMPARE(limpet.exitStatus(), QProcess::NormalExit);
    QCOMPARE(limpet.exitCode(), 2);
    QCOMPARE(limpet.readAllStandardOutput(), QByteArray());

    const QStringList lines
        = QString::fromUtf8(limpet.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    const QRegularExpression form(
        u"^"_s + QRegularExpression::escape(path) + u":(\\d+):(\\d+): (.+)$"_s);
    for (const QString &l : lines)
        QVERIFY2(form.match(l).hasMatch(), qPrintable(l));
    // Exactly what the loader reports, one line per error.
    QStringList expected;
    for (const Limpet::ConfigError &e : errorsOf(Limpet::loadConfigFile(path)))
        expected.append(e.toString());
    QCOMPARE(lines, expected);
    QVERIFY(lines.at(0).startsWith(path + u":1:1: unknown key 'bogus'"_s));
    QVERIFY(lines.at(1).startsWith(path + u":3:11: listener.workers = -1"_s));
    QVERIFY(lines.at(2).startsWith(path + u":9:10: backend 'a'.weight = 1001"_s));

    // A file that cannot be read is an error too.
    QProcess missing;
    const QString nowhere = dir.filePath(u"nowhere.toml"_s);
    missing.start(binary, {u"--check-config"_s, nowhere});
    QVERIFY2(missing.waitForFinished(60000), qPrintable(missing.errorString()));
    QCOMPARE(missing.exitCode(), 2);
    const QString missingErr = QString::fromUtf8(missing.readAllStandardError());
    QVERIFY2(missingErr.startsWith(nowhere + u":"_s), qPrintable(missingErr));
    QVERIFY2(missingErr.contains(u"cannot read"_s), qPrintable(missingErr));
}

QTEST_GUILESS_MAIN(TestConfig)
#include "tst_config.moc"
