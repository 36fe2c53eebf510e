#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace Limpet {

class BackendTableModel;
class Engine;

/// The main window: the live backend table of the embedded engine, refreshed from value
/// snapshots a few times a second. The window never touches a socket.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

protected:
    void timerEvent(QTimerEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void refresh();

    Engine *m_engine;
    BackendTableModel *m_backends;
    QTableView *m_view;
    QLabel *m_status;
    int m_refreshTimer = 0;
};

} // namespace Limpet
