#pragma once

#include "snapshot.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Limpet {

/// How a backend's state and health read in the window: the words, the colours (HAProxy's
/// stats page: green ready, grey drain, blue maintenance, yellow standby, red down) and the
/// drain estimate. Every view that shows a backend uses these, so one state reads the same
/// everywhere; colour always comes with the text.
class BackendStatus final
{
    Q_DECLARE_TR_FUNCTIONS(Limpet::BackendStatus)

public:
    BackendStatus() = delete;

    /// The state's word ("ready", "drain", "maint", "standby"), translatable.
    [[nodiscard]] static QString stateName(BackendState state);
    /// The state, then what else matters at a glance: "drain · down · removing".
    [[nodiscard]] static QString stateText(const BackendSnapshot &backend);
    /// The badge colour: maintenance, then down, then drain/removing, standby, ready.
    [[nodiscard]] static QColor stateColor(const BackendSnapshot &backend);
    /// Black or white, whichever reads better on `background`.
    [[nodiscard]] static QColor textColorOn(const QColor &background);
    /// Health and the last check: "up · 200 in 1.2 ms", "down · connection refused",
    /// "up · no checks".
    [[nodiscard]] static QString healthText(const BackendSnapshot &backend);
    /// While draining with sessions bound and a known leave rate: the seconds until none is
    /// left. Nothing otherwise.
    [[nodiscard]] static std::optional<double> drainSecondsLeft(const BackendSnapshot &backend);
    /// "drained in ~2 min" while draining, "draining" when no estimate is known yet, empty
    /// for a backend that is not draining or has no session left.
    [[nodiscard]] static QString drainText(const BackendSnapshot &backend);
    /// A rough duration: "~40 s", "~2 min", "~3 h".
    [[nodiscard]] static QString roughDuration(double seconds);
    /// Milliseconds with one decimal below 10 ms ("1.2 ms", "15 ms").
    [[nodiscard]] static QString milliseconds(double ms);
};

} // namespace Limpet
