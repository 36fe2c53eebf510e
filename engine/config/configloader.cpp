#include "config/configloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
        && std::all_of(
            portText.cbegin(), portText.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
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
    { }

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
            error(
                node->source(), u"%1.%2 must be a string"_s.arg(section, QString::fromLatin1(key)));
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
            error(node->source(),
                u"%1.%2 = %3 is out of range (allowed: %4..%5)"_s
                    .arg(section, QString::fromLatin1(key))
                    .arg(v)
                    .arg(min)
                    .arg(max));
            return;
        }
        store(v);
    }

    void readBool(const toml::table &t, const char *key, const QString &section, bool &out)
    {
        const toml::node *node = t.get(key);
        if (!node)
            return;
        if (!node->is_boolean()) {
            error(node->source(),
                u"%1.%2 must be true or false"_s.arg(section, QString::fromLatin1(key)));
            return;
        }
        out = node->as_boolean()->get();
    }

    /// A string, or an array of strings.
    void readStringList(
        const toml::table &t, const char *key, const QString &section, QStringList &out)
    {
        const toml::node *node = t.get(key);
        if (!node)
            return;
        if (node->is_string()) {
            out = {QString::fromStdString(node->as_string()->get())};
            return;
        }
        if (!node->is_array()) {
            error(node->source(),
                u"%1.%2 must be a string or an array of strings"_s.arg(
                    section, QString::fromLatin1(key)));
            return;
        }
        out.clear();
        for (const toml::node &item : *node->as_array()) {
            if (!item.is_string()) {
                error(item.source(),
                    u"%1.%2 must only hold strings"_s.arg(section, QString::fromLatin1(key)));
                continue;
            }
            out.append(QString::fromStdString(item.as_string()->get()));
        }
    }

    /// Checks a string against allowed values; reports the position of `key`.
    void checkChoice(const toml::table &t, const char *key, const QString &section,
        const QString &value, const QStringList &allowed)
    {
        if (allowed.contains(value))
            return;
        const toml::node *node = t.get(key);
        error(node ? node->source() : t.source(),
            u"%1: %2 = \"%3\" is not supported (allowed: %4)"_s.arg(
                section, QString::fromLatin1(key), value, allowed.join(u", "_s)));
    }

    void readPathPrefixes(
        const toml::table &t, const char *key, const QString &section, QStringList &out)
    {
        readStringList(t, key, section, out);
        for (const QString &p : std::as_const(out)) {
            if (!p.startsWith(u'/'))
                error(t.get(key)->source(),
                    u"%1.%2: \"%3\" must start with '/'"_s.arg(
                        section, QString::fromLatin1(key), p));
        }
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
                    text, allowZeroPort ? u", port 0 = any"_s : QString()));
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
            {"listener", "admin", "state", "timeouts", "limits", "sessions", "log", "pool"});

        if (const auto *t = table(root, "listener", u"listener"_s)) {
            checkKeys(*t, u"[listener]"_s, {"bind", "workers"});
            readEndpoint(*t, "bind", u"listener"_s, true, c.listen);
            readInt(*t, "workers", u"listener"_s, 0, 256,
                [&](qint64 v) { c.workers = static_cast<int>(v); });
        }
        c.admin = AdminConfig();
        if (const auto *t = table(root, "admin", u"admin"_s)) {
            checkKeys(*t, u"[admin]"_s, {"enabled", "bind", "token", "token_file"});
            bool enabled = true;
            readBool(*t, "enabled", u"admin"_s, enabled);
            AdminConfig admin;
            readEndpoint(*t, "bind", u"admin"_s, true, admin.bind);
            QString token;
            readString(*t, "token", u"admin"_s, token);
            admin.token = token.trimmed().toUtf8();
            readString(*t, "token_file", u"admin"_s, admin.tokenFile);
            if (t->get("token") && t->get("token_file"))
                error(t->get("token_file")->source(),
                    u"[admin]: set token or token_file, not both"_s);
            else if (t->get("token") && admin.token.isEmpty())
                error(t->get("token")->source(), u"[admin]: token must not be empty"_s);
            if (!admin.tokenFile.isEmpty()) {
                const QString path
                    = QDir(QFileInfo(m_file).absolutePath()).filePath(admin.tokenFile);
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly))
                    error(t->get("token_file")->source(),
                        u"[admin]: cannot read token_file \"%1\": %2"_s.arg(path, f.errorString()));
                else if ((admin.token = f.readAll().trimmed()).isEmpty())
                    error(t->get("token_file")->source(),
                        u"[admin]: token_file \"%1\" is empty"_s.arg(path));
            }
            if (enabled && admin.token.isEmpty() && !admin.bind.host.isLoopback() && t->get("bind"))
                error(t->get("bind")->source(),
                    u"[admin]: bind = \"%1\" is reachable from other hosts: set token or "
                    "token_file (or bind to 127.0.0.1)"_s.arg(admin.bind.toString()));
            c.admin = enabled ? std::optional<AdminConfig>(admin) : std::nullopt;
        }
        if (const auto *t = table(root, "state", u"state"_s)) {
            checkKeys(*t, u"[state]"_s, {"file"});
            readString(*t, "file", u"state"_s, c.stateFile);
            if (!c.stateFile.isEmpty())
                c.stateFile = QDir(QFileInfo(m_file).absolutePath()).filePath(c.stateFile);
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

        if (const auto *t = table(root, "log", u"log"_s)) {
            checkKeys(*t, u"[log]"_s, {"access", "decisions"});
            readString(*t, "access", u"log"_s, c.log.access);
            readInt(*t, "decisions", u"log"_s, 0, 10000000,
                [&](qint64 v) { c.log.decisions = static_cast<int>(v); });
        }

        const toml::node *pools = root.get("pool");
        if (!pools) {
            error(root.source(),
                u"no [[pool]] defined: at least one pool with one backend is "
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
        checkKeys(pt, u"[[pool]]"_s,
            {"name", "balance", "sticky", "backend", "paths", "hosts", "exclude", "strip_prefix",
                "add_prefix", "failover", "sticky_standby", "drain_deadline", "health", "retries",
                "max_conn", "max_queue", "queue_timeout", "slow_start"});
        readString(pt, "name", u"pool"_s, pool.name);
        if (!pt.get("name"))
            error(pt.source(), u"[[pool]] needs a name"_s);
        else if (pool.name.isEmpty() && pt.get("name")->is_string())
            error(pt.get("name")->source(), u"pool.name must not be empty"_s);
        const QString section = u"pool '%1'"_s.arg(pool.name);

        readString(pt, "balance", section, pool.balance);
        checkChoice(pt, "balance", section, pool.balance,
            {u"roundrobin"_s, u"random"_s, u"leastconn"_s, u"byrequests"_s, u"consistent"_s});
        readPathPrefixes(pt, "paths", section, pool.paths);
        readStringList(pt, "hosts", section, pool.hosts);
        for (QString &h : pool.hosts)
            h = h.toLower();
        readPathPrefixes(pt, "exclude", section, pool.exclude);
        readString(pt, "strip_prefix", section, pool.stripPrefix);
        readString(pt, "add_prefix", section, pool.addPrefix);
        if (!pool.stripPrefix.isEmpty() && !pool.stripPrefix.startsWith(u'/'))
            error(pt.get("strip_prefix")->source(),
                u"%1.strip_prefix must start with '/'"_s.arg(section));
        if (!pool.addPrefix.isEmpty() && !pool.addPrefix.startsWith(u'/'))
            error(pt.get("add_prefix")->source(),
                u"%1.add_prefix must start with '/'"_s.arg(section));
        readBool(pt, "failover", section, pool.failover);
        readBool(pt, "sticky_standby", section, pool.stickyStandby);
        readInt(pt, "drain_deadline", section, 1, 365LL * 86400,
            [&](qint64 v) { pool.drainDeadlineSeconds = v; });

        if (const auto *st = table(pt, "sticky", u"pool.sticky"_s))
            readSticky(*st, section, pool.sticky);
        if (const auto *ht = table(pt, "health", u"pool.health"_s))
            readHealth(*ht, section, pool.health);
        readInt(pt, "retries", section, 0, 100, [&](qint64 v) { pool.retries = int(v); });
        readInt(pt, "max_conn", section, 0, 1000000, [&](qint64 v) { pool.maxConn = int(v); });
        readInt(pt, "max_queue", section, 0, 1000000, [&](qint64 v) { pool.maxQueue = int(v); });
        readInt(pt, "queue_timeout", section, 1, 3600000,
            [&](qint64 v) { pool.queueTimeout = std::chrono::milliseconds(v); });
        readInt(pt, "slow_start", section, 0, 86400,
            [&](qint64 v) { pool.slowStart = std::chrono::seconds(v); });

        const toml::node *backends = pt.get("backend");
        if (!backends) {
            error(pt.source(), u"%1 has no [[pool.backend]]"_s.arg(section));
            return pool;
        }
        if (!backends->is_array_of_tables()) {
            error(backends->source(),
                u"pool.backend must be an array of tables "
                "([[pool.backend]])"_s);
            return pool;
        }
        QSet<QString> names;
        QSet<QString> routes;
        for (const toml::node &bn : *backends->as_array()) {
            const toml::table &bt = *bn.as_table();
            BackendConfig b;
            checkKeys(bt, u"[[pool.backend]]"_s,
                {"name", "address", "route", "weight", "state", "max_conn"});
            readInt(bt, "max_conn", section, 0, 1000000, [&](qint64 v) { b.maxConn = int(v); });
            readString(bt, "state", section, b.state);
            checkChoice(
                bt, "state", section, b.state, {u"ready"_s, u"drain"_s, u"maint"_s, u"standby"_s});
            readString(bt, "name", section, b.name);
            if (!bt.get("name"))
                error(bt.source(), u"%1: [[pool.backend]] needs a name"_s.arg(section));
            else if (b.name.isEmpty() && bt.get("name")->is_string())
                error(
                    bt.get("name")->source(), u"%1: backend name must not be empty"_s.arg(section));
            if (!bt.get("address"))
                error(bt.source(),
                    u"%1: backend '%2' needs an address (IP:PORT)"_s.arg(section, b.name));
            readEndpoint(bt, "address", u"backend '%1'"_s.arg(b.name), false, b.address);
            readString(bt, "route", section, b.route);
            if (const toml::node *n = bt.get("route")) {
                if (!validCookieValue(b.route))
                    error(n->source(),
                        u"%1: route \"%2\" may only use letters, digits, '_' and "
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
            if (pool.sticky.mode == "route"_L1 && b.route.contains(pool.sticky.separator))
                error((bt.get("route") ? bt.get("route") : bt.get("name"))->source(),
                    u"%1: route '%2' contains the route separator '%3'"_s.arg(
                        section, b.route, pool.sticky.separator));
            names.insert(b.name);
            routes.insert(b.route);
            pool.backends.append(b);
        }
        return pool;
    }

    void readHealth(const toml::table &ht, const QString &section, HealthConfig &health)
    {
        health.enabled = true;
        readString(ht, "type", section, health.type);
        checkChoice(ht, "type", section, health.type, {u"http"_s, u"tcp"_s});
        if (health.type == "tcp"_L1)
            checkKeys(ht, u"[pool.health] (type tcp)"_s,
                {"type", "interval", "timeout", "rise", "fall", "max_fails", "fail_window"});
        else
            checkKeys(ht, u"[pool.health] (type http)"_s,
                {"type", "path", "host", "expect", "interval", "timeout", "rise", "fall",
                    "max_fails", "fail_window"});
        readString(ht, "path", section, health.path);
        if (!health.path.startsWith(u'/'))
            error(ht.get("path")->source(), u"%1: health path must start with '/'"_s.arg(section));
        readString(ht, "host", section, health.host);
        if (const toml::node *n = ht.get("expect")) {
            QString expect;
            readString(ht, "expect", section, expect);
            const QStringList parts = expect.split(u'-');
            bool ok1 = false;
            bool ok2 = false;
            const int lo = parts.value(0).trimmed().toInt(&ok1);
            const int hi = parts.size() == 2 ? parts.at(1).trimmed().toInt(&ok2) : lo;
            if (parts.size() == 1)
                ok2 = ok1;
            if (!ok1 || !ok2 || parts.size() > 2 || lo < 100 || hi > 599 || lo > hi)
                error(n->source(),
                    u"%1: health expect = \"%2\" must be a status or a range, e.g. \"200\" "
                    "or \"200-399\""_s.arg(section, expect));
            else {
                health.expectMin = lo;
                health.expectMax = hi;
            }
        }
        readInt(ht, "interval", section, 10, 3600000,
            [&](qint64 v) { health.interval = std::chrono::milliseconds(v); });
        readInt(ht, "timeout", section, 1, 3600000,
            [&](qint64 v) { health.timeout = std::chrono::milliseconds(v); });
        readInt(ht, "rise", section, 1, 1000, [&](qint64 v) { health.rise = int(v); });
        readInt(ht, "fall", section, 1, 1000, [&](qint64 v) { health.fall = int(v); });
        readInt(ht, "max_fails", section, 0, 100000, [&](qint64 v) { health.maxFails = int(v); });
        readInt(ht, "fail_window", section, 1, 86400000,
            [&](qint64 v) { health.failWindow = std::chrono::milliseconds(v); });
    }

    void readSticky(const toml::table &st, const QString &section, StickyConfig &sticky)
    {
        readString(st, "mode", section, sticky.mode);
        checkChoice(st, "mode", section, sticky.mode,
            {u"insert"_s, u"prefix"_s, u"route"_s, u"learn"_s, u"source"_s, u"domain"_s,
                u"header"_s, u"param"_s, u"none"_s});
        const QString &m = sticky.mode;
        // The keys each mode takes; any other key is an error naming what the mode allows.
        if (m == "insert"_L1)
            checkKeys(st, u"[pool.sticky] (mode insert)"_s,
                {"mode", "cookie", "value", "salt", "secret", "sign", "path", "domain", "secure",
                    "httponly", "samesite", "max_age", "indirect", "nocache", "preserve", "maxidle",
                    "maxlife"});
        else if (m == "prefix"_L1)
            checkKeys(
                st, u"[pool.sticky] (mode prefix)"_s, {"mode", "cookie", "delimiter", "nocache"});
        else if (m == "route"_L1)
            checkKeys(st, u"[pool.sticky] (mode route)"_s,
                {"mode", "names", "separator", "set", "path", "domain", "secure", "httponly",
                    "samesite", "max_age"});
        else if (m == "learn"_L1)
            checkKeys(
                st, u"[pool.sticky] (mode learn)"_s, {"mode", "cookie", "max_entries", "idle"});
        else if (m == "source"_L1)
            checkKeys(st, u"[pool.sticky] (mode source)"_s, {"mode", "trusted_proxies"});
        else if (m == "header"_L1)
            checkKeys(st, u"[pool.sticky] (mode header)"_s, {"mode", "header"});
        else if (m == "param"_L1)
            checkKeys(st, u"[pool.sticky] (mode param)"_s, {"mode", "param"});
        else
            checkKeys(st, u"[pool.sticky] (mode %1)"_s.arg(m), {"mode"});

        if (m == "learn"_L1 || m == "prefix"_L1)
            sticky.cookie.clear(); // the application's cookie: required, no default
        readString(st, "cookie", section, sticky.cookie);
        if ((m == "learn"_L1 || m == "prefix"_L1) && !st.get("cookie"))
            error(st.source(),
                u"%1: mode %2 needs cookie = \"<the application's session cookie, "
                "e.g. PHPSESSID>\""_s.arg(section, m));
        if (const toml::node *n = st.get("cookie"); n && !validCookieName(sticky.cookie))
            error(n->source(),
                u"%1: cookie name \"%2\" is not a valid cookie name (letters, "
                "digits and !#$%&'*+-.^_`|~)"_s.arg(section, sticky.cookie));

        readString(st, "value", section, sticky.value);
        checkChoice(st, "value", section, sticky.value, {u"hash"_s, u"route"_s, u"masked"_s});
        readString(st, "salt", section, sticky.salt);
        readString(st, "secret", section, sticky.secret);
        sticky.sign = !sticky.secret.isEmpty();
        readBool(st, "sign", section, sticky.sign);
        if (sticky.sign && sticky.secret.isEmpty())
            error(st.get("sign")->source(),
                u"%1: sign = true needs a secret = \"...\" to sign with"_s.arg(section));
        readString(st, "path", section, sticky.path);
        if (!sticky.path.startsWith(u'/'))
            error(st.get("path")->source(), u"%1: cookie path must start with '/'"_s.arg(section));
        readString(st, "domain", section, sticky.domain);
        readBool(st, "secure", section, sticky.secure);
        readBool(st, "httponly", section, sticky.httpOnly);
        readString(st, "samesite", section, sticky.sameSite);
        if (st.get("samesite"))
            checkChoice(
                st, "samesite", section, sticky.sameSite, {u"Strict"_s, u"Lax"_s, u"None"_s});
        if (sticky.sameSite == "None"_L1)
            sticky.secure = true; // browsers refuse SameSite=None without Secure
        readInt(
            st, "max_age", section, 0, 10LL * 365 * 86400, [&](qint64 v) { sticky.maxAge = v; });
        readBool(st, "indirect", section, sticky.indirect);
        readBool(st, "nocache", section, sticky.nocache);
        readBool(st, "preserve", section, sticky.preserve);
        readInt(
            st, "maxidle", section, 1, 10LL * 365 * 86400, [&](qint64 v) { sticky.maxIdle = v; });
        readInt(
            st, "maxlife", section, 1, 10LL * 365 * 86400, [&](qint64 v) { sticky.maxLife = v; });

        readString(st, "delimiter", section, sticky.delimiter);
        if (sticky.delimiter.size() != 1)
            error(st.get("delimiter")->source(),
                u"%1: delimiter must be one character"_s.arg(section));

        readStringList(st, "names", section, sticky.names);
        if (m == "route"_L1 && sticky.names.isEmpty())
            error(st.source(),
                u"%1: mode route needs names = [\"JSESSIONID\", \"jsessionid\"] "
                "(the cookie and URL parameter that carry the route)"_s.arg(section));
        readString(st, "separator", section, sticky.separator);
        if (sticky.separator.size() != 1)
            error(st.get("separator")->source(),
                u"%1: separator must be one character"_s.arg(section));
        readString(st, "set", section, sticky.set);
        checkChoice(st, "set", section, sticky.set, {u"backend"_s, u"balancer"_s});

        readInt(st, "max_entries", section, 1, 100000000,
            [&](qint64 v) { sticky.learnMaxEntries = static_cast<int>(v); });
        readInt(
            st, "idle", section, 1, 365LL * 86400, [&](qint64 v) { sticky.learnIdleSeconds = v; });

        QStringList proxies;
        readStringList(st, "trusted_proxies", section, proxies);
        for (const QString &p : std::as_const(proxies)) {
            const QPair<QHostAddress, int> subnet = QHostAddress::parseSubnet(p);
            if (subnet.first.isNull())
                error(st.get("trusted_proxies")->source(),
                    u"%1: trusted_proxies: \"%2\" is not a network (e.g. \"10.0.0.0/8\", "
                    "\"::1/128\")"_s.arg(section, p));
            else
                sticky.trustedProxies.append(Cidr{subnet.first, subnet.second});
        }

        readString(st, "header", section, sticky.header);
        if (m == "header"_L1 && sticky.header.isEmpty())
            error(st.source(),
                u"%1: mode header needs header = \"<request header name>\""_s.arg(section));
        readString(st, "param", section, sticky.param);
        if (m == "param"_L1 && sticky.param.isEmpty())
            error(st.source(),
                u"%1: mode param needs param = \"<query parameter name>\""_s.arg(section));
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

    static bool validCookieValue(const QString &value) { return isValidRoute(value); }

    QList<ConfigError> m_errors;

private:
    QString m_file;
};

} // namespace

bool isValidRoute(const QString &value)
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
    config.sourceText = QString::fromUtf8(text);
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
