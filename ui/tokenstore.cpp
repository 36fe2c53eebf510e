#include "tokenstore.h"

#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Limpet {

namespace {

const QString Service = u"limpet"_s;
const QString PlainTextGroup = u"connect/plainTextTokens"_s;
const QString ApiSuffix = u"/api/v1"_s;

/// A settings key for url: QSettings reads '/' and '\' in a key as groups, so none may remain.
QString settingsKey(const QUrl &url)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(TokenStore::keyFor(url)));
}

/// What the keychain said, for the user: its own words when it has some.
QString problemOf(const QKeychain::Job &job)
{
    const QString text = job.errorString().trimmed();
    if (!text.isEmpty())
        return text;
    return job.error() == QKeychain::NoBackendAvailable ? TokenStore::tr("no keychain is available")
                                                        : TokenStore::tr("the keychain failed");
}

} // namespace

TokenStore::TokenStore(QObject *parent)
    : QObject(parent)
{ }

TokenStore::~TokenStore() = default;

QString TokenStore::keyFor(const QUrl &url)
{
    QUrl key = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment
        | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    key.setPort(key.port(key.scheme() == u"https"_s ? 443 : 80));
    QString path = key.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(ApiSuffix))
        path.chop(ApiSuffix.size());
    while (path.endsWith(u'/'))
        path.chop(1);
    key.setPath(path);
    return key.toString(QUrl::FullyEncoded);
}

QByteArray TokenStore::plainTextToken(const QUrl &url)
{
    QSettings settings;
    settings.beginGroup(PlainTextGroup);
    return settings.value(settingsKey(url)).toString().toUtf8();
}

void TokenStore::setPlainTextToken(const QUrl &url, const QByteArray &token)
{
    QSettings settings;
    settings.beginGroup(PlainTextGroup);
    if (token.isEmpty())
        settings.remove(settingsKey(url));
    else
        settings.setValue(settingsKey(url), QString::fromUtf8(token));
}

void TokenStore::load(const QUrl &url)
{
    auto *job = new QKeychain::ReadPasswordJob(Service, this);
    job->setKey(keyFor(url));
    connect(job, &QKeychain::Job::finished, this, [this, url](QKeychain::Job *finished) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError && !read->binaryData().isEmpty()) {
            Q_EMIT loaded(url, read->binaryData(), Place::Keychain);
            return;
        }
        const QByteArray token = plainTextToken(url);
        Q_EMIT loaded(url, token, token.isEmpty() ? Place::Nowhere : Place::SettingsFile);
    });
    job->start(); // finished() comes later, from the event loop, even on an immediate failure
}

void TokenStore::save(const QUrl &url, const QByteArray &token, bool plainTextAllowed)
{
    if (token.isEmpty()) {
        remove(url);
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(Service, this);
    job->setKey(keyFor(url));
    job->setBinaryData(token);
    connect(job, &QKeychain::Job::finished, this,
        [this, url, token, plainTextAllowed](QKeychain::Job *finished) {
            if (finished->error() == QKeychain::NoError) {
                setPlainTextToken(url, {});
                Q_EMIT saved(url, Place::Keychain, QString());
                return;
            }
            setPlainTextToken(url, plainTextAllowed ? token : QByteArray());
            Q_EMIT saved(
                url, plainTextAllowed ? Place::SettingsFile : Place::Nowhere, problemOf(*finished));
        });
    job->start();
}

void TokenStore::remove(const QUrl &url)
{
    setPlainTextToken(url, {});
    auto *job = new QKeychain::DeletePasswordJob(Service, this);
    job->setKey(keyFor(url));
    connect(job, &QKeychain::Job::finished, this, [this, url](QKeychain::Job *finished) {
        // No entry, or no keychain at all: nothing of url's is left there either.
        const QKeychain::Error error = finished->error();
        const bool gone = error == QKeychain::NoError || error == QKeychain::EntryNotFound
            || error == QKeychain::NoBackendAvailable;
        Q_EMIT removed(url, gone ? QString() : problemOf(*finished));
    });
    job->start();
}

} // namespace Limpet
