// Remembered admin tokens (TokenStore) with no keychain, as on a machine without a Secret Service
// or KWallet: a token is written nowhere unless the user allowed plain text, and then it
// round-trips through the settings file; the connect dialog fills in a remembered URL's token; a
// --connect without a token uses the remembered one.
//
// This process has no keychain whatever the machine has (main() points D-Bus at a bus that is not
// there), and QStandardPaths' test mode keeps its settings file away from the user's.

#include "client/clusterclient.h"
#include "cluster/clusterview.h"
#include "connectdialog.h"
#include "mainwindow.h"
#include "testbackend.h"
#include "tokenstore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using Limpet::TokenStore;

namespace {

constexpr int AnswerMs = 20'000; // a keychain job that finds no backend answers well before

const QByteArray Token = "tst-tokenstore-4b1d9e";

/// Every file under the places this process may write to (test-mode config, data and cache
/// folders) that holds `bytes`.
QStringList filesHolding(const QByteArray &bytes)
{
    QStringList found;
    const QList<QStandardPaths::StandardLocation> locations
        = {QStandardPaths::GenericConfigLocation, QStandardPaths::GenericDataLocation,
            QStandardPaths::GenericCacheLocation, QStandardPaths::AppDataLocation};
    for (const QStandardPaths::StandardLocation location : locations) {
        QDirIterator it(QStandardPaths::writableLocation(location), QDir::Files | QDir::Hidden,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(bytes))
                found.append(file.fileName());
        }
    }
    found.removeDuplicates();
    return found;
}

QByteArray settingsFileBytes()
{
    QSettings().sync();
    QFile file(QSettings().fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class tst_TokenStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void keyFor_data();
    void keyFor();
    void notKeptWithoutKeychain();
    void plainTextRoundTrip();
    void plainTextCopyDroppedWhenNotAllowed();
    void emptyTokenForgets();
    void dialogFillsRememberedToken();
    void dialogForgetsTokenOfPreviousUrl();
    void dialogPlainTextNeedsRemember();
    void windowUsesRememberedToken();

private:
    /// save() and its answer.
    TokenStore::Place save(TokenStore &store, const QUrl &url, const QByteArray &token,
        bool plainText, QString *problem = nullptr);
    /// load() and its answer.
    std::pair<QByteArray, TokenStore::Place> load(TokenStore &store, const QUrl &url);
};

TokenStore::Place tst_TokenStore::save(
    TokenStore &store, const QUrl &url, const QByteArray &token, bool plainText, QString *problem)
{
    QSignalSpy saved(&store, &TokenStore::saved);
    store.save(url, token, plainText);
    if (!saved.isEmpty())
        qWarning("saved() came from inside save()");
    if (!saved.wait(AnswerMs) || saved.size() != 1 || saved.first().at(0).toUrl() != url)
        return TokenStore::Place::Nowhere;
    if (problem)
        *problem = saved.first().at(2).toString();
    return saved.first().at(1).value<TokenStore::Place>();
}

std::pair<QByteArray, TokenStore::Place> tst_TokenStore::load(TokenStore &store, const QUrl &url)
{
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load(url);
    if (!loaded.isEmpty())
        qWarning("loaded() came from inside load()");
    if (!loaded.wait(AnswerMs) || loaded.size() != 1 || loaded.first().at(0).toUrl() != url)
        return {"(no answer)", TokenStore::Place::Nowhere};
    return {loaded.first().at(1).toByteArray(), loaded.first().at(2).value<TokenStore::Place>()};
}

void tst_TokenStore::initTestCase()
{
    QVERIFY(QStandardPaths::isTestModeEnabled());
    // As the app names itself: the settings file is where the app's would be, in test mode.
    QCoreApplication::setApplicationName(u"limpet"_s);
    QCoreApplication::setOrganizationName(u"Limpet"_s);
    const QString configDir
        = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QVERIFY2(configDir.contains(u"qttest"_s), qPrintable(configDir));
    QVERIFY2(QSettings().fileName().startsWith(configDir), qPrintable(QSettings().fileName()));
    QSettings().clear();
    QVERIFY(filesHolding(Token).isEmpty());
}

void tst_TokenStore::cleanup()
{
    QSettings().clear();
    QSettings().sync();
}

void tst_TokenStore::keyFor_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("key");
    QTest::newRow("as-typed") << u"http://10.0.0.5:9090"_s << u"http://10.0.0.5:9090"_s;
    QTest::newRow("trailing-slash") << u"http://10.0.0.5:9090/"_s << u"http://10.0.0.5:9090"_s;
    QTest::newRow("api-v1") << u"http://10.0.0.5:9090/api/v1/"_s << u"http://10.0.0.5:9090"_s;
    QTest::newRow("default-http-port") << u"http://lb.example"_s << u"http://lb.example:80"_s;
    QTest::newRow("default-https-port") << u"https://lb.example"_s << u"https://lb.example:443"_s;
    QTest::newRow("host-case") << u"http://LB.Example:9090"_s << u"http://lb.example:9090"_s;
    QTest::newRow("path-kept") << u"http://lb:80/limpet/a/"_s << u"http://lb:80/limpet/a"_s;
    QTest::newRow("ipv6") << u"http://[::1]:9090"_s << u"http://[::1]:9090"_s;
}

void tst_TokenStore::keyFor()
{
    QFETCH(QString, url);
    QFETCH(QString, key);
    QCOMPARE(TokenStore::keyFor(QUrl(url)), key);
    QCOMPARE(TokenStore::keyFor(Limpet::ConnectDialog::parseUrl(url).value()), key);
}

// No keychain and no plain text allowed: the user is told why, and the token is nowhere.
void tst_TokenStore::notKeptWithoutKeychain()
{
    TokenStore store;
    const QUrl url(u"http://10.0.0.5:9090"_s);
    QString problem;
    QCOMPARE(save(store, url, Token, false, &problem), TokenStore::Place::Nowhere);
    QVERIFY2(!problem.isEmpty(), "the user is not told why the token is not kept");
    qInfo("the keychain said: %s", qPrintable(problem));
    QVERIFY(TokenStore::plainTextToken(url).isEmpty());
    QVERIFY(!settingsFileBytes().contains(Token));
    QCOMPARE(filesHolding(Token), QStringList());

    const auto [token, place] = load(store, url);
    QCOMPARE(token, QByteArray());
    QCOMPARE(place, TokenStore::Place::Nowhere);
}

// Plain text allowed: in the settings file, readable as it is, found again under any spelling of
// the URL and by another store (the next run), and gone once removed.
void tst_TokenStore::plainTextRoundTrip()
{
    const QUrl url(u"http://10.0.0.5:9090"_s);
    {
        TokenStore store;
        QString problem;
        QCOMPARE(save(store, url, Token, true, &problem), TokenStore::Place::SettingsFile);
        QVERIFY(!problem.isEmpty());
    }
    QVERIFY2(settingsFileBytes().contains(Token), settingsFileBytes().constData());
    QCOMPARE(filesHolding(Token), QStringList{QSettings().fileName()});

    TokenStore store;
    for (const QString &spelling : {u"http://10.0.0.5:9090"_s, u"http://10.0.0.5:9090/api/v1"_s}) {
        const auto [token, place] = load(store, QUrl(spelling));
        QCOMPARE(token, Token);
        QCOMPARE(place, TokenStore::Place::SettingsFile);
    }
    const auto [other, otherPlace] = load(store, QUrl(u"http://10.0.0.6:9090"_s));
    QCOMPARE(other, QByteArray());
    QCOMPARE(otherPlace, TokenStore::Place::Nowhere);

    QSignalSpy removed(&store, &TokenStore::removed);
    store.remove(url);
    QVERIFY(removed.wait(AnswerMs));
    QCOMPARE(removed.first().at(0).toUrl(), url);
    QVERIFY(!settingsFileBytes().contains(Token));
    QCOMPARE(filesHolding(Token), QStringList());
    const auto [gone, gonePlace] = load(store, url);
    QCOMPARE(gone, QByteArray());
    QCOMPARE(gonePlace, TokenStore::Place::Nowhere);
}

// A token kept as plain text before is not left behind when the user no longer allows it.
void tst_TokenStore::plainTextCopyDroppedWhenNotAllowed()
{
    TokenStore store;
    const QUrl url(u"https://lb.example/api/v1"_s);
    QCOMPARE(save(store, url, Token, true), TokenStore::Place::SettingsFile);
    QCOMPARE(TokenStore::plainTextToken(url), Token);
    QCOMPARE(save(store, url, Token + "-new", false), TokenStore::Place::Nowhere);
    QVERIFY(TokenStore::plainTextToken(url).isEmpty());
    QCOMPARE(filesHolding(Token), QStringList());
}

void tst_TokenStore::emptyTokenForgets()
{
    TokenStore store;
    const QUrl url(u"http://10.0.0.5:9090"_s);
    QCOMPARE(save(store, url, Token, true), TokenStore::Place::SettingsFile);
    QSignalSpy removed(&store, &TokenStore::removed);
    store.save(url, QByteArray(), true);
    QVERIFY(removed.wait(AnswerMs));
    QVERIFY(TokenStore::plainTextToken(url).isEmpty());
}

// File → Connect: picking a remembered URL fills in its token (a moment later), with "Remember
// token" and "plain text" ticked as they were.
void tst_TokenStore::dialogFillsRememberedToken()
{
    TokenStore store;
    const QUrl url(u"http://10.0.0.5:9090"_s);
    QCOMPARE(save(store, url, Token, true), TokenStore::Place::SettingsFile);
    Limpet::ConnectDialog::rememberUrl(QUrl(u"http://10.0.0.7:9090"_s));
    Limpet::ConnectDialog::rememberUrl(url); // first: the one the dialog shows

    Limpet::ConnectDialog dialog(&store);
    auto *urlBox = dialog.findChild<QComboBox *>(u"connectUrl"_s);
    auto *token = dialog.findChild<QLineEdit *>(u"connectToken"_s);
    auto *remember = dialog.findChild<QCheckBox *>(u"rememberToken"_s);
    auto *plainText = dialog.findChild<QCheckBox *>(u"plainTextToken"_s);
    QVERIFY(urlBox && token && remember && plainText);
    QCOMPARE(urlBox->currentText(), url.toString());
    QTRY_COMPARE(token->text(), QString::fromLatin1(Token));
    QVERIFY(remember->isChecked());
    QVERIFY(plainText->isChecked());
    QCOMPARE(dialog.token(), Token);
    QVERIFY(dialog.rememberToken());
    QVERIFY(dialog.plainTextAllowed());
    QVERIFY(!dialog.findChild<QLabel *>(u"tokenSource"_s)->isHidden());
}

// Picking another URL drops the token filled in for the previous one; a token the user typed
// stays.
void tst_TokenStore::dialogForgetsTokenOfPreviousUrl()
{
    TokenStore store;
    const QUrl url(u"http://10.0.0.5:9090"_s);
    QCOMPARE(save(store, url, Token, true), TokenStore::Place::SettingsFile);
    Limpet::ConnectDialog::rememberUrl(QUrl(u"http://10.0.0.7:9090"_s));
    Limpet::ConnectDialog::rememberUrl(url);

    Limpet::ConnectDialog dialog(&store);
    auto *urlBox = dialog.findChild<QComboBox *>(u"connectUrl"_s);
    auto *token = dialog.findChild<QLineEdit *>(u"connectToken"_s);
    QTRY_COMPARE(token->text(), QString::fromLatin1(Token));
    QSignalSpy loaded(&store, &TokenStore::loaded);
    urlBox->setCurrentIndex(1); // 10.0.0.7, no token kept
    QCOMPARE(token->text(), QString());
    QVERIFY(!dialog.rememberToken());
    QVERIFY(loaded.wait(AnswerMs));
    QCOMPARE(token->text(), QString());

    // Back to the first: the user types a token before the store answers; theirs stands.
    urlBox->setCurrentIndex(0);
    QTest::keyClicks(token, u"typed"_s);
    QVERIFY(loaded.wait(AnswerMs));
    QCOMPARE(token->text(), u"typed"_s);
}

void tst_TokenStore::dialogPlainTextNeedsRemember()
{
    Limpet::ConnectDialog dialog;
    auto *remember = dialog.findChild<QCheckBox *>(u"rememberToken"_s);
    auto *plainText = dialog.findChild<QCheckBox *>(u"plainTextToken"_s);
    QVERIFY(!remember->isChecked());
    QVERIFY(!plainText->isEnabled());
    QVERIFY2(
        plainText->toolTip().contains(QSettings().fileName()), qPrintable(plainText->toolTip()));
    plainText->setChecked(true);
    QVERIFY(!dialog.plainTextAllowed()); // not without "Remember token"
    remember->setChecked(true);
    QVERIFY(plainText->isEnabled());
    QVERIFY(dialog.plainTextAllowed());
}

// `limpet --connect URL` without --token: the instance is asked with the remembered token, and the
// command line's order stays though the lookup answers later.
void tst_TokenStore::windowUsesRememberedToken()
{
    LimpetTest::TestBackend remembered(u"remembered"_s);
    LimpetTest::TestBackend given(u"given"_s);
    QVERIFY(remembered.isListening() && given.isListening());
    const QUrl rememberedUrl(u"http://127.0.0.1:%1"_s.arg(remembered.port()));
    const QUrl givenUrl(u"http://127.0.0.1:%1"_s.arg(given.port()));

    Limpet::MainWindow window({});
    QCOMPARE(
        save(*window.tokenStore(), rememberedUrl, Token, true), TokenStore::Place::SettingsFile);
    window.addRemoteInstance(rememberedUrl);
    window.addRemoteInstance(givenUrl, "given-token");
    // Not before the one whose token is still being looked up.
    QCOMPARE(window.clusterView()->clients().size(), 0);
    QTRY_COMPARE(window.clusterView()->clients().size(), 2);
    QCOMPARE(window.clusterView()->clients().at(0)->name(), rememberedUrl.toString());
    QCOMPARE(window.clusterView()->clients().at(1)->name(), givenUrl.toString());

    QTRY_VERIFY(remembered.requestCount() > 0);
    QCOMPARE(remembered.requests().first().header("authorization"), "Bearer "_ba + Token);
    QTRY_VERIFY(given.requestCount() > 0);
    QCOMPARE(given.requests().first().header("authorization"), "Bearer given-token"_ba);
}

int main(int argc, char **argv)
{
    // No keychain in this process, whatever the machine has: a D-Bus session bus that is not
    // there (Secret Service and KWallet are both reached through it). The fallback is what is
    // tested, and the user's own keychain stays untouched.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/limpet-tst-tokenstore");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    tst_TokenStore test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_ui_tokenstore.moc"
