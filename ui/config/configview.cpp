#include "config/configview.h"

#include "client/clusterclient.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Limpet {

ConfigView::ConfigView(QWidget *parent)
    : QWidget(parent)
    , m_file(new QLabel(this))
    , m_refresh(new QPushButton(tr("Refre&sh"), this))
    , m_reload(new QPushButton(tr("&Reload config"), this))
    , m_result(new QLabel(this))
    , m_errors(new QListWidget(this))
    , m_text(new QPlainTextEdit(this))
{
    m_file->setObjectName(u"configFile"_s);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_refresh->setObjectName(u"configRefresh"_s);
    m_refresh->setToolTip(tr("Show the config this instance runs now"));
    m_reload->setObjectName(u"configReload"_s);
    m_reload->setToolTip(tr("Make the instance re-read its config file and apply it without "
                            "dropping a connection"));
    m_result->setObjectName(u"configResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setObjectName(u"configErrors"_s);
    // The errors name lines of the file on disk, which is not the running config shown below.
    m_errors->setToolTip(tr("Errors in the file on disk; the config shown below still runs"));
    m_errors->setMaximumHeight(m_errors->fontMetrics().height() * 8);
    m_errors->hide();
    m_text->setObjectName(u"configText"_s);
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *top = new QHBoxLayout;
    top->addWidget(m_file, 1);
    top->addWidget(m_refresh);
    top->addWidget(m_reload);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_result);
    layout->addWidget(m_errors);
    layout->addWidget(m_text, 1);

    connect(m_refresh, &QPushButton::clicked, this, &ConfigView::refresh);
    connect(m_reload, &QPushButton::clicked, this, &ConfigView::reload);
    setClient(nullptr);
}

void ConfigView::setClient(ClusterClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_reloading = false;
    m_fileName.clear();
    m_text->clear();
    setResult({});
    m_errors->clear();
    m_errors->hide();
    m_file->setText(client ? tr("Loading…") : tr("No instance selected"));
    if (client) {
        connect(client, &ClusterClient::configReady, this, &ConfigView::onConfigReady);
        connect(client, &ClusterClient::operationFinished, this, &ConfigView::onOperationFinished);
        client->requestConfig();
    }
    updateButtons();
}

void ConfigView::refresh()
{
    if (m_client)
        m_client->requestConfig();
}

void ConfigView::reload()
{
    if (!m_client || m_reloading)
        return;
    m_reloading = true;
    m_errors->clear();
    m_errors->hide();
    setResult(tr("Reloading %1…").arg(m_fileName));
    updateButtons();
    m_client->reload();
}

void ConfigView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // the file may have been reloaded from elsewhere meanwhile
}

void ConfigView::onConfigReady(const QString &file, const QString &text)
{
    m_fileName = file;
    m_file->setText(file.isEmpty() ? tr("No config file: this instance runs the built-in demo")
                                   : tr("Config file: %1").arg(file));
    if (text != m_text->toPlainText()) {
        const int scroll = m_text->verticalScrollBar()->value();
        m_text->setPlainText(text);
        m_text->verticalScrollBar()->setValue(scroll);
    }
    updateButtons();
}

void ConfigView::onOperationFinished(const QString &what, const QString &error)
{
    // Only the answer to our reload; other views' operations have their own result.
    if (!m_reloading || !what.contains(u"reload"_s, Qt::CaseInsensitive))
        return;
    m_reloading = false;
    updateButtons();
    if (error.isEmpty()) {
        setResult(tr("Reloaded."));
        refresh();
        return;
    }
    // The first line says why; the others are the file's errors, "file:line:col: message".
    const QStringList lines = error.split(u'\n', Qt::SkipEmptyParts);
    setResult(tr("Reload refused: %1").arg(lines.value(0)));
    static const QRegularExpression located(u"^.+:\\d+:\\d+: "_s);
    for (const QString &line : lines) {
        if (located.match(line).hasMatch())
            m_errors->addItem(line);
    }
    m_errors->setVisible(m_errors->count() > 0);
}

void ConfigView::setResult(const QString &text)
{
    m_result->setText(text);
    m_result->setVisible(!text.isEmpty());
}

void ConfigView::updateButtons()
{
    m_refresh->setEnabled(m_client);
    m_reload->setEnabled(m_client && !m_reloading && !m_fileName.isEmpty());
    m_reload->setToolTip(m_fileName.isEmpty() && m_client
            ? tr("This instance has no config file to reload")
            : tr("Make the instance re-read its config file and apply it without dropping a "
                 "connection"));
}

} // namespace Limpet
