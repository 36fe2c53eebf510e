#include "cluster/backendstatus.h"

#include <QLocale>

#include <cmath>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

// Mid-tone colours that keep their meaning on light and dark palettes alike; the badge's text
// is black or white on them (textColorOn), never the palette's text colour.
constexpr QRgb ReadyColor = 0x2e8b47;
constexpr QRgb DrainColor = 0x6b7280;
constexpr QRgb MaintColor = 0x3d6fd1;
constexpr QRgb StandbyColor = 0xd9b526;
constexpr QRgb DownColor = 0xc83737;

} // namespace

QString BackendStatus::stateName(BackendState state)
{
    switch (state) {
    case BackendState::Ready:
        return tr("ready");
    case BackendState::Drain:
        return tr("drain");
    case BackendState::Maint:
        return tr("maint");
    case BackendState::Standby:
        return tr("standby");
    }
    return {};
}

QString BackendStatus::stateText(const BackendSnapshot &b)
{
    QString text = stateName(b.state);
    if (b.health == Health::Down)
        text += u" · "_s + tr("down");
    if (b.removing)
        text += u" · "_s + tr("removing");
    return text;
}

QColor BackendStatus::stateColor(const BackendSnapshot &b)
{
    if (b.state == BackendState::Maint)
        return QColor(MaintColor);
    if (b.health == Health::Down)
        return QColor(DownColor);
    if (b.state == BackendState::Drain || b.removing)
        return QColor(DrainColor);
    if (b.state == BackendState::Standby)
        return QColor(StandbyColor);
    return QColor(ReadyColor);
}

QColor BackendStatus::textColorOn(const QColor &background)
{
    // Perceived brightness (ITU-R BT.601 weights) is enough to choose between black and white.
    const double brightness
        = 0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return brightness > 0.6 ? QColor(Qt::black) : QColor(Qt::white);
}

QString BackendStatus::milliseconds(double ms)
{
    return tr("%1 ms").arg(QLocale().toString(ms, 'f', ms < 10 ? 1 : 0));
}

QString BackendStatus::healthText(const BackendSnapshot &b)
{
    const QString health = b.health == Health::Up ? tr("up") : tr("down");
    const HealthCheckSnapshot &c = b.check;
    if (!c.enabled)
        return tr("%1 · no checks").arg(health);
    if (c.lastCheckMs == 0)
        return tr("%1 · not checked yet").arg(health);
    const QString latency = milliseconds(c.lastLatencyMs);
    if (c.lastPassed) {
        if (c.lastStatus != 0)
            return tr("%1 · %2 in %3").arg(health).arg(c.lastStatus).arg(latency);
        return tr("%1 · connected in %2").arg(health, latency);
    }
    if (c.lastStatus != 0)
        return tr("%1 · %2 in %3").arg(health).arg(c.lastStatus).arg(latency);
    return tr("%1 · %2").arg(health, c.lastError.isEmpty() ? tr("failed") : c.lastError);
}

std::optional<double> BackendStatus::drainSecondsLeft(const BackendSnapshot &b)
{
    if ((b.state != BackendState::Drain && !b.removing) || b.sessions <= 0
        || b.sessionsLeaveRate <= 0)
        return std::nullopt;
    return b.sessions / b.sessionsLeaveRate;
}

QString BackendStatus::drainText(const BackendSnapshot &b)
{
    if ((b.state != BackendState::Drain && !b.removing) || b.sessions <= 0)
        return {};
    if (const std::optional<double> left = drainSecondsLeft(b))
        return tr("drained in %1").arg(roughDuration(*left));
    return tr("draining");
}

QString BackendStatus::roughDuration(double seconds)
{
    if (seconds < 90)
        return tr("~%1 s").arg(std::max(1, int(std::lround(seconds))));
    if (seconds < 90 * 60)
        return tr("~%1 min").arg(std::lround(seconds / 60));
    return tr("~%1 h").arg(std::lround(seconds / 3600));
}

} // namespace Limpet
