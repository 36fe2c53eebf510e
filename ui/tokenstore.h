#pragma once

#include <QObject>
#include <QUrl>

namespace Limpet {

/// The admin tokens of remote instances, one per admin API URL, kept between runs.
///
/// A token goes to the platform keychain (QtKeychain: Secret Service, KWallet, macOS Keychain,
/// Windows Credential Manager), service "limpet", key keyFor(url). When there is no keychain (no
/// backend, or it refuses) the token is kept nowhere, unless the caller passes plainTextAllowed:
/// then it goes to the settings file (QSettings, group "connect/plainTextTokens") unencrypted.
///
/// Everything answers asynchronously, in the thread that owns the store, and never from inside the
/// call: a keychain may take a while (D-Bus, or the user unlocking it), and the GUI thread must not
/// wait for it.
class TokenStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenStore)

public:
    /// Where a token is (or was put).
    enum class Place {
        Nowhere,
        Keychain,
        SettingsFile
    };
    Q_ENUM(Place)

    explicit TokenStore(QObject *parent = nullptr);
    ~TokenStore() override;

    /// The name url's token is kept under: "scheme://host:port/path" with the port spelt out and
    /// without trailing slashes or "/api/v1" (RemoteClient accepts both), so "10.0.0.5:9090",
    /// "http://10.0.0.5:9090/" and "http://10.0.0.5:9090/api/v1" share one token.
    [[nodiscard]] static QString keyFor(const QUrl &url);

    /// Looks url's token up: in the keychain, then in the settings file. Answers loaded(url, token,
    /// place): (empty, Nowhere) when neither holds one, or the keychain could not be read and the
    /// settings file holds none.
    void load(const QUrl &url);
    /// Keeps `token` for url in the keychain, and removes a plain-text copy from the settings file
    /// once it is there. When the keychain does not take it: in the settings file if
    /// `plainTextAllowed`, else nowhere (and a plain-text copy from before is removed too, since
    /// the caller did not allow one). Answers saved(url, place, keychainProblem): why the keychain
    /// did not take it (empty when it did). An empty `token` is remove().
    void save(const QUrl &url, const QByteArray &token, bool plainTextAllowed);
    /// Removes url's token from the settings file at once, and from the keychain. Answers
    /// removed(url, keychainProblem): why the keychain may still hold it (empty when it holds
    /// none: deleted, never there, or no keychain).
    void remove(const QUrl &url);

    /// The token the settings file holds for url (empty: none). For tests and diagnostics: the
    /// window goes through load().
    [[nodiscard]] static QByteArray plainTextToken(const QUrl &url);

Q_SIGNALS:
    void loaded(const QUrl &url, const QByteArray &token, Limpet::TokenStore::Place place);
    void saved(const QUrl &url, Limpet::TokenStore::Place place, const QString &keychainProblem);
    void removed(const QUrl &url, const QString &keychainProblem);

private:
    static void setPlainTextToken(const QUrl &url, const QByteArray &token);
};

} // namespace Limpet
