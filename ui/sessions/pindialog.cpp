#include "sessions/pindialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

constexpr int DefaultMinutes = 10;
constexpr int MaxMinutes = 7 * 24 * 60;

} // namespace

PinDialog::PinDialog(
    const QString &session, const QStringList &backends, const QString &current, QWidget *parent)
    : QDialog(parent)
    , m_backend(new QComboBox(this))
    , m_minutes(new QSpinBox(this))
    , m_forGood(new QCheckBox(tr("For good (rebind)"), this))
{
    setWindowTitle(tr("Pin session"));
    m_backend->setObjectName(u"pinBackend"_s);
    m_backend->addItems(backends);
    m_backend->setCurrentIndex(std::max(0, static_cast<int>(backends.indexOf(current))));
    m_minutes->setObjectName(u"pinMinutes"_s);
    m_minutes->setRange(1, MaxMinutes);
    m_minutes->setValue(DefaultMinutes);
    m_minutes->setSuffix(tr(" min"));
    m_forGood->setObjectName(u"pinForGood"_s);
    m_forGood->setToolTip(
        tr("Move the session to this backend for good instead of for a while; insert mode "
           "re-issues its cookie"));
    connect(m_forGood, &QCheckBox::toggled, m_minutes, &QWidget::setDisabled);

    auto *intro = new QLabel(
        tr("Send the requests of session %1 to another backend of its pool.").arg(session), this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Backend:"), m_backend);
    form->addRow(tr("&For:"), m_minutes);
    form->addRow(QString(), m_forGood);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Pin"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!backends.isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString PinDialog::backend() const
{
    return m_backend->currentText();
}

std::optional<qint64> PinDialog::ttlSeconds() const
{
    if (m_forGood->isChecked())
        return std::nullopt;
    return qint64(m_minutes->value()) * 60;
}

} // namespace Limpet
