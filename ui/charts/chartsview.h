#pragma once

#include "snapshot.h"

#include <QColor>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointF>
#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <chrono>

class QAbstractSeries;
class QAreaSeries;
class QChart;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QPushButton;
class QTimer;
class QValueAxis;

namespace Limpet {

class ClusterClient;

/// Live charts of one instance over the last five minutes, one series per backend: requests
/// per second (stacked), response time (p50 and p99, from the latency histogram), error rate
/// and bound sessions.
///
/// Every snapshot is turned into a sample (rates are the counter deltas since the previous
/// snapshot); the charts are redrawn from the samples at most ten times a second. Pause keeps
/// the charts still while samples keep being collected; resume shows them. Samples older than
/// the window are dropped, so memory stays bounded.
class ChartsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartsView)

public:
    enum class Chart {
        Requests,
        ResponseTime,
        Errors,
        Sessions
    };
    /// What one backend's series shows.
    enum class Metric {
        RequestRate, ///< requests per second (its own share of the stack)
        ResponseTimeP50, ///< ms
        ResponseTimeP99, ///< ms
        ErrorRate, ///< % of responses that were 5xx or no response at all
        Sessions ///< sessions bound to it
    };
    static constexpr std::chrono::minutes Window{5};

    explicit ChartsView(QWidget *parent = nullptr);
    ~ChartsView() override;

    /// Charts the snapshots of `client` (nullptr: none); the previous client's samples and
    /// series are dropped.
    void setClient(ClusterClient *client);

    [[nodiscard]] bool isPaused() const { return m_paused; }
    /// Freezes (true) or resumes (false) the charts; samples are collected either way.
    void setPaused(bool paused);

    [[nodiscard]] QChart *chart(Chart which) const;
    /// The points on display for one backend (x: ms since the epoch), as drawn now (frozen
    /// while paused). `backend`: its name, or "pool/name"; empty list when it has no series.
    [[nodiscard]] QList<QPointF> points(Metric metric, const QString &backend) const;
    /// The backends with series on display, as "pool/name".
    [[nodiscard]] QStringList backends() const { return m_shownOrder; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    /// One backend's values in one sample; NaN: nothing to show (no previous snapshot, no
    /// response in the interval).
    struct Values
    {
        double rate;
        double p50;
        double p99;
        double errorRate;
        double sessions;
    };
    struct Sample
    {
        qint64 timeMs = 0;
        QHash<QString, Values> backends; ///< by "pool/name"
    };
    /// A backend's counters in the previous snapshot.
    struct Counters
    {
        qint64 timeMs = 0;
        quint64 requests = 0;
        std::array<quint64, 6> responses{};
        std::array<quint64, LatencyBucketsMs.size() + 1> latency{};
    };
    struct Series
    {
        QString label;
        QAreaSeries *rate = nullptr; ///< upper: the stack up to this backend; lower: below it
        QLineSeries *p50 = nullptr;
        QLineSeries *p99 = nullptr;
        QLineSeries *errors = nullptr;
        QLineSeries *sessions = nullptr;
    };

    void addSnapshot(const EngineSnapshot &snapshot);
    void scheduleRedraw();
    void redraw();
    void rebuildSeries();
    void deleteSeries();
    void connectLegend(QChart *chart);
    void showValue(const QString &id, Metric metric, const QPointF &point, bool hovering);
    [[nodiscard]] QColor colorOf(const QString &id);
    [[nodiscard]] QString idOf(const QString &backend) const;

    QPointer<ClusterClient> m_client;
    bool m_paused = false;
    QElapsedTimer m_lastRedraw; ///< since the latest redraw
    QList<Sample> m_samples; ///< oldest first, within Window of the newest
    QHash<QString, Counters> m_previous;
    QStringList m_order; ///< backends of the latest snapshot, "pool/name", in its order
    QHash<QString, QString> m_labels; ///< "pool/name" → what the legend says
    QHash<QString, QColor> m_colors;
    QStringList m_shownOrder; ///< backends with series
    QHash<QString, Series> m_series;

    QChart *m_charts[4];
    QDateTimeAxis *m_timeAxes[4];
    QValueAxis *m_valueAxes[4];
    QPushButton *m_pause;
    QLabel *m_pausedNote;
    QTimer *m_redraw;
};

} // namespace Limpet
