#include "cluster/addbackenddialog.h"

#include "cluster/backendstatus.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace Limpet {

AddBackendDialog::AddBackendDialog(const QHash<QString, QStringList> &backends, const QString &pool,
    int instances, QWidget *parent)
    : QDialog(parent)
    , m_backends(backends)
    , m_pool(new QComboBox(this))
    , m_name(new QLineEdit(this))
    , m_address(new QLineEdit(this))
    , m_route(new QLineEdit(this))
    , m_weight(new QSpinBox(this))
    , m_state(new QComboBox(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Add backend"));
    QStringList pools = backends.keys();
    pools.sort();
    m_pool->addItems(pools);
    if (pools.contains(pool))
        m_pool->setCurrentText(pool);
    m_name->setValidator(new QRegularExpressionValidator(
        QRegularExpression(u"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"_s), m_name));
    m_name->setPlaceholderText(tr("app4"));
    m_address->setPlaceholderText(tr("127.0.0.1:9104"));
    m_address->setToolTip(tr("IP:PORT, or [IPv6]:PORT"));
    m_route->setPlaceholderText(tr("the name"));
    m_route->setToolTip(tr("The name that identifies this backend inside an affinity key"));
    m_route->setValidator(
        new QRegularExpressionValidator(QRegularExpression(u"[A-Za-z0-9._-]{0,64}"_s), m_route));
    m_weight->setRange(0, 1000);
    m_weight->setValue(1);
    for (BackendState s :
        {BackendState::Ready, BackendState::Drain, BackendState::Maint, BackendState::Standby})
        m_state->addItem(BackendStatus::stateName(s), toString(s));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Pool:"), m_pool);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Address:"), m_address);
    form->addRow(tr("&Route:"), m_route);
    form->addRow(tr("&Weight:"), m_weight);
    form->addRow(tr("&State:"), m_state);
    if (instances > 1) {
        m_applyToAll = new QCheckBox(
            tr("Add it to the same pool on all %n instances", nullptr, instances), this);
        form->addRow(m_applyToAll);
    }
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pool, &QComboBox::currentTextChanged, this, &AddBackendDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &AddBackendDialog::validate);
    connect(m_address, &QLineEdit::textChanged, this, &AddBackendDialog::validate);
    validate();
}

QString AddBackendDialog::pool() const
{
    return m_pool->currentText();
}

BackendConfig AddBackendDialog::backend() const
{
    BackendConfig b;
    b.name = m_name->text().trimmed();
    if (const std::optional<Endpoint> address = Endpoint::parse(m_address->text().trimmed(), false))
        b.address = *address;
    b.route = m_route->text().trimmed().isEmpty() ? b.name : m_route->text().trimmed();
    b.weight = m_weight->value();
    b.state = m_state->currentData().toString();
    return b;
}

bool AddBackendDialog::applyToAll() const
{
    return m_applyToAll && m_applyToAll->isChecked();
}

QString AddBackendDialog::problem() const
{
    if (m_pool->currentText().isEmpty())
        return tr("This instance has no pool.");
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Enter the backend's name.");
    if (m_backends.value(m_pool->currentText()).contains(name))
        return tr("Pool %1 already has a backend named %2.").arg(m_pool->currentText(), name);
    const QString address = m_address->text().trimmed();
    if (address.isEmpty())
        return tr("Enter the backend's address as IP:PORT.");
    if (!Endpoint::parse(address, false))
        return tr("%1 is not an address: expected IP:PORT, e.g. 127.0.0.1:9104.").arg(address);
    return {};
}

void AddBackendDialog::validate()
{
    const QString why = problem();
    m_problem->setText(why);
    m_problem->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

} // namespace Limpet
