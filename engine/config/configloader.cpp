#include "config/configloader.h"

#include <QFile>
#include <QSet>
#include <QThread>

#include <toml++/toml.h>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace Limpet {

QString Endpoint::toString() const
{
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        return u"[%1]:%2"_s.arg(host.toString()).arg(port);
    return u"%1:%2"_s.arg(host.toString()).arg(port);
}

std::optional<Endpoint> Endpoint::parse(const QString &text, bool allowZeroPort)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return std::nullopt;
    QString hostText = text.left(colon);
    if (hostText.startsWith(u'[') && hostText.endsWith(u']'))
        hostText = hostText.mid(1, hostText.size() - 2);
    if (hostText == "localhost"_L1)
        hostText = u"127.0.0.1"_s;
    const QString portText = text.mid(colon + 1);
    const bool digitsOnly = !portText.isEmpty() && portText.size() <= 5
        && std::all_of(portText.cbegin(), portText.cend(),
                       [](QChar c) { return c >= u'0' && c <= u'9'; });
    const uint port = digitsOnly ? portText.toUInt() : 70000;
    if (port > 65535 || (port == 0 && !allowZeroPort))
        return std::nullopt;
    if (hostText.contains(u':') && !text.startsWith(u'['))
        return std::nullopt; // an IPv6 address needs brackets: "[::1]:8080"
    QHostAddress host;
    if (!host.setAddress(hostText))
        return std::nullopt;
    return Endpoint{host, static_cast<quint16>(port)};
}

int Config::effectiveWorkers() const
{
    return workers > 0 ? workers : qMax(1, QThread::idealThreadCount());
}

QString ConfigError::toString() const
{
    if (line == 0)
        return u"%1: %2"_s.arg(file, message);
    return u"%1:%2:%3: %4"_s.arg(file).arg(line).arg(column).arg(message);
}

namespace {

/// Walks a parsed TOML document, filling a Config and collecting every error with its position.
class Reader
{
public:
    explicit Reader(QString file)
        : m_file(std::move(file))
    {
    }

    void error(const toml::source_region &where, const QString &message)
    {
        m_errors.append({m_file, static_cast<int>(where.begin.line),
                         static_cast<int>(where.begin.column), message});
    }

    /// Reports keys of `table` that are not in `allowed`.
    void checkKeys(const toml::table &table, const QString &section,
                   std::initializer_list<const char *> allowed)
    {
        for (auto &&[key, node] : table) {
            bool known = false;
            for (const char *a : allowed)
                known = known || key.str() == a;
            if (!known) {
                QStringList names;
                for (const char *a : allowed)
                    names.append(QString::fromLatin1(a));
                error(key.source().begin.line ? key.source() : node.source(),
                      u"unknown key '%1' in %2 (allowed: %3)"_s.arg(
                          QString::fromStdString(std::string(key.str())), section,
                          names.join(u", "_s)));
            }
        }
    }

    const toml::table *table(const toml::table &parent, const char *key, const QString &where)
    {
        const toml::node *node = parent.get(key);
        if (!node)
            return nullptr;
        if (!node->is_table()) {
            error(node->source(), u"'%1' must be a table ([%1])"_s.arg(where));
            return nullptr;
        }
        return node->as_table();
    }

    void readString(const toml::table &t, const char *key, const QString &section, QString &out)
    {
        const toml::node *node = t.get(key);
        if (!node)
            return;
        if (const auto v = node->value<std::string>(); v && node->is_string())
            out = QString::fromStdString(*v);
        else
            error(node->source(),
                  u"%1.%2 must be a string"_s.arg(section, QString::fromLatin1(key)));
    }

    void readInt(const toml::table &t, const char *key, const QString &section, qint64 min,
                 qint64 max, const std::function<void(qint64)> &store)
    {
        const toml::node *node = t.get(key);
        if (!node)
            return;
        if (!node->is_integer()) {
            error(node->source(),
                  u"%1.%2 must be an integer (%3..%4)"_s.arg(section, QString::fromLatin1(key))
                      .arg(min)
                      .arg(max));
            return;
        }
        const qint64 v = node->as_integer()->get();
        if (v < min || v > max) {
            error(node->source(), u"%1.%2 = %3 is out of range (allowed: %4..%5)"_s
                                      .arg(section, QString::fromLatin1(key))
                                      .arg(v)
                                      .arg(min)
                                      .arg(max));
            return;
        }
        store(v);
    }

    void readEndpoint(const toml::table &t, const char *key, const QString &section,
                      bool allowZeroPort, Endpoint &out)
    {
        const toml::node *node = t.get(key);
        if (!node)
            return;
        QString text;
        readString(t, key, section, text);
        if (text.isEmpty() && !node->is_string())
            return;
        if (auto ep = Endpoint::parse(text, allowZeroPort))
            out = *ep;
        else
            error(node->source(),
                  u"%1.%2 = \"%3\" is not a valid address (expected IP:PORT, e.g. "
                  "\"127.0.0.1:8080\" or \"[::1]:8080\"%4)"_s.arg(section, QString::fromLatin1(key),
                                                              text,
                                                              allowZeroPort ? u", port 0 = any"_s
                                                                            : QString()));
    }

    void readMs(const toml::table &t, const char *key, std::chrono::milliseconds &out)
    {
        readInt(t, key, u"timeouts"_s, 1, 86400000,
                [&](qint64 v) { out = std::chrono::milliseconds(v); });
    }

    Config read(const toml::table &root)
    {
        Config c;
        c.sourceFile = m_file;
        checkKeys(root, u"the top level"_s,
                  {"listener", "admin", "timeouts", "limits", "sessions", "pool"});

        if (const auto *t = table(root, "listener", u"listener"_s)) {
            checkKeys(*t, u"[listener]"_s, {"bind", "workers"});
            readEndpoint(*t, "bind", u"listener"_s, true, c.listen);
            readInt(*t, "workers", u"listener"_s, 0, 256,
                    [&](qint64 v) { c.workers = static_cast<int>(v); });
        }
        if (const auto *t = table(root, "admin", u"admin"_s)) {
            checkKeys(*t, u"[admin]"_s, {"bind"});
            readEndpoint(*t, "bind", u"admin"_s, true, c.admin);
        }
        if (const auto *t = table(root, "timeouts", u"timeouts"_s)) {
            checkKeys(*t, u"[timeouts]"_s,
                      {"connect", "client", "server", "keepalive", "tunnel", "shutdown"});
            readMs(*t, "connect", c.timeouts.connect);
            readMs(*t, "client", c.timeouts.client);
            readMs(*t, "server", c.timeouts.server);
            readMs(*t, "keepalive", c.timeouts.keepalive);
            readMs(*t, "tunnel", c.timeouts.tunnel);
            readMs(*t, "shutdown", c.timeouts.shutdown);
        }
        if (const auto *t = table(root, "limits", u"limits"_s)) {
            checkKeys(*t, u"[limits]"_s, {"max_uri", "max_header_bytes", "max_headers"});
            readInt(*t, "max_uri", u"limits"_s, 16, 1 << 20,
                    [&](qint64 v) { c.limits.maxUri = static_cast<int>(v); });
            readInt(*t, "max_header_bytes", u"limits"_s, 256, 1 << 24,
                    [&](qint64 v) { c.limits.maxHeaderBytes = static_cast<int>(v); });
            readInt(*t, "max_headers", u"limits"_s, 4, 10000,
                    [&](qint64 v) { c.limits.maxHeaders = static_cast<int>(v); });
        }
        if (const auto *t = table(root, "sessions", u"sessions"_s)) {
            checkKeys(*t, u"[sessions]"_s, {"max_entries", "idle"});
            readInt(*t, "max_entries", u"sessions"_s, 1, 100000000,
                    [&](qint64 v) { c.sessions.maxEntries = static_cast<int>(v); });
            readInt(*t, "idle", u"sessions"_s, 1, 365LL * 86400,
                    [&](qint64 v) { c.sessions.idle = std::chrono::seconds(v); });
        }

        const toml::node *pools = root.get("pool");
        if (!pools) {
            error(root.source(), u"no [[pool]] defined: at least one pool with one backend is "
                                 "required"_s);
        } else if (!pools->is_array_of_tables()) {
            error(pools->source(), u"'pool' must be an array of tables ([[pool]])"_s);
        } else {
            QSet<QString> poolNames;
            for (const toml::node &pn : *pools->as_array()) {
                const toml::table &pt = *pn.as_table();
                PoolConfig pool = readPool(pt);
                if (pool.name.isEmpty())
                    continue;
                if (poolNames.contains(pool.name))
                    error(pt.get("name")->source(), u"duplicate pool name '%1'"_s.arg(pool.name));
                poolNames.insert(pool.name);
                c.pools.append(pool);
            }
        }
        return c;
    }

    PoolConfig readPool(const toml::table &pt)
    {
        PoolConfig pool;
        checkKeys(pt, u"[[pool]]"_s, {"name", "balance", "sticky", "backend"});
        readString(pt, "name", u"pool"_s, pool.name);
        if (!pt.get("name"))
            error(pt.source(), u"[[pool]] needs a name"_s);
        else if (pool.name.isEmpty() && pt.get("name")->is_string())
            error(pt.get("name")->source(), u"pool.name must not be empty"_s);
        const QString section = u"pool '%1'"_s.arg(pool.name);

        readString(pt, "balance", section, pool.balance);
        static const QStringList balances = {u"roundrobin"_s};
        if (!balances.contains(pool.balance))
            error(pt.get("balance")->source(),
                  u"%1: balance = \"%2\" is not supported (allowed: %3)"_s.arg(
                      section, pool.balance, balances.join(u", "_s)));

        if (const auto *st = table(pt, "sticky", u"pool.sticky"_s)) {
            checkKeys(*st, u"[pool.sticky]"_s, {"mode", "cookie"});
            readString(*st, "mode", section, pool.sticky.mode);
            static const QStringList modes = {u"insert"_s, u"none"_s};
            if (!modes.contains(pool.sticky.mode))
                error(st->get("mode")->source(),
                      u"%1: sticky mode \"%2\" is not supported (allowed: %3)"_s.arg(
                          section, pool.sticky.mode, modes.join(u", "_s)));
            readString(*st, "cookie", section, pool.sticky.cookie);
            if (const toml::node *n = st->get("cookie"); n && !validCookieName(pool.sticky.cookie))
                error(n->source(), u"%1: cookie name \"%2\" is not a valid cookie name (letters, "
                                   "digits and !#$%&'*+-.^_`|~)"_s.arg(section, pool.sticky.cookie));
        }

        const toml::node *backends = pt.get("backend");
        if (!backends) {
            error(pt.source(), u"%1 has no [[pool.backend]]"_s.arg(section));
            return pool;
        }
        if (!backends->is_array_of_tables()) {
            error(backends->source(), u"pool.backend must be an array of tables "
                                      "([[pool.backend]])"_s);
            return pool;
        }
        QSet<QString> names;
        QSet<QString> routes;
        for (const toml::node &bn : *backends->as_array()) {
            const toml::table &bt = *bn.as_table();
            BackendConfig b;
            checkKeys(bt, u"[[pool.backend]]"_s, {"name", "address", "route", "weight"});
            readString(bt, "name", section, b.name);
            if (!bt.get("name"))
                error(bt.source(), u"%1: [[pool.backend]] needs a name"_s.arg(section));
            else if (b.name.isEmpty() && bt.get("name")->is_string())
                error(bt.get("name")->source(), u"%1: backend name must not be empty"_s.arg(section));
            if (!bt.get("address"))
                error(bt.source(), u"%1: backend '%2' needs an address (IP:PORT)"_s.arg(section, b.name));
            readEndpoint(bt, "address", u"backend '%1'"_s.arg(b.name), false, b.address);
            readString(bt, "route", section, b.route);
            if (const toml::node *n = bt.get("route")) {
                if (!validCookieValue(b.route))
                    error(n->source(), u"%1: route \"%2\" may only use letters, digits, '_' and "
                                       "'.' (it travels in cookies)"_s.arg(section, b.route));
            } else if (!b.name.isEmpty()) {
                b.route = b.name;
                if (!validCookieValue(b.route))
                    error(bt.get("name")->source(),
                          u"%1: backend name \"%2\" cannot be its route: a route may only use "
                          "letters, digits, '_' and '.' (it travels in cookies); set route = "
                          "\"...\" for this backend"_s.arg(section, b.name));
            }
            readInt(bt, "weight", u"backend '%1'"_s.arg(b.name), 0, 1000,
                    [&](qint64 v) { b.weight = static_cast<int>(v); });
            if (!b.name.isEmpty() && names.contains(b.name))
                error(bt.get("name")->source(),
                      u"%1: duplicate backend name '%2'"_s.arg(section, b.name));
            else if (!b.route.isEmpty() && routes.contains(b.route))
                error((bt.get("route") ? bt.get("route") : bt.get("name"))->source(),
                      u"%1: duplicate backend route '%2' (routes must be unique in a pool)"_s.arg(
                          section, b.route));
            names.insert(b.name);
            routes.insert(b.route);
            pool.backends.append(b);
        }
        return pool;
    }

    static bool validCookieName(const QString &name)
    {
        if (name.isEmpty())
            return false;
        for (QChar ch : name) {
            const char16_t c = ch.unicode();
            const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
                || (c >= u'0' && c <= u'9') || QStringView(u"!#$%&'*+-.^_`|~").contains(ch);
            if (!ok)
                return false;
        }
        return true;
    }

    static bool validCookieValue(const QString &value)
    {
        if (value.isEmpty())
            return false;
        for (QChar ch : value) {
            const char16_t c = ch.unicode();
            if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
                  || c == u'_' || c == u'.'))
                return false;
        }
        return true;
    }

    QList<ConfigError> m_errors;

private:
    QString m_file;
};

} // namespace

ConfigResult loadConfigText(const QByteArray &text, const QString &fileName)
{
    toml::table root;
    try {
        root = toml::parse(std::string_view(text.constData(), static_cast<size_t>(text.size())),
                           fileName.toStdString());
    } catch (const toml::parse_error &e) {
        return QList<ConfigError>{{fileName, static_cast<int>(e.source().begin.line),
                                   static_cast<int>(e.source().begin.column),
                                   QString::fromStdString(std::string(e.description()))}};
    }
    Reader reader(fileName);
    Config config = reader.read(root);
    if (!reader.m_errors.isEmpty()) {
        std::stable_sort(reader.m_errors.begin(), reader.m_errors.end(),
                         [](const ConfigError &a, const ConfigError &b) {
                             return std::pair(a.line, a.column) < std::pair(b.line, b.column);
                         });
        return reader.m_errors;
    }
    return config;
}

ConfigResult loadConfigFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QList<ConfigError>{{path, 0, 0, u"cannot read: %1"_s.arg(file.errorString())}};
    return loadConfigText(file.readAll(), path);
}

} // namespace Limpet
