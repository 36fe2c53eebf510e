#pragma once

#include <QDialog>
#include <QStringList>

#include <optional>

class QCheckBox;
class QComboBox;
class QSpinBox;

namespace Limpet {

/// Asks where to send one session: a backend of its pool, for some minutes (a pin) or for
/// good (a rebind).
class PinDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PinDialog)

public:
    /// `backends`: the pool's backends to offer; `current`: the one preselected.
    PinDialog(const QString &session, const QStringList &backends, const QString &current,
        QWidget *parent = nullptr);

    [[nodiscard]] QString backend() const;
    /// The pin's length in seconds; empty optional: for good (a rebind).
    [[nodiscard]] std::optional<qint64> ttlSeconds() const;

private:
    QComboBox *m_backend;
    QSpinBox *m_minutes;
    QCheckBox *m_forGood;
};

} // namespace Limpet
