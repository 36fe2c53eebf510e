// Tests of the Prometheus text exposition of an engine snapshot (engine/admin/metrics.h): the
// output is checked by a strict parser of the text format 0.0.4 written here, then value by value.
// When promtool is installed, it checks the output too.

#include "admin/metrics.h"

#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;
using Limpet::BackendSnapshot;
using Limpet::BackendState;
using Limpet::EngineSnapshot;
using Limpet::Health;
using Limpet::PoolSnapshot;
using Limpet::ReasonCode;

namespace {

// ---------------------------------------------------------------------------------------------
// A strict parser of the Prometheus text format 0.0.4, stricter than Prometheus where Limpet has
// no reason to use the format's latitude: one space between name and value, no timestamps, no
// empty lines, no other comments than HELP and TYPE, HELP and TYPE on every family, and only
// the types Limpet uses.

using Labels = QMap<QByteArray, QString>;

struct Sample
{
    QByteArray name;
    QByteArray family;
    Labels labels;
    QByteArray text; ///< the value as written
    double value = 0;
};

struct Family
{
    QByteArray type; ///< empty: no TYPE line (yet)
    bool hasHelp = false;
    qsizetype samples = 0;
};

struct Exposition
{
    QString error; ///< empty: the text is valid
    QMap<QByteArray, Family> families; ///< by name
    QList<Sample> samples; ///< in the order written

    [[nodiscard]] const Sample *find(QByteArrayView name, const Labels &labels) const
    {
        for (const Sample &s : samples) {
            if (s.name == name && s.labels == labels)
                return &s;
        }
        return nullptr;
    }
    /// The value of a series as written, "<missing>" when there is no such series.
    [[nodiscard]] QByteArray text(QByteArrayView name, const Labels &labels) const
    {
        const Sample *s = find(name, labels);
        return s ? s->text : "<missing>"_ba;
    }
    [[nodiscard]] QList<Sample> ofFamily(QByteArrayView family) const
    {
        QList<Sample> out;
        for (const Sample &s : samples) {
            if (s.family == family)
                out.append(s);
        }
        return out;
    }
};

bool isNameChar(char c, bool first, bool colon)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':')
        || (!first && c >= '0' && c <= '9');
}

/// A Go ParseFloat number as Prometheus writes and reads them (no hex floats).
std::optional<double> parseNumber(QByteArrayView text)
{
    if (text == "+Inf" || text == "Inf")
        return std::numeric_limits<double>::infinity();
    if (text == "-Inf")
        return -std::numeric_limits<double>::infinity();
    if (text == "NaN")
        return std::numeric_limits<double>::quiet_NaN();
    static const QRegularExpression grammar(
        u"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?$"_s);
    const QString s = QString::fromLatin1(text);
    if (!grammar.match(s).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = s.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

class Parser
{
public:
    Exposition parse(const QByteArray &text)
    {
        if (!text.endsWith('\n'))
            fail(u"the text does not end with a newline"_s);
        const QList<QByteArray> lines = text.chopped(text.endsWith('\n') ? 1 : 0).split('\n');
        for (const QByteArray &line : lines) {
            ++m_line;
            if (!m_result.error.isEmpty())
                break;
            if (line.startsWith('#'))
                parseComment(line);
            else
                parseSample(line);
        }
        m_line = 0;
        if (m_result.error.isEmpty())
            checkFamilies();
        if (m_result.error.isEmpty())
            checkHistograms();
        return m_result;
    }

private:
    bool fail(const QString &why)
    {
        if (m_result.error.isEmpty())
            m_result.error = m_line ? u"line %1: %2"_s.arg(m_line).arg(why) : why;
        return false;
    }

    /// Reads a metric name (`colon`) or a label name at `pos`; empty when there is none.
    static QByteArray readName(QByteArrayView line, qsizetype &pos, bool colon)
    {
        const qsizetype start = pos;
        while (pos < line.size() && isNameChar(line[pos], pos == start, colon))
            ++pos;
        return line.sliced(start, pos - start).toByteArray();
    }

    /// Every line of a family comes in one group: entering family `name` must not return to a
    /// family left before.
    bool enterFamily(const QByteArray &name)
    {
        if (name == m_current)
            return true;
        if (m_closed.contains(name))
            return fail(
                u"lines of family %1 are not grouped together"_s.arg(QLatin1StringView(name)));
        if (!m_current.isEmpty())
            m_closed.insert(m_current);
        m_current = name;
        return true;
    }

    bool parseComment(QByteArrayView line)
    {
        const bool help = line.startsWith("# HELP ");
        if (!help && !line.startsWith("# TYPE "))
            return fail(u"a comment that is neither HELP nor TYPE"_s);
        qsizetype pos = 7;
        const QByteArray name = readName(line, pos, true);
        if (name.isEmpty())
            return fail(u"no metric name after HELP/TYPE"_s);
        if (pos >= line.size() || line[pos] != ' ')
            return fail(u"no space after the metric name"_s);
        const QByteArrayView rest = line.sliced(pos + 1);
        if (!enterFamily(name))
            return false;
        Family &family = m_result.families[name];
        if (family.samples > 0)
            return fail(u"HELP/TYPE after samples of %1"_s.arg(QLatin1StringView(name)));
        if (help) {
            if (family.hasHelp)
                return fail(u"a second HELP for %1"_s.arg(QLatin1StringView(name)));
            for (qsizetype i = 0; i < rest.size(); ++i) {
                if (rest[i] == '\\') {
                    if (i + 1 >= rest.size() || (rest[i + 1] != '\\' && rest[i + 1] != 'n'))
                        return fail(u"a bad escape in HELP"_s);
                    ++i;
                }
            }
            if (rest.trimmed().isEmpty())
                return fail(u"an empty HELP"_s);
            family.hasHelp = true;
            return true;
        }
        if (!family.type.isEmpty())
            return fail(u"a second TYPE for %1"_s.arg(QLatin1StringView(name)));
        if (rest != "counter" && rest != "gauge" && rest != "histogram")
            return fail(u"an unexpected type: %1"_s.arg(QLatin1StringView(rest)));
        family.type = rest.toByteArray();
        return true;
    }

    bool parseLabels(QByteArrayView line, qsizetype &pos, Labels &labels)
    {
        ++pos; // '{'
        while (true) {
            const QByteArray name = readName(line, pos, false);
            if (name.isEmpty())
                return fail(u"a label name expected"_s);
            if (name.startsWith("__"))
                return fail(u"a reserved label name"_s);
            if (labels.contains(name))
                return fail(u"label %1 twice"_s.arg(QLatin1StringView(name)));
            if (pos + 1 >= line.size() || line[pos] != '=' || line[pos + 1] != '"')
                return fail(u"=\" expected after a label name"_s);
            pos += 2;
            QByteArray raw;
            while (true) {
                if (pos >= line.size())
                    return fail(u"an unterminated label value"_s);
                const char c = line[pos++];
                if (c == '"')
                    break;
                if (c != '\\') {
                    raw.append(c);
                    continue;
                }
                if (pos >= line.size())
                    return fail(u"an unterminated escape"_s);
                const char e = line[pos++];
                if (e == '\\')
                    raw.append('\\');
                else if (e == '"')
                    raw.append('"');
                else if (e == 'n')
                    raw.append('\n');
                else
                    return fail(u"a bad escape in a label value"_s);
            }
            const QString value = QString::fromUtf8(raw);
            if (value.toUtf8() != raw)
                return fail(u"a label value that is not UTF-8"_s);
            labels.insert(name, value);
            if (pos >= line.size())
                return fail(u"an unterminated label set"_s);
            const char next = line[pos++];
            if (next == '}')
                return true;
            if (next != ',')
                return fail(u", or } expected after a label"_s);
        }
    }

    /// The family a sample belongs to: its own name when that has a TYPE, else a histogram's.
    QByteArray familyOf(const QByteArray &name) const
    {
        const auto typed = [this](const QByteArray &n) {
            return m_result.families.contains(n) && !m_result.families.value(n).type.isEmpty();
        };
        if (typed(name))
            return name;
        for (const QByteArrayView suffix : {"_bucket", "_sum", "_count"}) {
            if (name.endsWith(suffix)) {
                const QByteArray base = name.chopped(suffix.size());
                if (typed(base) && m_result.families.value(base).type == "histogram")
                    return base;
            }
        }
        return {};
    }

    bool parseSample(QByteArrayView line)
    {
        Sample sample;
        qsizetype pos = 0;
        sample.name = readName(line, pos, true);
        if (sample.name.isEmpty())
            return fail(u"a sample without a metric name"_s);
        if (pos < line.size() && line[pos] == '{' && !parseLabels(line, pos, sample.labels))
            return false;
        if (pos >= line.size() || line[pos] != ' ')
            return fail(u"one space expected before the value"_s);
        sample.text = line.sliced(pos + 1).toByteArray();
        const std::optional<double> value = parseNumber(sample.text);
        if (!value)
            return fail(
                u"not a number (or a timestamp follows): %1"_s.arg(QLatin1StringView(sample.text)));
        sample.value = *value;

        sample.family = familyOf(sample.name);
        if (sample.family.isEmpty())
            return fail(u"no TYPE before sample %1"_s.arg(QLatin1StringView(sample.name)));
        if (!enterFamily(sample.family))
            return false;
        Family &family = m_result.families[sample.family];
        if (!family.hasHelp)
            return fail(u"no HELP before sample %1"_s.arg(QLatin1StringView(sample.name)));
        if (family.type == "counter") {
            if (!sample.name.endsWith("_total"))
                return fail(
                    u"counter %1 does not end in _total"_s.arg(QLatin1StringView(sample.name)));
            if (std::isnan(sample.value) || sample.value < 0)
                return fail(u"a negative or NaN counter"_s);
        } else if (family.type == "histogram") {
            if (sample.name.endsWith("_bucket") != sample.labels.contains("le"_ba))
                return fail(u"le on a sample that is not a bucket, or a bucket without le"_s);
        }

        QByteArray series = sample.name + '{';
        for (auto it = sample.labels.cbegin(); it != sample.labels.cend(); ++it)
            series += it.key() + "=\"" + it.value().toUtf8() + "\"\x1f";
        if (m_series.contains(series))
            return fail(u"a duplicate series of %1"_s.arg(QLatin1StringView(sample.name)));
        m_series.insert(series);
        ++family.samples;
        m_result.samples.append(sample);
        return true;
    }

    bool checkFamilies()
    {
        for (auto it = m_result.families.cbegin(); it != m_result.families.cend(); ++it) {
            if (it.value().type.isEmpty())
                return fail(u"HELP without TYPE for %1"_s.arg(QLatin1StringView(it.key())));
        }
        return true;
    }

    /// Per histogram series: buckets ordered by le, cumulative, ending with +Inf = _count,
    /// and a _sum.
    bool checkHistograms()
    {
        struct Series
        {
            QList<std::pair<double, double>> buckets; ///< le, count
            std::optional<double> sum;
            std::optional<double> count;
        };
        for (auto it = m_result.families.cbegin(); it != m_result.families.cend(); ++it) {
            if (it.value().type != "histogram")
                continue;
            const QByteArray &name = it.key();
            QMap<QString, Series> all; // by labels without le
            const QByteArray sumName = name + "_sum";
            const QByteArray countName = name + "_count";
            for (const Sample &s : m_result.ofFamily(name)) {
                Labels labels = s.labels;
                const QString le = labels.take("le"_ba);
                QString key;
                for (auto l = labels.cbegin(); l != labels.cend(); ++l)
                    key += QString::fromLatin1(l.key()) + u'=' + l.value() + u'\x1f';
                Series &series = all[key];
                if (s.name == sumName)
                    series.sum = s.value;
                else if (s.name == countName)
                    series.count = s.value;
                else {
                    const std::optional<double> bound = parseNumber(le.toLatin1());
                    if (!bound || std::isnan(*bound))
                        return fail(u"%1: a bad le: %2"_s.arg(QLatin1StringView(name), le));
                    series.buckets.append({*bound, s.value});
                }
            }
            for (auto s = all.cbegin(); s != all.cend(); ++s) {
                const Series &series = s.value();
                const QString where = QString::fromLatin1(name) + u" {"_s + s.key() + u'}';
                if (series.buckets.isEmpty() || !series.sum || !series.count)
                    return fail(where + u": buckets, _sum or _count missing"_s);
                for (qsizetype i = 1; i < series.buckets.size(); ++i) {
                    if (!(series.buckets[i].first > series.buckets[i - 1].first))
                        return fail(where + u": buckets not ordered by le"_s);
                    if (series.buckets[i].second < series.buckets[i - 1].second)
                        return fail(where + u": buckets not cumulative"_s);
                }
                if (!std::isinf(series.buckets.last().first))
                    return fail(where + u": the last bucket is not +Inf"_s);
                if (series.buckets.last().second != *series.count)
                    return fail(where + u": the +Inf bucket is not _count"_s);
            }
        }
        return true;
    }

    Exposition m_result;
    int m_line = 0;
    QByteArray m_current; ///< the family of the lines being read
    QSet<QByteArray> m_closed; ///< families whose group of lines has ended
    QSet<QByteArray> m_series;
};

Exposition parse(const QByteArray &text)
{
    return Parser().parse(text);
}

// ---------------------------------------------------------------------------------------------
// The snapshot: pool "web" with a ready backend (active checks, latencies) and a draining one,
// pool "api" with backends whose names need escaping, in maintenance and standby.

const QString oddName = u"we\"ird\\name"_s;
const QString newlineName = u"two\nlines"_s;

BackendSnapshot makeApp1()
{
    BackendSnapshot b;
    b.pool = u"web"_s;
    b.name = u"app1"_s;
    b.state = BackendState::Ready;
    b.health = Health::Up;
    b.weight = 3;
    b.effectiveWeight = 2;
    b.maxConn = 100;
    b.requests = 42;
    b.responses = {1, 0, 30, 5, 4, 2};
    b.active = 3;
    b.queued = 1;
    b.bytesIn = 1'000'000'000'000ULL;
    b.bytesOut = 2048;
    b.failures = 4;
    b.retries = 1;
    b.queueTimeouts = 2;
    b.sessions = 17;
    b.check.enabled = true;
    b.check.type = u"http"_s;
    b.check.lastCheckMs = 1'700'000'100'000;
    b.check.lastStatus = 200;
    b.check.lastLatencyMs = 12.5;
    b.check.lastPassed = true;
    // 40 responses: <=1ms 2, <=2.5ms 1, <=5ms 0, <=10ms 3, ... >10s 1.
    b.latencyBuckets = {2, 1, 0, 3, 10, 8, 5, 4, 3, 2, 1, 0, 1};
    b.latencySumMs = 1234.5;
    return b;
}

BackendSnapshot makeApp2()
{
    BackendSnapshot b;
    b.pool = u"web"_s;
    b.name = u"app2"_s;
    b.state = BackendState::Drain;
    b.health = Health::Down;
    b.requests = 7;
    b.responses = {3, 0, 4, 0, 0, 0};
    b.sessions = 2;
    b.check.enabled = true;
    b.check.type = u"tcp"_s;
    b.check.lastLatencyMs = 2000;
    b.check.lastError = u"connection refused"_s;
    b.check.lastPassed = false;
    b.latencyBuckets[0] = 4;
    b.latencySumMs = 2;
    return b;
}

BackendSnapshot apiBackend(const QString &name, BackendState state, quint64 requests)
{
    BackendSnapshot b;
    b.pool = u"api"_s;
    b.name = name;
    b.state = state;
    b.requests = requests;
    return b;
}

EngineSnapshot makeSnapshot()
{
    EngineSnapshot s;
    s.timeMs = 1'700'000'200'000;
    s.startedMs = 1'700'000'000'123;
    s.version = u"0.1.0-\"test\""_s;
    s.reloads = 2;
    s.workers = 2;
    s.connectionsAccepted = 1234;
    s.connectionsOpen = 7;
    s.sessions = 19;
    s.events = 9;

    PoolSnapshot web;
    web.name = u"web"_s;
    web.backends = {makeApp1(), makeApp2()};
    web.decisions[std::size_t(ReasonCode::CookieHit)] = 30;
    web.decisions[std::size_t(ReasonCode::CookieAbsent)] = 10;
    web.decisions[std::size_t(ReasonCode::BackendDrainingKept)] = 2;
    web.backendChanges = 5;

    PoolSnapshot api;
    api.name = u"api"_s;
    api.backends = {apiBackend(oddName, BackendState::Maint, 5),
        apiBackend(newlineName, BackendState::Standby, 6)};
    api.decisions[std::size_t(ReasonCode::NoBackend)] = 1;

    s.pools = {web, api};
    return s;
}

Labels backendLabels(const QString &pool, const QString &backend)
{
    return {{"pool"_ba, pool}, {"backend"_ba, backend}};
}

Labels with(Labels labels, const QByteArray &name, const QString &value)
{
    labels.insert(name, value);
    return labels;
}

const QStringList stateNames{u"ready"_s, u"drain"_s, u"maint"_s, u"standby"_s};

} // namespace

class TestMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void parserAccepts();
    void parserRejects_data();
    void parserRejects();
    void families_data();
    void families();
    void engineValues();
    void backendValues();
    void responseClasses();
    void backendState();
    void checks();
    void histogram();
    void decisions();
    void escaping();
    void emptySnapshot();
    void promtool();

private:
    QByteArray m_text;
    Exposition m_metrics;
};

void TestMetrics::initTestCase()
{
    m_text = Limpet::prometheusMetrics(makeSnapshot());
    m_metrics = parse(m_text);
    if (!m_metrics.error.isEmpty())
        qWarning().noquote() << "exposition:\n" << m_text;
    QCOMPARE(m_metrics.error, QString());
    QVERIFY(!m_metrics.samples.isEmpty());
}

// The parser reads back what the format allows: escapes, exponents, +Inf.
void TestMetrics::parserAccepts()
{
    const QByteArray valid = "# HELP a_total A \\\\ b\\n.\n# TYPE a_total counter\n"
                             "a_total{x=\"q\\\"\\\\\\n\",y=\"\"} 1\n"
                             "# HELP h H.\n# TYPE h histogram\n"
                             "h_bucket{le=\"0.5\"} 1\nh_bucket{le=\"+Inf\"} 3\nh_sum 2.5e-3\n"
                             "h_count 3\n"_ba;
    const Exposition e = parse(valid);
    QCOMPARE(e.error, QString());
    QCOMPARE(e.text("a_total", {{"x"_ba, u"q\"\\\n"_s}, {"y"_ba, QString()}}), "1"_ba);
    const Sample *sum = e.find("h_sum", {});
    QVERIFY(sum);
    QCOMPARE(sum->value, 0.0025);
}

// The parser is what vouches for the output: it must refuse what breaks the format's rules, not
// only accept what Limpet writes. (A few rows, such as the timestamp, the trailing comma and the
// two spaces, are legal 0.0.4 that Limpet never writes: the parser is strict on purpose.)
void TestMetrics::parserRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("why"); // part of the error message
    const auto row = [](const char *tag, const QByteArray &text, const char *why) {
        QTest::newRow(tag) << text << QString::fromLatin1(why);
    };
    const QByteArray head = "# HELP a_total A.\n# TYPE a_total counter\n";
    const QByteArray histo = "# HELP h H.\n# TYPE h histogram\n";
    row("no-final-newline", head + "a_total 1", "newline");
    row("empty-line", head + "a_total 1\n\n", "without a metric name");
    row("sample-before-type", "a_total 1\n" + head, "no TYPE");
    row("no-help", "# TYPE a_total counter\na_total 1\n"_ba, "no HELP");
    row("type-twice", head + "# TYPE a_total counter\na_total 1\n", "second TYPE");
    row("help-twice", "# HELP a_total A.\n"_ba + head + "a_total 1\n", "second HELP");
    row("type-after-samples", "# HELP a_total A.\na_total 1\n# TYPE a_total counter\n"_ba,
        "no TYPE");
    row("help-without-type", "# HELP a A.\n"_ba, "HELP without TYPE");
    row("unknown-type", "# HELP a A.\n# TYPE a summary\na 1\n"_ba, "unexpected type");
    row("other-comment", head + "# hello\na_total 1\n", "neither HELP nor TYPE");
    row("counter-without-total", "# HELP a A.\n# TYPE a counter\na 1\n"_ba, "_total");
    row("negative-counter", head + "a_total -1\n", "negative");
    row("duplicate-series", head + "a_total{x=\"1\",y=\"2\"} 1\na_total{y=\"2\",x=\"1\"} 1\n",
        "duplicate series");
    row("label-twice", head + "a_total{x=\"1\",x=\"2\"} 1\n", "twice");
    row("unquoted-label", head + "a_total{x=1} 1\n", "=\" expected");
    row("bad-escape", head + "a_total{x=\"a\\tb\"} 1\n", "bad escape");
    row("raw-quote", head + "a_total{x=\"a\"b\"} 1\n", ", or }");
    row("bad-label-name", head + "a_total{1x=\"a\"} 1\n", "label name expected");
    row("trailing-comma", head + "a_total{x=\"a\",} 1\n", "label name expected");
    row("bad-number", head + "a_total 1,5\n", "not a number");
    row("timestamp", head + "a_total 1 1700000000000\n", "not a number");
    row("two-spaces", head + "a_total  1\n", "not a number");
    row("not-grouped",
        head + "a_total{x=\"1\"} 1\n# HELP b B.\n# TYPE b gauge\nb 1\na_total{x=\"2\"} 1\n",
        "not grouped");
    row("bucket-not-cumulative",
        histo + "h_bucket{le=\"1\"} 5\nh_bucket{le=\"+Inf\"} 4\nh_sum 1\nh_count 4\n",
        "not cumulative");
    row("buckets-not-ordered",
        histo
            + "h_bucket{le=\"2\"} 1\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum "
              "1\nh_count 1\n",
        "not ordered");
    row("no-inf-bucket", histo + "h_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", "not +Inf");
    row("inf-not-count",
        histo + "h_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 3\n",
        "not _count");
    row("no-sum", histo + "h_bucket{le=\"+Inf\"} 2\nh_count 2\n", "missing");
    row("bucket-without-le", histo + "h_bucket 2\nh_sum 1\nh_count 2\n", "le on a sample");
}

void TestMetrics::parserRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, why);
    const Exposition e = parse(text);
    QVERIFY2(e.error.contains(why), qPrintable(u"expected \"%1\", got \"%2\""_s.arg(why, e.error)));
}

// Every family: its type, how many series it has (4 backends in 2 pools, 2 with checks) and
// which labels they carry.
void TestMetrics::families_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<int>("series");
    QTest::addColumn<QStringList>("labels");

    const QStringList none;
    const QStringList backend{u"backend"_s, u"pool"_s};
    const auto row = [](const char *name, const char *type, int series, const QStringList &labels) {
        QTest::newRow(name) << QByteArray(name) << QByteArray(type) << series << labels;
    };
    row("limpet_info", "gauge", 1, {u"version"_s});
    row("limpet_start_time_seconds", "gauge", 1, none);
    row("limpet_connections_open", "gauge", 1, none);
    row("limpet_connections_accepted_total", "counter", 1, none);
    row("limpet_sessions", "gauge", 1, none);
    row("limpet_reloads_total", "counter", 1, none);
    row("limpet_events_total", "counter", 1, none);
    row("limpet_backend_requests_total", "counter", 4, backend);
    row("limpet_backend_responses_total", "counter", 4 * 6, backend + QStringList{u"class"_s});
    row("limpet_backend_active_requests", "gauge", 4, backend);
    row("limpet_backend_queued_requests", "gauge", 4, backend);
    row("limpet_backend_max_conn", "gauge", 4, backend);
    row("limpet_backend_up", "gauge", 4, backend);
    row("limpet_backend_state", "gauge", 4 * 4, backend + QStringList{u"state"_s});
    row("limpet_backend_weight", "gauge", 4, backend);
    row("limpet_backend_effective_weight", "gauge", 4, backend);
    row("limpet_backend_bound_sessions", "gauge", 4, backend);
    row("limpet_backend_failures_total", "counter", 4, backend);
    row("limpet_backend_retries_total", "counter", 4, backend);
    row("limpet_backend_queue_timeouts_total", "counter", 4, backend);
    row("limpet_backend_bytes_in_total", "counter", 4, backend);
    row("limpet_backend_bytes_out_total", "counter", 4, backend);
    row("limpet_backend_check_up", "gauge", 2, backend);
    row("limpet_backend_check_duration_seconds", "gauge", 2, backend);
    // 13 buckets + _sum + _count per backend; le only on the buckets (checked by the parser).
    row("limpet_backend_response_time_seconds", "histogram", 4 * 15, backend);
    row("limpet_pool_decisions_total", "counter", 2 * Limpet::ReasonCodeCount,
        {u"pool"_s, u"reason"_s});
    row("limpet_pool_backend_changes_total", "counter", 2, {u"pool"_s});
}

void TestMetrics::families()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, type);
    QFETCH(int, series);
    QFETCH(QStringList, labels);

    QVERIFY(m_metrics.families.contains(name));
    QCOMPARE(m_metrics.families.value(name).type, type);
    const QList<Sample> samples = m_metrics.ofFamily(name);
    QCOMPARE(samples.size(), series);
    for (const Sample &s : samples) {
        QStringList names;
        for (const QByteArray &l : s.labels.keys()) {
            if (l != "le")
                names.append(QString::fromLatin1(l));
        }
        names.sort();
        QStringList expected = labels;
        expected.sort();
        QCOMPARE(names, expected);
    }

    // And no family beyond the ones listed.
    if (QByteArrayView(QTest::currentDataTag()) == "limpet_info")
        QCOMPARE(m_metrics.families.size(), 27);
}

void TestMetrics::engineValues()
{
    QCOMPARE(m_metrics.text("limpet_info", {{"version"_ba, u"0.1.0-\"test\""_s}}), "1"_ba);
    QCOMPARE(m_metrics.text("limpet_start_time_seconds", {}), "1700000000.123"_ba);
    QCOMPARE(m_metrics.text("limpet_connections_open", {}), "7"_ba);
    QCOMPARE(m_metrics.text("limpet_connections_accepted_total", {}), "1234"_ba);
    QCOMPARE(m_metrics.text("limpet_sessions", {}), "19"_ba);
    QCOMPARE(m_metrics.text("limpet_reloads_total", {}), "2"_ba);
    QCOMPARE(m_metrics.text("limpet_events_total", {}), "9"_ba);
}

void TestMetrics::backendValues()
{
    const Labels app1 = backendLabels(u"web"_s, u"app1"_s);
    const Labels app2 = backendLabels(u"web"_s, u"app2"_s);
    QCOMPARE(m_metrics.text("limpet_backend_requests_total", app1), "42"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_requests_total", app2), "7"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_active_requests", app1), "3"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_queued_requests", app1), "1"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_max_conn", app1), "100"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_max_conn", app2), "0"_ba); // unlimited
    QCOMPARE(m_metrics.text("limpet_backend_up", app1), "1"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_up", app2), "0"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_weight", app1), "3"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_effective_weight", app1), "2"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_bound_sessions", app1), "17"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_bound_sessions", app2), "2"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_failures_total", app1), "4"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_retries_total", app1), "1"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_queue_timeouts_total", app1), "2"_ba);
    // Integers are written whole, never as 1e+12.
    QCOMPARE(m_metrics.text("limpet_backend_bytes_in_total", app1), "1000000000000"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_bytes_out_total", app1), "2048"_ba);
}

void TestMetrics::responseClasses()
{
    const Labels app1 = backendLabels(u"web"_s, u"app1"_s);
    const QStringList classes{u"error"_s, u"1xx"_s, u"2xx"_s, u"3xx"_s, u"4xx"_s, u"5xx"_s};
    const QList<QByteArray> expected{"1", "0", "30", "5", "4", "2"};
    for (qsizetype i = 0; i < classes.size(); ++i) {
        QCOMPARE(
            m_metrics.text("limpet_backend_responses_total", with(app1, "class"_ba, classes.at(i))),
            expected.at(i));
    }
    QCOMPARE(m_metrics.text("limpet_backend_responses_total",
                 with(backendLabels(u"web"_s, u"app2"_s), "class"_ba, u"error"_s)),
        "3"_ba);
}

void TestMetrics::backendState()
{
    const QList<std::pair<Labels, QString>> backends{
        {backendLabels(u"web"_s, u"app1"_s), u"ready"_s},
        {backendLabels(u"web"_s, u"app2"_s), u"drain"_s},
        {backendLabels(u"api"_s, oddName), u"maint"_s},
        {backendLabels(u"api"_s, newlineName), u"standby"_s},
    };
    for (const auto &[labels, current] : backends) {
        for (const QString &state : stateNames) {
            QCOMPARE(m_metrics.text("limpet_backend_state", with(labels, "state"_ba, state)),
                state == current ? "1"_ba : "0"_ba);
        }
    }
}

void TestMetrics::checks()
{
    const Labels app1 = backendLabels(u"web"_s, u"app1"_s);
    const Labels app2 = backendLabels(u"web"_s, u"app2"_s);
    QCOMPARE(m_metrics.text("limpet_backend_check_up", app1), "1"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_check_up", app2), "0"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_check_duration_seconds", app1), "0.0125"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_check_duration_seconds", app2), "2"_ba);
    // No active checks in pool api: no series at all.
    QVERIFY(!m_metrics.find("limpet_backend_check_up", backendLabels(u"api"_s, oddName)));
}

void TestMetrics::histogram()
{
    const Labels app1 = backendLabels(u"web"_s, u"app1"_s);
    QStringList le;
    QList<QByteArray> counts;
    for (const Sample &s : m_metrics.ofFamily("limpet_backend_response_time_seconds")) {
        Labels rest = s.labels;
        if (s.name.endsWith("_bucket") && rest.remove("le"_ba) == 1 && rest == app1) {
            le.append(s.labels.value("le"_ba));
            counts.append(s.text);
        }
    }
    // LatencyBucketsMs in seconds, in order, then +Inf.
    QCOMPARE(le,
        QStringList({u"0.001"_s, u"0.0025"_s, u"0.005"_s, u"0.01"_s, u"0.025"_s, u"0.05"_s,
            u"0.1"_s, u"0.25"_s, u"0.5"_s, u"1"_s, u"2.5"_s, u"10"_s, u"+Inf"_s}));
    QCOMPARE(counts,
        QList<QByteArray>(
            {"2", "3", "3", "6", "16", "24", "29", "33", "36", "38", "39", "39", "40"}));
    QCOMPARE(m_metrics.text("limpet_backend_response_time_seconds_count", app1), "40"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_response_time_seconds_sum", app1), "1.2345"_ba);

    const Labels app2 = backendLabels(u"web"_s, u"app2"_s);
    QCOMPARE(m_metrics.text(
                 "limpet_backend_response_time_seconds_bucket", with(app2, "le"_ba, u"0.001"_s)),
        "4"_ba);
    QCOMPARE(m_metrics.text(
                 "limpet_backend_response_time_seconds_bucket", with(app2, "le"_ba, u"+Inf"_s)),
        "4"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_response_time_seconds_sum", app2), "0.002"_ba);

    // A backend that never answered: zeros all along.
    const Labels odd = backendLabels(u"api"_s, oddName);
    QCOMPARE(m_metrics.text(
                 "limpet_backend_response_time_seconds_bucket", with(odd, "le"_ba, u"+Inf"_s)),
        "0"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_response_time_seconds_sum", odd), "0"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_response_time_seconds_count", odd), "0"_ba);
}

void TestMetrics::decisions()
{
    for (const QString &pool : {u"web"_s, u"api"_s}) {
        for (int r = 0; r < Limpet::ReasonCodeCount; ++r) {
            const QString reason = Limpet::reasonCodeName(ReasonCode(r));
            QVERIFY(!reason.isEmpty());
            const Sample *s = m_metrics.find(
                "limpet_pool_decisions_total", {{"pool"_ba, pool}, {"reason"_ba, reason}});
            QVERIFY2(s, qPrintable(pool + u' ' + reason));
        }
    }
    const auto decisions = [this](const QString &pool, ReasonCode reason) {
        return m_metrics.text("limpet_pool_decisions_total",
            {{"pool"_ba, pool}, {"reason"_ba, Limpet::reasonCodeName(reason)}});
    };
    QCOMPARE(decisions(u"web"_s, ReasonCode::CookieHit), "30"_ba);
    QCOMPARE(decisions(u"web"_s, ReasonCode::CookieAbsent), "10"_ba);
    QCOMPARE(decisions(u"web"_s, ReasonCode::BackendDrainingKept), "2"_ba);
    QCOMPARE(decisions(u"web"_s, ReasonCode::NoBackend), "0"_ba);
    QCOMPARE(decisions(u"api"_s, ReasonCode::NoBackend), "1"_ba);
    QCOMPARE(decisions(u"api"_s, ReasonCode::CookieHit), "0"_ba);
    QCOMPARE(m_metrics.text("limpet_pool_backend_changes_total", {{"pool"_ba, u"web"_s}}), "5"_ba);
    QCOMPARE(m_metrics.text("limpet_pool_backend_changes_total", {{"pool"_ba, u"api"_s}}), "0"_ba);
}

void TestMetrics::escaping()
{
    // As written: backslash, quote and newline escaped, nothing else.
    const QList<QByteArray> lines{
        "limpet_backend_requests_total{pool=\"api\",backend=\"we\\\"ird\\\\name\"} 5\n",
        "limpet_backend_requests_total{pool=\"api\",backend=\"two\\nlines\"} 6\n",
        "limpet_info{version=\"0.1.0-\\\"test\\\"\"} 1\n",
    };
    for (const QByteArray &line : lines)
        QVERIFY2(m_text.contains(line), line.constData());
    // As read back: the original names.
    QCOMPARE(
        m_metrics.text("limpet_backend_requests_total", backendLabels(u"api"_s, oddName)), "5"_ba);
    QCOMPARE(m_metrics.text("limpet_backend_requests_total", backendLabels(u"api"_s, newlineName)),
        "6"_ba);
}

void TestMetrics::emptySnapshot()
{
    const QByteArray text = Limpet::prometheusMetrics(EngineSnapshot{});
    const Exposition e = parse(text);
    QCOMPARE(e.error, QString());
    // Only the engine-wide families: families without series are left out whole.
    QCOMPARE(e.families.keys(),
        QList<QByteArray>({"limpet_connections_accepted_total", "limpet_connections_open",
            "limpet_events_total", "limpet_info", "limpet_reloads_total", "limpet_sessions",
            "limpet_start_time_seconds"}));
    QCOMPARE(e.text("limpet_start_time_seconds", {}), "0"_ba);
    QCOMPARE(e.text("limpet_info", {{"version"_ba, QString()}}), "1"_ba);
}

void TestMetrics::promtool()
{
    const QString promtool = QStandardPaths::findExecutable(u"promtool"_s);
    if (promtool.isEmpty())
        QSKIP("promtool is not installed");
    QProcess process;
    process.start(promtool, {u"check"_s, u"metrics"_s});
    QVERIFY(process.waitForStarted());
    process.write(m_text);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished(30000));
    const QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
        output.constData());
}

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
