#pragma once

#include "tokenstore.h"

#include <QDialog>
#include <QUrl>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Limpet {

/// File → Connect to instance…: the admin API's URL (with the ones used before) and its token.
/// The URLs are remembered (QSettings). The token is remembered only when the user ticks
/// "Remember token" (the caller keeps it, in a TokenStore: the keychain, or the settings file if
/// the user also allowed plain text); picking a remembered URL fills in its token from `tokens`
/// when it has one (a moment later: the keychain answers asynchronously).
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    /// `tokens`: where remembered tokens are looked up (nullptr: none is).
    explicit ConnectDialog(TokenStore *tokens = nullptr, QWidget *parent = nullptr);

    /// The URL entered (valid once the dialog was accepted).
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] QByteArray token() const;
    /// "Remember token": keep token() for url() (unticked: forget the one kept before).
    [[nodiscard]] bool rememberToken() const;
    /// "Remember the token in the settings file (plain text)", when there is no keychain.
    [[nodiscard]] bool plainTextAllowed() const;

    /// An admin API's base URL: "host:port" means http://host:port; nothing when it is not an
    /// http(s) URL with a host and no query.
    [[nodiscard]] static std::optional<QUrl> parseUrl(QString text);
    /// Puts `url` first in the remembered list (at most 10).
    static void rememberUrl(const QUrl &url);
    [[nodiscard]] static QStringList rememberedUrls();

private:
    void validate();
    /// Forgets a token filled in for the URL before, and asks the store for the current one's.
    void lookUpToken();
    void tokenLoaded(const QUrl &url, const QByteArray &token, TokenStore::Place place);

    TokenStore *m_tokens;
    QComboBox *m_url;
    QLineEdit *m_token;
    QCheckBox *m_remember;
    QCheckBox *m_plainText;
    QLabel *m_tokenSource;
    bool m_tokenFromStore = false; ///< m_token holds what the store gave, untouched since
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Limpet
