#pragma once

#include <QList>
#include <QObject>

class QSocketNotifier;

namespace jb {

// Turns SIGINT/SIGTERM (or any signals asked for) into a Qt signal on the event loop, through the
// self-pipe trick: the handler only write()s a byte, which is async-signal-safe; a socket notifier
// reads it in the event loop. One watcher per process at a time (signal dispositions are).
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixSignalWatcher)

public:
    explicit UnixSignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override; // puts the default handlers back

    bool isWatching() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void received(int signalNumber);

private:
    void drain();

    QList<int> m_signals;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace jb
