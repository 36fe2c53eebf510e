#include "connectdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

const QString UrlsKey = u"connect/urls"_s;
constexpr int UrlsKept = 10;

} // namespace

ConnectDialog::ConnectDialog(QWidget *parent)
    : QDialog(parent)
    , m_url(new QComboBox(this))
    , m_token(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to instance"));
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->addItems(rememberedUrls());
    m_url->lineEdit()->setPlaceholderText(tr("http://10.0.0.5:9090"));
    m_url->setToolTip(tr("The admin API of a running limpet ([admin] bind)"));
    m_url->setMinimumContentsLength(32);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none"));
    m_token->setToolTip(tr("The instance's [admin] token, if it has one"));
    auto *note = new QLabel(tr("The token is not saved: it is kept in memory while this window "
                               "is open, and asked again next time."),
        this);
    note->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(note);
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QComboBox::currentTextChanged, this, &ConnectDialog::validate);
    validate();
}

QUrl ConnectDialog::url() const
{
    return parseUrl(m_url->currentText()).value_or(QUrl());
}

QByteArray ConnectDialog::token() const
{
    return m_token->text().trimmed().toUtf8();
}

std::optional<QUrl> ConnectDialog::parseUrl(QString text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (!text.contains(u"://"_s))
        text.prepend(u"http://"_s);
    QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.hasQuery()
        || url.hasFragment() || !url.userInfo().isEmpty())
        return std::nullopt;
    return url;
}

void ConnectDialog::rememberUrl(const QUrl &url)
{
    QStringList urls = rememberedUrls();
    const QString text = url.toString();
    urls.removeAll(text);
    urls.prepend(text);
    QSettings().setValue(UrlsKey, urls.mid(0, UrlsKept));
}

QStringList ConnectDialog::rememberedUrls()
{
    return QSettings().value(UrlsKey).toStringList();
}

void ConnectDialog::validate()
{
    const QString text = m_url->currentText().trimmed();
    const bool ok = parseUrl(text).has_value();
    m_problem->setText(ok || text.isEmpty()
            ? QString()
            : tr("%1 is not an admin API address: expected http://HOST:PORT.").arg(text));
    m_problem->setVisible(!m_problem->text().isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace Limpet
