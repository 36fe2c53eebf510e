#include "connectdialog.h"

#include <QCheckBox>
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

ConnectDialog::ConnectDialog(TokenStore *tokens, QWidget *parent)
    : QDialog(parent)
    , m_tokens(tokens)
    , m_url(new QComboBox(this))
    , m_token(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember token"), this))
    , m_plainText(new QCheckBox(tr("Remember the token in the settings &file (plain text)"), this))
    , m_tokenSource(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Connect to instance"));
    m_url->setObjectName(u"connectUrl"_s);
    m_url->setEditable(true);
    m_url->setInsertPolicy(QComboBox::NoInsert);
    m_url->addItems(rememberedUrls());
    m_url->lineEdit()->setPlaceholderText(tr("http://10.0.0.5:9090"));
    m_url->setToolTip(tr("The admin API of a running limpet ([admin] bind)"));
    m_url->setMinimumContentsLength(32);
    m_token->setObjectName(u"connectToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("none"));
    m_token->setToolTip(tr("The instance's [admin] token, if it has one"));
    m_remember->setObjectName(u"rememberToken"_s);
    m_remember->setToolTip(tr("Keep the token for this URL in the system keychain, and fill it in "
                              "next time. Unticked, connecting forgets a token kept before."));
    m_plainText->setObjectName(u"plainTextToken"_s);
    m_plainText->setEnabled(false);
    m_plainText->setToolTip(
        tr("Only when no system keychain is available (no Secret Service, KWallet, macOS "
           "Keychain or Windows Credential Manager): the token is then written unencrypted to "
           "%1, where anyone who can read that file can read it. Unticked, the token is kept "
           "nowhere when there is no keychain.")
            .arg(QSettings().fileName()));
    m_tokenSource->setObjectName(u"tokenSource"_s);
    m_tokenSource->setWordWrap(true);
    m_tokenSource->setVisible(false);
    // Not "&Connect": Alt+C is the Cancel button's under the GNOME platform theme ("&Cancel").
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));

    auto *form = new QFormLayout(this);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Token:"), m_token);
    form->addRow(QString(), m_tokenSource);
    form->addRow(QString(), m_remember);
    form->addRow(QString(), m_plainText);
    m_problem->setWordWrap(true);
    form->addRow(m_problem);
    form->addRow(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_url, &QComboBox::currentTextChanged, this, &ConnectDialog::validate);
    connect(m_url, &QComboBox::currentTextChanged, this, &ConnectDialog::lookUpToken);
    connect(m_remember, &QCheckBox::toggled, m_plainText, &QWidget::setEnabled);
    connect(m_token, &QLineEdit::textEdited, this, [this] {
        m_tokenFromStore = false;
        m_tokenSource->setVisible(false);
    });
    if (m_tokens)
        connect(m_tokens, &TokenStore::loaded, this, &ConnectDialog::tokenLoaded);
    validate();
    lookUpToken();
}

QUrl ConnectDialog::url() const
{
    return parseUrl(m_url->currentText()).value_or(QUrl());
}

QByteArray ConnectDialog::token() const
{
    return m_token->text().trimmed().toUtf8();
}

bool ConnectDialog::rememberToken() const
{
    return m_remember->isChecked();
}

bool ConnectDialog::plainTextAllowed() const
{
    return m_remember->isChecked() && m_plainText->isChecked();
}

void ConnectDialog::lookUpToken()
{
    if (m_tokenFromStore) {
        // It was the previous URL's.
        m_token->clear();
        m_remember->setChecked(false);
        m_plainText->setChecked(false);
        m_tokenSource->setVisible(false);
        m_tokenFromStore = false;
    }
    const QString text = m_url->currentText().trimmed();
    if (!m_tokens || !rememberedUrls().contains(text))
        return;
    if (const std::optional<QUrl> url = parseUrl(text))
        m_tokens->load(*url);
}

void ConnectDialog::tokenLoaded(const QUrl &url, const QByteArray &token, TokenStore::Place place)
{
    const std::optional<QUrl> current = parseUrl(m_url->currentText());
    // Another URL was picked since, or the user typed a token meanwhile: theirs stands.
    if (token.isEmpty() || !current || TokenStore::keyFor(*current) != TokenStore::keyFor(url)
        || !m_token->text().isEmpty())
        return;
    m_token->setText(QString::fromUtf8(token));
    m_tokenFromStore = true;
    m_remember->setChecked(true);
    m_plainText->setChecked(place == TokenStore::Place::SettingsFile);
    m_tokenSource->setText(place == TokenStore::Place::SettingsFile
            ? tr("Token filled in from the settings file (plain text).")
            : tr("Token filled in from the keychain."));
    m_tokenSource->setVisible(true);
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
