#pragma once

#include <QObject>

class QSocketNotifier;

namespace Limpet {

/// Turns SIGINT and SIGTERM (and SIGHUP: reload) into Qt signals in the main thread (self-pipe +
/// QSocketNotifier, the pattern Qt documents for Unix signals), so shutdown runs in the event loop
/// and not in a signal handler.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signal);
    void reloadRequested();

private:
    static void handler(int signal);
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Limpet
