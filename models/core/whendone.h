#pragma once

#include <QFutureWatcher>

#include <exception>
#include <type_traits>
#include <utility>

namespace jb {

// Runs `onDone` on `receiver`'s thread once `future` has its result, and not at all when `receiver`
// was destroyed meanwhile: a page closed, or an execution ended, while its worker still ran.
// Always later, from the event loop, never inside the call that started the work, even when the
// worker was quicker. Call it from `receiver`'s thread.
// QFuture::then(receiver, ...) would do this on later Qt versions; Qt 6.4 asserts (or, without
// assertions, drops the continuation into a dead object) when the receiver is gone first, and runs
// it inside the call when the future has already finished. A watcher owned by the receiver carries
// the result instead: it dies with the receiver, and with it the delivery. A worker that threw
// delivers nothing (the exception is logged).
template <typename T, typename F> void whenDone(QFuture<T> future, QObject *receiver, F &&onDone)
{
    auto *watcher = new QFutureWatcher<T>(receiver);
    QObject::connect(watcher, &QFutureWatcherBase::finished, receiver,
        [watcher, onDone = std::forward<F>(onDone)]() mutable {
            watcher->deleteLater();
            try {
                if constexpr (std::is_void_v<T>) {
                    watcher->waitForFinished(); // rethrows what the worker threw
                    onDone();
                } else {
                    onDone(watcher->result());
                }
            } catch (const std::exception &error) {
                qWarning("a worker failed: %s", error.what());
            } catch (...) {
                qWarning("a worker failed");
            }
        });
    watcher->setFuture(std::move(future));
}

} // namespace jb
