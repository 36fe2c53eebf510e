#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace Limpet {

class ClusterClient;

/// The Config tab: the selected instance's running config, read-only, with its file's path;
/// Refresh asks for it again, Reload makes the instance re-read its file and shows the outcome
/// (a refused reload lists each "file:line:col: message" of the file; the old config still runs).
class ConfigView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigView)

public:
    explicit ConfigView(QWidget *parent = nullptr);

    /// Shows `client`'s config (nullptr: none) and asks for it.
    void setClient(ClusterClient *client);

public Q_SLOTS:
    void refresh();
    void reload();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onConfigReady(const QString &file, const QString &text);
    void onOperationFinished(const QString &what, const QString &error);
    void setResult(const QString &text);
    void updateButtons();

    QPointer<ClusterClient> m_client;
    QLabel *m_file;
    QPushButton *m_refresh;
    QPushButton *m_reload;
    QLabel *m_result;
    QListWidget *m_errors;
    QPlainTextEdit *m_text;
    QString m_fileName;
    bool m_reloading = false;
};

} // namespace Limpet
