#pragma once

#include <QDialog>
#include <QUrl>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Limpet {

/// File → Connect to instance…: the admin API's URL (with the ones used before) and its token.
/// The URLs are remembered (QSettings); the token never is.
class ConnectDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectDialog)

public:
    explicit ConnectDialog(QWidget *parent = nullptr);

    /// The URL entered (valid once the dialog was accepted).
    [[nodiscard]] QUrl url() const;
    [[nodiscard]] QByteArray token() const;

    /// An admin API's base URL: "host:port" means http://host:port; nothing when it is not an
    /// http(s) URL with a host and no query.
    [[nodiscard]] static std::optional<QUrl> parseUrl(QString text);
    /// Puts `url` first in the remembered list (at most 10).
    static void rememberUrl(const QUrl &url);
    [[nodiscard]] static QStringList rememberedUrls();

private:
    void validate();

    QComboBox *m_url;
    QLineEdit *m_token;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace Limpet
