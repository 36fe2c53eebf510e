// The window's translations: every string of ui/ and app/ translated into each language, with the
// placeholders of its source, and the released .qm saying what an Italian, French or German user
// reads. English, the source language, has a file of plural forms only ("%n session(s)" → "1
// session"), checked the same way. lupdate runs over the current sources into copies of the .ts
// files, so a tr() string added after the last translations/update.sh fails here until it is
// translated.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <map>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

constexpr int ToolTimeoutMs = 120'000;
constexpr qsizetype MaxListedProblems = 20;

/// One <message> of a .ts file.
struct Message
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    QString type; // the <translation> type attribute: empty when finished
    QStringList forms; // the translation, or its numerus forms
    bool hasTranslation = false;

    [[nodiscard]] QString where() const
    {
        return context + u" \""_s + source + u'"'
            + (comment.isEmpty() ? QString() : u" ("_s + comment + u')');
    }
};

struct TsFile
{
    QString language;
    QList<Message> messages;
    QString error;
};

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = u"cannot open "_s + path + u": "_s + file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == "TS"_L1) {
            ts.language = xml.attributes().value("language"_L1).toString();
        } else if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            while (xml.readNextStartElement()) {
                if (xml.name() == "source"_L1) {
                    m.source = xml.readElementText();
                } else if (xml.name() == "comment"_L1) {
                    m.comment = xml.readElementText();
                } else if (xml.name() == "translation"_L1) {
                    m.hasTranslation = true;
                    m.type = xml.attributes().value("type"_L1).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == "numerusform"_L1)
                                m.forms.append(xml.readElementText());
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        m.forms.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            ts.messages.append(m);
        }
    }
    if (xml.hasError())
        ts.error = path + u": "_s + xml.errorString();
    return ts;
}

/// %1…%99 and %n, sorted, so a translation may reorder them but not lose or add one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(?:\\d{1,2}|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.append(match.captured());
    found.sort();
    return found;
}

/// How many keyboard accelerators ("&X", not "&&") a text carries.
qsizetype accelerators(QString text)
{
    text.remove(u"&&"_s);
    return text.count(u'&');
}

/// A Qt tool (lupdate, lrelease): next to this Qt's binaries, in Debian's qt6 folders, or on PATH.
QString findQtTool(const QString &name)
{
    const QStringList dirs = {QLibraryInfo::path(QLibraryInfo::BinariesPath),
        QLibraryInfo::path(QLibraryInfo::LibraryExecutablesPath), u"/usr/lib/qt6/bin"_s,
        u"/usr/lib/qt6/libexec"_s};
    for (const QString &dir : dirs) {
        const QFileInfo tool(QDir(dir).filePath(name));
        if (tool.isExecutable())
            return tool.absoluteFilePath();
    }
    for (const QString &candidate : QStringList{name + u'6', name}) {
        const QString found = QStandardPaths::findExecutable(candidate);
        if (!found.isEmpty())
            return found;
    }
    return {};
}

/// Runs a tool to its end; returns an empty string on success, else what went wrong.
QString run(const QString &program, const QStringList &arguments, const QString &workingDir)
{
    QProcess process;
    process.setWorkingDirectory(workingDir);
    process.start(program, arguments);
    if (!process.waitForFinished(ToolTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return program + u" did not finish: "_s + process.errorString();
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return program + u" failed ("_s + QString::number(process.exitCode()) + u"): "_s
            + QString::fromLocal8Bit(process.readAllStandardError());
    }
    return {};
}

QString listed(const QStringList &problems)
{
    QString text = QString::number(problems.size())
        + u" problem(s); run translations/update.sh and translate:\n"_s;
    text += problems.mid(0, MaxListedProblems).join(u'\n');
    if (problems.size() > MaxListedProblems)
        text += u"\n…"_s;
    return text;
}

} // namespace

class tst_Translations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void englishPluralsOnly();
    void complete_data();
    void complete();
    void placeholdersKept_data();
    void placeholdersKept();
    void released_data();
    void released();
    void englishLocales_data();
    void englishLocales();
    void cleanup();

private:
    void languageRows();
    /// lrelease of the committed limpet_<lang>.ts into <work>/qm (once); what went wrong, if any.
    QString release(const QString &lang);

    QString m_sourceDir;
    QTemporaryDir m_work;
    std::map<QString, TsFile> m_updated; // by language code, after lupdate over the sources
    std::unique_ptr<QTranslator> m_installed;
};

void tst_Translations::languageRows()
{
    QTest::addColumn<QString>("lang");
    // Qt's plural rules for these languages have two forms (one, other).
    QTest::addColumn<int>("numerusForms");
    QTest::newRow("it") << u"it"_s << 2;
    QTest::newRow("fr") << u"fr"_s << 2;
    QTest::newRow("de") << u"de"_s << 2;
    QTest::newRow("en") << u"en"_s << 2;
}

void tst_Translations::initTestCase()
{
    m_sourceDir = qEnvironmentVariable("LIMPET_SOURCE_DIR");
    if (m_sourceDir.isEmpty()) // run by hand rather than by ctest
        m_sourceDir = QFileInfo(QStringLiteral(__FILE__)).absoluteDir().filePath(u".."_s);
    QVERIFY2(QFileInfo::exists(m_sourceDir + u"/translations/limpet_it.ts"_s),
        qPrintable(u"no translations/ in "_s + m_sourceDir));
    QVERIFY(m_work.isValid());

    const QString lupdate = findQtTool(u"lupdate"_s);
    QVERIFY2(!lupdate.isEmpty(), "lupdate not found (Debian: qt6-l10n-tools)");

    // The same extraction as translations/update.sh, into copies of the files: the three
    // translations, then the English plural forms (-pluralonly).
    const QStringList options = {u"-silent"_s, u"-no-obsolete"_s, u"-locations"_s, u"relative"_s,
        u"-extensions"_s, u"cpp,h,ui"_s};
    const auto copyOf = [this](const QString &lang) {
        const QString name = u"limpet_"_s + lang + u".ts"_s;
        const QString copy = m_work.filePath(name);
        if (!QFile::copy(m_sourceDir + u"/translations/"_s + name, copy)
            || !QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner))
            return QString();
        return copy;
    };
    QStringList arguments = options + QStringList{u"ui"_s, u"app"_s, u"-ts"_s};
    for (const QString &lang : {u"it"_s, u"fr"_s, u"de"_s}) {
        const QString copy = copyOf(lang);
        QVERIFY2(!copy.isEmpty(), qPrintable(lang));
        arguments.append(copy);
    }
    QString error = run(lupdate, arguments, m_sourceDir);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString english = copyOf(u"en"_s);
    QVERIFY2(!english.isEmpty(), "no translations/limpet_en.ts");
    error = run(lupdate,
        options + QStringList{u"-pluralonly"_s, u"ui"_s, u"app"_s, u"-ts"_s, english}, m_sourceDir);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    for (const QString &lang : {u"it"_s, u"fr"_s, u"de"_s, u"en"_s}) {
        TsFile ts = readTs(m_work.filePath(u"limpet_"_s + lang + u".ts"_s));
        QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
        QVERIFY2(ts.language.startsWith(lang), qPrintable(ts.language));
        // Far fewer would mean lupdate scanned the wrong folders.
        const qsizetype atLeast = lang == u"en"_s ? 10 : 100;
        QVERIFY2(ts.messages.size() > atLeast, qPrintable(QString::number(ts.messages.size())));
        m_updated.emplace(lang, std::move(ts));
    }
}

// The English file holds the plural messages and nothing else, and each of them: English needs
// no other translation.
void tst_Translations::englishPluralsOnly()
{
    QStringList problems;
    for (const Message &m : m_updated.at(u"en"_s).messages) {
        if (!m.numerus)
            problems.append(u"not a plural: "_s + m.where());
    }
    qsizetype plurals = 0;
    for (const Message &m : m_updated.at(u"it"_s).messages)
        plurals += m.numerus ? 1 : 0;
    QVERIFY2(problems.isEmpty(), qPrintable(listed(problems)));
    QCOMPARE(m_updated.at(u"en"_s).messages.size(), plurals);
}

void tst_Translations::cleanup()
{
    if (m_installed) {
        QCoreApplication::removeTranslator(m_installed.get());
        m_installed.reset();
    }
}

void tst_Translations::complete_data()
{
    languageRows();
}

// Every message of the current sources has a finished, non-empty translation, with the number
// of plural forms the language needs.
void tst_Translations::complete()
{
    QFETCH(QString, lang);
    QFETCH(int, numerusForms);
    QStringList problems;
    for (const Message &m : m_updated.at(lang).messages) {
        if (!m.hasTranslation) {
            problems.append(u"missing: "_s + m.where());
            continue;
        }
        if (!m.type.isEmpty()) {
            problems.append(m.type + u": "_s + m.where());
            continue;
        }
        if (m.numerus && m.forms.size() != numerusForms) {
            problems.append(
                u"%1 plural forms instead of %2: "_s.arg(m.forms.size()).arg(numerusForms)
                + m.where());
            continue;
        }
        for (const QString &form : m.forms) {
            if (form.trimmed().isEmpty())
                problems.append(u"empty: "_s + m.where());
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(listed(problems)));
}

void tst_Translations::placeholdersKept_data()
{
    languageRows();
}

// Each translation (each plural form) carries the source's %1, %2… and %n, in any order, and a
// keyboard accelerator when the source has one.
void tst_Translations::placeholdersKept()
{
    QFETCH(QString, lang);
    QStringList problems;
    for (const Message &m : m_updated.at(lang).messages) {
        if (!m.type.isEmpty())
            continue; // unfinished: complete() reports it
        const QStringList expected = placeholders(m.source);
        for (const QString &form : m.forms) {
            if (placeholders(form) != expected) {
                problems.append(u"placeholders %1 instead of %2: "_s.arg(
                                    placeholders(form).join(u' '), expected.join(u' '))
                    + m.where() + u" → \""_s + form + u'"');
            }
            if (accelerators(form) != accelerators(m.source))
                problems.append(u"accelerator: "_s + m.where() + u" → \""_s + form + u'"');
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(listed(problems)));
}

void tst_Translations::released_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("expected");

    const QString window = u"Limpet::MainWindow"_s;
    const QString cluster = u"Limpet::ClusterView"_s;
    QTest::newRow("it-view-menu") << u"it"_s << window << u"&View"_s << -1 << u"&Visualizza"_s;
    QTest::newRow("it-charts-tab") << u"it"_s << window << u"Charts"_s << -1 << u"Grafici"_s;
    QTest::newRow("it-maintenance")
        << u"it"_s << cluster << u"&Maintenance…"_s << -1 << u"&Manutenzione…"_s;
    QTest::newRow("it-one-session")
        << u"it"_s << window << u"%n session(s)"_s << 1 << u"1 sessione"_s;
    QTest::newRow("it-sessions") << u"it"_s << window << u"%n session(s)"_s << 3 << u"3 sessioni"_s;
    QTest::newRow("fr-file-menu") << u"fr"_s << window << u"&File"_s << -1 << u"&Fichier"_s;
    QTest::newRow("fr-charts-tab") << u"fr"_s << window << u"Charts"_s << -1 << u"Graphiques"_s;
    QTest::newRow("fr-maintenance")
        << u"fr"_s << cluster << u"&Maintenance…"_s << -1 << u"&Maintenance…"_s;
    // French takes the singular for 0 and 1.
    QTest::newRow("fr-no-session")
        << u"fr"_s << window << u"%n session(s)"_s << 0 << u"0 session"_s;
    QTest::newRow("fr-sessions") << u"fr"_s << window << u"%n session(s)"_s << 2 << u"2 sessions"_s;
    QTest::newRow("de-file-menu") << u"de"_s << window << u"&File"_s << -1 << u"&Datei"_s;
    QTest::newRow("de-charts-tab") << u"de"_s << window << u"Charts"_s << -1 << u"Diagramme"_s;
    QTest::newRow("de-maintenance")
        << u"de"_s << cluster << u"&Maintenance…"_s << -1 << u"&Wartung…"_s;
    QTest::newRow("de-one-connection")
        << u"de"_s << window << u"%n open connection(s)"_s << 1 << u"1 offene Verbindung"_s;
    QTest::newRow("de-connections")
        << u"de"_s << window << u"%n open connection(s)"_s << 0 << u"0 offene Verbindungen"_s;
    QTest::newRow("en-one-session")
        << u"en"_s << window << u"%n session(s)"_s << 1 << u"1 session"_s;
    QTest::newRow("en-no-session")
        << u"en"_s << window << u"%n session(s)"_s << 0 << u"0 sessions"_s;
    QTest::newRow("en-sessions") << u"en"_s << window << u"%n session(s)"_s << 2 << u"2 sessions"_s;
    QTest::newRow("en-one-break") << u"en"_s << u"Limpet::TraceView"_s << u"%n break(s)"_s << 1
                                  << u"1 break"_s;
    QTest::newRow("en-one-retry") << u"en"_s << u"Limpet::TraceView"_s << u"%n retry(-ies)"_s << 1
                                  << u"1 retry"_s;
    QTest::newRow("en-retries") << u"en"_s << u"Limpet::TraceView"_s << u"%n retry(-ies)"_s << 2
                                << u"2 retries"_s;
    // Not a plural: English keeps the source text.
    QTest::newRow("en-file-menu") << u"en"_s << window << u"&File"_s << -1 << u"&File"_s;
}

// The .qm that lrelease makes from the committed .ts (what the build embeds as
// :/i18n/limpet_<lang>.qm) loads the way main.cpp loads it and translates what the user sees.
void tst_Translations::released()
{
    QFETCH(QString, lang);
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(int, n);
    QFETCH(QString, expected);

    const QString error = release(lang);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString qmDir = m_work.filePath(u"qm"_s);

    m_installed = std::make_unique<QTranslator>();
    // As installTranslations() does: a full locale name finds limpet_<lang>.qm.
    QVERIFY(m_installed->load(QLocale(lang), u"limpet"_s, u"_"_s, qmDir));
    QVERIFY(QCoreApplication::installTranslator(m_installed.get()));
    const QByteArray contextUtf8 = context.toUtf8();
    const QByteArray sourceUtf8 = source.toUtf8();
    QCOMPARE(
        QCoreApplication::translate(contextUtf8.constData(), sourceUtf8.constData(), nullptr, n),
        expected);
}

QString tst_Translations::release(const QString &lang)
{
    const QString lrelease = findQtTool(u"lrelease"_s);
    if (lrelease.isEmpty())
        return u"lrelease not found (Debian: qt6-l10n-tools)"_s;
    const QString qmDir = m_work.filePath(u"qm"_s);
    const QString qm = qmDir + u"/limpet_"_s + lang + u".qm"_s;
    if (QFileInfo::exists(qm))
        return {};
    if (!QDir().mkpath(qmDir))
        return u"cannot create "_s + qmDir;
    return run(lrelease,
        {u"-silent"_s, m_sourceDir + u"/translations/limpet_"_s + lang + u".ts"_s, u"-qm"_s, qm},
        m_sourceDir);
}

void tst_Translations::englishLocales_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("en_US") << u"en_US"_s;
    QTest::newRow("en_GB") << u"en_GB"_s;
    QTest::newRow("en_IE") << u"en_IE"_s;
}

// Any English locale finds limpet_en.qm, as installTranslations() looks it up.
void tst_Translations::englishLocales()
{
    QFETCH(QString, locale);
    const QString error = release(u"en"_s);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_installed = std::make_unique<QTranslator>();
    QVERIFY(m_installed->load(QLocale(locale), u"limpet"_s, u"_"_s, m_work.filePath(u"qm"_s)));
    QVERIFY(QCoreApplication::installTranslator(m_installed.get()));
    QCOMPARE(QCoreApplication::translate("Limpet::MainWindow", "%n session(s)", nullptr, 1),
        u"1 session"_s);
}

QTEST_GUILESS_MAIN(tst_Translations)
#include "tst_translations.moc"
