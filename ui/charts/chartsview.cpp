#include "charts/chartsview.h"

#include "client/clusterclient.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

namespace Limpet {

namespace {

/// A redraw waits this long after a snapshot: a burst of them (a remote instance catching up)
/// costs one redraw.
constexpr auto RedrawDelay = 100ms;
/// And comes at most this often: snapshots arrive about twice a second, and redrawing four
/// charts is most of what the window costs the machine (the proxy shares its cores).
constexpr auto MinRedrawInterval = 1000ms;
constexpr qint64 WindowMs = std::chrono::milliseconds(ChartsView::Window).count();
/// A bound on the samples kept even if snapshots came far faster than expected.
constexpr qsizetype MaxSamples = 3000;
constexpr double NoValue = std::numeric_limits<double>::quiet_NaN();

constexpr int chartIndex(ChartsView::Chart chart)
{
    return static_cast<int>(chart);
}

/// The value below which a fraction `q` of the responses counted in `buckets` fell, linear
/// within the bucket it lands in; NaN when nothing was counted. The slower-than-the-last-bound
/// bucket has no upper bound: it reports that last bound.
template <std::size_t N>
double percentile(const std::array<quint64, N> &buckets, double q)
{
    static_assert(N == LatencyBucketsMs.size() + 1);
    const quint64 total = std::accumulate(buckets.begin(), buckets.end(), quint64(0));
    if (total == 0)
        return NoValue;
    const double rank = q * double(total);
    double below = 0;
    for (std::size_t i = 0; i < N; ++i) {
        if (buckets[i] == 0)
            continue;
        if (below + double(buckets[i]) >= rank) {
            const double lower = i == 0 ? 0.0 : LatencyBucketsMs[i - 1];
            const double upper = i < LatencyBucketsMs.size() ? LatencyBucketsMs[i] : lower;
            return lower + (upper - lower) * (rank - below) / double(buckets[i]);
        }
        below += double(buckets[i]);
    }
    return LatencyBucketsMs.back();
}

/// `now - before`, or nullopt when the counter went backwards (the instance restarted).
template <std::size_t N>
std::optional<std::array<quint64, N>> deltas(
    const std::array<quint64, N> &now, const std::array<quint64, N> &before)
{
    std::array<quint64, N> d{};
    for (std::size_t i = 0; i < N; ++i) {
        if (now[i] < before[i])
            return std::nullopt;
        d[i] = now[i] - before[i];
    }
    return d;
}

QList<QPointF> minus(const QList<QPointF> &upper, const QList<QPointF> &lower)
{
    QList<QPointF> result = upper;
    for (qsizetype i = 0; i < result.size() && i < lower.size(); ++i)
        result[i].ry() -= lower[i].y();
    return result;
}

} // namespace

ChartsView::ChartsView(QWidget *parent)
    : QWidget(parent)
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_pausedNote(new QLabel(tr("Paused: data keeps being collected."), this))
    , m_redraw(new QTimer(this))
{
    const QString titles[4]
        = {tr("Requests per second (stacked)"), tr("Response time (ms): p50 solid, p99 dashed"),
            tr("Errors (% of responses: 5xx or none)"), tr("Bound sessions")};
    const QString units[4] = {tr("req/s"), tr("ms"), tr("%"), tr("sessions")};
    auto *grid = new QGridLayout;
    for (int i = 0; i < 4; ++i) {
        auto *chart = new QChart;
        chart->setTitle(titles[i]);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
        auto *time = new QDateTimeAxis(chart);
        time->setFormat(u"HH:mm:ss"_s);
        time->setTickCount(6);
        auto *value = new QValueAxis(chart);
        value->setLabelFormat(i == chartIndex(Chart::Sessions) ? u"%d"_s : u"%.4g"_s);
        value->setTitleText(units[i]);
        value->setMin(0);
        chart->addAxis(time, Qt::AlignBottom);
        chart->addAxis(value, Qt::AlignLeft);
        m_charts[i] = chart;
        m_timeAxes[i] = time;
        m_valueAxes[i] = value;
        auto *view = new QChartView(chart, this); // takes ownership of the chart
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(320, 220);
        grid->addWidget(view, i / 2, i % 2);
    }

    m_pause->setObjectName(u"chartsPause"_s);
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Keep the charts still while you read them (Space)"));
    connect(m_pause, &QPushButton::toggled, this, &ChartsView::setPaused);
    auto *space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    space->setContext(Qt::WidgetWithChildrenShortcut);
    connect(space, &QShortcut::activated, this, [this] { setPaused(!m_paused); });
    m_pausedNote->setVisible(false);

    m_redraw->setObjectName(u"chartsRedraw"_s);
    m_redraw->setSingleShot(true);
    m_redraw->setInterval(RedrawDelay);
    connect(m_redraw, &QTimer::timeout, this, &ChartsView::redraw);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_pause);
    bar->addWidget(m_pausedNote);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addLayout(grid, 1);
    redraw();
}

ChartsView::~ChartsView() = default;

void ChartsView::setClient(ClusterClient *client)
{
    if (client == m_client)
        return;
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_samples.clear();
    m_previous.clear();
    m_order.clear();
    m_labels.clear();
    if (m_client)
        connect(m_client, &ClusterClient::snapshotUpdated, this, &ChartsView::addSnapshot);
    m_redraw->stop();
    redraw(); // even when paused: the old instance's charts must go
}

void ChartsView::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    {
        const QSignalBlocker blocker(m_pause);
        m_pause->setChecked(paused);
    }
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_pausedNote->setVisible(paused);
    if (paused) {
        m_redraw->stop();
    } else {
        redraw();
    }
}

QChart *ChartsView::chart(Chart which) const
{
    return m_charts[chartIndex(which)];
}

QString ChartsView::idOf(const QString &backend) const
{
    if (m_series.contains(backend))
        return backend;
    for (const QString &id : m_shownOrder) {
        if (m_series.value(id).label == backend || id.section(u'/', 1) == backend)
            return id;
    }
    return {};
}

QList<QPointF> ChartsView::points(Metric metric, const QString &backend) const
{
    const auto it = m_series.constFind(idOf(backend));
    if (it == m_series.constEnd())
        return {};
    switch (metric) {
    case Metric::RequestRate:
        return minus(it->rate->upperSeries()->points(), it->rate->lowerSeries()->points());
    case Metric::ResponseTimeP50:
        return it->p50->points();
    case Metric::ResponseTimeP99:
        return it->p99->points();
    case Metric::ErrorRate:
        return it->errors->points();
    case Metric::Sessions:
        return it->sessions->points();
    }
    return {};
}

void ChartsView::addSnapshot(const EngineSnapshot &snapshot)
{
    if (!m_samples.isEmpty() && snapshot.timeMs <= m_samples.last().timeMs)
        return; // a repeat, or out of order

    Sample sample;
    sample.timeMs = snapshot.timeMs;
    QStringList order;
    QHash<QString, int> nameCount;
    QHash<QString, Counters> previous;
    for (const PoolSnapshot &pool : snapshot.pools) {
        for (const BackendSnapshot &b : pool.backends) {
            const QString id = pool.name + u'/' + b.name;
            order.append(id);
            ++nameCount[b.name];
            Counters now{snapshot.timeMs, b.requests, b.responses, b.latencyBuckets};
            Values values{NoValue, NoValue, NoValue, NoValue, double(b.sessions)};
            const auto before = m_previous.constFind(id);
            if (before != m_previous.constEnd() && before->timeMs < now.timeMs
                && before->requests <= now.requests) {
                const double seconds = double(now.timeMs - before->timeMs) / 1000.0;
                values.rate = double(now.requests - before->requests) / seconds;
                if (const auto latency = deltas(now.latency, before->latency)) {
                    values.p50 = percentile(*latency, 0.50);
                    values.p99 = percentile(*latency, 0.99);
                }
                if (const auto responses = deltas(now.responses, before->responses)) {
                    const quint64 all
                        = std::accumulate(responses->begin(), responses->end(), quint64(0));
                    const quint64 errors = (*responses)[0] + (*responses)[5];
                    values.errorRate = all == 0 ? 0.0 : 100.0 * double(errors) / double(all);
                }
            }
            sample.backends.insert(id, values);
            previous.insert(id, now);
        }
    }
    m_previous = std::move(previous);
    m_labels.clear();
    for (const QString &id : std::as_const(order)) {
        const QString name = id.section(u'/', 1);
        m_labels.insert(id, nameCount.value(name) > 1 ? id : name);
    }
    m_order = std::move(order);

    m_samples.append(std::move(sample));
    const qint64 oldest = snapshot.timeMs - WindowMs;
    qsizetype drop = 0;
    while (drop < m_samples.size()
        && (m_samples[drop].timeMs < oldest || m_samples.size() - drop > MaxSamples))
        ++drop;
    m_samples.remove(0, drop);
    scheduleRedraw();
}

void ChartsView::scheduleRedraw()
{
    // Hidden (another tab): samples are collected, charts drawn when it shows again.
    if (m_paused || m_redraw->isActive() || !isVisible())
        return;
    const qint64 sinceLast
        = m_lastRedraw.isValid() ? m_lastRedraw.elapsed() : MinRedrawInterval.count();
    m_redraw->start(
        int(std::max<qint64>(RedrawDelay.count(), MinRedrawInterval.count() - sinceLast)));
}

void ChartsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Soon, not now: the tab paints first, and the catching up comes as an event of its own
    // (one long pause of the event loop would be two shorter ones).
    scheduleRedraw();
}

QColor ChartsView::colorOf(const QString &id)
{
    // Colour-blind-safe palette (Okabe–Ito), then Qt's standard colours.
    static const QColor palette[] = {QColor(0x00, 0x72, 0xb2), QColor(0xe6, 0x9f, 0x00),
        QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7), QColor(0x56, 0xb4, 0xe9),
        QColor(0xd5, 0x5e, 0x00), QColor(0xf0, 0xe4, 0x42), QColor(0x00, 0x00, 0x00),
        QColor(Qt::darkRed), QColor(Qt::darkCyan), QColor(Qt::darkMagenta), QColor(Qt::gray)};
    auto it = m_colors.find(id);
    if (it == m_colors.end())
        it = m_colors.insert(id, palette[m_colors.size() % std::size(palette)]);
    return *it;
}

void ChartsView::deleteSeries()
{
    for (QChart *chart : m_charts)
        chart->removeAllSeries(); // deletes them, and the area's lines with the area
    m_series.clear();
    m_shownOrder.clear();
}

void ChartsView::rebuildSeries()
{
    deleteSeries();
    const auto add = [this](Chart which, QAbstractSeries *series) {
        QChart *chart = m_charts[chartIndex(which)];
        chart->addSeries(series);
        series->attachAxis(m_timeAxes[chartIndex(which)]);
        series->attachAxis(m_valueAxes[chartIndex(which)]);
    };
    const auto hover = [this](QXYSeries *series, const QString &id, Metric metric) {
        connect(series, &QXYSeries::hovered, this,
            [this, id, metric](
                const QPointF &point, bool state) { showValue(id, metric, point, state); });
    };
    for (const QString &id : std::as_const(m_order)) {
        const QColor color = colorOf(id);
        Series s;
        s.label = m_labels.value(id);

        s.rate = new QAreaSeries;
        s.rate->setUpperSeries(new QLineSeries(s.rate));
        s.rate->setLowerSeries(new QLineSeries(s.rate));
        s.rate->setName(s.label);
        QColor fill = color;
        fill.setAlpha(160);
        s.rate->setBrush(fill);
        s.rate->setPen(QPen(color, 1.5));
        connect(s.rate, &QAreaSeries::hovered, this, [this, id](const QPointF &point, bool state) {
            showValue(id, Metric::RequestRate, point, state);
        });
        add(Chart::Requests, s.rate);

        s.p50 = new QLineSeries;
        s.p50->setName(tr("%1 p50").arg(s.label));
        s.p50->setPen(QPen(color, 2));
        hover(s.p50, id, Metric::ResponseTimeP50);
        add(Chart::ResponseTime, s.p50);
        s.p99 = new QLineSeries;
        s.p99->setName(tr("%1 p99").arg(s.label));
        s.p99->setPen(QPen(color, 2, Qt::DashLine));
        hover(s.p99, id, Metric::ResponseTimeP99);
        add(Chart::ResponseTime, s.p99);

        s.errors = new QLineSeries;
        s.errors->setName(s.label);
        s.errors->setPen(QPen(color, 2));
        hover(s.errors, id, Metric::ErrorRate);
        add(Chart::Errors, s.errors);

        s.sessions = new QLineSeries;
        s.sessions->setName(s.label);
        s.sessions->setPen(QPen(color, 2));
        hover(s.sessions, id, Metric::Sessions);
        add(Chart::Sessions, s.sessions);

        m_series.insert(id, s);
        m_shownOrder.append(id);
    }
    for (QChart *chart : m_charts)
        connectLegend(chart);
}

void ChartsView::connectLegend(QChart *chart)
{
    // A click on a legend entry hides or shows its series; the entry stays, dimmed.
    const QList<QLegendMarker *> markers = chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        connect(marker, &QLegendMarker::clicked, this, [this, marker] {
            QAbstractSeries *series = marker->series();
            series->setVisible(!series->isVisible());
            marker->setVisible(true);
            QColor label = marker->labelBrush().color();
            label.setAlphaF(series->isVisible() ? 1.0 : 0.4);
            marker->setLabelBrush(label);
            if (!m_paused)
                redraw(); // the stack leaves hidden backends out
        });
    }
}

void ChartsView::showValue(const QString &id, Metric metric, const QPointF &point, bool hovering)
{
    if (!hovering || m_samples.isEmpty()) {
        QToolTip::hideText();
        return;
    }
    const auto nearest = std::min_element(
        m_samples.cbegin(), m_samples.cend(), [&point](const Sample &a, const Sample &b) {
            return std::abs(double(a.timeMs) - point.x()) < std::abs(double(b.timeMs) - point.x());
        });
    const Values v = nearest->backends.value(id, Values{NoValue, NoValue, NoValue, NoValue, 0});
    double value = NoValue;
    QString unit;
    switch (metric) {
    case Metric::RequestRate:
        value = v.rate;
        unit = tr("req/s");
        break;
    case Metric::ResponseTimeP50:
        value = v.p50;
        unit = tr("ms (p50)");
        break;
    case Metric::ResponseTimeP99:
        value = v.p99;
        unit = tr("ms (p99)");
        break;
    case Metric::ErrorRate:
        value = v.errorRate;
        unit = tr("% errors");
        break;
    case Metric::Sessions:
        value = v.sessions;
        unit = tr("sessions");
        break;
    }
    const QString time = QDateTime::fromMSecsSinceEpoch(nearest->timeMs).toString(u"HH:mm:ss"_s);
    QToolTip::showText(QCursor::pos(),
        std::isnan(value)
            ? tr("%1 at %2: no data").arg(m_labels.value(id, id), time)
            : tr("%1 at %2: %3 %4")
                  .arg(m_labels.value(id, id), time, QString::number(value, 'g', 4), unit));
}

void ChartsView::redraw()
{
    m_redraw->stop();
    m_lastRedraw.start();
    if (m_order != m_shownOrder)
        rebuildSeries();
    else {
        for (const QString &id : std::as_const(m_order)) {
            const QString label = m_labels.value(id);
            Series &s = m_series[id];
            if (s.label == label)
                continue; // names change only when another pool gets a same-named backend
            s.label = label;
            s.rate->setName(label);
            s.p50->setName(tr("%1 p50").arg(label));
            s.p99->setName(tr("%1 p99").arg(label));
            s.errors->setName(label);
            s.sessions->setName(label);
        }
    }

    const qint64 newest
        = m_samples.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.last().timeMs;
    for (QDateTimeAxis *axis : m_timeAxes) {
        axis->setRange(QDateTime::fromMSecsSinceEpoch(newest - WindowMs),
            QDateTime::fromMSecsSinceEpoch(newest));
    }

    double maxima[4] = {0, 0, 0, 0};
    // The stack: each visible backend's area starts where the one before it ends. Samples in
    // which no backend has a rate yet (the first one) are left out.
    QList<QPointF> stack;
    QList<qsizetype> rated;
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const auto &values = m_samples[i].backends;
        if (std::any_of(values.cbegin(), values.cend(),
                [](const Values &v) { return !std::isnan(v.rate); })) {
            rated.append(i);
            stack.append(QPointF(double(m_samples[i].timeMs), 0));
        }
    }
    for (const QString &id : std::as_const(m_order)) {
        Series &s = m_series[id];
        QList<QPointF> lower = stack;
        if (s.rate->isVisible()) {
            for (qsizetype j = 0; j < rated.size(); ++j) {
                const Values v = m_samples[rated[j]].backends.value(
                    id, Values{NoValue, NoValue, NoValue, NoValue, 0});
                if (!std::isnan(v.rate))
                    stack[j].ry() += v.rate;
                maxima[chartIndex(Chart::Requests)]
                    = std::max(maxima[chartIndex(Chart::Requests)], stack[j].y());
            }
        }
        s.rate->lowerSeries()->replace(lower);
        s.rate->upperSeries()->replace(stack);

        QList<QPointF> p50, p99, errors, sessions;
        for (const Sample &sample : std::as_const(m_samples)) {
            const auto it = sample.backends.constFind(id);
            if (it == sample.backends.constEnd())
                continue;
            const double x = double(sample.timeMs);
            if (!std::isnan(it->p50))
                p50.append(QPointF(x, it->p50));
            if (!std::isnan(it->p99))
                p99.append(QPointF(x, it->p99));
            if (!std::isnan(it->errorRate))
                errors.append(QPointF(x, it->errorRate));
            sessions.append(QPointF(x, it->sessions));
        }
        const auto top = [](const QList<QPointF> &points, const QXYSeries *series) {
            double m = 0;
            if (series->isVisible()) {
                for (const QPointF &p : points)
                    m = std::max(m, p.y());
            }
            return m;
        };
        maxima[chartIndex(Chart::ResponseTime)]
            = std::max({maxima[chartIndex(Chart::ResponseTime)], top(p50, s.p50), top(p99, s.p99)});
        maxima[chartIndex(Chart::Errors)]
            = std::max(maxima[chartIndex(Chart::Errors)], top(errors, s.errors));
        maxima[chartIndex(Chart::Sessions)]
            = std::max(maxima[chartIndex(Chart::Sessions)], top(sessions, s.sessions));
        s.p50->replace(p50);
        s.p99->replace(p99);
        s.errors->replace(errors);
        s.sessions->replace(sessions);
    }

    const double floors[4] = {1, 1, 1, 1};
    for (int i = 0; i < 4; ++i) {
        double max = std::max(maxima[i] * 1.1, floors[i]);
        if (i == chartIndex(Chart::Errors))
            max = std::min(max, 100.0);
        m_valueAxes[i]->setRange(0, max);
        m_valueAxes[i]->applyNiceNumbers();
    }
}

} // namespace Limpet
