#include "mainwindow.h"

#include "cluster/backendtablemodel.h"
#include "engine.h"

#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTimerEvent>

namespace Limpet {

MainWindow::MainWindow(Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_backends(new BackendTableModel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Limpet"));
    m_view->setModel(m_backends);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    setCentralWidget(m_view);
    statusBar()->addPermanentWidget(m_status);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1000, 420);
    refresh();
    m_refreshTimer = startTimer(std::chrono::milliseconds(500));
}

MainWindow::~MainWindow() = default;

void MainWindow::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_refreshTimer)
        refresh();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    event->accept();
}

void MainWindow::refresh()
{
    const EngineSnapshot s = m_engine->snapshot();
    m_backends->setSnapshot(s);
    m_status->setText(tr("Listening on %1 · %2 workers · %3 open connections · %4 sessions")
                          .arg(s.listen)
                          .arg(s.workers)
                          .arg(s.connectionsOpen)
                          .arg(s.sessions));
}

} // namespace Limpet
