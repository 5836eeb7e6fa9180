#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QPointer>

#include <type_traits>
#include <utility>

namespace jb {

// Runs `onDone` on `receiver`'s (the GUI) thread once `future` has its result, and not at all when
// `receiver` was destroyed meanwhile: a page closed while its worker still ran. Always later, from
// the event loop, never inside the call that started the work, even when the worker was quicker.
// QFuture::then(receiver, ...) would do the same on later Qt versions; Qt 6.4 asserts (or, without
// assertions, drops the continuation into a dead object) when the receiver is gone first. Here the
// continuation's context is the application, which outlives every worker (its destructor waits for
// the global thread pool), and a QPointer checked on the receiver's own thread decides.
template <typename T, typename F> void whenDone(QFuture<T> future, QObject *receiver, F &&onDone)
{
    QPointer<QObject> alive(receiver);
    if constexpr (std::is_void_v<T>) {
        future.then(QCoreApplication::instance(), [alive, onDone = std::forward<F>(onDone)]() mutable {
            if (alive)
                QMetaObject::invokeMethod(alive, std::move(onDone), Qt::QueuedConnection);
        });
    } else {
        future.then(QCoreApplication::instance(), [alive, onDone = std::forward<F>(onDone)](T value) mutable {
            if (alive) {
                QMetaObject::invokeMethod(
                    alive,
                    [onDone = std::move(onDone), value = std::move(value)]() mutable {
                        onDone(std::move(value));
                    },
                    Qt::QueuedConnection);
            }
        });
    }
}

} // namespace jb
