#pragma once

#include "config/config.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace Limpet {

/// Asks for a new backend: pool, name, address (IP:PORT, checked as typed), route, weight and
/// initial state. OK stays disabled until the entry is valid, and a line says what is wrong.
class AddBackendDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AddBackendDialog)

public:
    /// `backends`: the names already taken in each pool (its keys are the pools offered).
    /// `instances` > 1 offers "Apply to all instances".
    AddBackendDialog(const QHash<QString, QStringList> &backends, const QString &pool,
        int instances, QWidget *parent = nullptr);

    [[nodiscard]] QString pool() const;
    /// The backend as entered (valid once the dialog was accepted).
    [[nodiscard]] BackendConfig backend() const;
    [[nodiscard]] bool applyToAll() const;

private:
    /// Why the entry cannot be added yet; empty when it can.
    [[nodiscard]] QString problem() const;
    void validate();

    QHash<QString, QStringList> m_backends;
    QComboBox *m_pool;
    QLineEdit *m_name;
    QLineEdit *m_address;
    QLineEdit *m_route;
    QSpinBox *m_weight;
    QComboBox *m_state;
    QCheckBox *m_applyToAll = nullptr;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Limpet
